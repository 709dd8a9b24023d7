"""DOCX reader: automatic numbering, nested tables, text boxes, content controls, symbol-font
glyphs, merged cells and heading levels, on .docx files assembled here from WordprocessingML
snippets, plus the corpus files whose gold notes list these traps."""

from __future__ import annotations

import zipfile

import docx
import pytest

from bidkit.readers import read_document
from bidkit.readers.docx_numbering import chinese_number

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
WPS_NS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"

NUMBERING = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="{W_NS}">
 <w:abstractNum w:abstractNumId="1">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>
   <w:lvlText w:val="（%1）"/><w:suff w:val="nothing"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>
 </w:abstractNum>
 <w:abstractNum w:abstractNumId="2">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl>
 </w:abstractNum>
 <w:abstractNum w:abstractNumId="3">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>
   <w:lvlText w:val="%1、"/></w:lvl>
 </w:abstractNum>
 <w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>
 <w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num>
 <w:num w:numId="3"><w:abstractNumId w:val="3"/>
  <w:lvlOverride w:ilvl="0"><w:startOverride w:val="14"/></w:lvlOverride></w:num>
</w:numbering>"""


def _p(text: str, num: tuple[int, int] | None = None, style: str | None = None) -> str:
    ppr = ""
    if style:
        ppr += f'<w:pStyle w:val="{style}"/>'
    if num:
        ppr += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
    return f"<w:p><w:pPr>{ppr}</w:pPr><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>"


def _tc(content: str, props: str = "") -> str:
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{content}</w:tc>"


def _tbl(*rows: str) -> str:
    return "<w:tbl>" + "".join(f"<w:tr>{r}</w:tr>" for r in rows) + "</w:tbl>"


def _make_docx(path, body: str) -> None:
    """A python-docx default package whose body and numbering part are replaced."""
    docx.Document().save(path)
    with zipfile.ZipFile(path) as z:
        parts = {name: z.read(name) for name in z.namelist()}
    document = parts["word/document.xml"].decode("utf-8")
    head, rest = document.split("<w:body>", 1)
    head = head.replace("<w:document ", f'<w:document xmlns:wps="{WPS_NS}" ', 1) \
        if "xmlns:wps" not in head else head
    sect = rest[rest.index("<w:sectPr"):]
    parts["word/document.xml"] = (head + "<w:body>" + body + sect).encode("utf-8")
    parts["word/numbering.xml"] = NUMBERING.encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)


def _texts(path) -> list[str]:
    return [b.text for b in read_document(path).blocks]


def test_chinese_counting_renders_clause_numbers():
    assert [chinese_number(n) for n in (1, 10, 14, 20, 23, 100, 105)] == \
        ["一", "十", "十四", "二十", "二十三", "一百", "一百零五"]


def test_automatic_numbering_becomes_text_prefixes(tmp_path):
    path = tmp_path / "numbered.docx"
    _make_docx(path, "".join([
        _p("资格要求", (1, 0)), _p("营业执照", (1, 1)), _p("财务报表", (1, 1)),
        _p("商务要求", (1, 0)), _p("付款方式", (1, 1)),
        _p("总则", (2, 0)), _p("适用范围", (2, 1)), _p("定义", (2, 1)),
        _p("服务方案", (3, 0)), _p("实施进度计划", (3, 0)),
        _p("无编号段落"),
    ]))
    assert _texts(path) == ["（一）资格要求", "1.营业执照", "2.财务报表", "（二）商务要求", "1.付款方式",
                            "1.总则", "1.1 适用范围", "1.2 定义", "十四、服务方案", "十五、实施进度计划",
                            "无编号段落"]


def test_nested_table_rows_become_their_own_table_block(tmp_path):
    inner = _tbl(_tc(_p("资格性检查")) + _tc(_p("营业执照")), _tc(_p("符合性检查")) + _tc(_p("投标有效期")))
    outer = _tbl(_tc(_p("序号")) + _tc(_p("内容")), _tc(_p("1")) + _tc(_p("见下表") + inner))
    path = tmp_path / "nested.docx"
    _make_docx(path, _p("资格条件响应表") + outer + _p("表后段落"))
    blocks = read_document(path).blocks
    assert [b.kind for b in blocks] == ["paragraph", "table", "table", "paragraph"]
    assert blocks[1].rows == [["序号", "内容"], ["1", "见下表"]]
    assert blocks[2].rows == [["资格性检查", "营业执照"], ["符合性检查", "投标有效期"]]
    assert blocks[2].paragraph == blocks[1].paragraph  # the nested table shares its number
    assert [b.paragraph for b in blocks] == [1, 2, 2, 3]


def test_merged_cells_keep_columns_aligned_without_duplicates(tmp_path):
    span = '<w:gridSpan w:val="2"/>'
    rows = [
        _tc(_p("项目"), '<w:vMerge w:val="restart"/>') + _tc(_p("内容")) + _tc(_p("分值")),
        _tc(_p(""), "<w:vMerge/>") + _tc(_p("人力资源储备")) + _tc(_p("1")),
        _tc(_p("合计"), span) + _tc(_p("30")),
    ]
    path = tmp_path / "merged.docx"
    _make_docx(path, _tbl(*rows))
    table = read_document(path).blocks[0]
    assert table.rows == [["项目", "内容", "分值"], ["", "人力资源储备", "1"], ["合计", "", "30"]]


def test_symbol_glyphs_and_wingdings_checkboxes_are_kept(tmp_path):
    body = (
        '<w:p><w:r><w:sym w:font="Wingdings" w:char="F0AB"/><w:t>投标有效期不少于90天</w:t></w:r></w:p>'
        '<w:p><w:r><w:rPr><w:rFonts w:ascii="Wingdings 2" w:hAnsi="Wingdings 2"/></w:rPr>'
        '<w:t>R</w:t></w:r><w:r><w:t>是 </w:t></w:r>'
        '<w:r><w:rPr><w:rFonts w:ascii="Wingdings" w:hAnsi="Wingdings"/></w:rPr><w:t>\uf0a8</w:t>'
        '</w:r><w:r><w:t>否</w:t></w:r></w:p>'
    )
    path = tmp_path / "symbols.docx"
    _make_docx(path, body)
    assert _texts(path) == ["★投标有效期不少于90天", "☑是 □否"]


def test_text_box_text_is_read_once_and_content_controls_unwrapped(tmp_path):
    box = (f'<mc:AlternateContent xmlns:mc="{MC_NS}"><mc:Choice Requires="wps"><w:drawing>'
           f'<wps:txbx><w:txbxContent>{_p("（1）投标函；")}</w:txbxContent></wps:txbx></w:drawing>'
           f'</mc:Choice><mc:Fallback><w:pict><w:txbxContent>{_p("（1）投标函；")}</w:txbxContent>'
           '</w:pict></mc:Fallback></mc:AlternateContent>')
    body = (f"<w:p><w:r><w:t>投标文件包括：</w:t></w:r><w:r>{box}</w:r></w:p>"
            f"<w:sdt><w:sdtContent>{_p('（2）开标一览表；')}</w:sdtContent></w:sdt>")
    path = tmp_path / "boxes.docx"
    _make_docx(path, body)
    assert _texts(path) == ["投标文件包括：", "（1）投标函；", "（2）开标一览表；"]


def test_hidden_text_is_not_read(tmp_path):
    body = ('<w:p><w:r><w:t>投标有效期90天</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr>'
            '<w:t>（编写说明：此处按项目填写）</w:t></w:r></w:p>')
    path = tmp_path / "hidden.docx"
    _make_docx(path, body)
    assert _texts(path) == ["投标有效期90天"]


def test_heading_levels_come_from_styles(tmp_path):
    path = tmp_path / "headings.docx"
    _make_docx(path, _p("第一章 招标公告", style="Heading1") + _p("一、项目概况", style="Heading2")
               + _p("正文"))
    blocks = read_document(path).blocks
    assert [(b.kind, b.level) for b in blocks] == [("heading", 1), ("heading", 2), ("paragraph", None)]


def test_header_and_footer_text_is_kept_aside_without_page_numbers(tmp_path):
    path = tmp_path / "headed.docx"
    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "项目编号：HT-2025-001"
    d.sections[0].footer.paragraphs[0].text = "— 3 —"
    d.add_paragraph("正文")
    d.save(path)
    doc = read_document(path)
    assert doc.running == ["项目编号：HT-2025-001"]
    assert [b.text for b in doc.blocks] == ["正文"]


def test_corpus_auto_numbered_qualifications_keep_their_numbers(corpus):
    texts = [b.text for b in read_document(corpus("tenders/zh/zh-12-sichuan-iptv-metadata-cs.docx")).blocks]
    assert "(一)具有独立承担民事责任的能力。" in texts
    assert "(七)本项目不允许联合体参选。" in texts
    assert any(t.startswith("十四、") and "《服务方案》" in t for t in texts)


def test_corpus_nested_form_and_text_boxes_are_read(corpus):
    doc = read_document(corpus("tenders/zh/zh-13-baoshan-police-property-gk.docx"))
    tables = [b for b in doc.blocks if b.kind == "table"]
    assert any(r[0] == "资格性检查" for t in tables for r in t.rows)
    assert any("★" in c for t in tables for r in t.rows for c in r)
    assert "（1）投标函；" in [b.text for b in doc.blocks]
    assert sum("（1）投标函；" == b.text for b in doc.blocks) == 1  # not twice (fallback copy)


@pytest.mark.parametrize("name", ["zh-12-sichuan-iptv-metadata-cs.docx",
                                  "zh-13-baoshan-police-property-gk.docx",
                                  "zh-17-songjiang-train-cleaning-zb.docx"])
def test_corpus_paragraph_numbers_are_one_based_and_ordered(corpus, name):
    blocks = read_document(corpus(f"tenders/zh/{name}")).blocks
    numbers = [b.paragraph for b in blocks]
    assert numbers[0] >= 1 and numbers == sorted(numbers)
    assert [b.index for b in blocks] == list(range(len(blocks)))
