"""Rich summaries for the terminal (stderr-free: they print to stdout)."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from bidkit.model import Tender


def print_tender_summary(tender: Tender, console: Console | None = None) -> None:
    console = console or Console()
    m = tender.meta
    facts = Table(title=f"{tender.source_file} — key facts", show_header=False)
    for label, value in (("项目名称 / project", m.project_name), ("项目编号 / number", m.project_number),
                         ("采购人 / purchaser", m.purchaser), ("代理机构 / agency", m.agency),
                         ("采购方式 / procedure", m.procedure), ("预算 / budget", m.budget),
                         ("最高限价 / max price", m.max_price), ("截止 / deadline", m.deadline),
                         ("开标 / opening", m.opening), ("保证金 / deposit", m.deposit)):
        facts.add_row(label, "" if value is None else str(value))
    console.print(facts)
    counts = Table(title="checklists")
    counts.add_column("list")
    counts.add_column("items", justify="right")
    counts.add_row("substantive (实质性)", str(len(tender.substantive)))
    for kind in ("qualification", "technical", "commercial", "invalid_condition"):
        counts.add_row(kind, str(len(tender.by_kind(kind))))
    counts.add_row("scoring items", str(len(tender.scoring)))
    counts.add_row("bid sections", str(len(tender.bid_sections)))
    console.print(counts)
    if tender.marker_legend:
        console.print("legend: " + "; ".join(f"{k} = {v[:60]}" for k, v in tender.marker_legend.items()))
    for w in tender.warnings:
        console.print(f"[yellow]warning:[/] {w}")
