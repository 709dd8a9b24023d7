"""Short citation labels for documents: knowledge-base ids are long paths ('knowledge_base/answers/
培训方案.md#0'), so each volume cites [E1], [E2] … in order of first use and ends with an
evidence index mapping each label to its record, file and location."""

from __future__ import annotations

import re

from pydantic import BaseModel

from bidkit.model import Evidence

_BRACKETED = re.compile(r"\[([^\[\]\n]{1,200})\]")


def collect_evidence(obj, found: dict[str, Evidence] | None = None) -> dict[str, Evidence]:
    """Every Evidence inside a model tree, by id (first occurrence wins)."""
    found = {} if found is None else found
    if isinstance(obj, Evidence):
        found.setdefault(obj.id, obj)
    elif isinstance(obj, BaseModel):
        for name in type(obj).model_fields:
            collect_evidence(getattr(obj, name), found)
    elif isinstance(obj, (list, tuple)):
        for value in obj:
            collect_evidence(value, found)
    elif isinstance(obj, dict):
        for value in obj.values():
            collect_evidence(value, found)
    return found


class CitationIndex:
    def __init__(self, known: dict[str, Evidence], prefix: str = "E") -> None:
        self.known, self.prefix = known, prefix
        self.labels: dict[str, str] = {}

    def label(self, evidence_id: str) -> str:
        if evidence_id not in self.labels:
            self.labels[evidence_id] = f"{self.prefix}{len(self.labels) + 1}"
        return self.labels[evidence_id]

    def text(self, text: str) -> str:
        """Replace each [known id] with its short label; other brackets stay as written."""
        def swap(found: re.Match) -> str:
            key = found.group(1)
            return f"[{self.label(key)}]" if key in self.known else found.group(0)

        return _BRACKETED.sub(swap, text or "")

    def refs(self, evidence: list[Evidence]) -> str:
        return ", ".join(self.label(ev.id) for ev in evidence)

    def line(self, ev: Evidence) -> str:
        where = f" {ev.location}" if ev.location else ""
        return f"[{self.label(ev.id)}] {ev.source}{where}"

    def rows(self) -> list[dict]:
        """The evidence index: label, kind, source file, location, record id."""
        out = []
        for evidence_id, short in self.labels.items():
            ev = self.known.get(evidence_id)
            out.append({"label": short, "kind": ev.kind if ev else "",
                        "source": ev.source if ev else "", "location": ev.location if ev else "",
                        "id": evidence_id})
        return out
