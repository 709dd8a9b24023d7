"""Amendments (更正公告 / 变更公告 / corrigendum / addendum) applied to a parsed tender.

An amendment says what changes in the tender's own words: '原投标截止时间为…，现变更为…',
'开标时间推迟至…', a 更正前 / 更正后 table, 'Clause 4.2 shall be read as …', '… is amended to …',
'references to X have been replaced with Y', 'the last date … is extended to …'. Each statement
becomes a Change; a change that names a date or money field updates the meta (its SourceRef
points into the amendment), a change that quotes a clause replaces that clause's text. Every
change is recorded in tender.amendments and tender.warnings so a reviewer sees it; statements
that cannot be placed are reported, never silently dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from bidkit.document import Block, Document
from bidkit.model import SourceRef, Tender
from bidkit.tender.text import find_datetime, find_money

_VERB_ZH = r"(?:更正|变更|修改|调整|更改|改)"
_ZH_ORIGINAL_NOW = re.compile(
    r"(?:^|(?<=[\s，,。；;：:（(“\"、将对]))原(?![因则件始厂产装来理样址])(?P<old>.{1,400}?)[，,；;。]?\s*"
    rf"现?{_VERB_ZH}为[:：]?\s*(?P<new>.+)")
_ZH_FROM_TO = re.compile(
    rf"(?P<label>[^，,。；;\n]{{0,40}}?)[:：]?\s*由(?P<old>[^，,。；;\n]{{1,200}}?)"
    rf"(?:{_VERB_ZH}|延期|推迟|顺延|延长)(?:为|至|到)[:：]?\s*(?P<new>[^，,。；;\n]{{1,300}})")
_ZH_LABEL_NOW = re.compile(
    rf"(?P<label>[^，,。；;：:\n]{{2,40}}?)(?:(?:{_VERB_ZH}|延期|推迟|顺延|延长)(?:为|至|到)|延至)[:：]?\s*"
    rf"(?P<new>[^，,。；;\n]{{2,120}})")
# A label-only or from-to change must name a concrete new value (a number, a date, a quote);
# tender boilerplate like '均应延长至新的截止时间' names none and is not a change.
_CONCRETE = re.compile(r"\d|[“\"‘「『]")
# Rules in a tender ('… shall be replaced by a competent person') read like changes; a real
# amendment written with shall/will names what it changes: a clause, a date, a quoted text.
_ANCHOR = re.compile(r"clause|section|para|item|annex|schedule|appendix|page|last\s+date|deadline|"
                     r"due\s+date|closing\s+date|submission|opening|[“\"‘「『]|\d", re.IGNORECASE)
_BE = r"(?P<be>is|are|has\s+been|have\s+been|shall\s+be|stands?|will\s+be)\s+(?:hereby\s+|now\s+)?"
_EN_PATTERNS = (
    re.compile(rf"(?P<old>.{{3,300}}?)\s+{_BE}(?:changed|revised|extended|postponed|amended|modified|"
               r"rescheduled)\s+from\s+.+?\s+to\s+(?P<new>.+)", re.IGNORECASE | re.DOTALL),
    re.compile(r"(?P<old>.{3,400}?)\s+(?:shall|should|may|will|is\s+to)\s+(?:now\s+)?be\s+read\s+as"
               r"\s*[:\-–]?\s*(?P<new>.+)", re.IGNORECASE | re.DOTALL),
    re.compile(rf"(?P<old>.{{3,400}}?)\s+{_BE}(?:replaced|substituted|superseded)\s+(?:by|with)"
               r"\s*[:\-–]?\s*(?P<new>.+)", re.IGNORECASE | re.DOTALL),
    re.compile(rf"(?P<old>.{{3,400}}?)\s+{_BE}(?:amended|revised|modified|changed|corrected)\s+"
               r"(?:to\s+read\s*(?:as\s+follows)?|as\s+follows|to|as)\s*[:\-–]?\s*(?P<new>.+)", re.IGNORECASE | re.DOTALL),
    re.compile(rf"(?P<old>.{{3,300}}?)\s+{_BE}(?:extended|postponed|rescheduled|deferred)\s+"
               r"(?:to|till|until|up\s*to)\s+(?P<new>.+)", re.IGNORECASE | re.DOTALL),
)
_EN_SPLIT = re.compile(r";\s+|,?\s+and\s+(?=(?:all\s+)?references?\s+to\b)", re.IGNORECASE)
_OLD_HEAD = re.compile(r"更正前|变更前|修改前|原内容|原文|原招标|原公告|原条款|^原|existing|original|"
                       r"^old|^for\b|instead|earlier|present\s+clause|^as\s+per", re.IGNORECASE)
_NEW_HEAD = re.compile(r"更正后|变更后|修改后|更正为|变更为|修改为|现内容|^现|revised|amended|modified|"
                       r"^new|^read\b|corrected|changed|substituted", re.IGNORECASE)
_LINE_OLD = re.compile(r"^\s*(?:更正前|变更前|修改前|原内容|原文|existing|original|for)\s*[:：]\s*(?P<t>.+)", re.IGNORECASE)
_LINE_NEW = re.compile(r"^\s*(?:更正后|变更后|修改后|更正为|变更为|revised|amended|read)\s*[:：]\s*(?P<t>.+)", re.IGNORECASE)

_NOT_DEADLINE = re.compile(r"获取|报名|发售|购买|领取|质疑|答疑|澄清|提问|踏勘|question|clarification|"
                           r"pre-?bid|quer(?:y|ies)|site\s+visit|sale", re.IGNORECASE)
_FIELDS = (
    ("deadline", "date", re.compile(r"截止|递交|提交.{0,6}时间|deadline|last\s+date|due\s+date|"
                                    r"closing\s+date|submission", re.IGNORECASE)),
    ("opening", "date", re.compile(r"开标|开启|opening", re.IGNORECASE)),
    ("max_price", "money", re.compile(r"最高限价|控制价|拦标价|ceiling|maximum\s+price", re.IGNORECASE)),
    ("budget", "money", re.compile(r"预算|budget|estimated\s+(?:cost|value)", re.IGNORECASE)),
    ("deposit", "money", re.compile(r"保证金|bid\s+security|\bEMD\b|earnest\s+money", re.IGNORECASE)),
)
_QUOTED = re.compile(r"[“\"‘'「『](?P<q>[^”\"’'」』]{4,})[”\"’'」』]")
_REFERENCES_TO = re.compile(r"^(?:all\s+)?references?\s+to\s+(?P<x>.+?)(?:\s+throughout\b.*|\s+in\s+the\b.*)?$",
                            re.IGNORECASE | re.DOTALL)
_GLOBAL = re.compile(r"^(?:all\s+)?references?\s+to\b|全文|所有|均", re.IGNORECASE)


@dataclass
class Change:
    """One statement of the amendment: what it changes (old/label) into what (new)."""

    label: str
    old: str
    new: str
    quote: str
    source: SourceRef


def _ref(block: Block, quote: str, source_name: str) -> SourceRef:
    section = f"{Path(source_name).name}"
    return SourceRef(page=block.page, paragraph=block.paragraph, section=section, quote=quote[:500])


_NEW_LINE_STARTS = re.compile(r"\s*(?:[(（]?[0-9一二三四五六七八九十]{1,3}[.、)）]|[•●■○\-–]|"
                              r"(?:更正|变更|修改)[前后]|原|现|existing|original|revised|amended|for\b|read\b)",
                              re.IGNORECASE)


def _unwrap(text: str) -> str:
    """Join lines a PDF wrapped mid-sentence; keep breaks before numbered or labelled lines."""
    lines = [line.strip() for line in text.split("\n")]
    out = lines[:1]
    for line in lines[1:]:
        if not line or not out[-1] or _NEW_LINE_STARTS.match(line) or out[-1][-1] in "。；;:：!?！？":
            out.append(line)
        else:
            cjk = "\u4e00" <= out[-1][-1] <= "\u9fff" or "\u4e00" <= line[0] <= "\u9fff"
            out[-1] += ("" if cjk else " ") + line
    return "\n".join(out)


_OPEN_QUOTES, _CLOSE_QUOTES = "“‘「『", "”’」』"


def _sentences(text: str) -> list[str]:
    """Sentences, but never split inside a quotation: '原“…。”现更正为“…。”' is one change."""
    parts = []
    for chunk in re.split(r"\n|(?<=\.)\s+(?=[A-Z(“\"‘])", _unwrap(text)):
        depth, start = 0, 0
        for i, ch in enumerate(chunk):
            depth += (ch in _OPEN_QUOTES) - (ch in _CLOSE_QUOTES and depth > 0)
            if depth == 0 and ch in "。；;!?！？" and not (i + 1 < len(chunk) and chunk[i + 1] in _CLOSE_QUOTES):
                parts.append(chunk[start:i + 1])
                start = i + 1
        parts.append(chunk[start:])
    return [p.strip() for p in parts if p and p.strip()]


def _clean(text: str) -> str:
    """Trim quotes and joining punctuation, but keep a clause's own full stop."""
    text = text.strip().strip("“”\"‘’'「」『』").lstrip(":：,，;；").rstrip(",，;；").strip()
    return text.strip("“”\"‘’'「」『』").strip()


