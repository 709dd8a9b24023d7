"""`bidkit check`: read a bid as the reviewers left it and find what would void it."""

from bidkit.check.model import CheckReport, Finding

__all__ = ["CheckReport", "Finding"]
