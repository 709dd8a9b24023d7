"""Symbol-font glyphs (w:sym, or private-use characters in runs set in Wingdings / Symbol) →
the Unicode character a reader sees: check-boxes □ ☑ ☒, stars ★, bullets. Tenders mark
substantive clauses and ticked options with exactly these glyphs."""

from __future__ import annotations

_FONTS: dict[str, dict[int, str]] = {
    "wingdings": {0x6C: "●", 0x6E: "■", 0x6F: "□", 0x71: "❑", 0x75: "◆", 0xA1: "○", 0xA7: "▪",
                  0xA8: "□", 0xAB: "★", 0xB2: "✧", 0xFC: "✓", 0xFB: "✗", 0xFD: "☒", 0xFE: "☑",
                  0x78: "☒", 0xD8: "➢", 0x9F: "•", 0x77: "◆", 0x76: "❖", 0xA4: "◉", 0x6D: "❍",
                  0x70: "◻", 0x72: "❒", 0xAC: "✪", 0xB5: "✪", 0xF0: "⇨", 0xE8: "➔", 0x4A: "☺"},
    "wingdings 2": {0x50: "✓", 0x52: "☑", 0x53: "☒", 0x54: "☒", 0x4F: "✗", 0x51: "☒",
                    0xA3: "□", 0xA2: "□", 0x2A: "□", 0x99: "●", 0xEA: "★", 0xF3: "☆", 0xAE: "◆",
                    0x97: "●", 0x98: "○"},
    "wingdings 3": {0x75: "▶", 0x7D: "▲", 0x70: "▲", 0x71: "▼"},
    "symbol": {0xB7: "•", 0xD6: "√", 0xB4: "×", 0xAE: "→", 0xA8: "♦", 0xB3: "≥", 0xA3: "≤",
               0x2A: "*", 0xD7: "·", 0xE0: "◊", 0x7E: "~", 0xA7: "♣", 0xA9: "♥", 0xAA: "♠"},
}


def is_symbol_font(font: str | None) -> bool:
    return bool(font) and font.lower().strip() in _FONTS


def symbol_char(font: str | None, code: int) -> str:
    """One glyph of a symbol font; '' when unknown (better nothing than a private-use char)."""
    code = code - 0xF000 if code >= 0xF000 else code
    table = _FONTS.get((font or "").lower().strip())
    if table is None:
        # private-use glyph without a known font: Wingdings is by far the commonest source
        if code == 0xB7:
            return "•"
        table = _FONTS["wingdings"]
    found = table.get(code)
    if found:
        return found
    if (font or "").lower().strip() == "symbol" and 0x20 <= code < 0x7F:
        return chr(code)
    return ""


def symbol_text(text: str, font: str | None) -> str:
    """Map a run's characters when the run is set in a symbol font, or private-use glyphs."""
    if is_symbol_font(font):  # the font covers ASCII and private-use codes; CJK uses another
        return "".join(symbol_char(font, ord(c)) if c.isascii() or "\uf000" <= c <= "\uf0ff"
                       else c for c in text)
    if any("\uf000" <= c <= "\uf0ff" for c in text):
        return "".join(symbol_char(font, ord(c)) if "\uf000" <= c <= "\uf0ff" else c for c in text)
    return text
