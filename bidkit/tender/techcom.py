"""Technical and commercial requirements (采购需求 / 技术要求 / 商务要求 / Scope of Work).

One item per numbered clause or parameter-table row inside the tender's requirement chapter,
with its marker (★/▲ …) when it has one. Sub-headings inside the chapter switch the kind:
'商务要求', '付款方式', '验收' … are commercial; '技术参数', '服务内容' … technical. These items feed
the deviation tables and the requirement matrix, so the list stays bounded and skips titles,
table headers and cross-references.
"""

from __future__ import annotations

import re

from bidkit.model import Requirement, RequirementKind
from bidkit.tender.clause_list import is_toc_line, to_requirement
from bidkit.tender.clause_split import Clause, is_header_row, split_clauses
from bidkit.tender.outline import Outline, Section

_REQUIREMENT_TITLE = re.compile(
    r"采购需求|用户需求|需求书|技术(?:要求|规格|规范|参数|需求)|服务(?:要求|需求)|商务(?:和|及|与)?(?:技术)?要求|"
    r"(?:技术|服务)[/／、和及与]?(?:服务)?(?:标准|要求)|(?:项目|招标|采购)(?:项目)?要求|"
    r"项目需求|采购内容|采購需求|需求說明|技術規格|(?:計畫|计划|工作|服務|服务|业务|業務)需求|"
    r"工作(?:内容|範圍|范围)|服[务務](?:内容|範圍|范围)|"
    r"scope of (?:work|services)|technical (?:specifications?|requirements)|terms of reference|"
    r"statement of work|(?:functional|general|non-functional) requirements|schedule of requirements",
    re.IGNORECASE)
_NOT_REQUIREMENT = re.compile(r"格式|附件|须知|評選|评标|评审|评分|合同|evaluation|instructions|forms?\b|"
                              r"conditions of contract|data sheet", re.IGNORECASE)
_COMMERCIAL = re.compile(r"商务|付款|支付|结算|报价|价格|交货|交付|供货|验收|质保|保修|售后|履约|违约|保证金|"
                         r"发票|税|工期|服务期|期限|commercial|payment|delivery|warranty|acceptance|penalt|"
                         r"liquidated|invoice|price|schedule", re.IGNORECASE)
_TECHNICAL = re.compile(r"技术|参数|规格|性能|功能|配置|服务内容|服务要求|服务标准|工作内容|人员|安全|质量|"
                        r"technical|functional|specification|performance|service|scope|deliverable", re.IGNORECASE)
_CROSS_REF = re.compile(r"^(?:见|详见|参见|具体见|同上|略|/|无)[。.]?$")
_MARKERS = "★▲※"  # plus whatever the tender's own legend defines
# A requirement says what must be done or met: a modal verb, a comparator, or a parameter row.
_REQUIREMENT_WORDS = re.compile(
    r"须|应|應|須|需|必须|不得|不少于|負責|確保|保證|滿足|具備|提交|提出|不低于|不高于|不超过|不小于|不大于|至少|以上|以下|要求|提供|负责|确保|保证|满足|符合|"
    r"具备|具有|承担|配备|按照|[≥≤＞＜><±]|\b(?:shall|must|should|will|required?|provide|ensure|"
    r"minimum|maximum|at least|not exceed|support|allow)\b", re.IGNORECASE)
# Sub-titles inside the requirement chapter whose text is not a technical/commercial item.
_ELIGIBILITY_TITLE = re.compile(r"资格|资质要求|合格(?:的)?(?:投标人|供应商)|資格|eligib|qualification of", re.IGNORECASE)
_DESCRIPTION_TITLE = re.compile(r"背景|概况|概述|简介|現況|概況|background|introduction|overview|about\b",
                                re.IGNORECASE)
_STRONG_MODAL = re.compile(r"须|必须|应当|应|不得|須|應|\b(?:shall|must|should|is required to)\b", re.IGNORECASE)
# Table columns that say the rows are requirements (a parameter or deliverable table).
_REQUIREMENT_COLUMN = re.compile(r"要求|参数|指标|规格|标准|配置|内容|数量|需求|規格|參數|需求|"
                                 r"requirement|specification|parameter|deliverable|scope|compliance|description|"
                                 r"activity|task|quantity|capabilit|expect", re.IGNORECASE)
