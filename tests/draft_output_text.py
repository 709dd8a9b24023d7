"""Read back what the draft outputs say (all paragraphs, table cells, comments, sheet cells)."""

from __future__ import annotations

from pathlib import Path

import docx
from openpyxl import load_workbook


def docx_text(path: Path) -> str:
    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def docx_comments(path: Path) -> list[str]:
    return [c.text for c in docx.Document(str(path)).comments]


def xlsx_text(path: Path) -> str:
    wb = load_workbook(path, read_only=True)
    return "\n".join(str(v) for ws in wb.worksheets for row in ws.iter_rows(values_only=True)
                     for v in row if v is not None)


def all_text(files: dict) -> str:
    return "\n".join(xlsx_text(p) if str(p).endswith(".xlsx") else docx_text(p)
                     for p in files.values())
