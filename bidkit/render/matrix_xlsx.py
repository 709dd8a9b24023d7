"""BidDraft → requirements matrix (.xlsx): every requirement with priority, the capability or
past project that covers it (功能映射), coverage, custom work and an owner; every scoring item;
every gap. Reviewers filter and assign in Excel/WPS."""

from __future__ import annotations

from pathlib import PurePath

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from bidkit.draft.models import BidDraft, label
from bidkit.model import Evidence

HEADERS = {
    "zh": {"requirements": ["优先级", "序号", "类型", "实质性/标记", "招标条款", "页码", "关联评分分值",
                            "功能映射（能力/业绩）", "覆盖情况", "偏离", "二次开发", "负责人", "待确认"],
           "scoring": ["序号", "类别", "评分项", "分值", "评分标准", "页码", "响应位置", "证据", "待确认"],
           "gaps": ["编号", "分册", "事项", "缺少的证据", "页码"],
           "titles": ("需求矩阵", "评分点", "待确认清单"),
           "kinds": {"technical": "技术", "commercial": "商务", "qualification": "资格",
                     "invalid_condition": "无效投标情形", "substantive": "实质性",
                     "customer_need": "客户需求"},
           "where": {"technical": "技术分册", "commercial": "商务分册", "price": "开标一览表/报价"}},
    "en": {"requirements": ["Priority", "No.", "Type", "Mandatory/marker", "Tender clause", "Page",
                            "Points at stake", "Covered by (capability/project)", "Coverage",
                            "Deviation", "Custom work", "Owner", "To confirm"],
           "scoring": ["No.", "Category", "Criterion", "Points", "Details", "Page", "Answered in",
                       "Evidence", "To confirm"],
           "gaps": ["ID", "Volume", "Item", "Missing evidence", "Page"],
           "titles": ("Requirements", "Scoring", "Gaps"),
           "kinds": {"technical": "Technical", "commercial": "Commercial",
                     "qualification": "Eligibility", "invalid_condition": "Rejection ground",
                     "substantive": "Mandatory", "customer_need": "Customer need"},
           "where": {"technical": "Technical proposal", "commercial": "Commercial proposal",
                     "price": "Price schedule"}},
}
WIDTHS = {"requirements": [8, 6, 10, 10, 60, 7, 9, 40, 12, 12, 14, 12, 40],
          "scoring": [6, 10, 30, 7, 60, 7, 14, 40, 40], "gaps": [8, 10, 50, 60, 7]}
HEADER_FILL = PatternFill("solid", fgColor="D9D9D9")
TBC_FILL = PatternFill("solid", fgColor="FFF2CC")
STAR_FILL = PatternFill("solid", fgColor="FCE4D6")


def covered_by(evidence: list[Evidence]) -> str:
    """'产品能力说明.md ¶5 (capability); 业绩表.xlsx row 4 (project)': what a reviewer opens."""
    return "; ".join(" ".join(x for x in (PurePath(ev.source).name or ev.id, ev.location,
                                          f"({ev.kind})") if x) for ev in evidence)


def _sheet(wb: Workbook, title: str, headers: list[str], widths: list[int], first: bool):
    ws = wb.active if first else wb.create_sheet()
    ws.title = title
    ws.append(headers)
    for i, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(i)].width = width
        ws.cell(row=1, column=i).font = Font(bold=True)
        ws.cell(row=1, column=i).fill = HEADER_FILL
    ws.freeze_panes = "A2"
    return ws


def _finish(ws, wrap_columns: tuple[int, ...]) -> None:
    ws.auto_filter.ref = ws.dimensions
    for row in ws.iter_rows(min_row=2):
        for index in wrap_columns:
            row[index - 1].alignment = Alignment(wrap_text=True, vertical="top")


def build_matrix(draft: BidDraft):
    lang = draft.language
    h = HEADERS[lang]
    wb = Workbook()
    ws = _sheet(wb, h["titles"][0], h["requirements"], WIDTHS["requirements"], True)
    ranked = sorted(enumerate(draft.requirements, 1),
                    key=lambda pair: (pair[1].priority, -(pair[1].points or 0), pair[0]))
    for no, resp in ranked:
        req = resp.requirement
        mapping = covered_by(resp.answer.evidence)
        gap = resp.answer.gap.marker(lang) if resp.answer.gap else ""
        ws.append([resp.priority, no, h["kinds"].get(req.kind, req.kind),
                   req.marker or ("实质性" if lang == "zh" else "yes") if req.substantive else "",
                   req.text, req.page or req.source.where, resp.points, mapping,
                   label(resp.answer.coverage, lang), label(resp.deviation, lang),
                   resp.custom_work, resp.owner, gap])
        if req.substantive:
            ws.cell(row=ws.max_row, column=4).fill = STAR_FILL
        if resp.answer.coverage != "met":
            ws.cell(row=ws.max_row, column=9).fill = TBC_FILL
    coverage = DataValidation(type="list", formula1='"' + ",".join(
        label(c, lang) for c in ("met", "partial", "unmet", "tbc")) + '"', allow_blank=True)
    ws.add_data_validation(coverage)
    coverage.add(f"I2:I{max(ws.max_row, 2)}")
    _finish(ws, (5, 8, 13))
    _scoring_sheet(wb, draft)
    gaps = _sheet(wb, h["titles"][2], h["gaps"], WIDTHS["gaps"], False)
    for gap in draft.gaps:
        gaps.append([gap.id, h["where"].get(gap.volume, gap.volume), gap.item, gap.missing, gap.page])
    _finish(gaps, (3, 4))
    return wb


def _scoring_sheet(wb: Workbook, draft: BidDraft) -> None:
    from bidkit.draft.technical import scoring_volume

    lang = draft.language
    h = HEADERS[lang]
    ws = _sheet(wb, h["titles"][1], h["scoring"], WIDTHS["scoring"], False)
    answered = {id(r.item): r for r in draft.scoring}
    by_text = {(r.item.item, r.item.criteria): r for r in draft.scoring}
    for no, item in enumerate(draft.tender_scoring, 1):
        resp = answered.get(id(item)) or by_text.get((item.item, item.criteria))
        evidence = covered_by(resp.answer.evidence) if resp else ""
        gap = resp.answer.gap.marker(lang) if resp and resp.answer.gap else ""
        ws.append([no, item.category, item.item, item.points, item.criteria,
                   item.page or item.source.where, h["where"][scoring_volume(item)], evidence, gap])
        if gap:
            ws.cell(row=ws.max_row, column=9).fill = TBC_FILL
    _finish(ws, (3, 5, 8, 9))
