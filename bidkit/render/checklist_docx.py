"""Tender → checklist.docx: a printable checklist a bid manager ticks with a pen.

A cover title, the key facts, then every list as a table with a ☐ column and the page (PDF) or
paragraph (DOCX) each item came from. Chinese fonts, page numbers and landscape pages for the
wide scoring table come from `ooxml.py`.
"""

from __future__ import annotations

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Cm, Pt

from bidkit import __version__
from bidkit.model import Tender
from bidkit.render import ooxml
from bidkit.render.checklists import (
    Checklist,
    build_checklists,
    clean_text,
    key_facts,
    labels,
    scoring_sum,
)

TABLE_FONT = Pt(10.5)  # 五号: fits a clause per row without crowding
SUBSTANTIVE_SHADE = "FFF2CC"
# Which checklist columns go on paper (review columns are for the spreadsheet; paper has ☐ + pen)
PAPER_COLUMNS = {
    "scoring": ("no", "ref", "category", "item", "points", "criteria"),
    "bid_sections": ("no", "ref", "title"),
}
REQUIREMENT_PAPER_COLUMNS = ("no", "ref", "section", "text", "marker")
WIDTHS_CM = {"tick": 0.9, "no": 1.2, "ref": 1.4, "section": 2.8, "text": 9.0, "marker": 1.6,
             "category": 2.2, "item": 4.5, "points": 1.4, "criteria": 12.0, "title": 12.0}


TABLE_STYLE = "Checklist Table Text"
TABLE_STYLE_ID = "ChecklistTableText"


def _add_table_text_style(document) -> None:
    """One paragraph style for every cell: cheaper than formatting thousands of runs."""
    style = document.styles.add_style(TABLE_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    style.style_id = TABLE_STYLE_ID
    style.base_style = document.styles["Normal"]
    style.font.size = TABLE_FONT
    style.paragraph_format.line_spacing = 1.0
    style.paragraph_format.space_after = Pt(0)
    style.paragraph_format.space_before = Pt(0)


def _set_cell_text(cell, text: str, bold: bool = False) -> None:
    paragraph = cell.paragraphs[0]
    paragraph._p.style = TABLE_STYLE_ID  # by id: assigning by name scans every style per cell
    run = paragraph.add_run(text)
    if bold:
        run.bold = True


def _set_widths(table, widths_cm: list[float]) -> None:
    """Grid and cell widths both: Word reads the cells, LibreOffice the w:tblGrid."""
    table.autofit = False
    for column, width_cm in zip(table.columns, widths_cm):
        width = Cm(width_cm)
        column.width = width
        for cell in column.cells:
            cell.width = width


def _header_row(table, headers: list[str]) -> None:
    row = table.rows[0]
    for cell, header in zip(row.cells, headers):
        _set_cell_text(cell, header, bold=True)
        ooxml.set_cell_shading(cell)
    ooxml.set_repeat_table_header(row)


def _cell_value(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def _add_checklist_table(document, checklist: Checklist, tick: str) -> None:
    keys = list(PAPER_COLUMNS.get(checklist.key, REQUIREMENT_PAPER_COLUMNS))
    by_key = {c.key: c for c in checklist.columns}
    table = document.add_table(rows=1, cols=len(keys) + 1)
    table.style = "Table Grid"
    _header_row(table, [tick] + [by_key[k].header for k in keys])
    for index, row in enumerate(checklist.rows):
        cells = table.add_row().cells
        _set_cell_text(cells[0], tick)
        for cell, key in zip(cells[1:], keys):
            _set_cell_text(cell, _cell_value(row.get(key)))
        if index < len(checklist.highlight) and checklist.highlight[index]:
            for cell in cells:
                ooxml.set_cell_shading(cell, SUBSTANTIVE_SHADE)
    _set_widths(table, [WIDTHS_CM.get(key, 3.0) for key in ["tick"] + keys])


def _add_key_facts(document, tender: Tender) -> None:
    lab = labels(tender.language)
    document.add_heading(lab["key_facts"], level=1)
    facts = [f for f in key_facts(tender) if f.value]
    table = document.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    _header_row(table, [lab["field"], lab["value"], lab["page"] + "/" + lab["paragraph"]
                        if tender.language != "en" else "Page/¶"])
    for fact in facts:
        cells = table.add_row().cells
        _set_cell_text(cells[0], fact.label, bold=True)
        _set_cell_text(cells[1], fact.value)
        _set_cell_text(cells[2], fact.ref)
    _set_widths(table, [4.0, 10.5, 2.5])


def _scoring_note(document, tender: Tender) -> None:
    lab = labels(tender.language)
    total = scoring_sum(tender)
    text = f"{lab['total']}: {total:g}"
    if tender.scoring_total is not None:
        agree = abs(total - tender.scoring_total) < 0.01
        verdict = ("OK" if agree else "MISMATCH") if tender.language == "en" else \
            ("一致" if agree else "不一致")
        text += f"  {lab['stated_total']}: {tender.scoring_total:g}  {lab['check']}: {verdict}"
    run = document.add_paragraph().add_run(text)
    run.bold = True


def _add_section(document, landscape: bool) -> None:
    section = document.add_section(WD_SECTION.NEW_PAGE)
    if landscape:
        ooxml.set_landscape(section)
    else:
        previous = document.sections[-2]
        section.orientation = previous.orientation
        section.page_width, section.page_height = previous.page_width, previous.page_height


def _cover(document, tender: Tender) -> None:
    lab = labels(tender.language)
    document.add_heading(lab["title"], level=0)
    name = clean_text(tender.meta.project_name or tender.source_file)
    document.add_paragraph().add_run(name).bold = True
    if tender.meta.project_number:
        document.add_paragraph(clean_text(tender.meta.project_number))
    document.add_paragraph(lab["generated"])


def _first_section_setup(document, tender: Tender) -> None:
    section = document.sections[0]
    if tender.language != "en":  # Chinese tenders print on A4
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2.0))


def build_checklist_document(tender: Tender):
    """A python-docx Document of the printable checklist."""
    document = Document()
    _first_section_setup(document, tender)
    ooxml.apply_house_style(document, tender.language)
    _add_table_text_style(document)
    document.core_properties.title = labels(tender.language)["title"]
    document.core_properties.author = "bidkit"
    # provenance a reviewer (or a later bidkit run) can read in File > Properties > Custom
    ooxml.set_custom_property(document, "bidkit_generator", f"bidkit {__version__}")
    ooxml.set_custom_property(document, "bidkit_source", tender.source_file)
    _cover(document, tender)
    _add_key_facts(document, tender)
    empty = "No items found; check the tender by hand." if tender.language == "en" \
        else "未识别到条目，请对照招标文件人工核对。"
    for checklist in build_checklists(tender):
        wide = checklist.key == "scoring"
        if wide:
            _add_section(document, landscape=True)
        document.add_heading(f"{checklist.title}（{len(checklist.rows)}）"
                             if tender.language != "en" else
                             f"{checklist.title} ({len(checklist.rows)})", level=1)
        if checklist.rows:
            _add_checklist_table(document, checklist, labels(tender.language)["tick"])
        else:
            document.add_paragraph(empty)
        if wide:
            _scoring_note(document, tender)
            _add_section(document, landscape=False)
            _restore_portrait(document)
    return document


def _restore_portrait(document) -> None:
    section = document.sections[-1]
    first = document.sections[0]
    section.orientation = first.orientation
    section.page_width, section.page_height = first.page_width, first.page_height
