"""checklist.xlsx / checklist.docx / the OOXML layer / reviewer-edit protection, on models we build."""

from __future__ import annotations

import io
import json
import zipfile

import docx
import openpyxl
import pytest
from docx.oxml.ns import qn
from rich.console import Console

from bidkit.errors import InputError
from bidkit.model import BidSection, Requirement, ScoringItem, SourceRef, Tender, TenderMeta
from bidkit.render import ooxml
from bidkit.render.parse_outputs import write_parse_outputs
from bidkit.render.safe_write import SafeWriter, check_output_dir
from bidkit.render.terminal import print_tender_summary

ZH_SHEETS = ["关键信息", "实质性条款", "资格要求", "技术要求", "商务要求", "无效投标情形", "评分标准", "投标文件组成"]


def _tender(language: str = "zh", points: tuple[float, ...] = (30, 60), pdf: bool = True) -> Tender:
    def ref(n: int) -> SourceRef:
        return SourceRef(page=n, section="第三章 采购需求") if pdf else SourceRef(paragraph=n * 10)

    reqs = [
        Requirement(id="Q1", kind="qualification", text="具有独立承担民事责任的能力", page=5 if pdf else None,
                    source=ref(5)),
        Requirement(id="T1", kind="technical", text="★ 响应时间不超过2小时", substantive=True, marker="★",
                    page=20 if pdf else None, source=ref(20)),
        Requirement(id="C1", kind="commercial", text="合同签订后30日内完成交付", source=ref(22)),
        Requirement(id="I1", kind="invalid_condition", text="未按要求提交投标保证金的", source=ref(9)),
    ]
    scoring = [ScoringItem(category="技术", item=f"评分项{i}", points=p, criteria="优得满分", source=ref(30 + i))
               for i, p in enumerate(points)]
    meta = TenderMeta(project_name="某单位物业管理服务项目", project_number="ZB-2031-017",
                      budget=1_230_000.0, currency="CNY", deadline="2031-05-20T09:30",
                      sources={"budget": SourceRef(page=3, quote="预算金额：123万元")})
    return Tender(source_file="tender.pdf" if pdf else "tender.docx", language=language, meta=meta,
                  marker_legend={"★": "实质性条款"}, requirements=reqs, scoring=scoring,
                  scoring_total=100, bid_sections=[BidSection(title="投标函", order=1, source=ref(40)),
                                                   BidSection(title="开标一览表", order=2, source=ref(41))])


def _sheet_rows(ws) -> list[tuple]:
    return [r for r in ws.iter_rows(min_row=2, values_only=True) if any(v is not None for v in r)]


def test_xlsx_has_one_sheet_per_list_with_frozen_filtered_headers(tmp_path):
    write_parse_outputs(_tender(), tmp_path)
    wb = openpyxl.load_workbook(tmp_path / "checklist.xlsx")
    assert wb.sheetnames == ZH_SHEETS
    for ws in wb.worksheets:
        assert ws.freeze_panes == "A2", ws.title
        assert ws.auto_filter.ref and ws.auto_filter.ref.startswith("A1:"), ws.title
        assert ws.cell(1, 1).font.bold
    headers = [c.value for c in wb["资格要求"][1]]
    assert headers[:4] == ["序号", "页码", "章节", "条款原文"]
    assert {"状态", "负责人", "备注"} <= set(headers)
    assert _sheet_rows(wb["资格要求"])[0][1:4] == (5, "第三章 采购需求", "具有独立承担民事责任的能力")
    assert [r[3] for r in _sheet_rows(wb["实质性条款"])] == ["★ 响应时间不超过2小时"]
    assert [r[2] for r in _sheet_rows(wb["投标文件组成"])] == ["投标函", "开标一览表"]


def test_xlsx_status_column_is_a_dropdown_defaulting_to_to_check(tmp_path):
    write_parse_outputs(_tender(), tmp_path)
    ws = openpyxl.load_workbook(tmp_path / "checklist.xlsx")["技术要求"]
    status_col = [c.value for c in ws[1]].index("状态") + 1
    assert ws.cell(2, status_col).value == "待核对"
    validation = ws.data_validations.dataValidation[0]
    assert validation.type == "list" and "已满足" in validation.formula1 and "不适用" in validation.formula1
    letter = openpyxl.utils.get_column_letter(status_col)
    assert f"{letter}2" in str(validation.sqref).split(":")[0]
    assert ws.cell(2, [c.value for c in ws[1]].index("条款原文") + 1).alignment.wrap_text


