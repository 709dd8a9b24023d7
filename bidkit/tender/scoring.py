"""Scoring criteria (评分标准 / evaluation criteria): category, item, maximum points, criteria text.

Two layouts reach us: real tables (DOCX tables, PDF ruled tables as Block.rows) and PDF pages
whose table text arrives as lines (handled in scoring_lines.py). A table is a scoring table by
its header row (评分因素 / 分值 / 评分标准, criteria / points / marks); its columns get roles from
those header words, so no column position is assumed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bidkit.document import Block
from bidkit.model import ScoringItem, SourceRef
from bidkit.tender.outline import Outline
from bidkit.tender.scoring_common import (
    category_of,
    cell_sub_factors,
    clean_name,
    group_category,
    is_total,
    points_from_cell,
    points_from_criteria,
    points_in_name,
    stated_total,
    weight_split_items,
)
from bidkit.tender.scoring_lines import scoring_from_lines
from bidkit.tender.scoring_list import scoring_from_list
from bidkit.tender.scoring_loose import has_signal, loose_items
from bidkit.tender.scoring_price import formula_price_items
from bidkit.tender.scoring_ratings import scoring_from_ratings

_ROLE_PATTERNS: list[tuple[str, re.Pattern]] = [
    ("seq", re.compile(r"^(序号|编号|序|No\.?|S\.?\s*No\.?|Sr\.?\s*No\.?|#)$", re.IGNORECASE)),
    ("item", re.compile(r"评分因素|评审因素|评分项目|评审项目|评分项|评价因素|评价项目|评分要素|"
                        r"评审要素|考核项目|评分大项|criteri|factor|parameter", re.IGNORECASE)),
    ("points", re.compile(r"分值|分数|满分|标准分|权重|最高分|得分上限|points?|marks?|weight|score",
                          re.IGNORECASE)),
    ("crit", re.compile(r"评分标准|评分办法|评审标准|评分细则|评分说明|评分方法|评分依据|评审内容|"
                        r"评分内容|标准|细则|办法|description|sub-?criteria|how", re.IGNORECASE)),
    ("cat", re.compile(r"类别|类型|评分类|评审类|category", re.IGNORECASE)),
    ("item", re.compile(r"^(项目|内容|因素|名称|item|area|section)", re.IGNORECASE)),
]


@dataclass
class _Columns:
    seq: int | None = None
    items: list[int] = field(default_factory=list)  # group column first, then sub-item column
    points: int | None = None
    crit: int | None = None
    cat: int | None = None


_NOT_EVALUATION = re.compile(r"合同|采购需求|用户需求|需求书|技术规格|技术要求|服务要求|文件格式|格式附件|"
                             r"contract|terms of reference|scope of work|specification|forms?\b", re.IGNORECASE)


def extract_scoring(outline: Outline) -> tuple[list[ScoringItem], float | None]:
    items = _from_tables(outline)
    # an appraisal sheet in the contract or requirements chapter is not bid scoring — when the
    # tender has scoring tables elsewhere; some tenders do put their criteria in those chapters
    items = [i for i in items if not _NOT_EVALUATION.search(i.source.section or "")] or items
    if not items:
        items = scoring_from_lines(outline)
    if not items:
        items = scoring_from_list(outline)
    if not items:
        items = scoring_from_ratings(outline)
    items = _dedupe(items)
    items += weight_split_items(outline, items)
    total = stated_total(outline, items)  # the technical scale; the price formula has its own
    return items + formula_price_items(outline, items), total


# ---------- tables ----------


def _from_tables(outline: Outline) -> list[ScoringItem]:
    blocks = outline.doc.blocks
    items: list[ScoringItem] = []
    loose_at: int | None = None  # last table read row by row: its page-split rest may follow
    i = 0
    while i < len(blocks):
        b = blocks[i]
        if b.kind == "table" and b.rows and _is_appraisal(b.rows):
            i += 1
            continue
        cols = _header_columns(b.rows) if b.kind == "table" and b.rows and not _is_index_table(b) \
            else None
        if cols is None:
            if b.kind == "table" and b.rows and not _is_index_table(b):
                follows_loose = loose_at is not None and b.index - loose_at <= 3
                found = _named_points_rows(outline, b) or (
                    loose_items(outline, b) if follows_loose or has_signal(b.rows) else [])
                loose_at = b.index if found else loose_at
                items.extend(found)
            i += 1
            continue
        header_at, columns = cols
        group = [b]
        j = i + 1
        while j < len(blocks) and _continues(blocks[j], b, blocks[j - 1]):
            group.append(blocks[j])
            j += 1
        items.extend(_table_items(outline, group, header_at, columns))
        i = j
    return items


_NAME_WITH_POINTS = re.compile(r"^.{2,40}[（(]\s*(?:满分|客观项|主观项)?\s*\d+(?:\.\d+)?\s*分\s*[)）]\s*$")


def _named_points_rows(outline: Outline, table: Block) -> list[ScoringItem]:
    """A table without a header whose rows name their points: '投标人类似业绩（25分）| 标准…'."""
    found: list[ScoringItem] = []
    if _is_index_table(table):
        return found
    for row in table.rows or []:
        for c, cell in enumerate(row):
            if _NAME_WITH_POINTS.match(cell.strip()) and not _HEADING_NAME.search(cell):
                crit = " ".join(row[c + 1:])
                name = clean_name(cell)
                found.append(_item(outline, table, category_of(name, "", outline.language), name,
                                   points_in_name(cell), crit))
                break
    return found if len(found) >= 3 else []


_HEADING_NAME = re.compile(r"评分细则|评分标准|评分办法|评审标准|合计|总分|满分\s*100")


def _is_index_table(table: Block) -> bool:
    """A bidder's page index of the scoring items (评分索引表, '对应投标文件页码') scores nothing."""
    return any("页码" in c or "页次" in c for c in (table.rows or [[]])[0])


