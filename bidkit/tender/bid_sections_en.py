"""English proposal structure: 'Form A: …' lists and 'The Proposal shall comprise the following'
lists ((a) … (b) …), in the tender's order."""

from __future__ import annotations

import re

from bidkit.document import Block
from bidkit.tender.outline import Outline, Section, is_toc_entry, strip_toc_tail

_FORM = re.compile(r"\bForm\s+([A-Z])\s*[:.\-–]\s*(.+?)(?=\s*(?:o\s+)?Form\s+[A-Z]\s*[:.\-–]|"
                   r"\s+Section\s+\d|\s+o\s|$)", re.IGNORECASE)
_ANCHOR = re.compile(r"compris\w* (?:of )?the following|documents comprising|sequence outlined below|"
                     r"structure .{0,60}as follows|shall contain the following|consist of the following|"
                     r"in the following (?:order|sequence)|following sequence", re.IGNORECASE)
_HEADINGS_ANCHOR = re.compile(r"sequence outlined below|in the following (?:order|sequence)|following sequence",
                              re.IGNORECASE)
_MAX_HEADINGS = 10
_PRECEDENCE = re.compile(r"prevail|precedence|priority|conflict|inconsisten|discrepanc", re.IGNORECASE)
_ENUM = re.compile(r"^\s*\(?([a-h]|[ivx]{1,4}|\d{1,2})[).]\s+(.+)")


_FORM_HEAD = re.compile(r"^\s*FORM\s+([A-Z])\s*[:.\-–]", re.IGNORECASE)
_SECTION_HEAD = re.compile(r"^\s*SECTION\s+(\d{1,2}[A-Z]?)\s*[:.\-–]\s*(.{3,120})$", re.IGNORECASE)


_FORM_LINE = re.compile(r"^\s*(FORM|Form|ANNEX(?:URE)?|Annex(?:ure)?|APPENDIX|Appendix|SCHEDULE|Schedule)"
                        r"\s+([A-Z]|\d{1,2}(?:\.\d{1,2})*|[IVX]{1,4})\s*(?:[:.\-–]|(?<=\d)\s(?=[A-Z]))\s*(.{3,200})$")


_BARE_LABEL = re.compile(r"^\s*(?:FORM|Form|ANNEX(?:URE)?|Annex(?:ure)?)\s+([A-Z]|\d{1,2}(?:\.\d{1,2})*|[IVX]{1,4})"
                         r"\s*[:.\-–]?\s*$")


def english_sections(outline: Outline, chapter: Section | None = None) -> list[tuple[str, Block]]:
    if chapter is not None:
        own = _chapter_forms(outline, chapter)
        if own:
            return own
    forms = _form_list(outline)
    if forms:
        return _with_form_sections(outline, forms)
    return _standalone_forms(outline) or _anchor_lists(outline) or _stated_parts(outline)


def _chapter_forms(outline: Outline, chapter: Section) -> list[tuple[str, Block]]:
    """The forms chapter's own 'Form 1. Proposal Submission Letter' headings, once per number."""
    found: list[tuple[str, str, Block]] = []
    seen: set[str] = set()
    blocks = outline.blocks_in(chapter)
    for n, b in enumerate(blocks):
        text = b.text.strip()
        bare = _BARE_LABEL.match(text) if b.kind != "table" else None
        if bare and n + 1 < len(blocks) and _short_title(blocks[n + 1].text.strip()):
            text = f"{bare.group(0).strip()}: {blocks[n + 1].text.strip()}"  # 'Form 3:' / title below
        m = _FORM_LINE.match(text) if b.kind != "table" else None
        if m and (m.group(1).lower()[:5], m.group(2)) not in seen and (bare or not is_toc_entry(b.text)):
            seen.add((m.group(1).lower()[:5], m.group(2)))
            found.append((m.group(1).lower()[:5], _first_sentence(m.group(3))[:120], b))
    # 'Form 1' … 'Form 6' then 'Annexure I – Functional Specifications': the label the chapter
    # uses for its forms is the one used most; a lone other label is an attachment, not a form
    kinds = [k for k, _, _ in found]
    main = max(set(kinds), key=kinds.count) if kinds else ""
    out = [(t, b) for k, t, b in found if k == main or kinds.count(k) >= 2]
    return out if len(out) >= 2 else []


