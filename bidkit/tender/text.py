"""Shared text helpers for extractors: normalisation, numbers, money, dates."""

from __future__ import annotations

import re
import unicodedata

CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
             "七": 7, "八": 8, "九": 9, "壹": 1, "贰": 2, "叁": 3, "肆": 4, "伍": 5, "陆": 6,
             "柒": 7, "捌": 8, "玖": 9}


def nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def squash(text: str) -> str:
    """Drop all whitespace (PDF line wraps and DOCX letter-spacing put spaces inside words)."""
    return re.sub(r"\s+", "", text)


# ---- CJK-aware whitespace, money and dates (shared by meta, scoring, requirements) ----

_CJK = r"\u3000-\u303f\u3400-\u9fff\uff00-\uffef"
_SPACE_NEAR_CJK = re.compile(rf"(?<=[{_CJK}])\s+|\s+(?=[{_CJK}])")


def zh_squash(text: str) -> str:
    """Drop whitespace next to CJK characters (PDF wraps, DOCX letter-spacing) but keep the space
    in '2024-11-26 09:00' or 'ISO 9001'."""
    return _SPACE_NEAR_CJK.sub("", text)


_CN_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_CN_BIG = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}


def cn_number(text: str) -> float | None:
    """'捌万元整' → 80000, '壹佰贰拾万' → 1200000, '十五' → 15; None when not a numeral."""
    text = re.sub(r"[元圆整正角分]", "", text)
    if not text or any(ch not in CN_DIGITS and ch not in _CN_UNITS and ch not in _CN_BIG for ch in text):
        return None
    total, wan, section, digit = 0, 0, 0, 0  # 亿 part, 万 part, below 万
    for ch in text:
        if ch in CN_DIGITS:
            digit = CN_DIGITS[ch]
        elif ch in _CN_UNITS:
            section += (digit or 1) * _CN_UNITS[ch]
            digit = 0
        elif _CN_BIG[ch] == 10_000:
            wan += (section + digit) * 10_000
            section = digit = 0
        else:
            total = (total + wan + section + digit) * 100_000_000
            wan = section = digit = 0
    return float(total + wan + section + digit)


class Money(tuple):
    """(amount, currency, start, end, per_unit) found in a text; per_unit marks '500元/组'."""

    __slots__ = ()

    def __new__(cls, amount: float, currency: str | None, start: int, end: int, per_unit: bool):
        return super().__new__(cls, (amount, currency, start, end, per_unit))

    amount = property(lambda self: self[0])
    currency = property(lambda self: self[1])
    start = property(lambda self: self[2])
    end = property(lambda self: self[3])
    per_unit = property(lambda self: self[4])


_NUM = r"\d[\d,，]*(?:\.\d+)?"
_ZH_MONEY = re.compile(rf"(?P<pre>人民币|RMB|CNY|[¥￥])?\s*(?P<num>(?<![\d.]){_NUM})\s*(?P<unit>亿元|万元|萬元|元|圆|万|萬)")
_YEN = re.compile(rf"[¥￥]\s*(?P<num>{_NUM})(?![\d.,，]|\s*(?:亿|万|萬|元|圆))")
_ZH_UPPER = re.compile(r"(?:人民币)?(?P<num>[零壹贰叁肆伍陆柒捌玖拾佰仟万亿]+)(?:元|圆)整?")
_CUR_WORDS = {
    "INR": r"INR|Rs\.?|₹|Indian\s+Rupees?", "USD": r"USD|US\$|\$|US\s+Dollars?", "AED": r"AED|Dirhams?",
    "MGA": r"MGA|Ariary", "PKR": r"PKR|Pak(?:istani)?\s+Rupees?", "EUR": r"EUR|€|Euros?",
    "GBP": r"GBP|£", "CNY": r"CNY|RMB",
}
_CUR_ALT = "|".join(f"(?P<{code}>{alt})" for code, alt in _CUR_WORDS.items())
_EN_SCALE = {"lakh": 1e5, "lakhs": 1e5, "lac": 1e5, "lacs": 1e5, "crore": 1e7, "crores": 1e7,
             "million": 1e6, "mn": 1e6, "billion": 1e9, "thousand": 1e3}
