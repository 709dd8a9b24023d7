"""Tender + final bid + KB (+ customer notes) → Handover. Extractive: every line quotes the tender,
the bid or the KB and says where; suggestions are labelled as such."""

from __future__ import annotations

import re

from bidkit.check.bidtext import Unit, UnitIndex, bigrams, norm, units_of
from bidkit.check.rules import PENDING, _status
from bidkit.document import Document
from bidkit.handover.model import Handover, HandoverItem
from bidkit.model import Tender

_CUSTOM = re.compile(r"二次开发|定制开发|定制化|个性化开发|custom(?:i[sz]ation| development)|bespoke", re.IGNORECASE)
_POSITIVE = re.compile(r"正偏离|优于|超出招标|exceeds? the requirement", re.IGNORECASE)
_PROMISE = re.compile(r"\d+\s*(?:个)?(?:分钟|小时|工作日|日历天|天|日|周|个月|月|年)\s*(?:内|之内|以内|响应|到场|到达|完成|"
                      r"交付|上线|免费)|质保期|免费(?:维护|升级|培训)|驻场|7\s*[×x*]\s*24|\bwithin \d+ "
                      r"(?:hours|days|weeks|months)\b|on-site support|warranty", re.IGNORECASE)
_STAFF = re.compile(r"项目经理|项目负责人|技术负责人|实施工程师|架构师|驻场工程师|project manager|team leader", re.IGNORECASE)
_LESSON = re.compile(r"问题记录|教训|延期|延迟|返工|投诉|缺失|失真|遗漏|事故|故障|补录|lesson|problem|incident|"
                     r"delay|overr?an|rework|complain", re.IGNORECASE)
_DIFFICULTY = re.compile(r"难点|挑战|应对|对策|措施|风险|difficult|challenge|mitigat", re.IGNORECASE)
_DURATION = re.compile(r"(?:工期|交付期|供货期|服务期限?|合同履行期限|实施周期|建设周期|项目周期|completion period|"
                       r"contract period|duration)[^。；;\n\d]{0,15}?(\d+)\s*(个月|日历天|天|日|年|周|months?|"
                       r"days|weeks|years?)", re.IGNORECASE)
_CONTACT = re.compile(r"(联系人|联\s*系\s*人|Contact(?: person)?)\s*[:：]\s*([^\s，,；;:：]{2,20})"
                      r"(?:[^\n]{0,30}?(?:电话|Tel|Phone)\s*[:：]?\s*([\d\-—()（） ]{7,20}))?", re.IGNORECASE)
_PHASES_ZH = (("项目启动与进场", 0.05), ("需求调研与确认", 0.15), ("方案设计与开发/配置", 0.35),
              ("集成与测试", 0.20), ("上线与试运行", 0.15), ("验收与移交运维", 0.10))
_PHASES_EN = (("Kick-off and mobilisation", 0.05), ("Requirements confirmation", 0.15),
              ("Design and build/configuration", 0.35), ("Integration and testing", 0.20),
              ("Go-live and trial operation", 0.15), ("Acceptance and handover", 0.10))


def _days(amount: int, unit: str) -> int:
    unit = unit.lower()
    if unit.startswith(("个月", "month")):
        return amount * 30
    if unit.startswith(("年", "year")):
        return amount * 365
    if unit.startswith(("周", "week")):
        return amount * 7
    return amount


def background(tender: Tender, tender_text: str) -> list[HandoverItem]:
    m, zh = tender.meta, tender.language == "zh"
    rows = [("项目名称" if zh else "Project", m.project_name), ("项目编号" if zh else "Number", m.project_number),
            ("采购人" if zh else "Purchaser", m.purchaser), ("代理机构" if zh else "Agency", m.agency),
            ("采购方式" if zh else "Procedure", m.procedure),
            ("预算" if zh else "Budget", f"{m.budget:,.2f} {m.currency or ''}" if m.budget else None),
            ("最高限价" if zh else "Ceiling price", f"{m.max_price:,.2f}" if m.max_price else None),
            ("投标截止" if zh else "Deadline", m.deadline), ("开标" if zh else "Opening", m.opening)]
    items = [HandoverItem(text=f"{label}: {value}", kind="fact",
                          source=m.sources[key].where if key in m.sources else "")
             for (label, value), key in zip(rows, ("project_name", "project_number", "purchaser", "agency",
                                                   "procedure", "budget", "max_price", "deadline", "opening"))
             if value]
    seen = set()
    for c in _CONTACT.finditer(tender_text):
        text = f"{'联系人' if zh else 'Contact'}: {c.group(2)}" + (f" {c.group(3).strip()}" if c.group(3) else "")
        if text not in seen and len(seen) < 6:
            seen.add(text)
            items.append(HandoverItem(text=text, kind="contact", source="tender"))
    return items


