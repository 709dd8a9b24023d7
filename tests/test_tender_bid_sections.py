from bidkit.document import Block, Document
from bidkit.readers import read_document
from bidkit.tender.bid_sections import extract_bid_sections, form_title
from bidkit.tender.outline import build_outline


def doc_of(items: list[tuple[str, str]], fmt: str = "docx") -> Document:
    blocks = [Block(kind=k, text=t, index=i, level=2 if k == "heading" else None,
                    page=i + 1 if fmt == "pdf" else None, paragraph=None if fmt == "pdf" else i + 1)
              for i, (k, t) in enumerate(items)]
    return Document(path=f"x.{fmt}", format=fmt, blocks=blocks)


def titles(doc: Document) -> list[str]:
    return [s.title for s in extract_bid_sections(build_outline(doc))]


def test_group_headings_are_dropped_and_forms_kept_in_order():
    doc = doc_of([("paragraph", "第一章 投标人须知"), ("paragraph", "内容。"),
                  ("paragraph", "第五章 投标文件格式"), ("paragraph", "一、商务响应文件"),
                  ("paragraph", "1、投标函"), ("paragraph", "致：采购人"), ("paragraph", "1、我方愿意投标。"),
                  ("paragraph", "2、开标一览表"), ("paragraph", "3、法定代表人授权书"),
                  ("paragraph", "二、技术响应文件"), ("paragraph", "1、服务方案（格式自拟）"),
                  ("paragraph", "2、人员配备表"), ("paragraph", "第六章 采购需求"), ("paragraph", "1、需求")])
    assert titles(doc) == ["投标函", "开标一览表", "法定代表人授权书", "服务方案", "人员配备表"]


def test_toc_inside_the_formats_chapter_is_preferred():
    doc = doc_of([("paragraph", "第六章 投标文件格式"), ("paragraph", "目 录"),
                  ("paragraph", "一、开标一览表……………………（页码）"), ("paragraph", "二、投标函……………………（页码）"),
                  ("paragraph", "三、资质证书……………………（页码）"), ("paragraph", "一、开标一览表项目名称：")], "pdf")
    out = extract_bid_sections(build_outline(doc))
    assert [s.title for s in out] == ["开标一览表", "投标函", "资质证书"]
    assert out[0].page == 3 and out[0].order == 1


def test_merged_pdf_form_heading_titles():
    assert form_title("投标书（实质性格式）投标书致：（采购人）我方参加") == "投标书"
    assert form_title("拟分包情况说明及分包意向协议拟分包情况说明致：") == "拟分包情况说明及分包意向协议"
    assert form_title("开标一览表项目名称：XX 项目") == "开标一览表"
    assert form_title("投标报价一览表上海某某区某某学校食堂劳务派遣服务项目包1") == "投标报价一览表"


def test_english_form_list_from_the_invitation_letter():
    doc = doc_of([("paragraph", "Section 1. Letter of Invitation"),
                  ("paragraph", ("Section 6: Returnable Bidding Forms o Form A: Technical Proposal Submission "
                                 "Form o Form B: Bidder Information Form o Form C: Qualification Form "
                                 "(Not Applicable) o Form D: Financial Proposal Form"))], "pdf")
    assert titles(doc) == ["Technical Proposal Submission Form", "Bidder Information Form",
                           "Qualification Form", "Financial Proposal Form"]


def test_english_documents_comprising_the_proposal():
    doc = doc_of([("paragraph", "7. Documents comprising the proposal The Proposal shall comprise the following:"),
                  ("paragraph", "(a) Proposal submission form: Annex IV"),
                  ("paragraph", "(b) Technical part of the Proposal, including CVs;"),
                  ("paragraph", "(c) The financial proposal.")], "pdf")
    assert titles(doc) == ["Proposal submission form", "Technical part of the Proposal", "The financial proposal"]


