"""Time `bidkit draft` end to end (all four outputs, no LLM) with the demo knowledge base.

usage: python bench/draft_speed.py [TENDER ...] [--runs N]
Default tenders: the ~100-page corpus tenders (zh-01, 98 pages PDF) plus the shipped samples.
The KB is built once from knowledge_base/ into a temp dir (its time is reported separately).
Each run is a fresh `bidkit draft` process, so imports and KB opening are included.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
DEFAULT = [CORPUS / "tenders/zh/zh-01-bj-forestfire-catering-gk.pdf",
           CORPUS / "tenders/en/en-08-in-cg-suda-egov-ulb-rfp.pdf",
           ROOT / "tender_samples/sample-zh-gongkai-zhaobiao.docx",
           ROOT / "tender_samples/sample-en-rfp.pdf"]
BIDKIT = ["bidkit"]


def pages(path: Path) -> str:
    if path.suffix.lower() != ".pdf":
        return "docx"
    import pypdfium2

    pdf = pypdfium2.PdfDocument(str(path))
    try:
        return str(len(pdf))
    finally:
        pdf.close()


def timed(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("tenders", nargs="*", type=Path)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    tenders = [t for t in (args.tenders or DEFAULT) if t.exists()]
    with tempfile.TemporaryDirectory() as tmp:
        kb = Path(tmp) / "kb"
        kb_time = timed(BIDKIT + ["kb", "add", str(ROOT / "knowledge_base"), "--kb", str(kb)])
        print(f"kb add knowledge_base/: {kb_time:.1f} s (once)")
        print(f"{'tender':55} {'pages':>5} {'median s':>9} {'max s':>6}")
        for tender in tenders:
            times = [timed(BIDKIT + ["draft", str(tender), "-o", str(Path(tmp) / "out"), "--kb",
                                     str(kb), "--price", "1000000", "--force", "--no-llm"])
                     for _ in range(args.runs)]
            print(f"{tender.name[:55]:55} {pages(tender):>5} {statistics.median(times):9.2f} "
                  f"{max(times):6.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
