"""Spreadsheets (.xlsx, .csv) → one record per row. A sheet whose header names a project
(项目名称 / Project name …) is an 业绩表: each row becomes a ProjectRecord's fields."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from bidkit.errors import InputError
from bidkit.kb.items import Chunk, LoadedFile, kind_from_text
from bidkit.kb.records import (
    header_field,
    header_unit,
    industry_key,
    parse_amount,
    parse_date,
    project_text,
)

Rows = list[list[object]]


def read_sheets(path: Path) -> list[tuple[str, Rows]]:
    """All sheets of an .xlsx, or the one table of a .csv, as rows of cell values."""
    if path.suffix.lower() == ".csv":
        raw = path.read_bytes()
        for encoding in ("utf-8-sig", "gb18030"):
            try:
                text = raw.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        else:
            raise InputError(f"{path}: CSV is neither UTF-8 nor GB18030; save it as UTF-8.")
        return [("", [list(row) for row in csv.reader(io.StringIO(text))])]
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # zipfile.BadZipFile, InvalidFileException, KeyError …
        raise InputError(f"{path} is not a readable .xlsx workbook ({type(exc).__name__}); "
                         "open it in Excel and save it again.") from exc
    try:
        return [(sheet.title, [list(row) for row in sheet.iter_rows(values_only=True)])
                for sheet in book.worksheets]
    finally:
        book.close()


def _cell(value: object) -> str:
    return "" if value is None else str(value).strip()


def find_header(rows: Rows, limit: int = 10) -> tuple[int, dict[int, str]] | None:
    """(row index, {column: field}) of the first row naming ≥ 2 record fields."""
    for index, row in enumerate(rows[:limit]):
        columns: dict[int, str] = {}
        for col, value in enumerate(row):
            field = header_field(value)
            if field and field not in columns.values():
                columns[col] = field
        if len(columns) >= 2:
            return index, columns
    return None


def _project_fields(row: list, header: list, columns: dict[int, str]) -> dict:
    fields: dict = {}
    extras = []
    for col, value in enumerate(row):
        text = _cell(value)
        if not text:
            continue
        field = columns.get(col)
        if field == "amount":
            fields["amount"], currency = parse_amount(value, header_unit(header[col]))
            fields.setdefault("currency", currency)
        elif field in ("start_date", "end_date"):
            fields[field] = parse_date(value)
        elif field == "year":
            fields.setdefault("start_date", parse_date(text))
        elif field:
            fields[field] = text
        elif _cell(header[col]) and not _cell(header[col]).startswith(("序号", "No")):
            extras.append(f"{_cell(header[col])}：{text}")
    if extras:
        fields["scope"] = "；".join(filter(None, [fields.get("scope", ""), *extras]))
    return fields


def finish_project(fields: dict) -> dict:
    """Derived fields every project record carries: currency, year, industry_key."""
    fields["currency"] = fields.get("currency") or "CNY"
    date = fields.get("end_date") or fields.get("start_date")
    if date:
        fields["year"] = int(date[:4])
    key = industry_key(fields.get("industry") or fields.get("name"))
    if key:
        fields["industry_key"] = key
    fields["is_record"] = True
    return {k: v for k, v in fields.items() if v is not None}


def _sheet_chunks(path_id: str, source: str, sheet: str, rows: Rows, kind_hint: str | None,
                  loaded: LoadedFile, many_sheets: bool) -> None:
    found = find_header(rows)
    if found is None:  # not an 业绩表: the first row with two labels is the header
        start = next((i for i, r in enumerate(rows[:10]) if sum(bool(_cell(v)) for v in r) >= 2),
                     None)
        if start is None:
            return
        found = (start, {})
    start, columns = found
    header = list(rows[start])
    is_projects = "name" in columns.values() and kind_hint in (None, "project")
    where = f"{sheet} " if many_sheets else ""
    for offset, row in enumerate(rows[start + 1:], start=start + 2):
        if not any(_cell(v) for v in row):
            continue
        row = list(row) + [None] * (len(header) - len(row))
        chunk_id = f"{path_id}#r{offset}"
        location = f"{where}row {offset}"
        if is_projects:
            fields = _project_fields(row, header, columns)
            if not fields.get("name"):
                loaded.problems.append(f"{source} {location}: no project name; row skipped.")
                continue
            fields = finish_project(fields)
            record_id = fields.pop("id", None) or chunk_id
            loaded.chunks.append(Chunk(chunk_id, project_text(fields), "project", source,
                                       location, record_id, fields))
        else:
            pairs = [f"{_cell(h)}：{_cell(v)}" for h, v in zip(header, row) if _cell(v)]
            text = "；".join(pairs)
            kind = kind_hint or kind_from_text(" ".join(map(_cell, header)) + text)
            name = next((_cell(v) for v in row if _cell(v)), "")
            loaded.chunks.append(Chunk(chunk_id, text, kind, source, location, chunk_id,
                                       {"name": name}))


def load_table(path: Path, source: str, path_id: str, kind_hint: str | None) -> LoadedFile:
    loaded = LoadedFile(source=source, kind=kind_hint or "project")
    sheets = read_sheets(path)
    for sheet, rows in sheets:
        _sheet_chunks(path_id, source, sheet, rows, kind_hint, loaded, len(sheets) > 1)
    if not loaded.chunks and not loaded.problems:
        raise InputError(f"{path}: no table with a recognisable header (e.g. 项目名称, 客户, "
                         "合同金额) was found; add a header row.")
    if loaded.chunks:
        loaded.kind = loaded.chunks[0].kind
    return loaded
