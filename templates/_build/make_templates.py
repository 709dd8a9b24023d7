"""Build the docxtpl templates of `bidkit draft` (templates/*.docx and the package copies).

usage: python templates/_build/make_templates.py
The templates are generated, not hand-edited, so they stay reproducible and reviewable here.
Variables are documented in templates/README.md. Users customise an exported copy
(`bidkit templates export DIR`) in Word and pass `--templates DIR`.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_BREAK, WD_PARAGRAPH_ALIGNMENT
from docx.shared import Cm, Pt, RGBColor

from bidkit.render import ooxml

ROOT = Path(__file__).resolve().parents[2]
OUT_DIRS = (ROOT / "templates", ROOT / "bidkit" / "templates")


def new_document():
    doc = Document()
    styles = doc.styles
    table_text = styles.add_style("Table Text", WD_STYLE_TYPE.PARAGRAPH)
    table_text.base_style = styles["Normal"]
    table_text.font.size = Pt(10.5)  # 五号
    table_text.paragraph_format.line_spacing = 1.0
    table_text.paragraph_format.space_after = Pt(0)
    cite = styles.add_style("Evidence Citation", WD_STYLE_TYPE.PARAGRAPH)
    cite.base_style = styles["Normal"]
    cite.font.size = Pt(9)
    cite.font.color.rgb = RGBColor(0x59, 0x59, 0x59)
    cover = styles.add_style("Cover Line", WD_STYLE_TYPE.PARAGRAPH)
    cover.base_style = styles["Normal"]
    cover.font.size = Pt(16)
    cover.paragraph_format.alignment = WD_PARAGRAPH_ALIGNMENT.CENTER
    ooxml.apply_house_style(doc)
    for level in (1, 2, 3):
        heading = styles[f"Heading {level}"]
        heading.font.color.rgb = RGBColor(0, 0, 0)
        heading.font.size = Pt({1: 16, 2: 14, 3: 12}[level])  # 三号 / 四号 / 小四
    styles["Heading 1"].paragraph_format.page_break_before = True
    localise_footer(doc)
    ooxml.set_heading_numbering(doc, levels=3)
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.5)
    return doc


FOOTER_LABELS = {"第 ": "{{ L.page_before }}", " 页 共 ": "{{ L.page_mid }}", " 页": "{{ L.page_after }}"}


def localise_footer(doc) -> None:
    """ooxml writes '第 X 页 共 Y 页'; the words become labels so English volumes say 'Page X of Y'."""
    for run in doc.sections[0].footer.paragraphs[0].runs:
        if run.text in FOOTER_LABELS:
            run.text = FOOTER_LABELS[run.text]


def para(doc, text: str, style: str | None = None):
    return doc.add_paragraph(text, style=style)


def cover(doc, title_var: str, show_bidder: str) -> None:
    for _ in range(4):
        doc.add_paragraph()
    para(doc, "{{ meta.project_name }}", "Title").alignment = WD_PARAGRAPH_ALIGNMENT.CENTER
    para(doc, "{{ L." + title_var + " }}", "Cover Line")
    for _ in range(3):
        doc.add_paragraph()
    para(doc, "{{ L.project_number }}{{ L.colon }}{{ meta.project_number }}", "Cover Line")
    para(doc, "{%p if " + show_bidder + " %}")
    para(doc, "{{ L.bidder }}{{ L.colon }}{{r bidder }}", "Cover Line")
    para(doc, "{%p else %}")
    para(doc, "{{ L.withheld_note }}", "Cover Line")
    para(doc, "{%p endif %}")
    para(doc, "{{ L.date }}{{ L.colon }}{{ date }}", "Cover Line")
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    toc_title = para(doc, "{{ L.toc }}", "Cover Line")
    toc_title.runs[0].bold = True
    ooxml.add_table_of_contents(doc.add_paragraph(), placeholder="{{ L.toc_placeholder }}")


def loop_table(doc, headers: list[str], cells: list[str], widths: list[float], loop: str):
    """Header row + docxtpl row loop: `{%tr for … %}` / the cells / `{%tr endfor %}`."""
    table = doc.add_table(rows=4, cols=len(headers))
    table.style = doc.styles["Table Grid"]
    rows = table.rows
    for i, header in enumerate(headers):
        cell = rows[0].cells[i]
        cell.text = header
        cell.paragraphs[0].style = doc.styles["Table Text"]
        cell.paragraphs[0].runs[0].bold = True
        ooxml.set_cell_shading(cell)
    ooxml.set_repeat_table_header(rows[0])
    rows[1].cells[0].text = "{%tr for " + loop + " %}"
    for i, value in enumerate(cells):
        rows[2].cells[i].text = value
        rows[2].cells[i].paragraphs[0].style = doc.styles["Table Text"]
    rows[3].cells[0].text = "{%tr endfor %}"
    table.autofit = False
    for i, width in enumerate(widths):  # LibreOffice reads the grid, Word the cell widths
        table.columns[i].width = Cm(width)
        for row in rows:
            row.cells[i].width = Cm(width)
    return table


def compliance_table(doc, status_label: str, row: str, rows: str):
    """Clause | page | response | 偏离/状态 | evidence: the deviation and qualification tables."""
    return loop_table(
        doc, ["{{ L.no }}", "{{ L.clause }}", "{{ L.page }}", "{{ L.response }}",
              "{{ L." + status_label + " }}", "{{ L.evidence }}"],
        [f"{{{{ {row}.no }}}}", f"{{{{r {row}.clause }}}}", f"{{{{ {row}.page }}}}",
         f"{{{{r {row}.response }}}}", f"{{{{r {row}.status }}}}", f"{{{{ {row}.evidence }}}}"],
        [1.0, 4.4, 1.2, 5.2, 1.6, 2.6], f"{row} in {rows}")


def technical() -> Document:
    doc = new_document()
    cover(doc, "technical_volume", "not anonymous")
    para(doc, "{{ L.scoring_chapter }}", "Heading 1")
    para(doc, "{%p if scoring_note %}")
    para(doc, "{{r scoring_note }}")
    para(doc, "{%p endif %}")
    para(doc, "{%p for s in scoring %}")
    para(doc, "{{ s.title }}", "Heading 2")
    para(doc, "{{ s.criteria_line }}").runs[0].italic = True
    para(doc, "{{r s.answer }}")
    para(doc, "{%p for e in s.evidence %}")
    para(doc, "{{ L.evidence }} {{ e }}", "Evidence Citation")
    para(doc, "{%p endfor %}")
    para(doc, "{%p endfor %}")
    para(doc, "{{ L.requirements_chapter }}", "Heading 1")
    compliance_table(doc, "deviation", "r", "requirements")
    para(doc, "{%p for c in chapters %}")
    para(doc, "{{ c.title }}", "Heading 1")
    para(doc, "{%p for p in c.paragraphs %}")
    para(doc, "{{r p }}")
    para(doc, "{%p endfor %}")
    para(doc, "{%p endfor %}")
    return doc


def commercial() -> Document:
    doc = new_document()
    cover(doc, "commercial_volume", "True")
    para(doc, "{%p for s in sections %}")
    para(doc, "{{ s.title }}", "Heading 1")
    para(doc, "{%p for p in s.paragraphs %}")
    para(doc, "{{r p }}")
    para(doc, "{%p endfor %}")
    para(doc, "{%p if s.kind in ('price', 'authorisation') and s.rows %}")
    loop_table(doc, ["{{ L.item }}", "{{ L.content }}"], ["{{ row.k }}", "{{r row.v }}"],
               [5.0, 11.0], "row in s.rows")
    para(doc, "{%p endif %}")
    para(doc, "{%p if s.kind == 'itemised' and s.rows %}")
    loop_table(doc, ["{{ L.no }}", "{{ L.item }}", "{{ L.quantity }}", "{{ L.amount }}"],
               ["{{ row.no }}", "{{ row.k }}", "{{ row.q }}", "{{r row.v }}"],
               [1.2, 7.8, 2.0, 5.0], "row in s.rows")
    para(doc, "{%p endif %}")
    para(doc, "{%p if s.kind in ('qualification', 'deviation') and s.rows %}")
    compliance_table(doc, "status", "row", "s.rows")
    para(doc, "{%p endif %}")
    para(doc, "{%p if s.kind == 'projects' and s.rows %}")
    loop_table(doc, ["{{ L.no }}", "{{ L.project_name }}", "{{ L.client }}", "{{ L.amount }}",
                     "{{ L.period }}", "{{ L.industry }}", "{{ L.proof }}"],
               ["{{ row.no }}", "{{ row.name }}", "{{ row.client }}", "{{ row.amount }}",
                "{{ row.period }}", "{{ row.industry }}", "{{ row.proof }}"],
               [1.0, 3.8, 2.8, 2.2, 2.6, 1.4, 2.2], "row in s.rows")
    para(doc, "{%p endif %}")
    para(doc, "{%p endfor %}")
    return doc


def qa() -> Document:
    doc = new_document()
    cover(doc, "qa_sheet", "not anonymous")
    para(doc, "{{ L.pitch }}", "Heading 1")
    loop_table(doc, ["{{ L.part }}", "{{ L.minutes }}", "{{ L.points }}"],
               ["{{ p.part }}", "{{ p.minutes }}", "{{ p.points }}"], [10.0, 3.0, 3.0],
               "p in pitch")
    para(doc, "{{ L.questions }}", "Heading 1")
    para(doc, "{%p for g in groups %}")
    para(doc, "{{ g.title }}", "Heading 2")
    loop_table(doc, ["{{ L.no }}", "{{ L.question }}", "{{ L.answer }}", "{{ L.evidence }}",
                     "{{ L.who }}"],
               ["{{ q.no }}", "{{ q.question }}", "{{r q.answer }}", "{{ q.evidence }}",
                "{{ q.who }}"], [1.0, 4.6, 6.0, 2.4, 2.0], "q in g.questions")
    para(doc, "{%p endfor %}")
    para(doc, "{{ L.gaps }}", "Heading 1")
    loop_table(doc, ["ID", "{{ L.item }}", "{{ L.content }}", "{{ L.page }}"],
               ["{{ g.id }}", "{{ g.item }}", "{{ g.missing }}", "{{ g.page }}"],
               [1.4, 6.0, 7.4, 1.2], "g in gaps")
    return doc


def evidence_index(doc) -> None:
    """The closing chapter: what each [E1], [E2] … citation points to."""
    para(doc, "{%p if evidence_index %}")
    para(doc, "{{ L.evidence_index }}", "Heading 1")
    loop_table(doc, ["{{ L.label }}", "{{ L.kind }}", "{{ L.source }}", "{{ L.location }}"],
               ["{{ e.label }}", "{{ e.kind }}", "{{ e.source }}", "{{ e.location }}"],
               [1.4, 2.2, 9.4, 3.0], "e in evidence_index")
    para(doc, "{%p endif %}")


BUILDERS = {"technical": technical, "commercial": commercial, "qa": qa}


def main() -> None:
    for name, build in BUILDERS.items():
        target = OUT_DIRS[0] / f"{name}.docx"
        document = build()
        evidence_index(document)
        document.save(target)
        shutil.copyfile(target, OUT_DIRS[1] / f"{name}.docx")
        print(f"wrote {target} (+ package copy)")


if __name__ == "__main__":
    main()
