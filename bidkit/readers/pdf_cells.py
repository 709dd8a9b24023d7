"""Cell text of PDF tables: which characters fall in which cell, how a cell's lines form
paragraphs, and the column clean-up once a table (possibly spanning pages) is complete."""

from __future__ import annotations

import bisect
import ctypes
import itertools

# a run of characters placed as one: first index, last index, centre x, centre y, x0, x1, top,
# bottom (top-origin); a whole line when it sits inside one cell, else one per character
Piece = tuple[int, int, float, float, float, float, float, float]


def line_pieces(textpage, text: str, height: float, lines: list, grid: list[list]) -> list[Piece]:
    """Lines that fit in one cell are placed whole (cheap); a line that pdfium ran across
    several cells is placed character by character."""
    x0, top, x1, bottom = _grid_box(grid)
    out: list[Piece] = []
    for ln in lines:
        if ln.start < 0 or not ln.has_box:
            continue
        cx, cy = (ln.x0 + ln.x1) / 2, (ln.top + ln.bottom) / 2
        # a centre outside the grid's box lies in no cell: skip the cell search
        cell = _cell_at(grid, cx, cy) if x0 <= cx < x1 and top <= cy < bottom else None
        if cell is None and not (ln.x0 < x1 and ln.x1 > x0 and ln.top < bottom and ln.bottom > top):
            continue
        if cell is not None and ln.x0 >= cell[0] - 1.5 and ln.x1 <= cell[2] + 1.5:
            out.append((ln.start, ln.end, cx, cy, ln.x0, ln.x1, ln.top, ln.bottom))
        else:
            out.extend(_char_pieces(textpage, text, height, ln.start, ln.end))
    return out


def _char_pieces(textpage, text: str, height: float, first: int, last: int) -> list[Piece]:
    from bidkit.readers.pdfium_fast import call, handle

    get_box = call("FPDFText_GetCharBox")  # plain-int handle: this loop runs per character
    raw = handle(textpage.raw)
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    refs = (ctypes.byref(left), ctypes.byref(right), ctypes.byref(bottom), ctypes.byref(top))
    out = []
    for i in range(first, last + 1):
        if text[i].isspace():
            continue
        get_box(raw, i, *refs)
        lv, rv, bv, tv = left.value, right.value, bottom.value, top.value
        out.append((i, i, (lv + rv) / 2, height - (tv + bv) / 2, lv, rv, height - tv, height - bv))
    return out


def _cell_at(grid: list[list], x: float, y: float):
    for row in grid:
        for c in row:
            if c and c[0] <= x < c[2] and c[1] <= y < c[3]:
                return c
    return None


def _grid_box(grid: list[list]) -> tuple[float, float, float, float]:
    cells = [c for row in grid for c in row if c]
    return (min(c[0] for c in cells), min(c[1] for c in cells),
            max(c[2] for c in cells), max(c[3] for c in cells))


def fill_cells(grid: list[list], chars: list[Piece], text: str) -> list[list[str]]:
    """Cell texts: a character belongs to the cell holding its centre (as in pdfplumber), so
    descenders of the row above or a glyph touching a rule do not leak into a cell."""
    members: dict[tuple[int, int], list[Piece]] = {}
    tops = [min(c[1] for c in row if c) for row in grid]
    x0, y0 = min(c[0] for row in grid for c in row if c), tops[0]
    x1 = max(c[2] for row in grid for c in row if c)
    y1 = max(c[3] for row in grid for c in row if c)
    for char in chars:
        cx, cy = char[2], char[3]
        if not (x0 <= cx < x1 and y0 <= cy < y1):
            continue
        r = bisect.bisect_right(tops, cy) - 1
        for rr in (r, r - 1):  # a merged cell from the row above may reach down
            if rr < 0:
                continue
            hit = next((j for j, c in enumerate(grid[rr])
                        if c and c[0] <= cx < c[2] and c[1] <= cy < c[3]), None)
            if hit is not None:
                members.setdefault((rr, hit), []).append(char)
                break
    return [[_cell_text(members.get((r, j), []), text) for j in range(len(row))]
            for r, row in enumerate(grid)]


