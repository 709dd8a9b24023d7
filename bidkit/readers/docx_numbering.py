"""Word automatic numbering (w:numPr + numbering.xml) rendered as text prefixes: '1.', '（一）',
'(1)', '1.2.3', '①'. Tenders number their clauses this way, and the extracted text would
otherwise lose '（三）' or '十四、' (extractors rely on the numbers).

Counting follows Word: one counter set per list (abstract numbering), levels below the one
that advances restart, a w:num with a start override restarts its list when first used.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

_CN_DIGITS = "零一二三四五六七八九"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_PAREN = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"
_STEMS = "甲乙丙丁戊己庚辛壬癸"
_ROMAN = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
          (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 14 → 十四, 20 → 二十, 105 → 一百零五 (enough for clause numbers)."""
    if n < 10:
        return _CN_DIGITS[n]
    if n < 20:
        return "十" + (_CN_DIGITS[n % 10] if n % 10 else "")
    if n < 100:
        return _CN_DIGITS[n // 10] + "十" + (_CN_DIGITS[n % 10] if n % 10 else "")
    rest = n % 100
    tail = "" if rest == 0 else ("零" + chinese_number(rest) if rest < 10 else
                                 ("一" + chinese_number(rest) if rest < 20 else chinese_number(rest)))
    return _CN_DIGITS[n // 100] + "百" + tail


def _roman(n: int) -> str:
    out = ""
    for value, letters in _ROMAN:
        while n >= value:
            out, n = out + letters, n - value
    return out


def _letters(n: int) -> str:
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    if fmt in ("chineseCounting", "chineseCountingThousand", "chineseLegalSimplified",
               "japaneseCounting", "taiwaneseCounting", "taiwaneseCountingThousand",
               "ideographLegalTraditional"):
        return chinese_number(n)
    if fmt == "decimalEnclosedCircle" or fmt == "decimalEnclosedCircleChinese":
        return _CIRCLED[n - 1] if 0 < n <= len(_CIRCLED) else str(n)
    if fmt == "decimalEnclosedParen":
        return _PAREN[n - 1] if 0 < n <= len(_PAREN) else f"({n})"
    if fmt in ("ideographTraditional", "ideographZodiac"):
        return _STEMS[(n - 1) % 10]
    if fmt == "lowerLetter":
        return _letters(n)
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt == "upperRoman":
        return _roman(n).upper()
    if fmt == "decimalFullWidth":
        return "".join(chr(ord(d) + 0xFEE0) for d in str(n))
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "none":
        return ""
    return str(n)  # decimal and anything unknown


@dataclass
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    suffix: str = "tab"  # tab | space | nothing
    legal: bool = False  # w:isLgl: all levels shown as decimal
    font: str | None = None  # bullet glyph font (Wingdings, Symbol)


@dataclass
class Numbering:
    """numbering.xml, plus counters that advance as paragraphs are read in order."""

    abstract: dict[str, dict[int, Level]] = field(default_factory=dict)
    nums: dict[str, tuple[str, dict[int, int]]] = field(default_factory=dict)  # id → (abs, starts)
    counters: dict[str, dict[int, int]] = field(default_factory=dict)
    started: set[str] = field(default_factory=set)

    @classmethod
    def from_xml(cls, root) -> Numbering:
        numbering = cls()
        if root is None:
            return numbering
        for an in root.findall(W + "abstractNum"):
            levels = {int(lvl.get(W + "ilvl", "0")): _level(lvl) for lvl in an.findall(W + "lvl")}
            numbering.abstract[an.get(W + "abstractNumId")] = levels
        for num in root.findall(W + "num"):
            abs_el = num.find(W + "abstractNumId")
            starts = {}
            for ov in num.findall(W + "lvlOverride"):
                so = ov.find(W + "startOverride")
                if so is not None:
                    starts[int(ov.get(W + "ilvl", "0"))] = int(so.get(W + "val", "1"))
            if abs_el is not None:
                numbering.nums[num.get(W + "numId")] = (abs_el.get(W + "val"), starts)
        return numbering

    def label(self, num_id: str, ilvl: int) -> str:
        """Advance the list's counter at `ilvl` and return the paragraph's rendered number."""
        if num_id not in self.nums or num_id == "0":
            return ""
        abs_id, starts = self.nums[num_id]
        levels = self.abstract.get(abs_id, {})
        level = levels.get(ilvl)
        if level is None:
            return ""
        counters = self.counters.setdefault(abs_id, {})
        if num_id not in self.started and starts:
            self.started.add(num_id)
            for lv, start in starts.items():
                counters[lv] = start - 1
            for lv in [k for k in counters if k > min(starts)]:
                counters.pop(lv, None)
        counters[ilvl] = counters.get(ilvl, level.start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        return self._render(level, levels, counters)

    def _render(self, level: Level, levels: dict[int, Level], counters: dict[int, int]) -> str:
        if level.fmt == "bullet":
            return _bullet(level)

        def repl(m: re.Match) -> str:
            lv = int(m.group(1)) - 1
            ref = levels.get(lv, Level())
            n = counters.get(lv, ref.start)
            return format_number(n, "decimal" if level.legal else ref.fmt)

        label = re.sub(r"%(\d)", repl, level.text)
        if not label:
            return ""
        if level.suffix == "nothing" or re.search(r"[、．.）)：:]$", label):
            return label
        return label + " "


def _level(lvl) -> Level:
    def val(tag: str, default: str | None = None) -> str | None:
        el = lvl.find(W + tag)
        return el.get(W + "val", default) if el is not None else default

    fonts = lvl.find(f"{W}rPr/{W}rFonts")
    return Level(start=int(val("start", "1") or 1), fmt=val("numFmt", "decimal") or "decimal",
                 text=val("lvlText", "") or "", suffix=val("suff", "tab") or "tab",
                 legal=lvl.find(W + "isLgl") is not None,
                 font=fonts.get(W + "ascii") if fonts is not None else None)


def _bullet(level: Level) -> str:
    from bidkit.readers.docx_symbols import symbol_text

    glyph = symbol_text(level.text, level.font) if level.text else "•"
    return (glyph or "•") + ("" if level.suffix == "nothing" else " ")


def paragraph_numbering(p, style_numpr: dict[str, tuple[str, int]]) -> tuple[str, int] | None:
    """(numId, ilvl) of a paragraph: its own w:numPr, else its style's."""
    ppr = p.find(W + "pPr")
    num_id, ilvl = None, None
    if ppr is not None:
        numpr = ppr.find(W + "numPr")
        if numpr is not None:
            nid, lv = numpr.find(W + "numId"), numpr.find(W + "ilvl")
            num_id = nid.get(W + "val") if nid is not None else None
            ilvl = int(lv.get(W + "val", "0")) if lv is not None else None
        style = ppr.find(W + "pStyle")
        if style is not None and style.get(W + "val") in style_numpr:
            s_id, s_lvl = style_numpr[style.get(W + "val")]
            num_id = num_id or s_id
            ilvl = s_lvl if ilvl is None else ilvl
    if num_id is None or num_id == "0":
        return None
    return num_id, ilvl or 0


def style_numbering(styles_root) -> dict[str, tuple[str, int]]:
    """styleId → (numId, ilvl) for paragraph styles that carry numbering (e.g. headings)."""
    out: dict[str, tuple[str, int]] = {}
    if styles_root is None:
        return out
    based: dict[str, str] = {}
    for st in styles_root.findall(W + "style"):
        sid = st.get(W + "styleId")
        b = st.find(W + "basedOn")
        if b is not None:
            based[sid] = b.get(W + "val")
        numpr = st.find(f"{W}pPr/{W}numPr")
        if numpr is None:
            continue
        nid, lv = numpr.find(W + "numId"), numpr.find(W + "ilvl")
        if nid is not None:
            out[sid] = (nid.get(W + "val"), int(lv.get(W + "val", "0")) if lv is not None else 0)
    for sid, parent in based.items():  # one level of inheritance covers Word's built-ins
        if sid not in out and parent in out:
            out[sid] = out[parent]
    return out
