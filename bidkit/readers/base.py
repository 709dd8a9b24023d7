"""The reader interface: one subclass per file format, each returning a Document."""

from __future__ import annotations

from abc import ABC, abstractmethod
from pathlib import Path

from bidkit.document import Document


class Reader(ABC):
    """Reads one file format into a Document. Raise InputError for unusable files."""

    #: lower-case file extensions (with dot) this reader handles
    extensions: tuple[str, ...] = ()

    def __init__(self, path: Path, **options) -> None:
        self.path = Path(path)
        self.options = options

    @abstractmethod
    def read(self) -> Document:
        """Read the whole file. Raises InputError when the file cannot be used."""

    def page_count(self) -> int | None:
        return None
