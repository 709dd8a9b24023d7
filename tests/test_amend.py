"""Amendments (更正公告 / corrigendum) update the tender items they change, and say so."""

from __future__ import annotations

import docx
import pytest

from bidkit.model import Requirement, ScoringItem, SourceRef, Tender, TenderMeta
from bidkit.pipeline import parse_file
from bidkit.readers import read_document
from bidkit.tender.amend import apply_amendment, find_changes


def _tender(language: str = "zh") -> Tender:
    meta = TenderMeta(project_number="ZB-2031-017", deadline="2031-05-20T09:30",
                      opening="2031-05-20T09:30", budget=1_200_000.0, deposit=20_000.0,
                      currency="CNY")
    reqs = [
        Requirement(id="S1", kind="technical", substantive=True, marker="★", page=18,
                    text="★ 故障响应时间不超过2小时，4小时内到达现场。",
                    source=SourceRef(page=18, quote="★ 故障响应时间不超过2小时，4小时内到达现场。")),
        Requirement(id="Q1", kind="qualification", page=6,
                    text="投标人须具有有效的安全生产许可证。", source=SourceRef(page=6)),
        Requirement(id="E1", kind="technical", page=30,
                    text="The Contractor shall deliver Phase One reports within 30 days.",
                    source=SourceRef(page=30)),
    ]
    scoring = [ScoringItem(category="技术", item="服务方案", points=30, criteria="方案完整得30分")]
    return Tender(source_file="t.pdf", language=language, meta=meta, requirements=reqs,
                  scoring=scoring, scoring_total=100)


def _write_docx(path, paragraphs: list[str], table: list[list[str]] | None = None):
    document = docx.Document()
    document.add_heading("更正公告", level=1)
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        t = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                t.cell(r, c).text = value
    document.save(path)
    return path


def _apply(tmp_path, name: str, paragraphs: list[str], table=None, tender: Tender | None = None):
    path = tmp_path / name
    if name.endswith(".docx"):
        _write_docx(path, paragraphs, table)
    else:
        path.write_text("\n".join(paragraphs), encoding="utf-8")
    return apply_amendment(tender or _tender(), read_document(path), str(path))


def test_deadline_and_opening_postponed_in_one_sentence_update_both_with_amendment_source(tmp_path):
    result = _apply(tmp_path, "更正公告.docx", [
        "一、更正事项：",
        "投标截止时间和开标时间均推迟至2031年6月3日上午9时30分，其他内容不变。",
    ])
    assert result.meta.deadline == "2031-06-03T09:30"
    assert result.meta.opening == "2031-06-03T09:30"
    source = result.meta.sources["deadline"]
    assert source.section == "更正公告.docx" and source.paragraph is not None
    assert "推迟至" in source.quote
    assert any("deadline" in w and "2031-06-03T09:30" in w for w in result.warnings)
    assert len(result.amendments) >= 2


def test_original_now_corrected_clause_replaces_the_quoted_text(tmp_path):
    result = _apply(tmp_path, "gz.txt", [
        "原招标文件第三章“故障响应时间不超过2小时”现更正为“故障响应时间不超过1小时”。",
    ])
    clause = next(r for r in result.requirements if r.id == "S1")
    assert clause.text.startswith("★ 故障响应时间不超过1小时")
    assert clause.source.quote.startswith("★ 故障响应时间不超过2小时")  # the page still says this
    assert any("S1" in a and "p.18" in a for a in result.amendments)


def test_original_value_now_changed_updates_money_field(tmp_path):
    result = _apply(tmp_path, "gz.txt", ["原投标保证金为人民币2万元，现变更为人民币1.5万元。"])
    assert result.meta.deposit == 15_000.0
    assert result.meta.sources["deposit"].section == "gz.txt"


def test_before_after_table_rows_are_applied(tmp_path):
    result = _apply(tmp_path, "变更公告.docx", ["变更内容如下："], table=[
        ["序号", "变更事项", "变更前内容", "变更后内容"],
        ["1", "预算金额", "120万元", "150万元"],
        ["2", "资格要求", "投标人须具有有效的安全生产许可证。", "投标人须具有有效的安全生产许可证及ISO9001证书。"],
    ])
    assert result.meta.budget == 1_500_000.0
    qualification = next(r for r in result.requirements if r.id == "Q1")
    assert qualification.text == "投标人须具有有效的安全生产许可证及ISO9001证书。"


def test_english_read_as_and_replaced_with(tmp_path):
    result = _apply(tmp_path, "corrigendum.txt", [
        "Corrigendum No. 1",
        "The last date for submission of bids is extended to 12 June 2031, 3:00 PM.",
        "References to Phase One throughout the RFP have been replaced with ‘Discovery’.",
    ], tender=_tender("en"))
    assert result.meta.deadline == "2031-06-12T15:00"
    clause = next(r for r in result.requirements if r.id == "E1")
    assert "Discovery reports" in clause.text and "Phase One" not in clause.text


def test_english_shall_be_read_as_changes_a_quoted_clause(tmp_path):
    changes = find_changes(read_document(_write_docx(tmp_path / "a.docx", [
        'Clause 4.2: "Phase One reports within 30 days" shall be read as "Phase One reports within 20 days".',
    ])), "a.docx")
    assert len(changes) == 1
    result = _apply(tmp_path, "a2.docx", [
        'Clause 4.2: "Phase One reports within 30 days" shall be read as "Phase One reports within 20 days".',
    ], tender=_tender("en"))
    clause = next(r for r in result.requirements if r.id == "E1")
    assert "within 20 days" in clause.text


