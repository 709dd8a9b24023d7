"""Parse speed on every corpus tender: raw pypdfium2 text extraction vs the full `parse_file`.

usage: python bench/bench_parse.py [--repeat N] [--markdown docs/bench-parse.md]
Prints one row per file: pages, raw pypdfium2 seconds (PDF only), reader seconds, bidkit parse
seconds (reader + every extractor), pages/s and the ratios read/raw and parse/raw (target: < 5,
and < 10 s for a 250-page PDF). Seconds are wall-clock, best of N runs. Ratios use the process's
CPU time (best of N as well): on this shared VM other jobs stretch wall-clock time by up to 3x
between one measurement and the next, which CPU time mostly ignores.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
sys.path.insert(0, str(ROOT))  # measure this checkout, whatever `pip install -e` points at


def timed(fn):
    """Run fn(); return its result, wall seconds and CPU seconds."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = fn()
    return result, time.perf_counter() - wall, time.process_time() - cpu


def best(fn, repeat: int):
    """Best of `repeat` runs: (result of the fastest wall run, best wall s, best CPU s)."""
    runs = [timed(fn) for _ in range(repeat)]
    fastest = min(runs, key=lambda r: r[1])
    return fastest[0], fastest[1], min(r[2] for r in runs)


def raw_pdfium(path: Path) -> int:
    """Plain pypdfium2 text extraction, page by page, pages closed; returns the page count."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        for i in range(len(pdf)):
            page = pdf[i]
            textpage = page.get_textpage()
            textpage.get_text_range()
            textpage.close()
            page.close()
        return len(pdf)
    finally:
        pdf.close()


def bench_file(path: Path, repeat: int) -> dict:
    from bidkit.errors import InputError
    from bidkit.pipeline import parse_file
    from bidkit.readers import read_document

    row: dict = {"file": path.name, "pages": None, "raw": None, "raw_cpu": None, "note": ""}
    if path.suffix.lower() == ".pdf":
        row["pages"], row["raw"], row["raw_cpu"] = best(lambda: raw_pdfium(path), repeat)

    def read():
        try:
            read_document(path)
        except InputError:
            pass

    _, row["read"], row["read_cpu"] = best(read, repeat)

    def run() -> str:
        try:
            parse_file(path)
            return ""
        except InputError as exc:
            return "refused: " + str(exc).split(";")[0].split(" has ")[-1][:40]

    row["note"], row["parse"], row["parse_cpu"] = best(run, repeat)
    return row


def memory_check(pages: int = 1000) -> str | None:
    """Peak memory growth while reading a generated `pages`-page PDF (needs reportlab)."""
    try:
        from reportlab.pdfgen import canvas
    except ImportError:
        return None
    import resource
    import tempfile

    from bidkit.readers import read_document

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.pdf"
        c = canvas.Canvas(str(path))
        for n in range(pages):
            c.drawString(72, 500, f"Clause {n + 1}. The bidder shall submit the listed documents.")
            c.showPage()
        c.save()
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        start = time.perf_counter()
        read_document(path)
        seconds = time.perf_counter() - start
        grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    return f"generated {pages}-page PDF: read in {seconds:.2f} s, peak memory grew {grown:.0f} MB"


def table(rows: list[dict]) -> str:
    header = ("| file | pages | raw pypdfium2 s | read s | parse s | pages/s | read/raw (CPU) "
              "| parse/raw (CPU) | note |")
    lines = [header, "|---|---:|---:|---:|---:|---:|---:|---:|---|"]
    for r in rows:
        pages = r["pages"] or ""
        raw = f"{r['raw']:.2f}" if r["raw"] is not None else "—"
        rate = f"{r['pages'] / r['parse']:.0f}" if r["pages"] and r["parse"] else "—"
        ok = r["raw_cpu"] and not r["note"]
        read_ratio = f"{r['read_cpu'] / r['raw_cpu']:.1f}×" if ok else "—"
        ratio = f"{r['parse_cpu'] / r['raw_cpu']:.1f}×" if ok else "—"
        lines.append(f"| {r['file']} | {pages} | {raw} | {r['read']:.2f} | {r['parse']:.2f} "
                     f"| {rate} | {read_ratio} | {ratio} | {r['note']} |")
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--markdown", help="also write the table (with machine notes) to this file")
    ap.add_argument("--only", default="")
    args = ap.parse_args()
    from bidkit.pipeline import parse_file  # noqa: F401  (import cost is not parse time)

    memory = memory_check()  # first, while the process is small: the peak is what grows
    load = os.getloadavg()[0]
    rows = []
    for path in sorted((CORPUS / "tenders").glob("*/*")):
        if args.only in path.name:
            rows.append(bench_file(path, args.repeat))
            r = rows[-1]
            print(f"{r['file'][:48]:48} {r['pages'] or '':>4} raw {r['raw'] or 0:6.2f}s "
                  f"read {r['read']:6.2f}s parse {r['parse']:6.2f}s {r['note']}", file=sys.stderr)
    load = max(load, os.getloadavg()[0])
    text = table(rows)
    print(text)
    if memory:
        print("\n" + memory)
    if args.markdown:
        Path(args.markdown).write_text(_document(text, memory, args.repeat, load),
                                       encoding="utf-8")
    return 0


def _document(text: str, memory: str | None, repeat: int, load: float) -> str:
    pdf_rows = [ln.split("|") for ln in text.splitlines()[2:] if "×" in ln]
    reads = sorted(float(cells[7].strip().rstrip("×")) for cells in pdf_rows)
    ratios = sorted(float(cells[8].strip().rstrip("×")) for cells in pdf_rows)
    summary = (f"Over {len(ratios)} readable PDFs the reader costs {reads[0]:.1f}× to "
               f"{reads[-1]:.1f}× raw pypdfium2 (median {reads[len(reads) // 2]:.1f}×); the "
               f"whole parse {ratios[0]:.1f}× to {ratios[-1]:.1f}× (median "
               f"{ratios[len(ratios) // 2]:.1f}×), the difference being the extractors "
               "(bidkit/tender)." if ratios else "")
    return (
        "# Parse speed (bench/bench_parse.py)\n\n"
        f"Measured {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} on this VM: {os.cpu_count()} cores, "
        f"{platform.machine()}, Python {platform.python_version()}, load average {load:.1f} "
        f"while measuring (other jobs share the machine); best of {repeat} runs per file.\n\n"
        "*raw* = pypdfium2 `get_text_range()` page by page; *read* = `bidkit.readers.read_document` "
        "(text, layout, ruled tables on every page, text-layer checks); *parse* = "
        "`bidkit.pipeline.parse_file` (read + every extractor). Seconds and pages/s (= pages / "
        "parse s) are wall-clock. The ratios divide CPU times (`time.process_time`, best of "
        "the runs): wall-clock ratios on a shared VM mix two measurements taken under different "
        "loads (the same raw extraction of en-08 took 0.36 s and 0.80 s in one hour). Targets "
        "(issue 3): a 250-page PDF in < 10 s and parse within 5× of raw.\n\n"
        f"{text}\n\n{summary}\n\n{memory or ''}\n\n"
        "Where the reader's time goes (beyond raw extraction): ruled-table detection, which runs "
        "on every page from pdfium's path objects (no pdfminer): scanning the page objects, "
        "pdfplumber's edge merging, the cell search and placing text in cells. So table-heavy "
        "files (en-08, zh-07, en-16: 187 tables in 75 pages) have the highest read ratio.\n\n"
        "Regenerate: `python bench/bench_parse.py --markdown docs/bench-parse.md`.\n"
    )


if __name__ == "__main__":
    sys.exit(main())
