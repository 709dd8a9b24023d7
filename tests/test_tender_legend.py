"""The tender's own marker legend, and which markers make a clause substantive in it."""

from __future__ import annotations

from bidkit.document import Block, Document
from bidkit.tender.legend import extract_legend, important_markers, substantive_markers
from bidkit.tender.outline import build_outline


def _legend(*texts: str) -> dict[str, str]:
    blocks = [Block(kind="paragraph", text=t, index=i, page=1) for i, t in enumerate(texts)]
    return extract_legend(build_outline(Document(path="t.pdf", format="pdf", blocks=blocks)))


def test_star_defined_as_substantive_is_recorded_with_its_sentence():
    legend = _legend("2.10 招标文件中凡标有“★”的条款均系实质性要求条款。", "其他内容。")
    assert "实质性要求条款" in legend["★"]
    assert substantive_markers(legend) == {"★"}


def test_tenders_that_make_the_triangle_substantive_are_followed():
    legend = _legend("标注“▲”号的条款为实质性条款，负偏离将导致投标无效；标注“★”的为主要性能参数，作为评分依据。")
    assert substantive_markers(legend) == {"▲"}
    assert "主要性能参数" in legend["★"]


def test_important_marker_that_only_costs_points_is_not_substantive():
    legend = _legend(
        "2.用户需求书中标注“★”号条款为实质性条款，当出现负偏离，将作无效投标处理；",
        "3.用户需求书中标注“▲”号条款为重要条款，当出现负偏离，对应项将予以扣分，不会作无效投标处理；",
    )
    assert substantive_markers(legend) == {"★"}
    assert important_markers(legend) == {"▲"}


def test_tick_boxes_are_applicability_not_substantive():
    legend = _legend("注：采购文件条款中以“■”形式标记的内容适用于本项目，以“□”形式标记的内容不适用于本项目。")
    assert "■" in legend and "□" in legend
    assert substantive_markers(legend) == set()


def test_star_referred_to_as_star_clauses_counts_by_convention():
    legend = _legend("7 ★号条款响应 投标文件满足招标文件第五章《采购需求》中★号条款要求的；")
    assert substantive_markers(legend) == {"★"}


def test_energy_saving_product_list_star_is_not_a_legend():
    assert _legend("对节能产品品目清单中以“★”标注的产品，实行强制采购。") == {}


def test_english_asterisk_items_are_mandatory():
    legend = _legend("Items marked with an asterisk (*) are mandatory and non-compliance will lead to rejection.")
    assert substantive_markers(legend) == {"*"}


def test_substantive_format_label_is_a_text_marker():
    legend = _legend("10.2 对于招标文件中标记了“实质性格式”文件的，投标人不得改变格式中给定的文字，否则投标无效。")
    assert "实质性格式" in substantive_markers(legend)


def test_corpus_tender_with_legend_after_the_clauses(corpus):
    from bidkit.readers import read_document

    outline = build_outline(read_document(corpus("tenders/zh/zh-12-sichuan-iptv-metadata-cs.docx")))
    legend = extract_legend(outline)
    assert substantive_markers(legend) == {"★"}
    assert "实质性要求" in legend["★"]


def test_a_marked_clause_does_not_override_the_legend_of_its_marker():
    legend = _legend(
        "标注“▲”号的条款为重要条款，负偏离将扣分，不会作无效投标处理。",
        "▲为保证质量，供应商必须满足以下要求，否则投标无效。",
    )
    assert substantive_markers(legend) == set()
    assert "重要条款" in legend["▲"]


def test_marker_whose_deviation_does_not_invalidate_is_important_only():
    legend = _legend("标注“★”的条款为实质性要求，否则投标无效；",
                     "标注“▲”的条款为重要技术参数，不满足的不导致投标无效，但将相应扣分；")
    assert substantive_markers(legend) == {"★"} and important_markers(legend) == {"▲"}


def test_tick_boxes_in_a_form_are_not_a_legend():
    legend = _legend("投标文件加密打包的电脑：自有□外包□其他□", "是否要求投标人递交投标保证金：□要求 □不要求",
                     "□部分由外商投资")
    assert legend == {}


def test_a_quoted_tick_box_definition_is_a_legend():
    legend = _legend("一、“□”为选择项，采购人采用相应内容的以“■”表示。")
    assert set(legend) == {"□", "■"}


def test_english_asterisk_for_minimum_requirements_is_substantive():
    legend = _legend("Items in bold with an asterisk (*) are minimum requirements; bids that do not meet them will be "
                     "rejected.")
    assert substantive_markers(legend) == {"*"}


def test_mandatory_clauses_called_强制性_are_substantive():
    legend = _legend("技术参数中带“▲”的为关键参数，不满足将被扣分；带“★”的为强制性条款。")
    assert substantive_markers(legend) == {"★"}
