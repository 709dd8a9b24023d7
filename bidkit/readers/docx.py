"""DOCX → Document, walking the body XML in order so that tables, text boxes, nested tables,
content controls, symbol-font glyphs (w:sym, Wingdings check-boxes) and automatic list numbers
all keep their place and their text.

Block.paragraph counts body-level items (paragraphs and tables, 1-based); a nested table and a
text box share the number of the item that holds them, so numbers stay stable.
"""

from __future__ import annotations

import re
import zipfile

from bidkit.document import Block, Document
from bidkit.errors import InputError
from bidkit.readers.base import Reader
from bidkit.readers.docx_numbering import Numbering, paragraph_numbering, style_numbering
from bidkit.readers.docx_symbols import symbol_char, symbol_text
from bidkit.readers.pdf_text import is_page_number

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_LEVEL_NAME = re.compile(r"(?:heading|标题)\s*(\d)", re.IGNORECASE)


def _outline_level(ppr) -> int | None:
    ol = ppr.find(W + "outlineLvl") if ppr is not None else None
    if ol is not None and ol.get(W + "val", "9").isdigit() and int(ol.get(W + "val")) < 9:
        return int(ol.get(W + "val")) + 1
    return None


def _style_table(styles_root) -> dict[str, tuple[str, int | None]]:
    """styleId → (name, heading level or None), from names ('heading 2', '标题 2') or the
    style's outline level."""
    out: dict[str, tuple[str, int | None]] = {}
    if styles_root is None:
        return out
    for st in styles_root.findall(W + "style"):
        sid = st.get(W + "styleId")
        name_el = st.find(W + "name")
        name = name_el.get(W + "val") if name_el is not None else sid
        m = _LEVEL_NAME.match(name or "")
        level = int(m.group(1)) if m else _outline_level(st.find(W + "pPr"))
        if (name or "").lower() in ("title", "标题"):
            level = level or 1
        out[sid] = (name, level)
    return out


def _heading_level(p, styles) -> tuple[str | None, int | None]:
    ppr = p.find(W + "pPr")
    style_name, level = None, None
    if ppr is not None:
        ps = ppr.find(W + "pStyle")
        if ps is not None:
            style_name, level = styles.get(ps.get(W + "val"), (ps.get(W + "val"), None))
        level = _outline_level(ppr) or level
    return style_name, level


def _hidden(el, stop) -> bool:
    """Inside a text box, a nested paragraph or a markup-compatibility fallback (a second copy
    of a text box for old readers), up to `stop`?"""
    node = el.getparent()
    while node is not None and node is not stop:
        if node.tag in (W + "txbxContent", MC_FALLBACK):
            return True
        node = node.getparent()
    return False


def _vanished(r) -> bool:
    """Hidden text (w:vanish): Word neither shows nor prints it, so a reader never sees it."""
    vanish = r.find(f"{W}rPr/{W}vanish")
    return vanish is not None and vanish.get(W + "val", "true") not in ("false", "0", "off")


def _run_font(r) -> str | None:
    fonts = r.find(f"{W}rPr/{W}rFonts")
    return (fonts.get(W + "ascii") or fonts.get(W + "hAnsi")) if fonts is not None else None


def paragraph_text(p) -> str:
    """Text of one w:p without its text boxes: runs, w:sym glyphs, tabs, breaks."""
    parts: list[str] = []
    for r in p.iter(W + "r"):
        if _hidden(r, p) or _vanished(r):
            continue
        font = _run_font(r)
        for el in r:
            if el.tag == W + "t":
                parts.append(symbol_text(el.text or "", font))
            elif el.tag == W + "sym":
                try:
                    parts.append(symbol_char(el.get(W + "font"), int(el.get(W + "char", "0"), 16)))
                except ValueError:
                    pass
            elif el.tag == W + "tab":
                parts.append("\t")
            elif el.tag in (W + "br", W + "cr"):
                parts.append("\n")
    return "".join(parts)


def textbox_paragraphs(p) -> list:
    """Paragraphs of the text boxes anchored in p (the modern copy only, not the fallback)."""
    return [bp for bp in p.iter(W + "p") if bp is not p and not _in_fallback(bp, p)]


def _in_fallback(el, stop) -> bool:
    node = el.getparent()
    while node is not None and node is not stop:
        if node.tag == MC_FALLBACK:
            return True
        node = node.getparent()
    return False


class DocxReader(Reader):
    extensions = (".docx", ".docm")

    def read(self) -> Document:
        import docx  # python-docx

        if not zipfile.is_zipfile(self.path):
            raise InputError(
                f"{self.path} is not a valid .docx (not a zip package; it may be truncated or "
                "a renamed file); open it in Word or WPS and save it as .docx again."
            )
        try:
            d = docx.Document(str(self.path))
        except Exception as exc:  # python-docx raises several types for broken packages
            raise InputError(
                f"{self.path} could not be opened as a Word document ({exc.__class__.__name__}); "
                "open it in Word or WPS and save it as .docx again."
            ) from exc
        styles_root = d.styles.element
        walker = _Walker(_style_table(styles_root), style_numbering(styles_root),
                         Numbering.from_xml(_numbering_root(d)))
        doc = Document(path=str(self.path), format="docx")
        for el in d.element.body.iterchildren():
            walker.body_item(el, doc)
        doc.running = _header_footer_text(d)
        return doc