def test_scoring_sheet_sums_points_and_flags_a_total_that_does_not_add_up(tmp_path):
    write_parse_outputs(_tender(points=(30, 60)), tmp_path)
    ws = openpyxl.load_workbook(tmp_path / "checklist.xlsx")["评分标准"]
    cells = {row[3]: row for row in ws.iter_rows(values_only=True) if row[3] in ("合计", "招标文件规定总分", "核对")}
    assert cells["合计"][4] == "=SUM(E2:E3)"
    assert cells["招标文件规定总分"][4] == 100
    assert "不一致" in cells["核对"][5] and "90" in cells["核对"][5]
    write_parse_outputs(_tender(points=(40, 60)), tmp_path / "ok")
    ws = openpyxl.load_workbook(tmp_path / "ok" / "checklist.xlsx")["评分标准"]
    check = next(r for r in ws.iter_rows(values_only=True) if r[3] == "核对")
    assert check[5].endswith("一致") and "不一致" not in check[5]


def test_english_tender_gets_english_headers_and_docx_tenders_cite_paragraphs(tmp_path):
    write_parse_outputs(_tender(language="en", pdf=False), tmp_path)
    wb = openpyxl.load_workbook(tmp_path / "checklist.xlsx")
    assert wb.sheetnames[0] == "Key facts" and "Scoring" in wb.sheetnames
    headers = [c.value for c in wb["Qualifications"][1]]
    assert headers[:4] == ["No.", "Paragraph", "Section", "Clause (verbatim)"]
    assert _sheet_rows(wb["Qualifications"])[0][1] == 50
    assert wb["Qualifications"].data_validations.dataValidation[0].formula1 == '"To check,Met,Not met,N/A"'


def test_checklist_docx_uses_chinese_fonts_page_numbers_and_tick_boxes(tmp_path):
    write_parse_outputs(_tender(), tmp_path)
    document = docx.Document(tmp_path / "checklist.docx")
    defaults = document.styles.element.find(qn("w:docDefaults"))
    fonts = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:rFonts"))
    assert fonts.get(qn("w:eastAsia")) == "宋体"
    assert defaults.find(".//" + qn("w:lang")).get(qn("w:eastAsia")) == "zh-CN"
    heading_fonts = document.styles["Heading 1"].element.rPr.rFonts
    assert heading_fonts.get(qn("w:eastAsia")) == "黑体"
    assert heading_fonts.get(qn("w:asciiTheme")) is None and heading_fonts.get(qn("w:eastAsiaTheme")) is None
    footer_xml = document.sections[0].footer._element.xml
    assert "PAGE" in footer_xml and "NUMPAGES" in footer_xml and "第 " in footer_xml
    texts = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert "☐" in texts and "★ 响应时间不超过2小时" in texts and "投标函" in texts
    assert any(s.orientation == 1 for s in document.sections)  # the wide scoring table is landscape
    assert ooxml.get_custom_property(document, "bidkit_source") == "tender.pdf"


def test_edited_output_is_kept_and_a_v2_written_unless_forced(tmp_path):
    write_parse_outputs(_tender(), tmp_path)
    xlsx = tmp_path / "checklist.xlsx"
    wb = openpyxl.load_workbook(xlsx)
    wb["资格要求"]["G2"] = "已满足"
    wb.save(xlsx)
    edited = xlsx.read_bytes()
    notes: list[str] = []
    written = write_parse_outputs(_tender(), tmp_path, on_note=notes.append)
    assert xlsx.read_bytes() == edited
    assert tmp_path / "checklist-v2.xlsx" in written and (tmp_path / "checklist-v2.xlsx").exists()
    assert tmp_path / "checklist.docx" in written  # unedited files are regenerated in place
    assert len(notes) == 1 and "checklist-v2.xlsx" in notes[0] and "--force" in notes[0]
    write_parse_outputs(_tender(), tmp_path)  # -v2 is still bidkit's own: reused, no -v3
    assert not (tmp_path / "checklist-v3.xlsx").exists()
    write_parse_outputs(_tender(), tmp_path, force=True)
    assert xlsx.read_bytes() != edited
    manifest = json.loads((tmp_path / ".bidkit.json").read_text(encoding="utf-8"))
    assert set(manifest["files"]) >= {"tender.json", "checklist.xlsx", "checklist.docx"}


def test_a_file_bidkit_never_wrote_is_not_overwritten(tmp_path):
    (tmp_path / "tender.json").write_text("my own notes", encoding="utf-8")
    written = SafeWriter(tmp_path).write_text("tender.json", "{}")
    assert written.name == "tender-v2.json"
    assert (tmp_path / "tender.json").read_text(encoding="utf-8") == "my own notes"


def test_output_dir_that_is_a_file_is_one_sentence_input_error(tmp_path):
    blocker = tmp_path / "out"
    blocker.write_text("x")
    for target in (blocker, blocker / "sub"):
        with pytest.raises(InputError) as info:
            SafeWriter(target)
        assert str(info.value).count(".") <= 2 and "\n" not in str(info.value)
        with pytest.raises(InputError):
            check_output_dir(target)
    assert not list(tmp_path.glob("out*/**"))


