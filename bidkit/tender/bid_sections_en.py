"""English proposal structure: 'Form A: …' lists and 'The Proposal shall comprise the following'
lists ((a) … (b) …), in the tender's order."""

from __future__ import annotations

import re

from bidkit.document import Block
from bidkit.tender.outline import Outline, strip_toc_tail

_FORM = re.compile(r"\bForm\s+([A-Z])\s*[:.\-–]\s*(.+?)(?=\s*(?:o\s+)?Form\s+[A-Z]\s*[:.\-–]|"
                   r"\s+Section\s+\d|\s+o\s|$)", re.I)
_ANCHOR = re.compile(r"compris\w* (?:of )?the following|documents comprising|sequence outlined below|"
                     r"structure .{0,60}as follows|shall contain the following|consist of the following",
                     re.I)
_ENUM = re.compile(r"^\s*\(?([a-h]|[ivx]{1,4}|\d{1,2})[).]\s+(.+)")


def english_sections(outline: Outline) -> list[tuple[str, Block]]:
    return _form_list(outline) or _anchor_lists(outline)


def _form_list(outline: Outline) -> list[tuple[str, Block]]:
    """A letter or TOC that names the returnable forms: 'Form A: Technical Proposal Submission Form'."""
    best: tuple[list, Block | None] = ([], None)
    for b in outline.doc.blocks:
        forms = _FORM.findall(b.text) if b.kind != "table" else []
        if len(forms) >= 3 and len(forms) > len(best[0]):
            best = (forms, b)
    forms, b = best
    out = []
    if b is not None:
            for _, title in forms:
                title = re.sub(r"\s*\((?:not applicable|if applicable)[^)]*\)\s*$", "", title.strip(),
                               flags=re.I)
                out.append((strip_toc_tail(title).strip(" .;:"), b))
    return out


def _anchor_lists(outline: Outline) -> list[tuple[str, Block]]:
    blocks = outline.doc.blocks
    out: list[tuple[str, Block]] = []
    for i, b in enumerate(blocks):
        if b.kind == "table" or not _ANCHOR.search(b.text):
            continue
        misses = 0
        expected = "a"
        for e in blocks[i + 1:i + 40]:
            m = _ENUM.match(e.text)
            if m and m.group(1).lower() == expected:
                out.append((_title(m.group(2)), e))
                expected = chr(ord(expected) + 1)
                misses = 0
            else:
                misses += 1
                if misses > 3:
                    break
    return out


def _title(text: str) -> str:
    text = re.split(r"[:;,]|\s+including\b|\s+This\b|\.(?:\s|$)", text, maxsplit=1)[0]
    return text.strip(" .")[:100]
