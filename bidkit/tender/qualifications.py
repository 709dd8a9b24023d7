"""qualifications extractor."""

from __future__ import annotations

from bidkit.model import Requirement
from bidkit.tender.outline import Outline


def extract_qualifications(outline: Outline) -> list[Requirement]:
    return []
