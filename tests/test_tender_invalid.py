"""Invalid-bid conditions: enumerated lists, review tables and scattered '否则投标无效' sentences."""

from __future__ import annotations

from test_tender_qualifications import make_doc

from bidkit.document import Document
from bidkit.tender.invalid import extract_invalid_conditions
from bidkit.tender.outline import build_outline


def texts(doc: Document) -> list[str]:
    return [r.text for r in extract_invalid_conditions(build_outline(doc))]


def test_each_item_of_an_invalid_list_is_one_condition():
    doc = make_doc(["第二章 投标人须知", "2.8 有下列情形之一的，评标委员会应当否决其投标：",
                    "⑴投标文件未经投标单位盖章；", "⑵投标报价高于最高投标限价；", "⑶同一投标人提交两个以上不同的投标文件。",
                    "2.9 开标时间另行通知。"])
    assert texts(doc) == ["⑴投标文件未经投标单位盖章；", "⑵投标报价高于最高投标限价；",
                          "⑶同一投标人提交两个以上不同的投标文件。"]


def test_scattered_sentence_with_consequence_is_quoted_from_clause_start():
    doc = make_doc(["第二章 投标人须知",
                    "10.2 投标人应认真阅读招标文件。投标人应按要求提交投标文件，否则投标无效。",
                    "10.3 投标文件用中文编写。"])
    assert texts(doc) == ["10.2 投标人应认真阅读招标文件。投标人应按要求提交投标文件，否则投标无效。"]


def test_two_consequences_in_one_clause_are_two_items():
    doc = make_doc(["3.1 报价超过最高限价的投标无效。投标有效期不足90天的，其投标将被拒绝。"])
    assert texts(doc) == ["3.1 报价超过最高限价的投标无效。", "投标有效期不足90天的，其投标将被拒绝。"]


def test_review_table_rows_count_when_failing_a_row_invalidates_the_bid():
    doc = make_doc(["第四章 评标办法", "1.2 投标文件有任何一项不符合《符合性审查要求》的，投标无效。",
                    "符合性审查要求",
                    ("", [["序号", "审查因素", "审查内容"],
                          ["1", "授权委托书", "按招标文件要求提供授权委托书；"],
                          ["2", "投标报价", "1.未超过最高限价；2.未出现选择性报价；"]]),
                    "2 澄清"])
    assert texts(doc) == ["1.2 投标文件有任何一项不符合《符合性审查要求》的，投标无效。",
                          "授权委托书 | 按招标文件要求提供授权委托书；",
                          "投标报价 | 1.未超过最高限价；", "2.未出现选择性报价；"]


def test_award_cancellation_and_complaints_are_not_invalid_bid_conditions():
    doc = make_doc(["第二章 投标人须知",
                    "5.1 中标人提供虚假材料的，取消其中标资格，投标保证金不予退还。",
                    "5.2 质疑函超过法定期限的，采购人将拒收。",
                    "5.3 有下列情形之一的，投标保证金不予退还：", "（1）中标后放弃中标；"])
    assert texts(doc) == []


def test_contract_chapter_is_skipped():
    doc = make_doc(["第五章 合同条款", "8.1 乙方交付的货物不合格的，甲方有权拒收。"])
    assert texts(doc) == []


def test_english_rejection_sentences():
    doc = make_doc(["Instructions to Bidders",
                    "16. Any Proposal received after the deadline will be rejected.",
                    ("17. Proposals shall be written in English. A Proposal valid for a shorter period "
                     "may be rejected as non-responsive."),
                    "18. The Purchaser will open proposals in public."])
    got = texts(doc)
    assert got[0] == "16. Any Proposal received after the deadline will be rejected."
    assert got[1].endswith("may be rejected as non-responsive.")
    assert len(got) == 2


def test_items_point_to_their_page(corpus):
    from bidkit.pipeline import parse_file

    tender = parse_file(corpus("tenders/zh/zh-06-luodian-school-labor-cs.pdf"))
    items = tender.by_kind("invalid_condition")
    assert 15 <= len(items) <= 60
    assert all(i.page is not None and i.source.quote for i in items)
    joined = "\n".join(i.text for i in items)
    assert "最高投标限价" in joined  # a scattered 不予接受 clause
    assert "劳务派遣经营许可证" in joined  # a row of the 资格性符合性检查 table


def test_lead_in_ending_with_a_full_stop_still_opens_the_list():
    doc = make_doc(["2.3 投标文件出现下列情况之一的，将作为无效投标文件处理。",
                    "⑴投标文件未按规定密封；", "⑵未按要求交纳投标保证金。", "2.4 开标程序如下。"])
    assert texts(doc) == ["⑴投标文件未按规定密封；", "⑵未按要求交纳投标保证金。"]


