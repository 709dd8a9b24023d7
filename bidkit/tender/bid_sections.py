"""The required bid-document structure (投标文件格式 / 响应文件格式 / proposal forms), in order.

Sources, best first (the tender's own structure decides):
1. the formats chapter's own 目录 (a TOC inside the chapter lists exactly its forms);
2. the formats chapter's numbered form headings, leaves only (a group heading such as
   '一、商务响应文件有关格式' followed by restarted numbering '1、投标函' is a container);
3. the 投标文件组成 / 'Documents comprising the proposal' list, or 'Form X: …' lists (English).
"""

from __future__ import annotations

import re

from bidkit.document import Block
from bidkit.model import BidSection, SourceRef
from bidkit.tender.bid_sections_titles import (
    _CHAPTER_REF,
    _CN,
    _DANGLING,
    _FORM_SUFFIX,
    _NAMED,
    _NOT_APPLICABLE,
    _NOT_IN_BID,
    _NOTE_ONLY,
    _NUMBERING,
    LABEL_STYLES,
    _Heading,
    _heading,
    _is_sentence,
    _strip_number,
    form_title,
    squash_text,
)
from bidkit.tender.outline import Outline, Section, is_toc_entry, parse_number, strip_toc_tail

_FORMATS_CHAPTER = re.compile(
    r"(投标|响应|应答|磋商|谈判|报价|申请)文件.{0,6}(格式|组成|编制|构成)|格式附件|文件格式|投标书格式|"
    r"(投標|應答)文件.{0,6}(格式|組成)|"
    r"\bforms?\b|returnable|bidding forms|proposal forms|formats?\b", re.IGNORECASE)


def extract_bid_sections(outline: Outline) -> list[BidSection]:
    chapter = _formats_chapter(outline)
    sections: list[tuple[str, Block]] = []
    if chapter is not None:
        sections = _toc_or_body(_chapter_toc(outline, chapter), _form_headings(outline, chapter))
    if not sections and outline.language != "zh":
        from bidkit.tender.bid_sections_en import english_sections

        sections = english_sections(outline, chapter)
    if not sections and outline.language == "zh":
        from bidkit.tender.bid_sections_list import composition_list

        sections = composition_list(outline)
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


def _form_headings(outline: Outline, chapter: Section) -> list[tuple[str, Block]]:
    heads = []
    wrapped: set[int] = set()
    for b in outline.blocks_in(chapter):
        if b.kind == "table" or (is_toc_entry(b.text) and (b.page is not None or "\t" in b.text)):
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
            if h.style in LABEL_STYLES and not h.title:
                h.title = _title_on_next_lines(outline, b.index)
                h.title_below = True
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
        return [(h.title, h.block) for h in _earlier_volume(heads, listed) + _groups_opened(heads, listed)]
    return _body_forms(outline, chapter, heads)


def _groups_opened(heads: list[_Heading], listed: list[_Heading]) -> list[_Heading]:
    """'三、符合性审查响应' in the list is, in the body, a group heading followed at once by its
    own numbered forms ('1.营业执照' '2.法定代表人身份证明书' …): the forms replace the group."""
    out: list[_Heading] = []
    for entry in listed:
        out.extend(_group_forms(heads, entry, listed[-1].block.index) or [entry])
    return out


