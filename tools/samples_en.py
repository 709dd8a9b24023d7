"""The English sample RFP as a PDF with a real text layer (reportlab), built from the same markup
as the Chinese sample; running header, 'Page N of M' footer, tables that repeat their header row."""

from __future__ import annotations

import re
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import inch
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas as pdfcanvas
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from sample_markup import Element

rl_config.invariant = 1  # fixed creation date and document id: the same bytes on every build

HEADER = "City of Port Alder  -  RFP No. PA-IT-2025-014  -  Enterprise Records Management System"
_BASE = getSampleStyleSheet()
STYLES = {
    "body": ParagraphStyle(
        "body",
        parent=_BASE["BodyText"],
        fontName="Times-Roman",
        fontSize=11,
        leading=15,
        spaceAfter=7,
    ),
    "cell": ParagraphStyle(
        "cell", parent=_BASE["BodyText"], fontName="Times-Roman", fontSize=9.5, leading=12
    ),
    "head": ParagraphStyle(
        "headcell", parent=_BASE["BodyText"], fontName="Times-Bold", fontSize=9.5, leading=12
    ),
    "center": ParagraphStyle(
        "center",
        parent=_BASE["BodyText"],
        fontName="Times-Bold",
        fontSize=12,
        alignment=TA_CENTER,
        spaceAfter=10,
    ),
    1: ParagraphStyle(
        "h1", parent=_BASE["Heading1"], fontName="Helvetica-Bold", fontSize=16, spaceAfter=12
    ),
    2: ParagraphStyle(
        "h2",
        parent=_BASE["Heading2"],
        fontName="Helvetica-Bold",
        fontSize=13,
        spaceBefore=8,
        spaceAfter=6,
    ),
    3: ParagraphStyle("h3", parent=_BASE["Heading3"], fontName="Helvetica-Bold", fontSize=11.5),
}
COVER_SIZES = [20, 13, 24, 14, 18, 12, 12]


class NumberedCanvas(pdfcanvas.Canvas):
    """Draws the running header and 'Page N of M' once the page count is known."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._saved_pages: list[dict] = []

    def showPage(self):
        self._saved_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        total = len(self._saved_pages)
        for state in self._saved_pages:
            self.__dict__.update(state)
            if self._pageNumber > 1:  # the cover carries neither header nor page number
                self._decorate(total)
            super().showPage()
        super().save()

    def _decorate(self, total: int) -> None:
        width, height = LETTER
        self.setFont("Helvetica", 8.5)
        self.drawString(inch, height - 0.6 * inch, HEADER)
        self.line(inch, height - 0.65 * inch, width - inch, height - 0.65 * inch)
        self.drawCentredString(width / 2, 0.55 * inch, f"Page {self._pageNumber} of {total}")


def _para(text: str, style) -> Paragraph:
    return Paragraph(escape(text), style)


def _col_widths(rows: list[list[str]], total: float) -> list[float]:
    """Each column gets at least its longest word (no 'Tech-nical' breaks); the rest of the
    width is shared by how much text each column holds."""
    width = max(len(r) for r in rows)
    columns = [[r[c] if c < len(r) else "" for r in rows] for c in range(width)]
    floors = [
        max(stringWidth(w, "Times-Bold", 9.5) for t in col for w in t.split() or [""]) + 14
        for col in columns
    ]
    weights = [min(max(map(len, col)), 60) for col in columns]
    spare = max(total - sum(floors), 0)
    return [f + spare * w / sum(weights) for f, w in zip(floors, weights)]


def _table(rows: list[list[str]], usable_width: float) -> Table:
    width = max(len(r) for r in rows)
    cells = [
        [
            _para(r[c] if c < len(r) else "", STYLES["head" if i == 0 else "cell"])
            for c in range(width)
        ]
        for i, r in enumerate(rows)
    ]
    table = Table(cells, colWidths=_col_widths(rows, usable_width), repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#DDE4EE")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("MINROWHEIGHT", (0, 1), (-1, -1), 18),
            ]
        )
    )
    return table


def _cover(lines: list[str]) -> list:
    story: list = [Spacer(1, 1.2 * inch)]
    for i, line in enumerate(lines):
        size = COVER_SIZES[min(i, len(COVER_SIZES) - 1)]
        style = ParagraphStyle(
            f"cover{i}",
            parent=STYLES["center"],
            fontSize=size,
            leading=size * 1.3,
            fontName="Helvetica-Bold" if i in (0, 2, 4) else "Helvetica",
        )
        story += [_para(line, style), Spacer(1, 0.35 * inch if i in (1, 3, 4) else 0.1 * inch)]
    return story + [PageBreak()]


def _flowables(el: Element, usable_width: float) -> list:
    if el.kind == "cover":
        return _cover([r[0] for r in el.rows])
    if el.kind == "toc":
        return [_para(el.rows[0][0], STYLES[1])] + [
            _para(r[0], STYLES["body"]) for r in el.rows[1:]
        ]
    if el.kind == "heading":
        lead = [PageBreak()] if el.level == 1 or "B" in el.tags else []
        return lead + [_para(el.text, STYLES[el.level])]
    if el.kind == "center":
        return [_para(el.text, STYLES["center"])]
    if el.kind == "para":
        return [_para(el.text, STYLES["body"])]
    if el.kind == "table":
        return [_table(el.rows, usable_width), Spacer(1, 8)]
    return []


def build_pdf(elements: list[Element], path: Path, title: str) -> None:
    doc = SimpleDocTemplate(
        str(path),
        pagesize=LETTER,
        leftMargin=inch,
        rightMargin=inch,
        topMargin=0.95 * inch,
        bottomMargin=0.9 * inch,
        title=title,
        author="City of Port Alder (fictional sample for bidkit)",
    )
    story: list = []
    for el in elements:
        story += _flowables(el, doc.width)
    doc.build(story, canvasmaker=NumberedCanvas)


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def locate_pages(path: Path, items: list[dict]) -> None:
    """Fill each item's 'page' with the page whose text layer holds the item's start."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        pages = []
        for i in range(len(pdf)):
            page = pdf[i]
            textpage = page.get_textpage()
            pages.append(_squash(textpage.get_text_range()))
            textpage.close()
            page.close()
    finally:
        pdf.close()
    for item in items:
        start = _squash(item["text"])[:30]
        item["page"] = next((n for n, text in enumerate(pages, 1) if start in text), None)
        if item["page"] is None:
            raise ValueError(f"not found in the PDF text layer: {item['text'][:40]}")


def page_count(path: Path) -> int:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        return len(pdf)
    finally:
        pdf.close()
