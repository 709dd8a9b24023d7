"""Chinese sample DOCX files (tender and 更正公告) built with python-docx plus the raw OOXML
that real Word files carry: East-Asian fonts, heading styles without theme fonts, Wingdings
w:sym stars, vertically merged table cells, repeated table headers and a PAGE field
in the footer."""

from __future__ import annotations

import zipfile
from datetime import datetime
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from sample_markup import SYM_STAR, Element

FIXED_TIME = datetime(2025, 5, 26, 9, 0, 0)
BODY_FONT, HEADING_FONT = "宋体", "黑体"
THEME_ATTRS = ("w:asciiTheme", "w:eastAsiaTheme", "w:hAnsiTheme", "w:cstheme")


def new_document(title: str) -> docx.Document:
    doc = docx.Document()
    section = doc.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = Cm(2.8)
    section.top_margin = section.bottom_margin = Cm(2.5)
    _set_fonts(doc)
    _add_page_footer(section)
    props = doc.core_properties
    props.title, props.author, props.last_modified_by = title, "bidkit sample", "bidkit sample"
    props.created = props.modified = FIXED_TIME
    props.revision = 1
    return doc


def _east_asian(rpr, font: str) -> None:
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in THEME_ATTRS:  # theme fonts would override the explicit ones in Word
        fonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia"):
        fonts.set(qn(attr), font if attr == "w:eastAsia" else "Times New Roman")


def _set_fonts(doc: docx.Document) -> None:
    normal = doc.styles["Normal"]
    normal.font.size = Pt(12)
    _east_asian(normal.element.get_or_add_rPr(), BODY_FONT)
    normal.paragraph_format.line_spacing = 1.5
    for level, size in ((1, 18), (2, 15), (3, 13)):
        style = doc.styles[f"Heading {level}"]
        style.font.size, style.font.bold = Pt(size), True
        style.font.color.rgb = None
        _east_asian(style.element.get_or_add_rPr(), HEADING_FONT)
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "zh-CN")


def _field(paragraph, instruction: str) -> None:
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    fld.append(run)
    paragraph._p.append(fld)


def _add_page_footer(section) -> None:
    p = section.footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.add_run("第 ")
    _field(p, "PAGE")
    p.add_run(" 页 共 ")
    _field(p, "NUMPAGES")
    p.add_run(" 页")


def add_text(paragraph, text: str, bold: bool = False) -> None:
    """Add runs; each ⟦★⟧ becomes <w:sym w:font="Wingdings" w:char="F0AB"/> like Word writes it."""
    for i, part in enumerate(text.split(SYM_STAR)):
        if i:
            run = paragraph.add_run()
            sym = OxmlElement("w:sym")
            sym.set(qn("w:font"), "Wingdings")
            sym.set(qn("w:char"), "F0AB")
            run._r.append(sym)
        if part:
            paragraph.add_run(part).bold = bold or None


def page_break(doc: docx.Document) -> None:
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def add_heading(doc: docx.Document, text: str, level: int) -> None:
    p = doc.add_paragraph(style=f"Heading {level}")
    add_text(p, text)
    if level == 1:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER


def add_paragraph(doc: docx.Document, text: str, align: str = "", bold: bool = False, size=None):
    p = doc.add_paragraph()
    add_text(p, text, bold)
    if align == "center":
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    elif not align:
        p.paragraph_format.first_line_indent = Pt(24)
    if size:
        for run in p.runs:
            run.font.size = Pt(size)
    return p


def add_table(doc: docx.Document, rows: list[list[str]], merge_first_column: bool = False) -> None:
    width = max(len(r) for r in rows)
    table = doc.add_table(rows=len(rows), cols=width)
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c in range(width):
            cell = table.cell(r, c)
            cell.paragraphs[0].paragraph_format.first_line_indent = None
            add_text(cell.paragraphs[0], row[c] if c < len(row) else "", bold=r == 0)
    for row in table.rows:  # keep each row on one page, as bid documents are usually set
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    _repeat_header(table.rows[0])  # after cantSplit: the schema fixes the order in w:trPr
    _set_column_widths(table, rows)
    if merge_first_column:
        _merge_runs_of_equal_cells(table, rows)


def _set_column_widths(table, rows: list[list[str]]) -> None:
    """Share the text width (15.4 cm) between columns by how much text each holds."""
    width = len(table.columns)
    longest = [max(_display_width(r[c]) if c < len(r) else 0 for r in rows) for c in range(width)]
    weights = [
        max(min(max(n, 6), 60), _display_width(rows[0][c]) + 2) for c, n in enumerate(longest)
    ]
    table.autofit = False
    for c, column in enumerate(table.columns):
        column_width = Cm(15.4 * weights[c] / sum(weights))
        column.width = column_width
        for cell in column.cells:
            cell.width = column_width


def _display_width(text: str) -> int:
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def _repeat_header(row) -> None:
    trpr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    trpr.append(header)


def _merge_runs_of_equal_cells(table, rows: list[list[str]]) -> None:
    """Merge equal category cells vertically (w:vMerge), as scoring tables in Word usually are."""
    start = 1
    for r in range(2, len(rows) + 1):
        if r == len(rows) or rows[r][0] != rows[start][0]:
            if r - 1 > start:
                top = table.cell(start, 0)
                for lower in range(start + 1, r):
                    table.cell(lower, 0).paragraphs[0].text = ""
                top.merge(table.cell(r - 1, 0))
                _drop_empty_paragraphs(top)
            start = r


def _drop_empty_paragraphs(cell) -> None:
    paragraphs = cell.paragraphs
    for p in paragraphs[1:]:
        if not p.text.strip():
            p._p.getparent().remove(p._p)


def write_elements(doc: docx.Document, elements: list[Element]) -> None:
    for n, el in enumerate(elements):
        if el.kind == "cover":
            _write_cover(doc, [r[0] for r in el.rows])
        elif el.kind == "toc":
            add_paragraph(doc, el.rows[0][0], align="center", bold=True, size=16)
            for row in el.rows[1:]:
                add_paragraph(doc, row[0], align="left")
        elif el.kind == "heading":
            if n and (el.level == 1 or "B" in el.tags):  # chapters and forms start a new page
                page_break(doc)
            add_heading(doc, el.text, el.level)
        elif el.kind == "center":
            add_paragraph(doc, el.text, align="center", bold=True, size=14)
        elif el.kind == "para":
            add_paragraph(doc, el.text)
        elif el.kind == "table":
            add_table(doc, el.rows, merge_first_column=el.table_kind == "scoring")


def _write_cover(doc: docx.Document, lines: list[str]) -> None:
    sizes = [12, 22, 26, 16, 14, 14, 14]
    for i, line in enumerate(lines):
        p = add_paragraph(doc, line, align="center", bold=i in (1, 2), size=sizes[min(i, 6)])
        if i in (0, 3, 5):
            p.paragraph_format.space_after = Pt(60)
    page_break(doc)


def save_deterministic(doc: docx.Document, path: Path) -> None:
    """Save, then rewrite the zip with fixed timestamps so the bytes are the same on every run."""
    doc.save(str(path))
    with zipfile.ZipFile(path) as src:
        members = [(info.filename, src.read(info.filename)) for info in src.infolist()]
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as dst:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(info, data)