def _changes_in_sentence(sentence: str) -> list[tuple[str, str, str, str]]:
    """(label, old, new, quote) for each change stated in one sentence."""
    m = _ZH_ORIGINAL_NOW.search(sentence)
    if m:
        return [(m["old"], m["old"], m["new"], sentence)]
    found = [(f"{m['label']} {m['old']}", m["old"], m["new"], sentence)
             for m in _ZH_FROM_TO.finditer(sentence) if _CONCRETE.search(m["new"])]
    if found:
        return found
    found = [(m["label"], "", m["new"], sentence)
             for m in _ZH_LABEL_NOW.finditer(sentence) if _CONCRETE.search(m["new"])]
    if found:
        return found
    for part in _EN_SPLIT.split(sentence):  # 'X replaced with A and references to Y with B'
        for index, pattern in enumerate(_EN_PATTERNS):
            m = pattern.search(part)
            if m and _english_change_is_specific(m, from_to=index == 0):
                found.append((m["old"], m["old"], m["new"], part))
                break
    return found


def _english_change_is_specific(m: re.Match, from_to: bool) -> bool:
    if from_to and not _CONCRETE.search(m["new"]):
        return False
    modal = (m.groupdict().get("be") or "").lower().startswith(("shall", "will"))
    return not modal or bool(_ANCHOR.search(m["old"]))


