"""Lists of clauses under a heading or a lead-in ("有下列情形之一的…：", "the following criteria:").

The tender's own numbering says where a list ends: the first item fixes the item style; items
of a deeper style are sub-items; a style of the heading's rank or above (or a chapter) ends it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bidkit.model import Requirement, RequirementKind, SourceRef
from bidkit.tender.clause_split import RANK, Clause
from bidkit.tender.outline import Outline

_UNTICKED = re.compile(r"^\s*[□☐]")
_EMPTY_VALUE = re.compile(r"[：:]\s*(?:无|/|／|不适用|N/?A|None)\s*[。.]?\s*$", re.IGNORECASE)
_CROSS_REF = re.compile(r"^(?:[^。：:|]{0,24}[：:|]\s*)?(?:如有[，,]?\s*)?(?:具体要求)?(?:见|详见|参见|具体见)"
                        r"[^。]{0,30}[。.]?(?:\s*\|.*)?$")
# '符合《招标公告》…规定的条件': points to another part of this tender (a law is not one).
_TENDER_REF = re.compile(r"^(?:应)?(?:符合|满足|详见|见|按照?)[^。]{0,12}(?:《(?:招标公告|投标人须知|投标邀请|采购公告|采购邀请|供应商须知|谈判邀请|磋商公告|招标邀请|"
                         r"竞争性磋商公告|竞争性谈判公告)|第[一二三四五六七八九十\d]+(?:章|部分)|本(?:章|须知)|前附表)")
# Options that apply only if the tender chose them ('（如适用）', '如本项目接受联合体…').
_CONDITIONAL_ROW = re.compile(r"[（(]如(?:适用|有)[)）]\s*\||\|\s*如(?:本项目|有|适用)")
# '本次招标是否允许分包，详见前附表': the option is set elsewhere; this line states nothing.
_OPTION_POINTER = re.compile(r"是否[^。；]{0,24}[，,]\s*(?:详见|见|参见|具体见)[^。；]{0,24}[。；]?\s*$")
# The tender does not accept joint bids: its rules for consortia are boilerplate.
NO_JOINT_BIDS = re.compile(r"(?<![/／□☐或])(?:不接受|不允许|不得以|拒绝)[^。；，,]{0,4}联合体(?!\S{0,6}的[，,])|联合体[^。；]{0,6}(?:不被接受|不予接受|不允许)|"
                            r"(?:是否)?(?:接受|允许)?联合体(?:投标|响应)?\s*[：:|]\s*(?:不接受|不允许|否)(?![^。；]{0,4}[□☐])|"
                            r"(?:不接受|不允許)[^。；，,]{0,4}聯合體|"
                            r"(?:joint ventures?|consortium|consortia)[^.;]{0,30}(?:is|are|will|shall)\s+not\s+(?:be\s+)?"
                            r"(?:accepted|allowed|permitted|eligible)|\bno\s+(?:joint ventures?|consortium|consortia)\b|"
                            r"(?:joint ventures?|consortium|consortia)\s*[:|]\s*not\s+(?:allowed|accepted|permitted)",
                            re.IGNORECASE)
JOINT = re.compile(r"联合体|聯合體|联合响应|联合投标|joint ventures?|consorti|\bJV\b", re.IGNORECASE)
_TOC_LINE = re.compile(r"(?:\.{4,}|…{2,}|·{4,})\s*-?\s*\d*\s*-?\s*$")
_GLUED_TOC = re.compile(r"[A-Za-z)）\u4e00-\u9fff]\s+\d{1,3}\s+(?=Form|Section|Part|Annex|Appendix|Chapter|Schedule|"
                        r"第[一二三四五六七八九十\d]+[章部节]|附件|附表)")
# 'Participation in REOI – Eligibility Criteria 8': a title, a gap and a page number.
_PAGE_NUMBER_TAIL = re.compile(r"^[^。；;，,:：]{4,}?[A-Za-z\u4e00-\u9fff)）]\s+\d{1,3}\s*$")


def is_toc_line(text: str) -> bool:
    return bool(_TOC_LINE.search(text[-120:]))  # the leader ends the line: only the tail can match


def in_toc(outline: Outline, c: Clause) -> bool:
    """The clause is a table-of-contents entry (dot leaders, or a block the outline found to be
    a contents line even without page numbers)."""
    if is_toc_line(c.text) or _PAGE_NUMBER_TAIL.search(c.text) and len(c.text) <= 80:
        return True
    if len(_GLUED_TOC.findall(c.text)) >= 2:
        return True  # 'Form 1: … 33 Form 1.1: … 35 Form 1.2 …': contents lines run together
    starts = outline.__dict__.get("_toc_starts")
    if starts is None:
        starts = outline.__dict__["_toc_starts"] = {t.start for t in outline.toc}
    return c.block.index in starts and not c.is_row


def list_after(clauses: list[Clause], start: int, max_items: int = 40) -> list[Clause]:
    """The items of the list that clause `start` (a heading or lead-in) introduces."""
    walker = _ListWalker(clauses[start])
    for c in clauses[start + 1:]:
        if not walker.take(c) or len(walker.items) >= max_items:
            break
    return walker.items


class _ListWalker:
    """Reads clauses after a list's head and says where the list ends."""

    def __init__(self, head: Clause) -> None:
        self.head = head
        self.head_rank = head.rank if head.style and head.style != "row" else None
        self.lead_in = head.body.rstrip().endswith(("：", ":"))
        self.items: list[Clause] = []
        self.item_style: str | None = None
        self.unnumbered_run = 0
        self.prev: Clause | None = None

    def take(self, c: Clause) -> bool:
        """Add `c` if it belongs to the list; False when the list has ended."""
        if self.item_style == "row" and not c.is_row and _page_furniture(c):
            return True  # a running header between the parts of a table split over pages
        if c.style == "chapter" or (self.head.is_heading and c.is_heading and not _deeper_heading(self.head, c)):
            return False
        if c.is_heading and c.style is None and not self.items and not self.head.is_heading:
            return False  # '3) Section III: …' in a list of the tender's parts, then 'Part II' heading
        if c.is_row:
            return self._row(c)
        if self.item_style == "row":
            return False
        self.prev = c
        return self._unnumbered(c) if c.style is None else self._numbered(c)

    def _row(self, c: Clause) -> bool:
        items = self.items
        if items and not items[-1].is_row:
            if self.item_style is not None or len(items) > 2 or len(items) == 2 and any(len(x.text) > 40 for x in items):
                return False
            self.items = items = []  # caption lines before the table ('资格性审查表' '项目名称：')
        if items and c.table_index != items[-1].table_index and (
                self.prev is not None and not self.prev.is_row or len(c.raw_cells) != len(items[-1].raw_cells)):
            return False  # another table, not this one continued on the next page
        items.append(c)
        self.item_style, self.prev = "row", c
        return True

    def _unnumbered(self, c: Clause) -> bool:
        if self.item_style is None and not is_toc_line(c.text):
            if _looks_like_title(c) and self.items:
                return False
            self.items.append(c)  # an auto-numbered (DOCX) list: numbers lost in the text
            self.unnumbered_run = 0
            return True
        self.unnumbered_run += 1  # explanations under an item
        return self.unnumbered_run <= 6

    def _numbered(self, c: Clause) -> bool:
        self.unnumbered_run = 0
        items, style = self.items, self.item_style
        if self.head_rank is not None and c.style == self.head.style and _is_next_number(self.head, c):
            return False  # '2.5.2 …Criteria:' then '2.5.3 Section IV': the head's sibling, not an item
        if self.head_rank is not None and (style is not None or not self.lead_in):
            floor = min(self.head_rank, RANK.get(style or "", 99))
            if c.style == self.head.style or c.rank < floor:
                return False
        if style is None or (items and items[0].style is None):
            if len(items) > 1 and items[0].style is None:  # unnumbered list ended by numbered text
                return False
            self.items = [c]  # one unnumbered line before numbered items is a caption
            self.item_style = c.style
            return True
        if c.style.startswith("n.n") and not _continues_numbering(items, c):
            return False  # '2.1' after items '1 …' '17 …' is the next section, not a sub-item
        if c.style == style and not _follows(items, c):
            return False  # the numbering restarts: a new list
        if c.style == style or c.rank >= RANK.get(style, 99):
            items.append(c)  # an item, or a sub-item (same-rank styles nest in table cells)
            return True
        return False