def test_real_docx_formats_chapter(corpus):
    doc = read_document(corpus("tenders/zh/zh-17-songjiang-train-cleaning-zb.docx"))
    out = extract_bid_sections(build_outline(doc))
    assert [s.title for s in out][:3] == ["投标文件封面样式", "投标承诺函", "授权委托书（适用于有委托代理人的情况）"]
    assert all(s.source.paragraph for s in out)


def test_forms_listed_at_the_start_of_the_chapter_are_taken_once():
    doc = doc_of([("paragraph", "第五章 投标文件格式"), ("paragraph", "一、投标函"), ("paragraph", "二、报价表"),
                  ("paragraph", "三、授权委托书"), ("paragraph", "一、投标函"), ("paragraph", "致：采购人"),
                  ("paragraph", "二、报价表"), ("paragraph", "项目名称："), ("paragraph", "三、授权委托书"),
                  ("paragraph", "本授权书声明：")])
    out = extract_bid_sections(build_outline(doc))
    assert [s.title for s in out] == ["投标函", "报价表", "授权委托书"]


def test_nested_toc_with_dash_leaders_gives_the_leaf_forms():
    doc = doc_of([("paragraph", "第七章 投标文件构成及格式"), ("paragraph", "目录"),
                  ("paragraph", "第一部分 投标函-----------------X"),
                  ("paragraph", "第二部分 开标一览表-------------X"),
                  ("paragraph", "一、开标一览表------------------X"),
                  ("paragraph", "二、分项报价表------------------X"),
                  ("paragraph", "第三部分 资格证明文件-----------X"), ("paragraph", "第一部分 投标函")], "pdf")
    assert titles(doc) == ["投标函", "开标一览表", "分项报价表", "资格证明文件"]


def test_form_title_on_the_line_after_a_bare_annex_label():
    doc = doc_of([("paragraph", "第四章 响应文件格式"), ("paragraph", "附件一："), ("paragraph", "投标公函"),
                  ("paragraph", "致：某某学校"), ("paragraph", "附件二："), ("paragraph", "财务状况及税收、社会保障资金"),
                  ("paragraph", "缴纳情况声明函"), ("paragraph", "我方承诺。")], "pdf")
    assert titles(doc) == ["投标公函", "财务状况及税收、社会保障资金缴纳情况声明函"]


def test_english_form_list_one_per_line_with_the_forms_own_sections():
    doc = doc_of([("paragraph", "Section 6: Returnable Bidding Forms"),
                  ("paragraph", "o Form A: Technical Proposal Submission Form"),
                  ("paragraph", "o Form B: Format of Technical Proposal"),
                  ("paragraph", "o Form C: Financial Proposal Form"),
                  ("paragraph", "FORM B: FORMAT OF TECHNICAL PROPOSAL"),
                  ("paragraph", "SECTION 1: Bidder's qualification and expertise"),
                  ("paragraph", "SECTION 2: Proposed Methodology This section should demonstrate the approach"),
                  ("paragraph", "FORM C: FINANCIAL PROPOSAL FORM")], "pdf")
    assert titles(doc) == ["Technical Proposal Submission Form", "Format of Technical Proposal",
                           "Bidder's qualification and expertise", "Proposed Methodology",
                           "Financial Proposal Form"]


def test_forms_named_with_trailing_format_word_and_restarted_groups():
    doc = doc_of([("paragraph", "第一章 须知"), ("paragraph", "内容。"),
                  ("paragraph", "第六章 响应文件有关格式"), ("paragraph", "一、商务响应文件有关格式"),
                  ("paragraph", "1、响应函格式"), ("paragraph", "致：采购人"), ("paragraph", "我方同意。"),
                  ("paragraph", "2、报价一览表格式"), ("paragraph", "单位：元"), ("paragraph", "说明。"),
                  ("paragraph", "3、关于放弃参加（项目名称）的函"), ("paragraph", "致："),
                  ("paragraph", "声明如下。"), ("paragraph", "日期："),
                  ("paragraph", "二、技术响应文件有关表格格式"), ("paragraph", "1、项目负责人情况表"),
                  ("paragraph", "2、实施方案"), ("paragraph", "第七章 合同"), ("paragraph", "条款。")])
    assert titles(doc) == ["响应函", "报价一览表", "关于放弃参加（项目名称）的函", "项目负责人情况表", "实施方案"]


