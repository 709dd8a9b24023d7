"""Cross-checks on a parsed tender: is it a tender at all, do the points add up."""

from __future__ import annotations

import re
from itertools import islice

from bidkit.model import Tender
from bidkit.tender.outline import Outline

_TENDER_WORDS = re.compile(
    r"招标|采购|磋商|谈判|询价|投标|响应文件|評審|投標|招標|"
    r"request for (?:proposal|quotation|expression)|invitation (?:to|for) (?:bid|tender)|"
    r"\bRFP\b|\bRFQ\b|\bITB\b|\bNIT\b|\bEOI\b|terms of reference|bidder|tender",
    re.IGNORECASE,
)


def looks_like_tender(outline: Outline) -> bool:
    text = outline.doc.text[:200000]
    return next(islice(_TENDER_WORDS.finditer(text), 4, None), None) is not None  # a 5th match exists


def validate_tender(tender: Tender) -> list[str]:
    warnings: list[str] = []
    if not tender.is_tender:
        warnings.append("This document does not look like a tender (few tender/bid terms found).")
    warning = points_sum_warning(tender)
    if warning:
        warnings.append(warning)
    return warnings


_PRICE_CATEGORIES = ("价格", "报价", "Financial", "Price", "Commercial")


def points_sum_warning(tender: Tender) -> str | None:
    """Warn when the scoring items do not add up to the total the tender states.

    Two-stage evaluations score the technical and the financial proposal each on its own scale
    (technical items sum to 100, the financial score is out of 100, weighted 70/30 later); that
    is consistent, so either stage matching the stated total counts as adding up."""
    total = tender.scoring_total
    pointed = [s for s in tender.scoring if s.points is not None]
    if not total or len(pointed) < 2:
        return None
    whole = sum(s.points for s in pointed)
    non_price = sum(s.points for s in pointed if s.category not in _PRICE_CATEGORIES)
    if any(abs(x - total) <= 0.01 for x in (whole, non_price)) or _top_level_adds_up(pointed, total):
        return None
    missing = len(tender.scoring) - len(pointed)
    note = f" ({missing} item(s) have no points)" if missing else ""
    return (f"Scoring items add up to {whole:g} points{note}, but the tender states "
            f"{total:g}; check the scoring table against the tender.")


def _top_level_adds_up(pointed: list, total: float) -> bool:
    """Groups listed with their own sub-items: '技术部分 55' followed by sub-items adding up to 55
    ('技术需求响应 12' … '增值服务 4'), or the criteria followed by 'Technical 70 / Financial 30'.
    Either level adds up to the total when nothing is missing."""
    points = [s.points for s in pointed]
    top, i = 0.0, 0
    while i < len(points):  # a group's sub-items right after it count once, as the group
        top += points[i]
        i += 1 + _sub_run(points, i)
    if abs(top - total) <= 0.01:
        return True
    for i in range(len(points)):  # a level listed on its own: a consecutive run of >= 2 items
        run = 0.0
        for n, p in enumerate(points[i:]):
            run += p
            if n >= 1 and abs(run - total) <= 0.01:
                return True
            if run > total:
                break
    return False


def _sub_run(points: list[float], group: int) -> int:
    """How many items right after `group` are its sub-items (>= 2 of them adding up to it), else 0."""
    run = 0.0
    for n, p in enumerate(points[group + 1:], start=1):
        run += p
        if n >= 2 and abs(run - points[group]) <= 0.01:
            return n
        if run > points[group]:
            break
    return 0