_MAX_ITEMS = 400


def extract_technical_commercial(outline: Outline, legend: dict[str, str]) -> list[Requirement]:
    regions = _requirement_regions(outline)
    if not regions:
        return []
    clauses = split_clauses(outline)
    out: list[Requirement] = []
    marks = {m for m in legend if m.strip()} | set(_MARKERS)
    for start, end in regions:
        kind: RequirementKind = "technical"
        kind_rank = 99  # rank of the title that set the kind; a title as high resets it
        inherited: tuple[str, int] | None = None  # a marked title ('★一、技术要求') marks its clauses
        skipping = False  # under '项目背景' / '资格要求' / 'Background': description or eligibility
        header: list[str] = []
        for c in clauses:
            if not start <= c.block.index < end:
                continue
            if _is_title(c):
                if _NOT_REQUIREMENT.search(c.body) and not _REQUIREMENT_TITLE.search(c.body):
                    break  # the contract or the forms start inside the chapter
                skipping = not _REQUIREMENT_TITLE.search(c.body) and (
                    "eligibility" if _ELIGIBILITY_TITLE.search(c.body) else
                    "description" if _DESCRIPTION_TITLE.search(c.body) else False)
                new_kind = _kind_of_title(c.body, kind)
                if new_kind == kind == "commercial" and not _COMMERCIAL.search(c.body) and c.rank <= kind_rank:
                    new_kind = "technical"  # 'Payment Terms' then 'Property Tax Module': back to the scope
                if new_kind != kind or _COMMERCIAL.search(c.body) or _TECHNICAL.search(c.body):
                    kind_rank = c.rank
                kind = new_kind
                mark = _marker(c, marks)
                if mark:
                    inherited = (mark, c.rank)
                elif inherited and c.rank <= inherited[1]:
                    inherited = None
                continue
            if c.is_row:
                header = _table_header(c, header)
            if skipping == "eligibility" or skipping == "description" and not _STRONG_MODAL.search(c.text):
                continue  # eligibility is its own list; a background section only counts where it obliges
            if not _is_requirement(c) or (c.is_row and not _requirement_row(c, header)):
                continue
            marker = _marker(c, marks) or (inherited[0] if inherited else None)
            out.append(to_requirement(outline, c, kind, marker=marker))
            if len(out) >= _MAX_ITEMS:
                return out
    return out


def _requirement_regions(outline: Outline) -> list[tuple[int, int]]:
    """Block ranges of the requirement chapters (or sections, when the tender has no chapters
    that say so)."""
    for level in (outline.chapters, getattr(outline, "sections", [])):
        hits = [s for s in level if _is_requirement_title(s)]
        if hits:
            return [_body_region(outline, s) for s in hits]
    return [] if outline.chapters else _regions_from_titles(outline)


_TOP_TITLE = re.compile(r"^(?:section|part|annex(?:ure)?|appendix|chapter|schedule)\s*[-–:.]?\s*(?:[IVXLC]+|\d+|[A-Z])\b|"
                        r"^第\s*[一二三四五六七八九十\d]+\s*[章部篇卷]", re.IGNORECASE)


def _body_region(outline: Outline, s: Section, span: int = 400) -> tuple[int, int]:
    """A chapter of a few blocks is a contents line the outline took for the chapter (PDF
    tenders whose body headings it did not see): the requirements start where the same title
    appears again as a line of its own, and run to the next top-level title."""
    if s.end - s.start > 3:
        return s.start, s.end
    blocks = outline.doc.blocks
    for b in blocks[s.end:]:
        text = b.text.strip()
        if b.kind == "table" or len(text) > 80 or is_toc_line(text) or re.search(r"[。；;.]$", text):
            continue
        if _REQUIREMENT_TITLE.search(text) and not _NOT_REQUIREMENT.search(text) and \
                (_TOP_TITLE.match(text) or re.match(r"(?:annex(?:ure)?|appendix|attachment|附件)\b", text, re.IGNORECASE)):
            end = next((x.index for x in blocks[b.index + 1: b.index + span]
                        if x.kind != "table" and len(x.text) <= 80 and _TOP_TITLE.match(x.text.strip())
                        and not _REQUIREMENT_TITLE.search(x.text)),  # 'Part II: Requirements' 'Section IV: ToR'
                       min(len(blocks), b.index + span))
            return b.index, end
    return s.start, s.end


