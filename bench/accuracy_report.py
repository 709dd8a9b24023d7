"""Accuracy of `bidkit parse` as Markdown tables, for docs/accuracy.md.

usage: python bench/accuracy_report.py [--gold DIR ...]
Scores the corpus dev gold (../shared/corpus/gold), our samples (tender_samples/EXPECTED.json) and
any further gold-format folders given with --gold (e.g. held-out annotations kept outside the repo),
each with the corpus scorer, and prints one table per set plus per-list means.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
LISTS = ("substantive", "qualifications", "invalid_conditions", "scoring", "bid_sections")


def _scorer():
    spec = importlib.util.spec_from_file_location("corpus_score", CORPUS / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _find(name: str) -> Path | None:
    for path in [*(CORPUS / "tenders").glob(f"*/{name}"), ROOT / "tender_samples" / name]:
        if path.exists():
            return path
    return None


def score_set(title: str, golds: dict[str, dict]) -> str:
    from bidkit.pipeline import parse_file

    score = _scorer()
    rows = {}
    for name, gold in sorted(golds.items()):
        path = _find(name)
        rows[name] = score.score_one(gold, parse_file(path).to_contract() if path else {})
    head = "| tender | " + " | ".join(LISTS) + " | pts | meta | overall |"
    lines = [f"### {title}", "", head, "|" + "---|" * (len(LISTS) + 4)]
    for name, r in rows.items():
        cells = " | ".join(f"{r[n][2]:.2f}" for n in LISTS)
        lines.append(f"| {name} | {cells} | {r['scoring_points_ok']:.2f} | {r['meta']:.2f} | {r['overall']:.3f} |")
    mean = {n: sum(r[n][2] for r in rows.values()) / len(rows) for n in LISTS}
    lines.append("| **mean F1** | " + " | ".join(f"**{mean[n]:.2f}**" for n in LISTS) +
                 f" | {sum(r['scoring_points_ok'] for r in rows.values()) / len(rows):.2f}"
                 f" | {sum(r['meta'] for r in rows.values()) / len(rows):.2f}"
                 f" | **{sum(r['overall'] for r in rows.values()) / len(rows):.3f}** |")
    lines.append(f"\nlowest tender: {min(r['overall'] for r in rows.values()):.3f}; cells are F1.\n")
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", action="append", default=[], help="another gold-format folder")
    args = ap.parse_args()
    sets = [("Dev gold (../shared/corpus/gold)", CORPUS / "gold")] + [(f"Extra gold: {g}", Path(g)) for g in args.gold]
    for title, folder in sets:
        golds = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"))}
        print(score_set(title, golds))
    expected = json.loads((ROOT / "tender_samples" / "EXPECTED.json").read_text(encoding="utf-8"))
    samples = {k: v for k, v in expected.items() if "meta" in v}
    print(score_set("Our samples (tender_samples/EXPECTED.json)", samples))
    return 0


if __name__ == "__main__":
    sys.exit(main())
