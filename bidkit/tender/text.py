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
