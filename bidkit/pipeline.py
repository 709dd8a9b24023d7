"""Library entry points that wire readers → tender (the CLI calls these, tests too)."""

from __future__ import annotations

from pathlib import Path

from bidkit.model import Tender
from bidkit.readers import read_document
from bidkit.tender import parse_document


def parse_file(path: str | Path, amendments: list[str | Path] | tuple = ()) -> Tender:
    """Read and parse one tender file; apply amendment files in order."""
    tender = parse_document(read_document(path))
    for amendment in amendments:
        from bidkit.tender.amend import apply_amendment

        tender = apply_amendment(tender, parse_document(read_document(amendment)), str(amendment))
    return tender
