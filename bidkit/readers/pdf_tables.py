"""Ruled tables from a pypdfium2 page, without pdfminer's slow layout pass.

The ruling lines come from the page's path objects (pdfium, in C); pdfplumber's own geometry
functions turn them into cells and tables (the same algorithm as `page.find_tables()`), and each
cell's text is read back from pdfium with `get_text_bounded`. This costs a few milliseconds a
page, where pdfplumber's full analysis costs ~150 ms, so every page can be checked.
"""

from __future__ import annotations

import bisect
import ctypes
from dataclasses import dataclass, field
from operator import itemgetter

from pdfplumber.table import Table, cells_to_tables, merge_edges

from bidkit.readers.pdf_cells import fill_cells, line_pieces
from bidkit.readers.pdfium_fast import call, handle

_THIN = 2.5  # a path thinner than this (pt) is a ruling line, not an area
_MIN_EDGE = 3.0  # shorter edges are glyph parts or dots, not table borders
_TOLERANCE = 3.0  # pdfplumber's default snap / join / intersection tolerance
_MAX_SEGMENTS = 64  # paths with more segments are drawings (logos, charts), not grids


@dataclass
class PdfTable:
    """One ruled table: its box (top-origin coordinates, like pdfplumber) and cell texts."""

    bbox: tuple[float, float, float, float]  # x0, top, x1, bottom
    rows: list[list[str]]  # the full grid: tidy_columns() cleans it once the table is complete
    columns: list[float] = field(default_factory=list)  # x of each column's left rule, + right

    @property
    def top(self) -> float:
        return self.bbox[1]

    @property
    def bottom(self) -> float:
        return self.bbox[3]


def _edge(x0: float, top: float, x1: float, bottom: float, orientation: str) -> dict:
    return {"x0": x0, "x1": x1, "top": top, "bottom": bottom, "width": x1 - x0,
            "height": bottom - top, "orientation": orientation}


def _segment_edges(raw: int, height: float) -> list[dict]:
    """Horizontal and vertical edges drawn by one path object, in top-origin coordinates."""
    import pypdfium2.raw as pdfium_c

    count = call("FPDFPath_CountSegments")(raw)
    if count > _MAX_SEGMENTS:
        return []
    m = pdfium_c.FS_MATRIX()
    call("FPDFPageObj_GetMatrix")(raw, ctypes.byref(m))
    get_segment, get_point = call("FPDFPath_GetPathSegment"), call("FPDFPathSegment_GetPoint")
    get_type, get_close = call("FPDFPathSegment_GetType"), call("FPDFPathSegment_GetClose")
    moveto, lineto = pdfium_c.FPDF_SEGMENT_MOVETO, pdfium_c.FPDF_SEGMENT_LINETO
    x, y = ctypes.c_float(), ctypes.c_float()
    x_ref, y_ref = ctypes.byref(x), ctypes.byref(y)
    points: list[tuple[tuple[float, float], tuple[float, float]]] = []
    start = current = None
    for i in range(count):
        seg = get_segment(raw, i)
        get_point(seg, x_ref, y_ref)
        point = (m.a * x.value + m.c * y.value + m.e, height - (m.b * x.value + m.d * y.value + m.f))
        kind = get_type(seg)
        if kind == moveto:
            start = current = point
            continue
        if kind == lineto and current is not None:
            points.append((current, point))
        current = point
        if get_close(seg) and start is not None:
            points.append((current, start))
            current = start
    edges = []
    for (x0, y0), (x1, y1) in points:
        if abs(y0 - y1) < 1 and abs(x1 - x0) >= _MIN_EDGE:
            edges.append(_edge(min(x0, x1), y0, max(x0, x1), y0, "h"))
        elif abs(x0 - x1) < 1 and abs(y1 - y0) >= _MIN_EDGE:
            edges.append(_edge(x0, min(y0, y1), x0, max(y0, y1), "v"))
    return edges


