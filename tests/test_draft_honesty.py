"""The product's edge: nothing is claimed without knowledge-base evidence."""

import re

from draft_fakes import PROFILE, FakeKB, sample_tender
from draft_output_text import all_text, docx_comments, docx_text

from bidkit.draft import build_draft
from bidkit.draft.match import EmptyKB, coverage_of
from bidkit.draft.price import make_price
from bidkit.model import Evidence, Requirement
from bidkit.render.safe_write import SafeWriter
from bidkit.render.volumes import write_draft

MARKER = re.compile(r"【待确认#(G\d+)：")


def write(tmp_path, draft):
    return write_draft(draft, SafeWriter(tmp_path / "out"))


def test_without_a_knowledge_base_nothing_is_claimed_as_met(tmp_path):
    draft = build_draft(sample_tender(), EmptyKB())
    text = all_text(write(tmp_path, draft))
    assert "无偏离" not in text
    assert "我方满足" not in text
    assert all(r.answer.coverage != "met" for r in draft.requirements)


def test_a_claim_with_evidence_is_met_and_cites_the_record():
    draft = build_draft(sample_tender(), FakeKB())
    starred = next(r for r in draft.requirements if r.requirement.id == "T1")
    assert starred.answer.coverage == "met" and starred.deviation == "none"
    assert "[cap-01]" in starred.answer.text


def test_evidence_with_different_figures_does_not_prove_a_quantified_requirement():
    evidence = [Evidence(id="e1", text="驻场服务人员5名，提供7×24小时电话支持。", score=0.9)]
    assert coverage_of("驻场服务人员不少于8名，提供7×24小时支持。", evidence) == "partial"
    assert coverage_of("驻场服务人员5名，提供7×24小时支持。", evidence) == "met"


def test_each_gap_is_a_highlighted_marker_with_a_comment_saying_what_is_missing(tmp_path):
    draft = build_draft(sample_tender(), FakeKB())
    files = write(tmp_path, draft)
    technical = docx_text(files["technical"])
    unproven = next(r for r in draft.requirements if r.requirement.id == "T3")
    gap = unproven.answer.gap
    assert gap is not None and f"【待确认#{gap.id}：" in technical
    comments = docx_comments(files["technical"])
    assert any(gap.missing in c and "量子加密" in c for c in comments)
    import docx
    runs = [r for p in docx.Document(str(files["technical"])).tables[0]._cells
            for para in p.paragraphs for r in para.runs if r.text.startswith("【待确认")]
    assert runs and all(r.font.highlight_color is not None for r in runs)


def test_every_marker_in_the_outputs_is_listed_as_a_gap_and_every_gap_is_shown(tmp_path):
    draft = build_draft(sample_tender(), FakeKB())
    text = all_text(write(tmp_path, draft))
    shown = set(MARKER.findall(text))
    assert shown == {g.id for g in draft.gaps}


def test_company_facts_come_only_from_the_profile(tmp_path):
    kb = FakeKB(profile=None)
    draft = build_draft(sample_tender(), kb)
    commercial = docx_text(write(tmp_path, draft)["commercial"])
    assert PROFILE.name not in commercial
    assert PROFILE.credit_code not in commercial
    assert "知识库公司资料中缺少：统一社会信用代码" in commercial
    with_profile = docx_text(write(tmp_path / "b", build_draft(sample_tender(), FakeKB()))["commercial"])
    assert PROFILE.credit_code in with_profile and PROFILE.legal_representative in with_profile


def test_anonymous_mode_leaves_every_identity_out_of_the_technical_volume(tmp_path):
    tender = sample_tender()
    tender.requirements.append(Requirement(kind="technical", text="项目经理须具备信息系统项目管理师证书。"))
    files = write(tmp_path, build_draft(tender, FakeKB(), anonymous=True))
    technical = docx_text(files["technical"])
    identity = [PROFILE.name, "青岚", PROFILE.credit_code, PROFILE.legal_representative,
                PROFILE.address, PROFILE.phone, "王立群", "林晓"]
    assert [t for t in identity if t in technical] == []
    assert "（略）" in technical  # the quoted evidence named the company: it was withheld
    assert PROFILE.name in docx_text(files["commercial"])  # the commercial volume still signs


def test_the_tender_can_require_anonymity_itself(tmp_path):
    draft = build_draft(sample_tender(anonymous=True), FakeKB())
    assert draft.anonymous
    assert PROFILE.name not in docx_text(write(tmp_path, draft)["technical"])


