"""Handover → 售前-实施交接清单 .docx (for reading in the kick-off meeting) and .xlsx (to plan with)."""

from __future__ import annotations

import io

from bidkit.handover.model import Handover

_COLUMNS_ZH = ("序号", "内容", "类型", "来源", "状态", "负责人")
_COLUMNS_EN = ("#", "Item", "Type", "Source", "Status", "Owner")


def _title(h: Handover) -> str:
    if h.language == "zh":
        return f"售前-实施交接清单：{h.project_name or h.project_number}"
    return f"Presales-to-delivery handover: {h.project_name or h.project_number}"


def handover_docx_bytes(h: Handover) -> bytes:
    from docx import Document
    from docx.shared import Pt

    from bidkit.render.ooxml import (
        add_table_of_contents,
        apply_house_style,
        set_repeat_table_header,
        set_update_fields_on_open,
    )

    doc = Document()
    apply_house_style(doc, h.language)
    doc.add_heading(_title(h), level=0)
    if h.project_number:
        doc.add_paragraph(("项目编号：" if h.language == "zh" else "Project number: ") + h.project_number)
    add_table_of_contents(doc.add_paragraph())
    set_update_fields_on_open(doc)
    columns = _COLUMNS_ZH if h.language == "zh" else _COLUMNS_EN
    for n, (field, zh, en) in enumerate(h.SECTIONS, start=1):
        doc.add_heading(f"{n}. {zh if h.language == 'zh' else en}", level=1)
        items = getattr(h, field)
        if not items:
            doc.add_paragraph("（无）" if h.language == "zh" else "(none)")
            continue
        table = doc.add_table(rows=1, cols=len(columns))
        table.style = "Table Grid"
        for cell, label in zip(table.rows[0].cells, columns):
            cell.text = label
        set_repeat_table_header(table.rows[0])
        for i, item in enumerate(items, start=1):
            cells = table.add_row().cells
            for cell, value in zip(cells, (str(i), item.text, item.kind, item.source, item.status, item.owner)):
                cell.text = value
                for run in cell.paragraphs[0].runs:
                    run.font.size = Pt(9)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def handover_xlsx_bytes(h: Handover) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    wb = Workbook()
    wb.remove(wb.active)
    columns = _COLUMNS_ZH if h.language == "zh" else _COLUMNS_EN
    for field, zh, en in h.SECTIONS:
        ws = wb.create_sheet((zh if h.language == "zh" else en)[:31])
        ws.append(list(columns))
        for i, item in enumerate(getattr(h, field), start=1):
            ws.append([i, item.text, item.kind, item.source, item.status or None, item.owner or None])
        ws.freeze_panes = "A2"
        ws.auto_filter.ref = ws.dimensions
        for cell in ws[1]:
            cell.font = Font(bold=True)
        for col, width in zip("ABCDEF", (6, 70, 18, 30, 14, 12)):
            ws.column_dimensions[col].width = width
        for row in ws.iter_rows(min_row=2):
            row[1].alignment = Alignment(wrap_text=True, vertical="top")
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