def test_english_annexure_labels_and_caps_titles_with_a_letterhead_note():
    doc = doc_of([("paragraph", "NOTICE INVITING TENDER"), ("paragraph", "The bidder shall quote rates."),
                  ("paragraph", "Annexure - A"), ("paragraph", "AFFIDAVIT"), ("paragraph", "I solemnly affirm."),
                  ("paragraph", "FORM OF TENDER"), ("paragraph", "(To Be Enclosed In Letter Head)"),
                  ("paragraph", "ADDENDUM TO INSTRUCTIONS"), ("paragraph", "Bids are online."),
                  ("paragraph", "Annexure – B"), ("paragraph", "Site Visit Declaration"),
                  ("paragraph", "Annexure – C LOCAL CONTENT DECLARATION"), ("paragraph", "We declare.")], "pdf")
    assert titles(doc) == ["Affidavit (Annexure-A)", "Form of Tender", "Site Visit Declaration (Annexure-B)",
                           "Local Content Declaration (Annexure-C)"]


def test_english_dotted_form_numbers_and_a_lone_annex_in_the_forms_chapter():
    doc = doc_of([("paragraph", "PART I: PROCESS"), ("paragraph", "Text."),
                  ("paragraph", "PART II: SUBMISSION FORMATS"), ("paragraph", "Form 1: Covering Letter"),
                  ("paragraph", "Dear Sir,"), ("paragraph", "Form 1.1: Bidder Information"),
                  ("paragraph", "Form 2.2 Financial Capability Statements"), ("paragraph", "Form 3"),
                  ("paragraph", "Checklist of Documents"), ("paragraph", "Annexure I – Functional Specifications")],
                 "pdf")
    assert titles(doc) == ["Covering Letter", "Bidder Information", "Financial Capability Statements",
                           "Checklist of Documents"]


def test_marked_annex_labels_with_titles_below_and_forms_left_out_of_the_bid():
    doc = doc_of([("paragraph", "第一章 须知"), ("paragraph", "内容。"), ("paragraph", "第六章 投标文件格式"),
                  ("paragraph", "★附件 1："), ("paragraph", "投标函"), ("paragraph", "致：采购人"),
                  ("paragraph", "附件 2：（不涉及此项的可不提供）"), ("paragraph", "残疾人福利性单位声明函"),
                  ("paragraph", "附件 3："), ("paragraph", "供应商关系说明"), ("paragraph", "（1）相关单位一览表"),
                  ("paragraph", "（2）相关人员一览表"), ("paragraph", "附件 4："), ("paragraph", "业绩证明"),
                  ("paragraph", "附件 5："), ("paragraph", "履约保证金担保函"), ("paragraph", "（投标文件中不用放此项）"),
                  ("paragraph", "附件 6："), ("paragraph", "技术规格偏离表"), ("paragraph", "第七章 其他"),
                  ("paragraph", "正文。")])
    assert titles(doc) == ["投标函", "残疾人福利性单位声明函", "供应商关系说明", "业绩证明", "技术规格偏离表"]


