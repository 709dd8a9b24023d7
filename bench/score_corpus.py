"""Parse every corpus tender that has gold and score it with ../shared/corpus/score.py.

usage: python bench/score_corpus.py [--all] [--out DIR] [--only SUBSTR]
  --all   parse every corpus tender (not only those with gold), to catch crashes
Prints the scorer's table. Predictions go to DIR (default: /tmp/bidkit-pred).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--all", action="store_true")
    ap.add_argument("--out", default="/tmp/bidkit-pred")
    ap.add_argument("--only", default="")
    args = ap.parse_args()
    from bidkit.errors import InputError
    from bidkit.pipeline import parse_file

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    gold = {p.stem for p in (CORPUS / "gold").glob("*.json")}
    for f in sorted((CORPUS / "tenders").glob("*/*")):
        if not args.all and f.name not in gold:
            continue
        if args.only and args.only not in f.name:
            continue
        t0 = time.perf_counter()
        try:
            tender = parse_file(f)
            (out / f"{f.name}.json").write_text(
                json.dumps(tender.to_contract(), ensure_ascii=False, indent=1), encoding="utf-8")
            status = "ok"
        except InputError as exc:
            status = f"InputError: {exc}"
        print(f"{f.name:60} {time.perf_counter() - t0:6.2f}s {status}", file=sys.stderr)
    cmd = [sys.executable, str(CORPUS / "score.py"), str(CORPUS / "gold"), str(out)]
    return subprocess.call(cmd)


if __name__ == "__main__":
    sys.exit(main())
