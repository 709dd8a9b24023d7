"""Files → chunks. Documents go through bidkit.readers and the langchain splitter (Chinese
sentence ends respected), spreadsheets through tables.py, the company profile is YAML/JSON.

Each chunk keeps where it came from (page, paragraph or row) and the fields of its record.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Iterator
from pathlib import Path

from bidkit.document import Block
from bidkit.errors import InputError
from bidkit.kb.items import Chunk, LoadedFile, kind_from_name, kind_from_text
from bidkit.kb.records import header_field, parse_amount, parse_date
from bidkit.kb.tables import finish_project, load_table

DOCUMENT_EXTS = (".docx", ".pdf", ".md", ".txt")
TABLE_EXTS = (".xlsx", ".csv")
PROFILE_EXTS = (".yaml", ".yml", ".json")
SUPPORTED_EXTS = DOCUMENT_EXTS + TABLE_EXTS + PROFILE_EXTS
# formats a bid team's folders often hold that bidkit cannot read: reported, not silently skipped
REPORTED_EXTS = (".doc", ".xls", ".wps", ".et", ".ppt", ".pptx", ".rtf", ".odt", ".ods")

CHUNK_SIZE = 300  # characters; USE averages over tokens, so long chunks blur their topic
CHUNK_OVERLAP = 40
SEPARATORS = ["\n\n", "\n", "。", "！", "？", "；", "，", " ", ""]

_FACT_LINE = re.compile(r"^[-*•·\s]*([^：:]{2,16}?)\s*[：:]\s*(.+)$")


def source_name(path: Path) -> str:
    """How a file is named in the KB: relative to the working directory when under it."""
    resolved = path.resolve()
    try:
        return resolved.relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return resolved.as_posix()


def walk(paths: list[Path]) -> Iterator[tuple[Path, list[str]]]:
    """(file, folder names that may say its kind) for each path. Folders are searched for
    supported files, skipping hidden, Office lock (~$) and underscore (tooling) entries; a
    file given explicitly has an empty folder list only when it has no parent folder."""
    for path in paths:
        if not path.is_dir():
            yield path, [path.resolve().parent.name]
            continue
        for file in sorted(path.rglob("*")):
            rel = file.relative_to(path).parts
            if any(part.startswith((".", "_", "~$")) for part in rel):
                continue
            if file.is_file() and file.suffix.lower() in SUPPORTED_EXTS + REPORTED_EXTS:
                yield file, [path.resolve().name, *rel[:-1]]


def guess_kind(path: Path, folders: list[str]) -> str | None:
    """The kind the folders say (nearest first: a team files résumés under people/ whatever
    their names), else what the file name says."""
    return kind_from_name(folders) or kind_from_name([path.stem])


def load_file(path: Path, kind: str | None = None, folders: list[str] | None = None
              ) -> LoadedFile:
    """Chunks of one file; InputError (one sentence) when it cannot be used."""
    source = source_name(path)
    path_id = source  # ids are "<source>#<n>": unique across files, readable in citations
    ext = path.suffix.lower()
    hint = kind or guess_kind(path, folders if folders is not None else [path.parent.name])
    if ext not in SUPPORTED_EXTS:
        raise InputError(f"{path}: unsupported file type '{ext or '(none)'}'; save it as .docx, "
                         f".xlsx or .pdf (the knowledge base reads {', '.join(SUPPORTED_EXTS)}).")
    if ext in TABLE_EXTS:
        return load_table(path, source, path_id, hint)
    if ext in PROFILE_EXTS:
        return load_profile(path, source, path_id)
    return load_document(path, source, path_id, hint)


def load_profile(path: Path, source: str, path_id: str) -> LoadedFile:
    from bidkit.model import CompanyProfile

    try:
        text = path.read_text(encoding="utf-8-sig")
        if path.suffix.lower() == ".json":
            data = json.loads(text)
        else:
            import yaml

            data = yaml.safe_load(text)
        profile = CompanyProfile(**{**data, "source": source})
    except Exception as exc:
        raise InputError(f"{path} is not a valid company profile ({type(exc).__name__}); it "
                         "needs keys such as name, credit_code, legal_representative.") from exc
    shown = {k: v for k, v in profile.model_dump().items() if v and k not in ("source",)}
    text = "公司基本信息 Company profile：" + "；".join(f"{k}：{v}" for k, v in shown.items())
    fields = {"name": profile.name or "", "profile_json": profile.model_dump_json()}
    return LoadedFile(source, "profile", [Chunk(f"{path_id}#0", text, "profile", source, "",
                                                path_id, fields)])


def _facts(blocks: list[Block]) -> dict:
    """Record fields stated as "label：value" lines or two-column table rows near the top."""
    pairs: list[tuple[str, str]] = []
    for block in blocks:
        if block.kind == "table" and block.rows:
            for row in block.rows:
                cells = [c.strip() for c in row]
                pairs += [(cells[i], cells[i + 1]) for i in range(0, len(cells) - 1, 2)]
        else:
            match = _FACT_LINE.match(block.text.strip())
            if match:
                pairs.append((match.group(1), match.group(2).strip()))
    fields: dict = {}
    for label, value in pairs:
        field = header_field(label)
        if not field or not value or field in fields:
            continue
        if field == "amount":
            fields["amount"], currency = parse_amount(value)
            fields["currency"] = currency
        elif field in ("start_date", "end_date"):
            fields[field] = parse_date(value)
        elif field == "year":
            fields["start_date"] = parse_date(value)
        else:
            fields[field] = value
    return fields


def _title(blocks: list[Block], fallback: str) -> str:
    for block in blocks[:5]:
        if block.kind == "heading":
            return block.text.strip()[:80]
    return fallback


def _split(blocks: list[Block]) -> list[tuple[str, Block]]:
    """Text pieces of ~CHUNK_SIZE characters, each with the block it starts in."""
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    texts, starts, offset = [], [], 0
    for block in blocks:
        texts.append(block.text)
        starts.append(offset)
        offset += len(block.text) + 2
    splitter = RecursiveCharacterTextSplitter(
        chunk_size=CHUNK_SIZE, chunk_overlap=CHUNK_OVERLAP, separators=SEPARATORS,
        keep_separator="end", add_start_index=True)
    pieces = splitter.create_documents(["\n\n".join(texts)])
    return [(p.page_content.strip(), blocks[max(bisect.bisect_right(starts,
             p.metadata["start_index"]) - 1, 0)]) for p in pieces if p.page_content.strip()]


SECTIONED_KINDS = ("certificate", "answer", "capability", "other")


def _sections(blocks: list[Block], title: str) -> list[tuple[str | None, list[Block]]]:
    """A list-like document (certificates, Q&A, product sheet) split at its top headings below
    the title, one record each; any other document stays one record (section None)."""
    levels = [b.level or 1 for b in blocks if b.kind == "heading" and b.text.strip() != title]
    if len(levels) < 2:
        return [(None, blocks)]
    top = min(levels)
    sections: list[tuple[str | None, list[Block]]] = [(None, [])]
    for block in blocks:
        if block.kind == "heading" and (block.level or 1) == top and block.text.strip() != title:
            sections.append((block.text.strip(), []))
        sections[-1][1].append(block)
    return [(name, part) for name, part in sections if part and (name or len(part) > 1)]


def load_document(path: Path, source: str, path_id: str, hint: str | None) -> LoadedFile:
    from bidkit.readers import read_document

    doc = read_document(path)
    blocks = [b for b in doc.blocks if b.text.strip()]
    if not blocks:
        raise InputError(f"{path}: no text found (a scan or an empty document?); add a text "
                         "version of it.")
    kind = hint or kind_from_text(doc.text)
    title = _title(blocks, Path(source).stem)
    facts = _facts(blocks[:40])
    if kind == "project":
        facts.setdefault("name", title)
        facts.setdefault("scope", next((b.text for b in blocks if b.kind == "paragraph"
                                        and not _FACT_LINE.match(b.text)), "")[:300])
        facts = finish_project(facts)
    record_id = facts.pop("id", None) or path_id
    parts = _sections(blocks, title) if kind in SECTIONED_KINDS else [(None, blocks)]
    chunks: list[Chunk] = []
    for section, part in parts:
        if kind == "project":
            fields = facts
        else:
            fields = {"name": section or facts.get("name") or title}
        rid = f"{path_id}#{section}" if section else record_id
        heading = f"{title} · {section}" if section else title
        for text, block in _split(part):
            # the title travels with every piece so "实施难点" of a campus case still says "campus"
            shown = text if text.startswith(title) else f"{heading}\n{text}"
            chunks.append(Chunk(f"{path_id}#{len(chunks)}", shown, kind, source, block.where,
                                rid, dict(fields, is_record=not chunks and kind == "project")))
    return LoadedFile(source, kind, chunks, list(doc.problems))
