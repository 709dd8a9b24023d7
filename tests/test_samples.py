"""The shipped samples (tender_samples/) are what EXPECTED.json says they are, read through the
readers only; extractor accuracy on them is tested elsewhere."""

from __future__ import annotations

import email
import email.policy
import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from bidkit.readers import read_document

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "tender_samples"
ZH = SAMPLES / "sample-zh-gongkai-zhaobiao.docx"
EN = SAMPLES / "sample-en-rfp.pdf"
AMENDMENT = SAMPLES / "sample-zh-amendment.docx"
EXPECTED = json.loads((SAMPLES / "EXPECTED.json").read_text(encoding="utf-8"))
LISTS = ("substantive", "qualifications", "invalid_conditions")


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def zh_doc():
    return read_document(ZH)


@pytest.fixture(scope="module")
def en_doc():
    return read_document(EN)


def test_docx_writes_stars_as_wingdings_symbols_and_reader_turns_them_into_stars(zh_doc):
    xml = zipfile.ZipFile(ZH).read("word/document.xml").decode("utf-8")
    assert len(re.findall(r'<w:sym w:font="Wingdings" w:char="F0AB"/>', xml)) >= 2
    sso = next(b for b in zh_doc.blocks if "支持单点登录（SSO）" in b.text)
    assert "★支持单点登录（SSO）" in sso.text
    delivery = next(b for b in zh_doc.blocks if "交付期：合同签订之日起90日历天" in b.text)
    assert delivery.text.startswith("4.1.1 ★交付期")


def test_every_expected_clause_of_the_docx_is_in_its_text(zh_doc):
    text = squash(zh_doc.text)
    truth = EXPECTED[ZH.name]
    for key in (*LISTS, "important"):
        for item in truth[key]:
            assert squash(item["text"])[:40] in text, (key, item["text"])


def test_docx_headings_hold_the_chapters_and_bid_forms_in_order(zh_doc):
    headings = [b.text for b in zh_doc.blocks if b.kind == "heading"]
    chapters = [h for h in headings if re.match(r"第[一二三四五六]章", h)]
    assert chapters == [
        "第一章 招标公告",
        "第二章 投标人须知",
        "第三章 评标办法",
        "第四章 采购需求",
        "第五章 合同条款",
        "第六章 投标文件格式",
    ]
    forms = [h for h in headings[headings.index("第六章 投标文件格式") + 1 :]]
    assert [re.sub(r"^[一二三四五六七八九十]+、", "", f) for f in forms] == EXPECTED[ZH.name][
        "bid_sections"
    ]


def test_text_that_templates_must_escape_is_read_literally(zh_doc):
    text = zh_doc.text
    for literal in (
        "Chrome & Edge",
        "<二期>",
        "<script>",
        "{{学生姓名}}",
        "{% %}",
        "「实质性响应内容」",
    ):
        assert literal in text, literal


def test_docx_scoring_table_has_the_expected_items_and_points(zh_doc):
    table = next(
        b
        for b in zh_doc.blocks
        if b.kind == "table" and b.rows[0][:3] == ["评分类别", "评分项目", "分值"]
    )
    found = {row[1]: float(row[2]) for row in table.rows[1:]}
    assert found == {s["item"]: s["points"] for s in EXPECTED[ZH.name]["scoring"]}


def test_pdf_has_a_text_layer_and_the_expected_page_count(en_doc):
    assert en_doc.page_count == EXPECTED[EN.name]["page_count"] == 24
    assert {b.page for b in en_doc.blocks} >= set(
        range(2, 25)
    )  # every page after the cover has text
    assert "Page 3 of 24" not in en_doc.text  # footers are running lines, not content