def _table_changes(block: Block, source_name: str) -> list[Change]:
    """更正前 / 更正后 (Existing / Revised) tables: one change per row."""
    rows = block.rows or []
    if len(rows) < 2:
        return []
    header = [c.strip() for c in rows[0]]
    old_col = next((i for i, h in enumerate(header) if _OLD_HEAD.search(h)), None)
    new_col = next((i for i, h in enumerate(header) if _NEW_HEAD.search(h) and i != old_col), None)
    if old_col is None or new_col is None:
        return []
    changes = []
    for row in rows[1:]:
        if max(old_col, new_col) >= len(row) or not row[new_col].strip():
            continue
        label = " ".join(c for i, c in enumerate(row) if i not in (old_col, new_col))
        quote = " | ".join(row)
        changes.append(Change(f"{label} {row[old_col]}", row[old_col], row[new_col], quote,
                              _ref(block, quote, source_name)))
    return changes


def find_changes(doc: Document, source_name: str) -> list[Change]:
    """Every change statement of an amendment document, in reading order."""
    changes: list[Change] = []
    for block in doc.blocks:
        if block.kind == "table":
            table_changes = _table_changes(block, source_name)
            if table_changes:
                changes.extend(table_changes)
                continue
        pending_old: str | None = None
        for sentence in _sentences(block.text):
            old_line, new_line = _LINE_OLD.match(sentence), _LINE_NEW.match(sentence)
            if old_line:
                pending_old = old_line["t"]
                continue
            if new_line and pending_old is not None:
                changes.append(Change(pending_old, pending_old, new_line["t"], sentence,
                                      _ref(block, f"{pending_old} → {new_line['t']}", source_name)))
                pending_old = None
                continue
            for label, old, new, quote in _changes_in_sentence(sentence):
                changes.append(Change(label, old, new, quote, _ref(block, quote, source_name)))
    return changes


