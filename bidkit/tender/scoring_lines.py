"""Scoring tables that reach us as text lines (PDF pages without table blocks).

A region starts at the table's header line (评分因素 … 分值 … 评分标准 / 'Evaluation Criteria …
Points obtainable') and runs until a total line, the next chapter, a deeper clause number of the
surrounding text (6.2.6 …), or a long stretch without rows. Rows are recognised by the tender's
own row shapes: '1.1 名称 9 分 标准…', '名称 0~15 标准…', '2.1 Name … 20'.
"""

from __future__ import annotations

import re

from bidkit.document import Block
from bidkit.model import ScoringItem, SourceRef
from bidkit.tender.outline import Outline
from bidkit.tender.scoring_common import (
    category_of,
    clean_name,
    group_category,
    points_from_criteria,
    squash_cjk,
)

_NUM = r"\d+(?:\.\d+)?"
_ZH_ITEM_HEAD = re.compile(r"评分因素|评分项目|评审因素|评审项目|评分项|评价因素|评分要素|评审要素|评分内容")
_ZH_OTHER_HEAD = re.compile(r"分值|分数|权重|评分标准|评分办法|评审标准|评分细则|标准分")
_ZH_HEAD_END = re.compile(r".*(?:评分内容及标准|评分标准|评分办法|评审标准|评分细则|分值区间|分值|标准分|权重)")
_EN_HEAD = re.compile(r"evaluation criteria|points obtainabl|section weighting|maximum (?:points|marks|score)|"
                      r"marks allotted|weightage|evaluation forms", re.IGNORECASE)
_RANGE = re.compile(rf"(?:^|(?<=[\s。；;，,：:）)]))([^\s。；;，,：:\d~～]{{2,30}}?)\s*0\s*[~～]\s*({_NUM})")
_ZH_ROW = re.compile(r"^\s*(\d{1,2}\.\d{1,2}|\d{1,2}(?=\s))\s*(?=[\u4e00-\u9fff])")
_ZH_NAME_PTS = re.compile(rf"^([^\d\s]{{2,40}}?)\s*({_NUM})\s*(分)?")
_ZH_CRIT_START = re.compile(
    r"(?<=..)(投标人|供应商|响应人|根据|针对|按照|满足|提供|评委|评审|以通过|以满足|凡|每提供|每项|"
    r"每有|近[一二三四五六七八九十\d]|自\d|对本|对项目|对投标|由评|由磋商|所投|具有|具备|须|需要)")
_STOP = re.compile(r"^\s*(?:\d+\.\d+\.\d+|第[一二三四五六七八九十\d]+[条章节])")
_ZH_TOTAL = re.compile(r"^\s*(?:合计|总计|总分)")
_EN_ROW = re.compile(r"^\s*(\d{1,2})(?:\.(\d{1,2}))?(?:\s*([a-h])\b)?\s*[.\-–)]?\s*(?=[A-Z\u2018\u201c\"'])")
_EN_PCT_ROW = re.compile(rf"^\s*({_NUM})\s*%\s*([A-Z].{{2,120}})$")
_EN_BULLET = re.compile(rf"^\s*[•·o\-–]\s*(.{{5,200}}?)[\s\-–]*({_NUM})\s*(?:Marks|points)\b", re.IGNORECASE)
_EN_TAIL = re.compile(r"\s*(?:\bTotal\b|Sub-?total|Sub.?Score|\bSection\s+\d|(?:[A-Za-z]+\s+){0,3}Evaluation Form|"
                      r"\bForm\s+\d)", re.IGNORECASE)
_EN_PTS_TAIL = re.compile(rf"\s+({_NUM})\s*(%|points?|marks?)?\s*$", re.IGNORECASE)
_MAX_GAP = 25


def scoring_from_lines(outline: Outline) -> list[ScoringItem]:
    blocks = outline.doc.blocks
    items: list[ScoringItem] = []
    i = 0
    while i < len(blocks):
        b = blocks[i]
        if b.kind != "table" and _is_anchor(b, outline.language):
            scan = _scan_zh if outline.language == "zh" else _scan_en
            found, end = scan(outline, i)
            pointed = sum(1 for f in found if f.points is not None)
            if pointed and pointed * 4 >= len(found):
                items.extend(found)
            i = max(end, i + 1)
        else:
            i += 1
    return items


def _is_anchor(b: Block, language: str) -> bool:
    if language == "zh":
        text = re.sub(r"\s+", "", b.text[:200])
        head, other = _ZH_ITEM_HEAD.search(text), _ZH_OTHER_HEAD.search(text)
        if not head or not other:
            return False
        between = text[min(head.end(), other.end()):max(head.start(), other.start())]
        return len(between) <= 12 and not re.search(r"[，。；,;：:]", between)
    return bool(_EN_HEAD.search(b.text[:300]))


def _item(outline: Outline, b: Block, category: str, name: str, points: float | None,
          criteria: str) -> ScoringItem:
    crit = criteria.strip()
    return ScoringItem(category=category_of(name, category, outline.language), item=name,
                       points=points, criteria=crit[:2000], page=b.page,
                       source=SourceRef(page=b.page, paragraph=b.paragraph,
                                        section=outline.section_title(b),
                                        quote=f"{name} {crit}"[:300]))