_APPRAISAL = re.compile(r"考核|考评|扣分标准|KPI", re.IGNORECASE)


def _header_columns(rows: list[list[str]]) -> tuple[int, _Columns] | None:
    for r, row in enumerate(rows[:3]):
        cols = _roles(row)
        if cols.items and (cols.points is not None or cols.crit is not None) \
                and (cols.points is not None or _mentions_points(rows[r + 1:])):
            cols.points = _fullest_points_column(row, rows[r + 1:], cols)
            return r, cols
    return None


def _is_appraisal(rows: list[list[str]]) -> bool:
    """A post-award appraisal sheet (考核项目 / 考评内容), not bid scoring."""
    return any(_APPRAISAL.search(c) for row in rows[:2] for c in row if len(c) <= 20)


def _fullest_points_column(header: list[str], body: list[list[str]], cols: _Columns) -> int | None:
    """'类别 | 分值 | 项目 | 权重 | …': of several points-like columns, the one filled on most rows."""
    rx = _ROLE_PATTERNS[2][1]
    candidates = [c for c, cell in enumerate(header) if c not in cols.items and c != cols.crit
                  and rx.search(re.sub(r"\s+", "", cell)) and len(cell) <= 30]
    if len(candidates) < 2:
        return cols.points

    def filled(c: int) -> int:
        return sum(1 for row in body if c < len(row) and re.fullmatch(r"\s*[\d.~～\-%分\s]+", row[c] or "x"))
    item = cols.items[-1]
    return max(candidates, key=lambda c: (filled(c), c > item, -abs(c - item)))


def _mentions_points(rows: list[list[str]]) -> bool:
    text = " ".join(" ".join(r) for r in rows[:8])
    return len(re.findall(r"\d+\s*分|points?|marks", text, re.IGNORECASE)) >= 2


def _roles(row: list[str]) -> _Columns:
    cols = _Columns()
    for c, cell in enumerate(row):
        text = re.sub(r"\s+", "", cell) if re.search(r"[\u4e00-\u9fff]", cell) else cell.strip()
        if not text or len(text) > 30:
            continue
        for role, rx in _ROLE_PATTERNS:
            if not rx.search(text):
                continue
            if role == "item" and len(cols.items) < 2 and c not in cols.items:
                cols.items.append(c)
                break
            if role != "item" and getattr(cols, role) is None:
                setattr(cols, role, c)
                break
    return cols


def _continues(block: Block, first: Block, prev: Block) -> bool:
    """A table split across pages comes back as consecutive tables of the same width."""
    if block.kind != "table" or not block.rows or not first.rows:
        return False
    width = max(len(r) for r in first.rows)
    if abs(max(len(r) for r in block.rows) - width) > 1 or block.index - prev.index > 2:
        return False
    return _header_columns(block.rows) is None or _same_header(block.rows[0], first.rows[0])


def _same_header(a: list[str], b: list[str]) -> bool:
    return [re.sub(r"\s+", "", x) for x in a] == [re.sub(r"\s+", "", x) for x in b]


def _looks_like_header(row: list[str], cols: _Columns) -> bool:
    """A second header row ('Component | Weight') inside a continued table."""
    pts = row[cols.points] if cols.points is not None and cols.points < len(row) else ""
    return bool(pts.strip()) and not re.search(r"\d", pts) and bool(_ROLE_PATTERNS[2][1].search(pts))


