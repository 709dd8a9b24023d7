"""Tender + knowledge base → BidDraft. The one entry point: build_draft()."""

from __future__ import annotations

from datetime import date

from bidkit.draft.anonymity import identity_terms, scrub, tender_requires_anonymity
from bidkit.draft.commercial import DEFAULT_SECTIONS, CommercialBuilder
from bidkit.draft.match import EmptyKB, EvidenceSource, prefetch_queries
from bidkit.draft.models import BidDraft, CommercialSection, Price
from bidkit.draft.price import price_warnings
from bidkit.draft.qa import pitch_outline, requirement_questions, risk_questions, scoring_questions
from bidkit.draft.respond import ExtractiveResponder, GapLedger
from bidkit.draft.technical import (
    answer_requirement,
    answer_scoring,
    point_to_deviation_table,
    prioritise,
    prose_chapters,
    scoring_volume,
)
from bidkit.draft.wording import FACT_NAMES, LABELS, MISSING_FACT
from bidkit.model import BidSection, Tender

RESPONDED_KINDS = ("technical", "commercial", "qualification", "substantive", "customer_need",
                   "invalid_condition")


def build_draft(tender: Tender, kb: EvidenceSource | None = None, price: Price | None = None,
                anonymous: bool = False, responder=None, today: date | None = None) -> BidDraft:
    """Assemble every part of the bid from the tender and the KB; gaps where evidence is missing."""
    kb = kb or EmptyKB()
    language = tender.language
    responder = responder or ExtractiveResponder()
    ledger = GapLedger(language)
    anonymous = anonymous or tender_requires_anonymity(tender)
    profile = kb.company_profile()
    today = today or date.today()

    scoring_items = [s for s in tender.scoring if scoring_volume(s) != "price"]
    prefetch_queries(kb, [r.text for r in tender.requirements if r.kind != "invalid_condition"]
                     + [f"{s.item} {s.criteria}".strip() for s in scoring_items])
    scoring = [answer_scoring(s, kb, responder, ledger, language,
                              "technical" if scoring_volume(s) == "technical" else "commercial")
               for s in scoring_items]
    requirements = prioritise([
        answer_requirement(r, kb, responder, ledger, language,
                           "commercial" if r.kind in ("commercial", "qualification") else "technical",
                           tender.scoring)
        for r in tender.requirements if r.kind in RESPONDED_KINDS])
    scoring = [point_to_deviation_table(s, requirements, language) for s in scoring]
    chapters = prose_chapters(tender, kb, ledger, language, responder)
    price_alarms = price_warnings(price, tender.meta, language)
    warnings = price_alarms + _missing_input_warnings(tender, price, profile, language)

    builder = CommercialBuilder(tender, kb, profile, price, ledger, language, today.isoformat())
    commercial = [builder.build(s, requirements, tender.scoring) for s in _bid_sections(tender)]
    commercial += _commercial_scoring_section(scoring, language)

    technical_scoring = [s for s in scoring if scoring_volume(s.item) == "technical"]
    technical_reqs = [r for r in requirements if r.requirement.kind not in
                      ("commercial", "qualification", "invalid_condition")]
    if anonymous:  # scrub the technical volume as a whole: quotes and file names included
        terms = identity_terms(profile, kb.records("person"))
        technical_scoring, technical_reqs, chapters = scrub(
            [technical_scoring, technical_reqs, chapters], terms, language)
    difficulties = next((c for c in chapters if c.title == _risk_title(language)), None)
    qa = (scoring_questions(scoring, language) + requirement_questions(requirements, language)
          + risk_questions(difficulties, price_alarms, language))
    return BidDraft(
        source_file=tender.source_file, language=language, meta=tender.meta, company=profile,
        anonymous=anonymous, bidder=_bidder(profile, ledger, language), date=today.isoformat(),
        price=price, tender_scoring=tender.scoring, scoring=scoring,
        technical_scoring=technical_scoring,
        scoring_note=_scoring_note(technical_scoring, ledger, language),
        requirements=requirements, technical_requirements=technical_reqs, chapters=chapters,
        commercial=commercial, qa=qa, pitch=pitch_outline(scoring, language, anonymous),
        gaps=ledger.gaps, warnings=warnings)


def _missing_input_warnings(tender: Tender, price: Price | None, profile, language: str) -> list[str]:
    zh = language == "zh"
    out = []
    if price is None:
        out.append("未提供投标报价：商务分册中的报价为待确认。" if zh
                   else "no bid price given: prices in the commercial volume are gaps.")
    if profile is None:
        out.append("知识库中没有公司资料：公司信息均为待确认。" if zh else
                   "the knowledge base has no company profile: company facts are gaps.")
    if not tender.bid_sections:
        out.append("招标文件未列出投标文件格式，商务分册使用默认结构。" if zh else
                   "the tender lists no bid structure; the commercial volume uses a default.")
    return out


def _bid_sections(tender: Tender) -> list[BidSection]:
    """The tender's required bid structure, or a default one when it lists none."""
    return tender.bid_sections or [BidSection(title=t, order=i) for i, t in
                                   enumerate(DEFAULT_SECTIONS[tender.language], 1)]


def _bidder(profile, ledger: GapLedger, language: str) -> str:
    """The company name (English name for English volumes) from the KB profile, or a gap."""
    name = None
    if profile is not None:
        name = (profile.name_en or profile.name) if language == "en" else profile.name
    if name:
        return name
    missing = MISSING_FACT[language].format(what=FACT_NAMES[language]["name"])
    return ledger.new("commercial", "bidder", missing).marker(language)


def _scoring_note(technical_scoring: list, ledger: GapLedger, language: str) -> str:
    if technical_scoring:
        return ""
    missing = ("未识别出技术评分项，请对照招标文件评分办法补充本章" if language == "zh" else
               "no technical evaluation criteria were found; complete this chapter from the tender")
    return ledger.new("technical", LABELS[language]["scoring_chapter"], missing).marker(language)


def _risk_title(language: str) -> str:
    from bidkit.draft.wording import CHAPTERS

    return next(title for key, title, _ in CHAPTERS[language] if key == "risks")


def _commercial_scoring_section(scoring, language: str) -> list[CommercialSection]:
    """商务评分点 (业绩, 资信 …) answered in the commercial volume, after the required structure."""
    items = [s for s in scoring if scoring_volume(s.item) == "commercial"]
    if not items:
        return []
    section = CommercialSection(title=LABELS[language]["scoring_commercial"], kind="generic")
    for resp in items:
        points = f"（{resp.item.points:g}分）" if resp.item.points else ""
        marker = resp.answer.gap.marker(language) if resp.answer.gap else ""
        section.paragraphs.append(f"{resp.item.item}{points}：{resp.answer.text} {marker}".strip())
    return [section]
