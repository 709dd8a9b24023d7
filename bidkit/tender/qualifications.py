"""Qualification requirements (资格要求 / 资格条件 / 资格审查 / eligibility), one item per clause.

Found from the tender's own structure: a heading or lead-in that names the qualification
list, then its numbered items (or table rows) until the numbering climbs back out.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bidkit.model import Requirement
from bidkit.tender.clause_list import (
    JOINT,
    NO_JOINT_BIDS,
    fold_sub_conditions,
    in_toc,
    is_toc_line,
    leaf_items,
    list_after,
    near_duplicate,
    to_requirement,
)
from bidkit.tender.clause_split import Clause, inline_items, numbering_of, sentences, split_clauses
from bidkit.tender.outline import Outline
from bidkit.tender.qualifications_prose import empanelled, implicit_eligibility

_ZH_HEAD = re.compile(
    r"资格(?:要求|条件|审查|性检查|性审查|评审|标准)|资质要求|合格(?:的)?(?:投标人|供应商|申请人)|"
    r"(?:供应商|投标人|申请人|响应人|竞标人|报价人|磋商人|谈判人|参选人)(?:的)?资格|应具备(?:的|以下|下列)?.{0,4}条件|"
    r"資格(?:要求|條件|審查)|投標人資格|廠商資格|(?:基本|特定)資格|廠商應(?:具備|符合)(?:之|下列)?.{0,4}(?:條件|資格)"
)
_EN_HEAD = re.compile(
    r"\b(?:eligibility|qualification (?:criteria|requirements)|minimum qualification|"
    r"pre-?qualification|general requirements|eligible (?:bidders|firms|contractors|offerors|suppliers|applicants)|"
    r"qualifications? of (?:the )?(?:bidder|tenderer|consultant|firm|vendor|contractor|offeror|quoter|supplier|"
    r"applicant|service provider|successful))",
    re.IGNORECASE,
)
# Headings that name a procedure or evidence, not the requirements themselves.
_NOT_HEAD = re.compile(
    r"程序|流程|方法|证明文件|证明材料|审查资料|为证明|声明|响应表|资格后审|资格预审公告|可于|报名|获取|登录|documents? establishing|"
    r"evaluation of|procedure|form\b", re.IGNORECASE)
# An inline label that makes the clause itself a requirement on the bidder:
# 'Characteristic of the audit firm: The audit firm should be …', '投标人资格要求：具有…'.
_INLINE_LABEL = re.compile(
    r"^(?:(?:characteristics?|requirements?|qualifications?|eligibility)\s+(?:of|for)\s+(?:the\s+)?"
    r"(?:\w+\s+)?(?:firm|bidder|consultant|vendor|supplier|contractor|tenderer|agency|company)s?)"
    r"\s*[:：]\s*\S.{10,}", re.IGNORECASE)
# English pass/fail criteria tables that PDF text flattens into runs of sentences.
_EN_CRITERIA_HEAD = re.compile(r"(?:eligibility|qualification)\s+(?:and\s+qualification\s+)?criteria\b(?!\s+will)",
                               re.IGNORECASE)
_EN_CRITERIA_END = re.compile(r"evaluation criteria|technical (?:and financial )?(?:proposal )?evaluation|"
                              r"scoring|points obtainable|terms of reference|^section\s+\d", re.IGNORECASE)
_EN_CRITERION = re.compile(r"\b(?:must|should|shall|not|no|minimum|at least|registered|experience|"
                           r"turnover|years?)\b", re.IGNORECASE)
_PERSONNEL = re.compile(r"人员|专家|经理|负责人|工程师|团队|成员|staff|personnel|expert|team|key", re.IGNORECASE)
_REVIEW_OUTCOME = re.compile(r"审查不(?:通过|合格)|不(?:通过|合格)|无效|否决其?投标(?!资格)|rejected|disqualif", re.IGNORECASE)
# '资格审查' alone titles the review procedure; its numbered text is procedure, its table rows
# are the checks.
_PROCEDURE_TITLE = re.compile(r"^(?:[^\w]*)(?:对(?:投标人|供应商|申请人)的?)?(?:资格(?:性)?(?:审查|评审|检查))(?:程序|办法)?\s*$")
_LEAD_IN = re.compile(r"(?:下列|以下|如下|following)[^。；]*[：:]\s*$", re.IGNORECASE)
_MAX_ITEMS = 60
# 'This section lays down the criteria …' / '本章规定…': says what a part of the tender holds.
_DESCRIBES_PART = re.compile(r"(?:this|the following) (?:section|part|chapter|annex(?:ure)?|appendix)\b|"
                             r"本(?:章|部分|节|附件)(?:规定|包括|列明|说明)", re.IGNORECASE)
# 'Form 2.1: Performance Capability Statement', '附件3：资格声明函': the name of a form to fill in.
_FORM_NAME = re.compile(r"(?:forms?|annex(?:ure)?|appendix|附件|附表)\s*[\dA-Z][\w.\-]*\s*[:：]", re.IGNORECASE)
# What the reviewer does with the requirements, not a requirement ('资格审查依据…', '…查询投标人信用记录',
# '通过资格审查的投标人不足3家的，不得评标').
_PROCEDURE_ITEM = re.compile(r"整个(?:招标|采购)?(?:范围|项目)[^。]{0,6}投标|不得(?:拆分|分拆)投标|资格审查资料|审查人|进行审查|资格审查依据|资格后审|资格预审方式|负责资格审查|资格审查结果|不足\s*(?:3|三)\s*家|查询[^。]{0,12}信用记录|信用记录查询|"
                             r"審查人|進行審查")
_FIRST_PERSON = re.compile(r"^(?:our|we)\b|我方|我公司|本公司|本单位|本人", re.IGNORECASE)


def extract_qualifications(outline: Outline) -> list[Requirement]:
    clauses = _without_footnotes(split_clauses(outline))
    found: list[Clause] = []
    tables: list[Clause] = []  # criteria table rows: one criterion per row, never split
    position = {id(c): n for n, c in enumerate(clauses)}
    for i, c in enumerate(clauses):
        if _is_qualification_head(c, outline.section_title(c.block) or "") and not in_toc(outline, c):
            items = [x for x in leaf_items(fold_sub_conditions(_without_notes(list_after(clauses, i), position)))
                     if not _is_qualification_head(x) and (x.is_row or not _PROCEDURE_ITEM.search(x.text))]
            if not any(x.is_row for x in items):
                tables += _criteria_table_after(clauses, i)
            if _PROCEDURE_TITLE.match(c.body):
                items = [x for x in items if x.is_row]
            _add_list(found, items)
        if len(found) >= _MAX_ITEMS:
            break
    _add_list(found, [c for c in clauses if _INLINE_LABEL.match(c.body)])
    tables += _eligibility_column_rows(clauses)
    if not found and not tables:  # a flattened criteria table only when no list was found
        _add_list(found, _english_criteria(outline, clauses))
    if not found and not tables:  # no eligibility section at all (US RFQs): who may quote, said in passing
        _add_list(found, implicit_eligibility(clauses))
    _add_list(found, _cell_lists(clauses))
    _add_list(found, empanelled(outline, clauses))
    _add_list(found, _table_group_rows(clauses))
    found = [piece for c in found if not _not_a_criterion(c, clauses, position)
             for piece in _split_english_criteria(c)]
    _add_list(found, tables)
    if NO_JOINT_BIDS.search(outline.doc.text):
        # only items about consortia (named up front); a long check row that mentions them stays
        found = [c for c in found if not JOINT.search(c.body[:30]) or NO_JOINT_BIDS.search(c.text)]
        if found and not any(NO_JOINT_BIDS.search(c.text) for c in found):
            found += _no_joint_bids_sentence(outline, clauses)
    return [to_requirement(outline, c, "qualification", text=c.text) for c in found[:_MAX_ITEMS]]


_MODAL = re.compile(r"\b(?:should|must|shall)\b", re.IGNORECASE)


def _split_english_criteria(c: Clause) -> list[Clause]:
    """'The agency should have … . The lead agency should have …': an English item that holds
    several criterion sentences (a table row PDF text merged) gives one item per sentence.
    A numbered item is one clause by the tender's own numbering and stays whole."""
    if c.style not in (None, "row", "bullet"):
        return [c]
    parts = sentences(c.text)
    if len(parts) < 2 or not re.search(r"[A-Za-z]{4}", c.text[:40]):
        return [c]
    if sum(bool(_MODAL.search(p)) for p in parts) < 2 or not all(len(p) >= 25 for p in parts[1:]):
        return [c]
    return [replace(c, text=p) for p in parts]


