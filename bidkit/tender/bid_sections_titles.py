"""Form headings of a formats chapter: the numbering styles forms use, and how a form's title is
cut from its heading line (merged PDF lines, notes, clauses of a letter that name a form)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bidkit.document import Block

_CN = "一二三四五六七八九十"
_NUMBERING = [
    ("part", re.compile(rf"^\s*第\s*([{_CN}\d]+)\s*部分\s*[:：、.．]?\s*")),
    ("annex", re.compile(rf"^\s*附件\s*([{_CN}\d]+(?:\s*-\s*\d{{1,2}})*)\s*[:：、.．]?\s*")),
    ("fmt", re.compile(r"^\s*格式\s*(\d{1,2}(?:\s*-\s*\d{1,2})*)\s*[:：、.．]?\s*(?=\S)")),
    ("cn", re.compile(rf"^\s*([{_CN}]+)\s*[、.．]\s*")),
    ("pcn", re.compile(rf"^\s*[（(]\s*([{_CN}]+)\s*[)）]\s*")),
    ("dash", re.compile(r"^\s*(\d{1,2}(?:\s*-\s*\d{1,2}){1,2})\s+")),
    ("dec", re.compile(r"^\s*(\d{1,2}(?:\.\d{1,2}){1,2})(?!\.?\d)\s*(?=[\u4e00-\u9fff“\"《★▲])")),
    ("sp", re.compile(r"^\s*(\d{1,2})\s+(?=[\u4e00-\u9fff])")),
    ("dun", re.compile(r"^\s*(\d{1,2})\s*、\s*")),
    ("dot", re.compile(r"^\s*(\d{1,2})\s*[.．]\s*(?=[\u4e00-\u9fff])")),
    ("par", re.compile(r"^\s*[（(]\s*(\d{1,2})\s*[)）]\s*")),
]
LABEL_STYLES = ("annex", "part", "fmt")  # a label alone on its line: the title is on the next one
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
_CLAUSE_NOTE = re.compile(r"(?<=[\u4e00-\u9fff》]{3})[（(][^（）()]*[，,][^（）()]*[)）]\s*$")
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
    title_below: bool = False  # a bare label whose title is the next line


def _strip_number(text: str) -> str:
    for _, rx in _NUMBERING:
        m = rx.match(text)
        if m:
            return text[m.end():].strip()
    return text.strip()


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
        if style in LABEL_STYLES and not _NOTE_ONLY.sub("", title):  # '附件二：' alone: a container
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
    if body[:1] in ("：", ":") and body[1:2] not in ("", "致") and not _FORM_SUFFIX.search(title[-3:]):
        return True  # '1.投标人名称：电话号码：' — a field to fill in, not a form
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
    text = _FORMAT_NOTE.sub("", text)
    text = _CLAUSE_NOTE.sub("", text).strip(" ：:，,。；;")  # '（如联合体投标，需提供）' is a note
    text = _TRAILING_FORMAT.sub("", text)  # '响应函格式' names the form 响应函
    cut = max(text.rfind("（"), text.rfind("("))
    if cut >= 3 and len(text) > 20 and text.count("（") + text.count("(") > text.count("）") + text.count(")"):
        text = text[:cut]  # a long note the line break left open: '投标保函（已通过支票…'
    return text[:40]


def _repeat_prefix_cut(text: str) -> str:
    """A form heading merged with the form's own title: cut where the start repeats."""
    for p in range(3, min(len(text), 40)):
        inside_note = text[:p].count("（") + text[:p].count("(") > text[:p].count("）") + text[:p].count(")")
        if (text[p:p + 3] == text[:3] and len(text[:3].strip()) == 3 and text[p - 1] not in _DANGLING
                and not inside_note):  # '联合体协议书（如联合体投标…）' repeats inside its note
            return text[:p]  # ('投标函及投标函附录' names two parts joined by 及: no cut)
    return text
