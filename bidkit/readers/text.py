"""Plain text / Markdown → Document (used for customer notes and KB content)."""

from __future__ import annotations

from bidkit.document import Block, Document
from bidkit.errors import InputError
from bidkit.readers.base import Reader


class TextReader(Reader):
    extensions = (".txt", ".md")

    def read(self) -> Document:
        raw = self.path.read_bytes()
        for enc in ("utf-8-sig", "gb18030"):
            try:
                text = raw.decode(enc)
                break
            except UnicodeDecodeError:
                continue
        else:
            raise InputError(f"{self.path}: text is neither UTF-8 nor GB18030; save it as UTF-8.")
        doc = Document(path=str(self.path), format="text")
        for n, para in enumerate(p.strip() for p in text.split("\n")):
            if not para:
                continue
            kind = "heading" if para.startswith("#") else "paragraph"
            level = len(para) - len(para.lstrip("#")) if kind == "heading" else None
            doc.blocks.append(
                Block(kind=kind, text=para.lstrip("# ").strip(), index=len(doc.blocks),
                      paragraph=n + 1, level=level)
            )
        return doc
