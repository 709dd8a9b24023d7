"""All requirement lists, one item per clause: each concern has its own extractor module;
this module runs them and merges items that quote the same clause."""

from __future__ import annotations

import re

from bidkit.model import Requirement
from bidkit.tender.invalid import extract_invalid_conditions
from bidkit.tender.outline import Outline
from bidkit.tender.qualifications import extract_qualifications
from bidkit.tender.substantive import extract_substantive
from bidkit.tender.techcom import extract_technical_commercial

_PREFIX = {"qualification": "Q", "technical": "T", "commercial": "C",
           "invalid_condition": "X", "substantive": "S", "customer_need": "N"}


def extract_requirements(outline: Outline, legend: dict[str, str]) -> list[Requirement]:
    items: list[Requirement] = []
    items += extract_qualifications(outline)
    items += extract_invalid_conditions(outline)
    items += extract_technical_commercial(outline, legend)
    items = _merge_substantive(items, extract_substantive(outline, legend))
    counters: dict[str, int] = {}
    for r in items:
        counters[r.kind] = counters.get(r.kind, 0) + 1
        r.id = f"{_PREFIX[r.kind]}{counters[r.kind]}"
    return items


def _key(text: str) -> str:
    return re.sub(r"[\W_]+", "", text)[:40]


def _merge_substantive(items: list[Requirement], marked: list[Requirement]) -> list[Requirement]:
    """A substantive clause that is already listed (e.g. a ★ qualification) is flagged there
    instead of being listed twice."""
    by_key = {_key(r.text): r for r in items}
    for s in marked:
        twin = by_key.get(_key(s.text))
        if twin is not None and twin.kind != "invalid_condition":
            twin.substantive = True
            twin.marker = twin.marker or s.marker
        else:
            items.append(s)
    return items