def confirmed(tender: Tender, index: UnitIndex | None, notes: list[Tender]) -> list[HandoverItem]:
    order = {"substantive": 0, "qualification": 3, "technical": 1, "commercial": 2}
    reqs = sorted((r for r in tender.requirements if r.kind != "invalid_condition"),
                  key=lambda r: (not r.substantive, order.get(r.kind, 4)))
    items = []
    for r in reqs:
        status = "in tender"
        if index is not None:
            unit, score = index.best(r.text)
            status = _status(unit)[0] if unit is not None and score >= 0.6 else "not found in bid"
        where = r.source.where or ""
        items.append(HandoverItem(text=f"{'★ ' if r.substantive else ''}{r.text}", kind=r.kind,
                                  source=f"{tender.source_file} {where}".strip(), status=status))
    for note in notes:
        for r in note.requirements:
            items.append(HandoverItem(text=r.text, kind="customer_need", status=f"P{r.priority}",
                                      source=f"{note.source_file} {r.source.where}".strip()))
    return items


def _quotes_tender(text: str, tender_grams: set[str]) -> bool:
    grams = bigrams(norm(text))
    return bool(tender_grams) and len(grams & tender_grams) / len(grams) >= 0.8


def commitments(units: list[Unit], staff_names: list[str], tender_text: str = "") -> list[HandoverItem]:
    """What the bid itself promises (not what it quotes from the tender, not its evidence index)."""
    tender_grams = bigrams(norm(tender_text)) if tender_text else set()
    items, seen = [], set()
    for u in units:
        if re.match(r"^\s*(?:依据\s*)?\[E\d+\]", u.text) or _quotes_tender(u.text, tender_grams):
            continue
        positive = (any(_POSITIVE.fullmatch(c.strip()) for c in u.cells) if u.cells
                    else bool(_POSITIVE.search(u.text)) and "负偏离" not in u.text)
        kind = ("positive_deviation" if positive else
                "custom_work" if _CUSTOM.search(u.text) else
                "named_staff" if (u.cells and _STAFF.search(u.text)) or any(n in u.text for n in staff_names)
                else "promised_time_or_service" if _PROMISE.search(u.text) else None)
        if kind and u.text not in seen and not PENDING.search(u.text):
            seen.add(u.text)
            items.append(HandoverItem(text=u.text[:300], kind=kind, source=f"bid {u.location}"))
    return items


def clarifications(tender: Tender, units: list[Unit], notes: list[Tender]) -> list[HandoverItem]:
    items = [HandoverItem(text=w, kind="tender", source=tender.source_file) for w in tender.warnings]
    for u in units:
        for m in re.finditer(r"【\s*待确认[^】]*】", u.text):
            items.append(HandoverItem(text=m.group(0), kind="bid_gap", source=f"bid {u.location}"))
    for note in notes:
        items += [HandoverItem(text=q.text, kind="customer_question",
                               source=f"{note.source_file} {q.source.where}".strip()) for q in note.open_questions]
    return items


def _kb_quotes(kb, queries: list[str], pattern: re.Pattern, limit: int = 8) -> list[HandoverItem]:
    """Sentences of the best KB hits that say what `pattern` looks for, quoted with citations
    (Markdown headings and one-word lines are not sentences)."""
    items, seen = [], set()
    for query in queries:
        for hit in kb.search(query, k=12):
            text = re.sub(r"^#+\s*.*$", "", hit.text, flags=re.MULTILINE)
            for s in re.split(r"(?<=[。；！？;!?])\s*|\n\s*\n|(?<=\.)\s+", text):
                s = re.sub(r"\s+", " ", s).strip(" -*")
                if len(s) >= 12 and pattern.search(s) and s not in seen and len(items) < limit:
                    seen.add(s)
                    items.append(HandoverItem(text=s[:300], kind=hit.kind, source=hit.citation))
    return items


_HISTORY_HEADS = re.compile(r"^(?:#+\s*)?(?:历史问题记录|历史问题|问题记录|经验教训|教训|lessons? learned|"
                            r"issues? (?:and|&) lessons|problems? encountered)\s*[:：]?$", re.IGNORECASE)
_DIFFICULTY_HEADS = re.compile(r"^(?:#+\s*)?(?:实施难点(?:与应对|及应对措施|与对策)?|难点与应对|应对措施|"
                               r"implementation challenges|challenges(?: and (?:responses|mitigations))?)\s*[:：]?$",
                               re.IGNORECASE)


def similar_projects(kb, tender: Tender) -> list:
    """Past-project records, most similar to this tender first (by the KB's own search)."""
    query = " ".join(filter(None, [tender.meta.project_name, tender.meta.purchaser]))
    order: dict[str, int] = {}
    for rank, hit in enumerate(kb.search(query or "项目", k=50, kind="project")):
        order.setdefault(hit.source, rank)
    records = kb.records("project")
    return sorted(records, key=lambda r: order.get(r.source, len(order) + 1))


