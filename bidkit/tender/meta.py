"""Key facts: project name/number, purchaser, agency, procedure, money, dates, lots.

Each field is a list of the labels tenders use for it ('项目编号：', '招标编号：', 'RFP No.:' …);
the first label in reading order whose value passes the field's check wins, so the notice and
前附表 at the front beat template text further on. Chinese and English vocabularies differ, the
method does not.
"""

from __future__ import annotations

import re

from bidkit.model import TenderMeta
from bidkit.tender.meta_en import LABELS as EN_LABELS
from bidkit.tender.meta_en import STOP as EN_STOP
from bidkit.tender.meta_en import english_meta
from bidkit.tender.meta_en import pick_text as en_pick_text
from bidkit.tender.meta_lines import (
    Line,
    build_lines,
    first_date,
    first_value,
    label_hits,
    money_in,
)
from bidkit.tender.meta_zh import (
    LABELS,
    ROW_NAME,
    STOP,
    amount_after_is,
    amount_unit_in_label,
    budget_from_table_header,
    case_buyer,
    cover_name,
    currency_zh,
    deadline_before_submit,
    entrusted_parties,
    funds_amount,
    lots_zh,
    procedure_zh,
    quoted_case_name,
)
from bidkit.tender.outline import Outline

_NO_DEPOSIT = re.compile(r"^(?:本项目)?(?:不收取|无需|不需要?|免|无|免收|不要求|NIL\b|nil\b|Nil\b|not\s+(?:required|applicable)|exempt)"
                         r"|不收取|免收|无需(?:缴纳|交纳|提交)|^[0０]\s*元|为人民币[0０]元")
_SEE_ELSEWHERE = re.compile(r"^(?:详见|见|同|按|参见|具体详见|/|／|—|-|_|无$)")
_GAP = "…"  # meta_lines marks a wide gap inside Chinese text (glyphs lost) with this


def extract_meta(outline: Outline) -> TenderMeta:
    lines = build_lines(outline)
    meta = TenderMeta(currency="CNY" if outline.language == "zh" else None)
    if outline.language == "zh":
        _zh_meta(meta, lines, outline)
    else:
        english_meta(meta, lines, outline)
    _fuller_purchaser(meta, lines, outline)
    return meta


def _fuller_purchaser(meta: TenderMeta, lines: list[Line], outline: Outline) -> None:
    """A cover or notice may give the buyer's short name ('某某大学') where a purchaser-labelled line
    elsewhere gives the full legal name containing it ('某某大学资产管理处'): the full name wins."""
    short = meta.purchaser
    if not short:
        return
    zh = outline.language == "zh"
    label, stop, pick = (LABELS["purchaser"], STOP, _pick_org) if zh else (EN_LABELS["purchaser"], EN_STOP, en_pick_text)
    key = _squash(short)
    best: tuple[str, Line] | None = None
    for hit in label_hits(lines, label, stop):
        value = pick(hit.value)
        if not isinstance(value, str) or meta.agency and meta.agency in value:
            continue
        value = value.strip(" []【】")
        full = _squash(value)
        at = full.find(key)
        # 'Office of the X' names where X sits, not a fuller name of X
        longer = at >= 0 and len(key) < len(full) <= len(key) + 40 and not _OFFICE_OF.fullmatch(full[:at] + full[at + len(key):])
        if longer and (best is None or len(value) > len(best[0])):
            best = (value, hit.line)
    if best:
        meta.purchaser = best[0]
        meta.sources["purchaser"] = best[1].ref(outline)


_OFFICE_OF = re.compile(r"(?:the)?(?:officeof)?(?:the)?\W*")


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text).casefold()


def _set(meta: TenderMeta, outline: Outline, field: str, found: tuple[object, Line] | None) -> None:
    if found is not None and getattr(meta, field) is None:
        value, line = found
        setattr(meta, field, value)
        meta.sources[field] = line.ref(outline)


