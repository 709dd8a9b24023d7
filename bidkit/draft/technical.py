"""The technical parts of a BidDraft: scoring-item chapters, point-by-point responses, prose
chapters (plan, team, schedule … difficulties), each built from retrieved evidence only."""

from __future__ import annotations

import re

from bidkit.draft.match import (
    EvidenceSource,
    evidence_kind,
    find_evidence,
    overlap,
    project_filters,
    terms,
)
from bidkit.draft.models import Answer, Chapter, RequirementResponse, ScoringResponse
from bidkit.draft.respond import GapLedger, best_sentences
from bidkit.draft.wording import CHAPTERS, DIFFICULTY_WORDS, OWNERS
from bidkit.model import Evidence, ProjectRecord, Requirement, ScoringItem, Tender

PRICE_WORDS = ("价格", "报价", "price", "financial", "cost", "fee")
COMMERCIAL_WORDS = ("商务", "commercial", "资信", "信誉")


def scoring_volume(item: ScoringItem) -> str:
    """'price', 'commercial' or 'technical', from the tender's own category (and item) words."""
    text = f"{item.category} {item.item}".lower()
    if any(w in item.category.lower() for w in PRICE_WORDS) or item.item.strip() in ("报价分", "价格分"):
        return "price"
    if any(w in text for w in COMMERCIAL_WORDS):
        return "commercial"
    return "technical"


def answer_scoring(item: ScoringItem, kb: EvidenceSource, responder, ledger: GapLedger,
                   language: str, volume: str) -> ScoringResponse:
    question = f"{item.item} {item.criteria}".strip()
    kind = evidence_kind(question)
    filters = project_filters(item.criteria or item.item) if kind == "project" else {}
    evidence = find_evidence(kb, question, k=4, kind=kind, **filters)
    if kind and not evidence:  # a kind filter may be too strict: fall back to everything
        evidence = find_evidence(kb, question, k=4)
    projects = kb.projects(**filters)[:10] if kind == "project" else []
    evidence = _merge(evidence, [project_evidence(p, language) for p in projects])
    answer = responder.answer(question, evidence, language, ledger, volume, item.page, claim=False)
    return ScoringResponse(item=item, answer=answer, projects=projects)


def project_evidence(project: ProjectRecord, language: str) -> Evidence:
    """A structured 业绩 record as quotable evidence: name, client, amount, period."""
    parts = [project.name, project.client or "",
             f"{project.amount:,.0f} {project.currency or ''}".strip() if project.amount else "",
             " ~ ".join(x for x in (project.start_date, project.end_date) if x)]
    sep = "，" if language == "zh" else ", "
    return Evidence(id=project.id, kind="project", text=sep.join(p for p in parts if p) + "。",
                    source=project.evidence_file, location=project.location, score=1.0)


def _merge(first: list[Evidence], second: list[Evidence]) -> list[Evidence]:
    seen = {e.id for e in first}
    return first + [e for e in second if e.id not in seen]


def points_riding_on(text: str, scoring: list[ScoringItem]) -> float | None:
    """Points of the scoring item this requirement most resembles (None when none does)."""
    best, best_points = 0.25, None
    for item in scoring:
        score = overlap(item.item + item.criteria, text)
        if score > best:
            best, best_points = score, item.points
    return best_points


SELF_CHECK = {"zh": "自查项：提交前确认投标文件未触发本条。",
              "en": "Self-check: confirm before submission that the bid does not trigger this."}


def answer_requirement(req: Requirement, kb: EvidenceSource, responder, ledger: GapLedger,
                       language: str, volume: str, scoring: list[ScoringItem]) -> RequirementResponse:
    if req.kind == "invalid_condition":  # a condition to avoid, not a claim to prove
        answer = Answer(text=SELF_CHECK[language], coverage="tbc", engine="none")
    else:
        evidence = find_evidence(kb, req.text, k=3)
        if req.kind == "qualification":  # licences and certificates prove eligibility best
            evidence = _merge(find_evidence(kb, req.text, k=2, kind="certificate"), evidence)[:3]
        answer = responder.answer(req.text, evidence, language, ledger, volume, req.page)
    deviation = "none" if answer.coverage == "met" else "tbc"
    custom = ""
    if req.kind in ("technical", "customer_need") and answer.coverage != "met":
        custom = "需评估是否二次开发" if language == "zh" else "assess custom work"
    return RequirementResponse(requirement=req, answer=answer, deviation=deviation,
                               points=points_riding_on(req.text, scoring), custom_work=custom,
                               owner=OWNERS[language].get(req.kind, ""))


def prioritise(responses: list[RequirementResponse]) -> list[RequirementResponse]:
    """Priority 1 ★/substantive, 2 riding on ≥10 points, 3 on some points, 4 the rest.
    The list keeps the tender's order (deviation tables follow the tender); the matrix sorts."""
    return [resp.model_copy(update={"priority": _priority_level(resp)}) for resp in responses]


def _priority_level(resp: RequirementResponse) -> int:
    if resp.requirement.substantive:
        return 1
    if (resp.points or 0) >= 10:
        return 2
    return 3 if resp.points else 4


