"""Customer notes (e-mails, meeting minutes) → a 客户需求清单: one need per sentence that asks
for something, with a priority from how firmly it is asked, plus the open questions."""

from __future__ import annotations

import re
from pathlib import Path

from bidkit.document import Block, Document
from bidkit.model import Requirement, SourceRef, Tender
from bidkit.tender.outline import detect_language

_NEED = re.compile(r"需要|需求|要求|希望|必须|务必|一定要|应当|应该|要能|能够|支持|实现|提供|对接|兼容|不能|不要|"
                   r"不得|至少|不少于|以内|之前|上线|交付|\b(?:need|needs|must|should|require[sd]?|want|"
                   r"expect|shall|has to|have to|support|integrate)\b", re.IGNORECASE)
_HIGH = re.compile(r"必须|务必|一定要|硬性|强制|关键|核心|不能|不得|不可|底线|\b(?:must|shall|critical|"
                   r"mandatory|has to|have to|non-negotiable)\b", re.IGNORECASE)
_LOW = re.compile(r"可以考虑|最好|尽量|如果可能|锦上添花|二期|以后|后续|有空|可选|\b(?:nice to have|"
                  r"optional|later|phase 2|if possible|could)\b", re.IGNORECASE)
_QUESTION = re.compile(r"[？?]|待定|待确认|待澄清|不确定|还没定|未定|再确认|再议|\bTBD\b|\bto be (?:confirmed|"
                       r"decided)\b|\bopen question\b", re.IGNORECASE)
_SPLIT = re.compile(r"(?<=[。！？!?；;])|(?<=\.)\s+")
_NOISE = re.compile(r"^(?:from|to|cc|subject|date|发件人|收件人|抄送|主题|时间|日期)\s*[:：]", re.IGNORECASE)


def _sentences(block: Block) -> list[str]:
    parts = [p.strip(" -*·•\t") for p in _SPLIT.split(block.text)]
    return [p for p in parts if len(p) >= 6 and not _NOISE.match(p)]


def priority_of(sentence: str) -> int:
    """1 must-have, 2 should-have, 3 nice-to-have."""
    if _HIGH.search(sentence):
        return 1
    if _LOW.search(sentence):
        return 3
    return 2


def extract_customer_needs(doc: Document) -> Tender:
    notes = Tender(source_file=Path(doc.path).name, language=detect_language(doc), kind="notes")
    section = None
    for block in doc.blocks:
        if block.kind == "heading":
            section = block.text
        if block.kind == "heading":
            continue
        for sentence in _sentences(block):
            source = SourceRef(page=block.page, paragraph=block.paragraph, section=section, quote=sentence)
            if _QUESTION.search(sentence):
                notes.open_questions.append(Requirement(
                    id=f"Q?{len(notes.open_questions) + 1}", kind="customer_need", text=sentence,
                    marker="？", page=block.page, source=source))
            elif _NEED.search(sentence) or _LOW.search(sentence):
                n = len(notes.requirements) + 1
                notes.requirements.append(Requirement(
                    id=f"N{n}", kind="customer_need", text=sentence, priority=priority_of(sentence),
                    page=block.page, source=source))
    if not notes.requirements:
        notes.warnings.append("No customer requirement was found in these notes.")
    return notes