def test_price_above_the_ceiling_warns_loudly_and_words_match_everywhere(tmp_path):
    tender = sample_tender()
    draft = build_draft(tender, FakeKB(), price=make_price(900000, [], tender.meta, "zh"))
    assert any("最高限价" in w and "废标" in w for w in draft.warnings)
    commercial = docx_text(write(tmp_path, draft)["commercial"])
    assert commercial.count("人民币玖拾万元整（¥900,000.00）") >= 2  # 投标函 and 开标一览表
    assert "玖拾万元整" in commercial and "捌拾" not in commercial


def test_price_within_budget_gives_no_warning():
    tender = sample_tender()
    draft = build_draft(tender, FakeKB(), price=make_price(850000, [], tender.meta, "zh"))
    assert not any("废标" in w for w in draft.warnings)


def test_invalid_bid_conditions_are_self_checks_not_claims():
    draft = build_draft(sample_tender(), FakeKB())
    condition = next(r for r in draft.requirements if r.requirement.kind == "invalid_condition")
    assert condition.answer.coverage == "tbc" and "自查" in condition.answer.text


def test_matrix_puts_substantive_items_first_then_by_points(tmp_path):
    from openpyxl import load_workbook

    draft = build_draft(sample_tender(), FakeKB())
    ws = load_workbook(write(tmp_path, draft)["matrix"]).worksheets[0]
    priorities = [row[0] for row in ws.iter_rows(min_row=2, values_only=True)]
    assert priorities == sorted(priorities) and priorities[0] == 1
    first_clause = ws.cell(row=2, column=5).value
    assert first_clause.startswith("★1.")
    assert {c.value for c in ws[1]} >= {"覆盖情况", "二次开发", "负责人", "功能映射（能力/业绩）"}


def test_a_tender_that_says_its_technical_bid_is_blind_gets_an_anonymous_volume(tmp_path):
    tender = sample_tender()
    tender.requirements.append(Requirement(kind="substantive", substantive=True,
                                           text="技术标采用暗标评审，不得出现投标人名称或可识别信息。"))
    draft = build_draft(tender, FakeKB())
    assert draft.anonymous and PROFILE.name not in docx_text(write(tmp_path, draft)["technical"])
    plain = sample_tender()
    plain.requirements.append(Requirement(kind="commercial", text="本项目不采用暗标。"))
    assert not build_draft(plain, FakeKB()).anonymous


def test_a_delivery_quantity_in_a_procurement_list_is_not_a_figure_to_prove():
    evidence = [Evidence(id="e1", text="数据中台支持主数据管理、数据交换和数据质量稽核。", score=0.8)]
    assert coverage_of("数据中台 | 套 | 1 | 含主数据管理、数据交换、数据质量", evidence) == "met"
    assert coverage_of("数据中台 | 含主数据管理、数据交换，不少于50种数据源", evidence) == "partial"


def test_similar_projects_table_applies_the_scoring_rule_and_lists_closest_first(tmp_path):
    from datetime import date

    from bidkit.draft.match import project_filters

    assert project_filters("自2022年1月1日以来承担过类似项目", date(2026, 1, 1)) == {"since": 2022}
    assert project_filters("近三年单项合同金额不低于50万元", date(2026, 1, 1)) == {
        "since": 2023, "min_amount": 500000.0}
    draft = build_draft(sample_tender(), FakeKB())  # criterion: 近三年类似项目业绩
    projects = next(s for s in draft.commercial if s.kind == "projects")
    assert [r["name"] for r in projects.rows] == ["某省IPTV内容元数据维护服务"]  # the 2019 one is out
    assert "年及以后" in projects.paragraphs[0]


def test_a_scoring_item_on_parameter_responses_points_to_the_deviation_table_with_counts():
    from bidkit.model import ScoringItem

    tender = sample_tender()
    tender.scoring.insert(0, ScoringItem(category="技术", item="技术参数响应", points=20,
                                         criteria="完全满足技术参数要求的得20分，▲每负偏离一项扣2分。"))
    answer = build_draft(tender, FakeKB()).scoring[0].answer
    assert "共3条，其中2条有知识库证据（无偏离），1条待确认" in answer.text


def test_all_queries_of_a_draft_are_embedded_in_one_batch():
    import numpy as np

    from bidkit.draft.match import prefetch_queries

    calls = []

    class Embedder:
        def embed(self, texts):
            calls.append(list(texts))
            return np.ones((len(texts), 4), dtype=np.float32)

    class Store:
        embedder = Embedder()

    class KB:
        store = Store()

    kb = KB()
    prefetch_queries(kb, ["甲", "乙", "甲", " "])
    assert calls == [["甲", "乙"]]
    assert kb.store.embedder.embed(["乙", "甲"]).shape == (2, 4) and len(calls) == 1
    kb.store.embedder.embed(["丙"])
    assert calls[-1] == ["丙"]
