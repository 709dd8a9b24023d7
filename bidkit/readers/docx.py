"""DOCX → Document, walking the body XML in order so that tables, text boxes, nested tables,
content controls and symbol-font characters (w:sym) all keep their place and their text."""

from __future__ import annotations

import re
import zipfile

from bidkit.document import Block, Document
from bidkit.errors import InputError
from bidkit.readers.base import Reader

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

# Symbol-font code points (w:sym w:char, or PUA chars in runs with these fonts) → Unicode.
_SYMBOL_FONTS: dict[str, dict[int, str]] = {
    "wingdings": {0x6C: "●", 0x6E: "■", 0x6F: "□", 0x71: "❑", 0x75: "◆", 0xA1: "○",
                  0xA7: "▪", 0xA8: "□", 0xAB: "★", 0xB2: "✧", 0xFC: "✓", 0xFD: "☒", 0xFE: "☑",
                  0xD8: "➢", 0x9F: "•", 0x77: "◆", 0x76: "❖", 0xA4: "◉", 0x6D: "❍"},
    "wingdings 2": {0x50: "✓", 0x52: "☑", 0x53: "☒", 0x54: "☒", 0xA3: "□", 0x99: "●",
                    0xEA: "★", 0xF3: "☆", 0xAE: "◆", 0xA2: "□", 0x2A: "□"},
    "symbol": {0xB7: "•", 0xD6: "√", 0xB4: "×", 0xAE: "→", 0xA8: "♦", 0xB3: "≥", 0xA3: "≤",
               0x2A: "*", 0xD7: "·", 0xE0: "◊", 0x7E: "~"},
}


def _sym_char(font: str, code: int) -> str:
    table = _SYMBOL_FONTS.get(font.lower().strip(), {})
    code = code - 0xF000 if code >= 0xF000 else code
    return table.get(code, chr(code) if 0x20 <= code < 0x7F and font.lower() == "symbol" else "")


def _heading_level(p, styles: dict[str, tuple[str, int | None]]) -> tuple[str | None, int | None]:
    ppr = p.find(W + "pPr")
    style_name, level = None, None
    if ppr is not None:
        ps = ppr.find(W + "pStyle")
        if ps is not None:
            style_name, level = styles.get(ps.get(W + "val"), (ps.get(W + "val"), None))
        ol = ppr.find(W + "outlineLvl")
        if ol is not None and ol.get(W + "val", "9").isdigit() and int(ol.get(W + "val")) < 9:
            level = int(ol.get(W + "val")) + 1
    return style_name, level


def _style_table(doc) -> dict[str, tuple[str, int | None]]:
    out = {}
    for st in doc.styles.element.findall(W + "style"):
        sid = st.get(W + "styleId")
        name_el = st.find(W + "name")
        name = name_el.get(W + "val") if name_el is not None else sid
        level = None
        m = re.match(r"(?:heading|标题)\s*(\d)", name or "", re.I)
        if m:
            level = int(m.group(1))
        ppr = st.find(W + "pPr")
        if level is None and ppr is not None:
            ol = ppr.find(W + "outlineLvl")
            if ol is not None and ol.get(W + "val", "9").isdigit() and int(ol.get(W + "val")) < 9:
                level = int(ol.get(W + "val")) + 1
        if (name or "").lower() in ("title", "标题"):
            level = level or 1
        out[sid] = (name, level)
    return out


def paragraph_text(p) -> str:
    """Text of one w:p, including w:sym glyphs, tabs and text boxes anchored in it."""
    parts: list[str] = []
    for el in p.iter():
        tag = el.tag
        if tag == W + "t":
            text = el.text or ""
            rpr_font = _run_font(el)
            if rpr_font and rpr_font.lower() in _SYMBOL_FONTS:
                text = "".join(_sym_char(rpr_font, ord(c)) or c for c in text)
            parts.append(text)
        elif tag == W + "sym":
            code = el.get(W + "char", "0")
            try:
                parts.append(_sym_char(el.get(W + "font", ""), int(code, 16)))
            except ValueError:
                pass
        elif tag == W + "tab":
            parts.append("\t")
        elif tag in (W + "br", W + "cr"):
            parts.append("\n")
    return "".join(parts)


def _run_font(t_el) -> str | None:
    r = t_el.getparent()
    if r is None or r.tag != W + "r":
        return None
    rpr = r.find(W + "rPr")
    if rpr is None:
        return None
    fonts = rpr.find(W + "rFonts")
    if fonts is None:
        return None
    return fonts.get(W + "ascii") or fonts.get(W + "hAnsi")


