from bidkit.document import Block, Document
from bidkit.model import ScoringItem, Tender
from bidkit.readers import read_document
from bidkit.tender.outline import build_outline
from bidkit.tender.scoring import extract_scoring
from bidkit.tender.validate import validate_tender


def doc_of(blocks: list[Block], fmt: str = "docx") -> Document:
    for i, b in enumerate(blocks):
        b.index = i
    return Document(path=f"x.{fmt}", format=fmt, blocks=blocks)


def para(text: str, page: int | None = None) -> Block:
    return Block(kind="paragraph", text=text, index=0, page=page, paragraph=None if page else 1)


def table(rows: list[list[str]], paragraph: int = 10) -> Block:
    return Block(kind="table", text="\n".join(" | ".join(r) for r in rows), rows=rows, index=0,
                 paragraph=paragraph)


def test_table_split_across_pages_keeps_continuation_rows_with_their_item():
    doc = doc_of([para("第三章 评标办法"), para("评分规则："),
                  table([["评分项目", "分值区间", "评分办法"], ["报价分", "0~ 10", "价格分公式"]], 40),
                  table([["", "", "续上页的价格说明"], ["服务方 案", "0~25", "方案完整得 25 分"]], 41),
                  table([["", "", "…最多得 5 分"], ["类似项目经验", "0~5", "每个得1分"]], 42)])
    items, _ = extract_scoring(build_outline(doc))
    assert [(i.item, i.points) for i in items] == [("报价分", 10), ("服务方案", 25), ("类似项目经验", 5)]
    assert "续上页" in items[0].criteria
    assert items[0].category == "价格" and items[0].source.paragraph == 40


def test_group_rows_set_the_category_and_are_not_items():
    doc = doc_of([table([["序号", "评分因素", "分值", "评分标准"], ["商务部分（9分）"] * 4,
                         ["1", "类似业绩", "9分", "每个 3 分"], ["技术部分（91分）"] * 4,
                         ["2", "服务方案（91%）", "91分", "优 91 分"], ["合计", "", "100分", ""]])])
    items, _ = extract_scoring(build_outline(doc))
    assert [(i.category, i.item, i.points) for i in items] == [("商务", "类似业绩", 9), ("技术", "服务方案", 91)]


def test_merged_group_cells_give_one_item_per_sub_row():
    rows = [["序号", "项目", "内容", "评分标准"],
            ["1", "企业资信（2分）", "依法登记，有相应资质（2分）", "…"],
            ["2", "人员管理（2分）", "人员储备（1分）", "…"],
            ["", "", "培训方案（1分）", "…"]]
    items, _ = extract_scoring(build_outline(doc_of([table(rows)])))
    assert [(i.item, i.points) for i in items] == [("企业资信", 2), ("人员储备", 1), ("培训方案", 1)]


def test_pdf_text_lines_with_numbered_rows():
    blocks = [para("第四章 评标办法", 30), para("二、评标标准序号 评分因素 分值 评分标准商务部分（9 分）", 33),
              para("1.1 类似项目业绩 9 分每提供一个类似项目得3分，最高得9分。", 33),
              para("技术部分（81 分）", 33), para("2.1 服务方案 18分针对本项目阐述理解：", 33),
              para("2.2综合管理服务流程、菜品质量控制方案", 33), para("15分针对本项目提供方案：", 33),
              para("2.3 荣誉、奖项投标人获得 A 级证书的得 5 分，B 级得 3 分。", 34),
              para("合计 100分", 34), para("5.1 评标委员会应当报告。", 34)]
    items, total = extract_scoring(build_outline(doc_of(blocks, "pdf")))
    assert total == 100
    assert [(i.item, i.points) for i in items] == [
        ("类似项目业绩", 9), ("服务方案", 18), ("综合管理服务流程、菜品质量控制方案", 15), ("荣誉、奖项", 5)]
    assert items[0].page == 33 and items[0].category == "商务"


