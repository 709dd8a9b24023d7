"""BidDraft: everything the renderers need, decided here so renderers decide nothing.

Coverage and deviation are stored as codes; `labels()` turns them into the tender's language.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from pydantic import BaseModel, Field

from bidkit.model import (
    CompanyProfile,
    Evidence,
    ProjectRecord,
    Requirement,
    ScoringItem,
    TenderMeta,
)

Coverage = Literal["met", "partial", "unmet", "tbc"]
Deviation = Literal["none", "positive", "negative", "tbc"]

LABELS = {
    "zh": {"met": "满足", "partial": "部分满足", "unmet": "不满足", "tbc": "待确认",
           "none": "无偏离", "positive": "正偏离", "negative": "负偏离"},
    "en": {"met": "Compliant", "partial": "Partially compliant", "unmet": "Not compliant",
           "tbc": "To be confirmed", "none": "No deviation", "positive": "Positive deviation",
           "negative": "Negative deviation"},
}


def label(code: str, language: str) -> str:
    return LABELS.get(language, LABELS["zh"]).get(code, code)


class Gap(BaseModel):
    """Something a reviewer must supply or confirm; rendered as 【待确认#G3：…】 plus a comment."""

    id: str
    volume: Literal["technical", "commercial", "qa", "matrix"]
    item: str = Field(description="What the gap is about (clause, scoring item, section).")
    missing: str = Field(description="The evidence or fact that is missing.")
    page: int | None = None

    def marker(self, language: str) -> str:
        word = "待确认" if language == "zh" else "TO CONFIRM"
        colon = "：" if language == "zh" else ": "
        return f"【{word}#{self.id}{colon}{self.missing}】"


class Answer(BaseModel):
    """A response to one item: text built only from evidence, or a gap."""

    text: str = ""
    evidence: list[Evidence] = Field(default_factory=list)
    coverage: Coverage = "tbc"
    engine: Literal["extractive", "llm", "none"] = "extractive"
    gap: Gap | None = None


class RequirementResponse(BaseModel):
    requirement: Requirement
    answer: Answer
    deviation: Deviation = "tbc"
    priority: int = 9
    points: float | None = Field(None, description="Points of the scoring item it rides on.")
    custom_work: str = ""
    owner: str = ""


class ScoringResponse(BaseModel):
    item: ScoringItem
    answer: Answer
    projects: list[ProjectRecord] = Field(default_factory=list)


class Chapter(BaseModel):
    """A prose chapter (implementation plan, team, quality …) built from evidence."""

    title: str
    paragraphs: list[str] = Field(default_factory=list)
    answer: Answer | None = None


class CommercialSection(BaseModel):
    """One part of the tender's required bid structure, in the tender's order."""

    title: str
    kind: Literal["letter", "price", "itemised", "authorisation", "qualification", "projects",
                  "deviation", "sme", "technical_ref", "generic"]
    paragraphs: list[str] = Field(default_factory=list)
    rows: list[dict] = Field(default_factory=list)
    gaps: list[Gap] = Field(default_factory=list)


class QAItem(BaseModel):
    source: Literal["scoring", "deviation", "substantive", "risk"]
    question: str
    answer: str
    evidence: list[Evidence] = Field(default_factory=list)
    who: str = ""
    gap: Gap | None = None


class Price(BaseModel):
    amount: float
    currency: str = "CNY"
    in_figures: str
    in_words: str = Field(description="大写 for CNY; the figures otherwise.")
    phrase: str
    lines: list[dict] = Field(default_factory=list, description="分项报价: item, quantity, amount.")


class BidDraft(BaseModel):
    source_file: str = Field("", description="The tender file the draft answers.")
    language: Literal["zh", "en"] = "zh"
    meta: TenderMeta
    company: CompanyProfile | None = None
    anonymous: bool = False
    bidder: str = Field("", description="Company name from the KB profile, or a gap marker.")
    date: str = ""
    price: Price | None = None
    tender_scoring: list[ScoringItem] = Field(default_factory=list, description="All, price too.")
    scoring: list[ScoringResponse] = Field(default_factory=list, description="Non-price items.")
    technical_scoring: list[ScoringResponse] = Field(
        default_factory=list, description="Technical items as the technical volume shows them.")
    requirements: list[RequirementResponse] = Field(default_factory=list)
    scoring_note: str = Field("", description="A gap marker when no technical scoring item was found.")
    technical_requirements: list[RequirementResponse] = Field(
        default_factory=list, description="As the technical volume shows them (暗标: scrubbed).")
    chapters: list[Chapter] = Field(default_factory=list)
    commercial: list[CommercialSection] = Field(default_factory=list)
    qa: list[QAItem] = Field(default_factory=list)
    pitch: list[dict] = Field(default_factory=list, description="述标 outline: part, minutes, points.")
    gaps: list[Gap] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)


def map_strings(obj, fn: Callable[[str], str]):
    """A copy of a model/list/dict tree with `fn` applied to every string in it."""
    if isinstance(obj, str):
        return fn(obj)
    if isinstance(obj, BaseModel):
        return obj.model_copy(update={k: map_strings(getattr(obj, k), fn)
                                      for k in type(obj).model_fields})
    if isinstance(obj, list):
        return [map_strings(v, fn) for v in obj]
    if isinstance(obj, dict):
        return {k: map_strings(v, fn) for k, v in obj.items()}
    return obj
