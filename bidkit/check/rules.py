"""The individual checks. Each takes the bid (as units) and what it needs, returns findings."""

from __future__ import annotations

import re

from bidkit.check.bidtext import Unit, UnitIndex, norm
from bidkit.check.cnmoney import CAPITALS, parse_capitals
from bidkit.check.model import Finding
from bidkit.model import Requirement, Tender

PENDING = re.compile(r"【\s*待确认[^】]*】|待确认")
NEGATIVE = re.compile(r"负偏离|不满足|不响应|not (?:comply|compliant|met)|non-compliant", re.I)
TEMPLATE_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}")
PLACEHOLDER = re.compile(r"_{4,}|＿{2,}|(?<![A-Za-z])X{3,}(?![A-Za-z])|Ｘ{2,}|【\s*】|\[\s*\]|（\s*）(?=\s*$)")
MATCH_THRESHOLD = 0.6


def _ref(req: Requirement) -> str:
    where = req.source.where if req.source else ""
    return f"{req.text[:60]}" + (f" ({where})" if where else "")


def check_clauses(index: UnitIndex, tender: Tender) -> tuple[list[Finding], list[dict]]:
    """Every substantive clause and every qualification: answered, with what, or still open."""
    findings, table = [], []
    seen: set[str] = set()
    clauses = [r for r in tender.requirements if r.substantive or r.kind == "qualification"]
    for req in clauses:
        key = norm(req.text)[:40]
        if not key or key in seen:
            continue
        seen.add(key)
        category = "substantive" if req.substantive else "qualification"
        unit, score = index.best(req.text)
        status, evidence = _status(unit) if unit is not None and score >= MATCH_THRESHOLD else ("missing", "")
        table.append({"kind": category, "clause": req.text, "where": req.source.where,
                      "status": status, "bid_location": unit.location if unit and status != "missing" else "",
                      "evidence": evidence})
        if status == "answered":
            continue
        message = {
            "missing": "not answered anywhere in the bid",
            "pending": "still marked 待确认 in the bid",
            "negative": "answered with a negative deviation / not met",
        }[status]
        findings.append(Finding(severity="blocker", category=category,
                                message=f"{'★ ' if req.marker else ''}{category} clause {message}",
                                location=unit.location if unit and status != "missing" else "",
                                tender_ref=_ref(req), evidence=evidence))
    return findings, table


def _status(unit: Unit) -> tuple[str, str]:
    others = " ".join(unit.cells[1:]) if unit.cells else unit.text
    if PENDING.search(others):
        return "pending", others[:120]
    if NEGATIVE.search(others):
        return "negative", others[:120]
    cited = re.findall(r"\[[^\]]{1,40}\]", others)
    return "answered", ", ".join(cited)[:120] or others[:120]


def toc_range(units: list[Unit]) -> range:
    """The bid's own table of contents (titles listed before the body repeats them)."""
    start = next((i for i, u in enumerate(units[:200]) if norm(u.text) in ("目录", "contents",
                                                                          "tableofcontents")), None)
    if start is None:
        return range(0)
    seen: set[str] = set()
    for j in range(start + 1, len(units)):
        key = norm(units[j].text)
        if key in seen:
            return range(start, j)
        seen.add(key)
    return range(start, start + 1)


def check_sections(units: list[Unit], tender: Tender) -> list[Finding]:
    """Every required bid section present, in the required order."""
    toc = toc_range(units)
    body = [u for i, u in enumerate(units) if i not in toc and len(u.text) <= 80]
    findings, last_pos, last_title = [], -1, ""
    for section in tender.bid_sections:
        want = norm(re.sub(r"^[\s\d一二三四五六七八九十、.．()（）]+", "", section.title))
        if len(want) < 2:
            continue
        positions = [u.order for u in body if want in norm(u.text)]
        if not positions:
            findings.append(Finding(severity="blocker", category="sections",
                                    message=f"required section missing: {section.title}",
                                    tender_ref=section.source.where if section.source else ""))
            continue
        after = [p for p in positions if p > last_pos]
        if not after:
            findings.append(Finding(severity="warning", category="sections",
                                    message=f"section out of order: {section.title} comes before "
                                            f"{last_title}", location=units[positions[0]].location))
            continue
        last_pos, last_title = after[0], section.title
    return findings