def _group_forms(heads: list[_Heading], entry: _Heading, after: int) -> list[_Heading]:
    body = next((h for h in heads if h.block.index > after and h.style == entry.style
                 and _key(h.title) == _key(entry.title)), None)
    if body is None:
        return []
    n = heads.index(body)
    inside = []
    for h in heads[n + 1:]:
        if h.style == entry.style:
            break
        inside.append(h)
    if not inside or inside[0].block.index - body.block.index > 3 or not _is_child(body, inside[0]):
        return []
    kids = [h for h in inside if h.style == inside[0].style and h.title]
    named = sum(1 for h in kids if _NAMED.search(h.title))
    scored = sum(1 for h in kids if re.search(r"\d\s*分", h.title))  # scoring criteria, not forms
    return kids if len(kids) >= 2 and named * 2 >= len(kids) and not scored else []


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
    leaves = _leaves(heads)
    # '一、资格性文件' holds '1.1投标函 …': a group; the letter's own list naming the groups
    # ('1、资格性文件 2、商务文件') names the same containers, not forms
    kept = {id(h) for h in leaves}
    groups = {squash_text(h.title) for h in heads if id(h) not in kept and h.title}
    naming = {h.block.index for h in leaves if squash_text(h.title) in groups}
    listed = {i for i in naming if {i - 1, i + 1} & naming}  # lines of one list, not a lone form
    return [(h.title, h.block) for h in leaves if h.title and h.block.index not in listed]


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
    title = form_title(first, merged=False)
    return "" if title[-1:] in _DANGLING else title  # a cut that left '…关联关系的' is no name


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
    labels = {h.block.index for h in heads if h.title_below}  # those title lines are taken
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


_GROUP_TITLE = re.compile(r"^(?:(?:投标|响应|应答|磋商)文件)?目录$|"
                          r"^(?:资格性?|符合性|商务|技术|报价|价格)(?:审查|评审)?(?:文件|部分|响应|资料)$")


def _is_child(parent: _Heading, child: _Heading) -> bool:
    """Is `child` the first sub-heading of `parent` ('1' → '1-1', '一、' → '1、' / '1.1')?"""
    if not parent.number and parent.style == "none":
        # an unnumbered form title heads no numbered list — unless it names a group
        # ('投标文件目录' / '商务文件' then, at once, '1、资格性自查表')
        return (bool(_GROUP_TITLE.search(squash_text(parent.title)))
                and parse_number(re.split(r"[-.]", child.number)[0]) == 1
                and child.block.index - parent.block.index <= 3)
    if child.style in ("part", "cn") and parent.style in ("dun", "dot", "sp", "dec", "dash", "par", "pcn"):
        return False  # '一、' ranks above '2、' / '(2)': the next group, not a sub-item
    cparts, pparts = re.split(r"[-.]", child.number), re.split(r"[-.]", parent.number)
    if len(cparts) > 1:
        if parent.style in ("dash", "dec"):
            # '1.3 关于资格的声明函' (a whole letter) then '1.3.1 营业执照复印件': a form with an
            # attachment, not a group; a group heading is followed closely by its first form
            return (cparts[:len(pparts)] == pparts and len(cparts) > len(pparts)
                    and child.block.index - parent.block.index <= 5)
        if cparts[:1] == pparts:
            return True
        if parent.style in ("dun", "dot", "sp") and parse_number(cparts[0]) != parse_number(pparts[0]):
            return False  # '1.1投标函' after '2、符合性自查表' belongs to a group numbered 1
        return parse_number(cparts[-1]) == 1 and parent.style not in ("dash", "dec")
    first = parse_number(cparts[0])
    if parent.style in ("dash", "dec"):
        return first == 1 and child.style in ("par", "pcn")
    if child.style == parent.style:  # numbering restarts right under it: a group heading; a
        # restart after the form's own body is the next group's first form (the last form stays)
        return (first == 1 and (parse_number(parent.number) or 0) > 1
                and child.block.index - parent.block.index <= 3)
    # '附件十一 营业执照…' with its own list of documents, then '二、技术标' / '1、服务方案': the
    # '1、' is under the (filtered) group line; a titled 附件's own first child follows it closely
    return first == 1 and (parent.style != "annex" or not parent.title
                           or child.block.index - parent.block.index <= 4)


def _unique(sections: list[tuple[str, Block]]) -> list[tuple[str, Block]]:
    out, seen = [], set()
    for title, b in sections:
        # a list of the forms and the forms themselves: once ('“★”号条款承诺函' and '“▲”号…' two)
        key = re.sub(r"[^\w★▲]+", "", title.lstrip(" ★▲"))
        if not title or key in seen:
            continue
        seen.add(key)
        out.append((title, b))
    return out