def test_atomic_write_leaves_no_temp_files(tmp_path):
    write_parse_outputs(_tender(), tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        ".bidkit.json", "checklist.docx", "checklist.xlsx", "tender.json"]


def test_tender_json_is_the_contract(tmp_path):
    write_parse_outputs(_tender(), tmp_path)
    data = json.loads((tmp_path / "tender.json").read_text(encoding="utf-8"))
    assert Tender.model_validate(data) == _tender()


def test_ooxml_custom_property_heading_numbering_toc_and_comment_survive_a_save():
    document = docx.Document()
    ooxml.apply_house_style(document, "en")
    ooxml.set_heading_numbering(document, chapter_format="第%1章")
    document.add_heading("概述", level=1)
    ooxml.add_table_of_contents(document.add_paragraph())
    run = document.add_paragraph().add_run("【待确认】")
    ooxml.highlight_run(run)
    ooxml.add_comment_to_runs(document, run, "请补充证明材料")
    ooxml.set_custom_property(document, "bidkit_hash", "abc123")
    buffer = io.BytesIO()
    document.save(buffer)
    reopened = docx.Document(io.BytesIO(buffer.getvalue()))
    assert ooxml.get_custom_property(reopened, "bidkit_hash") == "abc123"
    parts = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    assert b'w:updateFields w:val="true"' in parts.read("word/settings.xml")
    assert b"TOC \\o" in parts.read("word/document.xml")
    assert b'w:highlight w:val="yellow"' in parts.read("word/document.xml")
    assert "请补充证明材料" in parts.read("word/comments.xml").decode("utf-8")
    numbering = parts.read("word/numbering.xml").decode("utf-8")
    assert 'w:pStyle w:val="Heading1"' in numbering and "第%1章" in numbering
    assert reopened.styles["Heading 1"].element.pPr.numPr is not None
    assert b"Page " in parts.read("word/footer1.xml")


def test_terminal_summary_shows_counts_legend_points_and_warnings():
    tender = _tender(points=(30, 60))
    tender.warnings.append("Scoring items add up to 90 points, but the tender states 100.")
    console = Console(record=True, width=140)
    print_tender_summary(tender, console)
    out = console.export_text()
    assert "某单位物业管理服务项目" in out and "2031-05-20 09:30" in out and "1,230,000 CNY" in out
    assert "标记说明" in out and "★  实质性条款" in out
    assert "评分分值合计：90 / 100" in out and "不一致" in out
    assert "warning:" in out and "资格要求" in out


def test_customer_notes_get_needs_and_open_questions_sheets(tmp_path):
    tender = _tender()
    tender.requirements.append(Requirement(kind="customer_need", text="希望两周内上线", source=SourceRef(paragraph=3)))
    tender.open_questions = [Requirement(kind="customer_need", text="是否需要驻场？", source=SourceRef(paragraph=7))]
    write_parse_outputs(tender, tmp_path)
    wb = openpyxl.load_workbook(tmp_path / "checklist.xlsx")
    assert wb.sheetnames[-2:] == ["客户需求", "待澄清问题"]
    assert _sheet_rows(wb["待澄清问题"])[0][3] == "是否需要驻场？"


def test_control_characters_and_leading_equals_from_pdf_text_are_written_as_plain_text(tmp_path):
    tender = _tender()
    tender.requirements.append(Requirement(kind="technical", text="\x07响应\x0b时间", source=SourceRef(page=2)))
    tender.requirements.append(Requirement(kind="technical", text='=HYPERLINK("http://x","y")',
                                           source=SourceRef(page=3)))
    tender.warnings.append("bad \x01 char")
    write_parse_outputs(tender, tmp_path)
    ws = openpyxl.load_workbook(tmp_path / "checklist.xlsx")["技术要求"]
    texts = [row[3] for row in _sheet_rows(ws)]
    assert " 响应 时间" in texts
    formula_cell = next(c for c in ws["D"] if c.value and str(c.value).startswith("=HYPERLINK"))
    assert formula_cell.data_type == "s"
    assert "响应 时间" in "".join(c.text for t in docx.Document(tmp_path / "checklist.docx").tables
                                 for r in t.rows for c in r.cells)


def test_a_failed_write_leaves_the_previous_file_whole_and_no_temp_file(tmp_path, monkeypatch):
    writer = SafeWriter(tmp_path)
    writer.write_text("tender.json", "first")

    def disk_full(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("bidkit.render.safe_write.os.replace", disk_full)
    with pytest.raises(InputError, match="no space left on device"):
        SafeWriter(tmp_path).write_text("tender.json", "second")
    assert (tmp_path / "tender.json").read_text(encoding="utf-8") == "first"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".bidkit.json", "tender.json"]