# ---------- Chinese ----------


def _scan_zh(outline: Outline, start: int) -> tuple[list[ScoringItem], int]:
    blocks = outline.doc.blocks
    chapter = outline.chapter_of(blocks[start])
    items: list[ScoringItem] = []
    category = ""
    last_hit = start
    last_top: int | None = None
    j = start
    while j < len(blocks) and j - last_hit <= _MAX_GAP:
        b = blocks[j]
        if j > start and (b.kind == "table" or outline.chapter_of(b) is not chapter
                          or _STOP.match(b.text) or _is_anchor(b, "zh")):
            break
        text = _ZH_HEAD_END.sub("", b.text, count=1) if j == start else b.text
        text = squash_cjk(text)
        if _ZH_TOTAL.match(text):
            j += 1
            break
        cat = group_category(text)
        if cat:
            category = cat
            j += 1
            continue
        found = _range_items(outline, b, text, category)
        if not found:
            top = _row_top(text)
            if top is not None and (last_top is None or top in (last_top, last_top + 1)):
                found = _row_item(outline, b, text, category)
                last_top = top if found else last_top
        if found:
            items.extend(found)
            last_hit = j
        elif items:
            _continue_item(items[-1], text)
        j += 1
    return items, j


def _range_items(outline: Outline, b: Block, text: str, category: str) -> list[ScoringItem]:
    """'服务方案 0~15 服务方案的合理性…' — several rows may share one merged line."""
    matches = list(_RANGE.finditer(text))
    out = []
    for n, m in enumerate(matches):
        end = matches[n + 1].start() if n + 1 < len(matches) else len(text)
        name = clean_name(m.group(1))
        if len(name) >= 2:
            out.append(_item(outline, b, category, name, float(m.group(2)), text[m.end():end]))
    return out


def _row_top(text: str) -> int | None:
    m = _ZH_ROW.match(text)
    return int(m.group(1).split(".")[0]) if m else None


def _row_item(outline: Outline, b: Block, text: str, category: str) -> list[ScoringItem]:
    """'2.1 服务方案 18分针对本项目…' / '2 荣誉、奖项投标人获得…' / '4 技术指标响应情况'."""
    m = _ZH_ROW.match(text)
    if not m:
        return []
    rest = text[m.end():].strip()
    points = None
    np = _ZH_NAME_PTS.match(rest)
    if np and not _ZH_CRIT_START.search(np.group(1)):
        name, points, crit = np.group(1), float(np.group(2)), rest[np.end():]
    else:
        name = re.split(r"[\s\d，,。；;：:]", rest, maxsplit=1)[0]
        cut = _ZH_CRIT_START.search(name)
        if cut:
            name = name[:cut.start()]
        crit = rest[len(name):]
        points = points_from_criteria(crit)
    name = clean_name(name)
    if len(name) < 2 or name[0] in "分年个%":
        return []
    return [_item(outline, b, category, name, points, crit)]


def _continue_item(item: ScoringItem, text: str) -> None:
    """A wrapped row: '15分针对本项目…' gives the points of the row above it."""
    if item.points is None:
        m = re.match(rf"^\s*({_NUM})\s*分", text)
        item.points = float(m.group(1)) if m else points_from_criteria(text)
    if len(item.criteria) < 2000:
        item.criteria = (item.criteria + "\n" + text).strip()


# ---------- English ----------


def _scan_en(outline: Outline, start: int) -> tuple[list[ScoringItem], int]:
    blocks = outline.doc.blocks
    items: list[ScoringItem] = []
    last_hit, last_top = start, 0
    pending = ""
    j = start
    while j < len(blocks) and j - last_hit <= 12:
        b = blocks[j]
        if j > start and (b.kind == "table" or _is_anchor(b, "en") and items):
            break
        text = re.sub(r"\s+", " ", pending + b.text).strip()
        pending = ""
        if re.fullmatch(r"\d{1,2}\.?", text):
            pending = text + " "
            j += 1
            continue
        row = _en_row(text, last_top)
        if row:
            top, name, points, crit = row
            last_top = top or last_top
            items.append(_item(outline, b, "", name, points, crit))
            last_hit = j
        j += 1
    return items, j


def _en_row(text: str, last_top: int) -> tuple[int, str, float | None, str] | None:
    m = _EN_ROW.match(text)
    if m:
        top = int(m.group(1))
        if last_top and top not in (1, last_top, last_top + 1) or top > 20:
            return None
        rest = text[m.end():]
        tail = _EN_TAIL.search(rest)
        name = rest[:tail.start()] if tail and tail.start() > 3 else rest
        crit = rest[len(name):]
        pts = _EN_PTS_TAIL.search(name)
        points = float(pts.group(1)) if pts else None
        name = name[:pts.start()] if pts else name
        name = re.sub(r"(\s*\d+\s*%)+\s*$", "", name).strip(" :-–")
        return (top, name, points, crit) if len(name) >= 3 else None
    m = _EN_PCT_ROW.match(text) or _EN_BULLET.match(text)
    if m:
        a, b = m.group(1), m.group(2)
        points, name = (float(a), b) if _EN_PCT_ROW.match(text) else (float(b), a)
        name = re.split(r"\s*\(", name)[0].strip(" -–")
        return 0, name, points, ""
    return None