def _is_requirement_title(s: Section) -> bool:
    return bool(_REQUIREMENT_TITLE.search(s.title)) and not _NOT_REQUIREMENT.search(s.title) \
        and not is_toc_line(s.title)


def _regions_from_titles(outline: Outline) -> list[tuple[int, int]]:
    """No chapter structure: a short title line such as 'Scope of Work' or 'Technical
    Requirements' starts a region that runs to the next title line of another kind."""
    blocks = outline.doc.blocks
    regions: list[tuple[int, int]] = []
    start = None
    for b in blocks:
        text = b.text.strip()
        if b.kind == "table" or len(text) > 120 or is_toc_line(text):
            continue
        head = text[:60]
        if _REQUIREMENT_TITLE.search(head) and not _NOT_REQUIREMENT.search(head):
            if start is None:
                start = b.index
        elif start is not None and _looks_like_other_title(text):
            regions.append((start, b.index))
            start = None
    if start is not None:
        regions.append((start, min(len(blocks), start + 400)))
    return regions


def _looks_like_other_title(text: str) -> bool:
    return len(text) <= 60 and bool(re.match(
        r"(?:\d+\.?\s*)?(?:proposal|evaluation|instructions|submission|general terms|terms and conditions|"
        r"pricing|price|payment schedule|annex|appendix|form)\b", text, re.IGNORECASE))


def _is_title(c: Clause) -> bool:
    if c.is_row:
        return False
    body = c.body
    if c.is_heading:
        return True
    if re.search(r"[A-Za-z]{3}", body[:12]):  # English: a short capitalised line without a stop
        words = body.split()
        return 0 < len(words) <= 8 and not body.endswith((".", ";", ":")) and \
            sum(w[:1].isupper() for w in words) >= max(1, len(words) * 0.6)
    return len(body) <= 20 and not re.search(r"[。；;，,]", body) and \
        not re.search(r"\d+\s*(?:天|日|个|人|%|元|年|月|小时|h|days?)", body)


def _kind_of_title(title: str, current: RequirementKind) -> RequirementKind:
    commercial = _COMMERCIAL.search(title)
    technical = _TECHNICAL.search(title)
    if commercial and not (technical and technical.start() < commercial.start()):
        return "commercial"
    if technical:
        return "technical"
    return current


def _is_requirement(c: Clause) -> bool:
    if c.is_row and is_header_row(c.cells):
        return False
    body = c.body.strip()
    core = re.sub(r"[\W_]+", "", body)
    if len(core) < 8 or _CROSS_REF.match(body) or is_toc_line(body):
        return False
    if body.rstrip().endswith(("：", ":")) and len(core) <= 30:
        return False
    return c.is_row or bool(_REQUIREMENT_WORDS.search(body)) or _marker(c, set(_MARKERS)) is not None


def _table_header(c: Clause, current: list[str]) -> list[str]:
    """The header row of the table this row belongs to (first row of its block)."""
    rows = c.block.rows or []
    return [h.strip() for h in rows[0]] if rows else current


def _requirement_row(c: Clause, header: list[str]) -> bool:
    """A row counts when it states a requirement itself, carries a marker, or sits in a table
    whose columns are requirements; rows of a descriptive table (an organisation chart, a list
    of committees, a site inventory) do not."""
    if _REQUIREMENT_WORDS.search(c.text) or _marker(c, set(_MARKERS)) is not None:
        return True
    return any(_REQUIREMENT_COLUMN.search(h) for h in header)


def _marker(c: Clause, marks: set[str]) -> str | None:
    probe = c.text.lstrip()
    if c.number:
        probe = probe[:len(c.number) + 2]
    for cell in ([probe] + c.cells[:2]):
        cell = cell.lstrip()
        hit = next((m for m in marks if m and cell.startswith(m)), None)
        if hit:
            return hit
        m = re.match(r"^[\d.．、)）(（\s]*([★▲※■◆●☆△#＃*])", cell)
        if m and m.group(1) in marks:
            return m.group(1)
    return None