_EN_MONEY = re.compile(
    rf"(?:(?:{_CUR_ALT})\s*(?P<num>(?<![\d.]){_NUM})|(?P<num2>(?<![\d.]){_NUM})\s*(?:{_CUR_ALT.replace('?P<', '?P<x')}))"
    r"(?:\s*/-)?(?:\s*(?P<scale>lakhs?|lacs?|crores?|million|mn|billion|thousand)\b)?",
    re.IGNORECASE,
)
_PER_UNIT = re.compile(r"\s*(?:/|每)\s*(?!-|年|年度)[^\s\d]")


def _to_float(num: str) -> float | None:
    try:
        return float(num.replace(",", "").replace("，", ""))
    except ValueError:
        return None


def find_money(text: str) -> list[Money]:
    """Every money amount in a text, in order: '82.5 万元' → 825000, '人民币捌万元整' → 80000,
    '¥1,234.00元', 'INR 10,000/-', 'Rs. 5 lakh' → 500000. Currency None when not stated."""
    found: list[Money] = []
    for m in _ZH_MONEY.finditer(text):
        value = _to_float(m["num"])
        if value is None:
            continue
        unit = m["unit"]
        value *= 1e8 if unit.startswith("亿") else 1e4 if unit[0] in "万萬" else 1
        found.append(Money(value, "CNY", m.start(), m.end(), bool(_PER_UNIT.match(text, m.end()))))
    for m in _YEN.finditer(text):
        value = _to_float(m["num"])
        if value is not None:
            found.append(Money(value, "CNY", m.start(), m.end(), bool(_PER_UNIT.match(text, m.end()))))
    for m in _ZH_UPPER.finditer(text):
        value = cn_number(m["num"])
        if value:
            found.append(Money(value, "CNY", m.start(), m.end(), bool(_PER_UNIT.match(text, m.end()))))
    for m in _EN_MONEY.finditer(text):
        value = _to_float(m["num"] or m["num2"])
        if value is None:
            continue
        code = next((k.lstrip("x") for k, v in m.groupdict().items()
                     if v and k.lstrip("x") in _CUR_WORDS), None)
        value *= _EN_SCALE.get((m["scale"] or "").lower(), 1)
        if any(f.start <= m.start() < f.end for f in found):
            continue
        found.append(Money(value, code, m.start(), m.end(), bool(_PER_UNIT.match(text, m.end()))))
    return sorted(found, key=lambda f: f.start)


_MONTHS = {m: i + 1 for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"])}
_MONTH_RX = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_ZH_DATE = re.compile(
    r"(?P<y>\d{2,4})\s*(?P<sep>[年\-/.])\s*(?P<m>\d{1,2})\s*[月\-/.]\s*(?P<d>\d{1,2})(?!\d)\s*日?"
    r"(?:\s*[（(][^）)]{0,10}[)）])?\s*(?:[,，]\s*)?"
    r"(?:(?P<ampm>上午|下午|中午|晚上|早上)?\s*(?P<h>\d{1,2})\s*(?:[:：]|时|時|點|点)\s*(?P<mi>\d{1,2})?)?"
)
_EN_DATE = re.compile(
    rf"(?:(?P<d1>\d{{1,2}})\s*(?:st|nd|rd|th)?\s*(?:of\s+|[-/.\s]\s*)?(?P<m1>{_MONTH_RX})[\s,.\-/]*(?P<y1>\d{{4}})"
    rf"|(?P<m2>{_MONTH_RX})\s*(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?[\s,]*(?P<y2>\d{{4}}))",
    re.IGNORECASE,
)
_NUM_DMY = re.compile(r"(?<![\d.])(?P<d>\d{1,2})\s*[./-]\s*(?P<m>\d{1,2})\s*[./-]\s*(?P<y>\d{4})(?![\d.])")
_EN_TIME = re.compile(
    r"(?P<h>\d{1,2})(?:[:.]?(?P<mi>\d{2}))?\s*(?P<ampm>[ap]\.?\s?m\b\.?|hrs\b|hours\b|noon\b)"
    r"|(?P<h2>\d{1,2}):(?P<mi2>\d{2})",
    re.IGNORECASE,
)


def _iso(y: int, mo: int, d: int, h: int | None, mi: int | None) -> str | None:
    if y < 200:
        y += 1911 if y > 60 else 2000  # 民國 years (113年) or two-digit years
    if not (1 <= mo <= 12 and 1 <= d <= 31 and 1990 <= y <= 2100):
        return None
    if h is None:
        return f"{y:04d}-{mo:02d}-{d:02d}"
    if not (0 <= h <= 24 and 0 <= (mi or 0) < 60):
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}T{h % 24:02d}:{mi or 0:02d}"


