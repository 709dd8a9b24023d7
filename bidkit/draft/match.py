"""Requirement → evidence: ask the knowledge base, then decide honestly how well it covers.

Retrieval scores alone do not prove compliance, so `met` needs a strong hit that also shares the
requirement's key terms and every figure it states (人数, 小时, 年限 …). Anything weaker is
`partial` (related evidence, not proof) or `tbc` (nothing found); neither may be written as 满足.
"""

from __future__ import annotations

import functools
import re
from datetime import date
from typing import Protocol

from bidkit.model import CompanyProfile, Evidence, ProjectRecord

RELEVANT_SCORE = 0.30  # below this a hit is noise
STRONG_SCORE = 0.55  # a hit this close may prove the requirement if terms and figures agree
TERM_OVERLAP = 0.30  # share of the requirement's terms the evidence must contain


class EvidenceSource(Protocol):
    """The part of bidkit.kb.KnowledgeBase that drafting uses."""

    def search(self, query: str, k: int = 5, kind: str | None = None, since: int | None = None,
               min_amount: float | None = None, industry: str | None = None) -> list[Evidence]: ...

    def projects(self, since: int | None = None, min_amount: float | None = None,
                 industry: str | None = None) -> list[ProjectRecord]: ...

    def records(self, kind: str) -> list[Evidence]: ...

    def company_profile(self) -> CompanyProfile | None: ...


class EmptyKB:
    """Used when no knowledge base exists: every claim becomes a visible gap."""

    def search(self, query: str, k: int = 5, **filters) -> list[Evidence]:
        return []

    def projects(self, **filters) -> list[ProjectRecord]:
        return []

    def records(self, kind: str) -> list[Evidence]:
        return []

    def company_profile(self) -> CompanyProfile | None:
        return None


_NOT_CJK = re.compile(r"[^\u4e00-\u9fff]+")
_WORD = re.compile(r"[a-z][a-z0-9\-]{2,}")
_LEADING_NUMBER = re.compile(r"^[\s★▲●■◆*#（(]*(?:\d+(?:[.．]\d+)*|[一二三四五六七八九十]+|[a-z])[\s.、．)）:：]+",
                             re.IGNORECASE)
_FIGURE = re.compile(r"\d+(?:\.\d+)?")
_STOP = {"the", "and", "for", "with", "shall", "must", "will", "should", "bidder", "tenderer",
         "provide", "including", "all", "any", "are", "that", "this", "its", "has", "have"}


def strip_numbering(text: str) -> str:
    return _LEADING_NUMBER.sub("", text.strip(), count=1)


@functools.lru_cache(maxsize=4096)
def terms(text: str) -> frozenset[str]:
    """Character bigrams of the Chinese text plus English words: language-neutral and fast."""
    text = strip_numbering(text).lower()
    grams = {w[i:i + 2] for w in _NOT_CJK.split(text) for i in range(len(w) - 1)}
    return frozenset(grams | {w for w in _WORD.findall(text) if w not in _STOP})


# "| 套 | 1 |" in a procurement list is how many to deliver, not a figure evidence must show
_QUANTITY_CELL = re.compile(r"\|\s*(?:套|台|项|个|批|件|株|次|人|sets?|lots?|units?|nos?\.?|each)\s*\|\s*\d+\s*(?=\|)",
                            re.IGNORECASE)


def figures_in(text: str) -> set[str]:
    return set(_FIGURE.findall(_QUANTITY_CELL.sub("|", strip_numbering(text))))


def overlap(needle: str, haystack: str) -> float:
    wanted = terms(needle)
    return len(wanted & terms(haystack)) / len(wanted) if wanted else 0.0


def coverage_of(requirement_text: str, evidence: list[Evidence]) -> str:
    """met / partial / tbc for one requirement given its retrieved evidence."""
    relevant = [e for e in evidence if e.score >= RELEVANT_SCORE]
    if not relevant:
        return "tbc"
    wanted_figures = figures_in(requirement_text)
    for ev in relevant:
        if ev.score < STRONG_SCORE or overlap(requirement_text, ev.text) < TERM_OVERLAP:
            continue
        if wanted_figures <= figures_in(ev.text):
            return "met"
    return "partial"


