"""暗标: the technical volume must not reveal who the bidder is.

Identity is every company fact in the profile plus the names of the staff in the knowledge base.
Rather than trust each builder to leave them out, the finished technical parts are scrubbed as a
whole, so a name quoted from a case study or hidden in a file name cannot slip through.
"""

from __future__ import annotations

import re

from bidkit.draft.models import map_strings
from bidkit.model import CompanyProfile, Evidence

WITHHELD = {"zh": "（略）", "en": "[withheld]"}
_FIELDS = ("name", "name_en", "credit_code", "legal_representative", "address", "phone", "email",
           "bank_account")


def identity_terms(profile: CompanyProfile | None, people: list[Evidence]) -> list[str]:
    """Strings that identify the bidder, longest first (so a full name wins over its prefix)."""
    found: set[str] = set()
    if profile:
        found |= {str(getattr(profile, f)) for f in _FIELDS if getattr(profile, f)}
        found |= {str(c.get("name")) for c in profile.contacts if c.get("name")}
        for name in (profile.name, profile.name_en):
            if name:
                found |= short_names(name)
    for person in people:
        name = person.metadata.get("name")
        if name:
            found.add(str(name))
    return sorted((t.strip() for t in found if len(t.strip()) >= 2), key=len, reverse=True)


_COMPANY_SUFFIX = re.compile(r"(股份有限公司|有限责任公司|有限公司|集团|公司|co\.?,? ?ltd\.?|ltd\.?|inc\.?|llc)$",
                             re.IGNORECASE)
_REGION_PREFIX = re.compile(r"^(北京|上海|天津|重庆|深圳|广州|杭州|南京|成都|武汉|西安)(市)?")


_INDUSTRY_WORDS = re.compile(
    r"(信息技术|信息科技|科技|技术|软件|网络|数据|智能|信息|咨询|工程|服务|管理|建设|电子|通信|系统|"
    r"实业|发展|物业|环境|能源|设备|传媒|文化|医疗|安全|保安|保洁|餐饮|人力资源|劳务)+$")
_GENERIC_EN = {"the", "china", "beijing", "shanghai", "information", "technology", "group",
               "international", "global", "services", "solutions", "systems", "data"}


def short_names(name: str) -> set[str]:
    """'北京星河数据科技有限公司' → {'北京星河数据科技', '星河数据科技', '星河'}: how people shorten it,
    down to the 字号 (trade name) that also brands products ('星河平台')."""
    core = _COMPANY_SUFFIX.sub("", name.strip()).strip(" ,")
    without_region = _REGION_PREFIX.sub("", core)
    trade_name = _INDUSTRY_WORDS.sub("", without_region)
    names = {n for n in (core, without_region) if len(n) >= 3}
    if len(trade_name) >= 2:
        names.add(trade_name)
    first_word = core.split()[0] if core.split() else ""
    if first_word.isascii() and len(first_word) >= 4 and first_word.lower() not in _GENERIC_EN:
        names.add(first_word)
    return names


def scrub_text(text: str, terms: list[str], language: str) -> str:
    for term in terms:
        if term in text:
            text = text.replace(term, WITHHELD[language])
    return text


def scrub(obj, terms: list[str], language: str):
    """A deep copy of a model/list/dict/str with every identity term replaced."""
    if not terms:
        return obj
    return map_strings(obj, lambda text: scrub_text(text, terms, language))


def leaks(text: str, terms: list[str]) -> list[str]:
    """Identity terms present in `text` (for tests and a last check before writing)."""
    return [t for t in terms if t in text]


_BLIND = re.compile(r"暗标|匿名评审|blind (evaluation|review|bid)|anonymi[sz]ed (technical )?(proposal|bid)",
                    re.IGNORECASE)
_NOT_BLIND = re.compile(r"(不|非|无需|不采用|不实行)\s*暗标|not (a )?blind", re.IGNORECASE)


def tender_requires_anonymity(tender) -> bool:
    """The parser's flag, or the tender's own words (技术标采用暗标 …) in its clauses and forms."""
    if tender.anonymous:
        return True
    texts = [r.text for r in tender.requirements] + [s.criteria for s in tender.scoring] + \
        [s.title for s in tender.bid_sections]
    return any(_BLIND.search(t) and not _NOT_BLIND.search(t) for t in texts)