def _zh_meta(meta: TenderMeta, lines: list[Line], outline: Outline) -> None:
    meta.currency = currency_zh(lines)
    for field in ("project_number", "project_name", "purchaser", "agency"):
        _set(meta, outline, field, first_value(lines, LABELS[field], STOP, _TEXT_PICK[field]))
    _set(meta, outline, "project_name", first_value(lines, ROW_NAME, STOP, _pick_name, colon=False))
    _set(meta, outline, "project_name", cover_name(lines))
    _set(meta, outline, "project_name", quoted_case_name(lines))
    _set(meta, outline, "purchaser", case_buyer(lines))
    entrusted = entrusted_parties(lines)
    if entrusted:
        _set(meta, outline, "purchaser", (entrusted[1], entrusted[2]))
        _set(meta, outline, "agency", (entrusted[0], entrusted[2]))
    _set(meta, outline, "procedure", procedure_zh(lines))
    _set(meta, outline, "budget", first_value(lines, LABELS["budget"], STOP, money_in))
    _set(meta, outline, "max_price", first_value(lines, LABELS["max_price"], STOP, money_in, colon=False))
    header = budget_from_table_header(lines)
    if header:
        budget, max_price, line = header
        _set(meta, outline, "budget", (budget, line) if budget else None)
        _set(meta, outline, "max_price", (max_price, line) if max_price else None)
    _set(meta, outline, "budget", amount_unit_in_label(lines, LABELS["budget"]))
    _set(meta, outline, "max_price", amount_unit_in_label(lines, LABELS["max_price"]))
    _set(meta, outline, "budget", amount_after_is(lines, LABELS["budget"]))
    _set(meta, outline, "max_price", amount_after_is(lines, LABELS["max_price"]))
    _set(meta, outline, "budget", funds_amount(lines))
    _set(meta, outline, "deadline", _date(lines, LABELS["deadline"]))
    _set(meta, outline, "deadline", deadline_before_submit(lines))
    _opening(meta, lines, outline)
    deposit = first_value(lines, LABELS["deposit"], STOP, _deposit_pick, colon=False)
    if deposit and deposit[0] != "none":
        _set(meta, outline, "deposit", deposit)
    elif deposit:
        meta.sources["deposit"] = deposit[1].ref(outline)
    _set(meta, outline, "deposit", amount_unit_in_label(lines, LABELS["deposit"]))
    _set(meta, outline, "lots", lots_zh(lines))


# Dates near these words are about clarifications or document sale, not submission or opening.
_NOT_SUBMISSION = re.compile(r"澄清|答疑|质疑|报名|获取|发售|购买|踏勘|clarif|quer|question|pre-?bid", re.IGNORECASE)


def _date(lines: list[Line], label: re.Pattern) -> tuple[object, Line] | None:
    return first_date(lines, label, _NOT_SUBMISSION)


def _opening(meta: TenderMeta, lines: list[Line], outline: Outline) -> None:
    same = first_value(lines, LABELS["opening"], STOP, _same_as_deadline, colon=False)
    found = _date(lines, LABELS["opening"])
    if found:
        _set(meta, outline, "opening", found)
    elif same and meta.deadline:
        _set(meta, outline, "opening", (meta.deadline, same[1]))


# '开标时间：同投标截止时间' / '为投标截止时间的同一时间' / '投标截止时间后立即开标' (not '…后30分钟')
_SAME_AS_DEADLINE = re.compile(
    r"^[:：\s]*(?:为|即|是)?\s*(?:(?:同|与)(?:投标|响应|提交)?.{0,12}截止"
    r"|(?:提交|递交)?(?:投标|响应|磋商|谈判)?(?:文件)?(?:提交|递交)?截止(?:时间|时刻)(?:的?同一时间|相同|同时|后立即|[，。；,]|$))")


def _same_as_deadline(value: str) -> bool | None:
    return True if _SAME_AS_DEADLINE.match(value) else None


def _deposit_pick(value: str) -> object | None:
    value = value.strip(" ：:")
    if re.match(r"^(?:的|金额为?|缴纳|交纳|递交|提交)?[：:]?\s*$", value):
        return None
    if _NO_DEPOSIT.search(value[:40]):
        return "none"
    return money_in(value[:60])


def _text_value(value: str, max_len: int = 80) -> str | None:
    value = value.strip(" ：:，,。;；、")
    if not value or _SEE_ELSEWHERE.match(value) or "详见" in value or len(value) > max_len or ":" in value:
        return None
    if len(value) < 2 or re.fullmatch(r"[\W_\d]*", value) or re.match(r"[(（【\[]|.*[+＋]", value):
        return None
    return value


def _pick_number(value: str) -> str | None:
    m = re.match(r"[A-Za-z0-9][A-Za-z0-9\-_/()（）.【】\[\]〔〕]*[A-Za-z0-9)）\]】]", value.strip())
    if not m or len(m.group()) < 4 or not re.search(r"\d", m.group()):
        return None
    number = m.group()
    return number[:-1] if number.endswith((")", "）")) and number.count("(") + number.count("（") == 0 else number


def _pick_name(value: str) -> str | None:
    value = _text_value(value, 100)
    if value and re.search(r"(?:公司|集团|集團|名称|名稱|编号|代码)$", value):
        return None  # an organisation (a shifted table cell) or the next label, not a project
    return value if value and len(value) >= 4 else None


def _pick_org(value: str) -> str | None:
    if _GAP in value:
        return None  # glyphs lost under a seal image: a later mention is complete
    value = _text_value(value, 60)
    if value and (len(value) < 4 or "的" in value or re.search(r"@|https?:|www\.|^\d", value)):
        return None  # a definition ('…的需求单位'), an e-mail or a phone number, not a name
    if value and re.search(r"[（(]?(?:盖章|签字|公章)[)）]?$|^[（(]", value):
        return None
    return value


_TEXT_PICK = {"project_number": _pick_number, "project_name": _pick_name,
              "purchaser": _pick_org, "agency": _pick_org}
