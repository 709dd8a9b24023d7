"""Cross-checks on a parsed tender: is it a tender at all, do the points add up."""

from __future__ import annotations

import re

from bidkit.model import Tender
from bidkit.tender.outline import Outline

_TENDER_WORDS = re.compile(
    r"招标|采购|磋商|谈判|询价|投标|响应文件|評審|投標|招標|"
    r"request for (?:proposal|quotation|expression)|invitation (?:to|for) (?:bid|tender)|"
    r"\bRFP\b|\bRFQ\b|\bITB\b|\bNIT\b|\bEOI\b|terms of reference|bidder|tender",
    re.I,
)


def looks_like_tender(outline: Outline) -> bool:
    text = outline.doc.text[:200000]
    return len(_TENDER_WORDS.findall(text)) >= 5


def validate_tender(tender: Tender) -> list[str]:
    warnings: list[str] = []
    if not tender.is_tender:
        warnings.append("This document does not look like a tender (few tender/bid terms found).")
    points = [s.points for s in tender.scoring if s.points is not None]
    if points and tender.scoring_total:
        total = sum(points)
        if abs(total - tender.scoring_total) > 0.01:
            warnings.append(
                f"Scoring items add up to {total:g} points, but the tender states {tender.scoring_total:g}."
            )
    return warnings