def _hour(h: int, ampm: str | None) -> int:
    ampm = (ampm or "").lower().replace(".", "").replace(" ", "")
    if ampm in ("pm", "下午", "晚上") and h < 12:
        return h + 12
    if ampm in ("am",) and h == 12:
        return 0
    return h


def find_datetime(text: str) -> tuple[str, int, int] | None:
    """The first date (with its time when given) in a text as (ISO, start, end):
    '2026 年 01 月 20 日 10 点 00 分' → '2026-01-20T10:00', '13 February 2023 - 7.00 PM' →
    '2023-02-13T19:00', '2024-12-23 09:30:00' → '2024-12-23T09:30'. Date only: 'YYYY-MM-DD'."""
    found = [f for f in (_zh_date(text), _en_date(text), _dmy_date(text)) if f]
    return min(found, key=lambda f: f[1]) if found else None


def _zh_date(text: str) -> tuple[str, int, int] | None:
    for m in _ZH_DATE.finditer(text):
        if len(m["y"]) < 4 and m["sep"] != "年":
            continue  # '10.5.3' is a clause number, not a date
        h = _hour(int(m["h"]), m["ampm"]) if m["h"] else None
        iso = _iso(int(m["y"]), int(m["m"]), int(m["d"]), h, int(m["mi"]) if m["mi"] else None)
        if iso:
            return iso, m.start(), m.end()
    return None


def _with_time(text: str, start: int, end: int, y: int, mo: int, d: int) -> tuple[str, int, int] | None:
    """A date plus the time written just after it (or just before: '17:00 hrs on 11/01/2012')."""
    after = _EN_TIME.search(text[end:end + 40])
    t = after or _EN_TIME.search(text[max(0, start - 30):start])
    h = mi = None
    if t:
        h = _hour(int(t["h"] or t["h2"]), t["ampm"])
        mi = int(t["mi"] or t["mi2"] or 0)
        end += after.end() if after else 0
    iso = _iso(y, mo, d, h, mi)
    return (iso, start, end) if iso else None


def _en_date(text: str) -> tuple[str, int, int] | None:
    e = _EN_DATE.search(text)
    if not e:
        return None
    month = _MONTHS[(e["m1"] or e["m2"])[:3].lower()]
    return _with_time(text, e.start(), e.end(), int(e["y1"] or e["y2"]), month, int(e["d1"] or e["d2"]))


def _dmy_date(text: str) -> tuple[str, int, int] | None:
    """'21-03-2024 15:00:00', '11/01/2012': day first (month first only when the day cannot be one)."""
    m = _NUM_DMY.search(text)
    if not m:
        return None
    d, mo = int(m["d"]), int(m["m"])
    if mo > 12 >= d:
        d, mo = mo, d
    return _with_time(text, m.start(), m.end(), int(m["y"]), mo, d)


def parse_datetime(text: str) -> str | None:
    found = find_datetime(text)
    return found[0] if found else None
