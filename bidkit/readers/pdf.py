"""PDF → Document. Fast path: pypdfium2 text and ruling lines, page by page (hundreds of pages a
second, each page closed before the next). Lines become paragraphs, ruled tables become table
blocks (see pdf_tables.py), running headers/footers and page numbers are dropped.

Unusable files raise InputError with one sentence: no text layer (scanned), a garbage text
layer (fonts without a Unicode map), encrypted, corrupt. Half-broken files (a second script
that extracts as noise) are cleaned, and Document.problems says what was dropped.
"""

from __future__ import annotations

from collections.abc import Callable

from bidkit.document import Document
from bidkit.errors import InputError
from bidkit.readers.base import Reader
from bidkit.readers.ocr import ocr_wanted
from bidkit.readers.pdf_blocks import PageText, blocks_and_running
from bidkit.readers.pdf_tables import find_tables
from bidkit.readers.pdf_text import page_lines
from bidkit.readers.quality import has_words, looks_garbled, noisy_scripts, strip_noise

#: the caller's choice of pages for table detection: (page number, page text) → bool
TablePages = Callable[[int, str], bool]

MIN_TEXT_CHARS = 20  # a page with less text than this is treated as having no text layer
OCR_HINT = ('bidkit needs OCR for it: install the OCR extra (pip install -e ".[ocr]") and run '
            "again with BIDKIT_OCR=1, or run OCR in your PDF tool and give bidkit the result")


class PdfReader(Reader):
    """Options: `tables` (default True) finds ruled tables; `table_pages` limits that search
    to the pages a caller's predicate accepts; `ocr` (or BIDKIT_OCR=1) reads pages without
    text by OCR (optional extra)."""

    extensions = (".pdf",)

    def _open(self):
        import pypdfium2 as pdfium

        try:
            return pdfium.PdfDocument(str(self.path))
        except pdfium.PdfiumError as exc:
            if "password" in str(exc).lower():
                raise InputError(
                    f"{self.path} is encrypted (password-protected); remove the password "
                    "(e.g. print it to a new PDF) and run again."
                ) from exc
            raise InputError(
                f"{self.path} is not a readable PDF (it may be corrupt or truncated); "
                "download or export it again."
            ) from exc

    def page_count(self) -> int | None:
        pdf = self._open()
        try:
            return len(pdf)
        finally:
            pdf.close()

    def read(self) -> Document:
        pdf = self._open()
        try:
            count = len(pdf)
            if count == 0:
                raise InputError(f"{self.path} has no pages; export the tender again.")
            pages = [self._read_page(pdf, i) for i in range(count)]
            doc = Document(path=str(self.path), format="pdf", page_count=count)
            self._check_text_layer(pdf, pages, doc)
        finally:
            pdf.close()
        _drop_noise(pages, doc)
        doc.blocks, doc.running = blocks_and_running(pages)
        return doc

    def _read_page(self, pdf, index: int) -> PageText:
        try:
            page = pdf[index]
        except Exception as exc:  # pdfium raises on pages it cannot load (truncated files)
            raise InputError(
                f"{self.path} is damaged: page {index + 1} cannot be read; download or export "
                "the file again."
            ) from exc
        try:
            try:
                textpage = page.get_textpage()
            except Exception as exc:  # pdfium.PdfiumError on a damaged content stream
                raise InputError(f"{self.path} is damaged: the text of page {index + 1} cannot "
                                 "be read; download or export the file again.") from exc
            try:
                # pdfium reports a soft hyphen as U+FFFE ('Sub\ufffeScore'); same length keeps
                # the character indexes valid
                text = textpage.get_text_range().replace("\ufffe", "-")
                width, height = page.get_size()
                lines = page_lines(textpage, text, height)
                wanted = self._wants_tables(index + 1, text)
                tables = find_tables(page, textpage, text, lines) if wanted else []
            finally:
                textpage.close()
        finally:
            page.close()
        return PageText(number=index + 1, height=height, lines=lines, tables=tables, width=width)

    def _wants_tables(self, page_no: int, text: str) -> bool:
        if not self.options.get("tables", True) or not text.strip():
            return False
        predicate: TablePages | None = self.options.get("table_pages")
        return predicate is None or bool(predicate(page_no, text))

    def _check_text_layer(self, pdf, pages: list[PageText], doc: Document) -> None:
        empty = [p.number for p in pages if _chars(p) < MIN_TEXT_CHARS]
        scanned = len(empty) >= max(1, 0.9 * len(pages))
        if empty and ocr_wanted(self.options):
            from bidkit.readers.ocr import ocr_pages

            images = empty if scanned else [n for n in empty if _has_images(pdf, n)]
            if images:
                ocr_pages(pdf, pages, images, doc)
            return
        if scanned:
            raise InputError(
                f"{self.path} has no text layer (a scanned image of {len(pages)} page(s)); "
                f"{OCR_HINT}."
            )
        garbled = [p.number for p in pages if looks_garbled(_page_text(p))]
        if len(garbled) >= max(1, 0.5 * (len(pages) - len(empty))):
            raise InputError(
                f"{self.path} has a broken text layer (its fonts map to garbage characters on "
                f"{len(garbled)} of {len(pages)} pages), so its text cannot be trusted; print it "
                f"to a new PDF or export it again from the source, or treat it as a scan: {OCR_HINT}."
            )
        for p in pages:
            if p.number in garbled:
                p.lines, p.tables = [], []
        if garbled:
            doc.problems.append(f"{_pages(garbled)}: broken text layer, skipped")
        if empty:
            images = [n for n in empty if _has_images(pdf, n)]
            if images:
                doc.problems.append(f"{_pages(images)}: image without a text layer (scanned?), "
                                    "content missing; BIDKIT_OCR=1 reads it by OCR")


def _chars(page: PageText) -> int:
    return sum(len(ln.text) for ln in page.lines)


def _page_text(page: PageText) -> str:
    return "\n".join(ln.text for ln in page.lines)


def _has_images(pdf, page_no: int) -> bool:
    import pypdfium2.raw as pdfium_c

    page = pdf[page_no - 1]
    try:
        return any(True for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2))
    finally:
        page.close()


def _drop_noise(pages: list[PageText], doc: Document) -> None:
    """Strip the words of a script that extracts as noise (e.g. Hindi in bilingual tenders)."""
    noisy = noisy_scripts([ln.text for p in pages for ln in p.lines])
    touched = 0
    for page in pages:
        kept = []
        for ln in page.lines:
            clean = strip_noise(ln.text, noisy)
            touched += clean != ln.text
            if has_words(clean):
                ln.text = clean
                kept.append(ln)
        page.lines = kept
        for table in page.tables:
            table.rows = [[strip_noise(c, noisy) for c in row] for row in table.rows]
    if touched:
        names = ", ".join(sorted(s.title() for s in noisy)) or "unmapped"
        doc.problems.append(
            f"{touched} lines held {names} text that the PDF's fonts do not map to Unicode "
            "(it extracts as noise); that text was dropped and the rest kept"
        )


def _pages(numbers: list[int]) -> str:
    return ("page " if len(numbers) == 1 else "pages ") + _ranges(numbers)


def _ranges(numbers: list[int]) -> str:
    """[1, 2, 3, 7] → '1-3, 7'."""
    out, start, prev = [], numbers[0], numbers[0]
    for n in numbers[1:] + [None]:
        if n is not None and n == prev + 1:
            prev = n
            continue
        out.append(f"{start}-{prev}" if prev != start else str(start))
        if n is not None:
            start = prev = n
    return ", ".join(out)
