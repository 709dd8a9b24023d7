"""The tender's own structure: chapters and sections found from headings and numbering.

Every extractor gets the same Outline, so "which chapter is this block in" is answered once.

How chapters are found, and why:
- candidates are blocks that open with the tender's chapter numbering ('第X章', '第X部分',
  'SECTION N', 'PART N') or are DOCX headings;
- table-of-contents entries (dot leaders, trailing page numbers, several chapter numbers glued on
  one line, or a dense run of chapter lines such as a "招标文件包括以下部分" list) are not chapters,
  but they give each chapter its clean title;
- PDF lines arrive merged ('第二章 投标人须知投标人须知资料表本表是…'), so the title is cut back
  to the TOC title, or to the first repeat / sentence break;
- of the rest, the chapters kept are the best-scoring increasing run of chapter numbers, which
  drops wrapped sentence lines that happen to start with '第五章《采购需求》…'.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bidkit.document import Block, Document

_CN_NUM = "一二三四五六七八九十百零〇两"
_CHAPTER_ZH = re.compile(rf"^\s*第\s*([{_CN_NUM}\d]+)\s*(章|部分|部份|篇|卷)\s*[:：、.．]?\s*")
_CHAPTER_EN = re.compile(
    r"^\s*(SECTION|PART|CHAPTER|ANNEX(?:URE)?|APPENDIX|Section|Part|Chapter|Annex(?:ure)?|Appendix)"
    r"\s+([IVXLC]+|\d+)\b\s*[:.\-–—]?\s*")
_LEVEL2_ZH = re.compile(rf"^\s*([{_CN_NUM}]+)\s*[、.．]\s*(?=\S)")
_TOC_TAIL = re.compile(
    r"(?:(?:[.…·•_]\s*){4,}.{0,12}|[-—－]{6,}.{0,8}|[\t ]+[-—－]?\s*\d{1,3}\s*[-—－]?|\t.{0,8})\s*$")
_SENTENCE_BREAK = re.compile(r"[。；;：:！？!?]")
_TITLE_MAX = 40


@dataclass
class Section:
    title: str
    start: int  # index of the first block (the heading itself)
    end: int  # index one past the last block
    level: int = 1
    page: int | None = None
    number: int | None = None  # the chapter/section number when the heading carries one


@dataclass
class Outline:
    doc: Document
    language: str
    chapters: list[Section] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)  # level >= 2, inside chapters
    toc: list[Section] = field(default_factory=list)  # table-of-contents entries (not chapters)
    _owner: list[int] = field(default_factory=list)  # block index -> chapter index (-1 = none)
    _section_owner: list[int] = field(default_factory=list)  # block index -> section index

    def chapter_of(self, block: Block) -> Section | None:
        i = self._owner[block.index] if block.index < len(self._owner) else -1
        return self.chapters[i] if i >= 0 else None

    def section_title(self, block: Block) -> str | None:
        ch = self.chapter_of(block)
        return ch.title if ch else None

    def section_of(self, block: Block) -> Section | None:
        """The deepest section (or chapter) holding the block."""
        if len(self._section_owner) != len(self.doc.blocks):
            self._section_owner = [-1] * len(self.doc.blocks)
            for si, sec in enumerate(self.sections):  # sections are in document order
                for i in range(sec.start, min(sec.end, len(self.doc.blocks))):
                    self._section_owner[i] = si
        i = self._section_owner[block.index] if block.index < len(self._section_owner) else -1
        return self.sections[i] if i >= 0 else self.chapter_of(block)

    def blocks_in(self, section: Section) -> list[Block]:
        return self.doc.blocks[section.start:section.end]

    def find_chapters(self, pattern: str) -> list[Section]:
        rx = re.compile(pattern, re.IGNORECASE)
        return [c for c in self.chapters if rx.search(c.title)]

    def subsections(self, chapter: Section) -> list[Section]:
        return [s for s in self.sections if chapter.start <= s.start < chapter.end]


_CJK_CHAR = re.compile(r"[\u4e00-\u9fff]")
_LATIN_CHAR = re.compile(r"[A-Za-z]")


def detect_language(doc: Document) -> str:
    """'zh' when CJK characters are at least a third as many as Latin letters (counted in C)."""
    sample = doc.text[:20000]
    cjk = len(_CJK_CHAR.findall(sample))
    latin = len(_LATIN_CHAR.findall(sample))
    return "zh" if cjk * 3 >= latin else "en"


# ---------- numbers ----------

_CN_DIGIT = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
             "七": 7, "八": 8, "九": 9}
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def parse_number(token: str) -> int | None:
    """'12' / '十二' / '二十一' / 'XIV' -> int; None when it is not a number."""
    token = token.strip()
    if token.isdigit():
        return int(token)
    if token and all(c in _ROMAN for c in token.upper()):
        vals = [_ROMAN[c] for c in token.upper()]
        return sum(-v if i + 1 < len(vals) and v < vals[i + 1] else v for i, v in enumerate(vals))
    if not token or any(c not in _CN_DIGIT and c not in "十百" for c in token):
        return None
    total, current = 0, 0
    for c in token:
        if c == "百":
            total += (current or 1) * 100
            current = 0
        elif c == "十":
            total += (current or 1) * 10
            current = 0
        else:
            current = _CN_DIGIT[c]
    return total + current


# ---------- titles ----------


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


_TAIL_CHARS = frozenset("._…·•-—－\t")


def _toc_tail(text: str) -> re.Match | None:
    """_TOC_TAIL's match, searched only where it can start: every alternative is a run of
    leader / dash / digit / space characters followed by at most 12 other characters and
    trailing space, so a long paragraph is not scanned from its first character (speed)."""
    end = len(text)
    while end and text[end - 1].isspace():
        end -= 1
    pos = max(0, end - 13)
    while pos > 0 and (text[pos - 1] in _TAIL_CHARS or text[pos - 1].isspace() or text[pos - 1].isdigit()):
        pos -= 1
    return _TOC_TAIL.search(text, pos)


def strip_toc_tail(text: str) -> str:
    m = _toc_tail(text)
    return (text[:m.start()] if m else text).rstrip(" .…·_\t")


def is_toc_entry(text: str) -> bool:
    """A table-of-contents line: dot leaders or a trailing page number after a gap."""
    m = _toc_tail(text)
    return m is not None and len(text[:m.start()].rstrip(" .…·_\t")) >= 2


def cut_title(rest: str, language: str) -> str:
    """Cut a heading's title out of a (possibly merged) PDF line."""
    rest = rest.split("\t")[0].split("\n")[0].strip()
    rest = strip_toc_tail(rest)
    if language == "zh":
        rest = _repeat_cut(rest)
        first, *more = re.split(r"\s{1,}", rest, maxsplit=1)
        if more and len(squash(first)) >= 2 and re.search(r"[\u4e00-\u9fff]", more[0]):
            rest = first
        m = _SENTENCE_BREAK.search(rest)
        if m and m.start() >= 2:
            rest = rest[:m.start()]
        return rest[:_TITLE_MAX].strip()
    m = re.search(r"(?<=[a-z)])[.:]\s|\s{2,}", rest)
    if m and m.start() >= 3:
        rest = rest[:m.start()]
    rest = _title_case_prefix(rest)
    return rest[:80].strip()