def test_unmatched_change_is_reported_not_dropped(tmp_path):
    result = _apply(tmp_path, "gz.txt", ["原招标文件第五章第9条现更正为：供货期为合同签订后30日内。"])
    assert any("could not be matched" in w for w in result.warnings)
    assert result.requirements == _tender().requirements


def test_amendment_without_change_statements_says_so(tmp_path):
    result = _apply(tmp_path, "notice.txt", ["本项目相关事宜通知如下。", "联系人：王工"])
    assert result.warnings and "no change statements" in result.warnings[-1]


def test_original_tender_object_is_not_modified(tmp_path):
    tender = _tender()
    _apply(tmp_path, "gz.txt", ["投标截止时间变更为：2031年7月1日9:00"], tender=tender)
    assert tender.meta.deadline == "2031-05-20T09:30"
    assert tender.warnings == []


def test_deadline_for_questions_does_not_move_the_submission_deadline(tmp_path):
    result = _apply(tmp_path, "gz.txt", ["提出质疑的截止时间变更为2031年5月10日。"])
    assert result.meta.deadline == "2031-05-20T09:30"


@pytest.mark.parametrize("suffix", [".docx", ".txt"])
def test_parse_file_applies_amendment_files_in_order(tmp_path, suffix):
    tender_path = _write_docx(tmp_path / "tender.docx", [
        "某单位物业管理服务项目招标公告", "项目编号：ZB-2031-017",
        "投标截止时间：2031年5月20日9:30", "投标人须具有有效的安全生产许可证。",
    ])
    first = tmp_path / f"first{suffix}"
    second = tmp_path / f"second{suffix}"
    lines_1 = ["投标截止时间变更为：2031年6月1日9:30"]
    lines_2 = ["投标截止时间变更为：2031年6月8日9:30"]
    for path, lines in ((first, lines_1), (second, lines_2)):
        if suffix == ".docx":
            _write_docx(path, lines)
        else:
            path.write_text("\n".join(lines), encoding="utf-8")
    result = parse_file(tender_path, [first, second])
    assert result.meta.deadline == "2031-06-08T09:30"
    assert result.meta.sources["deadline"].section == second.name


def test_from_to_statements_in_chinese_and_english(tmp_path):
    result = _apply(tmp_path, "gz.txt", [
        "更正内容：投标截止时间及开标时间：由2031年5月20日9:30变更为2031年6月10日14:30；",
        "预算金额由120万元调整为135万元。",
    ])
    assert result.meta.deadline == result.meta.opening == "2031-06-10T14:30"
    assert result.meta.budget == 1_350_000.0
    english = _apply(tmp_path, "c.txt", [
        "The bid due date has been changed from 20 May 2031 to 14 June 2031 at 11:00 AM.",
    ], tender=_tender("en"))
    assert english.meta.deadline == "2031-06-14T11:00"
    assert english.meta.opening == "2031-05-20T09:30"


def test_clause_named_by_number_is_replaced_when_exactly_one_clause_has_it(tmp_path):
    tender = _tender()
    tender.requirements += [
        Requirement(id="T5", kind="technical", text="5. 供货期为合同签订后60日内。",
                    source=SourceRef(page=19, section="第三章 用户需求书")),
        Requirement(id="T6", kind="technical", text="6、质保期为一年。",
                    source=SourceRef(page=19, section="第三章 用户需求书")),
        Requirement(id="B6", kind="commercial", text="6、付款方式为验收后一次付清。",
                    source=SourceRef(page=25, section="第四章 合同条款")),
    ]
    result = _apply(tmp_path, "gz.txt", ["原招标文件第三章第5条现更正为：5. 供货期为合同签订后30日内。"],
                    tender=tender)
    assert next(r for r in result.requirements if r.id == "T5").text == "5. 供货期为合同签订后30日内。"
    ambiguous = _apply(tmp_path, "gz2.txt", ["原招标文件第6条现更正为：6、质保期为两年。"], tender=tender)
    assert [r.text for r in ambiguous.requirements] == [r.text for r in tender.requirements]
    assert any("could not be matched" in w for w in ambiguous.warnings)


def test_tender_boilerplate_that_reads_like_a_change_is_not_one(tmp_path):
    path = tmp_path / "rules.txt"
    path.write_text("\n".join([
        "在采购人酌情延长投标截止期的情况下，投标人受投标截止期制约的所有权利和义务均应延长至新的截止时间。",
        "如遇节假日，则顺延至节假日后第一个工作日。",
        "供应商不得变更为不利于满足磋商文件规定的内容。",
        "Any person so removed from the Services shall be replaced by a competent person.",
        "The Tariff shall be revised as per the terms of the agreement.",
    ]), encoding="utf-8")
    assert find_changes(read_document(path), "rules.txt") == []


def test_quoted_clause_with_its_own_full_stop_is_one_change(tmp_path):
    tender = _tender()
    tender.requirements.append(Requirement(kind="commercial", text="★交付期：合同签订之日起90日内完成安装。",
                                           marker="★", substantive=True))
    result = _apply(tmp_path, "gz2.txt", ["1. 原第4.1条：“★交付期：合同签订之日起90日内完成安装。”现更正为："
                                          "“★交付期：合同签订之日起120日内完成安装。”"], tender=tender)
    assert [r.text for r in result.requirements if "交付期" in r.text] == ["★交付期：合同签订之日起120日内完成安装。"]
