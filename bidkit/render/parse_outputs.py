"""What `bidkit parse TENDER -o DIR` writes: tender.json, checklist.xlsx, checklist.docx.

Files go through SafeWriter, so a checklist a reviewer already edited is never overwritten
silently (a -v2 copy is written beside it unless force=True).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from bidkit.model import Tender
from bidkit.render.safe_write import SafeWriter

TENDER_JSON = "tender.json"
CHECKLIST_XLSX = "checklist.xlsx"
CHECKLIST_DOCX = "checklist.docx"


def write_parse_outputs(tender: Tender, out_dir: str | Path, force: bool = False,
                        on_note: Callable[[str], None] | None = None) -> list[Path]:
    """Write the three outputs into `out_dir`; return the paths actually written.

    `on_note` receives one sentence per output that was diverted to a -vN name.
    """
    from bidkit.render.checklist_docx import build_checklist_document
    from bidkit.render.xlsx import build_workbook

    writer = SafeWriter(out_dir, force=force)
    contract = json.dumps(tender.to_contract(), ensure_ascii=False, indent=1) + "\n"
    writer.write_text(TENDER_JSON, contract)
    writer.write_workbook(CHECKLIST_XLSX, build_workbook(tender))
    writer.write_docx(CHECKLIST_DOCX, build_checklist_document(tender))
    for note in writer.notes:
        if on_note is not None:
            on_note(note)
    return writer.written
