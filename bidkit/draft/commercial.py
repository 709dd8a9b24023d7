"""The commercial volume: the tender's own required bid structure, in its order, each part filled
with company facts from the KB profile, the price, or evidence — or a visible gap."""

from __future__ import annotations

import re
from pathlib import Path

from bidkit.draft.match import (
    EvidenceSource,
    evidence_kind,
    find_evidence,
    overlap,
    project_filters,
)
from bidkit.draft.models import CommercialSection, Price, RequirementResponse, label
from bidkit.draft.respond import GapLedger
from bidkit.draft.wording import FACT_NAMES, MISSING_FACT
from bidkit.model import BidSection, CompanyProfile, ProjectRecord, ScoringItem, Tender

# Order matters: the first kind whose pattern matches the title wins.
SECTION_KINDS = (
    ("itemised", r"分项|明细|细目|itemi[sz]ed|breakdown|bill of quantit|boq"),
    ("price", (r"开标一览|报价一览|报价表|报价单|报价书|价格表|price schedule|financial (proposal|bid)|"
               r"price (bid|proposal|form)")),
    ("letter", r"(投标|响应|磋商|谈判|报价)函$|投标函|响应函|letter|submission form|bid form|tender form"),
    ("authorisation", r"授权|法定代表人.*证明|power of attorney|authori[sz]ation"),
    ("deviation", r"偏离|deviation"),
    ("projects", r"业绩|类似项目|同类项目|experience|similar (assignment|project|work)|references"),
    ("sme", r"中小企业|小微企业|msme|small enterprise"),
    ("qualification", r"资格|资质|证明文件|符合性|eligibility|qualification|registration|certificate"),
    ("technical_ref", (r"技术|服务方案|实施方案|组织方案|服务承诺|人员配备|methodology|approach|work ?plan|"
                       r"technical proposal|team composition|key (staff|personnel)")),
)

DEFAULT_SECTIONS = {
    "zh": ["投标函", "开标一览表", "分项报价表", "法定代表人授权书", "资格证明文件", "类似项目业绩表",
           "商务偏离表"],
    "en": ["Bid submission letter", "Price schedule", "Itemised price breakdown",
           "Power of attorney", "Eligibility documents", "Similar experience", "Deviation statement"],
}


def section_kind(title: str) -> str:
    lowered = title.lower().strip()
    for kind, pattern in SECTION_KINDS:
        if re.search(pattern, lowered):
            return kind
    return "generic"


