"""Two-stage evaluation: the technical criteria are a points table, and the price is scored by a
separate formula on its own scale ('Sf = 100 x Fm/F', '价格分=（评标基准价/投标报价）×100').
The price is then an item of its own, worth the scale the formula gives it — added only when
no item already scores the price."""

from __future__ import annotations

import re

from bidkit.model import ScoringItem, SourceRef
from bidkit.tender.outline import Outline

_EN_FORMULA = re.compile(
    r"\b(?:S[fF]|F[sS]|financial\s+scores?|price\s+scores?)\b[^=.]{0,60}?=\s*(\d{2,4})\s*[x×*]\s*[A-Za-z(]"
    r"|\b(?:financial|price|commercial)\s+score[^.]{0,80}?\bmaximum\s+(?:score\s+)?of\s+(\d{2,4})\s*(?:points|marks)?"
    r"|\bmaximum\s+(?:financial|price|commercial)\s+score\s*(?:\([A-Za-z]{1,3}\))?\s+of\s+(\d{2,4})"
    r"|\blowest\s+(?:evaluated\s+)?(?:financial|price|commercial)\s+(?:bid|proposal|offer|quote)[^.]{0,60}?"
    r"\b(?:awarded|given|assigned|gets?|receives?)\s+(?:a\s+|the\s+)?(?:full\s+|maximum\s+)?(?:\d+%\s+)?"
    r"(?:financial\s+|price\s+)?(?:score|marks|points)\s+of\s+(\d{2,4})",
    re.IGNORECASE)
_ZH_FORMULA = re.compile(
    r"(?:价格|报价)(?:得)?分\s*[=＝]\s*[^。；;\n=＝]{0,60}?基准[价值][^。；;\n=＝]{0,40}?[×xX*]\s*(\d{2,3})(?!\s*[%.\d])")
_PRICE_ITEM = re.compile(r"价格|报价|\bpric\w*|\bcosts?\b|(?:financial|commercial)\s+(?:proposal|bid|offer|score)",
                         re.IGNORECASE)
_WEIGHTS = re.compile(
    r"(\d{2})\s*%?\s*[-–:/]\s*(\d{2})\s*%?\s*(?:distribution|split|ratio|weightage|weights?)\b.{0,30}?"
    r"\btechnical\s+and\s+(?:financial|price|commercial)"
    r"|technical\s+(?:evaluation\s+)?score\s+will\s+be\s+given\s+a\s+weightage\s+of\s+(\d{2})\s*%.{0,60}?"
    r"(?:financial|price|commercial)\s+(?:evaluation\s+)?score,?\s+a\s+weightage\s+of\s+(\d{2})", re.IGNORECASE)


def formula_price_items(outline: Outline, items: list[ScoringItem]) -> list[ScoringItem]:
    if not items or any(_PRICE_ITEM.search(i.item) or i.category == "价格" for i in items):
        return []
    return _weighted_parts(outline) or _formula_item(outline)


def _weighted_parts(outline: Outline) -> list[ScoringItem]:
    """'the 70%-30% distribution for technical and financial proposals': the two parts of the
    combined score are items worth their weights (English two-envelope evaluations)."""
    if outline.language == "zh":
        return []
    for b in outline.doc.blocks:
        m = _WEIGHTS.search(b.text)
        if not m:
            continue
        tech, fin = (float(g) for g in m.groups() if g)
        if tech + fin != 100:
            continue
        source = SourceRef(page=b.page, paragraph=b.paragraph, section=outline.section_title(b), quote=m.group(0)[:200])
        return [ScoringItem(category="Technical", item="Technical Proposal", points=tech, criteria=m.group(0),
                            page=b.page, source=source),
                ScoringItem(category="Financial", item="Financial Proposal", points=fin, criteria=m.group(0),
                            page=b.page, source=source)]
    return []


def _formula_item(outline: Outline) -> list[ScoringItem]:
    zh = outline.language == "zh"
    formula = _ZH_FORMULA if zh else _EN_FORMULA
    for b in outline.doc.blocks:
        m = formula.search(b.text)
        if not m:
            continue
        scale = float(next(g for g in m.groups() if g))
        name = "价格分" if zh else "Financial score"
        return [ScoringItem(category="价格" if zh else "Financial", item=name, points=scale,
                            criteria=b.text[max(0, m.start() - 200):m.end() + 300], page=b.page,
                            source=SourceRef(page=b.page, paragraph=b.paragraph,
                                             section=outline.section_title(b), quote=m.group(0)[:200]))]
    return []