def _cell_text(tc) -> str:
    texts = []
    for p in tc.iter(W + "p"):
        # nested tables' paragraphs are included by iter(); text boxes too
        t = paragraph_text_shallow(p)
        if t.strip():
            texts.append(t.strip())
    return "\n".join(texts)


def paragraph_text_shallow(p) -> str:
    """Text of a paragraph without descending into text boxes (which iter() reaches separately)."""
    parts: list[str] = []
    for r in p.iter(W + "r", W + "sym"):
        # a w:sym inside a run is read with that run; reading it again here would double it (★★)
        if _inside_textbox(r, p) or (r.tag == W + "sym" and r.getparent().tag == W + "r"):
            continue
        for el in ([r] if r.tag == W + "sym" else list(r)):
            if el.tag == W + "t":
                text = el.text or ""
                f = _run_font(el)
                if f and f.lower() in _SYMBOL_FONTS:
                    text = "".join(_sym_char(f, ord(c)) or c for c in text)
                parts.append(text)
            elif el.tag == W + "sym":
                try:
                    parts.append(_sym_char(el.get(W + "font", ""), int(el.get(W + "char", "0"), 16)))
                except ValueError:
                    pass
            elif el.tag == W + "tab":
                parts.append("\t")
            elif el.tag in (W + "br", W + "cr"):
                parts.append("\n")
    return "".join(parts)


def _inside_textbox(el, stop) -> bool:
    node = el.getparent()
    while node is not None and node is not stop:
        if node.tag == W + "txbxContent":
            return True
        node = node.getparent()
    return False


class DocxReader(Reader):
    extensions = (".docx", ".docm")

    def read(self) -> Document:
        import docx  # python-docx

        if not zipfile.is_zipfile(self.path):
            raise InputError(
                f"{self.path} is not a valid .docx (not a zip package); it may be a legacy .doc "
                "renamed, or corrupt — open it in Word/WPS and save as .docx."
            )
        try:
            d = docx.Document(str(self.path))
        except Exception as exc:  # python-docx raises several types for broken packages
            raise InputError(
                f"{self.path} could not be opened as a Word document ({exc.__class__.__name__}); "
                "re-save it as .docx."
            ) from exc
        styles = _style_table(d)
        doc = Document(path=str(self.path), format="docx")
        counter = 0
        for el in d.element.body.iterchildren():
            for item in _walk(el):
                counter += 1
                if item[0] == "p":
                    p = item[1]
                    text = paragraph_text_shallow(p).strip()
                    boxes = [paragraph_text_shallow(bp).strip() for bp in p.iter(W + "p") if bp is not p]
                    style, level = _heading_level(p, styles)
                    if text:
                        kind = "heading" if level else "paragraph"
                        doc.blocks.append(Block(kind=kind, text=text, index=len(doc.blocks),
                                                paragraph=counter, level=level, style=style))
                    for bt in boxes:
                        if bt:
                            doc.blocks.append(Block(kind="paragraph", text=bt, index=len(doc.blocks),
                                                    paragraph=counter, style="textbox"))
                else:
                    rows = item[1]
                    text = "\n".join(" | ".join(c.replace("\n", " ") for c in r) for r in rows)
                    if text.strip(" |\n"):
                        doc.blocks.append(Block(kind="table", text=text, rows=rows,
                                                index=len(doc.blocks), paragraph=counter))
        return doc


def _walk(el):
    """Yield ('p', element) and ('table', rows) in body order; content controls are unwrapped."""
    if el.tag == W + "p":
        yield ("p", el)
    elif el.tag == W + "tbl":
        yield ("table", _table_rows(el))
    elif el.tag == W + "sdt":
        content = el.find(W + "sdtContent")
        if content is not None:
            for child in content.iterchildren():
                yield from _walk(child)


def _table_rows(tbl) -> list[list[str]]:
    rows = []
    for tr in tbl.findall(W + "tr"):
        cells = []
        for tc in tr.findall(W + "tc"):
            cells.append(_cell_text(tc))
        # content controls wrapping cells
        for sdt in tr.findall(W + "sdt"):
            for tc in sdt.iter(W + "tc"):
                cells.append(_cell_text(tc))
        rows.append(cells)
    return rows
