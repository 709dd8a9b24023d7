"""A tiny line markup for the sample tenders, so the text reads like a tender and the ground truth
(EXPECTED.json) comes from the same lines the documents are built from.

Line forms:
  # / ## / ###  TEXT       heading level 1-3 (level 1 starts a new page)
  [center] TEXT / [p] TEXT  centred / plain paragraph
  [cover] … [/cover]        cover page lines;  [toc] … [/toc]  table of contents lines
  [table KIND] … [/table]   table rows 'a | b | c', first row is the header; KIND is '', scoring,
                            params (★/▲ in a cell) or reqs (ID | requirement | M/D marker column)
  @TAGS TEXT                tagged line (or table row): Q qualification, S substantive, I invalid
                            condition, B bid section heading, L legend; a '?' after a tag marks
                            it unsure
Inside text, ⟦★⟧ is a star written as a Wingdings w:sym (as Word does), not as U+2605.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

SYM_STAR = "⟦★⟧"
_TAGGED = re.compile(r"^@([A-Z?]+)\s+(.*)$")
_CLAUSE_NUMBER = re.compile(r"^\s*(?:[（(]\d+[)）]|\d+(?:\.\d+)*[.、．]?)\s*")


@dataclass
class Element:
    kind: str  # heading | para | center | table | cover | toc
    text: str = ""
    level: int = 0
    tags: dict[str, bool] = field(default_factory=dict)  # tag -> unsure?
    rows: list[list[str]] = field(default_factory=list)
    row_tags: list[dict[str, bool]] = field(default_factory=list)
    table_kind: str = ""


def parse_tags(line: str) -> tuple[dict[str, bool], str]:
    m = _TAGGED.match(line)
    if not m:
        return {}, line
    tags: dict[str, bool] = {}
    for ch in m.group(1):
        if ch == "?" and tags:
            tags[list(tags)[-1]] = True
        elif ch != "?":
            tags[ch] = False
    return tags, m.group(2)


def parse_markup(path: Path) -> list[Element]:
    elements: list[Element] = []
    block: Element | None = None
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.rstrip()
        if block is not None:
            if line.startswith("[/"):
                elements.append(block)
                block = None
            elif block.kind == "table":
                tags, row = parse_tags(line)
                block.rows.append([c.strip() for c in row.split("|")])
                block.row_tags.append(tags)
            elif line:
                block.rows.append([line])
            continue
        if not line:
            continue
        if line.startswith("[table"):
            block = Element(kind="table", table_kind=line[6:-1].strip())
        elif line in ("[cover]", "[toc]"):
            block = Element(kind=line[1:-1])
        elif line.startswith("#"):
            hashes, _, text = line.partition(" ")
            elements.append(Element(kind="heading", text=text, level=len(hashes)))
        elif line.startswith("[center] "):
            elements.append(Element(kind="center", text=line[9:]))
        else:
            tags, text = parse_tags(line.removeprefix("[p] "))
            kind = "heading" if "B" in tags else "para"
            elements.append(
                Element(kind=kind, text=text, tags=tags, level=2 if kind == "heading" else 0)
            )
    return elements


def plain(text: str) -> str:
    """The text as a reader should see it: the symbol-font star becomes ★."""
    return text.replace(SYM_STAR, "★")


def marker_of(text: str) -> str | None:
    """The marker a clause starts with (after its number), if any."""
    body = _CLAUSE_NUMBER.sub("", plain(text))
    return body[0] if body[:1] in ("★", "▲") else None


def _item(text: str, unsure: bool, marker: str | None = None, with_marker: bool = False) -> dict:
    item: dict = {"page": None, "text": plain(text)}
    if with_marker:
        item["marker"] = marker
    if unsure:
        item["unsure"] = True
    return item


def _marked_cells(row: list[str]) -> str:
    """A marked table row quoted from its first marked cell on (the clause itself)."""
    for i, cell in enumerate(row):
        if marker_of(cell):
            return " | ".join(row[i:])
    return " | ".join(row)


def _scoring(table: Element) -> list[dict]:
    return [
        {"category": r[0].replace("部分", ""), "item": r[1], "points": float(r[2]), "page": None}
        for r in table.rows[1:]
    ]


def ground_truth(elements: list[Element]) -> dict:
    """Lists of the EXPECTED.json gold format, collected from the tags."""
    out: dict[str, list] = {
        "substantive": [],
        "qualifications": [],
        "invalid_conditions": [],
        "scoring": [],
        "bid_sections": [],
        "important": [],
    }
    for el in elements:
        if el.kind == "table":
            if el.table_kind == "scoring":
                out["scoring"] += _scoring(el)
            for row, tags in zip(el.rows, el.row_tags):
                if el.table_kind == "reqs":  # ID | requirement | marker column (M/D)
                    _collect(out, row[1], tags, marker=row[-1])
                else:
                    _collect(out, _marked_cells(row), tags)
        elif el.kind in ("para", "heading"):
            _collect(out, el.text, el.tags)
    return out


def _collect(
    out: dict[str, list], text: str, tags: dict[str, bool], marker: str | None = None
) -> None:
    marker = marker or marker_of(text)
    if marker == "★" and "S" not in tags:
        raise ValueError(f"clause starts with ★ but is not tagged S: {text[:40]}")
    if marker == "▲":
        out["important"].append(_item(text, False, "▲", with_marker=True))
    if "S" in tags:
        out["substantive"].append(_item(text, tags["S"], marker, with_marker=True))
    if "Q" in tags:
        out["qualifications"].append(_item(text, tags["Q"]))
    if "I" in tags:
        out["invalid_conditions"].append(_item(text, tags["I"]))
    if "B" in tags:  # the form's title without its number ("一、", "Form 3.")
        out["bid_sections"].append(
            re.sub(r"^(?:[一二三四五六七八九十]+、|Form \d+\.\s*)", "", text)
        )
