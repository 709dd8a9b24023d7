"""What readers return: an ordered list of blocks with where each came from.

Readers know nothing of tenders; extractors know nothing of file formats. This is the contract
between them.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

BlockKind = Literal["heading", "paragraph", "table"]


class Block(BaseModel):
    """One heading, paragraph or table of a document, in reading order."""

    kind: BlockKind
    text: str = Field(description="Plain text; for a table, rows joined by newlines, cells by ' | '.")
    index: int = Field(description="Position of the block in the document (0-based).")
    page: int | None = Field(None, description="1-based page for PDFs; None for DOCX.")
    paragraph: int | None = Field(
        None, description="1-based paragraph number for DOCX (body paragraphs and table rows)."
    )
    level: int | None = Field(None, description="Heading level (1 = chapter) when known.")
    rows: list[list[str]] | None = Field(None, description="Table cells, row by row.")
    row_pages: list[int] | None = Field(
        None, description="PDF tables: the page of each row (a table may run over pages)."
    )
    style: str | None = Field(None, description="Paragraph style name in the source, if any.")

    def page_of_row(self, i: int) -> int | None:
        """The page of row i of a table: PDF tables may run over several pages."""
        if self.row_pages and 0 <= i < len(self.row_pages):
            return self.row_pages[i]
        return self.page

    @property
    def where(self) -> str:
        """A human reference to the block: 'p.12' or '¶340'."""
        if self.page is not None:
            return f"p.{self.page}"
        if self.paragraph is not None:
            return f"¶{self.paragraph}"
        return f"#{self.index}"


class Document(BaseModel):
    """A whole file as blocks, plus what the reader noticed on the way."""

    path: str
    format: Literal["pdf", "docx", "text", "eml"]
    page_count: int | None = None
    blocks: list[Block] = Field(default_factory=list)
    running: list[str] = Field(
        default_factory=list,
        description="Running header/footer text, once per distinct line (PDF: repeated page-edge "
        "lines without page numbers; DOCX: header and footer parts). Kept out of the blocks, "
        "but it may hold a project number or name.",
    )
    problems: list[str] = Field(
        default_factory=list, description="Non-fatal reading problems a reviewer should know of."
    )

    @property
    def text(self) -> str:
        return "\n".join(b.text for b in self.blocks)
