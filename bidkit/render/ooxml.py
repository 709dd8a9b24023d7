"""Every raw OOXML tweak bidkit makes, in one place, under python-docx's friendly API.

Each function is named after what it edits and takes python-docx objects (Document, Paragraph,
Run, Section). python-docx covers styles, runs and tables; it does not cover East-Asian fonts,
fields (PAGE, NUMPAGES, TOC), heading numbering, settings flags or custom document properties,
so those are written here as XML. docs/ooxml.md shows the XML each function writes.
"""

from __future__ import annotations

from collections.abc import Sequence

from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_COLOR_INDEX, WD_PARAGRAPH_ALIGNMENT
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import PartFactory, XmlPart
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt
from lxml import etree

# Load docProps/custom.xml as an XML part (not an opaque blob) whenever a document is opened
# after this module is imported; the public extension point python-docx itself uses.
PartFactory.part_type_for.setdefault(CT.OFC_CUSTOM_PROPERTIES, XmlPart)

BODY_FONT_ZH = "宋体"
HEADING_FONT_ZH = "黑体"
LATIN_FONT = "Times New Roman"  # the usual companion of 宋体 in Chinese bid documents
XIAO_SI = Pt(12)  # 小四号
THEME_FONT_ATTRS = ("w:asciiTheme", "w:eastAsiaTheme", "w:hAnsiTheme", "w:cstheme")
HEADING_STYLE_IDS = ("Title", "Subtitle", "TOCHeading") + tuple(f"Heading{i}" for i in range(1, 10))


# ---------------------------------------------------------------- fonts and language

def _set_rfonts(rpr, east_asia: str | None, latin: str | None = None) -> None:
    """Explicit fonts on one w:rPr; theme attributes go, because Word prefers them over names."""
    rfonts = rpr.get_or_add_rFonts()
    for attr in THEME_FONT_ATTRS:
        rfonts.attrib.pop(qn(attr), None)
    if east_asia:
        rfonts.set(qn("w:eastAsia"), east_asia)
    if latin:
        for attr in ("w:ascii", "w:hAnsi", "w:cs"):
            rfonts.set(qn(attr), latin)


