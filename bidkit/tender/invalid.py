"""Invalid-bid / rejection conditions (无效投标, 废标, 否决投标, grounds for rejection).

Two shapes, one item per clause:
- enumerated lists under a lead-in or heading ('有下列情形之一的，投标无效：', '投标无效情形',
  '…有任何一项不符合《符合性审查要求》的，投标无效' followed by the review table's rows);
- single sentences anywhere that tie a consequence to the bid ('…，否则投标无效。',
  'Late proposals will be rejected.').
Contract chapters (post-award termination) and award cancellations are left out.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bidkit.model import Requirement
from bidkit.tender.clause_list import (
    JOINT,
    NO_JOINT_BIDS,
    in_toc,
    leaf_items,
    list_after,
    near_duplicate,
    to_requirement,
)
from bidkit.tender.clause_split import Clause, inline_items, is_header_row, sentences, split_clauses
from bidkit.tender.outline import Outline

# What happens to the bid: the consequence words.
_ZH_CONSEQUENCE = re.compile(
    r"(?:投标|响应|磋商响应|报价|投标文件|响应文件|其|该)[^。；，,]{0,6}(?:无效|失效)|无效(?:投标|响应|报价|标)|"
    r"不(?:参加|进入)(?:进一步|后续|下一步)的?(?:评审|评标)|"
    r"作?(?:为|按)?无效(?:投标|响应)?(?:文件)?处理|视为(?:无效|没有实质性响应|未实质性响应|非实质性响应|放弃)|"
    r"作?废标处理|视作废标|被?否决(?:其)?(?:投标|响应)?|予以否决|"
    r"拒收|不予(?:接收|接受)|恕不接收|(?:被|予以|将|均将)(?:全部|一并|均)?拒绝|拒绝(?:接收|并|其投标|其响应)|"
    r"(?:其|投标人|供应商)[^。，,]{0,6}不得参加(?:开标|评标|评审)|非实质性响应|无资格参加|取消(?:其)?(?:投标|参与磋商|参加)资格|"
    r"不进入(?:后续|下一步)|否则[，,]?(?:视为)?无效|取消其?(?:参与|参加)?(?:磋商|谈判|投标)?的?资格|资格审查不(?:通过|合格)|资格不符合要求|审查不通过|"
    r"不能成交|概不(?:接受|接收)|恕不(?:接受|受理)|取消(?:其)?(?:响应|磋商|谈判)资格|拒绝其参加|视为废标|否决投标|"
    r"資格不符|(?:投標|其)[^。；，,]{0,6}無效|無效(?:投標|標)|視為無效|不予接受|作?廢標處理|視(?:為|作)廢標|為廢標|(?:被|予以|將|均將)拒絕|拒絕(?:接收|其投標)|"
    r"被?否決(?:其)?投標|概不受理|不合格標"
)
# contractor / quote / EOI vocabularies name the bid too (US FAR RFQs, Indian REOIs)
_BID = r"(?:proposals?|bids?|offers?|tenders?|submissions?|quotations?|quotes?|applications?|responses?|r?eois?)"
_EN_CONSEQUENCE = re.compile(
    r"\b(?:(?:(?:will|shall|may|must|would)\s+(?:\w+\s+)?(?:be\s+)?|(?:are|is|be)\s+liable\s+to\s+be\s+)"
    r"(?:(?:summarily\s+)?rejected|disqualified|"
    r"declared\s+non-?\s*responsive|rendered\s+non-?\s*responsive|"
    r"deemed\s+(?:to\s+be\s+)?(?:substantially\s+)?non-?\s*responsive|"
    r"viewed\s+as\s+non-?\s*responsive|considered\s+non-?\s*responsive)|"
    rf"\b{_BID}\b[^.;]{{0,80}}\b(?:will|shall|may)\s+not\s+(?:be\s+)?(?:further\s+)?"
    r"(?:considered|accepted|evaluated|opened|entertained)\b|"
    rf"(?:shall|will)\s+not\s+(?:consider|accept|evaluate|entertain)\s+(?:any\s+|the\s+|such\s+)?{_BID}|"
    rf"\b{_BID}\b[^.;]{{0,60}}\bopened\s+only\s+for|"
    r"(?:result|lead)\s+(?:directly\s+)?(?:in|to)\s+(?:the\s+)?(?:eventual\s+)?(?:rejection|disqualification)|"
    rf"result\s+in\s+(?:the\s+|its\s+|their\s+)?{_BID}\s+being\s+(?:rejected|disqualified|declared\s+non-?\s*responsive)|"
    rf"who\s+pass(?:es)?\b[^.;]{{0,60}}\b(?:will|shall)\s+be\s+(?:evaluated|considered)|"
    r"grounds?\s+for\s+(?:rejection|disqualification)|shall\s+reject|"
    r"(?:deemed|considered|rated)\s+(?:to\s+be\s+)?unacceptable|"
    r"(?:will|shall|must|may)\s+not\s+be\s+(?:further\s+evaluated|considered\s+for\s+(?:the\s+)?award|"
    r"eligible\s+for\s+(?:the\s+)?award)|ineligible\s+for\s+(?:the\s+)?award|"
    rf"reject(?:s|ed)?\s+(?:the|any|a|its|such)\s+{_BID}|non-?\s*responsive)",
    re.IGNORECASE,
)
# Lead-ins that announce a list of such conditions.
_LEAD_IN = re.compile(r"(?:下列|以下|如下)(?:情形|情况|行为|条件)?之一|任何一项不符合|有一项不符合|"
                      r"(?:any|one|either)\s+(?:one\s+)?of\s+the\s+following|"
                      r"following\s+(?:conditions|cases|grounds)", re.IGNORECASE)
_HEAD = re.compile(r"(?:投标|响应|报价)?(?:无效|废标|否决)(?:投标)?(?:的)?(?:情形|情况|条款|条件)|"
                   r"(?:grounds|reasons)\s+for\s+(?:rejection|disqualification)|"
                   rf"rejection\s+of\s+{_BID}|non-?\s*responsive\s+{_BID}", re.IGNORECASE)
# A review table (符合性审查 / 资格性检查 …) whose every row is a pass/fail check.
_REVIEW_TABLE = re.compile(r"(?:符合性|资格性|形式|响应性|有效性)(?:审查|检查|评审)(?:要求|标准|表)?|"
                           r"preliminary examination|(?:responsiveness|compliance) (?:check|criteria)", re.IGNORECASE)
_ANY_FAILS = re.compile(r"(?:任何|有)一项不(?:符合|满足)|任一(?:项|条)?不(?:符合|满足)|"
                        r"(?:fail(?:s|ing)?|not meet)\s+(?:any|one)", re.IGNORECASE)
# Wider phrasings of the same rule, trusted only when a table follows the review heading.
_ANY_FAILS_WIDE = re.compile(r"(?:任何|任意|有)一项[^。，,]{0,8}(?:不(?:符合|满足)|未通过)|任一(?:项|条)?[^。，,]{0,8}(?:不(?:符合|满足)|未通过)|"
                             r"(?:所列|以下|下列)?任何(?:一种)?情形之一|(?:其中)?任意一项未通过|"
                             r"(?:fail(?:s|ing)?(?:\s+to\s+(?:meet|satisfy|comply\s+with))?|not\s+meet)\s+(?:any|one)",
                             re.IGNORECASE)
# Consequences that are not about this bid being invalid: the award, the whole procurement, the
# contract, a document part, or a bidder's questions.
_NOT_INVALID = re.compile(
    r"(?:合同|协议)无效|解除合同|不予退还|没收|"
    r"质疑|投诉|(?:询问|异议|疑问)[^。]{0,30}不予|不予计分|(?:无效|废标)(?:投标|响应)?情形|"
    r"无效投标(?:条款|供应商名单|名单|的依据)|不得(?:以|将)[^。，,]{0,40}判定|放弃中标|"
    r"(?:文本|译文|材料|证明|声明|合同)(?:将)?(?:视为|为|被认定为)?无效|不得分|不做无效|不作无效|不会[^。，,]{0,4}无效|不会被?(?:拒绝|否决)|"
    r"无效(?:的)?(?:技术)?(?:支持)?(?:资料|业绩)|原(?:招标|采购|磋商|谈判)文件|"
    r"未(?:因|曾)[^。，,]{0,20}被[^。，,]{0,12}(?:取消|拒绝|否决)|未被[^。，,]{0,12}(?:取消|拒绝|否决)|"
    r"不视为|不导致|不影响|并不|而不|而非|不因此|不作为.{0,6}无效|"
    r"撤(?:销|回)[^。，,]{0,10}(?:行为|通知|声明)无效|接受[^。]{0,12}应当?拒收|(?:评分|打分)[^。，,]{0,6}(?:整体|全部)?无效|"
    r"award\s+(?:shall|will|may)\s+be\s+(?:annulled|cancelled)|terminat|breach|\bnot\s+result\s+in\b|"
    r"\bno\s+(?:proposals?|bids?|offers?|tenders?)\s+(?:will|shall)\s+be\s+rejected", re.IGNORECASE)
_CONTRACT_CHAPTER = re.compile(r"合同|contract|general terms|terms and conditions|special conditions|"
                               r"\bGCC\b|\bSCC\b", re.IGNORECASE)
_MAX_ITEMS = 150  # a guard; long tenders reach 90 with review tables counted


def extract_invalid_conditions(outline: Outline) -> list[Requirement]:
    clauses = split_clauses(outline)
    found: list[tuple[Clause, str]] = []
    listed: set[int] = set()
    ruled = _review_rule_stated(clauses)
    for i, c in enumerate(clauses):
        if _skip(outline, c) or id(c) in listed:
            continue
        if ruled and _labelled_review_row(c):
            _add(found, c, _labelled_review_row(c))
            continue
        items = _list_items(clauses, i, ruled)
        for item in items:
            if id(item) not in listed and not _skip(outline, item):
                listed.add(id(item))
                _add(found, item, item.text)
        if items and (_is_row_list_label(c) or c.body.rstrip().endswith(("：", ":")) or re.search(r"(?:下列|以下|如下)[^。]{0,6}之一", c.body)):
            continue  # the lead-in itself is not a condition; its items are
        for segment in consequence_segments(c):
            _add(found, c, segment)
        if len(found) >= _MAX_ITEMS:
            break
    if NO_JOINT_BIDS.search(outline.doc.text):  # consortium rules are moot when none is accepted
        found = [(c, t) for c, t in found if not JOINT.search(t) or NO_JOINT_BIDS.search(t)]
    return [to_requirement(outline, c, "invalid_condition", text=t) for c, t in found[:_MAX_ITEMS]]


def _list_items(clauses: list[Clause], i: int, ruled: bool = False) -> list[Clause]:
    c = clauses[i]
    if _is_row_list_label(c):
        return _row_list_items(clauses, i)
    if c.is_row and len(c.cells) == 1 and len(c.text) <= 12 and _COMPLIANCE_GROUP.search(c.text):
        return leaf_items(_group_rows(clauses, i))
    if _is_list_head(c) or (_is_review_table_head(c) and (ruled and _table_follows(clauses, i) or
                                                          _fail_means_invalid(clauses, i) or
                                                          _pass_fail_columns(clauses, i))):
        return leaf_items(list_after(clauses, i))
    return []


# The rule that makes every row of the review tables fatal, stated once (often in the
# evaluation chapter's text, far from the tables): '有一项不符合评审标准的，评标委员会应当否决其投标'.
_REVIEW_WORDS = re.compile(r"评审标准|审查(?:要求|标准|项)?|检查|评审|examination|evaluation\s+criteria|"
                           r"responsiveness|compliance", re.IGNORECASE)


def _table_follows(clauses: list[Clause], i: int) -> bool:
    return any(c.is_row for c in clauses[i + 1: i + 3])


# Every alternative of _ANY_FAILS_WIDE contains one of these: a cheap gate before it.
_ANY_FAILS_GATE = re.compile(r"一项|任一|情形之一|fail|not\s+meet", re.IGNORECASE)


def _review_rule_stated(clauses: list[Clause]) -> bool:
    return any(_ANY_FAILS_GATE.search(c.text) and _ANY_FAILS_WIDE.search(c.text) and _REVIEW_WORDS.search(c.text)
               and _has_consequence(c.text) for c in clauses if not c.is_row or len(c.text) < 200)


# '2.1.1 | 形式评审标准 | 投标人名称 | 与营业执照一致': the review kind is a merged label cell
# repeated on every row of the 评标办法前附表.
_REVIEW_LABEL = re.compile(r"(?:形式|资格|响应性|符合性|资格性)(?:评审|审查|检查)(?:标准|要求)?")


def _labelled_review_row(c: Clause) -> str:
    if not c.is_row or len(c.cells) < 3:
        return ""
    for k, cell in enumerate(c.cells[:-1]):
        if _REVIEW_LABEL.fullmatch(cell.strip()):
            rest = c.cells[k + 1:]
            return "" if is_header_row(rest) else " | ".join(rest)
    return ""


# A row label naming the grounds ('响应被拒绝的情况（主要废标条款） | （1）…；（2）…').
_ROW_LABEL = re.compile(r"(?:被拒绝|被否决|无效|废标|否决|拒收|被拒絕|無效|廢標)[^|]{0,8}(?:情况|情形|条款|条件|情況|條款|條件)|"
                        r"grounds?\s+for\s+(?:rejection|disqualification)|rejection\s+(?:criteria|grounds)", re.IGNORECASE)


# '符合性检查' as a group row inside a response table: its rows are pass/fail checks of the
# substantive requirements, so failing one makes the bid non-responsive.
_COMPLIANCE_GROUP = re.compile(r"^符合性(?:审查|检查|评审)$|^(?:responsiveness|compliance) (?:check|criteria)$", re.IGNORECASE)


def _group_rows(clauses: list[Clause], i: int) -> list[Clause]:
    rows: list[Clause] = []
    for c in clauses[i + 1:]:
        if not c.is_row or c.table_index != clauses[i].table_index or len(c.cells) == 1 and len(c.text) <= 12:
            break
        rows.append(c)
    return rows


def _is_row_list_label(c: Clause) -> bool:
    return c.is_row and len(c.cells) >= 2 and len(c.cells[0]) <= 30 and bool(_ROW_LABEL.search(c.cells[0]))


def _row_list_items(clauses: list[Clause], i: int) -> list[Clause]:
    """The numbered grounds packed in the row's other cells: the splitter made one clause per
    number; the first still carries the label, which is not a ground."""
    first = clauses[i]
    label = first.cells[0]
    items = [replace(first, text=first.text[len(label):].lstrip(" |"))]
    for c in clauses[i + 1:]:
        if not (c.is_row and c.block is first.block and c.raw_cells == first.raw_cells):
            break
        items.append(c)
    return [x for x in items if len(x.text) >= 4]


def _is_review_table_head(c: Clause) -> bool:
    if c.is_row or len(c.body) > 80 or c.body.endswith("。"):
        return False
    return bool(_REVIEW_TABLE.search(c.body))


def _fail_means_invalid(clauses: list[Clause], i: int, window: int = 12) -> bool:
    """The tender says failing any row of the review table makes the bid invalid."""
    near = clauses[max(0, i - window): i + 1] + clauses[i + 1: i + 1 + 3 * window]
    return any(_ANY_FAILS.search(c.text) and _has_consequence(c.text) for c in near)


_PASS_FAIL = re.compile(r"通过条件|合格条件|是否通过|是否合格|通过标准|合格标准|通過條件|pass\s*/\s*fail|"
                        r"responsive\s*\(?yes\s*/\s*no", re.IGNORECASE)


def _pass_fail_columns(clauses: list[Clause], i: int, window: int = 3) -> bool:
    """'序号 | 符合性审查项 | 通过条件': a review table whose rows are pass conditions fails the bid
    on any row even when no sentence says so."""
    for c in clauses[i + 1: i + 1 + window]:
        if c.is_row:
            header = (c.block.rows or [[]])[0]
            return any(_PASS_FAIL.search(h) for h in header)
    return False


def _add(found: list[tuple[Clause, str]], c: Clause, text: str) -> None:
    text = text.strip()
    if len(re.sub(r"[\W_]+", "", text)) < 6 or _MID_SENTENCE.match(text):
        return
    if any(near_duplicate(text, t) and _same_area(c, other) and not _siblings(c, other) for other, t in found):
        return
    found.append((c, text))


def _siblings(a: Clause, b: Clause) -> bool:
    """'6) The system integrator fails …' and '7) The system integrator furnishes …': two items
    of one list that open alike are still two grounds."""
    return a is not b and bool(a.number) and bool(b.number) and a.number.strip() != b.number.strip()


def _same_area(a: Clause, b: Clause) -> bool:
    """Tenders repeat a ground in several chapters and gold keeps each; only a repeat within a
    few blocks (the same clause seen twice) is dropped."""
    return abs(a.block.index - b.block.index) <= 3


def _skip(outline: Outline, c: Clause) -> bool:
    if in_toc(outline, c) or _scoring_row(c):
        return True
    title = outline.section_title(c.block) or ""
    return bool(_CONTRACT_CHAPTER.search(title)) and not re.search(r"须知|instructions|评标|评审|evaluation",
                                                                  title, re.IGNORECASE)


# A fragment cut mid-sentence ('，否则…'): the clause it belongs to is quoted whole elsewhere or not
# at all. (Lower-case English starts are kept: annotators quote 'multiple associations will …'.)
_MID_SENTENCE = re.compile(r"[，,、；;）)\]]|的[，,]")
# A pricing-formula row ('评标基准价 | 满足要求且价格最低的…'): how price is computed, not a ground.
_PRICE_FORMULA = re.compile(r"基准价|价格(?:分|得分)|[×＝=]\s*[\d（(]|price\s+score|lowest\s+evaluated", re.IGNORECASE)


def _scoring_row(c: Clause) -> bool:
    if c.is_row and _PRICE_FORMULA.search(c.text):
        return True
    """'投标报价（20分） | 20 | 价格分…': a row of the scoring table; its 'invalid' words describe
    how points are lost or what the legend already says."""
    return c.is_row and any(re.fullmatch(r"\d{1,3}(?:\.\d+)?\s*分?", cell) for cell in c.cells) and \
        bool(re.search(r"得\s*\d|扣\s*\d|\d\s*分|分值|评分|points?\b", c.text, re.IGNORECASE))


def _is_list_head(c: Clause) -> bool:
    body = c.body
    if _HEAD.search(body[:30]) and len(body) <= 40:
        return True
    if re.fullmatch(r"(?:grounds for )?(?:disqualification|rejection)(?: of (?:bids|proposals|tenders))?", body.strip(),
                    re.IGNORECASE):
        return True  # an English title such as '21.0 Disqualification'
    if re.search(r"\bif\s*[;:]?\s*$", body) and _has_consequence(body):
        return True  # '… liable to be disqualified … if;'
    if re.search(r"。\s*$", body):  # '…下列情况之一的，将作为无效投标文件处理。' then ⑴ ⑵ …
        return bool(re.search(r"(?:下列|以下|如下)[^。]{0,6}之一", body)) and _has_consequence(body)
    if not re.search(r"[：:]\s*$", body):
        return False
    if re.search(r"\bfollowing\b", body, re.IGNORECASE) and _has_consequence(body):
        return True  # '… the following are the aspects for which an EOI shall be rejected:'
    return bool(_LEAD_IN.search(body) and (_has_consequence(body) or _HEAD.search(body)))


# The award, not the bid: counts against a sentence only when it comes first.
_AWARD = re.compile(r"取消(?:其)?(?:中标|成交)(?:候选人)?资格|中标无效|成交无效|成交通知书无效")


def _squash(text: str) -> str:
    """'予以  拒绝', '恕 不接受': PDF-to-Word conversions space CJK characters apart."""
    return re.sub(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])", "", text)


# Cheap gates before the big regexes (most blocks have no consequence at all): every Chinese
# alternative contains a CJK character, every English one one of these words.
_CJK = re.compile(r"[\u4e00-\u9fff]")
_EN_GATE = re.compile(r"reject|disqualif|responsive|\bnot\b|opened|unacceptable|award|pass", re.IGNORECASE)


def _consequence(text: str) -> re.Match | None:
    text = _squash(text)
    return ((_ZH_CONSEQUENCE.search(text) if _CJK.search(text) else None)
            or (_EN_CONSEQUENCE.search(text) if _EN_GATE.search(text) else None))


def _any_consequence(text: str) -> bool:
    return _consequence(text) is not None


def _has_consequence(text: str) -> bool:
    hit = _consequence(text)
    text = _squash(text)
    if not hit or _NOT_INVALID.search(text):
        return False
    award = _AWARD.search(text)
    return award is None or hit.start() < award.start()


def consequence_segments(c: Clause) -> list[str]:
    """Cut a clause into items that each end with a sentence stating an invalidity
    consequence; the first item keeps the clause's start (annotators quote from there)."""
    if not _any_consequence(c.text):
        return []
    if _title_only(c):
        return []  # '2.5 否决投标情形', '序号 | 否决投标情形': names a list, states no ground
    pieces = inline_items(c.text) if c.is_row or len(c.text) > 300 else [c.text]
    out: list[str] = []
    for k, piece in enumerate(pieces):
        if c.is_row and _cell_lead_in(piece) and len(pieces) - k >= 3:
            return out + pieces[k + 1:]  # '否决条件 | 有下列情形之一的，否决其投标：1.… 2.… … 17.…' in one cell
        out += _segments(piece)
    return out


