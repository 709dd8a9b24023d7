"""Tender → checklist.xlsx: one sheet per list, ready for a bid team to filter and tick.

Each sheet: a bold frozen header, an auto-filter, wrapped text and sensible widths, the page or
paragraph each item came from, a 状态/Status dropdown, an owner column and notes. The scoring
sheet ends with a live SUM row and a check against the total the tender states.
"""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from bidkit.model import Tender
from bidkit.render.checklists import (
    STATUS_CHOICES,
    Checklist,
    build_checklists,
    key_facts,
    labels,
    scoring_sum,
)

HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
SUBSTANTIVE_FILL = PatternFill("solid", fgColor="FFF2CC")
TOTAL_FILL = PatternFill("solid", fgColor="F2F2F2")
THIN = Side(style="thin", color="BFBFBF")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP_TOP = Alignment(wrap_text=True, vertical="top")
CENTER_TOP = Alignment(horizontal="center", vertical="top", wrap_text=True)
MAX_SHEET_TITLE = 31  # Excel's limit


LINE_HEIGHT_PT = 15
MAX_ROW_HEIGHT_PT = 409  # Excel's limit


def _display_width(text: str) -> int:
    """Columns a text needs: CJK and full-width characters take two."""
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)


def _fit_row_height(ws: Worksheet, row: int, widths: list[int]) -> None:
    """Set the height wrapped text needs: not every viewer auto-fits rows written by openpyxl."""
    lines = 1
    for col, width in enumerate(widths, 1):
        value = ws.cell(row, col).value
        if value is None:
            continue
        usable = max(width - 1, 1)
        needed = sum(-(-max(_display_width(part), 1) // usable) for part in str(value).split("\n"))
        lines = max(lines, needed)
    if lines > 1:
        ws.row_dimensions[row].height = min(lines * LINE_HEIGHT_PT, MAX_ROW_HEIGHT_PT)


def _write_header(ws: Worksheet, headers: list[str], widths: list[int]) -> None:
    ws.append(headers)
    for index, width in enumerate(widths, 1):
        cell = ws.cell(row=1, column=index)
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = CENTER_TOP
        cell.border = BORDER
        ws.column_dimensions[get_column_letter(index)].width = width
    ws.freeze_panes = "A2"


def _finish_sheet(ws: Worksheet, rows: int, columns: int) -> None:
    """Filter over header + data rows (not the totals below them)."""
    last = get_column_letter(columns)
    ws.auto_filter.ref = f"A1:{last}{max(rows + 1, 2)}"
    ws.print_title_rows = "1:1"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def _status_dropdown(ws: Worksheet, column: int, rows: int, language: str) -> None:
    choices = STATUS_CHOICES["en" if language == "en" else "zh"]
    validation = DataValidation(type="list", formula1='"' + ",".join(choices) + '"',
                                allow_blank=True, showDropDown=False)
    validation.error = ("Choose one of: " if language == "en" else "请选择：") + " / ".join(choices)
    validation.showErrorMessage = True
    letter = get_column_letter(column)
    # cover spare rows too, so items a reviewer adds by hand get the dropdown
    validation.add(f"{letter}2:{letter}{rows + 200}")
    ws.add_data_validation(validation)


def _write_checklist(ws: Worksheet, checklist: Checklist, language: str) -> None:
    _write_header(ws, [c.header for c in checklist.columns], [c.width for c in checklist.columns])
    for index, row in enumerate(checklist.rows):
        ws.append([row.get(c.key) for c in checklist.columns])
        emphasise = index < len(checklist.highlight) and checklist.highlight[index]
        for col_index, column in enumerate(checklist.columns, 1):
            cell = ws.cell(row=index + 2, column=col_index)
            if cell.data_type == "f":  # tender text that starts with '=' is text, not a formula
                cell.data_type = "s"
            cell.border = BORDER
            cell.alignment = CENTER_TOP if column.kind in ("ref", "number", "status") else WRAP_TOP
            if emphasise:
                cell.fill = SUBSTANTIVE_FILL
        _fit_row_height(ws, index + 2, [c.width for c in checklist.columns])
    status_col = next(i for i, c in enumerate(checklist.columns, 1) if c.kind == "status")
    _status_dropdown(ws, status_col, len(checklist.rows), language)
    _finish_sheet(ws, len(checklist.rows), len(checklist.columns))


def _write_scoring_totals(ws: Worksheet, checklist: Checklist, tender: Tender) -> None:
    """A live SUM row, the stated total, and a formula that says whether they agree."""
    lab = labels(tender.language)
    points_col = next(i for i, c in enumerate(checklist.columns, 1) if c.key == "points")
    label_col = points_col - 1
    letter = get_column_letter(points_col)
    first, last = 2, len(checklist.rows) + 1
    total_row = last + 1
    ws.cell(total_row, label_col, lab["total"])
    ws.cell(total_row, points_col, f"=SUM({letter}{first}:{letter}{max(last, first)})")
    computed = scoring_sum(tender)
    cells = [(total_row, label_col), (total_row, points_col)]
    if tender.scoring_total is not None:
        stated_row, check_row = total_row + 1, total_row + 2
        ws.cell(stated_row, label_col, lab["stated_total"])
        ws.cell(stated_row, points_col, tender.scoring_total)
        ok, bad = ("OK", "MISMATCH") if tender.language == "en" else ("一致", "不一致")
        ws.cell(check_row, label_col, lab["check"])
        ws.cell(check_row, points_col,
                f'=IF(ABS({letter}{total_row}-{letter}{stated_row})<0.01,"{ok}","{bad}")')
        # the value bidkit computed, for readers that do not evaluate formulas
        agree = abs(computed - tender.scoring_total) < 0.01
        ws.cell(check_row, points_col + 1,
                f"{computed:g} / {tender.scoring_total:g}: {ok if agree else bad}")
        cells += [(stated_row, label_col), (stated_row, points_col), (check_row, label_col),
                  (check_row, points_col), (check_row, points_col + 1)]
    for row, col in cells:
        cell = ws.cell(row, col)
        cell.font = Font(bold=True)
        cell.fill = TOTAL_FILL
        cell.border = BORDER


def _write_key_facts(ws: Worksheet, tender: Tender) -> None:
    lab = labels(tender.language)
    ref_header = lab["page"] + "/" + lab["paragraph"] if tender.language != "en" else "Page/¶"
    _write_header(ws, [lab["field"], lab["value"], ref_header, lab["quote"]], [22, 50, 10, 70])
    for fact in key_facts(tender):
        ws.append([fact.label, fact.value, fact.ref, fact.quote])
        row = ws.max_row
        for col in range(1, 5):
            if ws.cell(row, col).data_type == "f":
                ws.cell(row, col).data_type = "s"
            ws.cell(row, col).alignment = WRAP_TOP
            ws.cell(row, col).border = BORDER
        ws.cell(row, 1).font = Font(bold=True)
        _fit_row_height(ws, row, [22, 50, 10, 70])
    _finish_sheet(ws, ws.max_row - 1, 4)


def build_workbook(tender: Tender) -> Workbook:
    workbook = Workbook()
    facts = workbook.active
    facts.title = labels(tender.language)["key_facts"]
    _write_key_facts(facts, tender)
    for checklist in build_checklists(tender):
        ws = workbook.create_sheet(checklist.title[:MAX_SHEET_TITLE])
        _write_checklist(ws, checklist, tender.language)
        if checklist.key == "scoring":
            _write_scoring_totals(ws, checklist, tender)
    workbook.properties.creator = "bidkit"
    workbook.properties.title = f"{labels(tender.language)['title']} — {tender.source_file}"
    return workbook
