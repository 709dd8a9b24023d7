"""Facts the bid must repeat exactly: project name and number, bid validity."""

from __future__ import annotations

import re

from bidkit.check.bidtext import Unit, norm
from bidkit.check.model import Finding
from bidkit.model import Tender

VALIDITY = re.compile(r"(?:投标|响应|磋商|报价|bid|proposal)?\s*(?:有效期|validity)[^。；;\n\d]{0,24}?"
                      r"(\d{2,3})\s*(?:个)?(?:日历)?\s*(?:天|日|days)", re.IGNORECASE)
_LABELLED = {
    "project_number": re.compile(r"(?:项目编号|招标编号|采购编号|项目号|Tender No\.?|RFP No\.?)\s*[:：]\s*([^\s，,；;（(]+)", re.IGNORECASE),
    "project_name": re.compile(r"(?:项目名称|Project name)\s*[:：]\s*([^，,；;（(\n]+)", re.IGNORECASE),
}


def validity_days(text: str) -> int | None:
    days = [int(m.group(1)) for m in VALIDITY.finditer(text)]
    return max(days) if days else None


def check_facts(units: list[Unit], tender: Tender, tender_text: str) -> list[Finding]:
    findings: list[Finding] = []
    for key, rx in _LABELLED.items():
        expected = getattr(tender.meta, key)
        if not expected:
            continue
        want = norm(expected)
        for u in units:
            for m in rx.finditer(u.text):
                got = norm(m.group(1))
                if got and want not in got:  # trailing words after the value are not a mismatch
                    findings.append(Finding(
                        severity="blocker", category="identity",
                        message=f"{key.replace('_', ' ')} differs from the tender: '{m.group(1).strip()}' "
                                f"vs '{expected}'", location=u.location))
    required = validity_days(tender_text)
    offered = validity_days("\n".join(u.text for u in units))
    if required and offered and offered < required:
        findings.append(Finding(severity="blocker", category="dates",
                                message=f"bid validity {offered} days is shorter than the required {required} days"))
    return findings


PHONE = re.compile(r"(?<![\d-])(?:1[3-9]\d{9}|0\d{2,3}-?\d{7,8}|\+\d{1,3}[\s-]?\d{3,4}[\s-]?\d{3,4}[\s-]?\d{3,4})(?![\d-])")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
COMPANY = re.compile(r"[\u4e00-\u9fa5（）()]{2,30}?(?:有限责任公司|股份有限公司|有限公司|集团公司|研究院)")


def check_anonymity(units: list[Unit], tender: Tender, names: list[str], image_count: int) -> list[Finding]:
    """暗标: nothing in the technical volume may reveal who the bidder is."""
    allowed = {norm(x) for x in (tender.meta.purchaser, tender.meta.agency) if x}
    findings: list[Finding] = []
    wanted = [n for n in names if n and len(norm(n)) >= 2]
    for u in units:
        hits = [n for n in wanted if n in u.text]
        hits += [m.group(0) for m in PHONE.finditer(u.text)]
        hits += [m.group(0) for m in EMAIL.finditer(u.text)]
        hits += [m.group(0) for m in COMPANY.finditer(u.text) if norm(m.group(0)) not in allowed]
        for hit in dict.fromkeys(hits):
            findings.append(Finding(severity="blocker", category="anonymity",
                                    message=f"identity in an anonymous (暗标) volume: {hit}",
                                    location=u.location, evidence=u.text[:120]))
    if image_count:
        findings.append(Finding(severity="warning", category="anonymity",
                                message=f"{image_count} image(s) in the volume: check none is a logo, "
                                        "seal or photo that identifies the bidder"))
    return findings