_SMALL_WORDS = {"of", "to", "and", "for", "the", "in", "on", "a", "an", "&", "or", "with", "by", "-", "–"}


def _title_case_prefix(text: str) -> str:
    """'Bid Data Sheet The following data…' -> 'Bid Data Sheet' (English headings are Title Case)."""
    words = text.split()
    out: list[str] = []
    for w in words:
        bare = w.strip("()[],;:'\"’")
        if len(out) >= 2 and bare in ("The", "A", "An", "This", "These", "All", "Proposals"):
            break
        lower_word = bare and not (bare[0].isupper() or bare[0].isdigit() or bare.lower() in _SMALL_WORDS)
        if lower_word and out:
            break
        out.append(w)
    return " ".join(out) if out else text


def _repeat_cut(text: str) -> str:
    """'投标人须知投标人须知资料表…' -> '投标人须知' (a heading merged with its own first line)."""
    s = text
    for k in range(2, min(len(s) // 2, 24) + 1):
        if s[k:2 * k] == s[:k] and not s[:k].isdigit():
            return s[:k]
    return text


# ---------- building the outline ----------


@dataclass
class _Candidate:
    block: Block
    unit: str  # '章', '部分', 'SECTION' …
    number: int
    title: str
    weight: float


def _chapter_match(text: str) -> tuple[str, int, str] | None:
    m = _CHAPTER_ZH.match(text)
    if m:
        unit = "部分" if m.group(2) in ("部分", "部份") else m.group(2)
        num = parse_number(m.group(1))
        return (unit, num, text[m.end():]) if num is not None else None
    m = _CHAPTER_EN.match(text)
    if m:
        num = parse_number(m.group(2))
        return (m.group(1).upper(), num, text[m.end():]) if num is not None else None
    return None


def _bad_rest(rest: str) -> bool:
    """'第五章《采购需求》），否则投标无效' — a wrapped sentence, not a heading."""
    head = rest.lstrip()[:1]
    return head in ("）", ")", "，", ",", "。", "；", "、", "的", "规", "所", "中", "第") or not head


def build_outline(doc: Document) -> Outline:
    lang = detect_language(doc)
    outline = Outline(doc=doc, language=lang)
    candidates, toc = _chapter_candidates(doc)
    toc_titles: dict[tuple[str, int], list[str]] = {}
    for c in toc:
        toc_titles.setdefault((c.unit, c.number), []).append(c.title)
    outline.toc = [Section(title=c.title, start=c.block.index, end=c.block.index + 1,
                           page=c.block.page, number=c.number) for c in toc]
    unit = _dominant_unit(candidates)
    body = [c for c in candidates if c.unit == unit]
    for c in body:
        c.title, c.weight = _body_title(c, toc_titles, lang)
    chosen = _best_increasing(body, _repeated_numbers(toc_titles))
    for n, c in enumerate(chosen):
        end = chosen[n + 1].block.index if n + 1 < len(chosen) else len(doc.blocks)
        outline.chapters.append(Section(title=c.title, start=c.block.index, end=end,
                                        page=c.block.page, number=c.number))
    if not outline.chapters:
        outline.chapters = _fallback_chapters(doc, lang)
    outline.sections = _level2_sections(doc, outline.chapters, lang)
    owner = [-1] * len(doc.blocks)
    for ci, ch in enumerate(outline.chapters):
        for i in range(ch.start, ch.end):
            owner[i] = ci
    outline._owner = owner
    return outline


def _chapter_candidates(doc: Document) -> tuple[list[_Candidate], list[_Candidate]]:
    cands: list[_Candidate] = []
    toc: list[_Candidate] = []
    for b in doc.blocks:
        if b.kind == "table":
            continue
        hit = _chapter_match(b.text)
        if not hit:
            continue
        unit, num, rest = hit
        lang = "en" if unit == unit.upper() and unit.isascii() else "zh"
        first_line = b.text.split("\n")[0]
        if is_toc_entry(first_line) or _looks_glued_toc(b.text):
            toc.append(_Candidate(b, unit, num, cut_title(rest, lang), 0))
            continue
        if _bad_rest(rest):
            continue
        cands.append(_Candidate(b, unit, num, rest, 1.0))
    dense = _dense_runs(cands)
    for c in cands:
        if id(c) in dense:
            lang = "en" if c.unit.isascii() else "zh"
            toc.append(_Candidate(c.block, c.unit, c.number, cut_title(c.title, lang), 0))
    cands = [c for c in cands if id(c) not in dense]
    return cands, toc


def _looks_glued_toc(text: str) -> bool:
    """Several chapter headings (with page numbers or leaders) glued onto one line."""
    heads = re.findall(r"第\s*[一二三四五六七八九十\d]+\s*(?:章|部分)|\bSection\s+\d+\s*[:.]", text)
    return len(heads) >= 2 and (bool(re.search(r"[.…·]{4,}", text)) or len(heads) >= 3)


def _dense_runs(cands: list[_Candidate]) -> set[int]:
    """Runs of >= 3 chapter lines with almost nothing between them: a TOC or a list of parts."""
    out: set[int] = set()
    run: list[_Candidate] = []
    for c in cands + [None]:  # type: ignore[list-item]
        if (c is not None and run and c.block.index - run[-1].block.index <= 1
                and c.number > run[-1].number):
            run.append(c)
            continue
        if len(run) >= 3:
            out.update(id(x) for x in run)
        run = [c] if c is not None else []
    return out


def _dominant_unit(cands: list[_Candidate]) -> str | None:
    if not cands:
        return None
    counts: dict[str, int] = {}
    for c in cands:
        counts[c.unit] = counts.get(c.unit, 0) + 1
    # '章' nested in '部分' is common; prefer the unit that is not nested (fewer, earlier)
    # only when it still splits the document into several chapters.
    return max(counts, key=lambda u: (counts[u] >= 2, -_first_index(cands, u) if counts[u] >= 2 else 0,
                                      counts[u]))


def _first_index(cands: list[_Candidate], unit: str) -> int:
    return min(c.block.index for c in cands if c.unit == unit)


def _body_title(c: _Candidate, toc_titles: dict, lang: str) -> tuple[str, float]:
    text = c.block.text
    m = _CHAPTER_ZH.match(text) or _CHAPTER_EN.match(text)
    head = text[:m.end()].strip() if m else ""
    rest = text[m.end():] if m else text
    weight = 1.0 + (2.0 if c.block.kind == "heading" else 0.0)
    for toc_title in toc_titles.get((c.unit, c.number), []):
        merged = _title_from_toc(rest, toc_title)
        if merged:
            return _join_head(head, merged), weight + 2.0
    title = cut_title(rest, lang)
    if len(squash(rest)) <= _TITLE_MAX:
        weight += 0.5
    if re.search(r"[，。；]", rest[:30]):
        weight -= 0.8  # a sentence that merely starts with a chapter reference
    return _join_head(head, title), weight


def _title_from_toc(rest: str, toc_title: str) -> str | None:
    """The body heading starts like its TOC entry (allowing a few changed characters at the end)."""
    a, b = squash(rest).lower(), squash(toc_title).lower()
    common = 0
    while common < min(len(a), len(b)) and a[common] == b[common]:
        common += 1
    if common >= len(b) or common >= max(4, int(len(b) * 0.6)):
        if re.search(r"[\u4e00-\u9fff]", toc_title):
            return squash(rest)[:len(b)]
        return toc_title if common >= len(b) else None
    return None


def _join_head(head: str, title: str) -> str:
    head = re.sub(r"\s+", " ", head).strip()
    return f"{head} {title}".strip() if title else head


def _repeated_numbers(toc_titles: dict[tuple[str, int], list[str]]) -> set[tuple[str, int]]:
    """Chapter numbers the TOC itself gives to two different chapters ('第六章 响应文件有关格式',
    '第六章 合同书格式…'): a numbering slip of the tender, and both chapters are real."""
    return {k for k, titles in toc_titles.items() if len({squash(t) for t in titles}) >= 2}


def _best_increasing(cands: list[_Candidate], repeated: set | frozenset = frozenset()) -> list[_Candidate]:
    """Max-weight increasing run of chapter numbers (drops stray wrapped lines); a number the TOC
    repeats may repeat in the body too, under a different title."""
    if not cands:
        return []
    n = len(cands)
    best = [c.weight for c in cands]
    prev = [-1] * n
    for i in range(n):
        for j in range(i):
            after = cands[j].number < cands[i].number or (
                cands[j].number == cands[i].number and (cands[i].unit, cands[i].number) in repeated
                and squash(cands[j].title) != squash(cands[i].title))
            if after and best[j] + cands[i].weight > best[i]:
                best[i], prev[i] = best[j] + cands[i].weight, j
    i = max(range(n), key=lambda k: best[k])
    out = []
    while i >= 0:
        out.append(cands[i])
        i = prev[i]
    return out[::-1]


def _fallback_chapters(doc: Document, lang: str) -> list[Section]:
    """No '第X章' / 'SECTION N': the top-level '一、' headings (or DOCX level-1 headings) instead."""
    starts: list[tuple[Block, str]] = []
    for b in doc.blocks:
        if b.kind == "table" or is_toc_entry(b.text):
            continue
        if _LEVEL2_ZH.match(b.text) and (b.kind == "heading" or len(b.text) <= _TITLE_MAX) or b.kind == "heading" and b.level == 1 and len(b.text) <= 60:
            starts.append((b, cut_title(b.text, lang)))
    out = []
    for n, (b, title) in enumerate(starts):
        end = starts[n + 1][0].index if n + 1 < len(starts) else len(doc.blocks)
        out.append(Section(title=title, start=b.index, end=end, page=b.page))
    return out


def _level2_sections(doc: Document, chapters: list[Section], lang: str) -> list[Section]:
    """'一、…' headings (and DOCX level-2/3 headings) inside each chapter."""
    out: list[Section] = []
    for ch in chapters:
        starts: list[tuple[Block, int | None, str]] = []
        for b in doc.blocks[ch.start + 1:ch.end]:
            if b.kind == "table" or is_toc_entry(b.text):
                continue
            m = _LEVEL2_ZH.match(b.text)
            if m and (b.kind == "heading" or len(b.text) <= _TITLE_MAX or lang == "zh"):
                starts.append((b, parse_number(m.group(1)), cut_title(b.text, lang)))
            elif b.kind == "heading" and (b.level or 9) <= 3 and len(b.text) <= 60:
                starts.append((b, None, cut_title(b.text, lang)))
        for n, (b, num, title) in enumerate(starts):
            end = starts[n + 1][0].index if n + 1 < len(starts) else ch.end
            out.append(Section(title=title, start=b.index, end=end, level=2, page=b.page,
                               number=num))
    return out