_CONDITIONAL = re.compile(r"时[，,]|如果|若|如本项目|\bif\b|\bwhere\b", re.IGNORECASE)


def _no_joint_bids_sentence(outline: Outline, clauses: list[Clause]) -> list[Clause]:
    """'本项目不允许联合体投标。' after a list's last item (across a page break), or 'The joint
    ventures/Consortium is not accepted.' inside the list's lead-in: a condition on who may bid,
    stated once, that the list walker does not reach."""
    for c in clauses:
        if in_toc(outline, c) or _OTHER_CHAPTER.search(outline.section_title(c.block) or ""):
            continue
        for sentence in sentences(c.text) if NO_JOINT_BIDS.search(c.text) else []:
            if NO_JOINT_BIDS.search(sentence) and len(sentence) <= 60 and not _CONDITIONAL.search(sentence):
                return [replace(c, text=sentence.lstrip(" |"), number="", style=None)]
    return []


def _not_a_criterion(c: Clause, clauses: list[Clause], position: dict[int, int]) -> bool:
    """Form names, descriptions of a tender part, document-number lines, and English sub-titles
    ('4.2.1 Restrictions based on Reciprocity.' followed by its paragraph)."""
    body = c.text[len(numbering_of(c.text)[1]):].strip()
    if _DESCRIBES_PART.match(body) or _FORM_NAME.match(body) or _DOC_NUMBER.match(body) or _POINTER.search(body):
        return True
    if c.is_row or not re.match(r"[A-Za-z]", body) or len(body.split()) > 8 or _VERB.search(body):
        return False
    n = position.get(id(c))
    nxt = clauses[n + 1] if n is not None and n + 1 < len(clauses) else None
    return nxt is not None and nxt.style is None and not nxt.is_row