def _is_heading(line: str) -> bool:
    return bool(line) and len(line) <= 24 and not re.search(r"[。，,；;：:.!?！？]", line) and not line.startswith("-")


def _section_lines(text: str, heads: re.Pattern) -> list[str]:
    """Paragraphs under a matching heading; hard-wrapped lines are joined back into sentences."""
    out: list[str] = []
    capturing, buffer = False, ""
    for line in (ln.strip(" -*\t") for ln in text.splitlines()):
        if heads.match(line) or (capturing and _is_heading(line)):
            if buffer:
                out.append(buffer)
            capturing, buffer = bool(heads.match(line)), ""
        elif capturing and line:
            buffer += line
            if re.search(r"[。！？!?.]$", line):
                out.append(buffer)
                buffer = ""
    if capturing and buffer:
        out.append(buffer)
    return [p for p in out if len(p) >= 8]


def section_items(records: list, heads: re.Pattern, limit: int = 10, per_record: int = 3) -> list[HandoverItem]:
    """The paragraphs under a heading like '历史问题记录' in the records (most similar first),
    quoted with their citation."""
    items: list[HandoverItem] = []
    for record in records:
        for line in _section_lines(record.text, heads)[:per_record]:
            if len(items) < limit:
                items.append(HandoverItem(text=line[:300], kind=record.kind, source=record.citation))
    return items


def implementation_path(tender: Tender, tender_text: str, kb) -> list[HandoverItem]:
    zh = tender.language == "zh"
    m = _DURATION.search(tender_text)
    total = _days(int(m.group(1)), m.group(2)) if m else None
    items = []
    if m:
        items.append(HandoverItem(text=("招标文件工期/服务期：" if zh else "Tender schedule: ") + m.group(0).strip(),
                                  kind="tender_schedule", source=tender.source_file))
    day = 0
    for name, share in (_PHASES_ZH if zh else _PHASES_EN):
        span = round(total * share) if total else None
        when = (f"第 {day + 1}–{day + span} 天" if zh else f"days {day + 1}–{day + span}") if span else ""
        day += span or 0
        items.append(HandoverItem(text=f"{name} {when}".strip(), kind="suggested_phase",
                                  source="bidkit 建议（按工期比例，需实施经理确认）" if zh else
                                  "bidkit suggestion (proportional to the schedule; confirm)"))
    if kb is not None:
        query = f"{tender.meta.project_name or ''} 实施阶段 里程碑 上线 验收 implementation phases milestones"
        items += _kb_quotes(kb, [query], re.compile(r"阶段|里程碑|上线|验收|phase|milestone|go-live", re.IGNORECASE), 4)
    return items


def build_handover(tender: Tender, tender_text: str = "", bid: Document | None = None, kb=None,
                   notes: list[Tender] | None = None) -> Handover:
    notes = notes or []
    units = units_of(bid) if bid is not None else []
    index = UnitIndex(units) if units else None
    staff = [p.metadata.get("name", "") for p in kb.records("person")] if kb is not None else []
    h = Handover(project_name=tender.meta.project_name or "", project_number=tender.meta.project_number or "",
                 language=tender.language)
    h.background = background(tender, tender_text)
    h.confirmed = confirmed(tender, index, notes)
    h.commitments = commitments(units, [s for s in staff if s], tender_text)
    h.clarifications = clarifications(tender, units, notes)
    h.path = implementation_path(tender, tender_text, kb)
    if kb is not None:
        similar = similar_projects(kb, tender)
        h.history = section_items(similar, _HISTORY_HEADS) or _kb_quotes(
            kb, [f"{tender.meta.project_name or ''} 历史问题记录 经验教训"], _LESSON)
        h.difficulties = section_items(similar, _DIFFICULTY_HEADS) or _kb_quotes(
            kb, [f"{tender.meta.project_name or ''} 实施难点 应对措施"], _DIFFICULTY)
    risky = [r for r in tender.requirements if r.substantive][:10]
    h.difficulties += [HandoverItem(text=("实质性条款，交付必须逐字满足，建议开工前逐条验证：" if h.language == "zh" else
                                          "Substantive clause — verify delivery can meet it exactly: ") + r.text[:200],
                                    kind="tender_risk", source=f"{tender.source_file} {r.source.where}".strip())
                       for r in risky]
    h.difficulties += [HandoverItem(text=("承诺超出标准能力，需评估工作量与排期：" if h.language == "zh" else
                                          "Commitment beyond standard capability — estimate effort: ") + c.text[:200],
                                    kind="commitment_risk", source=c.source)
                       for c in h.commitments if c.kind in ("custom_work", "positive_deviation")][:10]
    return h
