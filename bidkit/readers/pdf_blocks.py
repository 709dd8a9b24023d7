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
from bidkit.readers.pdf_cells import remap_columns, same_frame, tidy_columns
from bidkit.readers.pdf_tables import PdfTable
from bidkit.readers.pdf_text import (
    Line,
    Margins,
    breaks_paragraph,
    continues_on_next_page,
    in_edge_band,
    is_heading,
    is_page_number,
    join_lines,
    page_margins,
    text_edges,
)

PAGE_NUMBER_BAND = 0.16  # a bare page number may sit this far from the page edge
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
    """Lines where running heads live: the top and bottom bands of the page; a page number
    also a little further in, or anywhere as the page's first or last line."""
    boxed = [ln for ln in page.lines if ln.has_box]
    if not boxed:
        return page.lines[:2] + page.lines[-2:]  # no geometry: the first and last lines
    top, bottom = min(ln.top for ln in boxed), max(ln.bottom for ln in boxed)
    # the position tests first: the page-number pattern is the costly part, so it runs only
    # for the few lines placed where a page number could be
    return [ln for ln in page.lines if in_edge_band(ln, page.height) or
            ((in_edge_band(ln, page.height, PAGE_NUMBER_BAND) or ln.top == top
              or ln.bottom == bottom) and is_page_number(ln.text))]


def find_running(pages: list[PageText], edges: list[list[Line]] | None = None) -> Running:
    """Running lines repeat at the same height of the page (content that merely repeats, such
    as a boilerplate paragraph per lot, lands at varying heights). `edges`: each page's
    `_edge_lines`, when the caller has them already."""
    edges = edges if edges is not None else [_edge_lines(p) for p in pages]
    exact: dict[str, Counter] = defaultdict(Counter)
    numbered: dict[str, list[tuple[int, list[str]]]] = defaultdict(list)
    for page, page_edges in zip(pages, edges, strict=True):
        for text, ln in {ln.text: ln for ln in page_edges}.items():
            exact[text][_height_slot(ln)] += 1
            numbers = re.findall(r"\d+", text)
            if numbers:
                numbered[_mask(text)].append((page.number, numbers))
    least = min(MIN_RUNNING_PAGES, len(pages)) if len(pages) > 1 else 2  # one page: no repeats
    counters = {key for key, seen in numbered.items() if _counts_pages(seen, least)}
    return Running(exact={t for t, slots in exact.items() if _same_height(slots) >= least},
                   counters=counters)


def _height_slot(ln: Line) -> int | None:
    return round(ln.top / 4) if ln.has_box else None  # 4 pt slots


def _same_height(slots: Counter) -> int:
    """Occurrences at one height, neighbouring 4 pt slots included (rounding splits them)."""
    if None in slots:
        return sum(slots.values())  # no geometry: count every occurrence
    return max(slots[s - 1] + slots[s] + slots[s + 1] for s in slots)


def _counts_pages(seen: list[tuple[int, list[str]]], least: int) -> bool:
    """Does one of the line's numbers move with the page number (page n ↔ number n - k)?"""
    if len(seen) < least:
        return False
    for j in range(len(seen[0][1])):
        offsets = Counter(page - int(nums[j]) for page, nums in seen if len(nums) > j)
        if offsets.most_common(1)[0][1] >= 0.8 * len(seen):
            return True
    return False