def _with_form_sections(outline: Outline, forms: list[tuple[str, Block]]) -> list[tuple[str, Block]]:
    """A form that prescribes the proposal's own sections ('SECTION 1: …', 'SECTION 2: …' inside
    'Form E: Format of Technical Proposal'): those sections follow the form in the list."""
    blocks = outline.doc.blocks
    after = max(b.index for _, b in forms) + 1
    inner: dict[str, list[tuple[str, Block]]] = {}
    current = None
    for b in blocks[after:]:
        m = _FORM_HEAD.match(b.text)
        if m:
            current = m.group(1).upper()
            continue
        s = _SECTION_HEAD.match(b.text.strip())
        if current and s and b.kind != "table":
            inner.setdefault(current, []).append((_first_sentence(s.group(2)), b))
    out: list[tuple[str, Block]] = []
    for n, (title, b) in enumerate(forms):
        out.append((title, b))
        letter = chr(ord("A") + n)
        out.extend(inner.get(letter, []) if len(inner.get(letter, [])) >= 2 else [])
    return out


def _first_sentence(text: str) -> str:
    """'Proposed Methodology … Plan This section should demonstrate…' -> the heading part."""
    cut = re.split(r"\s+(?=(?:This|These|The|Provide|Please|Describe|Explain|Include|List|Indicate|"
                   r"Submit|Give|Bidders?|Offerors?)\b)|\.\s", text, maxsplit=1)[0]
    return cut.strip(" .")


def _form_list(outline: Outline) -> list[tuple[str, Block]]:
    """A letter or TOC that names the returnable forms: 'Form A: Technical Proposal Submission Form',
    one per line or several on one merged line. The longest such run wins."""
    best: list[tuple[str, Block]] = []
    run: list[tuple[str, Block]] = []
    seen: set[str] = set()
    last = -10
    for b in outline.doc.blocks:
        forms = _FORM.findall(b.text) if b.kind != "table" else []
        if not forms:
            continue
        letters = {x[0].upper() for x in forms}
        if b.index - last > 1 or letters & seen:  # a gap, or the forms themselves begin
            run, seen = [], set()
        seen |= letters
        last = b.index
        for _, title in forms:
            title = re.sub(r"\s*\((?:not applicable|if applicable)[^)]*\)\s*$", "", title.strip(), flags=re.IGNORECASE)
            run.append((strip_toc_tail(title).strip(" .;:"), b))
        if len(run) > len(best):
            best = list(run)
    return best if len(best) >= 3 else []


def _anchor_lists(outline: Outline) -> list[tuple[str, Block]]:
    blocks = outline.doc.blocks
    out: list[tuple[str, Block]] = []
    for i, b in enumerate(blocks):
        envelope = _ENVELOPE.search(b.text) if b.kind != "table" and _ENVELOPE_GATE.search(b.text) else None
        if b.kind == "table" or not (_ANCHOR.search(b.text) or envelope) or _PRECEDENCE.search(b.text):
            continue
        if _HEADINGS_ANCHOR.search(b.text) and not _ENUM.match(blocks[i + 1].text if i + 1 < len(blocks) else ""):
            out.extend(_headings_after(outline, i))
            continue
        found = _inline_items(b, envelope) or _enumerated_after(blocks, i)
        if not found and envelope:
            found = _envelope_content(b, envelope)
        out.extend(found)
    return out