# ------------------------------------------------------------------ applying changes

def _fields_for(change: Change) -> list[tuple[str, str]]:
    label = change.label
    if _NOT_DEADLINE.search(label):
        return []
    fields = [(name, kind) for name, kind, rx in _FIELDS if rx.search(label)]
    if any(name == "deposit" for name, _ in fields):  # '保证金缴纳截止时间' is the deposit's date
        fields = [(name, kind) for name, kind in fields if kind == "money"]
    return fields


def _new_value(kind: str, text: str) -> object | None:
    if kind == "date":
        found = find_datetime(text)
        return found[0] if found else None
    amounts = [m for m in find_money(text) if not m.per_unit]
    return amounts[0].amount if amounts else None


def _show(value: object) -> str:
    if value is None:
        return "(not found)"
    return f"{value:,.2f}".rstrip("0").rstrip(".") if isinstance(value, float) else str(value)


def _apply_meta(tender: Tender, change: Change, name: str) -> list[str]:
    notes = []
    for field, kind in _fields_for(change):
        value = _new_value(kind, change.new)
        if value is None:
            continue
        before = getattr(tender.meta, field)
        setattr(tender.meta, field, value)
        tender.meta.sources[field] = change.source
        notes.append(f"{name}: {field} changed from {_show(before)} to {_show(value)} "
                     f"({change.source.where or 'amendment'}).")
    return notes


def _norm(text: str) -> str:
    return re.sub(r"[\s“”\"‘’'「」『』]+", "", text).lower()


def _old_keys(change: Change) -> list[str]:
    """The text the tender should contain: quoted parts first, else the old text itself."""
    quoted = [m["q"] for m in _QUOTED.finditer(change.old)]
    if quoted:
        return quoted
    old = _clean(change.old)
    refs = _REFERENCES_TO.match(old)
    if refs:
        return [_clean(refs["x"])]
    return [old] if len(old) >= 6 else []


def _replace_in_text(text: str, old: str, new: str) -> str | None:
    """The clause with `old` replaced by `new`, or None when the clause does not contain it."""
    if old in text:
        return text.replace(old, new)
    if _norm(old) and _norm(old) in _norm(text):
        if len(_norm(old)) >= 0.6 * len(_norm(text)):
            return new  # the amendment restates (almost) the whole clause
        return f"{text} 【更正：{new}】"
    return None


def _apply_clauses(tender: Tender, change: Change, name: str) -> list[str]:
    new = _clean(_QUOTED.search(change.new)["q"]) if _QUOTED.search(change.new) else _clean(change.new)
    notes = []
    for key in _old_keys(change):
        for req in tender.requirements:
            replaced = _replace_in_text(req.text, key, new)
            if replaced is not None and replaced != req.text:
                req.text = replaced
                notes.append(f"{name}: clause {req.id or ''} at {req.source.where or '?'} changed "
                             f"('{key[:40]}' → '{new[:60]}').".replace("clause  at", "clause at"))
        for item in tender.scoring:
            for attr in ("item", "criteria"):
                replaced = _replace_in_text(getattr(item, attr), key, new)
                if replaced is not None and replaced != getattr(item, attr):
                    setattr(item, attr, replaced)
                    notes.append(f"{name}: scoring item '{item.item[:30]}' changed "
                                 f"('{key[:40]}' → '{new[:60]}').")
    return notes or _apply_by_clause_number(tender, change, new, name)


