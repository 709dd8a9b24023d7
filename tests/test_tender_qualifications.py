"""Qualification requirements: one item per clause, found from headings, numbering and tables."""

from __future__ import annotations

from bidkit.document import Block, Document
from bidkit.tender.outline import build_outline
from bidkit.tender.qualifications import extract_qualifications


def make_doc(items: list[str | tuple[str, list[list[str]]]], fmt: str = "pdf") -> Document:
    """Blocks from plain strings (paragraphs, one page each 5 blocks) and (caption, rows) tables."""
    blocks: list[Block] = []
    for it in items:
        i = len(blocks)
        page = i // 5 + 1 if fmt == "pdf" else None
        para = None if fmt == "pdf" else i + 1
        if isinstance(it, tuple):
            rows = it[1]
            blocks.append(Block(kind="table", text="\n".join(" | ".join(r) for r in rows), index=i,
                                page=page, paragraph=para, rows=rows))
        else:
            blocks.append(Block(kind="paragraph", text=it, index=i, page=page, paragraph=para))
    return Document(path="t." + fmt, format=fmt, blocks=blocks)


def texts(doc: Document) -> list[str]:
    return [r.text for r in extract_qualifications(build_outline(doc))]


NOTICE = [
    "第一章 招标公告",
    "一、项目基本情况",
    "1、项目名称：某单位物业服务",
    "二、投标人资格要求",
    "1、具有独立承担民事责任的能力；",
    "2、本项目的特定资格要求：",
    "（1）具有有效的物业服务企业登记证明；",
    "（2）近三年内无重大违法记录；",
    "3、本项目不接受联合体投标。",
    "三、获取招标文件",
    "1、时间：2025年1月2日至1月9日。",
]


def test_numbered_list_under_heading_gives_one_item_per_clause():
    got = texts(make_doc(NOTICE))
    assert got == ["1、具有独立承担民事责任的能力；", "（1）具有有效的物业服务企业登记证明；",
                   "（2）近三年内无重大违法记录；", "3、本项目不接受联合体投标。"]


def test_list_ends_at_next_heading_of_same_level():
    got = texts(make_doc(NOTICE))
    assert not any("时间" in t for t in got)


def test_sub_heading_with_colon_is_dropped_but_its_items_kept():
    got = texts(make_doc(NOTICE))
    assert "2、本项目的特定资格要求：" not in got


def test_empty_option_and_unticked_checkbox_are_not_requirements():
    doc = make_doc(["二、申请人的资格要求", "1.满足政府采购法第二十二条规定；",
                    "2.其他资格要求： / 。", "□本项目接受分支机构投标。", "■本项目专门面向小微企业采购。",
                    "三、获取招标文件"])
    assert texts(doc) == ["1.满足政府采购法第二十二条规定；", "■本项目专门面向小微企业采购。"]


def test_unnumbered_paragraphs_after_docx_heading_are_items():
    blocks = [Block(kind="heading", text="二、供应商应具备以下资格条件", index=0, paragraph=1, level=2),
              Block(kind="paragraph", text="具有独立承担民事责任的能力。", index=1, paragraph=2),
              Block(kind="paragraph", text="具有良好的商业信誉和健全的财务会计制度。", index=2, paragraph=3),
              Block(kind="heading", text="三、报名时间", index=3, paragraph=4, level=2),
              Block(kind="paragraph", text="报名时间：2026年6月8日。", index=4, paragraph=5)]
    doc = Document(path="t.docx", format="docx", blocks=blocks)
    reqs = extract_qualifications(build_outline(doc))
    assert [r.text for r in reqs] == ["具有独立承担民事责任的能力。", "具有良好的商业信誉和健全的财务会计制度。"]
    assert reqs[0].page is None and reqs[0].source.paragraph == 2