def test_every_expected_pdf_item_is_on_its_stated_page(en_doc):
    pages: dict[int, str] = {}
    for block in en_doc.blocks:
        if block.kind == "table" and block.row_pages:  # a table that runs over a page break
            for row, page in zip(block.rows, block.row_pages):
                pages[page] = pages.get(page, "") + squash(" | ".join(row))
        else:
            pages[block.page] = pages.get(block.page, "") + squash(block.text)
    truth = EXPECTED[EN.name]
    items = [i for key in LISTS for i in truth[key]] + [
        {"text": s["item"], "page": s["page"]} for s in truth["scoring"]
    ]
    for item in items:
        assert squash(item["text"])[:30] in pages[item["page"]], item


@pytest.mark.parametrize(
    "name, totals",
    [
        (ZH.name, {"价格": 30, "商务": 20, "技术": 50}),
        (EN.name, {"Technical": 70, "Financial": 30}),
    ],
)
def test_expected_scoring_points_sum_to_100_by_category(name, totals):
    scoring = EXPECTED[name]["scoring"]
    by_category: dict[str, float] = {}
    for item in scoring:
        by_category[item["category"]] = by_category.get(item["category"], 0) + item["points"]
    assert by_category == totals
    assert EXPECTED[name]["scoring_total"] == 100


def test_expected_legend_keeps_triangle_items_out_of_substantive():
    truth = EXPECTED[ZH.name]
    assert "实质性" in truth["marker_legend"]["★"] and "实质性" not in truth["marker_legend"]["▲"]
    assert {i["marker"] for i in truth["substantive"]} == {"★"}
    assert len(truth["important"]) >= 5
    assert not {i["text"] for i in truth["important"]} & {i["text"] for i in truth["substantive"]}
    assert {i["marker"] for i in EXPECTED[EN.name]["substantive"] if not i.get("unsure")} == {"M"}


def test_amendment_moves_the_deadline_and_rewrites_one_star_clause(zh_doc):
    text = squash(read_document(AMENDMENT).text)
    changes = EXPECTED[AMENDMENT.name]["changes"]
    assert "现更正为" in text and "2025年6月25日09时30分" in text
    clause = next(c for c in changes if c["field"] == "substantive")
    assert squash(clause["old"]) in squash(zh_doc.text)
    assert squash(clause["old"]) in text and squash(clause["new"]) in text
    assert EXPECTED[ZH.name]["meta"]["deadline"] == next(
        c["old"] for c in changes if c["field"] == "deadline"
    )


def test_customer_notes_are_a_readable_email_and_minutes():
    msg = email.message_from_bytes(
        (SAMPLES / "sample-notes.eml").read_bytes(), policy=email.policy.default
    )
    assert "智慧校园" in msg["subject"]
    body = msg.get_body(("plain",)).get_content()
    assert "【必须】" in body and "{{学生姓名}}" in body
    assert "&lt;二期&gt;" in msg.get_body(("html",)).get_content()
    minutes = (SAMPLES / "sample-meeting-minutes.md").read_text(encoding="utf-8")
    assert "## 五、待确认事项" in minutes and "| 优先级 |" in minutes.replace(
        "优先级 | 提出人", "优先级 |"
    )


def test_generator_rebuilds_the_committed_samples(tmp_path):
    subprocess.run(
        [sys.executable, str(ROOT / "tools" / "make_samples.py"), str(tmp_path)],
        check=True,
        capture_output=True,
    )
    assert (tmp_path / "EXPECTED.json").read_text(encoding="utf-8") == json.dumps(
        EXPECTED, ensure_ascii=False, indent=1
    ) + "\n"
    for docx_name in (ZH.name, AMENDMENT.name):
        new, old = (
            zipfile.ZipFile(p).read("word/document.xml")
            for p in (tmp_path / docx_name, SAMPLES / docx_name)
        )
        assert new == old, f"{docx_name} is stale: run python tools/make_samples.py"
    assert read_document(tmp_path / EN.name).text == read_document(EN).text
    assert (tmp_path / "sample-notes.eml").read_bytes() == (
        SAMPLES / "sample-notes.eml"
    ).read_bytes()
