"""Passages a bid shares with another bid (what evaluators' 查重 flags as 围标/串标), leaving out
text both copied from the tender's own forms."""

from __future__ import annotations

import re

from bidkit.check.bidtext import Unit, norm
from bidkit.check.model import Finding

SHINGLE = 8
MIN_CHARS = 20
SHARED = 0.7


def _sentences(units: list[Unit]) -> list[tuple[str, str, str]]:
    out = []
    for u in units:
        for piece in re.split(r"(?<=[。；！？!?;])|\s\|\s|(?<=\.)\s", u.text):
            key = norm(piece)
            if len(key) >= MIN_CHARS:
                out.append((key, piece.strip(), u.location))
    return out


def _shingles(key: str) -> set[str]:
    return {key[i:i + SHINGLE] for i in range(max(1, len(key) - SHINGLE + 1))}


def shared_passages(bid: list[Unit], other: list[Unit], tender_text: str = "") -> list[Finding]:
    index: dict[str, str] = {}
    for key, _, loc in _sentences(other):
        for sh in _shingles(key):
            index.setdefault(sh, loc)
    tender_shingles = _shingles(norm(tender_text)) if tender_text else set()
    findings: list[Finding] = []
    for key, text, loc in _sentences(bid):
        grams = _shingles(key)
        common = [sh for sh in grams if sh in index]
        if len(common) / len(grams) < SHARED:
            continue
        if tender_shingles and len(grams & tender_shingles) / len(grams) >= SHARED:
            continue  # both bids copied the tender's own text: not evidence of collusion
        other_loc = max({index[sh] for sh in common}, key=lambda l: sum(index[s] == l for s in common))
        findings.append(Finding(severity="blocker", category="similarity",
                                message="passage shared with the other bid (查重 / 串标 risk)",
                                location=loc, evidence=f"{text[:100]}  ⇄ other bid {other_loc}"))
    return findings