def test_review_table_rows_are_items_and_header_and_cross_references_are_not():
    doc = make_doc(["第三章 资格审查", "二、资格审查要求",
                    ("", [["序号", "审查因素", "审查内容"],
                          ["1", "营业执照", "投标人应提供有效的营业执照；"],
                          ["2", "信用记录", "未被列入失信被执行人名单；"],
                          ["3", "特定资格要求", "如有，见第一章《投标邀请》"]]),
                    "第四章 评标办法"])
    assert texts(doc) == ["营业执照 | 投标人应提供有效的营业执照；", "信用记录 | 未被列入失信被执行人名单；"]


def test_numbered_list_packed_in_a_datasheet_cell_is_split():
    doc = make_doc([("", [["序号", "内容", "说明"],
                          ["14", "投标人的资格条件：", "1.满足第二十二条规定； 2.具有劳务派遣许可证； 3.不接受联合体。"]])])
    assert texts(doc) == ["1.满足第二十二条规定；", "2.具有劳务派遣许可证；", "3.不接受联合体。"]


def test_staff_requirements_are_not_bidder_qualifications():
    doc = make_doc(["一、拟派专家资格要求", "1.具有高级职称；", "2.年龄不超过60周岁；", "二、服务内容"])
    assert texts(doc) == []


def test_items_carry_page_section_and_quote():
    reqs = extract_qualifications(build_outline(make_doc(NOTICE)))
    first = reqs[0]
    assert first.kind == "qualification"
    assert first.page == 1 and first.source.page == 1
    assert first.source.quote == first.text
    assert first.source.section and "招标公告" in first.source.section


def test_english_eligibility_bullets_after_lead_in():
    doc = make_doc(["1. Scope of Work", "General Requirements The partner company must fulfill the following criteria:",
                    "● Is registered as a legal entity within the country;",
                    "● Has delivered at least two similar projects in the last five years;",
                    "Functional Requirements The solution should support the following modules:"])
    assert texts(doc) == ["● Is registered as a legal entity within the country;",
                          "● Has delivered at least two similar projects in the last five years;"]


def test_inline_labelled_requirement_on_the_firm():
    doc = make_doc(["Terms of Reference", "Characteristic of the audit firm: The audit firm should be recognized internationally."])
    assert texts(doc) == ["Characteristic of the audit firm: The audit firm should be recognized internationally."]


def test_real_tender_notice_qualifications(corpus):
    from bidkit.pipeline import parse_file

    tender = parse_file(corpus("tenders/zh/zh-10-hanshan-pump-station-supply-install-zb.pdf"))
    quals = tender.by_kind("qualification")
    joined = "\n".join(q.text for q in quals)
    assert "独立承担民事责任的能力" in joined
    assert "失信被执行人" in joined
    assert all(q.page is not None for q in quals)
    assert len(quals) <= 15  # the notice lists about ten; the evaluation chapter is not repeated


def test_long_english_section_title_heads_the_list_and_three_3_is_not_a_number():
    doc = make_doc(["Section 3. Eligibility and Minimum Qualification Criteria",
                    "To be eligible, a Bidder must meet every criterion below.",
                    "3.1 The Bidder shall be a legally registered entity in good standing.",
                    "3.2 The Bidder shall have an average annual turnover of US$ 2,000,000 over the last three",
                    "(3) financial years, supported by audited statements.",
                    "Section 4. Grounds for Rejection"])
    assert texts(doc) == ["3.1 The Bidder shall be a legally registered entity in good standing.",
                          ("3.2 The Bidder shall have an average annual turnover of US$ 2,000,000 over the last three "
                           "(3) financial years, supported by audited statements.")]


def test_criteria_table_after_a_note_and_a_list_of_forms_gives_its_rows():
    doc = make_doc(["Section III: Qualification Criteria",
                    "Note: the bidder shall submit the following forms.",
                    "1) Form 2: Qualification Criteria - Compliance",
                    "a) Form 2.1: Performance Capability Statement",
                    ("", [["S.No", "QC #", "Condition", "Criteria"],
                          ["1", "QC1", "Experience", "The bidder must have completed three similar projects."],
                          ["2", "QC2", "Turnover", "The bidder must have an average turnover of INR 25 Cr. at least."]])])
    found = texts(doc)
    assert len(found) == 2 and all(t.startswith("QC") for t in found)


