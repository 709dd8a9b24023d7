"""Key facts from label:value text, table rows and covers; money and date parsing in text.py."""

from __future__ import annotations

import pytest

from bidkit.document import Block, Document
from bidkit.tender.meta import extract_meta
from bidkit.tender.outline import build_outline
from bidkit.tender.text import cn_number, find_money, parse_datetime


def _doc(*items, fmt="pdf") -> Document:
    blocks = []
    for i, item in enumerate(items):
        if isinstance(item, list):
            text = "\n".join(" | ".join(r) for r in item)
            blocks.append(Block(kind="table", text=text, rows=item, index=i, page=1 + i // 10))
        else:
            blocks.append(Block(kind="paragraph", text=item, index=i, page=1 + i // 10))
    return Document(path=f"t.{fmt}", format=fmt, blocks=blocks)


def _meta(*items):
    return extract_meta(build_outline(_doc(*items)))


@pytest.mark.parametrize("text, amount", [
    ("82.5 万元", 825000), ("人民币捌万元整", 80000), ("¥1,234.00元", 1234), ("INR 10,000/-", 10000),
    ("Rs. 5 lakh", 500000), ("壹佰贰拾万元整", 1200000), ("USD 25,000", 25000), ("￥ 5,000", 5000),
    ("¥171867.30元", 171867.3), ("¥12.5万元", 125000),
])
def test_money_amounts_are_converted_to_units_of_the_currency(text, amount):
    assert find_money(text)[0].amount == amount


def test_unit_prices_are_flagged_but_per_year_budgets_are_not():
    assert find_money("单价限高价1400元/组")[0].per_unit
    assert not find_money("预算923680元/年")[0].per_unit


@pytest.mark.parametrize("text, iso", [
    ("2026 年 01 月 20 日 10 点 00 分（北京时间）", "2026-01-20T10:00"),
    ("13 February 2023 - 7.00 PM (Indian Standard Time)", "2023-02-13T19:00"),
    ("2024-12-23 09:30:00 时前", "2024-12-23T09:30"),
    ("2025 年 1 月 15 日 9 时 00 分", "2025-01-15T09:00"),
    ("no later than January 11,\n2012 at 5.00 pm local time", "2012-01-11T17:00"),
    ("12th of Sep 2021 at 12:00 pm", "2021-09-12T12:00"),
    ("113年5月1日下午2時30分", "2024-05-01T14:30"),
    ("2025年5月22日至5月28日", "2025-05-22"),
])
def test_dates_become_iso_local_time(text, iso):
    assert parse_datetime(text) == iso


def test_chinese_numerals_are_read():
    assert cn_number("十五") == 15 and cn_number("捌万元整") == 80000 and cn_number("abc") is None
    assert cn_number("壹亿贰仟万元") == 120_000_000 and cn_number("壹佰贰拾万零伍佰元整") == 1_200_500


def test_notice_labels_give_the_key_facts_even_when_a_pdf_merged_them_into_one_line():
    meta = _meta(
        "项目名称：某某学校食堂服务项目项目编号/包号：ABC-2026-001采 购 人：某某学校采购代理机构：某某招标有限公司",
        "竞争性磋商文件",
        "3.项目预算金额： 82.5 万元、项目最高限价（如有）： 80 万元",
        "四、提交投标文件截止时间、开标时间和地点投标截止时间、开标时间： 2026 年 01 月 20 日 10 点 00 分",
        "12.1投标保证金金额：", "01 包：12,000.00 元整；",
    )
    assert meta.project_name == "某某学校食堂服务项目"
    assert meta.project_number == "ABC-2026-001"
    assert meta.purchaser == "某某学校" and meta.agency == "某某招标有限公司"
    assert meta.procedure == "竞争性磋商"
    assert (meta.budget, meta.max_price, meta.deposit) == (825000, 800000, 12000)
    assert meta.deadline == meta.opening == "2026-01-20T10:00"
    assert meta.currency == "CNY" and meta.lots == 1
    assert meta.sources["budget"].page == 1 and "82.5" in meta.sources["budget"].quote


def test_front_table_rows_are_read_as_label_value_and_no_deposit_means_null():
    meta = _meta(
        "第二章 投标人须知", "一、前附表",
        [["序号", "内容", "要求"], ["8", "最高限价", "本项目最高限价为人民币包 1-10787900.00 元元"],
         ["10", "投标保证金", "本项目不收取"], ["11", "招标形式", "公开招标"]],
        "2、投标截止时间：2024-11-26 09:00:00", "八、开标时间及地点：", "本次招标将于 2024-11-26 09:00:00 时整开标",
    )
    assert meta.max_price == 10787900
    assert meta.deposit is None and "deposit" in meta.sources
    assert meta.procedure == "公开招标"
    assert meta.opening == "2024-11-26T09:00"


def test_unit_price_caps_are_not_taken_as_the_maximum_price():
    meta = _meta("8．最高投标限价：按大编组单价限高价1400元/组（含增值税），小编组单价限高价500元/组。")
    assert meta.max_price is None


def test_opening_same_as_deadline_is_resolved():
    meta = _meta("1、投标文件提交截止时间：2025 年 1 月 15 日 9 时 00 分（北京时间）。", "1、开标时间：同投标文件提交截止时间。")
    assert meta.opening == "2025-01-15T09:00"


def test_a_cover_name_with_lost_glyphs_gives_way_to_the_definition():
    meta = _meta("采购单位：上      安局宝山分局", "2.3 “采购人 ”系指上海市公安局宝山分局。")
    assert meta.purchaser == "上海市公安局宝山分局"


def test_project_name_falls_back_to_the_line_above_the_cover_title():
    meta = _meta("项目编号：X-2024-1", "2024 年某区物业 管理服务", "公开招标文件", "目 录")
    assert meta.project_name == "2024年某区物业管理服务"


def test_english_rfp_cover_and_data_sheet():
    meta = _meta(
        "REQUEST FOR PROPOSAL Solar Resource Centre Assessment in Three Countries RFP No.: 02/01/2023-XYZ Country: India",
        "Section 1. Letter of Invitation The International Solar Alliance (ISA) hereby invites you to submit a Proposal.",
        "14 23 Deadline for Submission 13 February 2023 - 7.00 PM (Indian Standard Time)",
        "6 Bid Security NIL",
        "All prices shall be quoted in Indian Rupees (INR) only.",
    )
    assert meta.procedure == "RFP"
    assert meta.project_name == "Solar Resource Centre Assessment in Three Countries"
    assert meta.project_number == "02/01/2023-XYZ"
    assert meta.purchaser == "International Solar Alliance"
    assert meta.deadline == "2023-02-13T19:00"
    assert meta.deposit is None and meta.currency == "INR"


def test_corpus_tender_meta_matches_the_notice(corpus):
    from bidkit.readers import read_document

    meta = extract_meta(build_outline(read_document(corpus("tenders/zh/zh-10-hanshan-pump-station-supply-install-zb.pdf"))))
    assert meta.project_number == "MASJY-QT-H-2024-1593"
    assert meta.budget == meta.max_price == 1974000
    assert meta.deadline == meta.opening == "2025-01-15T09:00"
    assert meta.procedure == "公开招标" and meta.deposit is None
    assert meta.sources["project_number"].page is not None


def test_organisation_name_on_the_line_after_its_heading():
    meta = _meta("1.招标人信息", "名称：某某县供水有限公司", "地址：某某路 1 号", "2.招标代理机构信息", "名称：某某项目管理有限公司")
    assert meta.purchaser == "某某县供水有限公司"
    assert meta.agency == "某某项目管理有限公司"


def test_english_cover_title_split_over_lines():
    meta = _meta("Abu Dhabi Example Office", "Request for Proposal (RFP)", "For", "Learning Experience Platform",
                 "Aug 2021", "RFP Reference: ABC/INV/2021/08/011")
    assert meta.project_name == "Learning Experience Platform"
    assert meta.project_number == "ABC/INV/2021/08/011"


@pytest.mark.parametrize("text, iso", [
    ("Bid End Date/Time 21-03-2024 15:00:00", "2024-03-21T15:00"),
    ("last date: 20.05.2024 up to 1500 hrs", "2024-05-20T15:00"),
    ("at 17:00 hrs on 11/01/2012", "2012-01-11T17:00"),
    ("2024年5月20日上午9:30", "2024-05-20T09:30"),
])
def test_numeric_and_half_day_dates(text, iso):
    assert parse_datetime(text) == iso


def test_clause_numbers_are_not_dates():
    assert parse_datetime("按 10.5.3 款办理") is None


def test_indian_nit_dates_and_deposit():
    meta = _meta(
        "NIT No: PCO/BBSR/806/156",
        "(iii) Last Date & Time of submission of Tender (online): 13.02.2023 up to 03:00 PM",
        "(iv) Date & Time of online opening of tender (Techno-Commercial Bid) :14.02.2023 at 03:00 PM",
        "Tentative Estimated Cost: Rs. 1,49,81,795/-", "EMD: Rs. 2,99,636/-",
    )
    assert meta.procedure == "NIT" and meta.project_number == "PCO/BBSR/806/156"
    assert (meta.deadline, meta.opening) == ("2023-02-13T15:00", "2023-02-14T15:00")
    assert (meta.budget, meta.deposit, meta.currency) == (14981795, 299636, "INR")


def test_traditional_chinese_case_name_and_number():
    meta = _meta("財團法人某某基金會", "「教材製作──示範案例」", "勞務採購案（案號：11402-39）")
    assert meta.project_name == "教材製作──示範案例"
    assert meta.project_number == "11402-39"


def test_english_buyer_named_by_a_defined_term_and_number_without_colon():
    meta = _meta("CITY OF EXAMPLE", "REQUEST FOR PROPOSALS", "RFP No. EX-IT-2025-014", "Records Management System",
                 "Issue date: May 30, 2025",
                 'The City of Example (the "City") invites sealed proposals for the supply of a records system.')
    assert meta.project_number == "EX-IT-2025-014"
    assert meta.project_name == "Records Management System"
    assert meta.purchaser == "City of Example"


def test_english_ceiling_price():
    meta = _meta("REQUEST FOR QUOTATION", "The ceiling price for this contract is USD 250,000.")
    assert meta.procedure == "RFQ" and meta.max_price == 250000 and meta.currency == "USD"


def test_us_rfq_cover_title_above_the_procedure_due_dates_at_noon_and_estimated_value():
    meta = _meta(
        "Federal Buying Office", "1 Main Street | Springfield | 01101",
        "Example Modernisation Blanket Purchase Agreement Reference FAR", "8.405-3(b)(1), for services referenced herein",
        "Request for Quotation", "Solicitation Number: XY01190099",
        "● RFQ Questions Due: March 19, 2019 at noon eastern",
        "● Technical Submission Due: April 1, 2019 at noon eastern",
        "At the time of award, the Government estimates the total three year value of BPA obligations to be $25 million.",
    )
    assert meta.project_name == "Example Modernisation Blanket Purchase Agreement"
    assert meta.deadline == "2019-04-01T12:00"
    assert (meta.budget, meta.currency) == (25_000_000, "USD")


def test_cover_sentence_above_the_procedure_title_is_not_the_name():
    meta = _meta("AMENDMENT 1", "Please see changes throughout document.", "Request for Quotation")
    assert meta.project_name is None


def test_long_wrapped_name_of_work_is_kept_whole_without_its_tender_for_prefix():
    name = ("Execution of miscellaneous works such as Civil & RCC works, Glazing work, Water Proofing work, "
            "Sanitary & Plumbing works at Example Project, Example Town, Example Dist., Example State")
    meta = _meta("NOTICE INVITING TENDER", [["i.", "Name of work", "", "Tender for " + name.replace("RCC works", "RCC\nworks")]])
    assert meta.project_name == name


def test_funds_amount_is_the_budget_when_no_budget_is_stated():
    meta = _meta("本某某服务项目已由项目审批机关批准，项目资金来源为自筹资金 17.18673 万元，招标人为某某公司。")
    assert meta.budget == 171867.3


def test_a_stated_budget_beats_the_funds_amount():
    meta = _meta("项目资金来源为财政资金 100 万元。", "预算金额：80万元")
    assert meta.budget == 800000


def test_empty_name_field_followed_by_another_field_gives_no_name():
    meta = _meta("一、工程名称：", "项目代码：", "二、招标单位：")
    assert meta.project_name is None


def test_company_in_the_name_row_is_not_the_project_the_cover_title_is():
    meta = _meta("某某零售有限公司", "事业部 2024-2025 年第三方灵活用工服务", "招 标 文 件",
                 [["3", "项目名称", "某某零售有限公司"]])
    assert meta.project_name == "事业部2024-2025年第三方灵活用工服务"


def test_tender_opening_line_with_a_spaced_time():
    meta = _meta("NOTICE INVITING TENDER", "TENDER SUBMISSION BY - 22/12/2023 BEFORE 3:00 P.M.",
                 "TENDER OPENING - 22/12/2023 at 04 :00 P.M.")
    assert (meta.deadline, meta.opening) == ("2023-12-22T15:00", "2023-12-22T16:00")


def test_rupees_of_a_tender_from_pakistan_are_pkr():
    meta = _meta("REQUEST FOR PROPOSAL", "Procuring Agency, Islamabad, Pakistan",
                 "Bid security of Rs. 500,000 shall be furnished.", "Government of Pakistan rules apply.")
    assert meta.currency == "PKR"


def test_traditional_chinese_tender_priced_in_new_taiwan_dollars():
    meta = _meta("勞務採購案（案號：11402-39）", "預算金額：新臺幣 50 萬元")
    assert meta.currency == "TWD"


def test_taiwan_cover_names_the_buyer_above_its_quoted_case():
    meta = _meta("財團法人某某基金會", "「教材製作──示範案例」", "勞務採購案（案號：11402-39）")
    assert meta.purchaser == "財團法人某某基金會"


def test_a_cover_line_that_is_not_an_organisation_is_not_the_buyer():
    meta = _meta("民國一一四年度", "「教材製作──示範案例」", "勞務採購案（案號：11402-39）")
    assert meta.purchaser is None


def test_gem_style_bid_details_table_gives_buyer_and_emd():
    meta = _meta([["Bid Details", ""], ["Bid End Date/Time", "12-03-2025 17:00:00"],
                  ["Organisation Name", "National Example Research Facility"], ["EMD Amount", "12000"]])
    assert meta.purchaser == "National Example Research Facility"
    assert meta.deadline == "2025-03-12T17:00"
    assert meta.deposit == 12000


def test_bid_security_validity_in_days_is_not_an_amount():
    meta = _meta("INVITATION FOR BIDS", [["Bid security", "45"]])
    assert meta.deposit is None


@pytest.mark.parametrize("label, amount", [("预算金额（万元）：150", 1_500_000), ("预算金额（元）：1,500,000.00", 1_500_000)])
def test_budget_unit_written_in_the_label(label, amount):
    assert _meta(label).budget == amount


def test_budget_row_with_the_unit_in_its_label_cell():
    assert _meta([["预算金额（元）", "1500000"]]).budget == 1_500_000


def test_notice_summary_deadline_before_submitting_bids():
    meta = _meta("项目概况", "某某服务项目的潜在投标人应在某平台获取招标文件，并于2024年06月11日 09点30分（北京时间）前递交投标文件。")
    assert meta.deadline == "2024-06-11T09:30"


@pytest.mark.parametrize("line, iso", [
    ("Proposals must be received no later than 2:00 p.m. local time on Friday, March 15, 2024.", "2024-03-15T14:00"),
    ("Sealed bids will be received until 10:00 AM on June 3, 2024, and then publicly opened.", "2024-06-03T10:00"),
])
def test_english_deadline_sentences(line, iso):
    meta = _meta("REQUEST FOR PROPOSALS", line)
    assert meta.deadline == iso
    assert meta.project_name is None  # the sentence after the heading is not a title


def test_english_title_over_cover_lines_stops_at_the_next_label_line():
    meta = _meta("Request for Proposals (RFP)", "for", "Website Redesign Services", "Issued by: City of Example")
    assert meta.project_name == "Website Redesign Services"


def test_english_front_title_field_and_number_with_hash():
    assert _meta("Solicitation No.: 75N95024Q00123", "Title: Laboratory Supplies").project_name == "Laboratory Supplies"
    meta = _meta("CITY OF EXAMPLE", "REQUEST FOR PROPOSALS", "RFP #2024-12", "WEBSITE REDESIGN SERVICES")
    assert meta.project_name == "WEBSITE REDESIGN SERVICES"


def test_invitation_sentence_names_agency_and_buyer_when_no_labels_do():
    meta = _meta("某某项目管理有限公司（以下简称“采购代理机构”）受某某街道办事处（以下简称“采购人”）委托，"
                 "对“某某街道保洁服务项目”进行公开招标。")
    assert (meta.agency, meta.purchaser) == ("某某项目管理有限公司", "某某街道办事处")


def test_labelled_buyer_beats_the_invitation_sentence():
    meta = _meta("采购人：某某区教育局", "某某市政府采购中心受某某区人民政府的委托，对某某项目以竞争性磋商方式进行采购。")
    assert meta.purchaser == "某某区教育局"
    assert meta.agency == "某某市政府采购中心"


def test_budget_and_ceiling_written_as_sentences():
    meta = _meta("本项目预算为120万元，最高限价为118万元。")
    assert (meta.budget, meta.max_price) == (1_200_000, 1_180_000)


def test_lot_count_共分n个采购包():
    assert _meta("本项目共分2个采购包。").lots == 2


@pytest.mark.parametrize("sentence, buyer", [
    ("The Ministry of Example Health invites sealed bids from eligible bidders for medical equipment.",
     "Ministry of Example Health"),
    ("The Springfield Water Authority is seeking proposals from qualified firms.", "Springfield Water Authority"),
])
def test_english_buyer_from_the_inviting_sentence(sentence, buyer):
    assert _meta("INVITATION FOR BIDS", sentence).purchaser == buyer


def test_english_issued_by_names_the_buyer():
    assert _meta("REQUEST FOR PROPOSAL", "Issued by: National Example Agency").purchaser == "National Example Agency"


@pytest.mark.parametrize("line, procedure", [("采购方式：询比采购", "询比采购"), ("采购方式：询比价", "询比价")])
def test_enterprise_procurement_methods_in_the_tenders_own_words(line, procedure):
    assert _meta(line).procedure == procedure


def test_cover_name_above_a_notice_title():
    meta = _meta("某某医院保洁服务项目", "询价通知书")
    assert (meta.project_name, meta.procedure) == ("某某医院保洁服务项目", "询价")


def test_deposit_unit_written_in_the_label():
    assert _meta([["投标保证金（元）", "20000"]]).deposit == 20000


@pytest.mark.parametrize("line, same", [
    ("开标时间为投标截止时间的同一时间", True), ("开标时间：投标截止时间后立即开标", True),
    ("开标时间：投标截止时间后30分钟", False),
])
def test_opening_stated_as_the_deadline(line, same):
    meta = _meta("投标截止时间：2024年3月5日9:30", line)
    assert (meta.opening == "2024-03-05T09:30") is same


def test_corpus_us_rfq_cover_meta(corpus):
    from bidkit.readers import read_document

    meta = extract_meta(build_outline(read_document(corpus("tenders/en/en-01-us-gsa-coe-discovery-bpa-rfq.pdf"))))
    assert meta.project_name == "Centers of Excellence Discovery Blanket Purchase Agreement"
    assert (meta.deadline, meta.budget, meta.currency) == ("2019-04-01T12:00", 100_000_000, "USD")


@pytest.mark.parametrize("line, iso", [
    ("投标截止时间：2024年3月5日 星期二 14:30", "2024-03-05T14:30"),
    ("投标截止时间：二〇二四年三月五日上午九时三十分", "2024-03-05T09:30"),
    ("投标截止时间：2024年3月5日上午九点半", "2024-03-05T09:30"),
])
def test_chinese_deadlines_with_weekdays_and_chinese_numerals(line, iso):
    assert _meta(line).deadline == iso


def test_english_nit_table_names_the_organisation_and_the_emd():
    meta = _meta("NOTICE INVITING TENDER", [
        ["1", "Name of the Organisation/Department", "Public Works Department, Government of Example State"],
        ["2", "Name of Work", "Construction of boundary wall at district office campus"],
        ["3", "EMD (Rs.)", "25,000"],
    ])
    assert meta.purchaser == "Public Works Department, Government of Example State"
    assert meta.deposit == 25000 and meta.sources["deposit"].quote.startswith("3:EMD")


def test_emd_amount_in_rupee_sign_row_and_organisation_chain():
    meta = _meta("NOTICE INVITING TENDER", [["Organisation Chain", "Example Railways||Central Division"],
                                            ["EMD Amount in ₹", "2,40,000"]])
    assert meta.purchaser == "Example Railways" and meta.deposit == 240000


def test_deposit_stated_only_in_a_summary_table_column():
    meta = _meta("NIT", [["S.No", "Name of Work", "Estimated Cost (Rs.)", "EMD (Rs.)", "Period of Completion"],
                         ["1", "Repair of roads in ward 5", "10,00,000", "20,000", "6 months"]])
    assert meta.deposit == 20000 and meta.project_name == "Repair of roads in ward 5"


def test_chinese_deposit_and_budget_in_table_columns_are_not_mixed_up():
    meta = _meta("招标公告", "项目名称：某学校食堂服务项目",
                 [["包号", "采购内容", "预算金额（万元）", "投标保证金（元）"], ["1", "食堂服务", "150", "20000"]])
    assert meta.deposit == 20000 and meta.budget == 1_500_000
    meta = _meta("招标公告", [["包号", "采购内容", "预算金额", "投标保证金"], ["1", "食堂服务", "150万元", "2万元"]])
    assert meta.deposit == 20000 and meta.budget == 1_500_000


def test_full_purchaser_name_beats_the_short_one():
    meta = _meta("招标公告", "采购人：某某大学", "联系人：王老师", "采购人名称：某某大学资产管理处")
    assert meta.purchaser == "某某大学资产管理处"
    assert meta.sources["purchaser"].quote.startswith("采购人名称")


def test_office_of_the_buyer_is_not_a_fuller_name():
    meta = _meta("Request for Proposals", "Name of the Client: Example Export Organization",
                 "The address of the Procuring Agency: [Office of the Example Export Organization]")
    assert meta.purchaser == "Example Export Organization"


def test_every_english_label_is_found_in_any_letter_case_past_its_word_gate():
    meta = _meta("REQUEST FOR PROPOSALS", "NAME OF THE CLIENT: EXAMPLE WATER SUPPLY BOARD",
                 "EARNEST MONEY DEPOSIT: Rs. 10,000", "ESTIMATED COST: Rs. 5,00,000")
    assert meta.purchaser == "EXAMPLE WATER SUPPLY BOARD"
    assert meta.deposit == 10000 and meta.budget == 500000


def test_currency_from_a_unit_in_a_label_when_no_amount_names_one():
    meta = _meta("NIT", [["Earnest Money Deposit (in Rs.)", "50,000"], ["Bid Security / EMD (INR)", "1,20,000.00"]])
    assert meta.deposit == 50000 and meta.currency == "INR"


def test_chinese_deposit_column_with_the_unit_after_jine():
    meta = _meta("招标公告", [["序号", "项目名称", "保证金金额（元）"], ["1", "食堂服务", "20000"]])
    assert meta.deposit == 20000
