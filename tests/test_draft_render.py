"""The three .docx open cleanly, look like bid documents and show tender text literally."""

import zipfile

import docx
from docx.oxml.ns import qn
from draft_fakes import FakeKB, sample_tender
from draft_output_text import docx_text, xlsx_text

from bidkit.draft import build_draft
from bidkit.model import Requirement, ScoringItem
from bidkit.render.safe_write import SafeWriter
from bidkit.render.volumes import write_draft

TRICKY = "须兼容 A&B <二期> 接口，模板语法 {{ x }} 与 {% if y %} 原样保留"


def render(tmp_path, tender, **kw):
    return write_draft(build_draft(tender, FakeKB(), **kw), SafeWriter(tmp_path / "out"))


def test_ampersands_angle_brackets_and_jinja_text_appear_literally(tmp_path):
    tender = sample_tender()
    tender.requirements.append(Requirement(kind="technical", text=TRICKY, page=9))
    tender.scoring.insert(0, ScoringItem(category="技术", item="接口 <A&B>", points=5,
                                         criteria="{{ points }} 分 {% endif %}"))
    tender.meta.project_name = "A&B <二期> {{ name }}"
    files = render(tmp_path, tender)
    technical = docx_text(files["technical"])
    assert TRICKY in technical
    assert "接口 <A&B>" in technical and "{{ points }} 分 {% endif %}" in technical
    assert "A&B <二期> {{ name }}" in technical
    assert TRICKY in xlsx_text(files["matrix"])


def test_chinese_volumes_use_east_asian_fonts_xiaosi_and_1_5_spacing(tmp_path):
    document = docx.Document(str(render(tmp_path, sample_tender())["technical"]))
    styles = document.styles
    normal_fonts = styles["Normal"].element.rPr.find(qn("w:rFonts"))
    assert normal_fonts is None or normal_fonts.get(qn("w:eastAsia")) in (None, "宋体")
    defaults = document.styles.element.find(qn("w:docDefaults")).find(".//" + qn("w:rFonts"))
    assert defaults.get(qn("w:eastAsia")) == "宋体"
    heading_fonts = styles["Heading 1"].element.rPr.find(qn("w:rFonts"))
    assert heading_fonts.get(qn("w:eastAsia")) == "黑体"
    assert heading_fonts.get(qn("w:eastAsiaTheme")) is None
    assert styles["Normal"].font.size.pt == 12 and styles["Normal"].paragraph_format.line_spacing == 1.5


def test_volumes_have_toc_updating_on_open_page_numbers_and_numbered_headings(tmp_path):
    for path in list(render(tmp_path, sample_tender()).values())[:3]:
        with zipfile.ZipFile(path) as z:
            body = z.read("word/document.xml").decode()
            settings = z.read("word/settings.xml").decode()
            footers = "".join(z.read(n).decode() for n in z.namelist() if "footer" in n)
            numbering = z.read("word/numbering.xml").decode()
        assert "TOC \\o" in body and "updateFields" in settings
        assert "PAGE" in footers and "NUMPAGES" in footers
        styles = docx.Document(str(path)).styles
        assert styles["Heading 1"].element.pPr.numPr is not None and "Heading1" in numbering


def test_every_scoring_item_gets_its_own_chapter_in_tender_order(tmp_path):
    document = docx.Document(str(render(tmp_path, sample_tender())["technical"]))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    assert headings[:2] == ["服务方案", "售后服务"]


def test_substantive_items_are_visibly_marked_in_the_deviation_table(tmp_path):
    document = docx.Document(str(render(tmp_path, sample_tender())["technical"]))
    clause_cells = [row.cells[1] for row in document.tables[0].rows[1:]]
    star_runs = [r for c in clause_cells for p in c.paragraphs for r in p.runs if r.text == "★"]
    assert star_runs and all(r.bold for r in star_runs)


def test_english_tenders_get_english_volumes(tmp_path):
    tender = sample_tender(language="en")
    tender.bid_sections = []
    files = render(tmp_path, tender)
    technical, commercial = docx_text(files["technical"]), docx_text(files["commercial"])
    assert "Technical Proposal" in technical and "Point-by-point compliance" in technical
    assert "技术分册" not in technical and "投标函" not in commercial
    assert "Bid submission letter" in commercial and "TO CONFIRM#G" in technical + commercial


def test_commercial_volume_follows_the_tenders_bid_structure_in_order(tmp_path):
    tender = sample_tender()
    document = docx.Document(str(render(tmp_path, tender)["commercial"]))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings[:len(tender.bid_sections)] == [s.title for s in tender.bid_sections]


def test_volumes_cite_short_labels_explained_in_an_evidence_index(tmp_path):
    document = docx.Document(str(render(tmp_path, sample_tender())["technical"]))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "[E1]" in text and "[cap-01]" not in text
    index = document.tables[-1]
    assert index.rows[1].cells[0].text == "E1"
    assert index.rows[1].cells[2].text.startswith(("capabilities/", "projects/", "staff/", "certs/"))


def test_a_technical_deviation_form_in_the_bid_structure_lists_technical_clauses(tmp_path):
    from bidkit.model import BidSection

    tender = sample_tender()
    tender.bid_sections = [BidSection(title="技术偏离表", order=1), BidSection(title="商务偏离表", order=2)]
    document = docx.Document(str(render(tmp_path, tender)["commercial"]))
    technical_rows, commercial_rows = [[r.cells[1].text for r in t.rows[1:]] for t in document.tables[:2]]
    assert any("量子加密" in c for c in technical_rows) and not any("服务期限" in c for c in technical_rows)
    assert any("服务期限" in c for c in commercial_rows) and not any("量子" in c for c in commercial_rows)


def test_control_characters_from_pdf_text_do_not_break_the_files(tmp_path):
    tender = sample_tender()
    tender.requirements.append(Requirement(kind="technical", text="支持\x0c分页\x01符号的条款", page=3))
    files = render(tmp_path, tender)
    assert "支持 分页 符号的条款" in docx_text(files["technical"])
    assert "支持 分页 符号的条款" in xlsx_text(files["matrix"])


def test_english_volumes_number_pages_in_english(tmp_path):
    files = render(tmp_path, sample_tender(language="en"))
    with zipfile.ZipFile(files["technical"]) as z:
        footers = "".join(z.read(n).decode() for n in z.namelist() if "footer" in n)
    assert "Page " in footers and "第 " not in footers


def test_run_properties_are_in_schema_order_so_word_opens_the_file(tmp_path):
    from docx.oxml.ns import qn

    from bidkit.render.ooxml import _RPR_ORDER

    for path in list(render(tmp_path, sample_tender()).values())[:3]:
        body = docx.Document(str(path)).element.body
        for rpr in body.iter(qn("w:rPr")):
            if rpr.getparent().tag == qn("w:r"):
                names = [c.tag.split("}")[1] for c in rpr]
                assert names == sorted(names, key=lambda n: _RPR_ORDER.get(n, 99)), names
                assert all(s.get(qn("w:val")) for s in rpr.findall(qn("w:shd")))
