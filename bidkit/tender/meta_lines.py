"""Label:value search over a tender's lines, shared by the meta extractors.

A "line" is a paragraph, or one table row whose cells are joined with '：' so that a row
'最高限价 | 本项目最高限价为…' reads like the paragraph '最高限价：本项目最高限价为…'.
Chinese text is searched with the spaces next to CJK characters removed (letter-spaced covers,
PDF line wraps), English text with whitespace collapsed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cached_property

from bidkit.document import Block
from bidkit.model import SourceRef
from bidkit.tender.outline import Outline
from bidkit.tender.text import CN_DIGITS, cn_number, find_datetime, find_money, nfkc, zh_squash

COLON = r"\s*[”\"]?\s*(?:[（(][^）)]{0,14}[)）])?\s*(?:[:：]|系指|是指|即(?!可|日|时))"
_NAME_LINE = re.compile(r"^(?:名称|名稱|全称|单位名称|Name)\s*[:：]\s*(.+)", re.IGNORECASE)
_BLANK_FIELD = re.compile(r"^[^:：]{1,12}[:：][\s_＿]*$")
_FILLER = re.compile(r"^(?:的|金额|金額|为|為|amount|is|are)+", re.IGNORECASE)


@dataclass
class Line:
    text: str
    block: Block
    index: int  # position in the line list

    @cached_property
    def lower(self) -> str:
        return self.text.lower()

    def ref(self, outline: Outline) -> SourceRef:
        return SourceRef(page=self.block.page, paragraph=self.block.paragraph,
                         section=outline.section_title(self.block), quote=self.text[:300])


def _clean(text: str, lang: str) -> str:
    text = nfkc(text).replace("\u3000", " ")
    # a wide gap between Chinese characters is lost text (e.g. under a seal image): keep a trace
    text = re.sub(r"(?<=[\u4e00-\u9fff])[ \t]{5,}(?=[\u4e00-\u9fff])", "…", text)
    text = re.sub(r"[ \t\r\f\v]+", " ", text)
    return zh_squash(text) if lang == "zh" else text.strip()


def build_lines(outline: Outline) -> list[Line]:
    lines: list[Line] = []
    for block in outline.doc.blocks:
        if block.kind == "table" and block.rows:
            # column pairs first: the header row alone reads as labels with blank values
            for pair in _column_pairs(block.rows):
                lines.append(Line(_clean(pair, outline.language), block, len(lines)))
            for row in block.rows:
                cells = [c.strip() for c in row if c and c.strip()]
                if cells:
                    lines.append(Line(_clean("：".join(cells), outline.language), block, len(lines)))
        elif block.text.strip():
            lines.append(Line(_clean(block.text, outline.language), block, len(lines)))
    return lines


_MAX_DATA_ROWS = 3  # a summary table ('Name of Work | Estimated Cost | EMD' over one row per lot)


def _column_pairs(rows: list[list[str]]) -> list[str]:
    """'header：cell' for each cell of a short table whose first row names its columns
    ('项目名称 | 预算金额 | 投标保证金' over '1包 | … | 2万元'), so a value stated only in a table
    reads like 'label：value'. Label/value tables (two columns, or a number in the first row) are
    read row by row already."""
    if len(rows) < 2 or len(rows) > 1 + _MAX_DATA_ROWS:
        return []
    header = [c.strip() for c in rows[0]]
    if len(header) < 3 or not all(header) or any(len(h) > 40 or re.search(r"\d", h) for h in header):
        return []
    pairs = []
    for row in rows[1:]:
        if len(row) != len(header):
            return []
        pairs += [f"{h}：{c.strip()}" for h, c in zip(header, row) if c and c.strip()]
    return pairs


@dataclass
class Hit:
    line: Line
    value: str  # the text after the label (cut at the next label)


def label_hits(lines: list[Line], label: re.Pattern, stop: re.Pattern | None, *, colon: bool = True,
               follow: bool = True, width: int = 160) -> Iterator[Hit]:
    """Every place a label occurs, with the value that follows it. `colon` requires 'label：';
    when the value is empty the next line is taken (a label ending its paragraph)."""
    for line in _candidates(lines, label):
        for m in label.finditer(line.text):
            rest = line.text[m.end():]
            if colon:
                c = re.match(COLON, rest)
                if c:
                    rest = rest[c.end():]
                elif not rest.strip() and line.index + 1 < len(lines):
                    # '1.招标人信息' heading, then '名称：X' on the next line
                    named = _NAME_LINE.match(lines[line.index + 1].text)
                    if named:
                        yield Hit(lines[line.index + 1], _cut(named.group(1), stop)[:width].strip())
                    continue
                else:
                    continue
            value = _cut(rest, stop)[:width]
            if follow and len(_FILLER.sub("", value.strip(" ：:。，,"))) < 2 and line.index + 1 < len(lines):
                following = lines[line.index + 1].text
                # '工程名称：' then '项目代码：': a blank form field, not its value
                value = "" if _BLANK_FIELD.match(following) else _cut(following, stop)[:width]
            yield Hit(line, value.strip())


# label pattern -> a cheap case-sensitive search over the lowercased line that every match of the
# label needs to pass (a literal word of each alternative): most lines of a long tender are skipped
# without running the label's case-insensitive alternation over them
_GATES: dict[re.Pattern, re.Pattern] = {}


def gate(label: re.Pattern, words: str) -> re.Pattern:
    """Register `words` ('deadline|due|…', lowercase) as words one of which every match of `label`
    contains; returns the label."""
    _GATES[label] = re.compile(words)
    return label


def _candidates(lines: list[Line], label: re.Pattern) -> Iterator[Line]:
    cheap = _GATES.get(label)
    return iter(lines) if cheap is None else (line for line in lines if cheap.search(line.lower))


def _cut(text: str, stop: re.Pattern | None) -> str:
    m = stop.search(text, 1) if stop is not None else None
    return text[: m.start()] if m else text


def first_value(lines: list[Line], label: re.Pattern, stop: re.Pattern | None,
                pick: Callable[[str], object | None], **kw) -> tuple[object, Line] | None:
    """The first label hit whose value `pick` accepts (returns not None)."""
    for hit in label_hits(lines, label, stop, **kw):
        got = pick(hit.value)
        if got is not None:
            return got, hit.line
    return None


def money_in(value: str, *, allow_unit_price: bool = False) -> float | None:
    for money in find_money(value):
        if money.amount > 0 and (allow_unit_price or not money.per_unit):
            return money.amount
    return None


_CN_NUM = "〇零一二两三四五六七八九十"
_CN_DATE_PART = re.compile(rf"([{_CN_NUM}]+)(?=\s*(?:年|月|日|号|时|點|点|分))")
_WEEKDAY = re.compile(r"[（(]?\s*(?:星期|礼拜|周)[一二三四五六日天]\s*[)）]?")


def _cn_digits(m: re.Match) -> str:
    """'二〇二四' → '2024' (a year is read digit by digit), '三十' → '30'."""
    text = m.group(1)
    if "十" not in text:
        return "".join(str(CN_DIGITS[ch]) for ch in text)
    value = cn_number(text)
    return str(int(value)) if value is not None else text


def _plain_zh_date(value: str) -> str:
    """'二〇二四年三月五日（星期二）上午九点半' → '2024年3月5日上午9点30分'."""
    value = _WEEKDAY.sub(" ", value)
    value = _CN_DATE_PART.sub(_cn_digits, value)
    return re.sub(r"(?<=\d)\s*(点|時|时)\s*半", r"\g<1>30分", value)


def datetime_in(value: str) -> str | None:
    value = _plain_zh_date(value)
    value = re.sub(r"(?<!\d)(?<!\d\s)\bnoon\b", "12:00", value, flags=re.IGNORECASE)
    value = re.sub(r"(?<=\d)\s+:\s*(?=\d{2})", ":", value)  # '04 :00 P.M.'
    # '2:00 p.m. local time on Friday, March 15, 2024': weekday and time zone keep the time far from the date
    value = re.sub(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b,?\s*|\b(?:local|eastern|central|pacific|mountain|"
                   r"Indian|standard)\s+(?:standard\s+)?time\b\s*|\((?:local\s+time|IST|EST|EDT|GMT|UTC)\)\s*", "",
                   value, flags=re.IGNORECASE)
  # 'April 1, 2019 at noon'
    found = find_datetime(value)
    return found[0] if found else None


def first_date(lines: list[Line], label: re.Pattern, reject: re.Pattern) -> tuple[str, Line] | None:
    """The first date after a label ('投标截止时间：…', 'no later than …'); a label that ends its
    line takes the date from the next line. A date with a time beats a bare date."""
    bare: tuple[str, Line] | None = None
    for line in _candidates(lines, label):
        for m in label.finditer(line.text):
            window = line.text[m.end():m.end() + 120]
            if not datetime_in(window) and len(window) < 25 and line.index + 1 < len(lines):
                window += " " + lines[line.index + 1].text[:120]
            if reject.search(line.text[max(0, m.start() - 20):m.end()] + window[:60]):  # label included
                continue
            iso = datetime_in(window)
            if iso and "T" in iso:
                return iso, line
            if iso and bare is None:
                bare = (iso, line)
    return bare