class CommercialBuilder:
    """Fills each required section; collects gaps in the shared ledger."""

    def __init__(self, tender: Tender, kb: EvidenceSource, profile: CompanyProfile | None,
                 price: Price | None, ledger: GapLedger, language: str, date: str = "") -> None:
        self.tender, self.kb, self.profile, self.price = tender, kb, profile, price
        self.date = date
        self.ledger, self.language = ledger, language
        self.zh = language == "zh"

    # ---- small helpers
    def fact(self, field: str, section: str) -> str:
        """A company fact from the KB profile, or a gap marker naming what is missing."""
        value = getattr(self.profile, field, None) if self.profile else None
        if field == "name" and not self.zh and self.profile and self.profile.name_en:
            value = self.profile.name_en  # English volumes use the registered English name
        if value:
            return str(value)
        what = FACT_NAMES[self.language][field]
        gap = self.ledger.new("commercial", section, MISSING_FACT[self.language].format(what=what))
        return gap.marker(self.language)

    def price_text(self, section: str) -> str:
        if self.price:
            return self.price.phrase
        missing = "未提供投标报价（--price 或 --price-sheet）" if self.zh else \
            "no bid price given (--price or --price-sheet)"
        return self.ledger.new("commercial", section, missing).marker(self.language)

    def format_note(self, section: BidSection) -> str:
        where = section.source.where or (f"p.{section.page}" if section.page else "")
        if self.zh:
            missing = f"请按招标文件规定格式（{where}）填写本节" if where else "请按招标文件规定格式填写本节"
        else:
            missing = f"complete this section in the tender's format ({where})" if where else \
                "complete this section in the tender's format"
        return self.ledger.new("commercial", section.title, missing, section.page).marker(self.language)

    # ---- one builder per kind
    def build(self, section: BidSection, requirements: list[RequirementResponse],
              scoring: list[ScoringItem]) -> CommercialSection:
        kind = section_kind(section.title)
        out = CommercialSection(title=section.title, kind=kind)
        getattr(self, f"_{kind}")(section, out, requirements, scoring)
        return out

    def _letter(self, section, out, requirements, scoring) -> None:
        meta, t = self.tender.meta, section.title
        if self.zh:
            purchaser = meta.purchaser or meta.agency or self.ledger.new(
                "commercial", t, "招标文件未写明采购人").marker("zh")
            out.paragraphs = [
                f"致：{purchaser}",
                (f"根据贵方{meta.project_name or ''}（项目编号：{meta.project_number or '—'}）的采购文件，"
                 f"我方{self.fact('name', t)}提交投标文件。"),
                f"投标总价：{self.price_text(t)}。",
                f"法定代表人：{self.fact('legal_representative', t)}",
                f"地址：{self.fact('address', t)}  电话：{self.fact('phone', t)}",
                f"日期：{self.tender_date()}",
            ]
        else:
            out.paragraphs = [
                f"To: {meta.purchaser or meta.agency or ''}",
                f"Subject: {meta.project_name or ''} ({meta.project_number or '—'})",
                f"We, {self.fact('name', t)}, submit our bid for the above.",
                f"Total bid price: {self.price_text(t)}.",
                f"Address: {self.fact('address', t)}  Phone: {self.fact('phone', t)}",
            ]

    def tender_date(self) -> str:
        return self.date

    def _price(self, section, out, requirements, scoring) -> None:
        L, t = self.labels(), section.title
        out.rows = [{"k": L["project_name"], "v": self.tender.meta.project_name or ""},
                    {"k": L["project_number"], "v": self.tender.meta.project_number or ""},
                    {"k": L["bidder"], "v": self.fact("name", t)},
                    {"k": "投标总价" if self.zh else "Total price", "v": self.price_text(t)}]
        if self.price and self.zh:
            out.rows += [{"k": "大写", "v": self.price.in_words},
                         {"k": "小写", "v": self.price.in_figures}]

    def _itemised(self, section, out, requirements, scoring) -> None:
        if self.price and self.price.lines:
            out.rows = [{"k": line["item"], "q": line.get("quantity", ""), "v": line["amount"]}
                        for line in self.price.lines]
            out.rows.append({"k": "合计" if self.zh else "Total", "q": "", "v": self.price.phrase})
        else:
            missing = "未提供分项报价（--price-sheet）" if self.zh else "no itemised prices (--price-sheet)"
            out.paragraphs = [self.ledger.new("commercial", section.title, missing).marker(self.language)]

    def _authorisation(self, section, out, requirements, scoring) -> None:
        t = section.title
        contact = next((c.get("name") for c in (self.profile.contacts if self.profile else [])
                        if c.get("name")), None)
        authorised = contact or self.ledger.new(
            "commercial", t, MISSING_FACT[self.language].format(
                what=FACT_NAMES[self.language]["authorised"])).marker(self.language)
        L = self.labels()
        out.rows = [{"k": L["bidder"], "v": self.fact("name", t)},
                    {"k": FACT_NAMES[self.language]["credit_code"], "v": self.fact("credit_code", t)},
                    {"k": FACT_NAMES[self.language]["legal_representative"],
                     "v": self.fact("legal_representative", t)},
                    {"k": FACT_NAMES[self.language]["authorised"], "v": authorised},
                    {"k": FACT_NAMES[self.language]["address"], "v": self.fact("address", t)}]

    def _deviation(self, section, out, requirements, scoring) -> None:
        """技术偏离表 lists technical clauses, 商务偏离表 commercial ones, a plain 偏离表 both."""
        title = section.title.lower()
        technical = bool(re.search(r"技术|technical", title))
        commercial = bool(re.search(r"商务|commercial", title)) or not technical
        wanted = ({"commercial"} if commercial else set()) | (
            {"technical", "substantive", "customer_need"} if technical or not commercial else set())
        out.rows = [compliance_row(r, self.language) for r in requirements
                    if r.requirement.kind in wanted]

    def _qualification(self, section, out, requirements, scoring) -> None:
        out.rows = [compliance_row(r, self.language) for r in requirements
                    if r.requirement.kind == "qualification"]
        if not out.rows:
            out.paragraphs = [self.format_note(section)]

    def _projects(self, section, out, requirements, scoring) -> None:
        asks = next((s for s in scoring if evidence_kind(f"{s.item} {s.criteria}") == "project"), None)
        filters = project_filters(f"{asks.item} {asks.criteria}") if asks else {}
        # most similar to this tender first: what 类似项目 means to an evaluator
        wanted = (asks.criteria if asks and asks.criteria else self.tender.meta.project_name) or ""
        projects = sorted(self.kb.projects(**filters),
                          key=lambda p: -overlap(wanted, f"{p.name} {p.scope} {p.industry or ''}"))
        out.rows = [project_row(p) for p in projects[:15]]
        if asks and filters:
            rule = describe_filters(filters, self.language)
            out.paragraphs.append(("按评分要求筛选：" if self.zh else "Filtered by the scoring rule: ")
                                  + f"{asks.item}（{rule}）")
        if not projects:
            missing = "知识库中没有符合要求的类似项目业绩" if self.zh else \
                "no matching past projects in the knowledge base"
            out.paragraphs.append(self.ledger.new("commercial", section.title, missing,
                                                  section.page).marker(self.language))

    def _sme(self, section, out, requirements, scoring) -> None:
        t = section.title
        kind = self.fact("sme_type", t)
        if self.zh and not kind.endswith(("企业", "】")):
            kind += "企业"
        out.paragraphs = [f"本公司（{self.fact('name', t)}）郑重声明，本公司为{kind}。" if self.zh else
                          f"{self.fact('name', t)} declares that it is a {kind} enterprise."]

    def _technical_ref(self, section, out, requirements, scoring) -> None:
        out.paragraphs = ["本节内容见技术分册。" if self.zh else "See the technical proposal."]

    def _generic(self, section, out, requirements, scoring) -> None:
        # quote the KB only when it speaks of what the form is about (a 声明函 is not a project)
        evidence = [ev for ev in find_evidence(self.kb, section.title, k=2)
                    if overlap(section.title, ev.text) >= 0.5]
        out.paragraphs = [f"{ev.text[:300]}[{ev.id}]" for ev in evidence]
        out.paragraphs.append(self.format_note(section))

    def labels(self) -> dict:
        from bidkit.draft.wording import LABELS

        return LABELS[self.language]