_CLAUSE_NUMBER = re.compile(r"第\s*(?P<a>\d+(?:\.\d+)*)\s*[条款项点]|(?:clause|item|para(?:graph)?|"
                            r"section|sl\.?\s*no\.?)\s*(?P<b>\d+(?:\.\d+)*)", re.IGNORECASE)
_CHAPTER = re.compile(r"第[一二三四五六七八九十\d]+[章部分]+|(?:section|chapter|part)\s+[IVX\d]+", re.IGNORECASE)


def _apply_by_clause_number(tender: Tender, change: Change, new: str, name: str) -> list[str]:
    """'原第三章第5条…现更正为：…' / 'Clause 4.2 shall be read as …': the one clause numbered so.

    Only when exactly one clause carries that number (within the named chapter, if one is
    named) is it replaced; otherwise the caller reports the change for a human.
    """
    number = _CLAUSE_NUMBER.search(change.old)
    if not number or len(new) < 6:
        return []
    digits = number["a"] or number["b"]
    chapter = _CHAPTER.search(change.old)
    starts = re.compile(rf"^\s*[★▲※#*]?\s*{re.escape(digits)}(?![\d.]\d)[.、．:：)）\s]")
    candidates = [r for r in tender.requirements if starts.match(r.text)
                  and (chapter is None or chapter[0].lower() in (r.source.section or "").lower())]
    if len(candidates) != 1:
        return []
    req = candidates[0]
    req.text = new
    return [f"{name}: clause {digits} at {req.source.where or '?'} replaced with '{new[:60]}'."]


def _meta_from_amendment(tender: Tender, amendment: Tender, name: str, done: set[str]) -> list[str]:
    """Dates and amounts the amendment states in a changing sentence but no pattern caught."""
    notes = []
    for field in ("deadline", "opening", "budget", "max_price", "deposit"):
        value, source = getattr(amendment.meta, field), amendment.meta.sources.get(field)
        if field in done or value is None or source is None or value == getattr(tender.meta, field):
            continue
        if not re.search(r"变更|更正|修改|调整|延期|推迟|顺延|extended|revised|amended|postponed",
                         source.quote, re.IGNORECASE):
            continue
        before = getattr(tender.meta, field)
        setattr(tender.meta, field, value)
        tender.meta.sources[field] = source.model_copy(update={"section": Path(name).name})
        notes.append(f"{name}: {field} changed from {_show(before)} to {_show(value)} "
                     f"({source.where or 'amendment'}).")
    return notes


def apply_changes(tender: Tender, changes: list[Change], amendment: Tender | None,
                  source_name: str) -> Tender:
    """Pure: a copy of `tender` with the changes applied and recorded."""
    result = tender.model_copy(deep=True)
    name = Path(source_name).name
    notes: list[str] = []
    done: set[str] = set()
    for change in changes:
        meta_notes = _apply_meta(result, change, name)
        done.update(f for f, _ in _fields_for(change))
        clause_notes = _apply_clauses(result, change, name) if not meta_notes or _QUOTED.search(change.old) else []
        notes += meta_notes + clause_notes
        if not meta_notes and not clause_notes:
            notes.append(f"{name}: a change could not be matched to the tender, check it by hand: "
                         f"'{change.quote[:120]}' ({change.source.where or 'amendment'}).")
    if amendment is not None:
        notes += _meta_from_amendment(result, amendment, name, done)
        number = amendment.meta.project_number
        if number and tender.meta.project_number and _norm(number) != _norm(tender.meta.project_number):
            notes.append(f"{name}: its project number {number} differs from the tender's "
                         f"{tender.meta.project_number}; check it is the right amendment.")
    if not notes:
        notes.append(f"{name}: no change statements recognised; review the amendment by hand.")
    result.amendments += notes
    result.warnings += notes
    return result


def apply_amendment(tender: Tender, amendment: Document, source_name: str | None = None) -> Tender:
    """Apply one amendment (更正公告 / corrigendum), read once as a Document."""
    from bidkit.tender import parse_document

    source_name = source_name or amendment.path
    changes = find_changes(amendment, source_name)
    return apply_changes(tender, changes, parse_document(amendment), source_name)
