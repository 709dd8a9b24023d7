"""The tender's own marker legend: which symbol (★ ▲ ※ # …) means what in *this* tender.

Tenders disagree: in one ▲ marks 实质性条款 and ★ 主要性能参数, in another ★ is substantive and ▲
only costs points, ■/□ are tick boxes. So the legend is read from the tender's own sentences
('标有“★”的条款为实质性条款', 'items marked * are mandatory'), one sentence per marker, and
`substantive_markers()` says which markers make a clause substantive here.
"""

from __future__ import annotations

import re

from bidkit.tender.outline import Outline
from bidkit.tender.text import nfkc, zh_squash

MARKERS = "★☆▲△■□●◆◇※#＃*＊█"
TEXT_MARKER = "实质性格式"  # a text label on forms that must not be altered
_Q = r"[“”\"'「」『』‘’]?"


def _mark(name: str) -> str:
    return rf"{_Q}\s*(?P<{name}>[{re.escape(MARKERS)}])\s*{_Q}"


# '标有“★”' / '用“▲”标注' / '★号条款' / 'marked with an asterisk (*)'
_MENTION = re.compile(
    rf"(?:标有|标注有?|标记有?|标明|标示|标识|带有?|注有|用|以|打|加|凡|含有?|有){_mark('m')}"
    rf"|{_mark('n')}\s*(?:号|标记|标志|符号|标识|形式)?\s*(?:的)?\s*(?:条款|内容|参数|指标|项(?!目)|要求|地方|部分|为|表示|标注|标记|标识)"
    rf"|(?:marked\s+(?:with\s+)?(?:an?\s+)?(?:asterisk|star)?|(?:with|bearing|by)\s+(?:an?\s+)?(?:asterisk|star))"
    rf"\s*\(?\s*(?P<e>[*★#])\s*\)?"
    rf"|marked\s+(?:with\s+)?(?:an?\s+)?(?:letter\s+)?[\"“'‘(](?P<l>[A-Z]{{1,2}})[\"”'’)]",
    re.IGNORECASE,
)
_SUBSTANTIVE = re.compile(
    r"实质性|實質性|不允许负偏离|不允许偏离|不可偏离|不得负偏离|不能负偏离|投标无效|无效投标|响应无效|作无效|视为无效|"
    r"废标|否决|必须满足|必须响应|均须满足|mandatory|essential|compulsory|must\s+be\s+(?:met|complied)|"
    r"(?:will|shall)\s+be\s+rejected|non-?responsive|minimum\s+requirements?|disqualif|强制性", re.IGNORECASE)
_NEGATED = re.compile(r"(?:不会|不作|不视为|不属于|不构成|不导致|不影响|不按|并非|非)\S{0,4}?(?:无效|实质性|废标)"
                      r"|(?:not|never)\s+(?:be\s+)?(?:mandatory|rejected|grounds)", re.IGNORECASE)
_IMPORTANT = re.compile(r"重要|关键|主要|扣分|加分|評分|important|key|desirable", re.IGNORECASE)
_APPLIES = re.compile(r"适用|適用|勾选|选中|applicable|tick", re.IGNORECASE)
_EXCLUDED = re.compile(r"除外|未用|未标|品目清单|节能产品|非\s*[“\"]?[★▲]|不标|except", re.IGNORECASE)


def _sentences(outline: Outline):
    for block in outline.doc.blocks:
        text = nfkc(block.text)
        text = zh_squash(text) if outline.language == "zh" else text
        for sentence in re.split(r"(?<=[。；;!?！？\n])|(?<=\.)\s", text):
            if sentence.strip():
                yield sentence.strip(), block


def classify(sentence: str) -> str:
    """'substantive', 'important', 'applies' or 'mention' for a legend sentence."""
    text = _NEGATED.sub("", sentence)
    if _APPLIES.search(text) and not _SUBSTANTIVE.search(text):
        return "applies"
    if _SUBSTANTIVE.search(text):
        return "substantive"
    if _IMPORTANT.search(text):
        return "important"
    return "mention"


_RANK = {"substantive": 3, "important": 2, "applies": 2, "mention": 1}


def _strong(m: re.Match) -> bool:
    """'标有“★”', '“▲”号', '★号条款', 'marked *' define a marker; a bare '★为…' may be a marked clause."""
    return bool(m.group("m") or m.group("e") or m.group("l") or re.search(r"[“”\"'「」『』‘’]|号", m.group()))


def _segments(sentence: str) -> list[tuple[str, str, bool]]:
    """(marker, the part of the sentence about it, strong mention): '“★”为实质性，“▲”为重要'
    gives two parts."""
    found = [(m.group("m") or m.group("n") or m.group("e") or m.group("l"), m.start(), _strong(m))
             for m in _MENTION.finditer(sentence)]
    if not found:
        return []
    if len({mark for mark, _, _ in found}) == 1:
        return [(found[0][0], sentence, any(strong for _, _, strong in found))]
    parts = []
    for i, (mark, start, strong) in enumerate(found):
        end = next((s for mk, s, _ in found[i + 1:] if mk != mark), len(sentence))
        parts.append((mark, sentence[(0 if i == 0 else start):end], strong))
    return parts


_BOXES = "■□☑█"


def _loose_box(mark: str, part: str) -> bool:
    """A tick box (□要求 ■不要求, '自有□外包□') is defined only where the tender quotes it ('“□”为选择项');
    elsewhere it is a box to tick, not a legend."""
    if mark not in _BOXES:
        return False
    return not re.search(rf"{_Q}\s*{re.escape(mark)}\s*[”\"'」』’]|[“\"'「『‘]\s*{re.escape(mark)}", part)


def extract_legend(outline: Outline) -> dict[str, str]:
    best: dict[str, tuple[int, str]] = {}
    for sentence, _block in _sentences(outline):
        if len(sentence) > 400:
            sentence = sentence[:400]
        for mark, part, strong in _segments(sentence):
            if _EXCLUDED.search(part) or _loose_box(mark, part):
                continue
            rank = (10 if strong else 0) + _RANK[classify(part)] + (
                1 if re.search(r"为|系|是|表示|均|are|is|denote", part) else 0)
            if mark not in best or rank > best[mark][0]:
                best[mark] = (rank, part[:300])
        if (TEXT_MARKER in sentence and re.search(r"不得|否则|无效|均为", sentence) and "非实质性格式" not in sentence
                and (TEXT_MARKER not in best or best[TEXT_MARKER][0] < 13)):
            best[TEXT_MARKER] = (13 if "无效" in sentence else 12, sentence[:300])
    return {mark: sentence for mark, (_rank, sentence) in best.items()}


def substantive_markers(legend: dict[str, str]) -> set[str]:
    """Markers that make a clause substantive in this tender. ★ is the national convention when
    the tender refers to '★号条款' without saying otherwise and no other marker is substantive."""
    marks = {m for m, s in legend.items() if classify(s) == "substantive" or m == TEXT_MARKER}
    star = legend.get("★")
    if star is not None and "★" not in marks and classify(star) == "mention" and not (marks - {TEXT_MARKER}):
        marks.add("★")
    return marks


def important_markers(legend: dict[str, str]) -> set[str]:
    """Markers for important but not substantive clauses here (e.g. ▲ 重要参数: deviations cost points)."""
    return {m for m, s in legend.items() if classify(s) == "important"} - substantive_markers(legend)
