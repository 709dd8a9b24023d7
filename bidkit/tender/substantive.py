"""Substantive clauses: every clause carrying a marker the tender's own legend declares
substantive (paragraphs, parameter-table rows, form titles labelled （实质性格式）).

A marker on a section heading ('★三、商务和其他要求') marks the heading itself; the clauses of that
section are listed too, since the tender makes all of them substantive (subst_sections.py).
Where a tender uses no markers nothing is listed: blanket '必须满足' sentences are everywhere and
listing them would bury the few clauses a bid team must not miss.
"""

from __future__ import annotations

import re

from bidkit.document import Block
from bidkit.model import Requirement, SourceRef
from bidkit.tender.legend import TEXT_MARKER, substantive_markers
from bidkit.tender.outline import Outline
from bidkit.tender.subst_sections import section_clauses
from bidkit.tender.text import nfkc

_NUMBER = r"(?:\d+(?:\.\d+)*[、.．)）]?|[（(](?:\d+|[一二三四五六七八九十]+)[)）]|[一二三四五六七八九十]+[、.．]|[①-⑳])?\s*"
# words right after a marker that make it a reference to marked clauses, not a marked clause
_REFERENCE_AFTER = re.compile(r"^\s*[”\"'」]?\s*(?:号|标记|标注|标识|符号|形式|的条款|条款|项|为|者)")
_REFERENCE_BEFORE = re.compile(r"(?:标有|标注|标记|标明|带有?|用|以|打|凡|中|有|非|未)\s*[“\"'「]?\s*$")
_TOC = re.compile(r"\.{4,}|…{2,}|\s\d+\s*$")


def extract_substantive(outline: Outline, legend: dict[str, str]) -> list[Requirement]:
    marks = substantive_markers(legend)
    symbols = "".join(m for m in marks if len(m) == 1 and not m.isalpha())
    letters = {m for m in marks if m.isalpha() and m.isascii()}
    legend_texts = {_key(v) for v in legend.values()}
    items: list[Requirement] = []
    for block in outline.doc.blocks:
        for text, marker in _letter_rows(block, letters):
            items.append(_requirement(outline, block, text, marker))
        for text, marker, is_heading in _marked_clauses(block, symbols):
            if _key(text) in legend_texts:
                continue
            text = _with_form_title(outline, block, text)
            items.append(_requirement(outline, block, text, marker))
            if is_heading:
                items += [_requirement(outline, b, t, marker, inherited=True)
                          for b, t in section_clauses(outline, block, text)]
        if TEXT_MARKER in marks:
            title = _form_title(block)
            if title:
                items.append(_requirement(outline, block, title, TEXT_MARKER))
    return _dedupe(items)


_ROW_ID = re.compile(r"[A-Za-z]{0,4}[-.]?\d+(?:\.\d+)*[.、]?")


def _letter_rows(block: Block, letters: set[str]):
    """Requirement tables with a type column ('M' mandatory / 'D' desirable): each row whose cell
    is exactly a substantive letter, quoted without its id and type cells."""
    if not letters or block.kind != "table" or not block.rows:
        return
    for row in block.rows:
        cells = [c.strip() for c in row if c and c.strip()]
        marker = next((c for c in cells if c in letters), None)
        if marker is None:
            continue
        text = " | ".join(c for c in cells if c != marker and not _ROW_ID.fullmatch(c))
        if len(text) >= 15:  # compliance forms repeat only 'F-01 | M' with blanks to fill
            yield text[:400], marker


def _marked_clauses(block: Block, symbols: str):
    """(clause text, marker, looks like a heading) for each clause of the block that starts with
    a substantive marker; table rows are clauses of their own."""
    if not symbols:
        return
    if block.kind == "table" and block.rows:
        for row in block.rows:
            cells = [c.strip() for c in row if c and c.strip()]
            while cells and re.fullmatch(r"[\d.、]+", cells[0]):
                cells = cells[1:]  # a bare row number
            for i, cell in enumerate(cells):
                alone = re.fullmatch(rf"[（(]?\s*([{re.escape(symbols)}])\s*[)）]?", nfkc(cell))
                if alone:  # a marker column ('重要性 | ★'): the clause is the rest of the row
                    rest = " | ".join(c for j, c in enumerate(cells) if j != i)
                    if len(re.sub(r"\W", "", rest)) >= 4:
                        yield f"{alone.group(1)} {rest}"[:400], alone.group(1), False
                    break
                m = re.match(rf"{_NUMBER}([{re.escape(symbols)}])", nfkc(cell))
                if m and not _REFERENCE_AFTER.match(nfkc(cell)[m.end():]):
                    yield " | ".join(cells[i:])[:400], m.group(1), False
                    break
        return
    raw = block.text.strip()
    text = nfkc(raw)
    if len(text) == len(raw):
        text_out = raw  # quote the tender verbatim where NFKC kept positions
    else:
        text_out = text
    starts = list(re.finditer(rf"(?:^|(?<=[。；;:：\n]))\s*{_NUMBER}([{re.escape(symbols)}])", text))
    starts = [m for m in starts if re.search(r"\w", text[m.end():])]  # '…认证。★' closes a clause
    if not starts:
        yield from _trailing_marker(block, text, text_out, symbols)
        return
    for n, m in enumerate(starts):
        if _REFERENCE_AFTER.match(text[m.end():]) or _REFERENCE_BEFORE.search(text[:m.start(1)]):
            continue
        end = starts[n + 1].start() if n + 1 < len(starts) else len(text)
        clause = text_out[m.start():end].strip()
        if len(re.sub(r"\W", "", clause)) < 2:
            continue
        yield clause[:400], m.group(1), _is_heading(block, clause)


