"""English proposal structure: 'Form A: …' lists and 'The Proposal shall comprise the following'
lists ((a) … (b) …), in the tender's order."""

from __future__ import annotations

import re

from bidkit.document import Block
from bidkit.tender.outline import Outline, strip_toc_tail

_FORM = re.compile(r"\bForm\s+([A-Z])\s*[:.\-–]\s*(.+?)(?=\s*(?:o\s+)?Form\s+[A-Z]\s*[:.\-–]|"
                   r"\s+Section\s+\d|\s+o\s|$)", re.I)
_ANCHOR = re.compile(r"compris\w* (?:of )?the following|documents comprising|sequence outlined below|"
                     r"structure .{0,60}as follows|shall contain the following|consist of the following|"
                     r"in the following (?:order|sequence)|following sequence", re.I)
_HEADINGS_ANCHOR = re.compile(r"sequence outlined below|in the following (?:order|sequence)|following sequence",
                              re.I)
_MAX_HEADINGS = 10
_ENUM = re.compile(r"^\s*\(?([a-h]|[ivx]{1,4}|\d{1,2})[).]\s+(.+)")


def english_sections(outline: Outline) -> list[tuple[str, Block]]:
    return _form_list(outline) or _anchor_lists(outline)


def _form_list(outline: Outline) -> list[tuple[str, Block]]:
    """A letter or TOC that names the returnable forms: 'Form A: Technical Proposal Submission Form',
    one per line or several on one merged line. The longest such run wins."""
    best: list[tuple[str, Block]] = []
    run: list[tuple[str, Block]] = []
    last = -10
    for b in outline.doc.blocks:
        forms = _FORM.findall(b.text) if b.kind != "table" else []
        if not forms:
            continue
        if b.index - last > 1:
            run = []
        last = b.index
        for _, title in forms:
            title = re.sub(r"\s*\((?:not applicable|if applicable)[^)]*\)\s*$", "", title.strip(), flags=re.I)
            run.append((strip_toc_tail(title).strip(" .;:"), b))
        if len(run) > len(best):
            best = list(run)
    return best if len(best) >= 3 else []


def _anchor_lists(outline: Outline) -> list[tuple[str, Block]]:
    blocks = outline.doc.blocks
    out: list[tuple[str, Block]] = []
    for i, b in enumerate(blocks):
        if b.kind == "table" or not _ANCHOR.search(b.text):
            continue
        if _HEADINGS_ANCHOR.search(b.text) and not _ENUM.match(blocks[i + 1].text if i + 1 < len(blocks) else ""):
            out.extend(_headings_after(outline, i))
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


def _headings_after(outline: Outline, anchor: int) -> list[tuple[str, Block]]:
    """'…provide the requested information in the sequence outlined below': the short title lines
    that follow (Project Definition, Company Profile, …), within the same chapter."""
    blocks = outline.doc.blocks
    chapter = outline.chapter_of(blocks[anchor])
    out: list[tuple[str, Block]] = []
    for b in blocks[anchor + 1:]:
        if outline.chapter_of(b) is not chapter or len(out) >= _MAX_HEADINGS:
            break
        text = b.text.strip()
        words = text.split()
        if (b.kind != "table" and 1 <= len(words) <= 9 and text[0].isupper()
                and not re.search(r"[.:;,]$", text) and not re.match(r"^\d", text)):
            out.append((text, b))
    return out


def _title(text: str) -> str:
    text = re.split(r"[:;,]|\s+including\b|\s+This\b|\.(?:\s|$)", text, maxsplit=1)[0]
    return text.strip(" .")[:100]
