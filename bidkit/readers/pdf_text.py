"""Text lines of a PDF page with their geometry, and the rules that turn lines into paragraphs.

pdfium's text already comes line by line; each line's box comes from the boxes of its first and
last characters (two C calls), which is enough to see short last lines, indents, gaps and font
size changes — the cues a reader uses to see where a paragraph ends.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from bidkit.readers.pdfium_fast import LooseBoxes

EDGE_BAND = 0.1  # share of the page height at the top and bottom where running heads live

# A line that certainly starts a new paragraph: clause numbering, markers, chapter headings.
STRONG_START = re.compile(
    r"^\s*(?:"
    r"第\s*[一二三四五六七八九十百零〇\d]+\s*[章节条部分篇卷]"
    r"|[一二三四五六七八九十]+\s*[、.．]"
    r"|[（(]\s*[一二三四五六七八九十\d]+\s*[)）]"
    r"|\d+(?:\s*[.．]\s*\d+)*\s*[、)）]"
    r"|\d+(?:[.．]\d+)+(?!\d)"
    r"|\d{1,2}[.．](?!\d)"
    r"|[①-⑳⑴-⒇⒈-⒛❶-❿]"
    r"|[★▲※■□◆●•◇☆△▪►✓☑☒√]"
    r"|[A-Za-z][.)]\s"
    r"|\((?:[a-z]|[ivx]+|\d+)\)"
    r"|(?:SECTION|PART|CHAPTER|ARTICLE|ANNEX(?:URE)?|APPENDIX|FORM|SCHEDULE)\b"
    r"|(?:注|备注|说明|Note)\s*[:：]"
    r")"
)
# Starts a paragraph only after a finished sentence: '4 确定中标候选人', '2024年…' would not.
WEAK_START = re.compile(r"^\s*\d+(?:[.．]\d+)*\s")
_ENDS_SENTENCE = re.compile(r"[。；;！!？?：:]\s*$|\.\s*$")
_PAGE_NUMBER = re.compile(
    r"^\s*(?:[-–—]\s*\d+\s*[-–—]|第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+"
    r"|(?:page\s*)?\d+(?:\s*of\s*\d+)?|\d+\s*\|\s*page|[ivxlc]+|\d+)\s*$",
    re.IGNORECASE,
)
_SPACES = re.compile(r"\s+")
_TOC_LINE = re.compile(r"(?:\.{4,}|…{2,}|·{4,}|-{4,}|\s{2,})\s*\d+\s*$")
HEADING = re.compile(
    r"^\s*(?:第\s*[一二三四五六七八九十百零〇\d]+\s*(?:章|部分|篇|卷)"
    r"|(?:SECTION|PART|CHAPTER|VOLUME)\s+[IVXLC\d]+\b)",
    re.IGNORECASE,
)


@dataclass
class Line:
    """One text line of a page; coordinates are top-origin points (None when unknown)."""

    text: str
    x0: float | None = None
    x1: float | None = None
    top: float | None = None
    bottom: float | None = None
    start: int = -1  # index of the first and last character in the page text (-1: unknown)
    end: int = -1

    @property
    def height(self) -> float:
        return (self.bottom - self.top) if self.top is not None else 0.0

    @property
    def has_box(self) -> bool:
        return self.top is not None


def is_wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in ("W", "F")


def page_lines(textpage, text: str, height: float) -> list[Line]:
    """Split pdfium page text into lines, each with the box of its first and last character."""
    geometry = textpage.count_chars() == len(text)  # broken CMaps shift indexes: no boxes then
    boxes = LooseBoxes(textpage) if geometry else None
    lines: list[Line] = []
    pos = 0
    for raw in text.replace("\r\n", "\n").split("\n"):
        start, pos = pos, pos + len(raw) + 2  # pdfium counts '\r\n' as two characters
        if not raw.strip():
            continue
        if not geometry:
            lines.append(Line(text=raw.strip()))
            continue
        first = start + (len(raw) - len(raw.lstrip()))
        last = start + len(raw.rstrip()) - 1
        line = _boxed_line(boxes, text, first, last, height)
        if line.height > 2.5 * _char_height(boxes, first):
            # pdfium sometimes returns a whole page (often a table) as one "line": split it
            # where the characters move to another baseline
            lines.extend(_split_by_baseline(boxes, text, first, last, height))
        else:
            lines.append(line)
    return lines


def _boxed_line(boxes: LooseBoxes, text: str, first: int, last: int, height: float) -> Line:
    # loose boxes: the font's em box, so '，' and '4' measure like any character
    l0, b0, r0, t0 = boxes(first)
    _l1, b1, r1, t1 = boxes(last)
    return Line(text=text[first:last + 1].strip(), x0=l0, x1=max(r0, r1),
                top=height - max(t0, t1), bottom=height - min(b0, b1), start=first, end=last)


def _char_height(boxes: LooseBoxes, index: int) -> float:
    _, bottom, _, top = boxes(index)
    return max(top - bottom, 1.0)


def _split_by_baseline(boxes: LooseBoxes, text: str, first: int, last: int, height: float
                       ) -> list[Line]:
    out: list[Line] = []
    start = first
    base = None
    for i in range(first, last + 1):
        if text[i].isspace():
            continue
        _, bottom, _, top = boxes(i)
        mid, size = (top + bottom) / 2, max(top - bottom, 1.0)
        if base is not None and abs(mid - base) > 0.5 * size:
            out.append(_boxed_line(boxes, text, start, _last_ink(text, start, i - 1), height))
            start = i
        base = mid
    out.append(_boxed_line(boxes, text, start, last, height))
    return [ln for ln in out if ln.text]


def _last_ink(text: str, start: int, end: int) -> int:
    while end > start and text[end].isspace():
        end -= 1
    return end


def in_edge_band(line: Line, height: float, band: float = EDGE_BAND) -> bool:
    if not line.has_box:
        return False
    return line.bottom < height * band or line.top > height * (1 - band)


def is_page_number(text: str) -> bool:
    """'5', '- 5 -', '第5页 共9页', 'Page 5 of 9', '5 | P a g e' (letter-spaced, too)."""
    if _PAGE_NUMBER.match(text):
        return True
    squeezed = _SPACES.sub("", text)
    return squeezed != text and bool(_PAGE_NUMBER.match(squeezed))


def is_heading(text: str) -> bool:
    """A chapter-level heading ('第三章 …', 'SECTION 2 …'), but not its line in a table of contents."""
    return len(text) <= 40 and bool(HEADING.match(text)) and not _TOC_LINE.search(text)


def join_lines(lines: list[str]) -> str:
    """Join wrapped lines: nothing between CJK characters, one space between Latin words."""
    out = lines[0]
    for ln in lines[1:]:
        if not ln:
            continue
        if not out or is_wide(out[-1]) or is_wide(ln[0]) or out[-1] in "-/–":
            out += ln
        else:
            out += " " + ln
    return out


def ends_sentence(text: str) -> bool:
    return bool(_ENDS_SENTENCE.search(text))


@dataclass
class Margins:
    left: float
    right: float
    em: float  # typical character height, the unit for "short", "indented", "gap"
    leading: float  # typical distance from one line's top to the next line's top


def text_edges(lines: list[Line], min_votes: int = 1) -> tuple[float, float] | None:
    """Left and right edge of the text column: where most lines start, and where most full
    lines end (the commonest right edge among the longer lines; justified text makes it sharp,
    and outliers such as a running header or a wide table do not move it). None when fewer
    than `min_votes` lines agree on an edge."""
    boxed = [ln for ln in lines if ln.has_box and ln.height > 0]
    if len(boxed) < max(3, min_votes):
        return None
    lefts = Counter(round(ln.x0 / 3) for ln in boxed).most_common(1)[0]
    rights = sorted(ln.x1 for ln in boxed)
    upper = Counter(round(x / 3) for x in rights[len(rights) // 2:]).most_common(1)[0]
    if min(lefts[1], upper[1]) < min_votes:
        return None
    return lefts[0] * 3 - 1.5, upper[0] * 3 + 1.5


def page_margins(lines: list[Line], doc_edges: tuple[float, float] | None) -> Margins | None:
    """The page's own column edges when at least 3 lines agree on them (sections of one file
    can differ), else the document's."""
    boxed = [ln for ln in lines if ln.has_box and ln.height > 0]
    edges = text_edges(boxed, min_votes=3) or doc_edges
    if len(boxed) < 2 or edges is None:
        return None
    em = sorted(ln.height for ln in boxed)[len(boxed) // 2]
    steps = sorted(b.top - a.top for a, b in itertools.pairwise(boxed) if 0 < b.top - a.top < 3 * em)
    leading = steps[len(steps) // 2] if steps else 1.5 * em
    return Margins(left=edges[0], right=edges[1], em=em, leading=leading)


def breaks_paragraph(prev: Line, line: Line, m: Margins | None) -> bool:
    """Does `line` start a new paragraph after `prev`? Layout cues first, then text cues."""
    if STRONG_START.match(line.text) or is_heading(line.text) or is_heading(prev.text):
        return True
    if m is None or not (prev.has_box and line.has_box):
        return ends_sentence(prev.text)
    if ends_sentence(prev.text) and (WEAK_START.match(line.text)
                                     or abs(line.x0 - prev.x0) > 1.2 * m.em):
        return True  # a sentence ended and the next line starts elsewhere or with a number
    gap = line.top - prev.top
    if gap > 1.6 * m.leading or gap < -m.em:  # a blank line, or text order jumped back up
        return True
    if prev.height and abs(line.height - prev.height) > 0.25 * prev.height:
        return True  # font size changed: a heading or a note
    first_word = re.match(r"\S+", line.text)
    word_width = _text_width(first_word.group(0) if first_word else "x", m.em)
    # the next word would have fitted on prev: prev was the last line of its paragraph
    return prev.x1 + word_width + 0.5 * m.em < m.right


def _text_width(word: str, em: float) -> float:
    if word and is_wide(word[0]):
        return em  # a CJK line breaks anywhere: one character is the next "word"
    return sum(em if is_wide(ch) else 0.5 * em for ch in word)


def continues_on_next_page(last: Line, m: Margins | None, first: Line) -> bool:
    """Does the next page's first line continue the paragraph that ended this page?"""
    if STRONG_START.match(first.text) or is_heading(first.text) or ends_sentence(last.text):
        return False
    if m is None or not last.has_box:
        return False
    return last.x1 + m.em >= m.right  # the page's last line ran to the margin