def test_bid_rejection_before_award_cancellation_still_counts():
    doc = make_doc(["第二章 投标人须知", "9.5 若投标人不接受上述规则，将被否决投标或取消中标资格。",
                    "9.6 中标人放弃中标的，取消其中标资格，其投标无效。"])
    assert texts(doc) == ["9.5 若投标人不接受上述规则，将被否决投标或取消中标资格。"]


def test_list_titles_and_negations_are_not_conditions():
    assert texts(make_doc(["2.5 否决投标情形", "2.6 投标报价高于最高限价的，否决其投标。"])) == \
        ["2.6 投标报价高于最高限价的，否决其投标。"]
    assert texts(make_doc(["Opening", "No Proposal will be rejected at the time of opening."])) == []


def test_us_rfq_and_indian_nit_rejection_phrases_are_conditions():
    doc = make_doc(["4.0 Submission",
                    "Incomplete quotes will be considered unacceptable and will not be further evaluated.",
                    "Contractors taking exception to any terms of the RFQ will not be considered for award.",
                    "No deviation shall be allowed and tenders containing deviations are liable to be rejected.",
                    "The Government will hold a pre-quote call."])
    assert len(texts(doc)) == 3


def test_spaced_chinese_and_traditional_rejection_words_are_found():
    doc = make_doc(["第二章 须知", "1.1 迟到或不符合规定的响应文件恕 不接受。", "1.2 投标总价超过最高限价不能成交。",
                    "1.3 逾期送達之投標文件，概不受理。", "1.4 开标地点另行通知。"], fmt="docx")
    assert [t[:3] for t in texts(doc)] == ["1.1", "1.2", "1.3"]


def test_row_label_naming_rejection_grounds_gives_each_numbered_ground():
    doc = make_doc(["第五章 评审", ("", [["项目内容", "具备的条件说明"],
                                       ["响应被拒绝的情况（主要废标条款）", "（1）响应文件未盖章的；（2）响应有效期不足的；（3）附有采购人不能接受的条件的；"],
                                       ["投标有效期", "不少于90天。"]])])
    assert texts(doc) == ["（1）响应文件未盖章的；", "（2）响应有效期不足的；", "（3）附有采购人不能接受的条件的；"]


def test_following_lead_in_that_states_rejection_heads_a_list():
    doc = make_doc(["10.2.1 Responsiveness",
                    ("Only responsive EOIs are evaluated; the following are the aspects for which an EOI shall be "
                     "rejected as nonresponsive:"),
                    "1) The EOI is not in the prescribed format.", "2) The EOI validity is shorter than required.",
                    "10.3 Shortlisting"])
    assert texts(doc) == ["1) The EOI is not in the prescribed format.", "2) The EOI validity is shorter than required."]


def test_scoring_rows_evidence_rules_and_past_events_are_not_conditions():
    doc = make_doc(["第三章 评标", ("", [["评分因素", "分值", "评分标准"],
                                      ["技术参数响应", "20", "完全满足的得20分；标注★的条款不满足的，按无效投标处理。"]]),
                    "1.1 提供的合同信息不全的，视为无效业绩。",
                    "1.2 投标人近一年内未因违约行为被采购人取消投标资格。",
                    "1.3 如本项目废标后重新招标，原招标文件及投标文件失效。",
                    "1.4 未按招标文件要求编制的投标文件将被拒绝。"], fmt="docx")
    assert texts(doc) == ["1.4 未按招标文件要求编制的投标文件将被拒绝。"]


def test_review_table_with_pass_condition_column_lists_grounds_and_titles_are_not_grounds():
    doc = make_doc(["第三章 评审办法", "一、符合性审查",
                    ("", [["序号", "符合性审查项", "通过条件"],
                          ["1", "响应文件签署、盖章", "签署、盖章符合磋商文件要求，且无遗漏。"],
                          ["2", "响应文件有效期", "符合磋商文件的要求。"]]),
                    "Section 4. Grounds for Rejection"])
    assert texts(doc) == ["响应文件签署、盖章 | 签署、盖章符合磋商文件要求，且无遗漏。", "响应文件有效期 | 符合磋商文件的要求。"]


def test_traditional_chinese_award_or_cancellation_housekeeping_is_not_a_ground():
    doc = make_doc(["第一章 須知", "1. 廠商報價超過預算者為不合格標，不得進入下一階段評審。",
                    "2. 本採購案如完成決標或廢標，廠商原提送之建議書得予領回。"], fmt="docx")
    assert [t[:2] for t in texts(doc)] == ["1."]


