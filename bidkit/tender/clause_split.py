"""Turn a Document's blocks into clauses: one numbered item, table row or sentence group each.

Extractors that list "one item per clause" (qualifications, invalid conditions, technical
and commercial requirements) share this: it knows the numbering styles tenders use
(一、 / （一） / 1、 / 1.1 / (1) / ① / a) / bullets), joins PDF lines a page break cut
mid-sentence, and turns table rows into clauses of their own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bidkit.document import Block
from bidkit.tender.outline import Outline

_CN = "一二三四五六七八九十百零〇"
_CN_FINANCIAL = "壹贰貳参參叁肆伍陆陸柒捌玖拾"  # Traditional tenders number top sections 壹、貳、參 above 一、二、
# (style, pattern) in the order they are tried; the style names the numbering *kind* so that
# "items of the same kind as the first item" can be recognised whatever the digits are.
_NUMBERING: list[tuple[str, re.Pattern[str]]] = [
    ("chapter", re.compile(rf"^第\s*[{_CN}\d]+\s*[章部篇卷节](?:分)?\s*")),
    ("article", re.compile(rf"^第\s*[{_CN}\d]+\s*条\s*")),
    ("cnF", re.compile(rf"^[{_CN_FINANCIAL}]+\s*[、.．]\s*")),
    ("cn", re.compile(rf"^[{_CN}]+\s*[、.．]\s*")),
    ("cn()", re.compile(rf"^[（(]\s*[{_CN}{_CN_FINANCIAL}]+\s*[)）]\s*[、.．]?\s*")),
    ("n.n.n.n", re.compile(r"^\d{1,2}(?:\s*[.．]\s*\d{1,2}){3}(?![\d])\s*[、.．]?\s*")),
    ("n.n.n", re.compile(r"^\d{1,2}(?:\s*[.．]\s*\d{1,2}){2}(?![\d])\s*[、.．]?\s*")),
    ("n.n", re.compile(r"^\d{1,2}\s*[.．]\s*\d{1,2}(?![\d.．%元万])\s*[、]?\s*")),
    ("n-n", re.compile(r"^\d{1,2}-\d{1,2}(?:-\d{1,2})?(?=\s|[^\d\w]|[\u4e00-\u9fff])\s*")),
    ("n、", re.compile(r"^\d{1,2}\s*、\s*")),
    ("n.", re.compile(r"^\d{1,2}\s*[.．](?!\d)\s*")),
    ("(n)", re.compile(r"^[（(]\s*\d{1,2}\s*[)）]\s*[、.．]?\s*")),
    ("n)", re.compile(r"^\d{1,2}\s*[)）]\s*")),
    ("⑴", re.compile(r"^[⑴-⒇]\s*")),
    ("①", re.compile(r"^[①-⑳❶-❿]\s*")),
    ("(a)", re.compile(r"^[（(]\s*[a-zA-Z]\s*[)）]\s*")),
    ("(i)", re.compile(r"^[（(]\s*(?:i{1,3}|iv|vi{0,3}|ix|x)\s*[)）]\s*")),
    ("a)", re.compile(r"^[a-zA-Z]\s*[)）]\s*")),
    ("a.", re.compile(r"^[a-zA-Z]\s*\.\s+")),
    ("bullet", re.compile(r"^[•●◆◇▪▫○◦■□☐☑√✓✔➢➤►·\-–—]\s*")),
    ("n ", re.compile(r"^\d{1,2}\s+(?=[\u4e00-\u9fffA-Za-z★▲※“《（])")),
]
# Typical depth of each style; documents differ, but a style *above* the list's item style
# reliably ends the list.
RANK = {"chapter": 0, "article": 1, "cnF": 1, "cn": 1, "cn()": 2, "n、": 3, "n.": 3, "n ": 3, "n-n": 3,
        "n.n": 4, "n.n.n": 5, "n.n.n.n": 6, "(n)": 6, "n)": 7, "⑴": 6, "①": 8, "(a)": 9,
        "(i)": 9, "a)": 9, "a.": 9, "bullet": 10}
_MARKERS = "★▲※◆■●◎☆△#＃*"
_TERMINAL = re.compile(r"[。；;：:！!？?.…]\s*$|[)）]\s*$")


@dataclass
class Clause:
    text: str  # verbatim (whitespace-normalised), numbering included
    style: str | None  # numbering style key, None for unnumbered text
    number: str  # the numbering token as written ('' when unnumbered)
    block: Block  # the block the clause starts in (its page/paragraph)
    is_row: bool = False  # a table row
    is_heading: bool = False  # a heading block (DOCX) or a short title-like line
    cells: list[str] = field(default_factory=list)
    table_index: int | None = None  # which table block a row came from
    raw_cells: list[str] = field(default_factory=list)  # row cells as read, empties kept

    @property
    def body(self) -> str:
        """The clause without its numbering token (and without a leading marker)."""
        return self.text[len(self.number):].strip()

    @property
    def rank(self) -> int:
        return RANK.get(self.style or "", 99)


def numbering_of(text: str) -> tuple[str | None, str]:
    """(style, token) of the numbering a clause starts with; (None, '') when unnumbered."""
    t = text.lstrip()
    lead = ""
    if t[:1] and t[0] in _MARKERS and len(t) > 1:  # ★1. … keeps the marker outside the number
        lead, t = t[0], t[1:].lstrip()
    for style, rx in _NUMBERING:
        m = rx.match(t)
        if m and (style != "bullet" or lead == ""):
            if style in ("a.", "a)") and not _short_letter_ok(t):
                continue
            consumed = len(text) - len(t) + m.end()
            return style, text[:consumed]
    if lead:  # '■本项目…' / '★投标人须…': a marked or ticked line is a list item of its own
        return "bullet", text[: len(text) - len(t)]
    return None, ""


def _short_letter_ok(t: str) -> bool:
    """'a) …' is numbering; 'A. Qualifications' too; but not the start of a word like 'I am'."""
    return bool(re.match(r"^[a-zA-Z]\s*[).]\s*\S", t))


def clean(text: str) -> str:
    """Whitespace-normalise a clause (PDF wraps, DOCX tabs) without touching its characters."""
    text = text.replace("\ufffe", "-").replace("\u00ad", "")
    return re.sub(r"\s+", " ", text).strip()


def split_clauses(outline: Outline) -> list[Clause]:
    """All clauses of the document in reading order.

    Three extractors ask for the same split on one Outline; it is computed once and kept on the
    Outline (keyed by the block range, so a changed document is split again). Callers get their
    own list; the clauses are shared and must not be changed (use dataclasses.replace)."""
    blocks = outline.doc.blocks
    key = (len(blocks), blocks[0].index if blocks else -1, blocks[-1].index if blocks else -1)
    memo = outline.__dict__.setdefault("_clause_memo", {})
    if key not in memo:
        memo.clear()
        memo[key] = _split(outline)
    return list(memo[key])


def _split(outline: Outline) -> list[Clause]:
    doc = outline.doc
    join_lines = doc.format in ("pdf", "docx")  # DOCX converted from PDF also breaks lines
    out: list[Clause] = []
    for block in doc.blocks:
        if block.kind == "table":
            out.extend(_table_clauses(block))
            continue
        text = clean(block.text)
        if not text:
            continue
        style, number = numbering_of(text)
        if join_lines and out and style == "(n)" and _spelled_number_before(out[-1].text, number):
            style, number = None, ""  # 'over the last three' + '(3) financial years': a wrapped line
        if join_lines and style is None and out and _continues(out[-1], text):
            out[-1].text = _glue(out[-1].text, text)
            continue
        out.append(Clause(text=text, style=style, number=number, block=block,
                          is_heading=block.kind == "heading"))
    return out


def _continues(prev: Clause, text: str) -> bool:
    """A PDF line that carries on the previous clause (cut by a line or page break)."""
    if re.match(r"(?:https?://|www\.)", text) and not prev.is_row:
        return True  # a URL wrapped onto its own line
    if prev.is_row or prev.is_heading or ends_clause(prev.text):
        return False
    if len(prev.body) < 20 or _english_title(prev.text) and text[:1].isupper():
        return False  # short unpunctuated lines and capitalised English lines are titles
    return not re.match(r"^(?:第[一二三四五六七八九十\d]+[章节部]|[A-Z][A-Z ]{6,})", text)


_NUMBER_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                 "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"]


def _spelled_number_before(prev: str, token: str) -> bool:
    """English legal style writes 'three (3) years'; a line break before '(3)' must not make it
    an item number."""
    m = re.search(r"\b([A-Za-z]+)\s*$", prev)
    digits = re.findall(r"\d+", token)
    if not m or not digits or m.group(1).lower() not in _NUMBER_WORDS:
        return False
    return _NUMBER_WORDS.index(m.group(1).lower()) == int(digits[0])


def _english_title(text: str) -> bool:
    words = text.split()
    if not 0 < len(words) <= 10 or not re.match(r"[A-Za-z0-9]", text):
        return False
    return sum(w[:1].isupper() or w[:1].isdigit() for w in words) >= len(words) * 0.6


def _glue(a: str, b: str) -> str:
    if re.search(r"[A-Za-z0-9,]$", a) and re.match(r"[A-Za-z0-9(]", b):
        return f"{a} {b}"
    return a + b


def _table_clauses(block: Block) -> list[Clause]:
    rows = [[clean(c) for c in r] for r in (block.rows or [r.split(" | ") for r in block.text.split("\n")])]
    rows = _merge_wrapped_rows(rows)
    out: list[Clause] = []
    for n, cells in enumerate(rows):
        kept = _dedupe_cells(cells)
        if not kept or (n == 0 and is_header_row(kept)):
            continue
        if len(kept) > 1 and re.fullmatch(r"[\d.．、\-（）()]+", kept[0]):
            kept = kept[1:]  # a serial-number column is not part of the clause
        for piece in _row_pieces(kept):
            out.append(Clause(text=piece, style="row", number="", block=block, is_row=True,
                              cells=kept, table_index=block.index, raw_cells=cells))
    return out


_HEADER_WORDS = re.compile(r"序号|编号|名称|项目|内容|要求|说明|因素|标准|分值|备注|条款|页码|描述|数量|单位|审查项|检查项|通过条件|合格条件|"
                           r"岗位|规格|型号|参数|指标|单价|金额|序號|名稱|項目|內容|說明|"
                           r"^(?:no\.?|s\.? ?no\.?|sl\.? ?no\.?|sr\.? ?no\.?|item|description|criteria|conditions?|requirements?|"
                           r"remarks?|particulars|parameters?|specifications?|clause|supporting documents?|subject|"
                           r"documents?(?: required)?|evidence|means of verification|"
                           r"[A-Z]{1,3} ?#)$", re.IGNORECASE)


def is_header_row(cells: list[str]) -> bool:
    """'序号 | 审查要求 | 要求说明' / 'No. | Criteria | Remarks': short label cells only."""
    return len(cells) >= 2 and all(len(c) <= (24 if c.isascii() else 12) for c in cells) and \
        sum(bool(_HEADER_WORDS.search(c)) for c in cells) >= max(2, len(cells) // 2)


def _merge_wrapped_rows(rows: list[list[str]]) -> list[list[str]]:
    """A row whose number and label cells are empty carries on the row above (a cell wrapped
    over a page break); its text joins the cells above, column by column."""
    out: list[list[str]] = []
    for cells in rows:
        lead_empty = len(cells) >= 3 and not cells[0] and not cells[1] or len(cells) == 2 and not cells[0]
        if out and (lead_empty or _wrapped_line(out[-1], cells)) and any(cells) and len(out[-1]) == len(cells):
            out[-1] = [a + b for a, b in zip(out[-1], cells)]
        else:
            out.append(list(cells))
    return out


def _wrapped_line(prev: list[str], cells: list[str]) -> bool:
    """A one-cell row that finishes the sentence the row above left open (text lines of a
    big cell that the table reader returned as rows)."""
    filled = [i for i, c in enumerate(cells) if c]
    prev_filled = [i for i, c in enumerate(prev) if c]
    if len(filled) != 1 or not prev_filled or filled[0] != prev_filled[-1]:
        return False
    above, here = prev[filled[0]], cells[filled[0]]
    return not ends_clause(above) and numbering_of(here)[0] is None


def ends_clause(text: str) -> bool:
    """Ends with sentence punctuation outside an open bracket ('（本项目行业为：' is open)."""
    if text.count("（") + text.count("(") > text.count("）") + text.count(")"):
        return False
    return bool(_TERMINAL.search(text))


def _row_pieces(cells: list[str]) -> list[str]:
    """A row whose last cell packs a numbered list ('1.是否…；2.…') gives one clause per item;
    the first keeps the row's label. Short cells after the list ('| 项目级') are a review
    table's metadata and stay with the first piece."""
    k = len(cells) - 1
    while k > 0 and len(cells[k]) <= 12 and not _packed_list(cells[k]):
        k -= 1
    pieces = _packed_list(cells[k]) if cells[k] else []
    if not pieces:
        return [" | ".join(cells)]
    return [" | ".join(cells[:k] + [pieces[0]] + cells[k + 1:])] + pieces[1:]


