"""Retrieval quality on a labelled query set: recall@k and MRR (used by tests and bench)."""

from __future__ import annotations

import json
from pathlib import Path


def is_relevant(record_id: str, labels: list[str]) -> str | None:
    """The label a hit's record id matches: equal, or ending with '/<label>'."""
    for label in labels:
        if record_id == label or record_id.endswith("/" + label):
            return label
    return None


def evaluate(kb, set_file: Path, k: int = 3) -> dict:
    """Per query: recall@k = relevant records in the top k / min(k, relevant); MRR over the
    first relevant hit in the top 10."""
    cases = json.loads(Path(set_file).read_text(encoding="utf-8"))["queries"]
    recalls, reciprocal, misses = [], [], []
    for case in cases:
        hits = kb.search(case["q"], k=max(k, 10))
        ids = [hit.metadata.get("record_id", hit.id) for hit in hits]
        found = {is_relevant(i, case["relevant"]) for i in ids[:k]} - {None}
        recalls.append(len(found) / min(k, len(case["relevant"])))
        rank = next((n for n, i in enumerate(ids, 1) if is_relevant(i, case["relevant"])), None)
        reciprocal.append(1 / rank if rank else 0.0)
        if recalls[-1] < 1:
            misses.append({"q": case["q"], "top": ids[:k], "recall": round(recalls[-1], 2)})
    return {"queries": len(cases), f"recall@{k}": sum(recalls) / len(cases),
            "mrr": sum(reciprocal) / len(cases), "misses": misses}