def test_pdf_text_lines_with_point_ranges_on_one_merged_line():
    blocks = [para("6.2.5.2 评分细则", 16), para("评分项目 分值区间 评分办法商务报价分 0~10 最低价/报价*10。", 16),
              para("17 得 7 分。 人员配备 0~12 满足要求得 12 分。 企业业绩 0~10 每个得 2 分。", 17),
              para("6.2.6 评标结果", 18)]
    items, _ = extract_scoring(build_outline(doc_of(blocks, "pdf")))
    assert [(i.item, i.points) for i in items] == [("商务报价分", 10), ("人员配备", 12), ("企业业绩", 10)]


def test_english_points_rows():
    blocks = [para("Technical Evaluation Criteria Points obtainable", 6),
              para("1.1 Professional Experience 20", 6), para("1.2 Technical Capacity 10", 6),
              para("2.1 Is the work plan clear and realistic?", 7), para("Total 100", 7)]
    doc = doc_of(blocks, "pdf")
    items, total = extract_scoring(build_outline(doc))
    assert [(i.item, i.points) for i in items][:2] == [("Professional Experience", 20), ("Technical Capacity", 10)]
    assert items[2].item == "Is the work plan clear and realistic?" and items[2].points is None
    assert total == 100


def test_points_that_do_not_add_up_raise_a_warning():
    tender = Tender(scoring=[ScoringItem(item="a", points=60), ScoringItem(item="b", points=30)],
                    scoring_total=100)
    assert any("90" in w and "100" in w for w in validate_tender(tender))
    tender.scoring.append(ScoringItem(item="c", points=10))
    assert not any("add up" in w for w in validate_tender(tender))


def test_real_docx_scoring_table_split_over_pages(corpus):
    doc = read_document(corpus("tenders/zh/zh-13-baoshan-police-property-gk.docx"))
    items, _ = extract_scoring(build_outline(doc))
    assert len(items) == 12 and sum(i.points for i in items) == 100
    assert items[1].item == "整体服务方案策划及实施"


def test_real_pdf_scoring_rows_have_pages(corpus):
    doc = read_document(corpus("tenders/zh/zh-01-bj-forestfire-catering-gk.pdf"))
    items, total = extract_scoring(build_outline(doc))
    assert sum(i.points for i in items) == 100 and total == 100
    assert {i.page for i in items} <= {33, 34}


def test_pdf_table_with_shifted_columns_is_read_row_by_row():
    rows = [["Technical Proposal Evaluation Form 1", "", "", "Points obtainable", ""],
            ["", "Expertise of the firm", "", "", ""],
            ["1.1", "", "Professional Experience", "20", ""],
            ["1.2", "", "Technical Capacity", "10", ""],
            ["", "", "", "", "30"], ["", "Total Part 1", "", "", "30"]]
    doc = doc_of([Block(kind="table", text="t", rows=rows, index=0, page=7)], "pdf")
    items, _ = extract_scoring(build_outline(doc))
    assert [(i.item, i.points, i.page) for i in items] == [
        ("Professional Experience", 20, 7), ("Technical Capacity", 10, 7)]


def test_post_award_appraisal_sheet_is_not_bid_scoring():
    rows = [["考核项目", "", "分值", "评分标准"], ["企业管理（10分）", "管理制度", "5", "落实情况"],
            ["", "培训教育", "5", "培训情况"]]
    items, _ = extract_scoring(build_outline(doc_of([table(rows)])))
    assert items == []


def test_sub_criteria_rows_add_up_and_named_sub_items_are_split():
    rows = [["序号", "评审项目", "评审内容", "标准分值"],
            ["1", "企业规模", "纳税排名", "2"], ["", "", "净资产排名", "2"],
            ["2", "技术部分（20分）", "服务方案（12分）\n方案完整得12分", "12"],
            ["", "", "风险管理（8分）\n完整得8分", "8"], ["合    计", "", "", "24"]]
    items, _ = extract_scoring(build_outline(doc_of([table(rows)])))
    assert [(i.item, i.points) for i in items] == [("企业规模", 4), ("服务方案", 12), ("风险管理", 8)]