def test_review_table_after_two_caption_lines_gives_rows_not_the_caption():
    doc = make_doc(["第四章 评审", "附表2 符合性审查表", "符合性审查表", "项目名称： 项目编号：",
                    ("", [["序号", "审查项", "是否通过"],
                          ["1", "投标文件签字、盖章齐全完整", "法定代表人应当签字或盖章"],
                          ["2", "投标有效期", "不少于90天"]])], fmt="docx")
    assert texts(doc) == ["投标文件签字、盖章齐全完整 | 法定代表人应当签字或盖章", "投标有效期 | 不少于90天"]


def test_consortium_grounds_are_dropped_when_no_consortium_is_accepted():
    doc = make_doc(["第一章 公告", "1. 本项目不接受联合体投标。",
                    "2. 联合体各方未提交联合投标协议的，其投标将被拒绝。",
                    "3. 投标报价超过最高限价的，投标无效。"], fmt="docx")
    assert texts(doc) == ["3. 投标报价超过最高限价的，投标无效。"]


def test_rejection_of_quotations_titles_a_list():
    doc = make_doc(["7.1 Rejection of Quotations", "a) The quotation is not signed by an authorised person.",
                    "b) The quotation is received after the deadline.", "7.2 Award"])
    assert texts(doc) == ["a) The quotation is not signed by an authorised person.",
                          "b) The quotation is received after the deadline."]


def test_template_option_for_consortia_is_not_a_refusal():
    doc = make_doc(["第一章 公告", "1. 本次招标（接受或不接受）联合体投标。",
                    "2. 联合体各方未提交联合投标协议的，其投标将被拒绝。"], fmt="docx")
    assert texts(doc) == ["2. 联合体各方未提交联合投标协议的，其投标将被拒绝。"]


def test_list_items_that_open_alike_are_still_separate_grounds():
    doc = make_doc(["10.2.1 Responsiveness", "The following are aspects for which an EOI shall be rejected:",
                    "6) The system integrator fails to provide the required information.",
                    "7) The system integrator furnishes wrong or misleading data.", "10.2.2 Evaluation"])
    assert len(texts(doc)) == 2


def test_packed_list_in_a_middle_cell_of_a_review_row_is_split():
    doc = make_doc(["第二章 须知", "6.2 符合性审查，有一项不符合审查标准的，投标无效：",
                    ("", [["审查因素", "审查标准", "级别"],
                          ["其他要求", "1.投标文件含有采购人不能接受的附加条件的； 2.投标人被视为串通投标的；", "项目级"]])],
                   fmt="docx")
    assert texts(doc) == ["其他要求 | 1.投标文件含有采购人不能接受的附加条件的； | 项目级", "2.投标人被视为串通投标的；"]


def test_result_in_the_proposal_being_rejected_and_pass_gates_count_but_negations_do_not():
    doc = make_doc(["5. Submission",
                    "Failure to provide the correct password may result in the proposal being rejected.",
                    "Technical Proposals of bidders who pass the minimum eligibility criteria will be evaluated.",
                    "Non-attendance at the pre-bid meeting shall not result in disqualification of a bidder."])
    assert [t[:12] for t in texts(doc)] == ["Failure to p", "Technical Pr"]


def test_rejected_all_together_is_a_consequence():
    doc = make_doc(["第二章 须知", "2.1 投标人之间存在下列情形之一的，其投标将被全部拒绝：",
                    "（1）法定代表人为同一个人的；", "（2）母公司、全资子公司及其控股公司；", "2.2 开标"], fmt="docx")
    assert texts(doc) == ["（1）法定代表人为同一个人的；", "（2）母公司、全资子公司及其控股公司；"]


def test_rows_under_a_compliance_check_group_row_are_grounds():
    doc = make_doc(["第五章 格式", ("", [["项目内容", "具备的条件说明（要求）", "响应"],
                                      ["资格性检查", "", ""],
                                      ["法定基本条件", "符合政府采购法第二十二条规定", ""],
                                      ["符合性检查", "", ""],
                                      ["投标有效期", "不少于90天。", ""],
                                      ["投标报价", "不得超出最高限价。", ""]])], fmt="docx")
    assert texts(doc) == ["投标有效期 | 不少于90天。", "投标报价 | 不得超出最高限价。"]


def test_said_not_to_invalidate_is_not_a_ground():
    doc = make_doc(["第二章 需求", "3.标注“▲”号条款为重要条款，出现负偏离的将予以扣分，不会作无效投标处理；",
                    "4.标注“★”号条款出现负偏离的，投标无效。"], fmt="docx")
    assert [t[:2] for t in texts(doc)] == ["4."]