_FINANCIAL_NUMERALS = str.maketrans("壹贰貳参參叁肆伍陆陸柒捌玖拾", "一二二三三三四五六六七八九十")


def number_key(token: str) -> tuple[int, ...]:
    """'2.4.1' -> (2, 4, 1); '（三）' -> (3,); '⑵' -> (2,); 'b)' -> (2,)."""
    digits = re.findall(r"\d+", token)
    if digits:
        return tuple(int(d) for d in digits)
    for ch in token:
        if "⑴" <= ch <= "⒇":
            return (ord(ch) - ord("⑴") + 1,)
        if "①" <= ch <= "⑳":
            return (ord(ch) - ord("①") + 1,)
    cn = re.search(r"[一二三四五六七八九十]+", token.translate(_FINANCIAL_NUMERALS))
    if cn:
        return (_cn_int(cn.group(0)),)
    letter = re.search(r"[a-zA-Z]", token)
    return (ord(letter.group(0).lower()) - 96,) if letter else ()


def _cn_int(t: str) -> int:
    digits = "一二三四五六七八九"
    if "十" not in t:
        return digits.index(t[0]) + 1 if t[0] in digits else 0
    tens, _, ones = t.partition("十")
    return (digits.index(tens) + 1 if tens else 1) * 10 + (digits.index(ones[0]) + 1 if ones else 0)