def test_body_forms_win_over_a_chapter_toc_that_leaves_page_top_forms_out():
    def page(n: int, *texts: str) -> list[Block]:
        return [Block(kind="paragraph", text=t, index=0, page=n) for t in texts]
    blocks = (page(1, "第一章 须知", "内容。") + page(2, "第七章 投标文件构成及格式", "注释：")
              + page(3, "封面及目录格式", "投标文件")
              + page(3, "目录", "第一部分 投标函---------------", "第二部分 开标一览表---------------",
                     "第三部分 资格证明文件---------------", "第四部分 其他---------------",
                     "一、投标人性质---------------", "二、企业关联关系说明---------------")
              + page(4, "第一部分 投标函", "致：采购人") + page(5, "第二部分 报价一览表", "项目名称：")
              + page(6, "第三部分 资格证明文件", "按须知提供。") + page(7, "法定代表人证明书", "姓名：")
              + page(8, "中小企业声明函", "本公司郑重声明。") + page(9, "第四部分 其他", "一、投标人性质", "内容。")
              + page(10, "二、企业关联关系说明", "内容。"))
    for i, b in enumerate(blocks):
        b.index = i
    doc = Document(path="x.pdf", format="pdf", blocks=blocks)
    assert titles(doc) == ["封面及目录", "投标函", "报价一览表", "资格证明文件", "法定代表人证明书",
                           "中小企业声明函", "投标人性质", "企业关联关系说明"]


def test_excluded_group_and_not_applicable_forms_are_left_out():
    doc = doc_of([("paragraph", "第一章 须知"), ("paragraph", "内容。"), ("paragraph", "第六章 投标文件格式"),
                  ("paragraph", "一、投标函"), ("paragraph", "致：采购人"), ("paragraph", "二、开标一览表"),
                  ("paragraph", "项目名称："), ("paragraph", "三、中小企业声明函（货物）（不适用）"),
                  ("paragraph", "本公司声明。"), ("paragraph", "四、报价明细表"), ("paragraph", "单位：元"),
                  ("paragraph", "五、其他格式(不用在投标文件中提供)"), ("paragraph", "1：询问函格式"),
                  ("paragraph", "一、质疑供应商基本信息"), ("paragraph", "二、质疑项目基本情况"),
                  ("paragraph", "第七章 合同"), ("paragraph", "条款。")])
    assert titles(doc) == ["投标函", "开标一览表", "报价明细表"]


def test_forms_numbered_with_the_word_format():
    doc = doc_of([("paragraph", "第一章 须知"), ("paragraph", "内容。"), ("paragraph", "第六章 投标文件格式"),
                  ("paragraph", "格式1.投标函"), ("paragraph", "致：采购人"), ("paragraph", "格式2.法定代表人证明书"),
                  ("paragraph", "姓名："), ("paragraph", "格式3.开标一览表"), ("paragraph", "项目名称："),
                  ("paragraph", "格式4.政府采购履约担保函（投标时无需提供）"), ("paragraph", "编号：")])
    assert titles(doc) == ["投标函", "法定代表人证明书", "开标一览表"]


def test_body_headings_name_the_forms_when_they_hold_the_whole_opening_list():
    doc = doc_of([("paragraph", "第一章 须知"), ("paragraph", "内容。"), ("heading", "第五章 投标文件格式"),
                  ("heading", "附件1 投标函"), ("paragraph", "致：代理机构"), ("paragraph", "(1)投标函"),
                  ("paragraph", "(2)开标一览表"), ("paragraph", "(3)技术条款偏离表"),
                  ("paragraph", "(4)投标方认为需加以说明的其他内容"), ("paragraph", "据此函。"),
                  ("heading", "附件2 开标一览表"), ("paragraph", "投标方名称："),
                  ("heading", "附件3 技术规格偏离表"), ("heading", "（非福利性企业不用填写）"),
                  ("heading", "附件4 投标方认为需加以说明的其他内容"), ("paragraph", "内容自拟。")])
    assert titles(doc) == ["投标函", "开标一览表", "技术规格偏离表", "投标方认为需加以说明的其他内容"]