def _path_objects(page) -> list[int]:
    """Handles of the page's path objects, also inside form XObjects (one level). Plain-int
    handles: a page can hold 100,000+ objects (one per glyph), and wrapping each in a ctypes
    pointer would cost more than pdfium's own work."""
    import pypdfium2.raw as pdfium_c

    get_object, get_type = call("FPDFPage_GetObject"), call("FPDFPageObj_GetType")
    path, form = pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_FORM
    raw_page = handle(page.raw)
    paths = []
    for i in range(call("FPDFPage_CountObjects")(raw_page)):
        obj = get_object(raw_page, i)
        kind = get_type(obj)
        if kind == path:
            paths.append(obj)
        elif kind == form:
            get_inner = call("FPDFFormObj_GetObject")
            for j in range(call("FPDFFormObj_CountObjects")(obj)):
                inner = get_inner(obj, j)
                if get_type(inner) == path:
                    paths.append(inner)
    return paths


def page_edges(page) -> list[dict]:
    """Ruling lines of a page: thin paths as single lines, other paths segment by segment."""
    width, height = page.get_size()
    edges: list[dict] = []
    box = [ctypes.c_float() for _ in range(4)]
    refs = [ctypes.byref(v) for v in box]
    get_bounds, count_segments = call("FPDFPageObj_GetBounds"), call("FPDFPath_CountSegments")
    for raw in _path_objects(page):
        get_bounds(raw, *refs)
        left, bottom, right, top = (v.value for v in box)
        w, h = right - left, top - bottom
        if w * h > 0.4 * width * height and _is_filled_box(raw):
            continue  # a filled page background, not a frame
        if h < _THIN and w >= _MIN_EDGE:
            y = height - (top + bottom) / 2
            edges.append(_edge(left, y, right, y, "h"))
        elif w < _THIN and h >= _MIN_EDGE:
            x = (left + right) / 2
            edges.append(_edge(x, height - top, x, height - bottom, "v"))
        elif w >= _MIN_EDGE and h >= _MIN_EDGE:
            if count_segments(raw) <= 5:  # a rectangle: its four sides
                top_y, bottom_y = height - top, height - bottom
                edges += [_edge(left, top_y, right, top_y, "h"),
                          _edge(left, bottom_y, right, bottom_y, "h"),
                          _edge(left, top_y, left, bottom_y, "v"),
                          _edge(right, top_y, right, bottom_y, "v")]
            else:
                edges.extend(_segment_edges(raw, height))
    return edges


def _is_filled_box(raw: int) -> bool:
    """One filled, unstroked rectangle (a background), as opposed to a frame or a set of
    thin bars drawn as one path."""
    if call("FPDFPath_CountSegments")(raw) > 5:
        return False
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    call("FPDFPath_GetDrawMode")(raw, ctypes.byref(fill), ctypes.byref(stroke))
    return not stroke.value


def could_have_table(edges: list[dict]) -> bool:
    """Cheap test before the cell search: a grid needs at least 2 lines each way."""
    horizontal = sum(1 for e in edges if e["orientation"] == "h")
    return horizontal >= 2 and len(edges) - horizontal >= 2


def find_tables(page, textpage, text: str | None = None, lines: list | None = None
                ) -> list[PdfTable]:
    """Ruled tables of one page, top to bottom, with each cell's text (merged cells → '')."""
    edges = page_edges(page)
    if not could_have_table(edges):
        return []
    edges = merge_edges(edges, _TOLERANCE, _TOLERANCE, _TOLERANCE, _TOLERANCE)
    edges = _close_open_ends([e for e in edges if max(e["width"], e["height"]) >= _MIN_EDGE])
    groups = cells_to_tables(_cells(_intersections(edges, _TOLERANCE)))
    if not groups:
        return []
    text = text if text is not None else textpage.get_text_range()
    if textpage.count_chars() != len(text):
        return []  # no reliable character positions
    if lines is None:
        from bidkit.readers.pdf_text import page_lines

        lines = page_lines(textpage, text, page.get_height())
    tables = []
    for group in groups:
        table = Table(None, group)
        grid = [row.cells for row in table.rows]
        pieces = line_pieces(textpage, text, page.get_height(), lines, grid)
        rows = [r for r in fill_cells(grid, pieces, text) if any(r)]
        if _is_real_table(rows):
            xs = sorted({c[0] for c in group}) + [table.bbox[2]]
            tables.append(PdfTable(bbox=table.bbox, rows=rows, columns=xs))
    return tables


