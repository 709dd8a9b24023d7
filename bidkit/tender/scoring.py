"""Scoring criteria (评分标准): category, item, maximum points, criteria text."""

from __future__ import annotations

from bidkit.model import ScoringItem
from bidkit.tender.outline import Outline


def extract_scoring(outline: Outline) -> tuple[list[ScoringItem], float | None]:
    return [], None