def test_of_two_points_columns_the_filled_one_is_used():
    rows = [["类别", "分 值", "项目", "权重", "评分办法"],
            ["技术部分", "90", "重点难点分析", "10", "…"], ["", "", "工作内容介绍", "30", "…"],
            ["", "", "服务承诺", "5", "…"]]
    items, _ = extract_scoring(build_outline(doc_of([table(rows)])))
    assert [(i.item, i.points, i.category) for i in items] == [
        ("重点难点分析", 10, "技术"), ("工作内容介绍", 30, "技术"), ("服务承诺", 5, "技术")]


def test_scoring_written_as_a_numbered_list():
    blocks = [para("第四章 评标办法（综合评估法，总分100分）"), para("一、投标报价（40分）"),
              para("1.以有效投标报价算术平均值为基准价；"), para("二、技术方案（45分）"),
              para("1.深化设计能力（25分）：图纸深度；"), para("2.安装方案（20分）：进度计划；"),
              para("三、信誉（15分）"), para("无失信记录得15分。"), para("第五章 合同")]
    items, total = extract_scoring(build_outline(doc_of(blocks)))
    assert [(i.item, i.points) for i in items] == [
        ("投标报价", 40), ("深化设计能力", 25), ("安装方案", 20), ("信誉", 15)]
    assert items[0].category == "价格" and total == 100


def test_two_stage_scales_do_not_warn_but_a_missing_row_does():
    tender = Tender(scoring=[ScoringItem(item="a", points=60, category="Technical"),
                             ScoringItem(item="b", points=40, category="Technical"),
                             ScoringItem(item="Financial score", points=100, category="Financial")],
                    scoring_total=100)
    assert not any("add up" in w for w in validate_tender(tender))
    tender.scoring[1].points = 30
    assert any("add up to 190" in w for w in validate_tender(tender))


def test_sub_factors_numbered_in_one_criteria_cell_are_items_when_they_add_up():
    doc = doc_of([para("第三章 评标办法"),
                  table([["序号", "评分因素", "评分说明", "分值"],
                         ["1", "价格（30 分）", "低价优先法。", "0-30"],
                         ["2", "技术部分（55 分）", ("1.技术响应（40 分）：\n完全满足得 40 分。\n2.增值服务（15 分）：\n"
                                                   "得 15 分。"), "0-55"],
                         ["3", "业绩（15 分）", "1.每个业绩（3 分）：\n例如。", "0-15"]])])
    items, _ = extract_scoring(build_outline(doc))
    assert [(i.item, i.points) for i in items] == [("价格", 30), ("技术部分", 55), ("技术响应", 40),
                                                   ("增值服务", 15), ("业绩", 15)]


def test_groups_listed_with_their_sub_items_do_not_warn():
    tender = Tender(scoring=[ScoringItem(item=n, points=p) for n, p in
                             [("价格", 30), ("技术部分", 55), ("技术响应", 40), ("增值服务", 15), ("业绩", 15)]],
                    scoring_total=100)
    assert not any("add up" in w for w in validate_tender(tender))
    tender.scoring[-1].points = 10
    assert any("add up" in w for w in validate_tender(tender))


def test_adjectival_rating_factors_are_items_without_points():
    doc = doc_of([para("3.0 Basis of award", 7), para("Technical approach is more important than price.", 7),
                  para("3.3.2.1 - Technical Approach", 8), para("The following ratings will be used:", 8),
                  para("● Exceptional: Quotations explain methods in detail.", 8),
                  para("● Good: Quotations explain methods.", 8), para("● Poor: Quotations fail.", 8),
                  para("3.3.2.2 - Management Approach", 9), para("The following ratings will be used:", 9),
                  para("● Very Likely: the contractor will succeed.", 9),
                  para("● Unlikely: the contractor will not succeed.", 9),
                  para("3.3.2.3 Pricing", 9), para("Prices will be evaluated separately.", 9),
                  para("4.0 Submission process", 10), para("4.1 Submission instructions", 10)])
    items, _ = extract_scoring(build_outline(doc))
    assert [(i.item, i.points, i.page) for i in items] == [
        ("Technical Approach", None, 8), ("Management Approach", None, 9), ("Pricing", None, 9)]