def _close_open_ends(edges: list[dict]) -> list[dict]:
    """A table continued from or onto another page often lacks its top or bottom rule: where
    three or more column rules start (or end) at the same height with no rule across them,
    draw that rule, so the first (last) row still forms cells."""
    vertical = [e for e in edges if e["orientation"] == "v"]
    horizontal = [e for e in edges if e["orientation"] == "h"]
    if not horizontal:
        return edges
    added = []
    for key in ("top", "bottom"):
        groups: dict[int, list[dict]] = {}
        for e in vertical:
            groups.setdefault(round(e[key] / _TOLERANCE), []).append(e)
        for group in groups.values():
            if len(group) < 3:
                continue
            y = sum(e[key] for e in group) / len(group)
            x0, x1 = min(e["x0"] for e in group), max(e["x0"] for e in group)
            covered = any(abs(h["top"] - y) <= _TOLERANCE and h["x0"] <= x0 + _TOLERANCE
                          and h["x1"] >= x1 - _TOLERANCE for h in horizontal)
            if not covered:
                added.append(_edge(x0, y, x1, y, "h"))
    return edges + added


def _intersections(edges: list[dict], tolerance: float) -> dict:
    """pdfplumber's `edges_to_intersections`, the same points in the same order, but each
    vertical rule is tested only against the horizontal rules within its height (found by
    bisection) instead of against all of them (the original also re-sorts them per rule)."""
    vertical = sorted((e for e in edges if e["orientation"] == "v"), key=itemgetter("x0", "top"))
    horizontal = sorted((e for e in edges if e["orientation"] == "h"),
                        key=itemgetter("top", "x0"))
    tops = [h["top"] for h in horizontal]
    slack = 1e-6  # widen the search a hair; the exact test below decides, as in pdfplumber
    intersections: dict = {}
    for v in vertical:
        lo = bisect.bisect_left(tops, v["top"] - tolerance - slack)
        hi = bisect.bisect_right(tops, v["bottom"] + tolerance + slack)
        for h in horizontal[lo:hi]:
            if (v["top"] <= h["top"] + tolerance and v["bottom"] >= h["top"] - tolerance
                    and h["x0"] - tolerance <= v["x0"] <= h["x1"] + tolerance):
                point = intersections.setdefault((v["x0"], h["top"]), {"v": [], "h": []})
                point["v"].append(v)
                point["h"].append(h)
    return intersections


def _cells(intersections: dict) -> list[tuple[float, float, float, float]]:
    """pdfplumber's `intersections_to_cells` with each point's edge sets computed once (the
    original rebuilds them for every pair of points, which dominates on dense grids)."""
    def bboxes(edges: list[dict]) -> frozenset:
        return frozenset((e["x0"], e["top"], e["x1"], e["bottom"]) for e in edges)

    v_sets = {p: bboxes(d["v"]) for p, d in intersections.items()}
    h_sets = {p: bboxes(d["h"]) for p, d in intersections.items()}

    def connects(p1, p2) -> bool:
        if p1[0] == p2[0] and v_sets[p1] & v_sets[p2]:
            return True
        return p1[1] == p2[1] and bool(h_sets[p1] & h_sets[p2])

    points = sorted(intersections)
    by_x: dict[float, list] = {}
    by_y: dict[float, list] = {}
    for p in points:
        by_x.setdefault(p[0], []).append(p)
        by_y.setdefault(p[1], []).append(p)
    cells = []
    for pt in points:
        column, row = by_x[pt[0]], by_y[pt[1]]  # sorted: the points after pt are a tail
        below = column[bisect.bisect_right(column, pt):]
        right = row[bisect.bisect_right(row, pt):]
        cell = _smallest_cell(pt, below, right, intersections, connects)
        if cell:
            cells.append(cell)
    return cells


def _smallest_cell(pt, below, right, intersections, connects):
    for below_pt in below:
        if not connects(pt, below_pt):
            continue
        for right_pt in right:
            if not connects(pt, right_pt):
                continue
            corner = (right_pt[0], below_pt[1])
            if corner in intersections and connects(corner, right_pt) and connects(corner, below_pt):
                return (pt[0], pt[1], corner[0], corner[1])
    return None


def _is_real_table(rows: list[list[str]]) -> bool:
    """A box around one paragraph (a framed note) or an empty grid is not a table."""
    if not rows:
        return False
    filled = sum(1 for r in rows for c in r if c)
    width = max(len(r) for r in rows)
    return filled >= 2 and (width >= 2 or len(rows) >= 2)
