"""Run every check on one bid file against its tender."""

from __future__ import annotations

import zipfile
from pathlib import Path

from bidkit.check.bidtext import Unit, UnitIndex, units_of
from bidkit.check.consistency import check_anonymity, check_facts
from bidkit.check.model import CheckReport
from bidkit.check.rules import check_clauses, check_markers, check_money, check_sections
from bidkit.check.similarity import shared_passages
from bidkit.document import Document
from bidkit.model import Tender


def image_count(path: str | Path) -> int:
    """Pictures inside a .docx package (logos, seals, photos)."""
    try:
        with zipfile.ZipFile(path) as z:
            return sum(1 for n in z.namelist() if n.startswith("word/media/"))
    except (zipfile.BadZipFile, OSError):
        return 0


def bid_units(volumes: list[Document]) -> list[Unit]:
    """All volumes of one bid as one sequence; locations name the file when there are several."""
    units: list[Unit] = []
    for doc in volumes:
        for unit in units_of(doc):
            if len(volumes) > 1:
                unit.location = f"{Path(doc.path).name} {unit.location}"
            unit.order = len(units)
            units.append(unit)
    return units


def check_bid(bid: Document | list[Document], tender: Tender, tender_text: str = "",
              against: Document | None = None, anonymous: bool | None = None,
              identity: list[str] | None = None) -> CheckReport:
    """Every check of issue 6 on one bid (one file, or its volumes in order). `identity` lists
    names/phones that must not appear in a 暗标 volume (company, legal representative, staff);
    `tender_text` is the tender's full text."""
    volumes = bid if isinstance(bid, list) else [bid]
    units = bid_units(volumes)
    report = CheckReport(bid_file=", ".join(Path(v.path).name for v in volumes), tender_file=tender.source_file)
    clause_findings, report.answered = check_clauses(UnitIndex(units), tender)
    report.findings += clause_findings
    report.findings += check_sections(units, tender)
    report.findings += check_markers(units, tender_text)
    report.findings += check_money(units, tender)
    report.findings += check_facts(units, tender, tender_text)
    if anonymous if anonymous is not None else tender.anonymous:
        images = sum(image_count(v.path) for v in volumes)
        report.findings += check_anonymity(units, tender, identity or [], images)
    if against is not None:
        report.findings += shared_passages(units, units_of(against), tender_text)
    return report