# '投标人应满足前附表规定的资格要求。', '其他要求：按前附表执行。': a short line that only points elsewhere.
_POINTER = re.compile(r"^.{0,24}(?:详见|见|按照?|满足|符合)[^。；]{0,14}(?:前附表|第[一二三四五六七八九十\d]+(?:章|部分)|招标公告|"
                      r"投标人须知|供应商须知|附录|附件)[^。；，,]{0,10}[。；;]?$")
_DOC_NUMBER = re.compile(r"^[\w ]{0,30}\b(?:document|tender|bid|rfp|rfq|eoi|ref(?:erence)?)\.?\s+No\.?\s*[:.]?\s*\S*\d\S*"
                         r"(?:\s*\(\d+\))?\s*$", re.IGNORECASE)
_VERB = re.compile(r"\b(?:must|should|shall|will|is|are|be|been|has|have|had|not|no)\b", re.IGNORECASE)


def _without_notes(items: list[Clause], position: dict[int, int]) -> list[Clause]:
    """English sub-items that explain an item are notes, not criteria: the item is a complete
    sentence ('a) … completed works.' then '(i) For evaluation purpose …'), or its colon was
    answered by unnumbered text first ('a) … following works:' 'Three works of …' 'Note- …' then
    '(i) …'). Chinese items often end '…条件。' before their list, so they are left alone."""
    top = next((c.style for c in items if c.style not in (None, "row")), None)
    out: list[Clause] = []
    parent: Clause | None = None
    notes: bool | None = None
    for c in items:
        if c.style in (None, "row", top):
            parent, notes = (c, None) if c.style == top else (parent, notes)
            out.append(c)
            continue
        if parent is not None and re.match(r"[A-Za-z]", parent.body):
            if notes is None:
                notes = not parent.body.rstrip().endswith((":", "：")) or \
                    position.get(id(c), 0) - position.get(id(parent), 0) > 1
            if notes:
                continue
        out.append(c)
    return out


def _add_list(found: list[Clause], items: list[Clause]) -> None:
    """Add one list's items, leaving out those that repeat an item of an earlier list (tenders
    restate the notice's list in a review table); items of the same list are all distinct."""
    earlier = list(found)
    for item in items:
        if not any(item is f or item.block is f.block and item.text == f.text or
                   near_duplicate(item.text, f.text) for f in earlier):
            found.append(item)


# Chapters where qualification words describe the review or the forms, not the requirements.
_OTHER_CHAPTER = re.compile(r"评标|评审|评分|评议|磋商程序|格式|附件|evaluation|forms?\b|annex", re.IGNORECASE)