def _packed_list(cell: str) -> list[str]:
    pieces = inline_items(cell)
    numbered = [p for p in pieces if numbering_of(p)[0] not in (None, "bullet")]
    return pieces if len(numbered) >= 2 and len(numbered) == len(pieces) else []


def _dedupe_cells(cells: list[str]) -> list[str]:
    """Merged cells repeat their text in every spanned cell; keep one copy, drop empties."""
    kept: list[str] = []
    for c in cells:
        if c and (not kept or kept[-1] != c):
            kept.append(c)
    return kept


def sentences(text: str) -> list[str]:
    """Split a clause into sentences (Chinese 。；！？ and English '. ' boundaries)."""
    parts = [p.strip() for p in re.split(r"(?<=[。！？!?；;])\s*|(?<=[A-Za-z0-9)\]]\.)\s+(?=[A-Z(])|"
                                               r"(?<=[a-z)]\.)(?=[A-Z][a-z]{2})", text)
             if p and p.strip()]
    out: list[str] = []
    for p in parts:
        if out and _ABBREVIATION.search(out[-1]):
            out[-1] = f"{out[-1]} {p}"
        else:
            out.append(p)
    return out


_ABBREVIATION = re.compile(r"(?:\b(?:No|Nos|Sl|Sr|Mr|Ms|Mrs|Dr|St|Co|Ltd|Pvt|Inc|Rs|Cr|Govt|Dist|Dept|Deptt|Estt|"
                           r"Min|Max|Approx|Ref|Cl|Para|Art|Sec|Vol|approx|govt|vs|viz|etc|e\.g|i\.e|[A-Z])|"
                           r"(?:https?://|www\.)[^\s.]*)\.$")


_INLINE_NUMBER = re.compile(
    r"(?:(?<=[；;。：:！？!?])|(?<=[；;。：:]\s)|(?<=\s)|^)"
    r"(?=(?:\d{1,2}(?:[.．]\d{1,2})*\s*[、.．)）](?!\d)|[（(]\d{1,2}[)）]|[⑴-⒇①-⑳]|[（(][一二三四五六七八九十]+[)）]))"
)


def inline_items(text: str) -> list[str]:
    """Split text that packs a numbered list into one paragraph or table cell
    ('…资格条件： 1.满足…； 2.具有…； 3.…') into its items; the lead-in is the first piece."""
    parts = [p.strip() for p in _INLINE_NUMBER.split(text)]
    return [p for p in parts if p]
