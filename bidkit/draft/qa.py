"""述标 / 答辩 preparation: likely questions per scoring item, deviation, ★ item and risk, each
with a suggested answer drawn from evidence (or a gap), and who should answer; a timed outline."""

from __future__ import annotations

from bidkit.draft.match import evidence_kind
from bidkit.draft.models import Chapter, QAItem, RequirementResponse, ScoringResponse
from bidkit.draft.wording import OWNERS

MAX_PER_SOURCE = 30
PITCH_MINUTES = 15


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit] + "…"


def _answer_text(answer, language: str) -> str:
    marker = answer.gap.marker(language) if answer.gap else ""
    return f"{answer.text} {marker}".strip()


def scoring_questions(scoring: list[ScoringResponse], language: str) -> list[QAItem]:
    out = []
    for resp in scoring:
        item = resp.item
        points = f"（{item.points:g}分）" if item.points and language == "zh" else \
            f" ({item.points:g} points)" if item.points else ""
        question = (f"请介绍贵方在“{_short(item.item)}”方面的方案与实力{points}。" if language == "zh"
                    else f"How does your proposal address “{_short(item.item)}”{points}?")
        kind = evidence_kind(f"{item.item} {item.criteria}") or "technical"
        out.append(QAItem(source="scoring", question=question,
                          answer=_answer_text(resp.answer, language),
                          evidence=resp.answer.evidence, who=OWNERS[language].get(kind, ""),
                          gap=resp.answer.gap))
    return out


def requirement_questions(requirements: list[RequirementResponse], language: str) -> list[QAItem]:
    """★/substantive items first (a wrong answer there is fatal), then other open deviations."""
    starred = [r for r in requirements if r.requirement.substantive][:MAX_PER_SOURCE]
    open_items = [r for r in requirements if not r.requirement.substantive and r.deviation != "none"
                  and r.requirement.kind in ("technical", "commercial")][:MAX_PER_SOURCE]
    out = []
    for resp, source in [(r, "substantive") for r in starred] + [(r, "deviation") for r in open_items]:
        req = resp.requirement
        marker = req.marker if req.marker and not req.text.startswith(req.marker) else ""
        clause = f"{marker}{_short(req.text)}"
        if source == "substantive":
            question = (f"实质性条款“{clause}”，贵方是否完全响应？依据是什么？" if language == "zh"
                        else f"Mandatory clause “{clause}”: do you fully comply, and what proves it?")
        else:
            question = (f"招标要求“{clause}”，贵方如何保证满足？" if language == "zh"
                        else f"How will you meet “{clause}”?")
        answer = _answer_text(resp.answer, language)
        if resp.answer.coverage != "met":
            answer += (" 证据不足前请勿在答辩中承诺。" if language == "zh"
                       else " Do not commit to this in the session until it is confirmed.")
        out.append(QAItem(source=source, question=question, answer=answer.strip(),
                          evidence=resp.answer.evidence, who=resp.owner, gap=resp.answer.gap))
    return out


def risk_questions(difficulties: Chapter | None, warnings: list[str], language: str) -> list[QAItem]:
    out = []
    if difficulties is not None:
        question = ("本项目实施的主要难点是什么？贵方如何应对？" if language == "zh"
                    else "What are the main implementation risks and how will you handle them?")
        marker = difficulties.answer.gap.marker(language) if difficulties.answer and \
            difficulties.answer.gap else ""
        answer = " ".join(difficulties.paragraphs[:2]) or marker
        out.append(QAItem(source="risk", question=question, answer=answer,
                          evidence=difficulties.answer.evidence if difficulties.answer else [],
                          who=OWNERS[language]["risk"],
                          gap=difficulties.answer.gap if difficulties.answer else None))
    for warning in warnings:
        out.append(QAItem(source="risk", question=warning,
                          answer="报价须在开标前调整。" if language == "zh" else "Fix before submission.",
                          who=OWNERS[language]["price"]))
    return out


def pitch_outline(scoring: list[ScoringResponse], language: str, anonymous: bool) -> list[dict]:
    """A 15-minute 述标 outline; technical items get time in proportion to their points."""
    zh = language == "zh"
    opening = [{"part": "项目理解与总体思路" if zh else "Understanding of the assignment",
                "minutes": 2, "points": ""}]
    if not anonymous:
        opening.insert(0, {"part": "公司概况" if zh else "Company overview", "minutes": 1, "points": ""})
    closing = [{"part": "服务承诺与总结" if zh else "Commitments and summary", "minutes": 1,
                "points": ""}]
    budget = PITCH_MINUTES - sum(p["minutes"] for p in opening + closing)
    total_points = sum(s.item.points or 0 for s in scoring) or 1
    body = []
    for resp in scoring:
        share = (resp.item.points or 0) / total_points
        body.append({"part": _short(resp.item.item, 40), "minutes": round(budget * share, 1),
                     "points": f"{resp.item.points:g}" if resp.item.points else ""})
    return opening + body + closing