def test_numbered_clauses_that_name_a_form_are_not_forms():
    doc = doc_of([("paragraph", "第一章 须知"), ("paragraph", "内容。"), ("paragraph", "第六章 投标文件格式"),
                  ("paragraph", "一、投标函"), ("paragraph", "1、随同本投标函提交投标保证金一份，金额为（大写）"),
                  ("paragraph", "2、遵照《招标投标法》等有关规定，经研究上述招标文件"),
                  ("paragraph", "3、此模块按招标文件要求提供资料"),
                  ("paragraph", "二、项目负责人情况表 项目名称："), ("paragraph", "三、资格声明"),
                  ("paragraph", "（1）投标人在信用信息公示系统中没有行政处罚记录。相关解释要求如下："),
                  ("paragraph", "（2）投标人没有重大违法记录。相关要求如下：")])
    assert titles(doc) == ["投标函", "项目负责人情况表", "资格声明"]


def test_english_parts_from_a_complete_quote_sentence_and_page_limited_volumes():
    doc = doc_of([("paragraph", "2.1 Quotation instructions"),
                  ("paragraph", ("A complete quote must include responses to the Challenge Form, a response to the "
                                 "Scenario Form, a Technical Approach submission, and a Pricing sheet submission.")),
                  ("paragraph", "4.1 Submission instructions"),
                  ("paragraph", "● Technical Approach volumes are limited to no more than five (5) pages;"),
                  ("paragraph", "● Similar Experience volumes are limited to no more than one (1) page.")], "pdf")
    assert titles(doc) == ["Responses to the Challenge Form", "Response to the Scenario Form",
                           "Technical Approach submission", "Pricing sheet submission",
                           "Technical Approach volumes", "Similar Experience volumes"]


def test_heading_wrapped_onto_a_second_heading_line_is_one_form():
    doc = doc_of([("paragraph", "第一章 须知"), ("paragraph", "内容。"), ("heading", "第六章 响应文件格式"),
                  ("heading", "一、响应函"), ("paragraph", "致：采购人"),
                  ("heading", "二、供应商不得具有行贿犯罪记录的"), ("heading", "承诺函"), ("paragraph", "本单位承诺。"),
                  ("paragraph", "附件 3："), ("paragraph", "与供应商存在关联关系的"), ("paragraph", "单位名称。"),
                  ("heading", "三、报价一览表"), ("paragraph", "单位：元")])
    assert titles(doc) == ["响应函", "供应商不得具有行贿犯罪记录的承诺函", "报价一览表"]


def test_forms_of_an_earlier_volume_come_before_the_listed_volume():
    doc = doc_of([("paragraph", "第一章 须知"), ("paragraph", "内容。"), ("heading", "第五章 投标文件格式"),
                  ("paragraph", "商务投标文件"), ("paragraph", "一、开标一览表"), ("paragraph", "项目名称："),
                  ("paragraph", "二、投标报价明细表"), ("paragraph", "金额单位：元"), ("paragraph", "技术投标文件"),
                  ("paragraph", "目录"), ("paragraph", "一、投标函"), ("paragraph", "二、服务偏离表"),
                  ("paragraph", "三、技术方案"), ("paragraph", "一、投标函"), ("paragraph", "致：采购人"),
                  ("paragraph", "二、服务偏离表"), ("paragraph", "说明。"), ("paragraph", "三、技术方案"),
                  ("paragraph", "内容自拟。")])
    assert titles(doc) == ["开标一览表", "投标报价明细表", "投标函", "服务偏离表", "技术方案"]


def test_title_joining_two_parts_with_ji_is_kept_and_docx_toc_lines_are_skipped():
    assert form_title("投标函及投标函附录") == "投标函及投标函附录"
    doc = doc_of([("paragraph", "第一章 须知"), ("paragraph", "内容。"), ("paragraph", "第六章 投标文件格式"),
                  ("paragraph", "一、商务要求\t85"), ("paragraph", "二、技术要求\t86"),
                  ("paragraph", "一、投标函"), ("paragraph", "致：采购人"), ("paragraph", "二、开标一览表"),
                  ("paragraph", "项目名称：")])
    assert titles(doc) == ["投标函", "开标一览表"]


