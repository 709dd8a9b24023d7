"""Shared pieces of scoring extraction: item names, points, categories, the stated total."""

from __future__ import annotations

import re

from bidkit.model import ScoringItem, SourceRef
from bidkit.tender.outline import Outline

_CJK = re.compile(r"[\u4e00-\u9fff]")
_NUM = r"\d+(?:\.\d+)?"


def squash_cjk(text: str) -> str:
    """Remove line-wrap spaces inside Chinese text, keep single spaces between Latin words."""
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r"(?<=[^\x00-\x7f]) (?=[^\x00-\x7f])", "", text)


def clean_name(raw: str) -> str:
    """'服务方案（42%）' / '1.安全管理（4分）' / '报价\\n（30%）' -> the bare item name."""
    name = squash_cjk(raw.replace("\n", " "))
    name = re.sub(r"^\s*(?:\d+(?:\.\d+)*|[①-⑳]|[（(]\d+[)）])\s*[、.．)）]?\s*(?=\D)", "", name)
    name = re.sub(rf"[/\s]*[（(]\s*(?:{_NUM}\s*(?:分|%|％|points?|marks?)|满分\s*{_NUM}\s*分?)\s*[)）]\s*$",
                  "", name, flags=re.IGNORECASE)
    name = re.sub(r"(?<=[\u4e00-\u9fff])\s*\d+(?:\.\d+)?\s*分\s*(?:[（(][^）)]*[)）])?$", "", name)
    name = re.sub(r"[/\s:：]+$", "", name).strip()
    return name[:200]


def points_in_name(text: str) -> float | None:
    m = re.search(rf"[（(]\s*(?:满分\s*)?({_NUM})\s*(?:分|%|％|points?|marks?)?\s*[)）]", text, re.IGNORECASE)
    return float(m.group(1)) if m else None


def points_from_cell(text: str) -> float | None:
    """'30分' / '0~ 10' / '0-15' / '20%' / '10 points' -> the maximum."""
    text = text.strip()
    if not text:
        return None
    nums = [float(x) for x in re.findall(_NUM, text)]
    if not nums or len(text) > 40:
        return None
    return max(nums)


_MAX_PHRASE = re.compile(
    rf"(?:满分|最高得?|最多得?|最高不超过|上限|本项|本小项满分|得满分|maximum(?: of)?)\s*(?:为|得)?\s*({_NUM})\s*分?",
    re.IGNORECASE)


def points_from_criteria(text: str) -> float | None:
    """'…最多得 10 分' -> 10; else the largest 'N 分' the criteria award (a fallback)."""
    m = _MAX_PHRASE.findall(text)
    if m:
        return max(float(x) for x in m)
    awards = [float(x) for x in re.findall(rf"得\s*({_NUM})\s*分", text)]
    return max(awards) if awards else None


_GROUP = re.compile(r"^\s*(?:[一二三四五六七八九十\d]+\s*[、.．]\s*)?(商务|技术|价格|报价|服务|综合|资信|实力)"
                    r"(?:部分|评分|分|标|类|评审|因素)?[\s（(]*(?:\d+(?:\.\d+)?\s*分)?[)）]?\s*$")


def group_category(text: str) -> str | None:
    """'商务部分（9 分）' -> '商务' (a group row that sets the category of the rows below)."""
    m = _GROUP.match(squash_cjk(text))
    if not m:
        return None
    word = m.group(1)
    return "价格" if word in ("价格", "报价") else word


_PRICE = re.compile(r"价格|报价|投标价|评标价|\bprice\b|financial", re.IGNORECASE)
_BUSINESS = re.compile(r"业绩|资质|信誉|资信|荣誉|证书|认证|财务|企业|人员|团队|经验|经理|负责人|"
                       r"履约|社保|规模|获奖|类似项目")


def category_of(name: str, given: str, language: str) -> str:
    if given:
        return given
    if _PRICE.search(name) and not re.search(r"方案|plan", name, re.IGNORECASE):
        return "价格" if language == "zh" else "Financial"
    if language != "zh":
        return "Technical"
    return "商务" if _BUSINESS.search(name) else "技术"