def test_contents_lines_and_declaration_forms_do_not_head_lists():
    doc = make_doc(["Participation in the Process - Eligibility Criteria 8",
                    "Form 1: Letter of Bid 33 Form 2: Qualification Criteria 39 Form 3: Checklist 42",
                    "1) The document is published on the portal.",
                    "2) Our Eligibility and Qualifications to participate:",
                    "a) We meet all the qualification criteria of this document."])
    assert texts(doc) == []


def test_sentences_keep_govt_and_cut_urls_together():
    from bidkit.tender.clause_split import sentences
    assert sentences("Not banned by any Govt. Department of Central Govt. at all. Next one.") == \
        ["Not banned by any Govt. Department of Central Govt. at all.", "Next one."]
    assert len(sentences("Register on https://etenders. Gov.in before bidding.")) == 1


def test_clause_split_is_computed_once_per_outline():
    from bidkit.tender.clause_split import split_clauses
    outline = build_outline(make_doc(NOTICE))
    first, second = split_clauses(outline), split_clauses(outline)
    assert first == second and first[0] is second[0] and first is not second


def test_consortium_rules_are_dropped_when_the_tender_accepts_no_consortium():
    doc = make_doc(["第一章 招标公告", "二、投标人资格要求", "1、具有独立承担民事责任的能力；",
                    "2、本项目不接受联合体投标。", "三、获取招标文件",
                    "第二章 投标人须知", "4.投标人的资格要求",
                    "4.1 投标人应具备本项目要求的资格条件。", "4.2 联合体投标的，联合体各方应提交联合投标协议书。",
                    "5.踏勘现场"])
    assert texts(doc) == ["1、具有独立承担民事责任的能力；", "2、本项目不接受联合体投标。",
                          "4.1 投标人应具备本项目要求的资格条件。"]


def test_review_procedure_registration_and_evidence_lists_are_not_qualifications():
    doc = make_doc(["第二章 须知", "22.对投标人的资格审查",
                    "22.1 资格审查依据法律法规和招标文件的规定进行。", "22.2 通过资格审查的投标人不足3家的，不得评标。",
                    "23.评标", "1、合格供应商可于2025-06-10至2025-06-16登录平台报名，报名时提交：",
                    "（1）营业执照扫描件；", "（2）法定代表人授权委托书。",
                    "14.1为证明投标方符合规定的资格条件，投标方应提供下列文件：",
                    "(1)证明投标方资质和资格的文件；", "(2)财务状况声明函；"], fmt="docx")
    assert texts(doc) == []


def test_explanatory_sub_items_under_an_english_criterion_are_notes():
    doc = make_doc(["2.0 Qualification Criteria:",
                    "Bidders who fulfil the following requirements are eligible.",
                    "a) The bidders must have completed similar works during the last seven years as follows:",
                    "Three similar works each costing not less than 40% of the estimated cost.",
                    "(i) For evaluation purpose, the completion cost shall be enhanced by 7% per annum.",
                    "(ii) The cost of free issue materials shall not be included.",
                    "b) Should have average annual turnover of at least 50% of the estimated cost.",
                    "3.0 Tender documents"])
    assert [t[:2] for t in texts(doc)] == ["a)", "b)"]


def test_pdf_footnote_under_the_eligibility_table_is_not_a_criterion():
    doc = make_doc(["Eligibility Criteria",
                    ("", [["Subject", "Criteria", "Document"],
                          ["Legal Status", "Vendor is a legally registered entity.", "Form B"],
                          ["History of Non-Performing Contracts1", "No non-performance for the last 3 years.", "Form D"]]),
                    "1 Non-performance, as decided by the Employer, shall include all contracts not challenged.",
                    "Technical Proposals of bidders who pass the minimum eligibility criteria will be evaluated."])
    found = texts(doc)
    assert len(found) == 2 and not any("Non-performance, as decided" in t or "will be evaluated" in t for t in found)