def _is_qualification_head(c: Clause, chapter: str = "") -> bool:
    if c.is_row or c.style in ("chapter", "bullet") or is_toc_line(c.text):
        return False  # a bullet ('• Transport eligibility') is a feature in a list, not a title
    if _OTHER_CHAPTER.search(chapter) and not _ZH_HEAD.search(chapter):
        return False
    body = c.body
    head = body[:40]
    if _FIRST_PERSON.search(head):
        return False  # 'Our Eligibility and Qualifications:' in a declaration form
    if not (_ZH_HEAD.search(head) or _EN_HEAD.search(head)) or _NOT_HEAD.search(head):
        return False
    if _LEAD_IN.search(body):
        return not _REVIEW_OUTCOME.search(body)  # '…之一的，资格审查不通过：' lists failures
    m = _ZH_HEAD.search(head) or _EN_HEAD.search(head)
    if re.search(r"[、及与和]", body[max(0, m.start() - 4): m.end() + 2]):
        return False  # '开标、资格审查及评标': a topic list, not the list's title
    if _PERSONNEL.search(body[: m.start()]):
        return False  # '拟派专家资格要求': staff requirements, not bidder eligibility
    return _title_like(body) or bool(_ZH_HEAD.match(body) and re.search(r"序号|审查因素|审查内容", body))


def _title_like(body: str) -> bool:
    limit = 80 if re.match(r"[A-Za-z0-9]", body) else 45  # English titles are longer in characters
    if len(body) > limit or re.search(r"[。；;，]", body):
        return False
    return not body.rstrip().endswith(".")


_CRITERIA_COLUMN = re.compile(r"^(?:criteria|criterion|conditions?|requirements?|eligibility|qualification)\b|"
                              r"资格|条件|要求", re.IGNORECASE)


def _criteria_table_after(clauses: list[Clause], i: int, window: int = 20) -> list[Clause]:
    """'Section III: Qualification Criteria', a note and a list of forms, then the criteria
    table ('S.No | QC # | Condition | Criteria | …', repeated on each page): its rows."""
    for j in range(i + 1, min(len(clauses), i + 1 + window)):
        c = clauses[j]
        if c.style == "chapter" or c.is_heading:
            return []
        if c.is_row:
            header = (c.block.rows or [[]])[0]
            if not any(_CRITERIA_COLUMN.search(h.strip()) for h in header):
                return []
            return [r for r in _table_run(clauses, j) if len(r.cells) >= 2]
    return []


def _table_run(clauses: list[Clause], j: int) -> list[Clause]:
    """Rows from clause j on, across page breaks (a table split over pages repeats its width)."""
    width = len(clauses[j].raw_cells)
    run: list[Clause] = []
    for c in clauses[j:]:
        if not c.is_row:
            if c.block.page is None or c.style is not None or len(c.text) > 80:
                break
            continue  # a running header or document number between the table's pages
        if c.table_index != clauses[j].table_index and len(c.raw_cells) != width:
            break
        run.append(c)
    return run


_ELIGIBILITY_COLUMN = re.compile(r"\b(?:eligibility|qualification)\b.{0,20}\b(?:requirements?|criteria|criterion)\b|"
                                 r"^(?:minimum\s+)?(?:eligibility|qualification)\s+(?:requirements?|criteria)$",
                                 re.IGNORECASE)


def _eligibility_column_rows(clauses: list[Clause]) -> list[Clause]:
    """Rows of a table whose column header names them ('Sr. No. | Mandatory Eligibility
    Requirement | Documentary Evidence Required | Compliant (Yes/No)'), wherever it sits."""
    out: list[Clause] = []
    for c in clauses:
        rows = c.block.rows if c.is_row else None
        if not rows or c.raw_cells == rows[0] or len(c.cells) < 2 or max(len(x) for x in c.cells) < 30 or \
                re.fullmatch(r"(?:s\.?\s*|sr\.?\s*|sl\.?\s*)?no\.?", c.cells[0], re.IGNORECASE):
            continue  # the header's own wrapped lines ('No. | be Submitted')
        if any(len(h) <= 60 and _ELIGIBILITY_COLUMN.search(h.strip()) for h in rows[0]):
            out.append(c)
    return out


