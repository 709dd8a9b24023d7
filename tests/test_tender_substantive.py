"""Substantive clauses: marked paragraphs, table rows, ★ section headings and （实质性格式） forms."""

from __future__ import annotations

from bidkit.document import Block, Document
from bidkit.tender.legend import extract_legend
from bidkit.tender.outline import build_outline
from bidkit.tender.substantive import extract_substantive

STAR_LEGEND = "2.10 招标文件中凡标有“★”的条款均系实质性要求条款。"


def _run(*items, fmt="pdf"):
    blocks = []
    for i, item in enumerate(items):
        page = 1 + i if fmt == "pdf" else None
        para = None if fmt == "pdf" else 10 + i
        if isinstance(item, list):
            blocks.append(Block(kind="table", text="\n".join(" | ".join(r) for r in item), rows=item,
                                index=i, page=page, paragraph=para))
        else:
            blocks.append(Block(kind="paragraph", text=item, index=i, page=page, paragraph=para))
    outline = build_outline(Document(path=f"t.{fmt}", format=fmt, blocks=blocks))
    legend = extract_legend(outline)
    return extract_substantive(outline, legend)


def test_marked_clause_is_listed_from_its_marker_with_its_page():
    items = _run(STAR_LEGEND, "5. 供应商应具备相关资质。", "★6. 供应商应承诺不转包本项目。")
    assert [r.text for r in items] == ["★6. 供应商应承诺不转包本项目。"]
    r = items[0]
    assert r.kind == "substantive" and r.substantive and r.marker == "★" and r.page == 3
    assert r.source.quote.startswith("★6")


def test_legend_sentence_and_references_to_star_clauses_are_not_clauses():
    items = _run(STAR_LEGEND, "技术要求中★号条款必须满足，否则按无效投标处理。", "对标有“★”的条款出现负偏离的，投标无效。")
    assert items == []


def test_parameter_table_rows_with_a_star_are_clauses():
    table = [["序号", "参数", "要求"], ["1", "★防护等级", "不低于 IP55"], ["2", "颜色", "白色"]]
    items = _run(STAR_LEGEND, table)
    assert [r.text for r in items] == ["★防护等级 | 不低于 IP55"]


def test_marker_that_is_not_substantive_here_is_ignored():
    items = _run("标注“▲”号的条款为重要条款，负偏离将扣分，不会作无效投标处理。", "▲1. 设备宜采用变频控制。")
    assert items == []


def test_no_markers_means_no_substantive_clauses():
    assert _run("投标人必须满足以下要求。", "1. 具有独立法人资格。") == []


def test_star_heading_marks_the_clauses_of_its_section():
    items = _run(
        "第三章 采购需求",
        "★一、技术及服务要求",
        "1.服务内容：按采购人要求维护数据。",
        "2.服务时间：一年。",
        "二、其他说明",
        "本节不属于实质性要求。",
        "注：标注“★”号的条款为本次采购项目的实质性要求，供应商应全部满足。",
        fmt="docx",
    )
    texts = [r.text for r in items]
    assert texts[0] == "★一、技术及服务要求"
    assert "1.服务内容：按采购人要求维护数据。" in texts and "2.服务时间：一年。" in texts
    assert not any("不属于" in t for t in texts)
    assert items[1].source.paragraph == 12 and items[1].marker == "★"


def test_substantive_format_form_titles_are_listed_but_not_the_contents_page():
    items = _run(
        "10.2 对于招标文件中标记了“实质性格式”文件的，投标人不得改变格式，否则投标无效。",
        "1 投标书（实质性格式）.............................81",
        "1 投标书（实质性格式）投标书致：（采购人）我方参加你方组织的招标活动。",
    )
    assert [r.text for r in items] == ["投标书（实质性格式）"]
    assert items[0].marker == "实质性格式" and items[0].page == 3


def test_corpus_tender_star_clauses(corpus):
    from bidkit.readers import read_document

    outline = build_outline(read_document(corpus("tenders/zh/zh-01-bj-forestfire-catering-gk.pdf")))
    items = extract_substantive(outline, extract_legend(outline))
    stars = [r for r in items if r.marker == "★"]
    assert [r.text[:2] for r in stars] == ["★6", "★9"] and {r.page for r in stars} == {47}
    assert sum(r.marker == "实质性格式" for r in items) == 6


def test_requirement_tables_with_a_mandatory_type_column():
    table = [["ID", "Requirement", "Type"],
             ["F-01", "The system shall apply retention schedules automatically.", "M"],
             ["F-02", "The system should offer a mobile app.", "D"]]
    form = [["Req.", "Type", "Response"], ["F-01", "M", ""]]
    items = _run('Requirements marked "M" in the tables below are mandatory; a Proposal that does not meet '
                 'them will be rejected.', 'Requirements marked "D" are desirable, not mandatory.', table, form)
    assert [(r.text, r.marker) for r in items] == [("The system shall apply retention schedules automatically.", "M")]


