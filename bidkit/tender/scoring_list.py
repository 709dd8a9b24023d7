"""Scoring written as a numbered list instead of a table:
'二、技术方案（35分）' / '1.深化设计能力（10分）：图纸深度…'. Group lines with sub-items give their
sub-items; a group without sub-items is an item itself."""

from __future__ import annotations

import re

from bidkit.model import ScoringItem, SourceRef
from bidkit.tender.outline import Outline
from bidkit.tender.scoring_common import category_of, clean_name, group_category, squash_cjk

_EVALUATION = re.compile(r"评标|评审|评分|评价|评比|磋商程序|谈判程序")
_GROUP = re.compile(r"^\s*[一二三四五六七八九十]+\s*[、.．]\s*(?P<name>[^（(：:，。]{2,30}?)\s*"
                    r"[（(]\s*(?P<pts>\d+(?:\.\d+)?)\s*分\s*[)）]")
_ITEM = re.compile(r"^\s*(?:\d{1,2}\s*[.、．]|[（(]\d{1,2}[)）]|[①-⑳])\s*(?P<name>[^（(：:，。]{2,30}?)\s*"
                   r"[（(]\s*(?P<pts>\d+(?:\.\d+)?)\s*分\s*[)）]\s*[：:]?(?P<crit>.*)$")


def scoring_from_list(outline: Outline) -> list[ScoringItem]:
    for chapter in outline.chapters:
        if not _EVALUATION.search(chapter.title):
            continue
        items = _list_items(outline, chapter)
        if len(items) >= 3:
            return items
    return []


def _list_items(outline: Outline, chapter) -> list[ScoringItem]:
    out: list[ScoringItem] = []
    group: tuple[str, float, object] | None = None
    children = 0

    def close_group() -> None:
        if group is not None and children == 0:  # a group without sub-items is an item
            name, pts, block = group
            out.append(_make(outline, block, name, pts, "", ""))

    for b in outline.blocks_in(chapter):
        if b.kind == "table":
            continue
        text = squash_cjk(b.text)
        g = _GROUP.match(text)
        if g:
            close_group()
            group, children = (clean_name(g.group("name")), float(g.group("pts")), b), 0
            continue
        m = _ITEM.match(text)
        if m and group is not None:
            children += 1
            out.append(_make(outline, b, clean_name(m.group("name")), float(m.group("pts")),
                             m.group("crit"), group[0]))
    close_group()
    return out


def _make(outline: Outline, b, name: str, points: float, crit: str, group: str) -> ScoringItem:
    category = category_of(name, group_category(group) or (
        "价格" if re.search(r"价格|报价", group) else ""), outline.language)
    return ScoringItem(category=category, item=name, points=points, criteria=crit.strip()[:2000],
                       page=b.page, source=SourceRef(page=b.page, paragraph=b.paragraph,
                                                     section=outline.section_title(b),
                                                     quote=b.text[:300]))