def _follows(items: list[Clause], c: Clause) -> bool:
    """Same-style items count upwards; a number that does not is the start of another list."""
    same = [i for i in items if i.style == c.style]
    if not same:
        return True
    prev, cur = number_key(same[-1].number), number_key(c.number)
    return not prev or not cur or cur > prev


def _is_next_number(head: Clause, c: Clause) -> bool:
    a, b = number_key(head.number), number_key(c.number)
    return bool(a) and len(a) == len(b) and a[:-1] == b[:-1] and b[-1] == a[-1] + 1


def _page_furniture(c: Clause) -> bool:
    """A running header or page label on a PDF page: short, unnumbered, unpunctuated."""
    return c.block.page is not None and c.style is None and not c.is_heading and \
        len(c.text) <= 40 and not re.search(r"[。；;：:，,]", c.text)


def _continues_numbering(items: list[Clause], c: Clause) -> bool:
    """A dotted number ('3.2') is a sub-item only of the item numbered '3' just before it."""
    tops = [i for i in items if i.style in ("n、", "n.", "n ", "n.n", "n.n.n")]
    if not tops:
        return True
    parent = re.findall(r"\d+", tops[-1].number)
    child = re.findall(r"\d+", c.number)
    if tops[-1].style == c.style:
        return parent[:-1] == child[:-1]
    return child[: len(parent)] == parent or child[:-1] == parent[:-1]


def _deeper_heading(head: Clause, c: Clause) -> bool:
    hl, cl = head.block.level or 9, c.block.level or 9
    return cl > hl


def _looks_like_title(c: Clause) -> bool:
    return c.is_heading or (len(c.text) <= 25 and not re.search(r"[。；;.，,]", c.text))


_ROW_NOISE = re.compile(r"^(?:说明|注|备注|note)\s*[：:]|…|\.{3}", re.IGNORECASE)