def test_note_row_under_a_scoring_table_is_not_an_item():
    doc = doc_of([para("第三章 评标办法"),
                  table([["评分项目", "分值", "评分标准"], ["同类业绩", "10", "每个得2分"], ["价格", "90", "低价优先"],
                         ["说明：本项目如果属于专门面向中小企业采购的，价格不扣除。", "", ""]])])
    items, _ = extract_scoring(build_outline(doc))
    assert [(i.item, i.points) for i in items] == [("同类业绩", 10), ("价格", 90)]


def test_note_inside_a_continued_criteria_cell_keeps_its_sub_factors():
    doc = doc_of([para("第三章 评标办法"),
                  table([["序号", "评分因素", "评分说明", "分值"],
                         ["1", "技术部分（20 分）", "1.技术响应（12 分）：\n满足得 12 分。", "0-20"],
                         ["", "", "注：需提供证明材料。\n2.增值服务（8 分）：\n得 8 分。", ""]])])
    items, _ = extract_scoring(build_outline(doc))
    assert [(i.item, i.points) for i in items] == [("技术部分", 20), ("技术响应", 12), ("增值服务", 8)]


def test_price_scored_by_its_own_formula_is_an_item_with_the_formula_scale():
    doc = doc_of([para("SECTION 3: EVALUATION"),
                  table([["Criteria", "Points"], ["Experience of the firm", "30"], ["Work plan", "40"],
                         ["Key personnel", "30"]]),
                  para("Only proposals with at least 70 technical points are opened in the second stage."),
                  para("The financial score is computed as follows: Sf = 100 x Fm/F, Fm being the lowest price."),
                  para("Weights: technical 0.7, financial 0.3.")])
    items, total = extract_scoring(build_outline(doc))
    assert [(i.category, i.item, i.points) for i in items][-1] == ("Financial", "Financial score", 100)
    assert len(items) == 4 and total is None  # the price scale is not a total of the criteria


def test_formula_price_item_is_not_added_when_a_row_already_scores_the_price():
    doc = doc_of([para("第三章 评标办法"),
                  table([["评分因素", "分值", "评分标准"], ["价格分", "30", "价格分=（评标基准价/投标报价）×30"],
                         ["服务方案", "40", "优得40分"], ["业绩", "30", "每个得10分"]]),
                  para("综合得分=技术标得分*50%+商务标得分*50%，价格分=（评标基准价/投标报价）×100")])
    items, _ = extract_scoring(build_outline(doc))
    assert [i.item for i in items] == ["价格分", "服务方案", "业绩"]
    rows = [["评分因素", "分值", "评分标准"], ["服务方案", "40", "优得40分"], ["业绩", "30", "每个得10分"],
            ["人员", "30", "每人得5分"]]
    doc = doc_of([para("第三章 评标办法"), table(rows),
                  para("技术权重50%，价格权重50%，价格分=(1-系数x|1-评标价/满分基准值|)x100")])
    items, _ = extract_scoring(build_outline(doc))
    assert (items[-1].category, items[-1].item, items[-1].points) == ("价格", "价格分", 100)


def test_maximum_financial_score_sentence_gives_the_price_scale():
    doc = doc_of([para("SECTION 5: EVALUATION"),
                  table([["Criteria", "Points"], ["Experience", "40"], ["Methodology", "60"]]),
                  para("The lowest evaluated Financial Proposal (Fm) will be given the maximum financial score "
                       "(Sf) of 100 points.")])
    items, _ = extract_scoring(build_outline(doc))
    assert [(i.item, i.points) for i in items] == [("Experience", 40), ("Methodology", 60), ("Financial score", 100)]


def test_technical_and_financial_weights_are_the_two_parts_of_a_combined_score():
    doc = doc_of([para("SECTION 5: EVALUATION"),
                  table([["Criteria", "Points"], ["Experience of the firm in financial years", "40"],
                         ["Methodology", "60"]]),
                  para("Combined Scoring Method, using the 70%-30% distribution for technical and financial "
                       "proposals respectively.")])
    items, _ = extract_scoring(build_outline(doc))
    assert [(i.category, i.item, i.points) for i in items][-2:] == [
        ("Technical", "Technical Proposal", 70), ("Financial", "Financial Proposal", 30)]
