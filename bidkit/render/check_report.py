"""CheckReport → terminal table and xlsx."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.table import Table

from bidkit.check.model import CheckReport

_STYLE = {"blocker": "bold red", "warning": "yellow", "info": "dim"}


def print_check_report(report: CheckReport, console: Console | None = None) -> None:
    console = console or Console()
    table = Table(title=f"bidkit check — {report.bid_file} against {report.tender_file}")
    for col in ("severity", "category", "finding", "where in bid", "tender clause"):
        table.add_column(col, overflow="fold")
    for f in report.findings:
        table.add_row(f"[{_STYLE[f.severity]}]{f.severity}[/]", f.category, f.message, f.location,
                      f.tender_ref)
    console.print(table)
    from collections import Counter

    by_category = Counter(f"{f.category}/{f.severity}" for f in report.findings)
    if by_category:
        console.print("by category: " + ", ".join(f"{k} {n}" for k, n in sorted(by_category.items())))
    answered = sum(1 for a in report.answered if a["status"] == "answered")
    console.print(f"clauses answered: {answered}/{len(report.answered)}; "
                  f"blockers: {len(report.blockers)}; findings: {len(report.findings)}")
    if report.blockers:
        console.print("[bold red]Not ready to submit:[/] fix the blockers above.")
    else:
        console.print("[green]No blocking defect found.[/]")


def write_check_xlsx(report: CheckReport, path: Path) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    wb = Workbook()
    ws = wb.active
    ws.title = "findings"
    ws.append(["severity", "category", "finding", "where in bid", "tender clause", "evidence", "reviewer"])
    for f in report.findings:
        ws.append([f.severity, f.category, f.message, f.location, f.tender_ref, f.evidence, ""])
    clauses = wb.create_sheet("clauses")
    clauses.append(["kind", "clause", "tender ref", "status", "where in bid", "evidence"])
    for a in report.answered:
        clauses.append([a["kind"], a["clause"], a["where"], a["status"], a["bid_location"], a["evidence"]])
    for sheet in (ws, clauses):
        sheet.freeze_panes = "A2"
        sheet.auto_filter.ref = sheet.dimensions
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for col, width in zip("ABCDEFG", (10, 14, 50, 24, 40, 50, 14)):
            sheet.column_dimensions[col].width = width
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path