def _group_title(c: Clause) -> bool:
    """'一、一般资格审查' / '资格性审查表': a one-cell row naming a group of rows."""
    return len(c.cells) == 1 and len(c.text) <= 24 and not re.search(r"[。；;，,：:]", c.text)


def leaf_items(items: list[Clause]) -> list[Clause]:
    """Drop sub-headings (a short or colon-ended item followed by deeper items), unticked
    options, and items whose value is empty ('：无。', '： / 。')."""
    out: list[Clause] = []
    for i, c in enumerate(items):
        nxt = items[i + 1] if i + 1 < len(items) else None
        has_children = nxt is not None and c.style not in (None, "row") and nxt.style != c.style \
            and nxt.rank > c.rank
        colon = c.body.rstrip().endswith(("：", ":"))
        lead_in = colon and (len(c.body) < 20 or re.search(r"如下|下列|以下", c.body))
        if (has_children and (len(c.body) < 16 or colon)) or (colon and nxt is None) or lead_in:
            continue
        if _UNTICKED.match(c.text) or _EMPTY_VALUE.search(c.body) and len(c.body) < 40:
            continue
        if len(re.sub(r"[\W_]+", "", c.body)) < 4 or _CROSS_REF.match(c.body) or _OPTION_POINTER.search(c.body) or \
                not c.is_row and len(c.body) < 70 and _TENDER_REF.match(c.body):
            continue
        if c.is_row and (_CONDITIONAL_ROW.search(c.text) or _ROW_NOISE.search(c.text) or _group_title(c)):
            continue
        if not c.is_row and c.style is None and len(c.body) <= 20 and re.search(r"表$|\btable$", c.body, re.IGNORECASE):
            continue  # a table's caption ('资格性审查表')
        out.append(c)
    return out


def to_requirement(outline: Outline, c: Clause, kind: RequirementKind, text: str | None = None,
                   marker: str | None = None) -> Requirement:
    text = (text or c.text).strip()
    b = c.block
    return Requirement(kind=kind, text=text, marker=marker, page=b.page,
                       source=SourceRef(page=b.page, paragraph=b.paragraph,
                                        section=outline.section_title(b), quote=text))


def norm_key(text: str) -> str:
    """The scorer-style comparison key: no numbering, no punctuation, lower case."""
    t = re.sub(r"^[\s(（]*(?:\d+(?:[.．]\d+)*|[一二三四五六七八九十]+|[a-z])[\s.、)）:：]+", "",
               text.lower())
    return re.sub(r"[\W_]+", "", t)


def near_duplicate(a: str, b: str) -> bool:
    ka, kb = norm_key(a), norm_key(b)
    if not ka or not kb:
        return False
    if ka[:20] in kb[:40] or kb[:20] in ka[:40]:
        return True  # the same clause, perhaps with a label or number in front
    ga = {ka[i:i + 2] for i in range(min(len(ka), 60) - 1)}
    gb = {kb[i:i + 2] for i in range(min(len(kb), 60) - 1)}
    return bool(ga and gb) and 2 * len(ga & gb) / (len(ga) + len(gb)) >= 0.7


def fold_sub_conditions(items: list[Clause], sub_style: str = "①") -> list[Clause]:
    """'（3）具有类似业绩，需同时满足：①…；②…': circled sub-items of a list item are the conditions
    of that one requirement, so they are folded into it (unless the whole list is circled)."""
    if not items or items[0].style == sub_style or all(c.style == sub_style for c in items):
        return items
    out: list[Clause] = []
    for c in items:
        parent = out[-1] if out else None
        if c.style == sub_style and parent is not None and parent.style not in (None, "row", sub_style) \
                and not c.is_row and c.block.index - parent.block.index <= 12:
            out[-1] = replace(parent, text=f"{parent.text}{c.text}")
            continue
        out.append(c)
    return out
