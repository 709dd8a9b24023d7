from bidkit.document import Block, Document
from bidkit.pipeline import parse_file
from bidkit.readers import read_document
from bidkit.tender.outline import build_outline, parse_number


def make_doc(texts: list[str], fmt: str = "pdf") -> Document:
    blocks = [Block(kind="paragraph", text=t, index=i, page=1 + i // 5 if fmt == "pdf" else None,
                    paragraph=None if fmt == "pdf" else i + 1) for i, t in enumerate(texts)]
    return Document(path=f"x.{fmt}", format=fmt, blocks=blocks)


def test_table_of_contents_entries_are_not_chapters():
    doc = make_doc(["目录", "第一章 招标公告........3", "第二章 投标人须知........6",
                    "第三章 评标办法........9", "第一章 招标公告", "正文。", "第二章 投标人须知",
                    "正文。", "第三章 评标办法", "正文。"])
    outline = build_outline(doc)
    assert [c.title for c in outline.chapters] == ["第一章 招标公告", "第二章 投标人须知", "第三章 评标办法"]
    assert [c.start for c in outline.chapters] == [4, 6, 8]
    assert len(outline.toc) == 3


def test_merged_pdf_heading_is_cut_back_to_its_title():
    doc = make_doc(["第一章 投标邀请", "正文。", "第二章 投标人须知投标人须知资料表本表是对投标人须知的补充。",
                    "正文。"])
    titles = [c.title for c in build_outline(doc).chapters]
    assert titles == ["第一章 投标邀请", "第二章 投标人须知"]


def test_wrapped_sentence_starting_with_a_chapter_number_is_not_a_chapter():
    doc = make_doc(["第一章 公告", "内容。", "第二章 须知", "具体见", "第五章《采购需求》），否则投标无效。",
                    "第三章 评标办法", "内容。"])
    chapters = build_outline(doc).chapters
    assert [c.number for c in chapters] == [1, 2, 3]
    outline = build_outline(doc)
    assert outline.section_title(doc.blocks[4]) == "第二章 须知"


def test_list_of_document_parts_is_not_taken_for_chapters():
    doc = make_doc(["第一章 投标邀请", "7.1 招标文件包括以下部分：", "第一章 投标邀请", "第二章 投标人须知",
                    "第三章 评标办法", "第二章 投标人须知", "正文。", "第三章 评标办法", "正文。"])
    chapters = build_outline(doc).chapters
    assert [c.start for c in chapters] == [0, 5, 7]


def test_level_two_sections_are_found_inside_chapters():
    doc = make_doc(["第一章 投标人须知", "一、总则", "内容。", "二、投标文件", "内容。"], fmt="docx")
    outline = build_outline(doc)
    assert [s.title for s in outline.subsections(outline.chapters[0])] == ["一、总则", "二、投标文件"]
    assert outline.section_of(doc.blocks[4]).title == "二、投标文件"


def test_chinese_and_roman_numbers_parse():
    assert parse_number("十二") == 12 and parse_number("二十一") == 21 and parse_number("XIV") == 14
    assert parse_number("第") is None


def test_real_pdf_chapters_skip_toc_and_keep_clean_titles(corpus):
    outline = build_outline(read_document(corpus("tenders/zh/zh-10-hanshan-pump-station-supply-install-zb.pdf")))
    titles = [c.title for c in outline.chapters]
    assert titles[0] == "第一章 招标公告" and outline.chapters[0].page == 3
    assert "第六章 投标文件格式" in titles and len(titles) == 8
    assert all(len(t) <= 45 for t in titles)


def test_parse_still_runs_on_a_real_docx(corpus):
    tender = parse_file(corpus("tenders/zh/zh-17-songjiang-train-cleaning-zb.docx"))
    assert tender.scoring and tender.bid_sections


def test_chapter_number_the_toc_gives_twice_keeps_both_chapters():
    doc = make_doc(["第一章 采购邀请\t3", "第五章 评审方法\t25", "第六章 响应文件有关格式\t27",
                    "第六章 合同条款\t52", "第一章 采购邀请", "正文。", "第五章 评审方法", "正文。",
                    "第六章 响应文件有关格式", "1、响应函", "第六章 合同条款", "正文。"], "docx")
    titles = [c.title for c in build_outline(doc).chapters]
    assert titles == ["第一章 采购邀请", "第五章 评审方法", "第六章 响应文件有关格式", "第六章 合同条款"]


def test_toc_tail_search_from_the_tail_matches_a_full_scan():
    import random

    from bidkit.tender.outline import _TOC_TAIL, is_toc_entry, strip_toc_tail

    alphabet = list("ab章节 \t\n.…·•_-—－0123456789１x\u3000")
    rng = random.Random(7)
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        full = _TOC_TAIL.sub("", text).rstrip(" .…·_\t")
        assert strip_toc_tail(text) == full
        assert is_toc_entry(text) == (bool(_TOC_TAIL.search(text)) and len(full) >= 2)
