"""Chinese tenders without a formats chapter: the '投标文件组成：' list ((1)投标函； (2)…) names the
parts of the bid, in order."""

from __future__ import annotations

import re

from bidkit.document import Block
from bidkit.tender.bid_sections_titles import _NUMBERING
from bidkit.tender.outline import Outline

_ANCHOR = re.compile(r"(?:投标|响应|应答|磋商|报价)文件(?:的|应)?(?:组成|构成|包括|由下列|应由|主要包括)")
_TRAILING_NOTE = re.compile(r"\s*[（(][^（）()]*[)）]\s*$")


def composition_list(outline: Outline) -> list[tuple[str, Block]]:
    blocks = outline.doc.blocks
    for i, b in enumerate(blocks):
        text = b.text.strip()
        if b.kind == "table" or not _ANCHOR.search(text) or not (len(text) <= 40 or text.endswith(("：", ":"))):
            continue
        items = _items_after(blocks, i)
        if len(items) >= 3:
            return items
    return []


def _items_after(blocks: list[Block], anchor: int) -> list[tuple[str, Block]]:
    out: list[tuple[str, Block]] = []
    style = None
    for b in blocks[anchor + 1:anchor + 41]:
        found = next(((st, m) for st, rx in _NUMBERING if (m := rx.match(b.text))), None) if b.kind != "table" else None
        if found is None or (style is not None and found[0] != style):
            break
        style = found[0]
        title = re.split(r"[；;。]", b.text[found[1].end():].strip())[0]
        title = _TRAILING_NOTE.sub("", title).strip(" ：:，,")
        if not title or len(title) > 40 or re.search(r"[，,]", title):
            break  # a clause, not a part's name
        out.append((title, b))
    return out