def _quote_paragraphs(query: str, evidence: list[Evidence], language: str) -> list[str]:
    return [f"{best_sentences(query, ev.text, n=3, max_chars=400)}[{ev.id}]" for ev in evidence]


def team_chapter(title: str, query: str, kb: EvidenceSource, tender: Tender, ledger: GapLedger,
                 language: str) -> Chapter:
    people = find_evidence(kb, f"{tender.meta.project_name or ''} {query}", k=6, kind="person")
    if not people:
        people = kb.records("person")[:6]
    paragraphs = []
    for person in people:
        name = person.metadata.get("name") or ""
        role = person.metadata.get("role") or person.metadata.get("title") or ""
        head = "：".join(x for x in (name, role) if x) if language == "zh" else \
            ", ".join(x for x in (name, role) if x)
        sep = "：" if language == "zh" else ": "
        paragraphs.append(f"{head}{sep if head else ''}{best_sentences(query, person.text, 2)}"
                          f"[{person.id}]")
    return _chapter(title, paragraphs, people, ledger, language, tender)


def difficulties_chapter(title: str, query: str, kb: EvidenceSource, tender: Tender,
                         ledger: GapLedger, language: str) -> Chapter:
    """Difficulties seen in similar past projects and how they were handled, quoted."""
    context = f"{tender.meta.project_name or ''} {query}"
    evidence = find_evidence(kb, context, k=6)
    paragraphs = []
    for ev in evidence:
        sentences = best_sentences(query, ev.text, n=3, max_chars=400)
        if any(w in sentences.lower() for w in DIFFICULTY_WORDS):
            paragraphs.append(f"{sentences}[{ev.id}]")
    used = [ev for ev in evidence if f"[{ev.id}]" in "".join(paragraphs)]
    return _chapter(title, paragraphs, used, ledger, language, tender)


def _chapter(title: str, paragraphs: list[str], evidence: list[Evidence], ledger: GapLedger,
             language: str, tender: Tender) -> Chapter:
    gap = None
    if not paragraphs:
        missing = ("知识库中没有可引用的材料，请补充本章内容" if language == "zh"
                   else "nothing in the knowledge base to quote; write this chapter")
        gap = ledger.new("technical", title, missing)
    answer = Answer(text="", evidence=evidence, coverage="partial" if paragraphs else "tbc",
                    gap=gap)
    return Chapter(title=title, paragraphs=paragraphs, answer=answer)


def prose_chapters(tender: Tender, kb: EvidenceSource, ledger: GapLedger, language: str,
                   responder=None) -> list[Chapter]:
    chapters = []
    for key, title, query in CHAPTERS[language]:
        if key == "team":
            chapter = team_chapter(title, query, kb, tender, ledger, language)
        elif key == "risks":
            chapter = difficulties_chapter(title, query, kb, tender, ledger, language)
        else:
            context = f"{tender.meta.project_name or ''} {query}"
            evidence = [ev for ev in find_evidence(kb, context, k=3) if terms(query) & terms(ev.text)]
            chapter = _chapter(title, _quote_paragraphs(query, evidence, language), evidence,
                               ledger, language, tender)
        chapters.append(_with_narrative(chapter, tender, responder, ledger, language))
    return chapters


def _with_narrative(chapter: Chapter, tender: Tender, responder, ledger: GapLedger,
                    language: str) -> Chapter:
    """With an LLM, a grounded narrative opens the chapter; the quotes stay as its proof."""
    evidence = chapter.answer.evidence if chapter.answer else []
    if not getattr(responder, "writes_prose", False) or not evidence:
        return chapter
    item = f"{chapter.title}（{tender.meta.project_name or ''}）"
    answer = responder.answer(item, evidence, language, ledger, "technical", claim=False)
    if answer.engine != "llm":
        return chapter
    return chapter.model_copy(update={"paragraphs": [answer.text, *chapter.paragraphs]})


_ABOUT_DEVIATIONS = re.compile(r"技术参数|参数响应|偏离|deviation|compliance (with|to) (the )?(technical )?spec",
                               re.IGNORECASE)


def point_to_deviation_table(resp: ScoringResponse, requirements: list[RequirementResponse],
                             language: str) -> ScoringResponse:
    """A scoring item that scores the parameter responses is answered by the deviation table:
    say so, with the honest count, instead of quoting unrelated evidence."""
    if not _ABOUT_DEVIATIONS.search(f"{resp.item.item} {resp.item.criteria}"):
        return resp
    technical = [r for r in requirements if r.requirement.kind in ("technical", "substantive")]
    if not technical:
        return resp
    met = sum(r.deviation == "none" for r in technical)
    text = (f"逐条响应见“技术要求逐条响应及技术偏离表”：共{len(technical)}条，其中{met}条有知识库证据（无偏离），"
            f"{len(technical) - met}条待确认。" if language == "zh" else
            f"See the point-by-point compliance table: {len(technical)} clauses, {met} proven by "
            f"knowledge-base evidence, {len(technical) - met} to be confirmed.")
    if resp.answer.gap is not None:
        resp.answer.gap.missing = ("见偏离表中各条待确认项" if language == "zh"
                                   else "see the open items of the compliance table")
    answer = resp.answer.model_copy(update={"text": text, "evidence": [], "coverage": "partial"})
    return resp.model_copy(update={"answer": answer})