def _header_footer_text(d) -> list[str]:
    """Distinct paragraph texts of all headers and footers (they may hold the project number)."""
    seen: list[str] = []
    for section in d.sections:
        for part in (section.header, section.first_page_header, section.even_page_header,
                     section.footer, section.first_page_footer, section.even_page_footer):
            try:
                if part.is_linked_to_previous:
                    continue
                element = part._element
            except (AttributeError, KeyError, ValueError):
                continue
            for p in element.iter(W + "p"):
                text = paragraph_text(p).strip()
                if text and text not in seen and not is_page_number(text):
                    seen.append(text)
    return seen


def _numbering_root(d):
    try:
        return d.part.numbering_part.element
    except (KeyError, NotImplementedError, AttributeError):
        return None


class _Walker:
    def __init__(self, styles, style_numpr, numbering: Numbering) -> None:
        self.styles = styles
        self.style_numpr = style_numpr
        self.numbering = numbering
        self.counter = 0

    def body_item(self, el, doc: Document) -> None:
        if el.tag == W + "sdt":  # a content control around body content: unwrap it
            content = el.find(W + "sdtContent")
            for child in content.iterchildren() if content is not None else ():
                self.body_item(child, doc)
            return
        if el.tag not in (W + "p", W + "tbl"):
            return
        self.counter += 1
        if el.tag == W + "p":
            self._paragraph(el, doc)
        else:
            self._table(el, doc)

    def _label(self, p) -> str:
        numbered = paragraph_numbering(p, self.style_numpr)
        return self.numbering.label(*numbered) if numbered else ""

    def _paragraph(self, p, doc: Document) -> None:
        text = paragraph_text(p).strip()
        label = self._label(p) if text else ""
        style, level = _heading_level(p, self.styles)
        if text:
            doc.blocks.append(Block(kind="heading" if level else "paragraph", text=_numbered(label, text),
                                    index=len(doc.blocks), paragraph=self.counter, level=level,
                                    style=style))
        for bp in textbox_paragraphs(p):
            bt = paragraph_text(bp).strip()
            if bt:
                doc.blocks.append(Block(kind="paragraph", text=_numbered(self._label(bp), bt),
                                        index=len(doc.blocks), paragraph=self.counter,
                                        style="textbox"))

    def _table(self, tbl, doc: Document) -> None:
        nested: list = []
        rows = self._rows(tbl, nested)
        _append_table(doc, rows, self.counter)
        while nested:  # nested tables follow their outer table, in document order
            inner = nested.pop(0)
            more: list = []
            _append_table(doc, self._rows(inner, more), self.counter)
            nested[:0] = more

    def _rows(self, tbl, nested: list) -> list[list[str]]:
        rows = []
        for tr in _children(tbl, "tr"):
            cells: list[str] = [""] * _grid_before(tr)
            for tc in _children(tr, "tc"):
                cells.append(self._cell(tc, nested))
                cells.extend([""] * (_grid_span(tc) - 1))  # keep the columns aligned
            rows.append(cells)
        return rows

    def _cell(self, tc, nested: list) -> str:
        if _continues_vertical_merge(tc):
            return ""  # the merged cell's text is in the first row only
        texts = []
        for el in _children(tc, "p", "tbl"):
            if el.tag == W + "tbl":
                nested.append(el)
                continue
            t = paragraph_text(el).strip()
            label = self._label(el) if t else ""
            boxes = [paragraph_text(bp).strip() for bp in textbox_paragraphs(el)]
            texts.extend(x for x in [_numbered(label, t), *boxes] if x)
        return "\n".join(texts)


def _numbered(label: str, text: str) -> str:
    """'1.' + 'Project Background' → '1. Project Background'; Chinese text follows directly."""
    if label and not label.endswith(" ") and text[:1].isascii() and text[:1].isalpha():
        return f"{label} {text}"
    return label + text


def _children(el, *names: str):
    """Direct children with these tags, looking through content controls (w:sdt)."""
    tags = {W + n for n in names}
    for child in el.iterchildren():
        if child.tag in tags:
            yield child
        elif child.tag == W + "sdt":
            content = child.find(W + "sdtContent")
            if content is not None:
                yield from _children(content, *names)


def _grid_span(tc) -> int:
    span = tc.find(f"{W}tcPr/{W}gridSpan")
    try:
        return max(1, int(span.get(W + "val", "1"))) if span is not None else 1
    except ValueError:
        return 1


def _grid_before(tr) -> int:
    before = tr.find(f"{W}trPr/{W}gridBefore")
    try:
        return int(before.get(W + "val", "0")) if before is not None else 0
    except ValueError:
        return 0


def _continues_vertical_merge(tc) -> bool:
    vm = tc.find(f"{W}tcPr/{W}vMerge")
    return vm is not None and vm.get(W + "val", "continue") == "continue"


def _append_table(doc: Document, rows: list[list[str]], paragraph: int) -> None:
    text = "\n".join(" | ".join(c.replace("\n", " ") for c in r) for r in rows)
    if text.strip(" |\n"):
        doc.blocks.append(Block(kind="table", text=text, rows=rows, index=len(doc.blocks),
                                paragraph=paragraph))