def test_a_clause_repeated_in_a_deviation_table_is_listed_once():
    items = _run(STAR_LEGEND, "★（1）本项目为总价包干。", [["序号", "招标要求", "响应"], ["1", "★（1）本项目为总价包干。", ""]])
    assert len(items) == 1 and items[0].page == 2


def test_star_form_label_alone_on_its_line_takes_the_title_from_the_next_line():
    items = _run(STAR_LEGEND, "★附件 1：", "投标函", "致：（采购人名称）", "★附件 2：", "开标一览表")
    assert [r.text for r in items] == ["★附件 1：投标函", "★附件 2：开标一览表"]


def test_bare_form_label_does_not_swallow_a_sentence_or_an_addressee():
    items = _run(STAR_LEGEND, "★附件 3：", "致：某某招标有限公司：")
    assert [r.text for r in items] == ["★附件 3："]


def test_marked_form_listed_once_when_its_title_repeats_an_earlier_list_item():
    items = _run(STAR_LEGEND, "★5-1 法定代表人授权委托书", "★5-2 具有履行合同所必需的设备和专业技术能力的声明",
                 "★附件 5-1：", "法定代表人授权委托书",
                 "★附件 5-2：", "履行合同所必需的设备和专业技术能力的声明")
    assert [r.text for r in items] == ["★5-1 法定代表人授权委托书", "★5-2 具有履行合同所必需的设备和专业技术能力的声明"]


def test_clause_quoting_a_marked_heading_inside_is_not_a_duplicate_of_it():
    items = _run(STAR_LEGEND, "★三、商务和其他要求", "（1）采购人按照★三、商务和其他要求 4、验收标准完成验收后结算。")
    assert len(items) == 2


def test_marker_closing_a_clause_marks_it():
    items = _run(STAR_LEGEND, "1.投标人须具备ISO9001质量管理体系认证。★", "2.普通要求。", "3.质保期三年（★）")
    assert [r.text for r in items] == ["1.投标人须具备ISO9001质量管理体系认证。★", "3.质保期三年（★）"]


def test_marker_in_its_own_column_marks_the_rest_of_the_row():
    table = [["序号", "技术参数", "重要性"], ["1", "工作温度 -20~50℃", "★"], ["2", "外壳颜色白色", ""]]
    assert [r.text for r in _run(STAR_LEGEND, table)] == ["★ 工作温度 -20~50℃"]


def test_corpus_star_forms_titled_on_the_next_line_are_listed_once(corpus):
    from bidkit.readers import read_document

    outline = build_outline(read_document(corpus("tenders/zh/zh-02-pku-cashl-journals-gk.pdf")))
    texts = [r.text for r in extract_substantive(outline, extract_legend(outline))]
    assert "★附件 1：投标函" in texts and "★附件 9：投标保证金说明函" in texts
    assert not any(t.startswith("★附件 5-") for t in texts)  # the ★5-1…5-9 list already names them


def test_rows_that_differ_only_in_a_latin_parameter_name_are_both_listed():
    table = [["序号", "参数"], ["1", "★CPU：不低于8核"], ["2", "★GPU：不低于8核"]]
    assert [r.text for r in _run(STAR_LEGEND, table)] == ["★CPU：不低于8核", "★GPU：不低于8核"]


def test_star_after_the_numbering_of_a_heading_marks_the_clauses_of_its_section():
    items = _run(STAR_LEGEND, "（九）★退出机制", "1. 供应商退出须提前三个月书面通知。", "2. 退出时应移交全部资料。",
                 "（十）付款方式", "1. 按月支付。")
    texts = [r.text for r in items]
    assert texts == ["（九）★退出机制", "1. 供应商退出须提前三个月书面通知。", "2. 退出时应移交全部资料。"]
    assert [r.priority for r in items] == [1, 2, 2]


def test_unnumbered_star_heading_marks_its_numbered_clauses_up_to_the_next_title():
    items = _run(STAR_LEGEND, "★合同条款内容", "1. 合同期限为一年。", "2. 不得转包本项目。", "验收要求",
                 "1. 按国家标准验收。")
    assert [r.text for r in items] == ["★合同条款内容", "1. 合同期限为一年。", "2. 不得转包本项目。"]


def test_unnumbered_star_heading_followed_by_prose_marks_only_itself():
    items = _run(STAR_LEGEND, "★合同条款内容", "本合同条款以采购人与中标人签订的合同为准。", "1. 其他条款。")
    assert [r.text for r in items] == ["★合同条款内容"]


def test_contract_articles_under_a_star_heading_are_its_clauses():
    items = _run(STAR_LEGEND, "★合同条款内容", "第一条 合同期限为一年。", "第二条 不得转包本项目。", "验收要求",
                 "第一条 按国家标准验收。")
    assert [r.text for r in items] == ["★合同条款内容", "第一条 合同期限为一年。", "第二条 不得转包本项目。"]
