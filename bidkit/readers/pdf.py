"""PDF → Document. Fast path: pypdfium2 text, page by page (hundreds of pages a second);
lines are merged into paragraphs, running headers/footers and page numbers dropped."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from bidkit.document import Block, Document
from bidkit.errors import InputError
from bidkit.readers.base import Reader

# A line that starts a new paragraph: numbering, markers, chapter headings, check-boxes.
_STARTS_PARAGRAPH = re.compile(
    r"^\s*(?:"
    r"第[一二三四五六七八九十百零〇\d]+[章节条部分篇]"
    r"|[一二三四五六七八九十]+[、.．]"
    r"|[（(][一二三四五六七八九十\d]+[)）]"
    r"|\d+(?:\.\d+)*[、.．)）]?\s*(?=\D)"
    r"|[①-⑳⑴-⒇❶-❿]"
    r"|[★▲※■□◆●•◇☆△#\-–·]"
    r"|[A-Za-z][.)]\s"
    r"|\([a-zA-Z0-9ivx]+\)"
    r")"
)
_ENDS_SENTENCE = re.compile(r"[。；;：:！!？?]\s*$|\.\s*$")
_PAGE_NUMBER = re.compile(r"^\s*(?:第?\s*[-–—]?\s*\d+\s*[-–—]?\s*页?(?:\s*[/共]\s*\d+\s*页?)?|Page \d+( of \d+)?)\s*$", re.I)


class PdfReader(Reader):
    extensions = (".pdf",)

    def _open(self):
        import pypdfium2 as pdfium

        try:
            return pdfium.PdfDocument(str(self.path))
        except pdfium.PdfiumError as exc:
            msg = str(exc).lower()
            if "password" in msg:
                raise InputError(
                    f"{self.path} is encrypted (password-protected); remove the password "
                    "(e.g. print to PDF) and run again."
                ) from exc
            raise InputError(
                f"{self.path} is not a readable PDF ({exc}); the file may be corrupt or truncated — "
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
            pages = []
            for i in range(len(pdf)):
                page = pdf[i]
                textpage = page.get_textpage()
                pages.append(textpage.get_text_range())
                textpage.close()
                page.close()
            count = len(pdf)
        finally:
            pdf.close()
        doc = Document(path=str(self.path), format="pdf", page_count=count)
        doc.blocks = _blocks_from_pages(pages)
        return doc


def _page_lines(text: str) -> list[str]:
    return [ln.strip() for ln in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]


def _running_lines(pages: list[list[str]]) -> set[str]:
    """Lines that repeat at the top or bottom of many pages (running headers/footers)."""
    if len(pages) < 4:
        return set()
    edge = Counter()
    for lines in pages:
        nonempty = [ln for ln in lines if ln]
        for ln in set(nonempty[:2] + nonempty[-2:]):
            edge[re.sub(r"\d+", "#", ln)] += 1
    return {k for k, n in edge.items() if n >= max(3, len(pages) // 3)}


def _blocks_from_pages(page_texts: list[str]) -> list[Block]:
    pages = [_page_lines(t) for t in page_texts]
    running = _running_lines(pages)
    blocks: list[Block] = []
    for page_no, lines in enumerate(pages, start=1):
        current: list[str] = []

        def flush() -> None:
            if current:
                text = _join(current)
                blocks.append(Block(kind="paragraph", text=text, index=len(blocks), page=page_no))
                current.clear()

        for ln in lines:
            if not ln or _PAGE_NUMBER.match(ln) or re.sub(r"\d+", "#", ln) in running:
                continue
            if current and (_STARTS_PARAGRAPH.match(ln) or _ENDS_SENTENCE.search(current[-1])):
                flush()
            current.append(ln)
        flush()
    return blocks


def _join(lines: list[str]) -> str:
    """Join wrapped lines: no space between CJK characters, one space between Latin words."""
    out = lines[0]
    for ln in lines[1:]:
        if out and re.match(r"[A-Za-z0-9,]", out[-1]) and re.match(r"[A-Za-z0-9(]", ln[0]):
            out += " " + ln
        else:
            out += ln
    return out
