"""English vocabulary for the meta extractor (RFP / RFQ / ITB / NIT / REOI / EOI / ToR)."""

from __future__ import annotations

import re
from collections import Counter

from bidkit.model import TenderMeta
from bidkit.tender.meta_lines import Line, first_date, first_value, gate, money_in
from bidkit.tender.outline import Outline
from bidkit.tender.text import find_money

I = re.IGNORECASE
STOP = re.compile(r"\s(?:RFP|RFQ|ITB|NIT|Tender|Bid)\s+(?:No|Number|Ref)|\s(?:Issue[d]?\s+(?:on|date)|Country|Date|"
                  r"Address|Tel|Phone|Email|E-mail|Fax)\s*[:.]|[;|]|\s{3,}", I)
LABELS = {
    "project_number": re.compile(
        r"\b(?:RFP|RFQ|ITB|NIT|EOI|REOI|Tender|Bid|Solicitation|Contract|Procurement|Invitation|e-?Tender)"
        r"\s*(?:No|Number|Ref(?:erence)?|ID|#)\b\.?|\bReference\s*(?:No\.?|Number)?(?=\s*:)|\bRef\.\s*No\b\.?", I),
    "project_name": re.compile(
        r"\b(?:Name|Title)\s+of\s+(?:the\s+)?(?:Work|Project|Assignment|Contract|Consultancy|Services?)s?\b"
        r"|\bProject\s+(?:Name|Title)\b|\bAssignment\s+Title\b", I),
    "purchaser": re.compile(
        r"\b(?:Name\s+of\s+(?:the\s+)?)?(?:Client|Purchaser|Employer|Procuring\s+(?:Entity|Agency)|Buyer|"
        r"Contracting\s+Authority)(?:'s)?\s*(?:Name)?\b|\bOrgani[sz]ation\s+Name\b|\bName\s+of\s+(?:the\s+)?"
        r"(?:Organi[sz]ation|Procuring\s+Agency|Department)(?:\s*/\s*(?:Department|Organi[sz]ation|Ministry))?\b"
        r"|\bOrgani[sz]ation\s+Chain\b|\bIssued\s+by\b", I),
    "deadline": re.compile(
        r"\b(?:deadline\s+for\s+(?:the\s+)?submission|submission\s+deadline|last\s+date\s+(?:(?:and|&)\s+time\s+)?"
        r"(?:of|for)\s+(?:the\s+)?(?:submission|receipt)|bid\s+(?:submission\s+)?end\s+date|closing\s+date|"
        r"no\s+later\s+than|not\s+later\s+than|due\s+date\s+for\s+submission|bid\s+due\s+date)"
        r"|submission\s+by\b|submission\s+(?:date|time)\b"
        r"|\b(?:submissions?|proposals?|quotes?|quotations?|bids?|offers?|tenders?|responses?|applications?)"
        r"\s+(?:are\s+|is\s+|shall\s+be\s+)?due\b"
        r"|\b(?:received|accepted|submitted|delivered)\s+(?:until|by|before|up\s+to)\b", I),
    "opening": re.compile(r"\b(?:date\s+(?:(?:and|&)\s+time\s+)?of\s+(?:online\s+)?(?:bid\s+|technical\s+)?opening|"
                          r"(?:bid|tender|proposal)s?\s+opening(?:\s+(?:date|time))?\b|opening\s+of\s+(?:the\s+)?"
                          r"(?:technical\s+|pre-?qualification\s+)?(?:bids?|proposals?|tenders?))", I),
    "budget": re.compile(r"\b(?:estimated\s+(?:cost|value|budget|contract\s+value)|tender\s+value|"
                         r"budget(?:ary)?\s+(?:estimate|amount|ceiling)?|"
                         r"estimates?\s+the\s+(?:total\s+)?[\w\s-]{0,30}?(?:value|cost))\b", I),
    "max_price": re.compile(r"\b(?:ceiling\s+(?:price|amount|cost)|maximum\s+(?:budget|price|bid\s+(?:amount|price)|"
                            r"contract\s+value)|upset\s+price|price\s+cap)\b", I),
    "deposit": re.compile(r"\b(?:EMD|earnest\s+money(?:\s+deposit)?|bid\s+security|bid\s+guarantee|"
                          r"proposal\s+security|tender\s+security)\b(?:\s+amount)?", I),
}
# a word each label's every alternative contains (meta_lines.gate): lines without one are skipped
for _field, _words in {
    "project_number": "rfp|rfq|itb|nit|eoi|tender|bid|solicitation|contract|procurement|invitation|ref",
    "project_name": "name|title",
    "purchaser": "client|purchaser|employer|procuring|buyer|contracting|organi|issued|name",
    "deadline": "deadline|last|bid|closing|later|due|submission|received|accepted|submitted|delivered",
    "opening": "opening",
    "budget": "estimate|value|budget",
    "max_price": "ceiling|maximum|upset|cap",
    "deposit": "emd|earnest|security|guarantee",
}.items():
    gate(LABELS[_field], _words)
