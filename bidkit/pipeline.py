"""Library entry points that wire readers → tender (the CLI calls these, tests too)."""

from __future__ import annotations

from pathlib import Path

from bidkit.model import Tender
from bidkit.readers import read_document
from bidkit.tender import parse_document


def parse_file(path: str | Path, amendments: list[str | Path] | tuple = (), kind: str = "tender") -> Tender:
    """Read and parse one tender file (or, with kind='notes', customer notes); apply amendments."""
    if kind == "notes":
        from bidkit.tender.notes import extract_customer_needs

        return extract_customer_needs(read_document(path))
    tender = parse_document(read_document(path))
    for amendment in amendments:
        from bidkit.tender.amend import apply_amendment

        tender = apply_amendment(tender, read_document(amendment), str(amendment))
    return tender


def load_tender(path: str | Path) -> Tender:
    """A tender file (.pdf/.docx …) is parsed; the JSON of `bidkit parse --json` is loaded."""
    path = Path(path)
    if path.suffix.lower() == ".json":
        from pydantic import ValidationError

        from bidkit.errors import InputError

        if not path.exists():
            raise InputError(f"{path}: no such file; check the path.")
        try:
            return Tender.model_validate_json(path.read_text(encoding="utf-8"))
        except (ValidationError, UnicodeDecodeError) as exc:
            raise InputError(f"{path} is not the JSON of `bidkit parse --json` ({exc.__class__.__name__}); "
                             "parse the tender file instead.") from exc
    return parse_file(path)