def test_traditional_chinese_qualification_heading():
    doc = make_doc(["第一章 投標須知", "三、投標廠商資格", "（一）依法登記之公司或商業。", "（二）具有勞動派遣事業許可。",
                    "四、投標文件"], fmt="docx")
    assert texts(doc) == ["（一）依法登記之公司或商業。", "（二）具有勞動派遣事業許可。"]


def test_english_sub_titles_form_names_and_document_numbers_are_not_criteria():
    doc = make_doc(["4.2 Eligibility of bidders from restricted countries",
                    "4.2.1 Restrictions based on Reciprocity.",
                    "Entities from such countries shall not be eligible unless registered.",
                    "4.2.2 The bidder shall not be owned by an entity of a restricted country.",
                    "4.3 Conflicts of interest are defined in clause 9.",
                    "Section III: Qualification Criteria", "RFP document No. 27-19/9/2025-INT (34071)",
                    "1) Form 2: Qualification Criteria - Compliance",
                    "2) The bidder must have a positive net worth in each of the last three years.",
                    "Section IV: Terms of Reference"])
    assert texts(doc) == ["4.2.2 The bidder shall not be owned by an entity of a restricted country.",
                          "2) The bidder must have a positive net worth in each of the last three years."]


def test_rows_of_a_table_with_an_eligibility_requirement_column_are_criteria():
    doc = make_doc(["Section V. Technical Specifications",
                    "• Transport eligibility",
                    "All bidders must meet the following mandatory criteria. Failure makes the proposal non-responsive.",
                    ("", [["Sr. No.", "Mandatory Eligibility Requirement", "Documentary Evidence Required"],
                          ["1", "The bidder must be registered with the tax authority.", "Copy of certificate"],
                          ["2", "The bidder must have three years of IT experience.", "Work orders"]]),
                    ("", [["1. Contents", "1.1", "The documents include Section V Evaluation and Qualification Criteria"]])])
    found = texts(doc)
    assert len(found) == 2 and all(t.startswith("The bidder must") for t in found)


def test_option_pointers_to_the_datasheet_are_not_requirements():
    doc = make_doc(["第二章 须知", "4.投标人的资格要求", "4.1 在中华人民共和国境内注册的法人。",
                    "4.2 本次招标是否允许现场踏勘，详见投标人须知前附表。", "5.招标文件"], fmt="docx")
    assert texts(doc) == ["4.1 在中华人民共和国境内注册的法人。"]


def test_contractor_and_quoter_vocabulary_heads_the_list():
    doc = make_doc(["Qualifications of the Contractor",
                    "1. The contractor must hold a current GSA Schedule 70 contract.",
                    "2. The contractor must have three similar projects in the last five years.",
                    "Basis of Award"])
    assert len(texts(doc)) == 2


def test_financial_numerals_number_traditional_chinese_sections():
    doc = make_doc(["第一章 投標須知", "貳、投標廠商資格", "一、依法登記之公司。", "二、具有勞動派遣事業許可。",
                    "參、投標文件", "一、投標文件應以中文書寫。"], fmt="docx")
    assert texts(doc) == ["一、依法登記之公司。", "二、具有勞動派遣事業許可。"]


def test_no_consortium_sentence_outside_the_list_is_one_qualification():
    doc = make_doc(["2.0 Qualification Criteria:",
                    "Bidders who fulfil the following are eligible. The joint ventures/Consortium is not accepted.",
                    "a) The bidder must have completed three similar works in the last seven years.",
                    "b) The bidder must have an average turnover of 50% of the estimated cost.",
                    "3.0 Tender documents"])
    assert texts(doc)[-1] == "The joint ventures/Consortium is not accepted."
    conditional = make_doc(["二、投标人资格要求", "1、具有独立承担民事责任的能力；", "三、其他",
                            "7、本项目不接受联合体投标时，投标人不得为联合体。"], fmt="docx")
    assert texts(conditional) == ["1、具有独立承担民事责任的能力；"]