_PROCS = [("REOI", r"request\s+for\s+expressions?\s+of\s+interest|\bREOI\b"),
          ("RFP", r"request\s+for\s+proposals?|\bRFP\b"),
          ("RFQ", r"request\s+for\s+quotations?|\bRFQ\b"),
          ("ITB", r"invitation\s+(?:to|for)\s+(?:bids?|tenders?)|\bITB\b|\bIFB\b"),
          ("NIT", r"notice\s+inviting\s+(?:e-?)?tenders?|\bNIT\b"),
          ("EOI", r"expressions?\s+of\s+interest|\bEOI\b"),
          ("ToR", r"terms\s+of\s+reference|\bToR\b")]
_CURRENCY_HINT = re.compile(r"(?:quoted|priced|expressed|submitted|paid)\s+(?:only\s+)?in\s+(?:the\s+)?"
                            r"(?P<w>[A-Za-z ]{2,30}?)\s*(?:\((?P<c>[A-Z]{3})\))?(?:\s+only|[.,;])", I)
_ACRONYM = re.compile(r"(?:The\s+)?(?P<name>(?:[A-Z][\w&'-]*\s+(?:(?:of|for|and|the|de)\s+)*){1,8}[A-Z][\w&'-]*)"
                      r"\s*\(\s*[“\"']?(?P<abbr>[A-Z]{2,8})[”\"']?\s*\)")
# currency words next to an amount ('Rs. 500', '5,000 AED'), counted to find the tender's currency
_CURRENCY_WORD = re.compile(
    r"(?:(?P<INR>\bINR|\bRs\.?|₹)|(?P<USD>\bUSD|US\$|(?<![A-Za-z])\$)|(?P<AED>\bAED)|(?P<MGA>\bMGA|Ariary)|(?P<PKR>\bPKR|Pak(?:istani)?\s+Rupees?)|"
    r"(?P<EUR>\bEUR|€)|(?P<GBP>\bGBP|£))\s*\d|\d\s*(?:(?P<xINR>INR|Rupees)|(?P<xUSD>USD)|(?P<xAED>AED|Dirhams?)|"
    r"(?P<xPKR>PKR))\b")
# A cheap pre-check: every alternative of _CURRENCY_WORD contains one of these (14x fewer regex runs).
_CURRENCY_CHEAP = re.compile(r"INR|Rs|₹|USD|US\$|\$|AED|MGA|Ariary|PKR|Pak|EUR|€|GBP|£|Rupee|Dirham")
_ORG_WORD = re.compile(
    r"Authority|Organi[sz]ation|Ministry|Department|Directorate|Bank|Corporation|Company|Limited|Ltd|"
    r"Council|Agency|Alliance|School|University|Institute|Office|Government|Administration|Board|"
    r"Commission|Fund|Foundation|Society|Trust|Cent(?:re|er)|Municipal|Association|Programme|Program|"
    r"Federation|Union|Bureau|Committee|Group|Inc\b|LLC|Nations|Secretariat|Service", I)
_NOT_ORG = re.compile(r"Proposal|Reference|Quotation|Tender|Bid|Interest|Invitation|Data Sheet|Contract|"
                      r"Terms|Instructions|Form|Section|Annex|Standard|Time|Rupee|Dollar|Dirham|Agreement|Level|Notice", I)


def english_meta(meta: TenderMeta, lines: list[Line], outline: Outline) -> None:
    def put(field: str, found) -> None:
        if found is not None and getattr(meta, field) is None:
            setattr(meta, field, found[0])
            meta.sources[field] = found[1].ref(outline)

    put("project_number", first_value(lines, LABELS["project_number"], STOP, _pick_number, colon=False))
    put("project_name", first_value(lines, LABELS["project_name"], STOP, _pick_name, colon=True, width=300))
    put("project_name", _name_after_title(lines))
    put("project_name", _name_above_title(lines))
    put("project_name", _front_title(lines))
    put("purchaser", first_value(lines, LABELS["purchaser"], STOP, _pick_text))
    put("purchaser", _provision_for(lines))
    put("purchaser", _defined_as_buyer(lines))
    put("purchaser", _inviting_org(lines))
    put("purchaser", _acronym_org(lines))
    put("procedure", _procedure(lines))
    put("deadline", _date(lines, LABELS["deadline"]))
    put("opening", _date(lines, LABELS["opening"]))
    put("budget", first_value(lines, LABELS["budget"], STOP, money_in, colon=False))
    put("max_price", first_value(lines, LABELS["max_price"], STOP, money_in, colon=False))
    deposit = first_value(lines, LABELS["deposit"], STOP, _deposit_pick, colon=False)
    if deposit and deposit[0] != "none":
        put("deposit", deposit)
    put("lots", _lots(lines))
    meta.currency = _currency(lines)


