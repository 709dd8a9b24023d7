"""Technical and commercial requirements from the tender's requirement chapter."""

from __future__ import annotations

from test_tender_qualifications import make_doc

from bidkit.tender.outline import build_outline
from bidkit.tender.techcom import extract_technical_commercial

CHAPTERS = [
    "第一章 招标公告",
    "1、项目名称：某医院保洁服务。",
    "第五章 采购需求",
    "一、技术要求",
    "1、保洁人员不少于20人，须持健康证上岗；",
    "★2、投标人须提供24小时应急保洁服务；",
    ("", [["序号", "设备名称", "技术参数"],
          ["1", "洗地机", "▲工作宽度≥50cm"],
          ["2", "吸尘器", "功率≥1200W"]]),
    "二、商务要求",
    "1、服务期：合同签订之日起一年。",
    "2、付款方式：按月支付，须提供合规发票。",
    "3、详见合同条款。",
    "第六章 合同文本",
    "1、甲方应按时付款。",
]


def reqs(items, legend=None, fmt="pdf"):
    return extract_technical_commercial(build_outline(make_doc(items, fmt)), legend or {})


def test_clauses_of_the_requirement_chapter_only():
    got = [r.text for r in reqs(CHAPTERS)]
    assert "1、保洁人员不少于20人，须持健康证上岗；" in got
    assert not any("项目名称" in t or "甲方应按时付款" in t for t in got)


def test_sub_headings_switch_between_technical_and_commercial():
    kinds = {r.text: r.kind for r in reqs(CHAPTERS)}
    assert kinds["1、保洁人员不少于20人，须持健康证上岗；"] == "technical"
    assert kinds["2、付款方式：按月支付，须提供合规发票。"] == "commercial"


def test_parameter_table_rows_are_items_with_their_marker():
    items = reqs(CHAPTERS, legend={"▲": "重要参数"})
    rows = [r for r in items if "洗地机" in r.text or "吸尘器" in r.text]
    assert [r.text for r in rows] == ["洗地机 | ▲工作宽度≥50cm", "吸尘器 | 功率≥1200W"]
    assert rows[0].marker == "▲" and rows[1].marker is None


def test_marked_clause_keeps_its_marker_and_headers_and_cross_references_are_skipped():
    items = reqs(CHAPTERS)
    star = next(r for r in items if "应急保洁" in r.text)
    assert star.marker == "★"
    texts = [r.text for r in items]
    assert not any(t.startswith("序号") for t in texts)
    assert "3、详见合同条款。" not in texts


def test_no_requirement_chapter_gives_no_items():
    assert reqs(["第一章 招标公告", "1、项目名称：某项目。", "第二章 投标人须知", "1.1 投标人应遵守法律。"]) == []


def test_english_scope_of_work_without_chapters():
    doc_items = ["Request for Proposal", "Technical Requirements",
                 "The platform must support single sign-on.", "The vendor shall provide 24/7 support.",
                 "Proposal Submission", "Proposals must be sent by email."]
    got = [r.text for r in reqs(doc_items)]
    assert got == ["The platform must support single sign-on.", "The vendor shall provide 24/7 support."]


def test_items_carry_source(corpus):
    from bidkit.pipeline import parse_file

    tender = parse_file(corpus("tenders/zh/zh-12-sichuan-iptv-metadata-cs.docx"))
    items = [r for r in tender.requirements if r.kind in ("technical", "commercial")]
    assert 10 <= len(items) <= 200
    assert {r.kind for r in items} == {"technical", "commercial"}
    assert all(r.page is None and r.source.paragraph for r in items)  # DOCX: paragraph numbers
    assert any(r.marker == "★" for r in items)


def test_clauses_under_a_marked_section_title_inherit_its_marker():
    items = reqs(["第三章 技术及服务要求", "★一、技术及服务要求", "1.数据清洗准确率须不低于99%。",
                  "2.每日须提交工作日报。", "二、其他说明", "1.供应商应配合采购人检查。"])
    marks = {r.text: r.marker for r in items}
    assert marks["1.数据清洗准确率须不低于99%。"] == "★"
    assert marks["2.每日须提交工作日报。"] == "★"
    assert marks["1.供应商应配合采购人检查。"] is None


def test_eligibility_background_and_inventory_tables_in_the_chapter_are_not_items():
    items = ["第一章 招标公告", "1、项目名称：某食堂配送。", "第二章 采购需求",
             "一、项目概况", "本单位现有职工300人，食堂位于二楼。", "配送车辆须在1小时内到达。",
             "二、投标人资格要求", "1、投标人须具备食品经营许可证；",
             "三、服务要求", "1、中标人须保证食品新鲜；",
             ("", [["序号", "出版社"], ["1", "某出版社"], ["2", "另一出版社"]]),
             "第三章 合同文本"]
    got = [r.text for r in reqs(items)]
    assert got == ["配送车辆须在1小时内到达。", "1、中标人须保证食品新鲜；"]


def test_requirements_follow_the_body_title_when_the_chapter_is_a_contents_line():
    from bidkit.tender.outline import Section
    from bidkit.tender.techcom import _body_region
    items = ["Section 4. Evaluation Criteria", "Section 5: Terms of Reference", "Section 6: Forms",
             "The committee will evaluate proposals.",
             "Annex- Terms of Reference",
             "1. The consultant shall deliver a baseline report within 30 days.",
             "2. The consultant shall train 40 staff.",
             "Section 7: Forms", "1. The bidder shall sign Form A."]
    outline = build_outline(make_doc(items))
    contents_line = Section(title="Section 5: Terms of Reference", start=1, end=2)
    assert _body_region(outline, contents_line) == (4, 7)
    whole_chapter = Section(title="Section 5: Terms of Reference", start=1, end=7)
    assert _body_region(outline, whole_chapter) == (1, 7)


def test_a_title_as_high_as_the_commercial_one_returns_to_technical():
    items = ["第一章 公告", "1、项目名称：某食堂服务。", "第五章 采购需求",
             "一、付款方式", "1、按月支付，须提供发票。", "（一）其他", "1、发票须在5日内提供。",
             "二、食堂管理", "1、供应商须每日清运厨余垃圾。", "第六章 合同文本"]
    kinds = {r.text: r.kind for r in reqs(items)}
    assert kinds["1、按月支付，须提供发票。"] == "commercial"
    assert kinds["1、发票须在5日内提供。"] == "commercial"
    assert kinds["1、供应商须每日清运厨余垃圾。"] == "technical"