def _cell_lead_in(piece: str) -> bool:
    body = piece.split("|")[-1].strip()
    return bool(re.search(r"[：:]\s*$", body) and _LEAD_IN.search(body) and
                (_has_consequence(body) or _HEAD.search(body)))


def _title_only(c: Clause) -> bool:
    if c.is_row and is_header_row(c.cells):
        return True
    body = c.body.strip()
    limit = 60 if re.match(r"[A-Za-z0-9]", body) else 24  # 'Section 4. Grounds for Rejection'
    return len(body) <= limit and not re.search(r"[，,。；;]|\.$", body)


def _segments(text: str) -> list[str]:
    out: list[str] = []
    pending: list[str] = []
    for sentence in _merged_sentences(text):
        pending.append(sentence)
        if _has_consequence(sentence):
            # annotators quote from the clause start, but a long run of unrelated sentences
            # before the consequence belongs to other items
            out.append("".join(_spaced(pending if len(pending) <= 3 else pending[-1:])))
            pending = []
        elif _any_consequence(sentence):
            pending = []  # a consequence for the award / contract: not this bid's
    return out


def _spaced(parts: list[str]) -> list[str]:
    return [p + (" " if re.search(r"[A-Za-z0-9.,;:)]$", p) else "") for p in parts]


def _merged_sentences(text: str) -> list[str]:
    """Sentences, with short tails ('否则投标无效。') kept on the sentence they complete."""
    out: list[str] = []
    for s in sentences(text):
        if out and (len(s) < 14 or s.startswith(("否则", "否则，", "or ", "otherwise"))):
            out[-1] = out[-1] + s
        else:
            out.append(s)
    return out