def test_review_table_far_from_its_rule_still_lists_grounds():
    rows = [["条款号", "评审因素", "评审标准"], ["2.1.1", "投标人名称", "与营业执照一致"],
            ["2.1.2", "投标函签字盖章", "有法定代表人签字并加盖单位章"]]
    filler = [f"3.{k} 评标委员会按规定程序开展工作。" for k in range(1, 40)]
    doc = make_doc(["第三章 评标办法", "形式评审标准", ("", rows), *filler,
                    "3.40 评标委员会依据本章规定的标准对投标文件进行初步评审。有一项不符合评审标准的，评标委员会应当否决其投标。"])
    got = texts(doc)
    assert "投标人名称 | 与营业执照一致" in got and "投标函签字盖章 | 有法定代表人签字并加盖单位章" in got


def test_review_label_cell_repeated_on_each_row_makes_each_row_a_ground():
    rows = [["条款号", "评审类别", "评审因素", "评审标准"],
            ["2.1.1", "形式评审标准", "投标人名称", "与营业执照一致"],
            ["2.1.1", "形式评审标准", "报价唯一", "只能有一个有效报价"]]
    doc = make_doc(["第三章 评标办法", "评标办法前附表", ("", rows),
                    "3.1 有一项不符合评审标准的，评标委员会应当否决其投标。"])
    got = texts(doc)
    assert "投标人名称 | 与营业执照一致" in got and "报价唯一 | 只能有一个有效报价" in got


def test_review_rows_are_not_grounds_without_a_rule_making_them_fatal():
    rows = [["条款号", "评审类别", "评审因素", "评审标准"],
            ["2.1.1", "形式评审标准", "投标人名称", "与营业执照一致"]]
    doc = make_doc(["第三章 评标办法", "评标办法前附表", ("", rows), "3.1 评标委员会按规定程序评审。"])
    assert texts(doc) == []


def test_numbered_grounds_packed_in_one_cell_after_a_lead_in_are_each_a_ground():
    cell = ("有下列情形之一的，评标委员会应当否决其投标：1.投标文件未盖章；2.投标人不具备资格条件；"
            "3.投标报价高于最高限价；4.投标文件附有招标人不能接受的条件。")
    doc = make_doc(["第三章 评标办法", ("", [["条款号", "内容"], ["3.5", cell]])])
    got = texts(doc)
    assert got[-4:] == ["1.投标文件未盖章；", "2.投标人不具备资格条件；", "3.投标报价高于最高限价；",
                        "4.投标文件附有招标人不能接受的条件。"]


def test_withdrawal_integrity_and_score_sheet_voids_are_not_invalid_bids():
    doc = make_doc(["第二章 投标人须知", "6.1 投标截止后投标人撤销投标的行为无效。",
                    "6.2 工作人员不得接受应当拒收的礼品礼金。", "6.3 评委未签字的，该评分表整体无效。"])
    assert texts(doc) == []


def test_pricing_formula_row_is_not_a_ground():
    rows = [["评审因素", "评审标准"], ["评标基准价", "满足招标文件要求且报价最低的为评标基准价，低于成本的投标无效"]]
    doc = make_doc(["第三章 评标办法", ("", rows)])
    assert texts(doc) == []


def test_english_rule_far_from_the_preliminary_examination_table_lists_its_rows():
    rows = [["No.", "Criterion", "Requirement"], ["1", "Bid security", "Submitted in the required form and amount"],
            ["2", "Bid validity", "At least 90 days from the bid submission deadline"]]
    filler = [f"5.{k} The committee keeps minutes of its meetings." for k in range(1, 40)]
    doc = make_doc(["Section 3. Evaluation", "Preliminary Examination", ("", rows), *filler,
                    "5.40 Bids failing to meet any of the preliminary examination criteria shall be rejected."])
    got = texts(doc)
    assert "Bid security | Submitted in the required form and amount" in got
    assert "Bid validity | At least 90 days from the bid submission deadline" in got


def test_packed_cell_beside_a_rejection_conditions_label_gives_one_ground_per_number():
    cell = "1.投标文件未盖章；2.投标报价高于最高限价；3.投标有效期不足。"
    doc = make_doc(["第二章 投标人须知", ("", [["条款号", "条款名称", "内容"], ["10.1", "否决投标条件", cell]])])
    assert texts(doc) == ["1.投标文件未盖章；", "2.投标报价高于最高限价；", "3.投标有效期不足。"]
