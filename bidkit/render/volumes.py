"""BidDraft → the three .docx (technical, commercial, Q&A) through docxtpl templates.

Templates get plain values for labels and meta (`{{ x }}`) and RichText for content that may
carry 【待确认#G…】 markers (`{{r x }}`): markers are highlighted runs, and after rendering each
one gets a Word comment saying what evidence is missing. Rendering always uses
autoescape=True, so '&', '<' and Jinja-looking text from tenders and the KB come out literally.
"""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

from docxtpl import DocxTemplate, RichText

from bidkit import __version__
from bidkit.draft.citations import CitationIndex, collect_evidence
from bidkit.draft.models import BidDraft, Gap, RequirementResponse, label, map_strings
from bidkit.draft.wording import LABELS
from bidkit.errors import InputError
from bidkit.render import ooxml

TEMPLATE_NAMES = ("technical", "commercial", "qa")
MARKER = re.compile(r"【(?:待确认|TO CONFIRM)#(G\d+)[：:][^】]*】")
HIGHLIGHT = "FFFF00"  # docxtpl writes highlight as cell-style shading, so it must be hex
STAR = re.compile(r"[★▲☆△◆●■※]")


def template_path(name: str, templates_dir: Path | None = None) -> Path:
    """A customised template from `templates_dir` if it has one, else the packaged default."""
    if templates_dir is not None:
        custom = Path(templates_dir) / f"{name}.docx"
        if custom.exists():
            return custom
        if not Path(templates_dir).is_dir():
            raise InputError(f"templates directory {templates_dir} does not exist; create one "
                             "with `bidkit templates export DIR`.")
    return Path(str(resources.files("bidkit") / "templates" / f"{name}.docx"))


def rich(text: str, emphasise_markers: bool = False) -> RichText:
    """Plain text with every gap marker as a highlighted run (and ★/▲ in bold red if asked)."""
    out = RichText()
    position = 0
    for found in MARKER.finditer(text or ""):
        _add_plain(out, text[position:found.start()], emphasise_markers)
        out.add(found.group(0), highlight=HIGHLIGHT, bold=True)
        position = found.end()
    _add_plain(out, (text or "")[position:], emphasise_markers)
    return out


def _add_plain(out: RichText, text: str, emphasise_markers: bool) -> None:
    if not text:
        return
    if not emphasise_markers:
        out.add(text)
        return
    position = 0
    for found in STAR.finditer(text):
        if found.start() > position:
            out.add(text[position:found.start()])
        out.add(found.group(0), color="C00000", bold=True)
        position = found.end()
    if position < len(text):
        out.add(text[position:])


def heading(text: str, limit: int = 60) -> str:
    """A scoring item as a heading: its first sentence, at most `limit` characters (the full
    text stays in the criterion line below it and in the matrix)."""
    text = " ".join(text.split())
    first = re.split(r"(?<=[。；;?？])\s*|(?<=[.!?])\s+", text, maxsplit=1)[0]
    return first if len(first) <= limit else first[:limit].rstrip() + "…"


def _status(code: str, language: str) -> RichText:
    shown = label(code, language)
    return RichText(shown, highlight=HIGHLIGHT) if code in ("tbc", "partial", "unmet", "negative") \
        else RichText(shown)


def flag_substantive(clause: str, substantive: bool, marker: str | None, language: str) -> str:
    """A substantive clause without its own ★/▲ gets a visible 【实质性】 label."""
    if substantive and not marker and not STAR.search(clause[:20]):
        return ("【实质性】" if language == "zh" else "[MANDATORY] ") + clause
    return clause


def _requirement_row(no: int, resp: RequirementResponse, language: str,
                     cites: CitationIndex) -> dict:
    req = resp.requirement
    clause = flag_substantive(req.text, req.substantive, req.marker, language)
    marker = resp.answer.gap.marker(language) if resp.answer.gap else ""
    return {"no": no, "clause": rich(clause, emphasise_markers=True),
            "page": req.page or req.source.where or "",
            "response": rich(cites.text(f"{resp.answer.text} {marker}".strip())),
            "status": _status(resp.deviation, language),
            "evidence": cites.refs(resp.answer.evidence)}


def _base_context(draft: BidDraft) -> dict:
    meta = {k: ("" if v is None else v) for k, v in draft.meta.model_dump().items()}
    return {"L": LABELS[draft.language], "meta": meta, "date": draft.date,
            "anonymous": draft.anonymous, "bidder": rich(draft.bidder),
            "language": draft.language}


def _citations(draft: BidDraft) -> CitationIndex:
    return CitationIndex(collect_evidence(draft))


def technical_context(draft: BidDraft) -> dict:
    zh = draft.language == "zh"
    cites = CitationIndex(collect_evidence([draft.technical_scoring, draft.technical_requirements,
                                            draft.chapters]))
    scoring = []
    for resp in draft.technical_scoring:
        item = resp.item
        points = (f"（{item.points:g}分）" if zh else f" ({item.points:g} points)") if item.points else ""
        marker = resp.answer.gap.marker(draft.language) if resp.answer.gap else ""
        scoring.append({
            "title": heading(item.item),
            "criteria_line": f"{LABELS[draft.language]['criteria']}{points}{'：' if zh else ': '}"
                             + (item.criteria if item.criteria and item.item in item.criteria
                                else f"{item.item} {item.criteria}".strip()),
            "answer": rich(cites.text(f"{resp.answer.text} {marker}".strip())),
            "evidence": [cites.line(ev) for ev in resp.answer.evidence]})
    chapters = []
    for chapter in draft.chapters:
        paragraphs = list(chapter.paragraphs)
        if chapter.answer and chapter.answer.gap:
            paragraphs.append(chapter.answer.gap.marker(draft.language))
        chapters.append({"title": chapter.title,
                         "paragraphs": [rich(cites.text(p)) for p in paragraphs]})
    rows = [_requirement_row(i, r, draft.language, cites)
            for i, r in enumerate(draft.technical_requirements, 1)]
    context = _base_context(draft)
    if draft.anonymous:
        context["bidder"] = RichText("")
    return {**context, "scoring": scoring, "requirements": rows, "chapters": chapters,
            "scoring_note": rich(draft.scoring_note) if draft.scoring_note else "",
            "evidence_index": cites.rows()}


