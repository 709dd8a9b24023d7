"""Rich summaries for the terminal (printed to stdout; messages go to stderr elsewhere)."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from bidkit.model import Tender
from bidkit.render.checklists import build_checklists, format_value, key_facts, scoring_sum

_PREVIEW_CHARS = 60  # the first item of each list, so the summary says what was found


def _one_line(text: str, limit: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _facts_table(tender: Tender) -> Table:
    table = Table(show_header=False, expand=False)
    table.add_column(style="bold")
    table.add_column(overflow="fold", max_width=70)
    table.add_column(style="dim")
    for fact in key_facts(tender):
        if fact.kind != "meta":  # legend, points and warnings get their own lines below
            continue
        value = Text(fact.value) if fact.value else Text("—", style="dim")
        table.add_row(fact.label, value, fact.ref)
    return table


def _counts_table(tender: Tender, width: int) -> Table:
    en = tender.language == "en"
    table = Table(title="checklists" if en else "核对清单", title_justify="left")
    table.add_column("list" if en else "清单", no_wrap=True, min_width=18 if en else 12)
    table.add_column("items" if en else "条数", justify="right", no_wrap=True, min_width=5)
    table.add_column("marked" if en else "实质性", justify="right", no_wrap=True, min_width=6)
    # what is left of the terminal goes to the preview, so the counts never get squeezed
    preview_width = max(10, min(_PREVIEW_CHARS, width - 50))
    table.add_column("first item" if en else "第一条", no_wrap=True, overflow="ellipsis",
                     max_width=preview_width)
    for checklist in build_checklists(tender):
        rows = checklist.rows
        marked = sum(checklist.highlight) if checklist.key != "substantive" else len(rows)
        preview_key = {"scoring": "item", "bid_sections": "title"}.get(checklist.key, "text")
        preview = _one_line(rows[0].get(preview_key, ""), preview_width) if rows else ""
        count = Text(str(len(rows)), style="bold red" if not rows else "")
        table.add_row(checklist.title, count, str(marked) if checklist.highlight else "", preview)
    return table


def _points_line(tender: Tender) -> Text | None:
    if not tender.scoring:
        return None
    total = scoring_sum(tender)
    en = tender.language == "en"
    line = Text(("scoring points: " if en else "评分分值合计：") + f"{total:g}")
    if tender.scoring_total is not None:
        agree = abs(total - tender.scoring_total) < 0.01
        stated = format_value(tender.scoring_total)
        line.append(f" / {stated} ", style="")
        line.append("✓" if agree else ("✗ does not add up" if en else "✗ 与规定总分不一致"),
                    style="green" if agree else "bold red")
    return line


def print_tender_summary(tender: Tender, console: Console | None = None) -> None:
    console = console or Console()
    heading = "key facts" if tender.language == "en" else "关键信息"
    console.print(Text(f"{tender.source_file} — {heading}", style="bold"))
    console.print(_facts_table(tender))
    if tender.marker_legend:
        legend = Text("legend: " if tender.language == "en" else "标记说明：", style="bold")
        console.print(legend)
        for marker, meaning in tender.marker_legend.items():
            console.print(f"  {marker}  {_one_line(meaning, max(30, console.width // 2 - 6))}", markup=False, highlight=False)
    console.print(_counts_table(tender, console.width))
    points = _points_line(tender)
    if points is not None:
        console.print(points)
    for change in tender.amendments:
        console.print(Text("amendment: ", style="cyan").append(change, style=""))
    changes = set(tender.amendments)  # amendment notes are also warnings: print them once
    for warning in tender.warnings:
        if warning not in changes:
            console.print(Text("warning: ", style="yellow").append(warning, style=""))