def _doc_defaults_rpr(document):
    """The w:docDefaults/w:rPrDefault/w:rPr of styles.xml, created when missing."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        rpr_default.append(rpr)
    return rpr


def set_document_language(document, east_asia: str = "zh-CN", latin: str = "en-US") -> None:
    """Document default w:lang, so Word picks East-Asian line breaking and proofing."""
    rpr = _doc_defaults_rpr(document)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.insert_element_before(lang, "w:eastAsianLayout", "w:specVanish", "w:oMath")
    lang.set(qn("w:val"), latin)
    lang.set(qn("w:eastAsia"), east_asia)


def set_east_asian_fonts(document, body: str = BODY_FONT_ZH, heading: str = HEADING_FONT_ZH,
                         latin: str | None = None) -> None:
    """宋体 for body text, 黑体 for headings, in the document defaults and every style.

    `style.font.name` sets only Latin fonts; Chinese needs w:eastAsia, and the theme attributes
    python-docx's default styles carry must go or Word ignores the explicit names.
    """
    # with the theme attributes gone, Latin text needs a named font too (else Word guesses)
    _set_rfonts(_doc_defaults_rpr(document), body, latin or LATIN_FONT)
    for style in document.styles.element.findall(qn("w:style")):
        rpr = style.find(qn("w:rPr"))
        style_id = style.get(qn("w:styleId")) or ""
        is_heading = style_id in HEADING_STYLE_IDS or style_id.startswith("Heading")
        if rpr is None and not is_heading:
            continue
        rpr = style.get_or_add_rPr() if rpr is None else rpr
        _set_rfonts(rpr, heading if is_heading else body, latin)
    set_document_language(document)


def set_run_east_asian_font(run, font: str = BODY_FONT_ZH) -> None:
    """An explicit East-Asian font on one run (for runs that override their style's font)."""
    _set_rfonts(run._r.get_or_add_rPr(), font)


def set_body_text_size(document, size: Pt = XIAO_SI, line_spacing: float = 1.5) -> None:
    """Normal style: 小四 (12 pt) and 1.5 line spacing, the usual bid-document body."""
    normal = document.styles["Normal"]
    normal.font.size = size
    normal.paragraph_format.line_spacing = line_spacing


# ---------------------------------------------------------------- fields

def add_field(paragraph, instruction: str, placeholder: str = "") -> None:
    """A complex field (w:fldChar begin/separate/end) Word evaluates: PAGE, NUMPAGES, TOC …

    `placeholder` is the cached result shown until the field is updated.
    """
    def fld_char(kind: str, dirty: bool = False):
        run = paragraph.add_run()
        el = OxmlElement("w:fldChar")
        el.set(qn("w:fldCharType"), kind)
        if dirty:
            el.set(qn("w:dirty"), "true")
        run._r.append(el)

    fld_char("begin", dirty=instruction.lstrip().upper().startswith("TOC"))
    instr_run = paragraph.add_run()
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    instr_run._r.append(instr)
    fld_char("separate")
    paragraph.add_run(placeholder)
    fld_char("end")


def add_page_number_footer(document, language: str = "zh") -> None:
    """Centered '第 X 页 共 Y 页' (zh) or 'Page X of Y' (en) in every section's footer."""
    parts = (("第 ", " 页 共 ", " 页") if language == "zh" else ("Page ", " of ", ""))
    for section in document.sections:
        footer = section.footer
        footer.is_linked_to_previous = False
        paragraph = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
        for run in list(paragraph.runs):
            run._r.getparent().remove(run._r)
        paragraph.alignment = WD_PARAGRAPH_ALIGNMENT.CENTER
        paragraph.add_run(parts[0])
        add_field(paragraph, "PAGE", "1")
        paragraph.add_run(parts[1])
        add_field(paragraph, "NUMPAGES", "1")
        if parts[2]:
            paragraph.add_run(parts[2])


# CT_Settings is a strict sequence; w:updateFields must come before these.
_SETTINGS_AFTER_UPDATE_FIELDS = (
    "w:hdrShapeDefaults", "w:footnotePr", "w:endnotePr", "w:compat", "w:docVars", "w:rsids",
    "m:mathPr", "w:attachedSchema", "w:themeFontLang", "w:clrSchemeMapping",
    "w:doNotIncludeSubdocsInStats", "w:doNotAutoCompressPictures", "w:forceUpgrade",
    "w:captions", "w:readModeInkLockDown", "w:smartTagType", "sl:schemaLibrary",
    "w:shapeDefaults", "w:doNotEmbedSmartTags", "w:decimalSymbol", "w:listSeparator",
)


def set_update_fields_on_open(document) -> None:
    """settings.xml w:updateFields: Word refreshes TOC/page fields when the file opens."""
    settings = document.settings.element
    flag = settings.find(qn("w:updateFields"))
    if flag is None:
        flag = OxmlElement("w:updateFields")
        settings.insert_element_before(flag, *_SETTINGS_AFTER_UPDATE_FIELDS)
    flag.set(qn("w:val"), "true")


def add_table_of_contents(paragraph, levels: str = "1-3", placeholder: str | None = None) -> None:
    """A TOC field over Heading 1..N in `paragraph`, refreshed on open (see above)."""
    text = placeholder if placeholder is not None else "目录将在打开文档时更新 / Table of contents updates on open"
    add_field(paragraph, f'TOC \\o "{levels}" \\h \\z \\u', text)
    set_update_fields_on_open(paragraph.part.document)


# ---------------------------------------------------------------- heading numbering

def _numbering_element(document):
    """numbering.xml's root, creating the part when the template has none."""
    part = document.part
    try:
        return part.part_related_by(RT.NUMBERING).element
    except KeyError:
        from docx.parts.numbering import NumberingPart

        element = parse_xml(f"<w:numbering {nsdecls('w')}/>")
        numbering = NumberingPart(PackURI("/word/numbering.xml"), CT.WML_NUMBERING, element,
                                  part.package)
        part.relate_to(numbering, RT.NUMBERING)
        return element


def _heading_level_xml(level: int, style_id: str, text: str, fmt: str, legal: bool) -> str:
    # w:isLgl shows higher levels in Arabic digits (1.1, not 一.1) under a 第%1章 chapter level
    is_lgl = "<w:isLgl/>" if legal else ""
    return (f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
            f'<w:pStyle w:val="{style_id}"/>{is_lgl}<w:suff w:val="space"/>'
            f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:ind w:left="0" w:firstLine="0"/></w:pPr></w:lvl>')


def set_heading_numbering(document, levels: int = 3, chapter_format: str | None = None) -> int:
    """Multilevel list numbering linked to Heading 1..levels: 1 / 1.1 / 1.1.1.

    `chapter_format` replaces level 1's text, e.g. '第%1章' (rendered 第一章 with Chinese
    counting). Returns the w:numId it created.
    """
    numbering = _numbering_element(document)
    abstract_ids = [int(a.get(qn("w:abstractNumId"))) for a in numbering.findall(qn("w:abstractNum"))]
    num_ids = [int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))]
    abstract_id, num_id = max(abstract_ids, default=-1) + 1, max(num_ids, default=0) + 1
    level_xml = []
    for level in range(levels):
        text = ".".join(f"%{i + 1}" for i in range(level + 1))
        fmt = "decimal"
        if level == 0 and chapter_format:
            text, fmt = chapter_format, "chineseCounting"
        elif level == 0:
            text = "%1."
        legal = bool(chapter_format) and level > 0
        level_xml.append(_heading_level_xml(level, f"Heading{level + 1}", text, fmt, legal))
    abstract = parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
                         f'<w:multiLevelType w:val="multilevel"/>{"".join(level_xml)}</w:abstractNum>')
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:  # every w:abstractNum precedes every w:num
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}">'
                               f'<w:abstractNumId w:val="{abstract_id}"/></w:num>'))
    for level in range(levels):
        _link_style_to_numbering(document, f"Heading {level + 1}", num_id, level)
    return num_id