def commercial_context(draft: BidDraft) -> dict:
    cites = _citations(draft)
    sections = []
    for section in draft.commercial:
        rows = []
        for i, row in enumerate(section.rows, 1):
            row = {**row, "no": i}
            for key in ("v", "response"):
                if key in row:
                    row[key] = rich(cites.text(str(row[key])))
            for key in ("evidence", "proof"):
                if key in row:
                    row[key] = cites.text(str(row[key]))
            if "clause" in row:
                clause = flag_substantive(row["clause"], row.get("substantive", False),
                                          None, draft.language)
                row["clause"] = rich(clause, emphasise_markers=True)
            if "status" in row:
                row["status"] = rich(str(row["status"]))
            rows.append(row)
        sections.append({"title": section.title, "kind": section.kind, "rows": rows,
                         "paragraphs": [rich(cites.text(p)) for p in section.paragraphs]})
    return {**_base_context(draft), "sections": sections, "evidence_index": cites.rows()}


def qa_context(draft: BidDraft) -> dict:
    cites = _citations(draft)
    groups = []
    titles = LABELS[draft.language]["groups"]
    for source in ("scoring", "substantive", "deviation", "risk"):
        items = [q for q in draft.qa if q.source == source]
        if items:
            groups.append({"title": titles[source], "questions": [
                {"no": i, "question": q.question, "answer": rich(cites.text(q.answer)),
                 "evidence": cites.refs(q.evidence), "who": q.who}
                for i, q in enumerate(items, 1)]})
    gaps = [{"id": g.id, "item": g.item, "missing": g.missing, "page": g.page or ""}
            for g in draft.gaps]
    return {**_base_context(draft), "pitch": draft.pitch, "groups": groups, "gaps": gaps,
            "evidence_index": cites.rows()}


CONTEXTS = {"technical": technical_context, "commercial": commercial_context, "qa": qa_context}


def render_volume(draft: BidDraft, name: str, templates_dir: Path | None = None):
    """Render one volume; returns the python-docx Document (not yet saved)."""
    path = template_path(name, templates_dir)
    try:
        template = DocxTemplate(str(path))
        template.render(CONTEXTS[name](draft), autoescape=True)
    except InputError:
        raise
    except Exception as exc:  # a broken customised template is the user's input
        if templates_dir is None:
            raise
        raise InputError(f"template {path} cannot be rendered ({type(exc).__name__}: {exc}); "
                         "fix it or export a fresh copy with `bidkit templates export`.") from exc
    document = template.docx
    comment_gaps(document, {g.id: g for g in draft.gaps}, draft.language)
    ooxml.normalise_run_properties(document)  # docxtpl's RichText writes rPr out of order
    ooxml.set_update_fields_on_open(document)
    ooxml.set_custom_property(document, "bidkit_generator", f"bidkit {__version__}")
    ooxml.set_custom_property(document, "bidkit_source", draft.source_file)
    ooxml.set_custom_property(document, "bidkit_gaps", str(len(draft.gaps)))
    return document


def _all_paragraphs(document):
    yield from document.paragraphs
    for table in document.tables:
        yield from _table_paragraphs(table)


def _table_paragraphs(table):
    for row in table.rows:
        for cell in row.cells:
            yield from cell.paragraphs
            for inner in cell.tables:
                yield from _table_paragraphs(inner)


def comment_gaps(document, gaps: dict[str, Gap], language: str) -> int:
    """A Word comment on every highlighted 【待确认#G…】 run, saying what is missing."""
    added, seen = 0, set()
    for paragraph in _all_paragraphs(document):
        for run in paragraph.runs:
            found = MARKER.fullmatch(run.text.strip())
            if not found or id(run._r) in seen:
                continue
            seen.add(id(run._r))
            ooxml.highlight_run(run)  # real w:highlight, so Word's "find highlighting" finds it
            gap = gaps.get(found.group(1))
            if gap is None:
                continue
            text = (f"{gap.item}：{gap.missing}。补充证据或确认后删除此标记。" if language == "zh"
                    else f"{gap.item}: {gap.missing}. Add the evidence or confirm, then delete the "
                         "marker.")
            ooxml.add_comment_to_runs(document, run, text)
            added += 1
    return added


OUTPUT_NAMES = {"technical": "technical-volume.docx", "commercial": "commercial-volume.docx",
                "qa": "qa-prep.docx", "matrix": "requirements-matrix.xlsx"}


_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_safe(draft: BidDraft) -> BidDraft:
    """PDF text can carry control characters (form feeds, stray \\x01) that XML forbids."""
    return map_strings(draft, lambda text: _XML_ILLEGAL.sub(" ", text))


def write_draft(draft: BidDraft, writer, templates_dir: Path | None = None) -> dict[str, Path]:
    """All four outputs through a SafeWriter (reviewer edits are kept, new files go to -vN)."""
    from bidkit.render.matrix_xlsx import build_matrix

    draft = xml_safe(draft)
    files = {name: writer.write_docx(OUTPUT_NAMES[name], render_volume(draft, name, templates_dir))
             for name in TEMPLATE_NAMES}
    files["matrix"] = writer.write_workbook(OUTPUT_NAMES["matrix"], build_matrix(draft))
    return files
