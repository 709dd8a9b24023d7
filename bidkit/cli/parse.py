"""`bidkit parse`: a tender in, page-referenced checklists out."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click


@click.command()
@click.argument("tender", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the parsed tender as JSON to stdout.")
@click.option("-o", "--out", "out_dir", type=click.Path(path_type=Path),
              help="Write tender.json, a checklist .xlsx and a printable checklist .docx here.")
@click.option("--amendment", "amendments", multiple=True, type=click.Path(path_type=Path),
              help="An amendment (更正公告 / corrigendum) to apply; repeat for several, in order.")
@click.option("--force", is_flag=True,
              help="Overwrite outputs in -o DIR even if a reviewer edited them (default: write -v2).")
@click.option("--kind", type=click.Choice(["tender", "notes"]), default="tender", show_default=True,
              help="'notes': customer e-mails (.eml) or meeting minutes (.docx/.md/.txt) → 客户需求清单 "
                   "with priorities and open questions.")
def parse(tender: Path, as_json: bool, out_dir: Path | None, amendments: tuple[Path, ...],
          force: bool, kind: str) -> None:
    """Extract everything a bid team must not miss from TENDER (.pdf or .docx).

    \b
    Key facts (项目编号, 采购人, 预算, 截止/开标时间, 保证金), the tender's own ★/▲ legend and
    every substantive clause, qualifications, invalid-bid conditions, scoring criteria with
    points, and the required bid-document structure — each with its page or paragraph.

    \b
    Examples:
      bidkit parse tender.pdf                 # summary table in the terminal
      bidkit parse tender.docx --json > t.json
      bidkit parse tender.pdf -o out/ --amendment 更正公告.pdf
      bidkit parse minutes.md --kind notes -o out/notes/
    """
    from bidkit.pipeline import parse_file

    if out_dir is not None:  # fail before a long parse, not after it
        from bidkit.render.safe_write import check_output_dir

        check_output_dir(out_dir)
    result = parse_file(tender, amendments, kind=kind)
    if out_dir is not None:
        from bidkit.render.parse_outputs import write_parse_outputs

        written = write_parse_outputs(result, out_dir, force=force,
                                      on_note=lambda note: click.echo(f"Note: {note}", err=True))
        for path in written:
            click.echo(f"wrote {path}", err=True)
    if as_json:
        sys.stdout.write(json.dumps(result.to_contract(), ensure_ascii=False, indent=1) + "\n")
    else:
        from bidkit.render.terminal import print_tender_summary

        print_tender_summary(result)
    if kind == "tender" and not result.is_tender:
        click.echo("Note: this document does not look like a tender; results may be empty.", err=True)
