"""Chinese capital amounts (大写): parse '人民币壹佰贰拾万元整' back to a number, to check that
figures and capitals agree."""

from __future__ import annotations

import re

_DIGIT = {"零": 0, "〇": 0, "壹": 1, "贰": 2, "叁": 3, "肆": 4, "伍": 5, "陆": 6, "柒": 7,
          "捌": 8, "玖": 9, "两": 2, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6,
          "七": 7, "八": 8, "九": 9}
_SMALL = {"拾": 10, "十": 10, "佰": 100, "百": 100, "仟": 1000, "千": 1000}
_BIG = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}
CAPITALS = re.compile(r"[零〇壹贰叁肆伍陆柒捌玖拾佰仟万萬亿億元圆圓角分整正]{2,}")


def parse_capitals(text: str) -> float | None:
    """'壹佰贰拾万零伍佰元整' → 1200500.0; None when the text is not a capital amount."""
    text = re.sub(r"^(?:人民币|人民幣|RMB)", "", text.strip())
    if not text or not any(ch in text for ch in "元圆圓"):
        return None
    yuan_part, _, rest = re.split(r"([元圆圓])", text, maxsplit=1) if re.search(r"[元圆圓]", text) else (text, "", "")
    total = _integer(yuan_part)
    if total is None:
        return None
    jiao = re.search(r"([零壹贰叁肆伍陆柒捌玖一二三四五六七八九])角", rest)
    fen = re.search(r"([零壹贰叁肆伍陆柒捌玖一二三四五六七八九])分", rest)
    cents = (_DIGIT[jiao.group(1)] * 10 if jiao else 0) + (_DIGIT[fen.group(1)] if fen else 0)
    return round(total + cents / 100, 2)


def _integer(text: str) -> int | None:
    if not text:
        return 0
    total, section, digit = 0, 0, 0
    for ch in text:
        if ch in _DIGIT:
            digit = _DIGIT[ch]
        elif ch in _SMALL:
            section += (digit or 1) * _SMALL[ch]
            digit = 0
        elif ch in _BIG:
            section += digit
            if _BIG[ch] == 100_000_000:
                total = (total + section) * _BIG[ch]
            else:
                total += section * _BIG[ch]
            section, digit = 0, 0
        else:
            return None
    return total + section + digit