@dataclass
class _Row:
    block: Block
    group: str
    sub: str
    points_cell: str
    crit: str
    cat: str
    extra_points: list[str] = field(default_factory=list)


def _table_items(outline: Outline, tables: list[Block], header_at: int,
                 cols: _Columns) -> list[ScoringItem]:
    header = tables[0].rows[header_at]
    rows: list[_Row] = []
    category = ""
    for t in tables:
        body = t.rows[header_at + 1:] if t is tables[0] else t.rows
        for row in body:
            if _same_header(row, header) or _looks_like_header(row, cols):
                continue
            cells = [row[c] if c is not None and c < len(row) else "" for c in
                     (cols.items[0], cols.items[1] if len(cols.items) > 1 else None,
                      cols.points, cols.crit, cols.cat, cols.seq)]
            group, sub, pts, crit, cat, seq = cells
            distinct = {x.strip() for x in row if x.strip()}
            if len(distinct) == 1 and group_category(next(iter(distinct))):
                category = group_category(next(iter(distinct))) or category
                continue
            first = next((x for x in row if x.strip()), "")
            if is_total(first) or (row and _NOTE_ROW.match(row[0])):
                continue  # '说明：本项目如果属于…' under the table explains, it scores nothing
            if not sub.strip():  # '企业综合实力（4分）' in the points cell, or heading the criteria
                sub = _sub_name(pts) or _sub_name(crit.strip().split("\n")[0])
            if not group.strip() and not sub.strip() and not seq.strip() and rows:
                rows[-1].crit += "\n" + crit.strip() if crit.strip() else ""
                if not rows[-1].points_cell.strip() and pts.strip():
                    rows[-1].points_cell = pts
                elif pts.strip():
                    rows[-1].extra_points.append(pts)  # sub-criteria rows of one item
                continue
            if not group.strip() and rows and (sub.strip() or pts.strip()):
                group = rows[-1].group  # a merged group cell spans this row
            rows.append(_Row(t, group, sub, pts, crit, cat or category))
    return _rows_to_items(outline, rows)


_NOTE_ROW = re.compile(r"^\s*(?:说明|注|备注|note)\s*\d*\s*[:：]", re.IGNORECASE)
_SUB_NAME = re.compile(r"^(.{2,30}?)\s*[（(]\s*\d+(?:\.\d+)?\s*分\s*[)）]\s*$")


def _sub_name(text: str) -> str:
    return text.strip() if _SUB_NAME.match(text.strip()) else ""


def _rows_to_items(outline: Outline, rows: list[_Row]) -> list[ScoringItem]:
    sizes: dict[str, int] = {}
    for r in rows:
        sizes[r.group] = sizes.get(r.group, 0) + 1
    items = []
    for r in rows:
        use_sub = bool(r.sub.strip()) and sizes[r.group] > 1
        raw = r.sub if use_sub else (r.group or r.sub)
        name = clean_name(raw)
        if not name or is_total(name):
            continue
        if use_sub:
            points = points_in_name(r.sub) or points_from_cell(r.points_cell) \
                or points_from_criteria(r.crit)
        else:
            points = points_from_cell(r.points_cell) or points_in_name(raw) \
                or points_from_criteria(r.crit)
            extra = [points_from_cell(e) for e in r.extra_points]
            if points is not None and extra and all(x is not None for x in extra):
                points += sum(x for x in extra if x is not None)
        category = category_of(name, group_category(r.cat) or r.cat or group_category(r.group) or "",
                               outline.language)
        items.append(_item(outline, r.block, category, name, points, r.crit))
        if not use_sub:
            items += [_item(outline, r.block, category_of(sub, category, outline.language), sub, pts, crit)
                      for sub, pts, crit in cell_sub_factors(r.crit, points)]
    return items


def _item(outline: Outline, block: Block, category: str, name: str, points: float | None,
          criteria: str) -> ScoringItem:
    crit = re.sub(r"[ \t]+", " ", criteria).strip()
    return ScoringItem(
        category=category, item=name, points=points, criteria=crit[:2000], page=block.page,
        source=SourceRef(page=block.page, paragraph=block.paragraph,
                         section=outline.section_title(block), quote=f"{name} {crit}"[:300]))


def _dedupe(items: list[ScoringItem]) -> list[ScoringItem]:
    """The same table printed twice (e.g. in 须知 and in the evaluation chapter) counts once."""
    seen: set[tuple[str, float | None]] = set()
    out = []
    for it in items:
        key = (re.sub(r"\W+", "", it.item.lower()), it.points)
        if key in seen:
            continue
        seen.add(key)
        out.append(it)
    return out
