"""Build the sample files in tender_samples/ and their ground truth, EXPECTED.json.

All text is fictional and written for bidkit (see tender_samples/README.md). The build is
deterministic: fixed dates, fixed zip timestamps, reportlab's invariant mode; run it again and
`git diff` shows nothing.

usage: python tools/make_samples.py [OUT_DIR]      (default: tender_samples/)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

TOOLS = Path(__file__).resolve().parent
sys.path.insert(0, str(TOOLS))

import samples_en
import samples_notes
import samples_zh
from sample_markup import ground_truth, parse_markup

SRC = TOOLS / "sample_src"
ZH_TENDER = "sample-zh-gongkai-zhaobiao.docx"
EN_RFP = "sample-en-rfp.pdf"
ZH_AMENDMENT = "sample-zh-amendment.docx"
NOTES_EML = "sample-notes.eml"

ZH_META = {
    "project_name": "云溪市青禾区智慧校园综合管理平台建设项目",
    "project_number": "YXQH-2025-GK-0317",
    "purchaser": "云溪市青禾区教育局",
    "agency": "云溪衡信招标咨询有限公司",
    "procedure": "公开招标",
    "budget": 4860000.0,
    "max_price": 4800000.0,
    "currency": "CNY",
    "deadline": "2025-06-18T09:30",
    "opening": "2025-06-18T09:30",
    "deposit": 48000.0,
    "lots": 1,
}
ZH_LEGEND = {
    "★": "标注“★”的条款为实质性要求，投标人必须满足，否则投标无效",
    "▲": "标注“▲”的条款为重要技术参数，不满足的不导致投标无效，但将按第三章评分标准相应扣分",
}

EN_META = {
    "project_name": "Enterprise Records Management System",
    "project_number": "PA-IT-2025-014",
    "purchaser": "City of Port Alder",
    "agency": None,
    "procedure": "RFP",
    "budget": 1200000.0,
    "max_price": None,
    "currency": "USD",
    "deadline": "2025-07-15T14:00",
    "opening": "2025-07-15T14:30",
    "deposit": 25000.0,
    "lots": 1,
}
EN_LEGEND = {
    "M": 'Requirements marked "M" are mandatory: a Proposal that does not meet every mandatory '
    "requirement will be rejected",
    "D": 'Requirements marked "D" are desirable: not mandatory, scored under "Functional fit"',
}


def build_zh_tender(out: Path) -> dict:
    elements = parse_markup(SRC / "zh_tender.txt")
    doc = samples_zh.new_document(ZH_META["project_name"] + "招标文件")
    samples_zh.write_elements(doc, elements)
    samples_zh.save_deterministic(doc, out / ZH_TENDER)
    truth = ground_truth(elements)
    return {
        "file": ZH_TENDER,
        "language": "zh",
        "meta": ZH_META,
        "marker_legend": ZH_LEGEND,
        **truth,
        "scoring_total": sum(s["points"] for s in truth["scoring"]),
        "notes": "Written for bidkit as sample data; DOCX so every page is null. Two table-row "
        "★ and the 交付期 ★ are Wingdings w:sym glyphs (F0AB), the rest U+2605. The "
        "parameter table is split in two tables; the scoring table merges category "
        "cells vertically. 'important' lists the ▲ clauses (not substantive here).",
    }


def build_en_rfp(out: Path) -> dict:
    elements = parse_markup(SRC / "en_rfp.txt")
    path = out / EN_RFP
    samples_en.build_pdf(elements, path, "RFP PA-IT-2025-014 Enterprise Records Management System")
    truth = ground_truth(elements)
    for key in ("substantive", "qualifications", "invalid_conditions"):
        samples_en.locate_pages(path, truth[key])
    pages = [{"text": s["item"]} for s in truth["scoring"]]
    samples_en.locate_pages(path, pages)
    for item, located in zip(truth["scoring"], pages):
        item["page"] = located["page"]
    del truth["important"]
    return {
        "file": EN_RFP,
        "language": "en",
        "page_count": samples_en.page_count(path),
        "meta": EN_META,
        "marker_legend": EN_LEGEND,
        **truth,
        "scoring_total": sum(s["points"] for s in truth["scoring"]),
        "notes": "Written for bidkit as sample data. Mandatory requirements are table rows whose "
        "M/D column says M (legend in 6.3); 2.6.1 bid security and 2.7.1 validity are "
        "blanket 'shall' clauses without a marker, hence unsure. Technical 70 + "
        "Financial 30 = 100. Pages are 1-based PDF pages (the cover is page 1).",
    }


def build_zh_amendment(out: Path) -> dict:
    elements = parse_markup(SRC / "zh_amendment.txt")
    doc = samples_zh.new_document(ZH_META["project_name"] + "更正公告")
    samples_zh.write_elements(doc, elements)
    samples_zh.save_deterministic(doc, out / ZH_AMENDMENT)
    delivery = "交付期：合同签订之日起{}日历天内完成全部软件部署、硬件安装调试并通过初步验收。"
    return {
        "file": ZH_AMENDMENT,
        "amends": ZH_TENDER,
        "date": "2025-06-05",
        "changes": [
            {"field": "deadline", "old": "2025-06-18T09:30", "new": "2025-06-25T09:30"},
            {"field": "opening", "old": "2025-06-18T09:30", "new": "2025-06-25T09:30"},
            {
                "field": "substantive",
                "clause": "4.1.1",
                "marker": "★",
                "old": "★" + delivery.format(90),
                "new": "★" + delivery.format(120),
            },
        ],
    }


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else TOOLS.parent / "tender_samples"
    out.mkdir(parents=True, exist_ok=True)
    expected = {
        ZH_TENDER: build_zh_tender(out),
        EN_RFP: build_en_rfp(out),
        ZH_AMENDMENT: build_zh_amendment(out),
    }
    samples_notes.build_eml(out / NOTES_EML)
    (out / "EXPECTED.json").write_text(
        json.dumps(expected, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    for name in [*expected, NOTES_EML, "EXPECTED.json"]:
        print(f"wrote {out / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
