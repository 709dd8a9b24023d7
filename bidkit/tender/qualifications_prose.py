"""Eligibility said in prose, not in a list: US RFQ fields ('Contract Vehicles: …', 'Set Aside: …',
'each member must hold …') and Indian notices ('contractors empanelled with …')."""

from __future__ import annotations

import re
from dataclasses import replace

from bidkit.tender.clause_list import in_toc
from bidkit.tender.clause_split import Clause, sentences
from bidkit.tender.outline import Outline

# 'Contract Vehicles: GSA Schedule 70 …', 'Set Aside: …': the fields that decide who may quote.
_ELIGIBILITY_FIELD = re.compile(r"\b(?:contract vehicles?|set[- ]asides?|eligible (?:offerors|contractors|quoters|vendors))\s*:",
                                re.IGNORECASE)
# 'Each member of the CTA must have a Schedule 70 contract', 'contractors may only be on one team'.
_WHO_MAY_QUOTE = re.compile(
    r"\b(?:each|every|all)\s+(?:members?|offerors?|contractors?|quoters?|vendors?|bidders?)\b[^.]{0,40}\bmust\s+"
    r"(?:have|hold|be)\b|\b(?:contractors|offerors|quoters|vendors|bidders)\s+may\s+only\b", re.IGNORECASE)


def implicit_eligibility(clauses: list[Clause]) -> list[Clause]:
    out: list[Clause] = []
    for c in clauses:
        fields = list(_ELIGIBILITY_FIELD.finditer(c.text))
        for n, m in enumerate(fields):
            end = fields[n + 1].start() if n + 1 < len(fields) else len(c.text)
            out.append(replace(c, text=c.text[m.start():end].strip(), number="", style=None))
        out += [replace(c, text=x, number="", style=None) for x in sentences(c.text) if _WHO_MAY_QUOTE.search(x)]
    return out


# 'Contractors empanelled with CPWD …', 'empanelled vendors under <agency> may apply': who may bid,
# stated once in the notice's prose.
_EMPANELLED = re.compile(r"\b(?:contractors|vendors|firms|agencies|consultants|bidders|suppliers|companies)\s+"
                         r"(?:(?:who|which|that)\s+are\s+)?empanell?ed\s+(?:with|under|in|by)\b|"
                         r"\bempanell?ed\s+(?:contractors|vendors|firms|agencies|consultants)\b", re.IGNORECASE)


# ... and the sentence is about who may bid, not whom the contractor must hire later.
_WHO_BIDS = re.compile(r"\b(?:invit\w*|eligib\w*|only|participat\w*|apply|bids?|tenders?|onboard\w*)\b|"
                       r"\bfrom\s+(?:the|amongst|among)\s+empanell?ed", re.IGNORECASE)


def empanelled(outline: Outline, clauses: list[Clause]) -> list[Clause]:
    hits = [replace(c, text=s.lstrip(" |"), number="", style=None) for c in clauses
            if "mpanel" in c.text and not in_toc(outline, c) for s in sentences(c.text)
            if _EMPANELLED.search(s) and _WHO_BIDS.search(s)]
    return hits[:2]
