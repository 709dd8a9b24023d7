"""bidkit check on a clean synthetic bid (no findings) and on copies with one planted defect each."""

from __future__ import annotations

import json

import docx
import pytest
from click.testing import CliRunner

from bidkit.check.cnmoney import parse_capitals
from bidkit.check.run import check_bid
from bidkit.cli import cli
from bidkit.model import BidSection, Requirement, SourceRef, Tender, TenderMeta
from bidkit.readers import read_document

STAR = "★投标人须提供7×24小时技术支持服务，接到故障报告后2小时内响应。"
QUAL = "具有独立承担民事责任的能力，提供有效的营业执照。"
PASSAGE = "我方将组建由资深架构师牵头的专职实施团队，采用双周迭代方式推进需求确认、开发与测试工作，确保按期上线。"


def make_tender() -> Tender:
    return Tender(
        source_file="tender.docx",
        meta=TenderMeta(project_name="某区智慧校园平台建设项目", project_number="ZB-2026-018",
                        budget=1_300_000, max_price=1_250_000),
        requirements=[
            Requirement(kind="technical", text=STAR, substantive=True, marker="★",
                        source=SourceRef(paragraph=120)),
            Requirement(kind="qualification", text=QUAL, source=SourceRef(paragraph=30)),
        ],
        bid_sections=[BidSection(title=t, order=i) for i, t in
                      enumerate(["投标函", "开标一览表", "技术偏离表", "技术方案"], start=1)],
    )


def clean_paragraphs() -> list[tuple[str, object]]:
    return [
        ("h", "投标函"),
        ("p", "项目名称：某区智慧校园平台建设项目"),
        ("p", "项目编号：ZB-2026-018"),
        ("p", "投标总价：人民币 1,200,000.00 元（大写：人民币壹佰贰拾万元整）。"),
        ("p", "投标有效期：90 天。"),
        ("h", "开标一览表"),
        ("t", [["项目名称", "投标总价（元）", "大写"],
               ["某区智慧校园平台建设项目", "1,200,000.00", "人民币壹佰贰拾万元整"],
               ["合计", "1,200,000.00", ""]]),
        ("h", "资格证明文件"),
        ("t", [["资格要求", "响应", "证明材料"], [QUAL, "满足", "[营业执照] 附件1"]]),
        ("h", "技术偏离表"),
        ("t", [["招标条款", "投标响应", "偏离", "证据"], [STAR, "满足，提供7×24小时服务", "无偏离", "[P3] 运维案例.docx"]]),
        ("h", "技术方案"),
        ("p", PASSAGE),
    ]


def write_bid(path, paragraphs) -> None:
    d = docx.Document()
    for kind, content in paragraphs:
        if kind == "h":
            d.add_heading(content, level=1)
        elif kind == "p":
            d.add_paragraph(content)
        else:
            table = d.add_table(rows=0, cols=len(content[0]))
            for row in content:
                cells = table.add_row().cells
                for cell, value in zip(cells, row):
                    cell.text = value
    d.save(path)


def run_check(tmp_path, paragraphs, name="bid.docx", **kwargs):
    path = tmp_path / name
    write_bid(path, paragraphs)
    return check_bid(read_document(path), make_tender(), "投标有效期为 90 天。", **kwargs)


def replace(paragraphs, old, new):
    out = []
    for kind, content in paragraphs:
        if kind == "t":
            content = [[c.replace(old, new) for c in row] for row in content]
        else:
            content = content.replace(old, new)
        out.append((kind, content))
    return out


def test_clean_bid_has_no_findings(tmp_path):
    report = run_check(tmp_path, clean_paragraphs())
    assert report.findings == []
    assert report.exit_code == 0
    assert {a["status"] for a in report.answered} == {"answered"}


PLANTED = {
    "unanswered star clause": (lambda p: [x for x in p if not (x[0] == "t" and STAR in str(x[1]))],
                               "substantive", "not answered"),
    "star clause still pending": (lambda p: replace(p, "满足，提供7×24小时服务", "【待确认：缺少运维案例】"),
                                  "substantive", "待确认"),
    "missing section": (lambda p: [x for x in p if x != ("h", "开标一览表")], "sections", "开标一览表"),
    "sections out of order": (lambda p: p[9:11] + p[:9] + p[11:], "sections", "out of order"),
    "leftover template tag": (lambda p: p + [("p", "联系人：{{ contact_name }}")], "markers", "template tag"),
    "empty placeholder": (lambda p: p + [("p", "日期：________")], "markers", "placeholder"),
    "totals disagree": (lambda p: replace(p, "投标总价：人民币 1,200,000.00", "投标总价：人民币 1,210,000.00"),
                        "money", "different totals"),
    "capitals disagree": (lambda p: replace(p, "（大写：人民币壹佰贰拾万元整）", "（大写：人民币壹佰贰拾壹万元整）"),
                          "money", "does not match"),
    "above ceiling": (lambda p: replace(replace(p, "1,200,000.00", "1,280,000.00"), "壹佰贰拾万元整",
                                        "壹佰贰拾捌万元整"), "money", "exceeds"),
    "wrong project number": (lambda p: replace(p, "ZB-2026-018", "ZB-2026-081"), "identity", "project number"),
    "short validity": (lambda p: replace(p, "90 天", "60 天"), "dates", "validity"),
}


