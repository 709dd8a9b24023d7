"""`bidkit parse TENDER -o DIR` on real corpus tenders: what it writes, and bad output dirs."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import docx
import openpyxl
import pytest
from click.testing import CliRunner
from docx.oxml.ns import qn

from bidkit.cli import cli
from bidkit.model import Tender

ZH_DOCX = "tenders/zh/zh-13-baoshan-police-property-gk.docx"
ZH_PDF = "tenders/zh/zh-04-yangjiang-tax-canteen-gk.pdf"
EN_PDF = "tenders/en/en-03-wwf-mwiopo-financial-audit-rfp.pdf"
ZH_SHEETS = ["关键信息", "实质性条款", "资格要求", "技术要求", "商务要求", "无效投标情形", "评分标准", "投标文件组成"]


def _parse(*args: str):
    return CliRunner().invoke(cli, ["parse", *args])


def _check_sheet_matches_tender(wb, sheet: str, items: list, text_header: str) -> None:
    ws = wb[sheet]
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref.startswith("A1:")
    headers = [c.value for c in ws[1]]
    text_col = headers.index(text_header)
    texts = [row[text_col] for row in ws.iter_rows(min_row=2, max_row=len(items) + 1, values_only=True)]
    assert texts == [getattr(i, "text", None) or getattr(i, "item", None) for i in items]


@pytest.mark.parametrize("rel", [ZH_DOCX, ZH_PDF])
def test_parse_out_dir_writes_json_xlsx_and_docx_that_agree(corpus, tmp_path, rel):
    path = corpus(rel)
    out = tmp_path / "out"
    result = _parse(str(path), "-o", str(out))
    assert result.exit_code == 0, result.output
    tender = Tender.model_validate_json((out / "tender.json").read_text(encoding="utf-8"))
    assert tender.source_file == path.name
    wb = openpyxl.load_workbook(out / "checklist.xlsx")
    assert wb.sheetnames == ZH_SHEETS
    _check_sheet_matches_tender(wb, "资格要求", tender.by_kind("qualification"), "条款原文")
    _check_sheet_matches_tender(wb, "实质性条款", tender.substantive, "条款原文")
    _check_sheet_matches_tender(wb, "评分标准", tender.scoring, "评分项")
    ref_header = wb["资格要求"].cell(1, 2).value
    assert ref_header == ("页码" if path.suffix == ".pdf" else "段落")
    document = docx.Document(out / "checklist.docx")
    rfonts = document.styles.element.find(qn("w:docDefaults")).find(".//" + qn("w:rFonts"))
    assert rfonts.get(qn("w:eastAsia")) == "宋体"
    assert "NUMPAGES" in document.sections[0].footer._element.xml
    assert "wrote" in result.stderr and "checklist.xlsx" in result.stderr


def test_english_pdf_gets_english_checklists(corpus, tmp_path):
    result = _parse(str(corpus(EN_PDF)), "-o", str(tmp_path))
    assert result.exit_code == 0, result.output
    wb = openpyxl.load_workbook(tmp_path / "checklist.xlsx")
    assert wb.sheetnames[0] == "Key facts"
    assert [c.value for c in wb["Qualifications"][1]][:2] == ["No.", "Page"]
    footer = docx.Document(tmp_path / "checklist.docx").sections[0].footer._element.xml
    assert "Page " in footer and " of " in footer


def test_reviewer_edits_survive_a_rerun_and_force_overwrites(corpus, tmp_path):
    path = str(corpus(ZH_DOCX))
    assert _parse(path, "-o", str(tmp_path)).exit_code == 0
    checklist = tmp_path / "checklist.docx"
    document = docx.Document(checklist)
    document.add_paragraph("审核意见：资格部分已核对（张三）")
    document.save(checklist)
    edited = checklist.read_bytes()

    again = _parse(path, "-o", str(tmp_path))
    assert again.exit_code == 0, again.output
    assert checklist.read_bytes() == edited
    assert (tmp_path / "checklist-v2.docx").exists()
    assert "checklist-v2.docx" in again.stderr and "--force" in again.stderr

    forced = _parse(path, "-o", str(tmp_path), "--force")
    assert forced.exit_code == 0, forced.output
    assert checklist.read_bytes() != edited
    assert "审核意见" not in "\n".join(p.text for p in docx.Document(checklist).paragraphs)


def test_output_dir_that_is_a_file_is_exit_2_one_sentence(corpus, tmp_path):
    blocker = tmp_path / "report.txt"
    blocker.write_text("not a directory")
    for target in (blocker, blocker / "out"):
        result = _parse(str(corpus(ZH_DOCX)), "-o", str(target))
        assert result.exit_code == 2
        assert "Traceback" not in result.output
        message = result.stderr.strip()
        assert message.startswith("Error:") and message.count("\n") == 0
        assert str(blocker) in message
    assert blocker.read_text() == "not a directory"


@pytest.fixture
def unwritable_dir(tmp_path):
    """A directory this process cannot create anything in (root ignores mode bits: use /sys)."""
    if os.geteuid() == 0:
        if not Path("/sys/kernel").is_dir():
            pytest.skip("no read-only directory available to root here")
        yield Path("/sys")
        return
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(stat.S_IRUSR | stat.S_IXUSR)
    yield locked
    locked.chmod(stat.S_IRWXU)


def test_output_dir_under_a_read_only_dir_is_exit_2_before_parsing(corpus, unwritable_dir):
    result = _parse(str(corpus(ZH_DOCX)), "-o", str(unwritable_dir / "bidkit-out"))
    assert result.exit_code == 2
    assert "not writable" in result.stderr and result.stderr.strip().count("\n") == 0
    assert "Traceback" not in result.output


def test_amendment_option_updates_the_written_outputs(corpus, tmp_path):
    amendment = tmp_path / "更正公告.txt"
    amendment.write_text("更正事项：\n投标截止时间和开标时间均推迟至2031年6月3日上午9时30分。\n", encoding="utf-8")
    result = _parse(str(corpus(ZH_DOCX)), "-o", str(tmp_path / "out"), "--amendment", str(amendment))
    assert result.exit_code == 0, result.output
    data = json.loads((tmp_path / "out" / "tender.json").read_text(encoding="utf-8"))
    assert data["meta"]["deadline"] == "2031-06-03T09:30"
    assert data["meta"]["sources"]["deadline"]["section"] == "更正公告.txt"
    rows = list(openpyxl.load_workbook(tmp_path / "out" / "checklist.xlsx")["关键信息"]
                .iter_rows(min_row=2, values_only=True))
    assert ("投标截止时间", "2031-06-03 09:30") in [(r[0], r[1]) for r in rows]
    assert any(r[0] == "更正/修改" and "更正公告.txt" in r[1] and "deadline" in r[1] for r in rows)


def test_amendment_changes_are_printed_once_in_the_summary(corpus, tmp_path):
    amendment = tmp_path / "corrigendum.txt"
    amendment.write_text("投标截止时间变更为：2031年7月1日9:00\n", encoding="utf-8")
    result = _parse(str(corpus(ZH_DOCX)), "--amendment", str(amendment))
    assert result.exit_code == 0, result.output
    out = " ".join(result.stdout.split())  # rich wraps long lines
    assert out.count("corrigendum.txt: deadline changed") == 1
    assert "amendment: corrigendum.txt" in out
