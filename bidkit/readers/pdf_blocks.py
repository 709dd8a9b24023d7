"""PDF pages (lines + ruled tables) → Document blocks in reading order.

Running headers and footers are lines in the page's top or bottom band that repeat on several
pages (or carry a number that counts the pages); page numbers are dropped; wrapped lines are
joined into paragraphs, also across a page break; a table split over pages becomes one block
whose `row_pages` say where each row is.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from bidkit.document import Block
from bidkit.readers.pdf_tables import PdfTable
from bidkit.readers.pdf_text import (Line, Margins, breaks_paragraph, continues_on_next_page,
                                     in_edge_band, is_heading, is_page_number, join_lines,
                                     page_margins, text_edges)

MIN_RUNNING_PAGES = 3  # a line must repeat at the page edge this often to be a running head


@dataclass
class PageText:
    number: int  # 1-based
    height: float
    lines: list[Line]
    tables: list[PdfTable] = field(default_factory=list)
    width: float = 0.0


@dataclass
class Running:
    """What counts as running header/footer text in this document."""

    exact: set[str]
    counters: set[str]  # digit-masked lines whose number follows the page number

    def matches(self, text: str) -> bool:
        return text in self.exact or _mask(text) in self.counters or is_page_number(text)


def _mask(text: str) -> str:
    return re.sub(r"\d+", "#", text)


def _edge_lines(page: PageText) -> list[Line]:
    if any(ln.has_box for ln in page.lines):
        return [ln for ln in page.lines if in_edge_band(ln, page.height)]
    return page.lines[:2] + page.lines[-2:]  # no geometry: the first and last lines


def find_running(pages: list[PageText]) -> Running:
    exact: Counter = Counter()
    numbered: dict[str, list[tuple[int, list[str]]]] = defaultdict(list)
    for page in pages:
        for text in {ln.text for ln in _edge_lines(page)}:
            exact[text] += 1
            numbers = re.findall(r"\d+", text)
            if numbers:
                numbered[_mask(text)].append((page.number, numbers))
    counters = {key for key, seen in numbered.items() if _counts_pages(seen)}
    return Running(exact={t for t, n in exact.items() if n >= MIN_RUNNING_PAGES}, counters=counters)


def _counts_pages(seen: list[tuple[int, list[str]]]) -> bool:
    """Does one of the line's numbers move with the page number (page n ↔ number n - k)?"""
    if len(seen) < MIN_RUNNING_PAGES:
        return False
    for j in range(len(seen[0][1])):
        offsets = Counter(page - int(nums[j]) for page, nums in seen if len(nums) > j)
        if offsets.most_common(1)[0][1] >= 0.8 * len(seen):
            return True
    return False


