"""The bid as checkable units: every paragraph and every table row, with a human location."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from bidkit.document import Document


@dataclass
class Unit:
    text: str
    location: str
    cells: list[str] = field(default_factory=list)
    is_heading: bool = False
    order: int = 0


def norm(text: str) -> str:
    """Compare text the way a reader does: width-folded, lower-case, no spaces or punctuation."""
    return re.sub(r"[\W_]+", "", unicodedata.normalize("NFKC", text).lower())


def bigrams(text: str) -> set[str]:
    return {text[i:i + 2] for i in range(len(text) - 1)} or {text}


def units_of(doc: Document) -> list[Unit]:
    units: list[Unit] = []
    for block in doc.blocks:
        if block.kind == "table" and block.rows:
            for n, row in enumerate(block.rows, start=1):
                text = " | ".join(c for c in row if c)
                if text.strip():
                    units.append(Unit(text=text, location=f"{block.where} table row {n}",
                                      cells=list(row), order=len(units)))
        else:
            units.append(Unit(text=block.text, location=block.where,
                              is_heading=block.kind == "heading", order=len(units)))
    return units


@dataclass
class UnitIndex:
    """Fuzzy lookup of a clause in the bid (bigram Dice on the clause start)."""

    units: list[Unit]
    _grams: list[set[str]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._grams = [bigrams(norm(u.text)[:400]) for u in self.units]

    def best(self, clause: str, start: int = 0) -> tuple[Unit | None, float]:
        key = norm(clause)[:60]
        if not key:
            return None, 0.0
        want = bigrams(key)
        best_unit, best_score = None, 0.0
        for unit, grams in zip(self.units[start:], self._grams[start:]):
            if key in norm(unit.text):
                return unit, 1.0
            overlap = len(want & grams) / len(want)
            if overlap > best_score:
                best_unit, best_score = unit, overlap
        return best_unit, best_score
