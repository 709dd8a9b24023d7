"""`bidkit handover`: after a win, hand what presales promised to the implementation team."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click


@click.command()
@click.option("--tender", "tender_path", required=True, type=click.Path(path_type=Path),
              help="The tender file (.pdf/.docx) or the JSON of `bidkit parse --json`.")
@click.option("--bid", "bid_path", type=click.Path(path_type=Path),
              help="The final bid as submitted (.docx/.pdf): its commitments are what delivery inherits.")
@click.option("--notes", "notes_paths", multiple=True, type=click.Path(path_type=Path),
              help="Customer notes (.eml/.md/.txt/.docx); repeat for several.")
@click.option("--kb", "kb_dir", type=click.Path(path_type=Path), envvar="BIDKIT_KB",
              default=Path(".bidkit/kb"), show_default=True,
              help="Knowledge base for lessons and difficulties of similar past projects.")
@click.option("--chroma-url", envvar="BIDKIT_CHROMA_URL", help="Use a shared Chroma server for the KB.")
@click.option("-o", "--out", "out_dir", type=click.Path(path_type=Path), default=Path("out"),
              show_default=True, help="Directory for handover.docx and handover.xlsx.")
@click.option("--force", is_flag=True, help="Overwrite files a reviewer edited (default: write -v2).")
@click.option("--json", "as_json", is_flag=True, help="Print the handover as JSON to stdout.")
def handover(tender_path: Path, bid_path: Path | None, notes_paths: tuple[Path, ...], kb_dir: Path,
             chroma_url: str | None, out_dir: Path, force: bool, as_json: bool) -> None:
    """Write the 售前-实施交接清单 (presales → implementation handover) as .docx and .xlsx.

    \b
    Sections: 客户背景; 已确认需求 (each with its tender clause and page, and how the bid answered
    it); commitments beyond standard capability (正偏离, 二次开发, promised response times and
    dates, named staff); 待澄清事项 (bid 【待确认】 gaps, customer open questions, tender
    contradictions); 历史问题记录 and 实施难点预判与应对建议 from similar projects in the KB;
    推荐实施路径 (phases proportional to the tender's schedule).

    \b
    Example:
      bidkit handover --tender tender.pdf --bid out/technical.docx --notes minutes.md -o handover/
    """
    from bidkit.handover.build import build_handover
    from bidkit.pipeline import load_tender, parse_file
    from bidkit.readers import read_document
    from bidkit.render.handover import handover_docx_bytes, handover_xlsx_bytes
    from bidkit.render.safe_write import SafeWriter

    tender = load_tender(tender_path)
    tender_text = read_document(tender_path).text if tender_path.suffix.lower() != ".json" else ""
    bid = read_document(bid_path) if bid_path else None
    notes = [parse_file(p, kind="notes") for p in notes_paths]
    kb = None
    if chroma_url or kb_dir.exists():
        from bidkit.kb import open_kb

        kb = open_kb(kb_dir, chroma_url)
    result = build_handover(tender, tender_text, bid, kb, notes)
    writer = SafeWriter(out_dir, force=force)
    writer.write_bytes("handover.docx", handover_docx_bytes(result))
    writer.write_bytes("handover.xlsx", handover_xlsx_bytes(result))
    for note in writer.notes:
        click.echo(note, err=True)
    if as_json:
        payload = result.model_dump(mode="json") | {"files": [str(p) for p in writer.written]}
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=1) + "\n")
    else:
        for path in writer.written:
            click.echo(f"wrote {path}", err=True)
        counts = ", ".join(f"{zh} {len(getattr(result, f))}" for f, zh, _ in result.SECTIONS)
        click.echo(counts)