def _table_group_rows(clauses: list[Clause]) -> list[Clause]:
    """Rows of an evaluation table whose group label (first cell, merged down) names the
    qualification review, e.g. '资格评审标准 | 营业执照 | 符合…'."""
    out: list[Clause] = []
    label = ""
    last_table = None
    for c in clauses:
        if not c.is_row:
            continue
        if c.table_index != last_table:
            label, last_table = "", c.table_index
        raw0 = c.raw_cells[0] if c.raw_cells else ""
        if raw0:
            label = raw0
        if len(c.cells) >= 2 and _ZH_HEAD.search(label[:12]) and not _NOT_HEAD.search(label):
            out.append(c)
    return out


def _english_criteria(outline: Outline, clauses: list[Clause], window: int = 25) -> list[Clause]:
    """Sentences of a flattened 'Minimum Eligibility and Qualification Criteria' table: each
    criterion sentence becomes one item (a Clause copy holding just that sentence)."""
    out: list[Clause] = []
    for i, c in enumerate(clauses):
        m = _EN_CRITERIA_HEAD.search(c.text)
        if m and not _title_case(m.group(0)):
            continue  # '… who fulfil the eligibility criteria …' is prose, not the table's title
        if m and _is_qualification_head(c):
            continue  # a heading of its own: its numbered list was taken already
        if m and re.search(r"\b(?:form|section|annex(?:ure)?|appendix|part)\b", c.text[:m.start()], re.IGNORECASE):
            continue  # 'Form 2: Qualification Criteria – Compliance' names a form or a part of the tender
        if not m or in_toc(outline, c) or re.search(r"\b(?:documents?|evaluation of)\b", c.text[:m.start()], re.IGNORECASE):
            continue
        tail = c.text[m.end():]
        region = [(c, tail)] + [(x, x.text) for x in clauses[i + 1: i + 1 + window]]
        for clause, text in region:
            if clause is not c and (_EN_CRITERIA_END.search(clause.text[:60]) or clause.style == "chapter"):
                break
            for sentence in sentences(text):
                if _criterion_sentence(sentence):
                    out.append(replace(clause, text=sentence, number="", style=None))
        break  # one criteria table per tender
    return out


# 'Proposals of bidders who pass the criteria will be evaluated': the procedure, not a criterion.
_WHAT_HAPPENS_NEXT = re.compile(r"\b(?:will|shall) be (?:evaluated|scored|considered|opened)\b", re.IGNORECASE)


def _without_footnotes(clauses: list[Clause], window: int = 20) -> list[Clause]:
    """A PDF footnote ('1 Non-performance, as decided by …') sits under the table whose cell
    carries its mark glued to a word ('Non-Performing Contracts1'); it explains, not requires."""
    out: list[Clause] = []
    for n, c in enumerate(clauses):
        if c.style == "n " and c.block.page is not None and re.match(r"\d+ [A-Z]", c.text):
            mark = re.compile(rf"[A-Za-z)]{c.number.strip()}(?:\s*\||\s*$|\s)")
            if any(x.block.page == c.block.page and mark.search(x.text) for x in clauses[max(0, n - window): n]):
                continue
        out.append(c)
    return out


def _title_case(phrase: str) -> bool:
    words = [w for w in phrase.split() if w.lower() not in ("and", "of", "the")]
    return all(w[:1].isupper() for w in words)


def _criterion_sentence(s: str) -> bool:
    if len(s) < 30 or not _EN_CRITERION.search(s) or _WHAT_HAPPENS_NEXT.search(s):
        return False
    return not re.match(r"(?:provide|submit|copy|copies|eligibility and qualification will)", s, re.IGNORECASE)


def _cell_lists(clauses: list[Clause]) -> list[Clause]:
    """A table row '投标人资格条件 | 1.满足…； 2.…' (前附表 style): one item per inline number."""
    out: list[Clause] = []
    seen: set[tuple] = set()
    for c in clauses:
        key = (c.block.index, tuple(c.raw_cells))
        if not c.is_row or key in seen:
            continue
        seen.add(key)
        label_at = next((k for k, cell in enumerate(c.cells) if _ZH_HEAD.search(cell[:16])
                         and not _NOT_HEAD.search(cell[:16])), None)
        if label_at is None:
            continue
        content = " ".join(c.cells[label_at:])
        pieces = inline_items(content)
        if len(pieces) < 3:
            continue
        items = [replace(c, text=p, is_row=False, style=numbering_of(p)[0], number=numbering_of(p)[1])
                 for p in pieces[1:]]
        out += leaf_items(items)
    return out