def compliance_row(resp: RequirementResponse, language: str) -> dict:
    req = resp.requirement
    # the purchaser sees 满足 only when proven; anything weaker is 待确认 (the matrix keeps detail)
    status = label("met" if resp.answer.coverage == "met" else "tbc", language) \
        if req.kind == "qualification" else label(resp.deviation, language)
    gap_marker = resp.answer.gap.marker(language) if resp.answer.gap else ""
    star = req.marker if req.marker and not req.text.startswith(req.marker) else ""
    return {"clause": f"{star}{req.text}", "page": req.page or req.source.where,
            "response": f"{resp.answer.text} {gap_marker}".strip(), "status": status,
            "evidence": " ".join(f"[{ev.id}]" for ev in resp.answer.evidence),
            "substantive": req.substantive}


def project_row(p: ProjectRecord) -> dict:
    period = " ~ ".join(x for x in (p.start_date, p.end_date) if x)
    amount = f"{p.amount:,.2f}" if p.amount is not None else ""
    return {"name": p.name, "client": p.client or "", "amount": amount, "period": period,
            "industry": p.industry or "", "proof": f"{Path(p.evidence_file).name} {p.location}".strip()}


def describe_filters(filters: dict, language: str) -> str:
    parts = []
    if "since" in filters:
        parts.append(f"{filters['since']}年及以后" if language == "zh" else f"since {filters['since']}")
    if "min_amount" in filters:
        amount = f"{filters['min_amount']:,.0f}"
        parts.append(f"合同金额不低于{amount}元" if language == "zh" else f"value at least {amount}")
    return "，".join(parts) if language == "zh" else ", ".join(parts)
