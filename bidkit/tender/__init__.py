"""Document → Tender: one ordered list of extractors, each a pure function of the Outline."""

from __future__ import annotations

from pathlib import Path

from bidkit.document import Document
from bidkit.model import Tender
from bidkit.tender.bid_sections import extract_bid_sections
from bidkit.tender.legend import extract_legend
from bidkit.tender.meta import extract_meta
from bidkit.tender.outline import build_outline
from bidkit.tender.requirements import extract_requirements
from bidkit.tender.scoring import extract_scoring
from bidkit.tender.validate import looks_like_tender, validate_tender


def parse_document(doc: Document) -> Tender:
    """Extract everything bidkit knows from a Document. Pure: no I/O."""
    outline = build_outline(doc)
    tender = Tender(source_file=Path(doc.path).name, language=outline.language)
    tender.is_tender = looks_like_tender(outline)
    tender.meta = extract_meta(outline)
    tender.marker_legend = extract_legend(outline)
    tender.requirements = extract_requirements(outline, tender.marker_legend)
    tender.scoring, tender.scoring_total = extract_scoring(outline)
    tender.bid_sections = extract_bid_sections(outline)
    tender.warnings = doc.problems + validate_tender(tender)
    return tender