def _trailing_marker(block: Block, text: str, text_out: str, symbols: str):
    """'1.投标人须具备ISO9001认证。★' / '…（★）': the marker closes the clause instead of opening it."""
    m = re.search(rf"\s*[（(]?\s*([{re.escape(symbols)}])\s*[)）]?\s*$", text)
    if not m or "\n" in text.strip() or _REFERENCE_BEFORE.search(text[:m.start(1)]):
        return
    if len(re.sub(r"\W", "", text[:m.start()])) >= 4:
        yield text_out.strip()[:400], m.group(1), False


def _is_heading(block: Block, clause: str) -> bool:
    body = re.sub(r"^\W*", "", clause)
    return (block.kind == "heading" or len(body) <= 30) and not re.search(r"[。；;，,：:]", body)


def _form_title(block: Block) -> str | None:
    """'投标书（实质性格式）' at the top of a form (not in the table of contents or in a sentence)."""
    raw = block.text.strip()
    text = nfkc(raw)
    m = re.match(rf"^\s*(?:[\d一二三四五六七八九十]+[、.．\s]*)?(?P<t>[^，。；:：]{{2,30}}?[（(]{TEXT_MARKER}[)）])", text)
    if not m or _TOC.search(text[: m.end() + 40]) and len(text) < m.end() + 40:
        return None
    source = raw if len(raw) == len(text) else text
    return source[m.start("t"):m.end("t")].strip()


# '★附件 1：' / '★附表3' / '★Form 2:' with nothing after the label: the form's title is the next line
_BARE_LABEL = re.compile(r"^\W*(?:附件|附表|格式|表|Form|Annex(?:ure)?|Attachment|Appendix|Schedule)\s*"
                         r"[\dA-Z一二三四五六七八九十]+(?:\s*[-－—.．]\s*\d+)*\s*[：:.．]?\s*$", re.IGNORECASE)
_NOT_TITLE = re.compile(r"[。；;]|^\s*(?:致|To)\b|^[（(][^）)]*[)）]$|[:：]\s*$")


def _with_form_title(outline: Outline, block: Block, clause: str) -> str:
    """'★附件 1：' alone on its line (the title '投标函' on the next) → '★附件 1：投标函'."""
    if block.kind == "table" or not _BARE_LABEL.match(nfkc(clause)):
        return clause
    blocks = outline.doc.blocks
    for nxt in blocks[block.index + 1:block.index + 3]:
        title = nxt.text.strip()
        if not title or nxt.kind == "table":
            return clause
        if len(title) <= 60 and not _NOT_TITLE.search(nfkc(title)):
            return f"{clause.rstrip()}{'' if clause.rstrip().endswith(('：', ':')) else ' '}{title}"
        return clause
    return clause


def _requirement(outline: Outline, block: Block, text: str, marker: str, inherited: bool = False) -> Requirement:
    return Requirement(
        kind="substantive", text=text.strip(), substantive=True, marker=marker, page=block.page,
        source=SourceRef(page=block.page, paragraph=block.paragraph,
                         section=outline.section_title(block), quote=text.strip()[:300]),
        priority=2 if inherited else 1,
    )


def _key(text: str) -> str:
    return re.sub(r"\W+", "", nfkc(text))[:40]


_NUM_CHARS = r"[\s\d.、．()（）|:：\-－—]*"
# numbering and a form label ('5－1 ', '附件 5-1：', 'Annex B-2:') before the words of a clause
_LEAD = re.compile(rf"^{_NUM_CHARS}(?:(?:附件|附表|Form|Annex(?:ure)?|Attachment|Appendix){_NUM_CHARS}"
                   rf"(?:[A-Z](?![a-z]){_NUM_CHARS})?)?", re.IGNORECASE)


def _same_body(a: str, b: str) -> bool:
    """Equal, or one the start of the other (cut where a line ended; a leading '具有' may differ)."""
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 4 and (short == long_ or len(short) >= 8 and 0 <= long_.find(short) <= 2)


def _dedupe(items: list[Requirement]) -> list[Requirement]:
    """One item per clause: deviation tables (偏离表), summaries and lists of forms repeat marked
    clauses ('★5-1 授权委托书' in a list, then '★附件 5-1：授权委托书' over the form itself, cut where
    a line ended); the first occurrence (the requirement itself) is kept."""
    keys: set[str] = set()
    bodies: list[str] = []
    out = []
    for r in items:
        key = _key(re.sub(r"^[\s\d.、．()（）|]+", "", r.text))
        body = _key(_LEAD.sub("", re.sub(r"^\W+", "", nfkc(r.text))))
        if key in keys or any(_same_body(body, b) for b in bodies):
            continue
        keys.add(key)
        if len(body) >= 4:
            bodies.append(body)
        out.append(r)
    return out
