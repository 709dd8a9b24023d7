"""Evaluation factors rated with adjectives instead of points (US FAR style): '3.3.2.1 - Technical
Approach' followed by 'The following ratings will be used: ● Exceptional: … ● Good: … ● Poor: …'.
Each rated factor is a scoring item without points; a price factor numbered beside them
('3.3.2.3 Pricing') is one too. Only used when no points-based criteria were found."""

from __future__ import annotations

import re

from bidkit.document import Block
from bidkit.model import ScoringItem, SourceRef
from bidkit.tender.outline import Outline

_NUMBERED = re.compile(r"^\s*(\d{1,2}(?:\.\d{1,2}){1,4})\.?\s*[-–:.]?\s*([A-Z][^.:;]{2,90})$")
_RATING_WORDS = (r"Exceptional|Outstanding|Excellent|Very\s+Good|Good|Acceptable|Satisfactory|Marginal|"
                 r"Unacceptable|Unsatisfactory|Poor|Very\s+Likely|Likely|Unlikely|Neutral|"
                 r"(?:High|Some|Low|No)\s+Confidence|Substantial\s+Confidence|Limited\s+Confidence")
_RATING_LINE = re.compile(rf"^[\s●•○■▪\-–*]*(?:{_RATING_WORDS})\s*[:–\-]", re.IGNORECASE)
_RATING_LEAD = re.compile(r"following ratings|ratings? will be (?:used|assigned)|adjectival|rated as", re.IGNORECASE)
_PRICE = re.compile(r"\b(?:pric\w*|cost\w*)\b", re.IGNORECASE)
_MAX_WORDS = 12


def scoring_from_ratings(outline: Outline) -> list[ScoringItem]:
    if outline.language == "zh":
        return []
    heads = [(b, m.group(1), m.group(2).strip()) for b in outline.doc.blocks
             if b.kind != "table" and (m := _NUMBERED.match(b.text.strip()))
             and len(m.group(2).split()) <= _MAX_WORDS]
    rated = [(n, h) for n, h in enumerate(heads) if _is_rated(outline, h[0], heads[n + 1][0] if n + 1 < len(heads) else None)]
    if len(rated) < 2:
        return []
    parents = {_parent(h[1]) for _, h in rated}
    chosen = {n for n, _ in rated}
    chosen |= {n for n, h in enumerate(heads) if _parent(h[1]) in parents and _PRICE.search(h[2])}
    return [_item(outline, *heads[n]) for n in sorted(chosen)]


def _parent(number: str) -> str:
    return number.rsplit(".", 1)[0]


def _is_rated(outline: Outline, head: Block, nxt: Block | None) -> bool:
    end = nxt.index if nxt is not None else min(len(outline.doc.blocks), head.index + 15)
    body = [b.text for b in outline.doc.blocks[head.index + 1:end] if b.kind != "table"]
    ratings = sum(1 for t in body if _RATING_LINE.match(t))
    return ratings >= 2 and (ratings >= 3 or any(_RATING_LEAD.search(t) for t in body))


def _item(outline: Outline, block: Block, number: str, title: str) -> ScoringItem:
    name = re.sub(r"\s+", " ", title).strip(" -–")
    category = "Financial" if _PRICE.search(name) else "Technical"
    body = " ".join(b.text for b in outline.doc.blocks[block.index + 1:block.index + 6] if b.kind != "table")
    return ScoringItem(category=category, item=name, points=None, criteria=body[:2000], page=block.page,
                       source=SourceRef(page=block.page, paragraph=block.paragraph,
                                        section=outline.section_title(block), quote=f"{number} {name}"[:300]))