def test_us_rfq_without_eligibility_section_gives_vehicle_and_who_may_quote():
    doc = make_doc(["Request for Quote",
                    "Set Aside: This BPA is not set aside for small business Contract Vehicles: GSA Schedule 70 SIN 132-51.",
                    ("A teaming arrangement joins two GSA Schedule contractors. Each member of the team must have a "
                     "Schedule 70 contract. The team document is a written agreement."),
                    "To avoid conflicts, contractors may only be on one team quoting on this BPA.",
                    "3.0 Basis of Award"])
    assert texts(doc) == ["Set Aside: This BPA is not set aside for small business",
                          "Contract Vehicles: GSA Schedule 70 SIN 132-51.",
                          "Each member of the team must have a Schedule 70 contract.",
                          "To avoid conflicts, contractors may only be on one team quoting on this BPA."]


def test_circled_sub_conditions_stay_inside_their_requirement():
    doc = make_doc(["第一章 招标公告", "二、投标人资格要求", "1.具有独立承担民事责任的能力；",
                    "2.具有类似项目业绩，需同时满足：", "①合同金额不低于100万元；", "②合同期限不少于一年；",
                    "3.本项目不接受联合体投标。", "三、招标文件的获取"])
    got = [r.text for r in extract_qualifications(build_outline(doc))]
    assert len(got) == 3
    assert got[1].startswith("2.具有类似项目业绩") and "②合同期限不少于一年" in got[1]


def test_scope_rules_and_review_document_lists_are_not_qualifications():
    doc = make_doc(["第一章 招标公告", "二、投标人资格要求", "1.具有独立承担民事责任的能力；",
                    "2.投标人必须对整个招标范围进行投标，不得拆分投标；", "三、招标文件的获取"])
    got = [r.text for r in extract_qualifications(build_outline(doc))]
    assert got == ["1.具有独立承担民事责任的能力；"]


def test_empanelment_stated_in_notice_prose_is_a_qualification():
    doc = make_doc(["NOTICE INVITING TENDER",
                    ("Online bids are invited from contractors empanelled with the Central Public Works Department "
                     "in the appropriate class for the following work. The bid shall be submitted online.")])
    got = [r.text for r in extract_qualifications(build_outline(doc))]
    assert any(t.startswith("Online bids are invited from contractors empanelled") for t in got)


def test_empanelled_firms_the_contractor_must_hire_are_not_eligibility():
    doc = make_doc(["4. Scope of Work",
                    "The agency shall get the security audit done from CERT-In empanelled agencies during operation."])
    assert extract_qualifications(build_outline(doc)) == []


def test_no_consortium_stated_as_a_field_value_is_one_qualification():
    doc = make_doc(["第一章 招标公告", "二、投标人资格要求", "1.具有独立承担民事责任的能力；",
                    "2.具有良好的商业信誉；", "三、招标文件的获取", "联合体投标：不接受。"])
    got = [r.text for r in extract_qualifications(build_outline(doc))]
    assert got[-1] == "联合体投标：不接受。" and len(got) == 3


def test_lines_that_only_point_to_another_part_are_not_qualifications():
    doc = make_doc(["第二章 投标人须知", "1.4 投标人资格要求", "（1）投标人应满足前附表规定的资格要求。",
                    "（2）其他要求：按前附表执行。", "（3）具有独立法人资格。",
                    "（4）符合《中华人民共和国政府采购法》第二十二条规定的条件。", "1.5 费用承担"])
    got = [r.text for r in extract_qualifications(build_outline(doc))]
    assert got == ["（3）具有独立法人资格。", "（4）符合《中华人民共和国政府采购法》第二十二条规定的条件。"]
