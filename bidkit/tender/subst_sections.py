"""The clauses of a section whose heading carries a substantive marker ('★三、商务和其他要求'):
everything up to the next heading of the same numbering style, the end of the chapter, or the
legend note that usually closes such a chapter."""

from __future__ import annotations

import re

from bidkit.document import Block
from bidkit.tender.outline import Outline
from bidkit.tender.text import nfkc

_STYLES = [
    r"[一二三四五六七八九十]+\s*[、.．]",  # 一、
    r"\d+\s*[、]",  # 1、
    r"\d+\s*[.．](?!\d)",  # 1.
    r"[（(]\s*[一二三四五六七八九十]+\s*[)）]",  # （一）
    r"[（(]\s*\d+\s*[)）]",  # （1）
    r"第[一二三四五六七八九十\d]+[章节部分]",
    r"第[一二三四五六七八九十百\d]+条",  # 第一条: the clauses of a contract section
]
_MARKS = "★☆▲△■●◆※#＃*＊"
_NOTE = re.compile(r"^\s*注\s*[:：]?.{0,12}[“\"]?[★▲※]")
_MAX_CLAUSES = 80


def numbering_style(text: str) -> int | None:
    body = nfkc(text).lstrip(f" {_MARKS}")
    for i, rx in enumerate(_STYLES):
        if re.match(rx, body):
            return i
    return None


def section_clauses(outline: Outline, heading: Block, heading_text: str) -> list[tuple[Block, str]]:
    style = numbering_style(heading_text)
    if style is None:
        return _unnumbered_section(outline, heading)
    if style == 5:
        return []  # a whole chapter: its own clauses carry their markers
    chapter = outline.chapter_of(heading)
    out: list[tuple[Block, str]] = []
    for block in outline.doc.blocks[heading.index + 1:]:
        text = nfkc(block.text).strip()
        if outline.chapter_of(block) is not chapter or _NOTE.match(text):
            break
        first_style = numbering_style(text)
        if first_style is not None and (first_style == style or first_style == 5):
            break
        if block.kind == "table" or _is_subheading(text) or _is_blank_field(text):
            continue
        out.append((block, _quote(block, text)))
        if len(out) >= _MAX_CLAUSES:
            break
    return out


def _quote(block: Block, text: str) -> str:
    """The clause verbatim when normalising did not change its length, else the normalised text."""
    raw = block.text.strip()
    return (raw if len(raw) == len(text) else text)[:400]


def _unnumbered_section(outline: Outline, heading: Block) -> list[tuple[Block, str]]:
    """'★合同条款内容' with no numbering: its clauses are the numbered lines that follow, in the
    numbering style of the first of them, up to the next title-like line without numbering, a
    higher-level number (一、 / 第N章) or the end of the chapter."""
    chapter = outline.chapter_of(heading)
    child_style: int | None = None
    out: list[tuple[Block, str]] = []
    for block in outline.doc.blocks[heading.index + 1:]:
        text = nfkc(block.text).strip()
        if not text or block.kind == "table":
            continue
        if outline.chapter_of(block) is not chapter or _NOTE.match(text):
            break
        style = numbering_style(text)
        if child_style is None:
            if style is None or style == 5:
                break  # prose or a chapter title: not a section of numbered clauses
            child_style = style
        if style is None and (block.kind == "heading" or _is_title(text)):
            break
        if style is not None and style in (0, 5) and style != child_style:
            break
        if _is_subheading(text) or _is_blank_field(text):
            continue
        out.append((block, _quote(block, text)))
        if len(out) >= _MAX_CLAUSES:
            break
    return out


def _is_title(text: str) -> bool:
    """A short line with no sentence punctuation: the next heading, not a clause."""
    return len(text) <= 30 and not re.search(r"[。；;，,：:]", text)


def _is_subheading(text: str) -> bool:
    """'1.履约保证金要求' / '（1）服务数量验收': a label with no clause text of its own."""
    body = re.sub(r"^[\W\d一二三四五六七八九十]*", "", text)
    return len(body) <= 16 and not re.search(r"[。；;，,：:]", body)


def _is_blank_field(text: str) -> bool:
    """'联系人：' / '乙方（盖章）：____': a form field to fill in, not a clause."""
    return bool(re.fullmatch(r"[^:：。；]{1,16}[:：][\s_＿]*", text))
