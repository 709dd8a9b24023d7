"""The individual checks. Each takes the bid (as units) and what it needs, returns findings."""

from __future__ import annotations

import re

from bidkit.check.bidtext import Unit, UnitIndex, bigrams, norm
from bidkit.check.cnmoney import CAPITALS, parse_capitals
from bidkit.check.model import Finding
from bidkit.model import Requirement, Tender
from bidkit.tender.text import find_money

PENDING = re.compile(r"【\s*待确认[^】]*】|待确认")
TEMPLATE_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}")
PLACEHOLDER = re.compile(r"_{4,}|＿{2,}|(?<![A-Za-z])X{3,}(?![A-Za-z])|Ｘ{2,}|【\s*】|\[\s*\]|（\s*）(?=\s*$)")
MATCH_THRESHOLD = 0.6


def _ref(req: Requirement) -> str:
    where = req.source.where if req.source else ""
    return f"{req.text[:60]}" + (f" ({where})" if where else "")


BLANKET = re.compile(r"(?:完全|全部|均|一律)(?:响应|满足|接受|理解并接受)[^。；\n]{0,40}(?:要求|条款|内容|规定)|"
                     r"无任何偏离|(?:fully|completely) compl(?:y|ies|iant) with (?:all|the)|no deviations?", re.IGNORECASE)


def check_clauses(index: UnitIndex, tender: Tender) -> tuple[list[Finding], list[dict]]:
    """Every substantive clause and every qualification: answered, with what, or still open.
    A clause not quoted anywhere is a blocker, unless the bid answers the tender as a whole in a
    blanket statement ('完全响应…全部要求'): then it is a warning to answer it item by item."""
    findings, table = [], []
    blanket = next((u for u in index.units if BLANKET.search(u.text)), None)
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
        if status == "missing" and blanket is not None:
            findings.append(Finding(severity="warning", category=category,
                                    message=f"{category} clause not answered item by item (only the "
                                            "blanket response)", location=blanket.location,
                                    tender_ref=_ref(req), evidence=blanket.text[:120]))
            continue
        findings.append(Finding(severity="blocker", category=category,
                                message=f"{'★ ' if req.marker else ''}{category} clause {message}",
                                location=unit.location if unit and status != "missing" else "",
                                tender_ref=_ref(req), evidence=evidence))
    return findings, table


_NEGATIVE_CELL = re.compile(r"^\s*(?:负偏离|不满足|不响应|部分满足|non-?compliant|not compl(?:y|iant)|no)\b", re.IGNORECASE)
_NEGATIVE_SAID = re.compile(r"(?:偏离情况|偏离|响应|结论)[:：]\s*(?:负偏离|不满足|不响应)")


def _status(unit: Unit) -> tuple[str, str]:
    others = " ".join(unit.cells[1:]) if unit.cells else unit.text
    if PENDING.search(others):
        return "pending", others[:120]
    negative = (any(_NEGATIVE_CELL.match(c or "") for c in unit.cells[1:]) if unit.cells
                else bool(_NEGATIVE_SAID.search(unit.text)))  # not instructions that mention 负偏离
    if negative:
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
        if key in seen or units[j].is_heading:  # the body starts: a title repeats, or a real heading
            return range(start, j)
        seen.add(key)
    return range(start, start + 1)


def _section_key(title: str) -> str:
    """'供应商需根据磋商文件制定的《服务方案》' is the 服务方案 section."""
    quoted = re.search(r"《([^》]{2,40})》", title)
    return norm(re.sub(r"^[\s\d一二三四五六七八九十、.．()（）]+", "", quoted.group(1) if quoted else title))


def _names_section(text: str, title: str) -> bool:
    """A heading names a required section when it contains the title, or nearly all of it
    including its head noun (Chinese titles end with it: 授权书 ≠ 证明书); 'A/B' titles
    may use either name."""
    got = norm(text)
    for want in [_section_key(title)] + [_section_key(alt) for alt in re.split(r"[/／]", title)[1:]]:
        if len(want) < 2:
            continue
        if want in got:
            return True
        if len(want) >= 6 and len(got) <= 1.6 * len(want) + 10 and want[-2:] in got:
            grams = bigrams(want)
            if len(grams & bigrams(got)) / len(grams) >= 0.85:
                return True
    return False


def check_sections(units: list[Unit], tender: Tender) -> list[Finding]:
    """Every required bid section present, in the required order."""
    toc = toc_range(units)
    body = [u for i, u in enumerate(units) if i not in toc and len(u.text) <= 80]
    findings, last_pos, last_title = [], -1, ""
    for section in tender.bid_sections:
        positions = [u.order for u in body if _names_section(u.text, section.title)]
        if len(_section_key(section.title)) < 2:
            continue
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


def check_markers(units: list[Unit], tender_text: str = "") -> list[Finding]:
    """Leftover reviewer markers, template tags and empty placeholders (text the tender itself
    contains, e.g. a requirement quoting '{{学生姓名}}', is a quote, not a leftover)."""
    findings = []
    for u in units:
        for rx, severity, what in ((re.compile(r"【\s*待确认[^】]*】"), "blocker", "reviewer marker left"),
                                   (TEMPLATE_TAG, "blocker", "template tag left"),
                                   (PLACEHOLDER, "warning", "empty placeholder")):
            for m in rx.finditer(u.text):
                if rx is not PLACEHOLDER and m.group(0) in tender_text:
                    continue
                findings.append(Finding(severity=severity, category="markers",
                                        message=f"{what}: {m.group(0)[:40]}", location=u.location,
                                        evidence=u.text[:120]))
    return findings


_TOTAL_WORDS = r"投标总价|投标总报价|投标报价|报价总额|总报价|总价|合计|总计|小写|Total(?: price| amount)?"
_PARA_TOTAL = re.compile(rf"(?:{_TOTAL_WORDS})\s*(?:[(（][^)）]{{0,12}}[)）])?\s*[:：]", re.IGNORECASE)
_ROW_TOTAL = re.compile(r"^\s*(?:投标总价|投标总报价|投标报价|报价总额|总报价|总\s*价|合\s*计|总\s*计|小写|Total)", re.IGNORECASE)
_PLAIN_NUMBER = re.compile(r"\s*[\d,，]+(?:\.\d+)?\s*")


def _figures(text: str) -> list[float]:
    """Amounts written in digits (capitals are checked separately), per-unit prices left out."""
    return [m.amount for m in find_money(text)
            if not m.per_unit and re.search(r"\d", text[m.start:m.end])]


def bid_totals(units: list[Unit]) -> tuple[list[tuple[float, str]], list[tuple[float, str, str]]]:
    """(figures, capitals): the totals stated in figures and in 大写, with locations."""
    figures, capitals = [], []
    for u in units:
        if u.cells and _ROW_TOTAL.match(u.cells[0] or ""):
            rest = [c for c in u.cells[1:] if c]
            amounts = _figures(" ".join(rest))
            if not amounts:
                amounts = [float(c.replace(",", "").replace("，", "")) for c in rest if _PLAIN_NUMBER.fullmatch(c)]
            if amounts:
                figures.append((amounts[-1], u.location))
        elif not u.cells:
            for m in _PARA_TOTAL.finditer(u.text):
                amounts = _figures(u.text[m.end():m.end() + 80])
                if amounts:
                    figures.append((amounts[0], u.location))
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