@pytest.mark.parametrize("defect", sorted(PLANTED))
def test_each_planted_defect_is_found(tmp_path, defect):
    mutate, category, words = PLANTED[defect]
    report = run_check(tmp_path, mutate(clean_paragraphs()))
    hits = [f for f in report.findings if f.category == category and words in f.message]
    assert hits, [f.message for f in report.findings]


def test_anonymous_volume_reveals_identity(tmp_path):
    paragraphs = clean_paragraphs() + [("p", "本方案由示例信息技术有限公司编制，联系电话 13800138000。")]
    report = run_check(tmp_path, paragraphs, anonymous=True, identity=["示例信息技术有限公司"])
    messages = [f.message for f in report.findings if f.category == "anonymity"]
    assert any("示例信息技术有限公司" in m for m in messages)
    assert any("13800138000" in m for m in messages)
    assert report.exit_code == 1


def test_shared_passage_with_another_bid_is_reported_with_both_locations(tmp_path):
    other = tmp_path / "other.docx"
    write_bid(other, [("h", "技术方案"), ("p", "一些不同的内容。"), ("p", PASSAGE)])
    report = run_check(tmp_path, clean_paragraphs(), against=read_document(other))
    shared = [f for f in report.findings if f.category == "similarity"]
    assert shared and shared[0].location and "other bid ¶" in shared[0].evidence


def test_text_copied_from_the_tender_is_not_collusion(tmp_path):
    other = tmp_path / "other.docx"
    write_bid(other, [("p", PASSAGE)])
    path = tmp_path / "bid.docx"
    write_bid(path, clean_paragraphs())
    report = check_bid(read_document(path), make_tender(), "投标有效期为 90 天。" + PASSAGE,
                       against=read_document(other))
    assert not [f for f in report.findings if f.category == "similarity"]


def test_cli_exit_codes_and_json(tmp_path):
    tender_json = tmp_path / "tender.json"
    tender_json.write_text(json.dumps(make_tender().to_contract(), ensure_ascii=False), encoding="utf-8")
    clean, dirty = tmp_path / "clean.docx", tmp_path / "dirty.docx"
    write_bid(clean, clean_paragraphs())
    write_bid(dirty, clean_paragraphs() + [("p", "【待确认：案例】")])
    runner = CliRunner()
    ok = runner.invoke(cli, ["check", str(clean), "--tender", str(tender_json), "--json",
                             "--kb", str(tmp_path / "nokb")])
    assert ok.exit_code == 0, ok.output
    assert json.loads(ok.stdout)["blockers"] == 0
    bad = runner.invoke(cli, ["check", str(dirty), "--tender", str(tender_json), "-o",
                              str(tmp_path / "check.xlsx"), "--kb", str(tmp_path / "nokb")])
    assert bad.exit_code == 1
    assert (tmp_path / "check.xlsx").exists()
    missing = runner.invoke(cli, ["check", str(tmp_path / "nope.docx"), "--tender", str(tender_json)])
    assert missing.exit_code == 2 and "no such file" in missing.output


@pytest.mark.parametrize("text,value", [("人民币壹佰贰拾万元整", 1_200_000), ("捌拾柒万玖仟伍佰贰拾元整", 879_520),
                                        ("壹亿贰仟万零伍元伍角", 120_000_005.5), ("玖拾元零伍分", 90.05)])
def test_chinese_capitals_parse(text, value):
    assert parse_capitals(text) == pytest.approx(value)


def test_real_bid_answering_by_blanket_statement_gets_warnings_not_false_blockers(corpus):
    """bid-zh-01 answers zh-12 with a blanket '完全响应' table and its own forms: its quoted
    totals agree, its project facts match, and the instruction mentioning 负偏离 is not a deviation."""
    from bidkit.pipeline import parse_file

    tender_path = corpus("tenders/zh/zh-12-sichuan-iptv-metadata-cs.docx")
    bid = read_document(corpus("bids/bid-zh-01-sichuan-iptv-metadata-response-REDACTED.docx"))
    report = check_bid(bid, parse_file(tender_path), read_document(tender_path).text)
    blockers = {(f.category, f.message) for f in report.blockers}
    assert not [b for b in blockers if b[0] in ("substantive", "qualification", "money", "identity",
                                                   "markers", "dates")], blockers
    assert any(f.severity == "warning" and "item by item" in f.message for f in report.findings)
