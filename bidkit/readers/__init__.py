"""Format → reader routing, as data. `read_document(path)` is the one entry point."""

from __future__ import annotations

from pathlib import Path

from bidkit.document import Document
from bidkit.errors import InputError
from bidkit.readers.base import Reader
from bidkit.readers.docx import DocxReader
from bidkit.readers.eml import EmlReader
from bidkit.readers.legacy import LegacyReader, is_ole
from bidkit.readers.pdf import PdfReader
from bidkit.readers.text import TextReader

READERS: dict[str, type[Reader]] = {
    ext: cls for cls in (PdfReader, DocxReader, LegacyReader, TextReader, EmlReader) for ext in cls.extensions
}


def read_document(path: str | Path, readers: dict[str, type[Reader]] | None = None,
                  **options) -> Document:
    """Read any supported file into a Document, or raise InputError with one clear sentence."""
    path = Path(path)
    table = readers or READERS
    if not path.exists():
        raise InputError(f"{path}: no such file; check the path.")
    if path.is_dir():
        raise InputError(f"{path} is a directory; give a tender file (.pdf or .docx).")
    ext = path.suffix.lower()
    if ext not in table:
        known = ", ".join(sorted(table))
        raise InputError(f"{path}: unsupported file type '{ext or '(none)'}'; bidkit reads {known}.")
    if path.stat().st_size == 0:
        raise InputError(f"{path} is empty (0 bytes); export the tender again.")
    reader = table[ext]
    if reader is DocxReader and is_ole(path):  # a .doc renamed, or a password-protected .docx
        reader = LegacyReader
    try:
        return reader(path, **options).read()
    except PermissionError as exc:
        raise InputError(f"{path} cannot be read (permission denied); check the file's "
                         "permissions.") from exc