_KIND_HINTS = (
    ("project", ("业绩", "类似项目", "同类项目", "案例", "experience", "similar project", "references")),
    ("person", ("人员", "团队", "项目经理", "负责人", "工程师", "personnel", "team", "staff", "expert")),
    ("certificate", ("证书", "认证", "资质", "iso", "certificat", "accredit", "licen")),
)


def evidence_kind(text: str) -> str | None:
    """Which KB record kind a scoring item asks about, from its own words."""
    lowered = text.lower()
    for kind, hints in _KIND_HINTS:
        if any(h in lowered for h in hints):
            return kind
    return None


_RECENT_YEARS = re.compile(r"(?:近|最近|过去)\s*([一二三四五六七八九十\d]+)\s*年|(?:last|past)\s+(\w+)\s+years", re.IGNORECASE)
_MIN_AMOUNT = re.compile(
    r"(?:不低于|不少于|大于|超过|以上|≥|>=|at least|minimum of|not less than)\s*(?:人民币|rs\.?|inr|usd|\$)?\s*"
    r"([\d,.]+)\s*(万元|万|亿元|元|crore|lakh|million)?", re.IGNORECASE)
_NUMERALS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
             "十": 10, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
             "eight": 8, "nine": 9, "ten": 10}
_SCALE = {"万元": 1e4, "万": 1e4, "亿元": 1e8, "元": 1, "crore": 1e7, "lakh": 1e5, "million": 1e6}


def _number(word: str) -> int | None:
    word = word.lower()
    return int(word) if word.isdigit() else _NUMERALS.get(word)


_SINCE_YEAR = re.compile(r"(20\d\d)\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?\s*(?:以来|之后|以后|至今|起)|"
                         r"(?:since|after|from)\s+(?:\w+\s+)?(?:\d{1,2},?\s+)?(20\d\d)", re.IGNORECASE)


def project_filters(text: str, today: date | None = None) -> dict:
    """近三年 / 'last five years' / 自2022年1月1日以来 → since; '不低于500万元' → min_amount."""
    filters: dict = {}
    found = _RECENT_YEARS.search(text)
    if found and (years := _number(found.group(1) or found.group(2))):
        filters["since"] = (today or date.today()).year - years
    elif since := _SINCE_YEAR.search(text):
        filters["since"] = int(since.group(1) or since.group(2))
    amount = _MIN_AMOUNT.search(text)
    if amount:
        try:
            value = float(amount.group(1).replace(",", ""))
        except ValueError:
            value = 0.0
        if value > 0:
            filters["min_amount"] = value * _SCALE.get((amount.group(2) or "元").lower(), 1)
    return filters


def find_evidence(kb: EvidenceSource, query: str, k: int = 4, kind: str | None = None,
                  **filters) -> list[Evidence]:
    """Relevant evidence for a query, best first; empty when nothing clears the noise floor."""
    hits = kb.search(query[:QUERY_CHARS], k=k, kind=kind, **filters)
    return [e for e in sorted(hits, key=lambda e: -e.score) if e.score >= RELEVANT_SCORE]


QUERY_CHARS = 300


class _PrefetchedEmbedder:
    """The KB's embedder with some vectors computed ahead in one batch."""

    def __init__(self, inner, vectors: dict) -> None:
        self.inner, self.vectors = inner, vectors
        self.name = getattr(inner, "name", "")

    def embed(self, texts: list[str]):
        import numpy as np

        if not texts:
            return self.inner.embed(texts)
        missing = [t for t in dict.fromkeys(texts) if t not in self.vectors]
        if missing:
            self.vectors.update(zip(missing, self.inner.embed(missing)))
        return np.stack([self.vectors[t] for t in texts])


def prefetch_queries(kb: EvidenceSource, queries: list[str]) -> None:
    """Embed every query of a draft in one batch — several times faster than one call per
    search — when the KB exposes its embedder (bidkit.kb does); otherwise do nothing."""
    store = getattr(kb, "store", None)
    embedder = getattr(store, "embedder", None)
    if embedder is None or isinstance(embedder, _PrefetchedEmbedder) or not hasattr(embedder, "embed"):
        return
    unique = list(dict.fromkeys(q[:QUERY_CHARS] for q in queries if q.strip()))
    if not unique:
        return
    store.embedder = _PrefetchedEmbedder(embedder, dict(zip(unique, embedder.embed(unique))))