def test_titled_annex_with_its_own_list_is_a_form_not_a_group():
    doc = doc_of([("paragraph", "第一章 须知"), ("paragraph", "内容。"), ("paragraph", "第四章 响应文件格式"),
                  ("paragraph", "附件一："), ("paragraph", "投标公函"), ("paragraph", "致：采购人"),
                  ("paragraph", "附件二"), ("paragraph", "营业执照、相关资质证书"), ("paragraph", "监狱企业证明材料（若有）"),
                  ("paragraph", "财务状况报告（若有）"), ("paragraph", "二、技术标（参考）"),
                  ("paragraph", "1、服务方案"), ("paragraph", "（格式自拟）"), ("paragraph", "2、应急预案"),
                  ("paragraph", "（格式自拟）")])
    assert titles(doc) == ["投标公函", "营业执照、相关资质证书", "服务方案", "应急预案"]


def test_part_label_alone_takes_its_title_from_the_next_line():
    doc = doc_of([("paragraph", "第一章 须知"), ("paragraph", "内容。"), ("paragraph", "第六章 投标文件格式"),
                  ("paragraph", "第一部分"), ("paragraph", "投标函"), ("paragraph", "致：采购人"),
                  ("paragraph", "第二部分："), ("paragraph", "开标一览表"), ("paragraph", "项目名称："),
                  ("paragraph", "第三部分"), ("paragraph", "资格证明文件"), ("paragraph", "按须知提供。")])
    assert titles(doc) == ["投标函", "开标一览表", "资格证明文件"]


def test_letter_list_naming_the_groups_is_not_forms_and_third_level_forms_are_kept():
    doc = doc_of([("paragraph", "第一章 投标人须知"), ("paragraph", "内容。"),
                  ("paragraph", "第六章 投标文件格式"), ("paragraph", "一、资格性文件"),
                  ("paragraph", "1.1投标函"), ("paragraph", "致：采购人"), ("paragraph", "1、资格性文件"),
                  ("paragraph", "2、商务文件"), ("paragraph", "在此，我方声明如下。"),
                  ("paragraph", "1.2关于资格的声明函"), ("paragraph", "致：采购人"), ("paragraph", "本单位具备条件。"),
                  ("paragraph", "特此声明。"), ("paragraph", "日期："), ("paragraph", "签字："),
                  ("paragraph", "1.2.1 营业执照复印件"), ("paragraph", "二、商务文件"),
                  ("paragraph", "2.1用户需求响应表"), ("paragraph", "2.1.1 “★”号条款承诺函"), ("paragraph", "致采购人："),
                  ("paragraph", "2.1.2 “▲”号条款承诺函"), ("paragraph", "日期："), ("paragraph", "2.1.3 保密条款承诺函"),
                  ("paragraph", "2.2商务条款响应表"), ("paragraph", "第七章 采购需求"), ("paragraph", "1、需求")])
    assert titles(doc) == ["投标函", "关于资格的声明函", "营业执照复印件", "“★”号条款承诺函", "“▲”号条款承诺函",
                           "保密条款承诺函", "商务条款响应表"]


def test_listed_group_gives_way_to_the_numbered_forms_under_its_body_heading():
    doc = doc_of([("paragraph", "第一章 投标人须知"), ("paragraph", "内容。"),
                  ("paragraph", "第五章 投标文件格式"), ("paragraph", "目录"),
                  ("paragraph", "一、投标函"), ("paragraph", "二、符合性审查响应"), ("paragraph", "三、技术方案"),
                  ("paragraph", "一、投标函"), ("paragraph", "致：采购人"), ("paragraph", "二、符合性审查响应"),
                  ("paragraph", "1.营业执照"), ("paragraph", "（复印件加盖公章）"), ("paragraph", "2.法定代表人授权书"),
                  ("paragraph", "3.不可偏离项应答表"), ("paragraph", "三、技术方案"),
                  ("paragraph", "1.类似业绩（25分）"), ("paragraph", "2.服务方案（20分）"),
                  ("paragraph", "第六章 采购需求"), ("paragraph", "1、需求")])
    assert titles(doc) == ["投标函", "营业执照", "法定代表人授权书", "不可偏离项应答表", "技术方案"]