_SEQUENCES = ("abcdefghijklmnop", [str(n) for n in range(1, 30)],
              ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"])


def _enumerated_after(blocks: list[Block], i: int) -> list[tuple[str, Block]]:
    """The (a) (b) … — or 1. 2. …, (i) (ii) … — items on the lines after the anchor."""
    out: list[tuple[str, Block]] = []
    misses = 0
    seq: list[str] | str | None = None
    for e in blocks[i + 1:i + 40]:
        m = _ENUM.match(e.text)
        label = m.group(1).lower() if m else ""
        if seq is None and label:
            seq = next((q for q in _SEQUENCES if q[0] == label), None)
        if m and seq is not None and len(out) < len(seq) and label == seq[len(out)]:
            out.append((_title(m.group(2)), e))
            misses = 0
        else:
            misses += 1
            if misses > 3:
                break
    return out


_ENVELOPE = re.compile(
    r"\b(?:envelope|cover|packet)\b.{0,60}?\b(?:shall|must|should|will)\s+(?:contain|comprise|include|consist\s+of)\b"
    r"|\b(?:technical|financial|price|commercial|techno-commercial)\s+(?:bid|proposal|offer)s?\b.{0,30}?"
    r"\b(?:shall|must|should|will)\s+(?:contain|comprise|include|consist\s+of)\b", re.IGNORECASE)
# Both alternatives of _ENVELOPE end in one of these verbs: a cheap gate before it.
_ENVELOPE_GATE = re.compile(r"contain|compris|includ|consist", re.IGNORECASE)
_INLINE_ITEM = re.compile(r"\(([a-h]|[ivx]{1,4})\)\s*(.+?)(?=[;,]?\s*(?:and\s+)?\([a-h]|[;,]?\s*(?:and\s+)?\([ivx]{1,4}\)|$)",
                          re.IGNORECASE)


def _inline_items(b: Block, envelope: re.Match | None) -> list[tuple[str, Block]]:
    """'Envelope 1 shall contain: (a) the bid security; (b) the technical proposal' on one line."""
    if envelope is None:
        return []
    items = _INLINE_ITEM.findall(b.text[envelope.end():])
    titles = [_title(re.sub(r"^(?:the|a|an)\s+", "", t.strip(), flags=re.IGNORECASE)) for _, t in items]
    return [(t[:1].upper() + t[1:], b) for t in titles if t] if len(titles) >= 2 else []


def _envelope_content(b: Block, envelope: re.Match) -> list[tuple[str, Block]]:
    """'Envelope No.2 shall contain the duly filled in Priced Tender Volume in duplicate': the one
    part it holds, named by its capitalised words."""
    m = re.search(r"\b[A-Z][\w-]*(?:\s+(?:of\s+|for\s+|and\s+)?[A-Z][\w-]*){0,5}", b.text[envelope.end():])
    return [(m.group(0), b)] if m and len(m.group(0)) >= 4 and " " in m.group(0) else []


def _headings_after(outline: Outline, anchor: int) -> list[tuple[str, Block]]:
    """'…provide the requested information in the sequence outlined below': the short title lines
    that follow (Project Definition, Company Profile, …), within the same chapter."""
    blocks = outline.doc.blocks
    chapter = outline.chapter_of(blocks[anchor])
    out: list[tuple[str, Block]] = []
    for b in blocks[anchor + 1:]:
        if outline.chapter_of(b) is not chapter or len(out) >= _MAX_HEADINGS:
            break
        text = b.text.strip()
        words = text.split()
        if (b.kind != "table" and 1 <= len(words) <= 9 and text[0].isupper()
                and not re.search(r"[.:;,]$", text) and not re.match(r"^\d", text)):
            out.append((text, b))
    return out


def _title(text: str) -> str:
    text = re.split(r"[:;,]|\s+including\b|\s+This\b|\.(?:\s|$)|\s+(?:of\s+)?(?:Rs|INR|₹|USD|US\$)\.?\s*\d",
                    text, maxsplit=1)[0]  # 'Earnest money deposit of Rs.10,000 in form of…' names the part
    if text.count("(") > text.count(")"):
        text = text[:text.rindex("(")]  # a note the cut left open
    return text.strip(" .")[:100]


_ANNEX_LABEL = re.compile(r"^\s*(ANNEX(?:URE)?|Annex(?:ure)?|APPENDIX|Appendix|FORM|Form)\s*[-–—:.]?\s*"
                          r"([A-Z]|\d{1,2}(?:\.\d{1,2})*|[IVX]{1,4})\b\s*[:.\-–—]?\s*(.*)$")
_LETTERHEAD = re.compile(r"^\s*\((?:to\s+be\s+)?(?:enclosed|submitted|printed|given|furnished|provided)\b"
                         r".{0,60}\b(?:letter\s*-?\s*head|stamp\s+paper)", re.IGNORECASE)
_CAPS_TITLE = re.compile(r"^[A-Z][A-Z&'’/\- ]{3,80}$")


def _standalone_forms(outline: Outline) -> list[tuple[str, Block]]:
    """Forms without a forms chapter or list, in body order: an 'Annexure – B' label (its title on
    the same or the next line) and an ALL-CAPS title line that a letterhead note follows
    ('FORM OF TENDER' / '(To Be Enclosed In Letter Head)')."""
    blocks = [b for b in outline.doc.blocks if b.kind != "table"]
    chapter_starts = {c.start for c in outline.chapters}  # 'Annex III - Terms of Reference' is a part
    out: list[tuple[str, Block]] = []
    used: set[int] = set()
    for n, b in enumerate(blocks):
        text = b.text.strip()
        if b.index in chapter_starts:
            continue
        nxt = blocks[n + 1].text.strip() if n + 1 < len(blocks) else ""
        m = _ANNEX_LABEL.match(text)
        if m and len(text) <= 90 and (not m.group(3).strip() or not is_toc_entry(text)):
            title = m.group(3).strip(" .:-–")
            if not title and _CAPS_TITLE.match(nxt) or not title and _short_title(nxt):
                title = nxt
                used.add(n + 1)
            if title and not _LETTERHEAD.match(title):
                out.append((f"{_tidy(title)} ({m.group(1).title()}-{m.group(2)})", b))
            continue
        if n in used or not _CAPS_TITLE.match(text) or len(text.split()) > 8:
            continue
        if _LETTERHEAD.match(nxt):
            out.append((_tidy(text), b))
    # 'Form 1: …' 'Form 2: …' on consecutive lines list forms named elsewhere (an evaluation
    # table's sheets); a form's own label stands apart from the next one
    at = {b.index for _, b in out}
    out = [(t, b) for t, b in out if not {b.index - 1, b.index + 1} & at]
    return out if len(out) >= 3 else []


def _short_title(text: str) -> bool:
    words = text.split()
    return 1 <= len(words) <= 10 and text[:1].isupper() and not re.search(r"[.:;,]$", text)


def _tidy(title: str) -> str:
    """'LETTER OF UNDERTAKING' -> 'Letter of Undertaking'."""
    if title.upper() != title:
        return title[:120]
    words = [w.lower() if w.lower() in _SMALL else w.capitalize() for w in title.split()]
    return " ".join(words)[:1].upper() + " ".join(words)[1:120]


_SMALL = {"of", "to", "and", "for", "the", "in", "on", "a", "an", "or", "with", "by", "from"}


_COMPOSITION = re.compile(r"\b(?:complete|each|the|your)\s+(?:quote|quotation|proposal|bid|offer|response|submission)s?"
                          r"\s+(?:must|shall|should|will)\s+(?:include|contain|consist\s+of|comprise)\s+"
                          r"(?!the following)(.{20,400}?)(?:\.(?:\s|$)|$)", re.IGNORECASE)
_PART_SPLIT = re.compile(r",\s*(?:and\s+)?|\s+and\s+(?=(?:a|an|the)\s)", re.IGNORECASE)
_PAGE_LIMIT = re.compile(r"^[\W_]*([A-Z][\w &/-]{2,60}?\s+volumes?)\s+(?:are|is|shall be|must be|will be)\s+"
                         r"limited\b", re.IGNORECASE)


def _stated_parts(outline: Outline) -> list[tuple[str, Block]]:
    """No forms at all (US RFQ style): the parts a sentence says a complete quote must include
    ('responses to the Challenge Google Form, …, and a Pricing sheet submission') and the
    volumes that page limits are set for ('● Technical Approach volumes are limited to 5 pages')."""
    out: list[tuple[str, Block]] = []
    for b in outline.doc.blocks:
        if b.kind == "table":
            continue
        m = _COMPOSITION.search(b.text)
        parts = [re.sub(r"^(?:a|an|the)\s+", "", p.strip(" ;:"), flags=re.IGNORECASE)
                 for p in _PART_SPLIT.split(m.group(1))] if m else []
        if len(parts) >= 3 and all(2 <= len(p.split()) <= 10 for p in parts):
            out.extend((p[:1].upper() + p[1:], b) for p in parts)
    volumes = [(m.group(1).strip(), b) for b in outline.doc.blocks
               if b.kind != "table" and (m := _PAGE_LIMIT.match(b.text.strip()))]
    return out + (volumes if len(volumes) >= 2 else [])
