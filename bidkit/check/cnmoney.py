"""Chinese capital amounts (大写): parse '人民币壹佰贰拾万元整' back to a number, to check that
figures and capitals agree. Integers come from tender.text.cn_number; this adds 角/分."""

from __future__ import annotations

import re

from bidkit.tender.text import CN_DIGITS, cn_number

CAPITALS = re.compile(r"[零〇壹贰叁肆伍陆柒捌玖拾佰仟万萬亿億元圆圓角分整正]{2,}")


def parse_capitals(text: str) -> float | None:
    """'壹佰贰拾万零伍佰元整' → 1200500.0; None when the text is not a capital amount."""
    text = re.sub(r"^(?:人民币|人民幣|RMB)", "", text.strip())
    parts = re.split(r"[元圆圓]", text, maxsplit=1)
    if len(parts) != 2:
        return None
    yuan_part, rest = parts
    total = cn_number(yuan_part) if yuan_part else 0.0
    if total is None:
        return None
    jiao = re.search(r"(\S)角", rest)
    fen = re.search(r"(\S)分", rest)
    cents = (CN_DIGITS.get(jiao.group(1), 0) * 10 if jiao else 0) + (CN_DIGITS.get(fen.group(1), 0) if fen else 0)
    return round(total + cents / 100, 2)
