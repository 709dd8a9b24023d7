"""Key facts: project name/number, purchaser, agency, procedure, money, dates, lots."""

from __future__ import annotations

from bidkit.model import TenderMeta
from bidkit.tender.outline import Outline


def extract_meta(outline: Outline) -> TenderMeta:
    return TenderMeta(currency="CNY" if outline.language == "zh" else None)
