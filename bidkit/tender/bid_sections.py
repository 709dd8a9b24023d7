"""The required bid-document structure (投标文件格式 / 响应文件格式 / proposal forms), in order.

Sources, best first (the tender's own structure decides):
1. the formats chapter's own 目录 (a TOC inside the chapter lists exactly its forms);
2. the formats chapter's numbered form headings, leaves only (a group heading such as
   '一、商务响应文件有关格式' followed by restarted numbering '1、投标函' is a container);
3. the 投标文件组成 / 'Documents comprising the proposal' list, or 'Form X: …' lists (English).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bidkit.document import Block
from bidkit.model import BidSection, SourceRef
from bidkit.tender.outline import Outline, Section, is_toc_entry, parse_number, strip_toc_tail

_FORMATS_CHAPTER = re.compile(
    r"(投标|响应|应答|磋商|谈判|报价|申请)文件.{0,6}(格式|组成|编制|构成)|格式附件|文件格式|投标书格式|"
    r"(投標|應答)文件.{0,6}(格式|組成)|"
    r"\bforms?\b|returnable|bidding forms|proposal forms|formats?\b", re.IGNORECASE)
_CN = "一二三四五六七八九十"
_NUMBERING = [
    ("part", re.compile(rf"^\s*第\s*([{_CN}\d]+)\s*部分\s*[:：、.．]?\s*")),
    ("annex", re.compile(rf"^\s*附件\s*([{_CN}\d]+(?:\s*-\s*\d{{1,2}})*)\s*[:：、.．]?\s*")),
    ("fmt", re.compile(r"^\s*格式\s*(\d{1,2}(?:\s*-\s*\d{1,2})*)\s*[:：、.．]?\s*(?=\S)")),
    ("cn", re.compile(rf"^\s*([{_CN}]+)\s*[、.．]\s*")),
    ("pcn", re.compile(rf"^\s*[（(]\s*([{_CN}]+)\s*[)）]\s*")),
    ("dash", re.compile(r"^\s*(\d{1,2}(?:\s*-\s*\d{1,2}){1,2})\s+")),
    ("dec", re.compile(r"^\s*(\d{1,2}\.\d{1,2})(?!\.?\d)\s*(?=[\u4e00-\u9fff])")),
    ("sp", re.compile(r"^\s*(\d{1,2})\s+(?=[\u4e00-\u9fff])")),
    ("dun", re.compile(r"^\s*(\d{1,2})\s*、\s*")),
    ("dot", re.compile(r"^\s*(\d{1,2})\s*[.．]\s*(?=[\u4e00-\u9fff])")),
    ("par", re.compile(r"^\s*[（(]\s*(\d{1,2})\s*[)）]\s*")),
]
_BODY_START = re.compile(
    r"(?<![（(])(?:致\s*[:：]|项目名称|项目编号|招标编号|采购编号|包号|序号|我方|我单位|我公司|本公司|本单位|本企业|本人|"
    r"兹|日期|投\s*标\s*人\s*[:：]|供应商名称|单位名称|说明\s*[:：]|注\s*[:：]|[:：])")
_FORM_SUFFIX = re.compile(r"(一览表|明细表|偏离表|汇总表|报价表|情况表|声明函|承诺函|承诺书|授权书|委托书|证明书|"
                          r"声明书|证明|函|书|表|协议|清单|方案|材料|文件|资料|计划)")
_NAMED = re.compile(_FORM_SUFFIX.pattern + r"\W*$|（如有）|（若有）|方案|措施|内容|封面|目录|声明|承诺|格式$|(?:说明|情况|信息)\W*$")
_MARKS = re.compile(r"^[\s★▲☆◆■●△※*]+")
_NOTE_ONLY = re.compile(r"\s*[（(][^（）()]{2,30}[)）]\s*")
_NOT_IN_BID = re.compile(r"(?:投标|响应|应答)文件中?(?:不用|无需|不需|不必|不须)(?:放|装订|提交|提供)|"
                         r"(?:不用|无需|不需|不必|不须)(?:放入|装订|提交)(?:在|到)?(?:投标|响应|应答)文件|"
                         r"(?:不用|无需|不需|不必|不须)在?(?:投标|响应|应答)文件中?(?:提供|放|装订|提交)|"
                         r"(?:投标|响应)时(?:无需|不需|不用|不必|不须)提供|质疑函|投诉书")
_DANGLING = "的和及或与、"  # a line ending so continues on the next one
_CHAPTER_REF = re.compile(rf"^第[{_CN}\d]+(?:章|部分)")
_NOT_APPLICABLE = re.compile(r"[（(]\s*不适用\s*[)）]\s*$")  # '中小企业声明函（货物）格式（不适用）'
_TRAILING_FORMAT = re.compile(r"(?<=[\u4e00-\u9fff》]{2})(?<!的)格式$")
_NOT_START = "号年月日个元%）)、"
_FORMAT_NOTE = re.compile(r"[（(][^（）()]*(?:格式|自拟|实质性|参考)[^（）()]*[)）]\s*$")
_NOT_FORM = re.compile(r"我方|我单位|贵方|^根据|^按照|^遵照|^依照|^依据|^此|^若|^如果?|^当|^凡|按照|应当|应按|必须|须按|而向|"
                       r"^不[以向与得接转]|^严格|^遵守|^保证|^确保|^对于|《[^》]*》的通知|(注意事项|提示|填写要求|须知)$")


@dataclass
class _Heading:
    block: Block
    style: str
    number: str
    title: str
    page_top: bool = False  # among the first lines of its PDF page


def extract_bid_sections(outline: Outline) -> list[BidSection]:
    chapter = _formats_chapter(outline)
    sections: list[tuple[str, Block]] = []
    if chapter is not None:
        sections = _toc_or_body(_chapter_toc(outline, chapter), _form_headings(outline, chapter))
    if not sections and outline.language != "zh":
        from bidkit.tender.bid_sections_en import english_sections

        sections = english_sections(outline, chapter)
    return [BidSection(title=t, order=n, page=b.page,
                       source=SourceRef(page=b.page, paragraph=b.paragraph,
                                        section=outline.section_title(b), quote=b.text[:200]))
            for n, (t, b) in enumerate(_unique(sections), start=1)]


def _formats_chapter(outline: Outline) -> Section | None:
    found = [c for c in outline.chapters if _FORMATS_CHAPTER.search(c.title)
             and not re.search(r"须知|评标|评审|合同", c.title)]
    if not found:
        return None
    return max(found, key=lambda c: (c.end - c.start))


def _chapter_toc(outline: Outline, chapter: Section) -> list[tuple[str, Block]]:
    """A '目录' inside the formats chapter: its entries are the forms, in order."""
    blocks = outline.blocks_in(chapter)
    for n, b in enumerate(blocks[:40]):
        if re.sub(r"\s+", "", b.text) in ("目录", "目錄"):
            entries = []
            for e in blocks[n + 1:n + 60]:
                if not is_toc_entry(e.text):
                    break
                text = strip_toc_tail(e.text)
                entries.append(_heading(e, text) or _Heading(e, "none", "", _strip_number(text)))
            if len(entries) >= 3:  # nested entries: the forms are the leaves
                return [(h.title, h.block) for h in _leaves(entries) if h.title]
    return []


def _toc_or_body(toc: list[tuple[str, Block]], body: list[tuple[str, Block]]) -> list[tuple[str, Block]]:
    """The chapter's 目录 may leave forms out (statements printed on their own pages) and name
    others by a group label ('其他'): the body's form headings win when they hold more forms and
    repeat most of the 目录's entries."""
    if not toc or not body:
        return toc or body
    keys = {_key(t) for t, _ in body}
    covered = sum(1 for t, _ in toc if _key(t) in keys)
    more = len(body) - len(toc)  # a few more are sub-items of a 目录 entry, not left-out forms
    return body if more >= max(2, len(toc) // 4) and covered * 10 >= len(toc) * 7 else toc


def _key(title: str) -> str:
    return re.sub(r"\W+", "", title)[:4]


def _strip_number(text: str) -> str:
    for _, rx in _NUMBERING:
        m = rx.match(text)
        if m:
            return text[m.end():].strip()
    return text.strip()


def _form_headings(outline: Outline, chapter: Section) -> list[tuple[str, Block]]:
    heads = []
    wrapped: set[int] = set()
    for b in outline.blocks_in(chapter):
        if b.kind == "table" or (is_toc_entry(b.text) and b.page is not None):
            continue  # the chapter's own 目录: _chapter_toc reads it
        text = b.text
        if b.index == chapter.start:  # '第四章 响应文件格式附件一： 投标公函致：…'
            m = re.search(rf"附件\s*[{_CN}\d]+\s*[:：]", text)
            if not m:
                continue
            text = text[m.start():]
        nxt = outline.doc.blocks[b.index + 1] if b.index + 1 < len(outline.doc.blocks) else None
        if text.rstrip()[-1:] in _DANGLING and nxt is not None and nxt.kind == b.kind and len(nxt.text) <= 15:
            text = text.rstrip() + nxt.text.strip()  # a heading wrapped onto a second heading line
            wrapped.add(nxt.index)
        h = _heading(b, text) if b.index not in wrapped else None
        if h:
            h.page_top = _near_page_top(outline, b)
            if h.style == "annex" and not h.title:
                h.title = _title_on_next_lines(outline, b.index)
            if not _left_out(outline, b):
                heads.append(h)
    listed = _opening_list(heads)
    if listed:
        # the forms' own headings name them as the bid will (the list may say '技术条款偏离表'
        # where the form is headed '技术规格偏离表'): use them when they hold the whole list
        start = listed[0].block.index  # the form holding the list ('附件1 投标函' → '(1)投标函 …')
        enclosing = [h for h in heads if h.block.index < start and h.style != listed[0].style][-1:]
        after = enclosing + [h for h in heads if h.block.index > listed[-1].block.index]
        # a list whose lines come back as headings of the same numbering is the faithful outline
        same = {_key(h.title) for h in after if h.style == listed[0].style}
        if sum(1 for h in listed if _key(h.title) in same) * 2 < len(listed):
            body = _body_forms(outline, chapter, after)
            if len(body) >= len(listed):
                return body
        return [(h.title, h.block) for h in _earlier_volume(heads, listed) + listed]
    return _body_forms(outline, chapter, heads)


def _earlier_volume(heads: list[_Heading], listed: list[_Heading]) -> list[_Heading]:
    """'商务投标文件 一、开标一览表 二、投标报价明细表' before '技术投标文件 目录 一、投标函 …': the
    forms of an earlier volume, numbered 1, 2, … in the list's own style, come first."""
    before = [h for h in heads if h.block.index < listed[0].block.index and h.style == listed[0].style]
    numbers = [parse_number(h.number) for h in before]
    return before if before and numbers == list(range(1, len(before) + 1)) else []


def _body_forms(outline: Outline, chapter: Section, heads: list[_Heading]) -> list[tuple[str, Block]]:
    heads = _inner_lists_dropped(_main_styles(heads))
    heads = _with_unnumbered(outline, chapter, heads)
    heads = _after_excluded_groups(outline, chapter, _with_page_top_titles(outline, chapter, heads))
    return [(h.title, h.block) for h in _leaves(heads) if h.title]


def _opening_list(heads: list[_Heading]) -> list[_Heading]:
    """The chapter opens with a list of its forms (a TOC without page numbers): consecutive
    numbered lines whose titles come back later as the forms' own headings."""
    run: list[_Heading] = []
    for h in heads[:3]:
        run = [h]
        for nxt in heads[heads.index(h) + 1:]:
            seen = {re.sub(r"\W+", "", x.title)[:6] for x in run}
            if (nxt.block.index != run[-1].block.index + 1 or nxt.style != h.style
                    or re.sub(r"\W+", "", nxt.title)[:6] in seen):
                break
            run.append(nxt)
        if len(run) >= 3:
            break
    if len(run) < 3:
        return []
    later = {re.sub(r"\W+", "", h.title)[:6] for h in heads if h.block.index > run[-1].block.index}
    back = sum(1 for h in run if re.sub(r"\W+", "", h.title)[:6] in later)
    return run if back * 2 >= len(run) else []


def _near_page_top(outline: Outline, b: Block, lines: int = 3) -> bool:
    if b.page is None:
        return False
    before = outline.doc.blocks[max(0, b.index - lines):b.index]
    return any(x.page != b.page for x in before) or b.index < lines


def _left_out(outline: Outline, b: Block) -> bool:
    """'附件11：履约保证金担保函（投标文件中不用放此项）': a template for later, not a bid section."""
    near = b.text
    for x in outline.doc.blocks[b.index + 1:b.index + 3]:
        if x.kind == "table" or any(rx.match(x.text) for _, rx in _NUMBERING):
            break  # the next form's heading speaks for that form
        near += " " + x.text
    return bool(_NOT_IN_BID.search(re.sub(r"\s+", "", near)) or _NOT_APPLICABLE.search(b.text))


def _after_excluded_groups(outline: Outline, chapter: Section, heads: list[_Heading]) -> list[_Heading]:
    """'五、其他格式（不用在投标文件中提供）': the group and the forms under it (询问函, 质疑函
    templates) are not part of the bid, up to the next heading of the group's own style."""
    groups: dict[int, tuple[str, int]] = {}
    for b in outline.blocks_in(chapter):
        text = re.sub(r"\s+", "", b.text)
        found = next(((st, m) for st, rx in _NUMBERING if (m := rx.match(b.text))), None)
        if found and b.kind != "table" and len(text) <= 40 and _NOT_IN_BID.search(text):
            groups[b.index] = (found[0], parse_number(re.split(r"[-.\s]", found[1].group(1))[0]) or 0)
    out: list[_Heading] = []
    skipping: tuple[str, int] | None = None
    last = -1
    for h in heads:
        started = [g for i, g in groups.items() if last < i <= h.block.index]
        last = h.block.index
        if started:
            skipping = started[-1]
        if skipping is not None and not (h.style == skipping[0] and h.block.index not in groups
                                         and (parse_number(h.number) or 0) > skipping[1]):
            continue  # inside the excluded group: its forms restart their own numbering
        skipping = None
        out.append(h)
    return out


def _inner_lists_dropped(heads: list[_Heading]) -> list[_Heading]:
    """Forms labelled '附件 N' throughout: a '（1）…一览表' inside one of them is a table of that
    form, not a form of its own."""
    annexes = [h for h in heads if h.style == "annex" and h.title]
    if len(annexes) < 5:
        return heads
    return [h for h in heads if h.style not in ("par", "pcn")]


def _title_on_next_lines(outline: Outline, index: int) -> str:
    """'附件九：' on its own line, the form's title on the next one (or two) lines."""
    blocks = outline.doc.blocks
    nxt = [b for b in blocks[index + 1:index + 4] if b.kind != "table" and not _NOTE_ONLY.fullmatch(b.text.strip())]
    if not nxt or any(rx.match(nxt[0].text) for _, rx in _NUMBERING):
        return ""
    first = re.sub(r"\s+", "", nxt[0].text)
    if len(first) > 30 or re.search(r"[，。；：:,]", first) or first[-1:] in _DANGLING:
        return ""
    if not _FORM_SUFFIX.search(first[-3:]) and len(nxt) > 1:
        second = re.sub(r"\s+", "", nxt[1].text)
        if len(second) <= 12 and _FORM_SUFFIX.search(second[-3:]) and not any(
                rx.match(nxt[1].text) for _, rx in _NUMBERING):
            first += second
    return form_title(first, merged=False)


def _with_unnumbered(outline: Outline, chapter: Section, heads: list[_Heading]) -> list[_Heading]:
    """DOCX auto-numbered headings lose their number in the text; the same heading style as the
    numbered form headings still marks them."""
    styles = {h.block.style for h in heads if h.block.kind == "heading" and h.block.style}
    if not styles:
        return heads
    have = {h.block.index for h in heads}
    extra = [_Heading(b, heads[0].style, "", form_title(b.text, merged=False))
             for b in outline.blocks_in(chapter)
             if b.kind == "heading" and b.style in styles and b.index not in have
             and b.index != chapter.start and len(b.text) <= 60
             and not _is_sentence(b.text, form_title(b.text, merged=False))]
    return sorted(heads + extra, key=lambda h: h.block.index)


def _with_page_top_titles(outline: Outline, chapter: Section, heads: list[_Heading]) -> list[_Heading]:
    """In a PDF each form starts a page: an unnumbered form name alone on the first line of a page
    ('法定代表人证明书', '中小企业声明函') is a form too, once the chapter has numbered forms."""
    if not heads or chapter.page is None:
        return heads
    blocks = outline.blocks_in(chapter)
    counts: dict[str, int] = {}
    for b in outline.doc.blocks:
        counts[squash_text(b.text)] = counts.get(squash_text(b.text), 0) + 1
    have = {h.block.index for h in heads}
    labels = {h.block.index for h in heads if h.style == "annex"}  # their titles sit below them
    extra = []
    for b in blocks[1:]:
        text = squash_text(b.text)
        if (b.kind == "table" or b.index in have or labels & {b.index - 1, b.index - 2} or _CHAPTER_REF.match(text) or not _near_page_top(outline, b, 1) or counts[text] > 2
                or not 4 <= len(text) <= 25 or re.search(r"[，。：:；;,！？]", text) or not _NAMED.search(text)):
            continue
        if any(rx.match(text) for _, rx in _NUMBERING):
            continue  # a numbered line the numbering rules already judged
        title = form_title(text, merged=False)
        own_note = bool(_NOT_IN_BID.search(text))  # a group heading: dropped with its forms below
        if title and not _is_sentence(text, title) and (own_note or not _left_out(outline, b)):
            extra.append(_Heading(b, "none", "", title, page_top=True))
    return sorted(heads + extra, key=lambda h: h.block.index)



def squash_text(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _heading(b: Block, text: str) -> _Heading | None:
    text = _MARKS.sub("", text)  # '★附件 1：' — a substantive marker before the label
    for style, rx in _NUMBERING:
        m = rx.match(text)
        if not m:
            continue
        rest = text[m.end():]
        title = form_title(rest, merged=b.kind != "heading" and b.page is not None)
        if style == "annex" and not _NOTE_ONLY.sub("", title):  # '附件二：' alone: a container
            # of numbered forms, or the title is on the next line; '（不涉及此项的可不提供）' is a note
            return _Heading(b, style, m.group(1), "")
        if _is_sentence(rest, title):
            return None
        return _Heading(b, style, re.sub(r"\s+", "", m.group(1)), title)
    return None


def _is_sentence(rest: str, title: str) -> bool:
    """A numbered line inside a form ('单位名称：', '有健全的财务会计制度；', '我方…'), not a form."""
    if not title or _NOT_FORM.search(title) or re.search(r"[，。,]", title) or title[0] in _NOT_START:
        return True
    if _NOTE_ONLY.fullmatch(title):
        return True  # '（非福利性企业不用填写）': a note under a form's heading
    if title[-1] in _DANGLING:
        return True  # '与供应商存在关联关系的' — a wrapped sentence, not a name
    if not re.search(r"[\u4e00-\u9fffA-Za-z]{2}", title):
        return True  # blanks or page numbers
    raw = re.sub(r"\s+", "", rest)
    body = raw[len(re.sub(r"\s+", "", title)):]
    if body[:1] in ("，", ",", "。", "；") or (len(raw) > 12 and raw[-1:] in ("。", "；")) \
            or (len(raw) > 25 and raw[-1:] in ("：", ":")):
        return True  # '经慎重考虑，我方的投标总价为…' / '（1）本投标有效期为…日。' — a clause of a letter
    open_note = title.count("（") + title.count("(") > title.count("）") + title.count(")")
    if re.search(r"[，,]", body[:12]) and not re.match(r"[（(]", body) and not open_note:
        return True  # '随同本投标函提交投标保证金一份，金额为…' — a clause naming a form
    return not re.sub(r"[\W_]+", "", body) and bool(re.search(r"[：:；;。]$", raw))


def form_title(rest: str, merged: bool = True) -> str:
    """'投标书（实质性格式）投标书致：…' -> '投标书'; '开标一览表项目名称…' -> '开标一览表'."""
    text = re.sub(r"(?<=[^\x00-\x7f])\s+(?=[^\x00-\x7f])", "", rest.split("\n")[0]).strip()
    text = _repeat_prefix_cut(text)
    m = _BODY_START.search(text)
    if m and m.start() >= 3:
        text = text[:m.start()]
    if merged and len(text) > 25:
        sm = _FORM_SUFFIX.search(text, 4)
        if sm:
            text = text[:sm.end()]
    text = _FORMAT_NOTE.sub("", text).strip(" ：:，,。；;")
    text = _TRAILING_FORMAT.sub("", text)  # '响应函格式' names the form 响应函
    return text[:40]


def _repeat_prefix_cut(text: str) -> str:
    """A form heading merged with the form's own title: cut where the start repeats."""
    for p in range(3, min(len(text), 40)):
        if text[p:p + 3] == text[:3] and len(text[:3].strip()) == 3:
            return text[:p]
    return text


def _main_styles(heads: list[_Heading]) -> list[_Heading]:
    """Keep numbering styles that recur (a style seen once is body text, not the form list)."""
    counts: dict[str, int] = {}
    for h in heads:
        counts[h.style] = counts.get(h.style, 0) + 1
    keep = {s for s, n in counts.items() if n >= 2 or s == "annex"}
    # body lists inside forms ('1.' clauses of a letter, '(1)' notes) repeat too, but their
    # titles are not form names; drop a style when few of its titles name a form.
    for s in list(keep - {"annex"}):
        titles = [h.title for h in heads if h.style == s and h.title]
        named = sum(1 for t in titles if _NAMED.search(t))
        if named * 2 < len(titles):
            keep.discard(s)
    # in a PDF each form starts a page: a numbering style whose lines rarely open a page is the
    # numbered body text of the forms ('1.随同本投标函…'), not the form list.
    for s in list(keep):
        paged = [h for h in heads if h.style == s and h.block.page is not None]
        if len(paged) >= 3 and sum(1 for h in paged if h.page_top) * 3 < len(paged):
            keep.discard(s)
    return [h for h in heads if h.style in keep]


def _leaves(heads: list[_Heading]) -> list[_Heading]:
    """Drop group headings: one followed by a restarted (or deeper) numbering of another style."""
    out = []
    for n, h in enumerate(heads):
        nxt = heads[n + 1] if n + 1 < len(heads) else None
        if nxt is not None and _is_child(h, nxt):
            continue
        out.append(h)
    return out


def _is_child(parent: _Heading, child: _Heading) -> bool:
    """Is `child` the first sub-heading of `parent` ('1' → '1-1', '一、' → '1、' / '1.1')?"""
    if not parent.number and parent.style == "none":
        return False  # an unnumbered form title heads no numbered list
    cparts, pparts = re.split(r"[-.]", child.number), re.split(r"[-.]", parent.number)
    if len(cparts) > 1:
        if parent.style in ("dash", "dec"):
            return cparts[:len(pparts)] == pparts and len(cparts) > len(pparts)
        if cparts[:1] == pparts:
            return True
        return parse_number(cparts[-1]) == 1 and parent.style not in ("dash", "dec")
    first = parse_number(cparts[0])
    if parent.style in ("dash", "dec"):
        return first == 1 and child.style in ("par", "pcn")
    if child.style == parent.style:  # numbering restarts right under it: a group heading; a
        # restart after the form's own body is the next group's first form (the last form stays)
        return (first == 1 and (parse_number(parent.number) or 0) > 1
                and child.block.index - parent.block.index <= 3)
    return first == 1


def _unique(sections: list[tuple[str, Block]]) -> list[tuple[str, Block]]:
    out, seen = [], set()
    for title, b in sections:
        key = re.sub(r"\W+", "", title)  # a list of the forms and the forms themselves: once
        if not title or key in seen:
            continue
        seen.add(key)
        out.append((title, b))
    return out