def _cell_text(pieces: list[Piece], text: str) -> str:
    """The cell's text in text order, as lines (where pdfium broke them) joined into
    paragraphs by the same layout cues as body text; paragraphs are kept apart by newlines,
    so numbered items inside one cell stay separate."""
    from bidkit.readers.pdf_text import Line, Margins, breaks_paragraph, join_lines

    if not pieces:
        return ""
    if len(pieces) == 1:  # one whole line (the common cell): no paragraph analysis to do
        return text[pieces[0][0]:pieces[0][1] + 1].strip()
    pieces = sorted(pieces)
    lines: list[list[Piece]] = [[pieces[0]]]
    for prev, p in itertools.pairwise(pieces):
        if "\n" in text[prev[1] + 1:p[0]]:
            lines.append([])
        lines[-1].append(p)
    boxed = [Line(text=_pieces_text(ln, text), x0=min(p[4] for p in ln), x1=max(p[5] for p in ln),
                  top=min(p[6] for p in ln), bottom=max(p[7] for p in ln)) for ln in lines]
    boxed = [ln for ln in boxed if ln.text]
    if not boxed:
        return ""
    em = sorted(ln.height for ln in boxed)[len(boxed) // 2] or 1.0
    margins = Margins(left=min(ln.x0 for ln in boxed), right=max(ln.x1 for ln in boxed), em=em,
                      leading=1.5 * em)
    paragraphs: list[list[str]] = [[boxed[0].text]]
    for prev, ln in itertools.pairwise(boxed):
        if breaks_paragraph(prev, ln, margins):
            paragraphs.append([])
        paragraphs[-1].append(ln.text)
    return "\n".join(join_lines(p) for p in paragraphs)


def _pieces_text(line: list[Piece], text: str) -> str:
    out = [text[line[0][0]:line[0][1] + 1]]
    for prev, p in itertools.pairwise(line):
        if p[0] > prev[1] + 1 and text[prev[1] + 1:p[0]].strip() == "":
            out.append(" ")
        out.append(text[p[0]:p[1] + 1])
    return "".join(out).strip()


def tidy_columns(rows: list[list[str]]) -> list[list[str]]:
    """Drop columns empty in every row (double rules, decorative strips) and fold a column
    that a stray rule split off (no header, text in at most one row in ten) into its left
    neighbour. Columns empty only in some rows stay, so merged cells keep the rest aligned."""
    if not rows:
        return rows
    width = max(len(r) for r in rows)
    rows = [r + [""] * (width - len(r)) for r in rows]
    keep = [j for j in range(width) if any(r[j] for r in rows)]
    rows = [[r[j] for j in keep] for r in rows]
    for j in range(len(rows[0]) - 1, 0, -1):
        filled = [i for i, r in enumerate(rows) if r[j]]
        if len(rows) >= 4 and not rows[0][j] and len(filled) <= max(1, len(rows) // 10):
            for i in filled:
                rows[i][j - 1] = join_cells(rows[i][j - 1], rows[i][j])
            rows = [r[:j] + r[j + 1:] for r in rows]
    return rows


def join_cells(left: str, right: str) -> str:
    from bidkit.readers.pdf_text import join_lines

    return join_lines([t for t in (left, right) if t])


def same_frame(a: list[float], b: list[float]) -> bool:
    """Do two tables share their left and right rules (a table continued on the next page)?"""
    return bool(a and b) and abs(a[0] - b[0]) <= 4 and abs(a[-1] - b[-1]) <= 4


def remap_columns(rows: list[list[str]], source: list[float],
                  target: list[float]) -> list[list[str]]:
    """Put rows drawn with column rules `source` into the columns of `target`: a column the
    target lacks (a stray rule) joins the target column it falls in."""
    if source == target:
        return rows
    slot = [max(0, max((k for k, x in enumerate(target[:-1]) if x <= sx + 4), default=0))
            for sx in source[:-1]]
    out = []
    for row in rows:
        new = [""] * (len(target) - 1)
        for j, cell in enumerate(row):
            if cell and j < len(slot):
                new[slot[j]] = join_cells(new[slot[j]], cell)
        out.append(new)
    return out