def _date(lines: list[Line], label: re.Pattern):
    return first_date(lines, label, re.compile(r"clarif|quer|question|pre-?bid", I))


def _pick_number(value: str) -> str | None:
    m = re.match(r"[:.\s]*([A-Za-z0-9][A-Za-z0-9\-_/().]*[A-Za-z0-9)])", value)
    if not m or len(m.group(1)) < 4 or not re.search(r"\d", m.group(1)):
        return None
    return m.group(1)


def _pick_text(value: str) -> str | None:
    value = re.split(r"(?<=\w)\s*\([A-Z]{2,8}\)", value)[0]  # 'Directorate General (DGS)Authority …'
    value = value.strip(" .-–")
    if len(value.split()) < 2 or re.search(r"\b(?:are|is|shall|will|has|have)\b", value):
        return None
    if ":" in value:
        return None  # a blank form field followed by the next label, or a table header row
    return value if 3 <= len(value) <= 200 and re.search(r"[A-Za-z]{3}", value) else None


pick_text = _pick_text  # also used to find the buyer's full name (meta.py)


def _pick_name(value: str) -> str | None:
    """A project name: whitespace of wrapped table cells joined, a leading 'Tender for' dropped."""
    value = re.sub(r"\s+", " ", value)
    value = re.sub(r"^(?:(?:e-?)?Tender|Bid|RFP|RFQ|Proposal)\s+for\s+(?:the\s+)?", "", value.strip(), flags=I)
    return _pick_text(value)


# a procedure title standing alone on a cover line: the project name is the line(s) above it
_COVER_PROC = re.compile(r"^(?:request\s+for\s+(?:proposals?|quotations?|expressions?\s+of\s+interest)|"
                         r"invitation\s+(?:to|for)\s+(?:bids?|tenders?)|notice\s+inviting\s+(?:e-?)?tenders?)"
                         r"\s*(?:\([A-Z]{2,4}\))?\s*(?:document)?$", I)
_NAME_CUT = re.compile(r"\s(?:Reference|Ref\.|pursuant\s+to)\s.*$|[,;]\s.*$", I)


_FRONT_TITLE = re.compile(r"^(?:Solicitation\s+|Tender\s+|Bid\s+|Contract\s+|RFP\s+|RFQ\s+)?Title\s*[:：]\s*(?P<v>.+)", I)


def _front_title(lines: list[Line]) -> tuple[str, Line] | None:
    """'Title: Laboratory Supplies' among the first lines (later 'Title:' rows are signatories' posts)."""
    for line in lines[:40]:
        m = _FRONT_TITLE.match(line.text.strip())
        if m:
            name = _pick_name(m["v"])
            if name and not _SENTENCE.search(name):
                return name, line
    return None


def _name_above_title(lines: list[Line]) -> tuple[str, Line] | None:
    """'Centers of Excellence Discovery BPA Reference FAR 8.405' / '(b)(1), for services …' /
    'Request for Quotation': the title lines above a bare procedure heading on the cover, up to
    an address or organisation line, cut before a regulation reference."""
    for line in lines[:20]:
        if not _COVER_PROC.match(line.text.strip()):
            continue
        above: list[Line] = []
        for prev in reversed(lines[max(0, line.index - 3):line.index]):
            if "|" in prev.text or re.search(r"\d{4,}|@|:|[a-z]{3}[.!?]$", prev.text.strip()):
                break  # an address, phone number, labelled field or sentence
            above.insert(0, prev)
        while above and not re.match(r"[A-Z][a-z]", above[0].text):
            above.pop(0)
        if not above:
            continue
        name = _NAME_CUT.sub("", " ".join(x.text.strip() for x in above)).strip(" .-–")
        if len(name.split()) >= 3 and not _ORG_WORD.search(name.split()[-1]):
            return name, above[0]
    return None


