"""The one vocabulary every part of bidkit speaks: a Tender, its requirements and scoring,
and (for kb and draft) the evidence that answers them.

The JSON of `bidkit parse --json` is `Tender.to_contract()`: the fields the corpus scorer reads
(see ../shared/corpus/README.md) plus bidkit's own. Adding fields is fine; renaming is not.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

RequirementKind = Literal[
    "qualification",  # 资格要求 / eligibility
    "technical",  # 技术要求 / technical specification
    "commercial",  # 商务要求 / commercial terms
    "invalid_condition",  # 无效投标 / 废标 / 否决投标 / grounds for rejection
    "substantive",  # a marked or blanket-mandatory clause that fits no other kind
    "customer_need",  # from customer notes (emails, minutes)
]


class SourceRef(BaseModel):
    """Where an item came from, so a reviewer can check it in seconds."""

    page: int | None = Field(None, description="1-based PDF page.")
    paragraph: int | None = Field(None, description="1-based DOCX paragraph number.")
    section: str | None = Field(None, description="The chapter/section heading it sits under.")
    quote: str = Field("", description="The verbatim text of the clause (trimmed).")

    @property
    def where(self) -> str:
        if self.page is not None:
            return f"p.{self.page}"
        if self.paragraph is not None:
            return f"¶{self.paragraph}"
        return ""


class TenderMeta(BaseModel):
    project_name: str | None = None
    project_number: str | None = None
    purchaser: str | None = None
    agency: str | None = None
    procedure: str | None = Field(None, description="公开招标 / 竞争性磋商 / RFP / RFQ …")
    budget: float | None = Field(None, description="In units of `currency` (万元 already × 10000).")
    max_price: float | None = Field(None, description="最高限价 / ceiling price.")
    currency: str | None = None
    deadline: str | None = Field(None, description="Submission deadline, ISO local YYYY-MM-DDTHH:MM.")
    opening: str | None = Field(None, description="Bid opening, ISO local YYYY-MM-DDTHH:MM.")
    deposit: float | None = Field(None, description="投标保证金 / bid security amount.")
    lots: int | None = None
    sources: dict[str, SourceRef] = Field(
        default_factory=dict, description="Where each meta field was found."
    )


class Requirement(BaseModel):
    """One clause the bid must satisfy (or, for invalid_condition, must avoid)."""

    id: str = Field("", description="Stable id within the tender, e.g. 'Q3', 'S12'.")
    kind: RequirementKind
    text: str
    substantive: bool = False
    marker: str | None = Field(None, description="The marker that flags it (★, ▲ …) if any.")
    page: int | None = None
    source: SourceRef = Field(default_factory=SourceRef)
    priority: int | None = Field(None, description="Lower is more important (for matrices).")


class ScoringItem(BaseModel):
    category: str = Field("", description="技术 / 商务 / 价格 / technical / financial …")
    item: str
    points: float | None = None
    criteria: str = ""
    page: int | None = None
    source: SourceRef = Field(default_factory=SourceRef)


class BidSection(BaseModel):
    title: str
    order: int
    page: int | None = None
    source: SourceRef = Field(default_factory=SourceRef)


class Tender(BaseModel):
    """Everything `bidkit parse` knows about one tender."""

    source_file: str = ""
    language: Literal["zh", "en"] = "zh"
    is_tender: bool = True
    meta: TenderMeta = Field(default_factory=TenderMeta)
    marker_legend: dict[str, str] = Field(default_factory=dict)
    requirements: list[Requirement] = Field(default_factory=list)
    scoring: list[ScoringItem] = Field(default_factory=list)
    scoring_total: float | None = Field(None, description="The total the tender states (e.g. 100).")
    bid_sections: list[BidSection] = Field(default_factory=list)
    anonymous: bool = Field(False, description="暗标: the technical volume must not show identity.")
    warnings: list[str] = Field(default_factory=list)
    amendments: list[str] = Field(default_factory=list, description="Amendment files applied.")
    kind: Literal["tender", "notes"] = Field("tender", description="A tender, or customer notes.")
    open_questions: list[Requirement] = Field(
        default_factory=list, description="Questions to clarify with the customer (from notes)."
    )

    def by_kind(self, kind: RequirementKind) -> list[Requirement]:
        return [r for r in self.requirements if r.kind == kind]

    @property
    def substantive(self) -> list[Requirement]:
        return [r for r in self.requirements if r.substantive]

    def to_contract(self) -> dict:
        """The JSON `bidkit parse --json` prints (the scorer's contract plus our fields)."""
        return self.model_dump(mode="json")


# ---- knowledge base and drafting vocabulary (used by kb/ and draft/) ----

EvidenceKind = Literal["project", "certificate", "person", "capability", "answer", "profile", "other"]


class Evidence(BaseModel):
    """A piece of the knowledge base that can back a claim in a bid."""

    id: str
    kind: EvidenceKind = "other"
    text: str
    source: str = Field("", description="File the evidence came from.")
    location: str = Field("", description="Page, paragraph or row within the source.")
    score: float = 0.0
    metadata: dict = Field(default_factory=dict)

    @property
    def citation(self) -> str:
        where = f" {self.location}" if self.location else ""
        return f"[{self.id}] {self.source}{where}"


class ProjectRecord(BaseModel):
    """One past project (业绩) as a structured record, from an 业绩表 row or a case study."""

    id: str
    name: str
    client: str | None = None
    amount: float | None = Field(None, description="Contract amount in units of `currency`.")
    currency: str | None = "CNY"
    start_date: str | None = Field(None, description="ISO date YYYY-MM-DD (签订/开始).")
    end_date: str | None = Field(None, description="ISO date YYYY-MM-DD (完成/验收).")
    industry: str | None = None
    scope: str = ""
    contact: str | None = None
    evidence_file: str = Field("", description="The KB file the record came from.")
    location: str = Field("", description="Row, page or paragraph within evidence_file.")


class CompanyProfile(BaseModel):
    """The bidder's own facts. Drafts take these from the KB, never invent them."""

    name: str | None = None
    name_en: str | None = None
    credit_code: str | None = Field(None, description="统一社会信用代码.")
    legal_representative: str | None = None
    address: str | None = None
    phone: str | None = None
    email: str | None = None
    bank: str | None = None
    bank_account: str | None = None
    contacts: list[dict] = Field(default_factory=list)
    sme_type: str | None = Field(None, description="中小企业类型: 小型/微型/中型 …")
    source: str = ""