def check_markers(units: list[Unit]) -> list[Finding]:
    """Leftover reviewer markers, template tags and empty placeholders."""
    findings = []
    for u in units:
        for rx, severity, what in ((re.compile(r"【\s*待确认[^】]*】"), "blocker", "reviewer marker left"),
                                   (TEMPLATE_TAG, "blocker", "template tag left"),
                                   (PLACEHOLDER, "warning", "empty placeholder")):
            for m in rx.finditer(u.text):
                findings.append(Finding(severity=severity, category="markers",
                                        message=f"{what}: {m.group(0)[:40]}", location=u.location,
                                        evidence=u.text[:120]))
    return findings


_TOTAL_LABEL = re.compile(r"(?:投标总价|投标总报价|投标报价|报价总额|总报价|总价|合计|总计|Total(?: price| amount)?)"
                          r"\s*(?:[(（][^)）]{0,12}[)）])?\s*[:：]?\s*(?:人民币|RMB|¥|￥)?\s*"
                          r"(?:小写[:：]?\s*)?(?:人民币|¥|￥)?\s*([\d,，]+(?:\.\d+)?)\s*(万元|元)?", re.I)
_ROW_TOTAL = re.compile(r"^\s*(?:合\s*计|总\s*计|总\s*价|投标总价|Total)\s*", re.I)


def _number(text: str, unit: str | None = None) -> float | None:
    try:
        value = float(text.replace(",", "").replace("，", ""))
    except ValueError:
        return None
    return value * 10000 if unit == "万元" else value


def bid_totals(units: list[Unit]) -> tuple[list[tuple[float, str]], list[tuple[float, str, str]]]:
    """(figures, capitals): the totals stated in figures and in 大写, with locations."""
    figures, capitals = [], []
    for u in units:
        if u.cells and _ROW_TOTAL.match(u.cells[0] or ""):
            numbers = [_number(c) for c in u.cells[1:] if re.fullmatch(r"\s*[\d,，]+(?:\.\d+)?\s*", c or "")]
            numbers = [n for n in numbers if n is not None]
            if numbers:
                figures.append((numbers[-1], u.location))
        else:
            for m in _TOTAL_LABEL.finditer(u.text):
                value = _number(m.group(1), m.group(2))
                if value:
                    figures.append((value, u.location))
        for m in CAPITALS.finditer(u.text):
            value = parse_capitals(m.group(0))
            if value:
                capitals.append((value, u.location, m.group(0)))
    return figures, capitals


def check_money(units: list[Unit], tender: Tender) -> list[Finding]:
    figures, capitals = bid_totals(units)
    findings: list[Finding] = []
    distinct = sorted({round(v, 2) for v, _ in figures})
    if len(distinct) > 1:
        where = "; ".join(f"{v:,.2f} at {loc}" for v, loc in figures)
        findings.append(Finding(severity="blocker", category="money",
                                message="the bid states different totals", evidence=where))
    total = max(distinct) if distinct else None
    for value, loc, text in capitals:
        if total is not None and abs(value - total) > 0.005 and not any(abs(value - v) < 0.005 for v, _ in figures):
            findings.append(Finding(severity="blocker", category="money",
                                    message=f"大写 {text} = {value:,.2f} does not match the figure {total:,.2f}",
                                    location=loc))
    for limit, label in ((tender.meta.max_price, "最高限价 / ceiling price"), (tender.meta.budget, "budget")):
        if total is not None and limit and total > limit + 0.005:
            findings.append(Finding(severity="blocker", category="money",
                                    message=f"total {total:,.2f} exceeds the {label} {limit:,.2f}"))
    return findings