class BlockBuilder:
    """Walks the pages once, emitting paragraphs, headings and tables in reading order."""

    def __init__(self, pages: list[PageText]) -> None:
        self.pages = pages
        self.running = find_running(pages)
        self.blocks: list[Block] = []
        self.para: list[Line] = []
        self.para_page = 0
        self.seen_running_headings: set[str] = set()
        self.table_open = False  # the last block is a table that ran to the end of its page
        self.margins: Margins | None = None  # the previous page's, for paragraphs across pages
        self.edges = _column_edges(pages)

    def build(self) -> list[Block]:
        for page in self.pages:
            self._page(page)
        self._flush()
        return self.blocks

    def _body(self, page: PageText) -> list[Line]:
        edge = {id(ln) for ln in _edge_lines(page)}
        body = []
        for ln in page.lines:
            if id(ln) in edge and self.running.matches(ln.text):
                if is_heading(ln.text) and ln.text not in self.seen_running_headings:
                    self.seen_running_headings.add(ln.text)  # a chapter title used as header:
                    body.append(ln)  # keep its first appearance as the heading
                continue
            body.append(ln)
        return body

    def _page(self, page: PageText) -> None:
        body = self._body(page)
        margins = page_margins([ln for ln in body if _table_of(ln, page.tables) is None],
                               self.edges.get(round(page.width)))
        tables = sorted(page.tables, key=lambda t: t.top)
        emitted: set[int] = set()
        prev: Line | None = None
        first = True
        for ln in body:
            for t in tables:  # tables above this line come first
                if id(t) not in emitted and ln.has_box and t.bottom <= ln.top:
                    self._table(t, page, emitted, first)
                    first, prev = False, None
            table = _table_of(ln, tables)
            if table is not None:
                if id(table) not in emitted:
                    self._table(table, page, emitted, first)
                first, prev = False, None
                continue
            self._line(ln, prev, margins, page, first)
            first, prev = False, ln
        for t in tables:
            if id(t) not in emitted:
                self._table(t, page, emitted, first)
                first = False
        self.margins = margins
        self.table_open = bool(self.blocks) and self.blocks[-1].kind == "table" and not self.para

    def _line(self, ln: Line, prev: Line | None, m: Margins | None, page: PageText,
              first: bool) -> None:
        if self.para and first:
            if not continues_on_next_page(self.para[-1], self.margins, ln):
                self._flush()
        elif self.para and (prev is None or breaks_paragraph(prev, ln, m)):
            self._flush()
        if not self.para:
            self.para_page = page.number
        self.para.append(ln)
        self.table_open = False

    def _flush(self) -> None:
        if not self.para:
            return
        text = join_lines([ln.text for ln in self.para])
        heading = is_heading(text)
        self.blocks.append(Block(kind="heading" if heading else "paragraph", text=text,
                                 index=len(self.blocks), page=self.para_page,
                                 level=1 if heading else None))
        self.para = []

    def _table(self, table: PdfTable, page: PageText, emitted: set[int], first: bool) -> None:
        emitted.add(id(table))
        self._flush()
        rows = table.rows
        last = self.blocks[-1] if self.blocks else None
        if (first and self.table_open and last is not None and last.rows
                and _same_columns(last.rows, rows)):
            if rows and rows[0] == last.rows[0]:
                rows = rows[1:]  # the header row repeated on the new page
            last.rows.extend(rows)
            last.row_pages.extend([page.number] * len(rows))
            last.text = _table_text(last.rows)
        else:
            self.blocks.append(Block(kind="table", text=_table_text(rows), rows=rows,
                                     row_pages=[page.number] * len(rows),
                                     index=len(self.blocks), page=page.number))
        self.table_open = True


def _column_edges(pages: list[PageText]) -> dict[int, tuple[float, float] | None]:
    """The text column's left and right edge for each page width (portrait, landscape …)."""
    by_width: dict[int, list[Line]] = defaultdict(list)
    for page in pages:
        by_width[round(page.width)].extend(
            ln for ln in page.lines
            if not in_edge_band(ln, page.height) and _table_of(ln, page.tables) is None)
    return {w: text_edges(lines) for w, lines in by_width.items()}


def _table_of(ln: Line, tables: list[PdfTable]) -> PdfTable | None:
    if not ln.has_box:
        return None
    cy = (ln.top + ln.bottom) / 2
    cx = (ln.x0 + ln.x1) / 2
    for t in tables:
        x0, top, x1, bottom = t.bbox
        if top <= cy <= bottom and x0 <= cx <= x1:
            return t
    return None


def _same_columns(a: list[list[str]], b: list[list[str]]) -> bool:
    """Does table `b` (top of a page) continue table `a` (end of the previous page)? Same
    number of columns, and b does not open with a header row of its own (a repeated header
    of `a` is fine)."""
    if not (a and b) or len(a[-1]) != len(b[0]):
        return False
    return b[0] == a[0] or not _looks_like_header(b[0])


def _looks_like_header(row: list[str]) -> bool:
    cells = [c.strip() for c in row]
    return all(cells) and all(len(c) <= 20 and not re.fullmatch(r"[\d.\s%分]+", c) for c in cells)


def _table_text(rows: list[list[str]]) -> str:
    return "\n".join(" | ".join(c.replace("\n", " ") for c in row) for row in rows)


def build_blocks(pages: list[PageText]) -> list[Block]:
    return BlockBuilder(pages).build()