def test_english_envelope_contents_are_the_bid_sections_when_no_forms_exist():
    doc = doc_of([("paragraph", "SECTION 1: INVITATION"), ("paragraph", "Bids are invited for the works."),
                  ("paragraph", "Envelope No. 1 (Technical Bid) shall contain the following documents:"),
                  ("paragraph", "1. Covering letter on the bidder's letterhead."),
                  ("paragraph", "2. Earnest money deposit of Rs.10,000 by demand draft."),
                  ("paragraph", "3. Copies of work orders (last three years)."),
                  ("paragraph", "Envelope No. 2 shall contain the duly filled Price Schedule in duplicate."),
                  ("paragraph", "Envelope 3 shall contain: (a) the bid security; (b) the power of attorney"),
                  ("paragraph", "SECTION 2: SCOPE OF WORK"), ("paragraph", "The works are described below.")])
    assert titles(doc) == ["Covering letter on the bidder's letterhead", "Earnest money deposit",
                           "Copies of work orders (last three years)", "Price Schedule", "Bid security",
                           "Power of attorney"]


def test_bid_toc_label_gives_way_to_its_forms_and_the_next_group_is_not_a_sub_item():
    blocks = [("paragraph", "第一章 投标人须知"), ("paragraph", "内容。"), ("paragraph", "第六章 投标文件格式"),
              ("paragraph", "封面"), ("paragraph", "投标文件目录"), ("paragraph", "格式自拟。"),
              ("paragraph", "1、资格性自查表"), ("table", "序号 | 审查标准"), ("paragraph", "2、符合性自查表"),
              ("table", "序号 | 审查标准"), ("paragraph", "一、资格性文件"), ("paragraph", "1.1投标函"),
              ("paragraph", "致：采购人"), ("paragraph", "1.2中小企业声明函"), ("paragraph", "第七章 采购需求"),
              ("paragraph", "1、需求")]
    doc = doc_of(blocks, "pdf")
    pages = [1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 6, 7, 8, 8]  # each label opens its page
    for b, page in zip(doc.blocks, pages):
        b.page = page
    assert titles(doc) == ["资格性自查表", "符合性自查表", "投标函", "中小企业声明函"]


def test_field_lines_are_not_forms_and_notes_are_cut_from_titles():
    doc = doc_of([("paragraph", "第一章 投标人须知"), ("paragraph", "内容。"), ("paragraph", "第六章 投标文件格式"),
                  ("paragraph", "格式 1.投标人基本情况表"), ("paragraph", "1.投标人名称：电话号码："),
                  ("paragraph", "2.注册资金：经济性质："), ("paragraph", "格式 2.联合体共同投标协议书（如联合体投标，需提供）"),
                  ("paragraph", "致：采购人"),
                  ("paragraph", "格式 3.投标保函（已通过支票、汇票、本票、网上银行转账方式提交保证金的按“须知"),
                  ("paragraph", "第七章 采购需求"), ("paragraph", "1、需求")])
    assert titles(doc) == ["投标人基本情况表", "联合体共同投标协议书", "投标保函"]


def test_chinese_composition_list_is_the_structure_when_no_formats_chapter_exists():
    doc = doc_of([("paragraph", "第二章 投标须知"), ("heading", "三、投标文件"), ("heading", "1.投标文件组成："),
                  ("paragraph", "（1）投标函；"), ("paragraph", "（2）营业执照、资质证书复印件；"),
                  ("paragraph", "（3）技术方案（设计思路、安装方案）；"), ("paragraph", "（4）报价清单。"),
                  ("heading", "2.投标有效期：60日历天。"), ("paragraph", "第三章 技术要求"), ("paragraph", "1、要求")])
    assert titles(doc) == ["投标函", "营业执照、资质证书复印件", "技术方案", "报价清单"]