_TITLE = re.compile(r"request\s+for\s+(?:proposals?|quotations?)\s*(?:\((?:RFP|RFQ)\))?\s*(?:document\s*)?"
                    r"(?:for\s+(?:the\s+)?)?(?P<name>.+)", I)
_TITLE_END = re.compile(r"\s(?:RFP|RFQ|Tender)\s*(?:No|Ref)|\s[A-Z][\w ]{0,25}:|\s(?:Issue|Issued|Country|Date|Dear)\b|"
                        r"\s(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d|\s\d{1,2}(?:st|nd|rd|th)?\s", I)
_PROVISION = re.compile(r"\bfor\s+the\s+(?:provision|supply|procurement)\s+of\s+(?P<name>.+?)\s+for\s+"
                        r"(?P<org>[A-Z].+?)[.\n]", I)


_LINE_MARK = " ¶ "


def _windows(lines: list[Line], count: int = 15, span: int = 4, sep: str = " "):
    """Cover lines joined in small windows: a PDF cover puts the title and name on separate lines."""
    for line in lines[:count]:
        yield sep.join(x.text for x in lines[line.index:line.index + span]), line


def _name_after_title(lines: list[Line]) -> tuple[str, Line] | None:
    for text, line in _windows(lines):
        m = _PROVISION.search(text)
        if m:
            return m["name"].strip(), line
    for text, line in _windows(lines, sep=_LINE_MARK):
        m = _TITLE.search(text)
        if m:
            # a line that starts with a label ('Issued by:') ends the name without taking its last word
            name = re.sub(r"^[¶\s]*(?:for\s+(?:the\s+)?[¶\s]*)?", "", m["name"], flags=I)
            name = _LEADING_NO.sub("", name)
            if _SENTENCE.search(name.split("¶")[0][:100]):
                continue  # the line after the heading is a sentence, not a title
            name = _TITLE_END.split(name, 1)[0].replace("¶", " ")
            name = re.sub(r"\s+", " ", name).strip(" :.-–")
            if re.match(r"[A-Z][\w ]{0,25}:", name):
                continue  # the next cover line is a labelled field, not the title
            if 3 <= len(name) <= 250 and name[0].isupper() and len(name.split()) >= 2 and not _SENTENCE.search(name):
                return name, line
    return None


_SENTENCE = re.compile(r"^dear|\b(?:are|is|shall|will|has|have|must|should|may|be|received|submitted)\b", I)
_LEADING_NO = re.compile(r"^(?:RFP|RFQ|ITB|IFB|Tender|Bid|Solicitation)\s*(?:(?:No|Number|Ref)\b\.?|#)\s*:?\s*\S+\s*", I)
_BUYER_DEFINED = re.compile(
    r"(?P<name>[A-Z][\w&.,'-]*(?:\s+(?:[A-Z][\w&.,'-]*|of|for|and|the|de))*)\s*\(\s*(?:the|hereinafter)\s+"
    r"(?:referred\s+to\s+as\s+)?[“\"']?(?:City|Purchaser|Client|Employer|Buyer|Authority|Owner|Procuring\s+Entity|"
    r"Government|County|State|Organi[sz]ation|Company|Corporation|Bank|Agency|Council|Institute|University)[”\"']?\s*\)")


def _defined_as_buyer(lines: list[Line]) -> tuple[str, Line] | None:
    """'The City of Port Alder (the "City") invites …': the buyer names itself with a defined term."""
    for line in lines[:150]:
        m = _BUYER_DEFINED.search(line.text)
        if m:
            name = re.sub(r"^(?:The|the)\s+", "", m["name"]).strip()
            if len(name.split()) >= 2:
                return name, line
    return None


_INVITES = re.compile(
    r"(?:^|[.;]\s+)(?:The\s+)?(?P<org>[A-Z][\w&'-]*(?:,?\s+(?:[A-Z][\w&'()-]*|of|for|and|the|de))*)\s+"
    r"(?:hereby\s+)?(?:invites?|is\s+seeking|seeks|requests?|solicits?)\s+(?:sealed\s+|online\s+|electronic\s+|e-?)?"
    r"(?:bids|proposals|tenders|quotations|quotes|offers|applications|expressions?\s+of\s+interest)\b")


def _inviting_org(lines: list[Line]) -> tuple[str, Line] | None:
    """'The Ministry of Health invites sealed bids …' / '… Authority is seeking proposals …'."""
    for line in lines[:150]:
        m = _INVITES.search(line.text)
        if m and _ORG_WORD.search(m["org"]) and not _NOT_ORG.search(m["org"]) and len(m["org"].split()) >= 2:
            return m["org"].strip(" ,"), line
    return None


