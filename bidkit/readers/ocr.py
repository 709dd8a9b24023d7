"""OCR for PDF pages without a text layer (scans), offline: rapidocr-onnxruntime, whose wheel
carries its ONNX models (PP-OCRv4, Chinese + English). Optional: `pip install -e ".[ocr]"`,
switched on with BIDKIT_OCR=1 (or the reader option ocr=True). Slow (seconds per page on two
cores), so it is never automatic."""

from __future__ import annotations

import os

from bidkit.document import Document
from bidkit.errors import InputError
from bidkit.readers.pdf_blocks import PageText
from bidkit.readers.pdf_text import Line

SCALE = 2.0  # render at 144 dpi: small print stays legible, memory stays modest
MIN_SCORE = 0.5  # recognitions below this confidence are noise (stamps, stains)


def ocr_wanted(options: dict) -> bool:
    return bool(options.get("ocr", os.environ.get("BIDKIT_OCR", "") not in ("", "0")))


def _engine():
    try:
        from rapidocr_onnxruntime import RapidOCR
    except ImportError as exc:
        raise InputError(
            "OCR was asked for (BIDKIT_OCR=1) but the OCR extra is not installed; run "
            'pip install -e ".[ocr]" and try again.'
        ) from exc
    return RapidOCR()


def ocr_pages(pdf, pages: list[PageText], numbers: list[int], doc: Document) -> None:
    """Replace the (empty) lines of the given pages with recognised text lines."""
    engine = _engine()
    for number in numbers:
        page = pdf[number - 1]
        try:
            image = page.render(scale=SCALE).to_numpy()
        finally:
            page.close()
        result, _ = engine(image)
        target = pages[number - 1]
        target.lines = _lines(result or [])
        target.tables = []
    doc.problems.append(
        f"{len(numbers)} page(s) had no text layer and were read by OCR; check names, numbers "
        "and dates against the scan"
    )


def _lines(result) -> list[Line]:
    """OCR boxes → reading-order lines; boxes on one baseline are joined left to right."""
    boxes = []
    for box, text, score in result:
        if float(score) < MIN_SCORE or not text.strip():
            continue
        xs, ys = [p[0] / SCALE for p in box], [p[1] / SCALE for p in box]
        boxes.append(Line(text=text.strip(), x0=min(xs), x1=max(xs), top=min(ys), bottom=max(ys)))
    boxes.sort(key=lambda b: (b.top, b.x0))
    rows: list[list[Line]] = []
    for b in boxes:  # a box joins the row whose middle is within half a line of its own
        mid = (b.top + b.bottom) / 2
        row = next((r for r in rows[-3:] if abs(mid - (r[0].top + r[0].bottom) / 2)
                    < 0.5 * max(b.height, r[0].height)), None)
        if row is None:
            rows.append([b])
        else:
            row.append(b)
    lines = []
    for row in rows:
        row.sort(key=lambda b: b.x0)
        lines.append(Line(text=" ".join(b.text for b in row), x0=row[0].x0,
                          x1=max(b.x1 for b in row), top=min(b.top for b in row),
                          bottom=max(b.bottom for b in row)))
    return lines
