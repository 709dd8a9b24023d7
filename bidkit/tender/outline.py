"""The tender's own structure: chapters and sections found from headings and numbering.

Every extractor gets the same Outline, so "which chapter is this block in" is answered once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bidkit.document import Block, Document

_CHAPTER = re.compile(
    r"^\s*(?:第\s*[一二三四五六七八九十百零〇\d]+\s*[章部篇卷](?:分)?|"
    r"(?:SECTION|Section|PART|Part|CHAPTER|Chapter)\s+[IVXLC\d]+\b|"
    r"[一二三四五六七八九十]+\s*[、.．]\s*\S)"
)


@dataclass
class Section:
    title: str
    start: int  # index of the first block (the heading itself)
    end: int  # index one past the last block
    level: int = 1
    page: int | None = None


@dataclass
class Outline:
    doc: Document
    language: str
    chapters: list[Section] = field(default_factory=list)
    _owner: list[int] = field(default_factory=list)  # block index -> chapter index (-1 = none)

    def chapter_of(self, block: Block) -> Section | None:
        i = self._owner[block.index] if block.index < len(self._owner) else -1
        return self.chapters[i] if i >= 0 else None

    def section_title(self, block: Block) -> str | None:
        ch = self.chapter_of(block)
        return ch.title if ch else None

    def blocks_in(self, section: Section) -> list[Block]:
        return self.doc.blocks[section.start:section.end]

    def find_chapters(self, pattern: str) -> list[Section]:
        rx = re.compile(pattern, re.I)
        return [c for c in self.chapters if rx.search(c.title)]


def detect_language(doc: Document) -> str:
    sample = doc.text[:20000]
    cjk = sum(1 for ch in sample if "\u4e00" <= ch <= "\u9fff")
    latin = sum(1 for ch in sample if ch.isascii() and ch.isalpha())
    return "zh" if cjk * 3 >= latin else "en"


def build_outline(doc: Document) -> Outline:
    lang = detect_language(doc)
    outline = Outline(doc=doc, language=lang)
    starts: list[tuple[int, str, int | None]] = []
    for b in doc.blocks:
        if b.kind == "table" or len(b.text) > 60:
            continue
        if _CHAPTER.match(b.text) and (b.kind == "heading" or _looks_like_chapter(b.text)):
            starts.append((b.index, b.text.strip(), b.page))
    for n, (start, title, page) in enumerate(starts):
        end = starts[n + 1][0] if n + 1 < len(starts) else len(doc.blocks)
        outline.chapters.append(Section(title=title, start=start, end=end, page=page))
    owner = [-1] * len(doc.blocks)
    for ci, ch in enumerate(outline.chapters):
        for i in range(ch.start, ch.end):
            owner[i] = ci
    outline._owner = owner
    return outline


def _looks_like_chapter(text: str) -> bool:
    """A plain paragraph counts as a chapter heading only in the strong '第X章' / 'SECTION N' form."""
    return bool(re.match(r"^\s*(?:第\s*[一二三四五六七八九十百零〇\d]+\s*[章部篇卷]|"
                         r"(?:SECTION|PART|CHAPTER)\s+[IVXLC\d]+\b)", text, re.I))
