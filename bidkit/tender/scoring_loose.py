"""Scoring tables whose header does not line up with their cells (PDF tables rebuilt from ruling
lines often shift a column): read each row by what its cells look like — a row number, a name,
a number of points — instead of by header position."""

from __future__ import annotations

import re

from bidkit.document import Block
from bidkit.model import ScoringItem, SourceRef
from bidkit.tender.outline import Outline
from bidkit.tender.scoring_common import category_of, clean_name, is_total, points_from_criteria

_SIGNAL = re.compile(r"\b(?:points?|marks?|scores?|weight(?:age|ing)?)\b|分值|分数|权重|评分|满分", re.IGNORECASE)
_SEQ = re.compile(r"^\s*(\d{1,2}(?:\s*\.\s*\d{1,2})*)\s*\.?\s*([a-h])?\s*$|^[A-Z]\d{1,2}$")
_LEAD_SEQ = re.compile(r"^\s*(\d{1,2})\s*[-–.]\s*(?=[A-Za-z\u4e00-\u9fff])")
_POINTS = re.compile(r"^\s*(?:0\s*[~～\-]\s*)?(\d+(?:\.\d+)?)\s*(%|分|points?|marks?)?\s*"
                     r"(?:[（(][^)）]{0,40}[)）])?\s*$", re.IGNORECASE)
_NOT_NAME = re.compile(r"^[\s.…·_\-–]*$|^sub-?\W?score$|^yes\s*/\s*no$", re.IGNORECASE)


def has_signal(rows: list[list[str]]) -> bool:
    return any(_SIGNAL.search(c) for r in rows[:3] for c in r if len(c) <= 40)


def loose_items(outline: Outline, table: Block) -> list[ScoringItem]:
    items: list[ScoringItem] = []
    for row in table.rows or []:
        cells = [c.strip() for c in row]
        parsed = _parse_row(cells)
        if parsed is None:
            if items and _is_continuation(cells):
                items[-1].criteria = (items[-1].criteria + " " + " ".join(c for c in cells if c)).strip()
            continue
        name, points, crit = parsed
        items.append(ScoringItem(
            category=category_of(name, "", outline.language), item=name, points=points,
            criteria=crit[:2000], page=table.page,
            source=SourceRef(page=table.page, paragraph=table.paragraph,
                             section=outline.section_title(table), quote=f"{name} {crit}"[:300])))
    pointed = sum(1 for i in items if i.points is not None)
    return items if pointed >= 2 or pointed and len(items) <= 3 else []


def _parse_row(cells: list[str]) -> tuple[str, float | None, str] | None:
    seq = None
    rest: list[str] = []
    for c in cells:
        if not c:
            continue
        if seq is None and not rest and _SEQ.match(c):
            seq = c
            continue
        rest.append(c)
    texts = [c for c in rest if not _POINTS.match(c)]
    if not texts or is_total(texts[0]) or _NOT_NAME.match(texts[0]) or \
            len(texts[0]) <= 12 and _SIGNAL.search(texts[0]):  # '权重（%）', 'Points' — header words
        return None
    name_cell = texts[0]
    lead = _LEAD_SEQ.match(name_cell)
    if lead:
        seq, name_cell = lead.group(1), name_cell[lead.end():]
    after = rest[rest.index(texts[0]) + 1:]
    nums = [c for c in after if _POINTS.match(c)] or [c for c in rest if _POINTS.match(c)]
    points = float(_POINTS.match(nums[0]).group(1)) if nums else None
    if seq is None and points is None:
        return None
    if re.match(r"^[-–•·o]\s", name_cell):
        return None
    crit = " ".join(texts[1:])
    if points is None and crit:
        points = points_from_criteria(crit)
    name = clean_name(name_cell)
    return (name, points, crit) if len(name) >= 2 else None


def _is_continuation(cells: list[str]) -> bool:
    filled = [c for c in cells if c]
    return bool(filled) and not any(_POINTS.match(c) for c in filled) and not is_total(filled[0])