_TOTAL = re.compile(rf"(?:满分|总分|合计|总计|共计|满分值|total)[^\d\n]{{0,8}}?({_NUM})\s*(?:分|points|marks)?",
                    re.IGNORECASE)


def stated_total(outline: Outline, items: list[ScoringItem]) -> float | None:
    """The total the tender states: '百分制', '满分100分', '合计 100分', 'Total 1000'."""
    text = outline.doc.text
    if "百分制" in text:
        return 100.0
    candidates = [float(x) for x in _TOTAL.findall(text)]
    candidates = [c for c in candidates if c in (100.0, 1000.0, 10.0) or c >= 50]
    if not candidates:
        return None
    total = sum(i.points for i in items if i.points is not None)
    if total in candidates:
        return total
    return 100.0 if 100.0 in candidates else max(set(candidates), key=candidates.count)


_SPLIT = re.compile(rf"((?:商务|技术|价格|报价|服务)[^，,；;、。为占\d]{{0,10}}?)\s*(?:为|占|得分为|满分)?\s*({_NUM})\s*分")


def weight_split_items(outline: Outline, items: list[ScoringItem]) -> list[ScoringItem]:
    """A price part stated only in a sentence ('其中商务部分（投标报价）为70分、技术部分为30分')
    is an item too, when no table row already scores the price."""
    if any(i.category == "价格" for i in items) or outline.language != "zh" or not items:
        return []
    for b in outline.doc.blocks:
        if b.kind == "table" or not re.search(r"百分制|满分|总分", b.text):
            continue
        for name, pts in _SPLIT.findall(b.text):
            if _PRICE.search(name) and float(pts) < 100:
                name = clean_name(name)
                return [ScoringItem(category="价格", item=name, points=float(pts), criteria=b.text[:500],
                                    page=b.page, source=SourceRef(page=b.page, paragraph=b.paragraph,
                                                                  section=outline.section_title(b),
                                                                  quote=b.text[:300]))]
    return []


_TOTAL_NAME = re.compile(r"^\s*(?:合计|总计|总分|小计|(?:sub-?\s*|grand\s+)?total(?:\s+(?:section|part|score|marks|"
                         r"points)\b.*|\s*\d.*)?$|overall\s+\w*\s*score)", re.IGNORECASE)


def is_total(cell: str) -> bool:
    """'合 计', 'Total', 'Subtotal 1', 'Total Section 2', 'Total Combined Score' — not 'Total Price'."""
    text = cell.strip()
    if _TOTAL_NAME.match(re.sub(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])", "", text)):
        return True
    words = text.lower().split()
    return bool(words) and words[0] in ("total", "subtotal", "sub-total") and len(words) <= 4 \
        and not re.search(r"price|cost|amount|value", text, re.IGNORECASE)


_SUB_FACTOR = re.compile(rf"^\s*(\d{{1,2}})\s*[.、．]\s*([^\n：:。；;，,]{{2,30}}?)\s*[（(]\s*({_NUM})\s*分\s*[)）]\s*[:：]?\s*$",
                         re.MULTILINE)


def cell_sub_factors(criteria: str, points: float | None) -> list[tuple[str, float, str]]:
    """'技术部分（55分）' whose criteria cell numbers its own sub-factors, each with points
    ('1.技术需求响应（12 分）：…' … '6.增值服务（4 分）：…'): those are the items scored. Only when
    they are numbered 1, 2, … and add up to the group's points (else they are examples)."""
    found = list(_SUB_FACTOR.finditer(criteria))
    if len(found) < 2 or points is None:
        return []
    if [int(m.group(1)) for m in found] != list(range(1, len(found) + 1)):
        return []
    if abs(sum(float(m.group(3)) for m in found) - points) > 0.01:
        return []
    ends = [m.start() for m in found[1:]] + [len(criteria)]
    return [(squash_cjk(m.group(2)).strip(), float(m.group(3)), criteria[m.end():end].strip())
            for m, end in zip(found, ends)]
