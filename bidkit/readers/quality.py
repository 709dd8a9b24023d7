"""Is this text layer usable? Signals that a PDF's text is missing (scanned) or garbage
(fonts without a usable Unicode map), and the clean-up of half-broken bilingual files.

Real text is written mostly in one or two scripts (Chinese + Latin, English + a little Hindi);
a broken font map scatters characters over many unrelated scripts (Hangul jamo, Cyrillic,
Canadian syllabics …) and control characters. pdfplumber shows the same failure as '(cid:N)'.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import cache

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffd]")
_CID = re.compile(r"\(cid:\d+\)")
MIN_TWO_SCRIPT_SHARE = 0.7  # below this, the letters are scattered over scripts: garbage
MIN_NOISE_WORDS = 3  # a script is "noise" when at least this many of its words hold control chars


@cache
def script_of(ch: str) -> str:
    """The Unicode script of a letter, by the first word of its name ('CJK', 'LATIN', …)."""
    if ch.isascii():
        return "LATIN"
    if "\u4e00" <= ch <= "\u9fff":
        return "CJK"
    try:
        name = unicodedata.name(ch)
    except ValueError:
        return "UNKNOWN"
    if name.startswith(("CJK COMPATIBILITY", "CJK UNIFIED IDEOGRAPH-3", "CJK UNIFIED IDEOGRAPH-4")):
        # Extension A (U+3400–U+4DBF) is rare in real text and common in mis-mapped fonts
        code = ord(ch)
        if 0x3400 <= code <= 0x4DBF:
            return "CJK-EXT-A"
    return name.split()[0]


def letter_scripts(text: str) -> Counter:
    # count characters first (in C), then classify each distinct one: the same counts, in the
    # same first-seen order, without a Python call per character
    scripts: Counter = Counter()
    for ch, n in Counter(text).items():
        if _is_letter(ch):
            scripts[script_of(ch)] += n
    return scripts


@cache
def _is_letter(ch: str) -> bool:
    return unicodedata.category(ch).startswith("L")


# ASCII, common CJK, CJK and full-width punctuation: text made of these is never garbage
_COMMON = re.compile(r"[\x20-\x7e\s\u4e00-\u9fff\u3000-\u303f\uff00-\uffef\u2000-\u206f]+")


def looks_garbled(text: str) -> bool:
    """True when text is mostly unmapped glyphs: '(cid:N)', control characters, or letters
    scattered across many scripts."""
    if "(cid:" not in text and len(_COMMON.sub("", text)) < 0.05 * max(len(text), 1):
        return False  # the fast path for nearly every real page
    chars = [ch for ch in text if not ch.isspace()]
    if len(chars) < 40:
        return False
    cid_chars = sum(len(m) for m in _CID.findall(text))
    if cid_chars > 0.3 * len(chars):
        return True
    if len(_CONTROL.findall(text)) > 0.05 * len(chars):
        return True
    scripts = letter_scripts(text)
    letters = sum(scripts.values())
    if letters < 40:
        return False
    top_two = sum(n for _, n in scripts.most_common(2))
    return top_two / letters < MIN_TWO_SCRIPT_SHARE or scripts.get("CJK-EXT-A", 0) > 0.1 * letters


def noisy_scripts(lines: list[str]) -> set[str]:
    """Scripts whose words carry control characters or '(cid:N)': a font of that script lost
    its Unicode map (e.g. Hindi in bilingual Indian tenders), so its text is noise."""
    counts: Counter = Counter()
    for line in lines:
        if not (_CONTROL.search(line) or _CID.search(line)):
            continue
        for word in re.split(r"[\s/]+", line):
            if _CONTROL.search(word) or _CID.search(word):
                counts.update({s for s in letter_scripts(word)})
    if not counts:
        return set()
    dominant = letter_scripts("".join(lines)).most_common(1)
    keep = {dominant[0][0]} if dominant else set()
    return {s for s, n in counts.items() if n >= MIN_NOISE_WORDS and s not in keep}


def strip_noise(line: str, noisy: set[str]) -> str:
    """Remove the noisy scripts' words and control debris from a line; keep the rest as is."""
    if not (_CONTROL.search(line) or _CID.search(line)) and not (
            noisy and any(script_of(ch) in noisy for ch in set(line))):
        return line  # no debris and no letter of a noisy script: nothing to remove
    words, dropped = [], False
    for word in re.split(r"(\s+|/)", _CID.sub("", line)):
        if _is_noise(word, noisy):
            dropped = True
            continue
        words.append(_CONTROL.sub("", word))
    text = "".join(words)
    if not dropped and text == line:
        return line  # nothing removed: leave its slashes and spacing alone
    text = re.sub(r"(?:\s*/\s*)+(?=\s|$)", "", text)  # '/' left dangling where Hindi stood
    text = re.sub(r"(?<=\S)(?:\s*/)+\s*(?=/)", "", text)
    text = re.sub(r"^\s*/\s*", "", text)
    return re.sub(r"\s{2,}", " ", text).strip()


def _is_noise(word: str, noisy: set[str]) -> bool:
    letters = [ch for ch in word if unicodedata.category(ch)[0] in "LM"]  # M: vowel signs
    if any(script_of(ch) in noisy for ch in letters):
        return True
    # punctuation debris of a broken glyph run: '!', '%', '&' glued to control characters
    return bool(_CONTROL.search(word)) and not any(ch.isalnum() for ch in _CONTROL.sub("", word))


def has_words(text: str) -> bool:
    return any(ch.isalnum() for ch in text)