class BlockBuilder:
    """Walks the pages once, emitting paragraphs, headings and tables in reading order."""

    def __init__(self, pages: list[PageText], edges: list[list[Line]] | None = None) -> None:
        self.pages = pages
        self.edge_lines = edges if edges is not None else [_edge_lines(p) for p in pages]
        self.running = find_running(pages, self.edge_lines)
        self.blocks: list[Block] = []
        self.para: list[Line] = []
        self.para_page = 0
        self.seen_running_headings: set[str] = set()
        self.table_open = False  # the last block is a table that ran to the end of its page
        self.margins: Margins | None = None  # the previous page's, for paragraphs across pages
        self.edges = _column_edges(pages)
        self.last_columns: list[float] = []
        self.open_table: Block | None = None  # the last outer table, which may continue

    def build(self) -> list[Block]:
        for page, edge in zip(self.pages, self.edge_lines, strict=True):
            self._page(page, edge)
        self._flush()
        self._finish_tables()
        return self.blocks

    def _body(self, page: PageText, edge_lines: list[Line]) -> list[Line]:
        edge = {id(ln) for ln in edge_lines}
        inner = {ln.text for ln in page.lines if id(ln) not in edge}
        body = []
        for ln in page.lines:
            if id(ln) in edge and self.running.matches(ln.text):
                if (is_heading(ln.text) and ln.text not in self.seen_running_headings
                        and ln.text not in inner):
                    # a chapter title used as the running head: keep its first appearance as
                    # the heading, unless the page states the title in its body as well
                    self.seen_running_headings.add(ln.text)
                    body.append(ln)
                continue
            body.append(ln)
        return body

    def _page(self, page: PageText, edge_lines: list[Line]) -> None:
        body = self._body(page, edge_lines)
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
        if _inside_another(table, page.tables):
            # a box drawn inside a cell: its own block, but the outer table stays the one
            # that may continue on the next page
            self.blocks.append(Block(kind="table", text="", rows=rows, index=len(self.blocks),
                                     row_pages=[page.number] * len(rows), page=page.number))
            return
        outer = self.open_table
        if first and self.table_open and outer is not None and self._continues(outer, table):
            rows = remap_columns(rows, table.columns, self.last_columns)
            if rows and rows[0] == outer.rows[0]:
                rows = rows[1:]  # the header row repeated on the new page
            outer.rows.extend(rows)
            outer.row_pages.extend([page.number] * len(rows))
        else:
            self.open_table = Block(kind="table", text="", rows=rows, index=len(self.blocks),
                                    row_pages=[page.number] * len(rows), page=page.number)
            self.blocks.append(self.open_table)
            self.last_columns = table.columns
        self.table_open = True

    def _continues(self, last: Block, table: PdfTable) -> bool:
        """Same left and right rules as the table that ended the previous page, and no header
        row of its own (a repeat of the first table's header is fine)."""
        if not table.rows or not same_frame(self.last_columns, table.columns):
            return False
        first = remap_columns(table.rows[:1], table.columns, self.last_columns)[0]
        return first == last.rows[0] or not _looks_like_header(table.rows[0])

    def _finish_tables(self) -> None:
        for block in self.blocks:
            if block.kind == "table" and block.rows is not None:
                block.rows = tidy_columns(block.rows)
                block.text = _table_text(block.rows)


def _column_edges(pages: list[PageText]) -> dict[int, tuple[float, float] | None]:
    """The text column's left and right edge for each page width (portrait, landscape …)."""
    by_width: dict[int, list[Line]] = defaultdict(list)
    for page in pages:
        by_width[round(page.width)].extend(
            ln for ln in page.lines
            if not in_edge_band(ln, page.height) and _table_of(ln, page.tables) is None)
    return {w: text_edges(lines) for w, lines in by_width.items()}


def _inside_another(table: PdfTable, tables: list[PdfTable]) -> bool:
    x0, top, x1, bottom = table.bbox
    return any(t is not table and t.bbox[0] <= x0 + 1 and t.bbox[1] <= top + 1
               and t.bbox[2] >= x1 - 1 and t.bbox[3] >= bottom - 1 for t in tables)


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


def _looks_like_header(row: list[str]) -> bool:
    cells = [c.strip() for c in row]
    return all(cells) and all(len(c) <= 20 and not re.fullmatch(r"[\d.\s%分]+", c) for c in cells)


def _table_text(rows: list[list[str]]) -> str:
    return "\n".join(" | ".join(c.replace("\n", " ") for c in row) for row in rows)


def build_blocks(pages: list[PageText]) -> list[Block]:
    return BlockBuilder(pages).build()


def blocks_and_running(pages: list[PageText]) -> tuple[list[Block], list[str]]:
    """`build_blocks` and `running_text` in one pass over the page edges (each page's edge
    lines and the running-line analysis are computed once, not twice)."""
    builder = BlockBuilder(pages)
    blocks = builder.build()
    return blocks, running_text(pages, builder.running, builder.edge_lines)


def running_text(pages: list[PageText], running: Running | None = None,
                 edges: list[list[Line]] | None = None) -> list[str]:
    """The distinct running header/footer lines, in order of first appearance (a line with a
    page counter once, as first seen: 'AO-092/2011 1 | Page'); bare page numbers left out."""
    edges = edges if edges is not None else [_edge_lines(p) for p in pages]
    running = running if running is not None else find_running(pages, edges)
    seen: list[str] = []
    masks: set[str] = set()
    for page, page_edges in zip(pages, edges, strict=True):
        for ln in page_edges:
            if is_page_number(ln.text) or ln.text in seen or _mask(ln.text) in masks \
                    or _table_of(ln, page.tables) is not None:  # a repeated table header row
                continue
            if ln.text in running.exact or _mask(ln.text) in running.counters:
                seen.append(ln.text)
                if _mask(ln.text) in running.counters:
                    masks.add(_mask(ln.text))
    return seen