def _link_style_to_numbering(document, style_name: str, num_id: int, level: int) -> None:
    style = document.styles[style_name]
    num_pr = style.element.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = level
    num_pr.get_or_add_numId().val = num_id


# ---------------------------------------------------------------- review marks

def highlight_run(run, color: WD_COLOR_INDEX = WD_COLOR_INDEX.YELLOW) -> None:
    """w:highlight on one run: how drafts show 【待确认】 to a reviewer."""
    run.font.highlight_color = color


def add_comment_to_runs(document, runs, text: str, author: str = "bidkit",
                        initials: str = "BK"):
    """A Word comment (comments.xml + range markers) anchored on a run or a run sequence."""
    runs = [runs] if not isinstance(runs, Sequence) else runs
    return document.add_comment(runs, text=text, author=author, initials=initials)


# ---------------------------------------------------------------- layout helpers

def set_landscape(section) -> None:
    """Turn one section to landscape (swap page size, w:orient)."""
    if section.orientation != WD_ORIENT.LANDSCAPE:
        width, height = section.page_width, section.page_height
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = max(width, height), min(width, height)


def set_repeat_table_header(row) -> None:
    """w:tblHeader: the row repeats at the top of every page the table spans."""
    tr_pr = row._tr.get_or_add_trPr()
    if tr_pr.find(qn("w:tblHeader")) is None:
        el = OxmlElement("w:tblHeader")
        el.set(qn("w:val"), "true")
        tr_pr.append(el)


def set_cell_shading(cell, fill: str = "D9D9D9") -> None:
    """w:shd fill on one table cell (header rows)."""
    tc_pr = cell._tc.get_or_add_tcPr()
    shd = tc_pr.find(qn("w:shd"))
    if shd is None:
        shd = OxmlElement("w:shd")
        tc_pr.append(shd)
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)


