"""bidkit handover: every section of the 交接清单 is filled from tender, bid, notes and KB."""

from __future__ import annotations

from typing import ClassVar

import openpyxl
from test_check import STAR, clean_paragraphs, make_tender, write_bid

from bidkit.handover.build import build_handover
from bidkit.model import Evidence
from bidkit.readers import read_document
from bidkit.render.handover import handover_docx_bytes, handover_xlsx_bytes
from bidkit.tender.notes import extract_customer_needs


class FakeKB:
    """The two KB calls handover makes, over three fixed records."""

    records_: ClassVar[list[Evidence]] = [Evidence(id="P7", kind="project", source="cases/校园一卡通.md", location="¶3",
                         text="某中学智慧校园项目：上线前数据迁移延期两周，教训是提前冻结数据口径。实施难点在于与旧一卡通对接，"
                              "应对措施为先做接口联调。", metadata={"name": "某中学智慧校园项目"}),
                Evidence(id="R1", kind="person", source="staff/张工.md", text="张工 项目经理",
                         metadata={"name": "张工"})]

    def search(self, query, k=5, **_):
        return [r for r in self.records_ if r.kind == "project"][:k]

    def records(self, kind):
        return [r for r in self.records_ if r.kind == kind]


def test_handover_fills_every_section(tmp_path):
    bid_path = tmp_path / "bid.docx"
    write_bid(bid_path, clean_paragraphs() + [
        ("t", [["条款", "响应", "偏离"], ["系统支持10000并发", "支持20000并发", "正偏离"]]),
        ("p", "我方承诺针对贵校教务系统进行二次开发对接。"),
        ("p", "项目经理：张工，驻场服务。"),
        ("p", "【待确认：是否需要移动端】"),
    ])
    minutes = tmp_path / "minutes.md"
    minutes.write_text("必须在寒假前上线。\n移动端是否纳入本期？\n", encoding="utf-8")
    tender_text = "联系人：李老师 电话：010-12345678\n合同履行期限：6 个月。"
    h = build_handover(make_tender(), tender_text, read_document(bid_path), FakeKB(),
                       [extract_customer_needs(read_document(minutes))])
    for field, *_ in h.SECTIONS:
        assert getattr(h, field), f"{field} is empty"
    kinds = {c.kind for c in h.commitments}
    assert {"positive_deviation", "custom_work", "named_staff"} <= kinds
    assert any(STAR in c.text for c in h.confirmed)
    assert any("【待确认" in c.text for c in h.clarifications)
    assert any("移动端是否纳入本期" in c.text for c in h.clarifications)
    assert any("教训" in c.text and c.source.startswith("[P7]") for c in h.history)
    assert any("第 1–" in p.text for p in h.path)  # phases scaled to the 6-month schedule

    (tmp_path / "h.xlsx").write_bytes(handover_xlsx_bytes(h))
    wb = openpyxl.load_workbook(tmp_path / "h.xlsx")
    assert wb.sheetnames[0] == "客户背景" and len(wb.sheetnames) == 7
    (tmp_path / "h.docx").write_bytes(handover_docx_bytes(h))
    text = read_document(tmp_path / "h.docx").text
    assert "售前-实施交接清单" in text and "实施难点预判与应对建议" in text


def test_handover_for_the_shipped_sample_fills_every_section(generated_sample_bid, tmp_path):
    """Issue 6 done-when: the shipped sample, its generated bid, the demo KB and customer notes."""
    import json

    from click.testing import CliRunner
    from conftest import SAMPLES

    from bidkit.cli import cli

    root, _, _ = generated_sample_bid
    result = CliRunner().invoke(cli, [
        "handover", "--tender", str(SAMPLES / "sample-zh-gongkai-zhaobiao.docx"),
        "--bid", str(root / "out" / "technical-volume.docx"),
        "--notes", str(SAMPLES / "sample-meeting-minutes.md"), "--notes", str(SAMPLES / "sample-notes.eml"),
        "--kb", str(root / "kb"), "-o", str(tmp_path), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    for field in ("background", "confirmed", "commitments", "clarifications", "history", "path", "difficulties"):
        assert data[field], field
    assert any("knowledge_base/projects/cases/" in item["source"] for item in data["history"])
    assert any(item["kind"] == "customer_question" for item in data["clarifications"])
    assert any(item["text"].startswith("★") for item in data["confirmed"])
    assert (tmp_path / "handover.docx").exists() and (tmp_path / "handover.xlsx").exists()