def _provision_for(lines: list[Line]) -> tuple[str, Line] | None:
    for text, line in _windows(lines):
        m = _PROVISION.search(text)
        if m:
            return m["org"].strip(), line
    return None


def _acronym_org(lines: list[Line]) -> tuple[str, Line] | None:
    """The first 'Full Name (ABBR)' whose initials spell the abbreviation, e.g. 'International
    Solar Alliance (ISA)', skipping procurement terms like 'Request for Proposal (RFP)'."""
    for line in lines[:120]:
        for m in _ACRONYM.finditer(line.text):
            words = [w for w in m["name"].split() if w[0].isupper()]
            initials = "".join(w[0] for w in words)
            if m["abbr"] not in initials:
                continue
            start = words[initials.rfind(m["abbr"])]
            tokens = m["name"].split()
            name = " ".join(tokens[tokens.index(start):])
            if not _NOT_ORG.search(name) and _ORG_WORD.search(name):
                return name, line
    return None


def _procedure(lines: list[Line]) -> tuple[str, Line] | None:
    best: tuple[int, str, Line] | None = None
    for line in lines[:60]:
        for code, rx in _PROCS:
            m = re.search(rx, line.text, I)
            if m and (best is None or (line.index, m.start()) < (best[2].index, best[0])):
                best = (m.start(), code, line)
        if best:
            return best[1], best[2]
    return None


# a form row 'EMD Amount (In INR) | 15945' / 'EMD (Rs.) | 20,000': the currency is in the label, the cell is a bare number
_BARE_AMOUNT = re.compile(r"^\W*(?:\(?(?:In\s+)?(?:[A-Z]{3}|Rs\.?|₹)\)?)?\W*(?P<n>\d[\d,]*(?:\.\d+)?)\s*(?:/-)?\s*$", I)


def _deposit_pick(value: str) -> object | None:
    head = value[:80]
    if re.search(r"^\W*(?:NIL|Not\s+(?:required|applicable)|exempt|N/?A\b|None)", head, I):
        return "none"
    bare = _BARE_AMOUNT.match(head)
    if bare and float(bare["n"].replace(",", "")) >= 100:
        return float(bare["n"].replace(",", ""))
    return money_in(head)


def _lots(lines: list[Line]) -> tuple[int, Line] | None:
    lots = [(int(n), line) for line in lines for n in re.findall(r"\bLot[\s-]*(?:No\.?\s*)?(\d{1,2})\b", line.text, I)]
    if lots:
        return max(lots, key=lambda t: t[0])
    return (1, lines[0]) if lines else None


def _currency(lines: list[Line]) -> str | None:
    for line in lines:
        m = _CURRENCY_HINT.search(line.text)
        if m:
            codes = [f.currency for f in find_money(f"{m['c'] or m['w']} 1")] + ([m["c"]] if m["c"] else [])
            if codes and codes[0]:
                return codes[0]
    counts = Counter(m.lastgroup.lstrip("x") for line in lines[:3000] if _CURRENCY_CHEAP.search(line.text)
                     for m in _CURRENCY_WORD.finditer(line.text))
    if not counts:
        return _currency_in_labels(lines)
    best = counts.most_common(1)[0][0]
    return _RUPEE_COUNTRY.get(_country(lines), best) if best == "INR" else best


# 'EMD (in Rs.) | 50,000': the only currency word is a unit in a label, away from the number
_UNIT_LABEL = re.compile(r"\((?:in\s+)?(?P<c>Rs\.?|INR|₹|USD|US\$|AED|PKR|EUR|GBP)\)", I)


def _currency_in_labels(lines: list[Line]) -> str | None:
    for line in lines[:3000]:
        m = _UNIT_LABEL.search(line.text)
        if m:
            code = m["c"].upper()
            if code.startswith("RS") or code in ("₹", "INR"):
                return _RUPEE_COUNTRY.get(_country(lines), "INR")
            return "USD" if code == "US$" else code
    return None


# 'Rs.' is the rupee of several countries: the country the tender names most decides which
_RUPEE_COUNTRY = {"Pakistan": "PKR", "Sri Lanka": "LKR", "Nepal": "NPR"}


def _country(lines: list[Line]) -> str | None:
    names = ("India", *_RUPEE_COUNTRY)
    text = "\n".join(line.text for line in lines[:3000])  # one scan, not one per line and name
    counts = Counter(m.group() for m in re.finditer(rf"\b(?:{'|'.join(names)})", text))
    return counts.most_common(1)[0][0] if counts else None
