"""Run every check on one bid file against its tender."""

from __future__ import annotations

import zipfile
from pathlib import Path

from bidkit.check.bidtext import UnitIndex, units_of
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


def check_bid(bid: Document, tender: Tender, tender_text: str = "", against: Document | None = None,
              anonymous: bool | None = None, identity: list[str] | None = None) -> CheckReport:
    """Every check of issue 6 on one bid. `identity` lists names/phones that must not appear in a
    暗标 volume (company, legal representative, staff); `tender_text` is the tender's full text."""
    units = units_of(bid)
    report = CheckReport(bid_file=Path(bid.path).name, tender_file=tender.source_file)
    clause_findings, report.answered = check_clauses(UnitIndex(units), tender)
    report.findings += clause_findings
    report.findings += check_sections(units, tender)
    report.findings += check_markers(units)
    report.findings += check_money(units, tender)
    report.findings += check_facts(units, tender, tender_text)
    if anonymous if anonymous is not None else tender.anonymous:
        report.findings += check_anonymity(units, tender, identity or [], image_count(bid.path))
    if against is not None:
        report.findings += shared_passages(units, units_of(against), tender_text)
    return report