# ---------------------------------------------------------------- custom document properties

_CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
_VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"


def _custom_part(document, create: bool):
    package = document.part.package
    for rel in package.rels.values():
        if rel.reltype == RT.CUSTOM_PROPERTIES and not rel.is_external:
            return rel.target_part
    if not create:
        return None
    element = parse_xml(f'<Properties xmlns="{_CUSTOM_NS}" xmlns:vt="{_VT_NS}"/>')
    part = XmlPart(PackURI("/docProps/custom.xml"), CT.OFC_CUSTOM_PROPERTIES, element, package)
    package.relate_to(part, RT.CUSTOM_PROPERTIES)
    return part


def _custom_root(part):
    if isinstance(part, XmlPart):
        return part.element
    return etree.fromstring(part.blob)


def get_custom_properties(document) -> dict[str, str]:
    """docProps/custom.xml as {name: text value}; empty when the document has none."""
    part = _custom_part(document, create=False)
    if part is None:
        return {}
    root = _custom_root(part)
    return {p.get("name"): "".join(p.itertext()) for p in root.findall(f"{{{_CUSTOM_NS}}}property")}


def get_custom_property(document, name: str) -> str | None:
    return get_custom_properties(document).get(name)


def set_custom_property(document, name: str, value: str) -> None:
    """Set a string property in docProps/custom.xml (e.g. bidkit's generation hash)."""
    part = _custom_part(document, create=True)
    root = _custom_root(part)
    props = root.findall(f"{{{_CUSTOM_NS}}}property")
    prop = next((p for p in props if p.get("name") == name), None)
    if prop is None:
        pid = max((int(p.get("pid", "1")) for p in props), default=1) + 1
        prop = etree.SubElement(root, f"{{{_CUSTOM_NS}}}property",
                                fmtid=_FMTID, pid=str(pid), name=name)
    for child in list(prop):
        prop.remove(child)
    etree.SubElement(prop, f"{{{_VT_NS}}}lpwstr").text = value
    if not isinstance(part, XmlPart):  # opened before this module registered XmlPart
        part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


# ---------------------------------------------------------------- one call for bid documents

def apply_house_style(document, language: str = "zh") -> None:
    """The house style of every bidkit .docx: 宋体/黑体 (Chinese text appears in English bids
    too), zh-CN East-Asian language, 小四 with 1.5 spacing, and page numbers in the footer."""
    set_east_asian_fonts(document)
    set_body_text_size(document)
    add_page_number_footer(document, language)


# ---------------------------------------------------------------- schema order repair

# CT_RPr children in schema order (ECMA-376 EG_RPrBase, then w:rPrChange). Word refuses or
# "repairs" files whose run properties come in another order; docxtpl's RichText writes
# w:color/w:shd before w:b, so rendered documents need this pass.
_RPR_ORDER = {name: i for i, name in enumerate((
    "rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline",
    "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color",
    "spacing", "w", "kern", "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd",
    "fitText", "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout", "specVanish", "oMath",
    "rPrChange"))}


def normalise_run_properties(document) -> int:
    """Put the children of every run's w:rPr in schema order and give w:shd its required w:val;
    returns how many w:rPr were fixed."""
    fixed = 0
    for rpr in document.element.body.iter(qn("w:rPr")):
        if rpr.getparent() is None or rpr.getparent().tag != qn("w:r"):
            continue
        for shd in rpr.findall(qn("w:shd")):
            if shd.get(qn("w:val")) is None:  # docxtpl writes only w:fill
                shd.set(qn("w:val"), "clear")
                shd.set(qn("w:color"), "auto")
        children = list(rpr)
        ordered = sorted(children, key=lambda el: _RPR_ORDER.get(etree.QName(el).localname, 99))
        if ordered != children:
            for child in ordered:
                rpr.append(child)  # append moves the element: the result is the sorted order
            fixed += 1
    return fixed
