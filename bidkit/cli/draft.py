"""`bidkit draft`: tender + knowledge base → technical and commercial volumes, Q&A prep, matrix."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from bidkit.errors import InputError


def open_knowledge_base(kb_dir: Path | None, chroma_url: str | None):
    """The KB, or an empty one (every claim becomes a gap) when none exists yet."""
    from bidkit.draft.match import EmptyKB
    from bidkit.kb import open_kb

    if chroma_url:
        return open_kb(kb_dir, chroma_url), None
    kb = open_kb(kb_dir)
    location = Path(kb.kb_dir)
    if not location.exists():
        if kb_dir is not None:
            raise InputError(f"knowledge base {kb_dir} does not exist; create it with "
                             f"`bidkit kb add knowledge_base/ --kb {kb_dir}` or omit --kb.")
        return EmptyKB(), (f"no knowledge base at {location}: every claim is marked 待确认 "
                           "(run `bidkit kb add DIR` first).")
    return kb, None


def read_price(price: str | None, price_sheet: Path | None) -> tuple[float | None, list[dict]]:
    from bidkit.draft.money import to_decimal
    from bidkit.draft.price import read_price_sheet

    if price is not None and price_sheet is not None:
        raise InputError("give either --price or --price-sheet, not both.")
    if price_sheet is not None:
        return None, read_price_sheet(price_sheet)
    if price is None:
        return None, []
    try:
        return float(to_decimal(price)), []
    except ValueError as exc:
        raise InputError(f"--price {price!r} is not an amount; write it in figures, e.g. 850000.") from exc


@click.command()
@click.argument("tender", type=click.Path(path_type=Path))
@click.option("-o", "--out", "out_dir", type=click.Path(path_type=Path), required=True,
              help="Directory for the four outputs.")
@click.option("--kb", "kb_dir", type=click.Path(path_type=Path), envvar="BIDKIT_KB",
              help="Knowledge-base directory (default ./.bidkit/kb; env BIDKIT_KB).")
@click.option("--chroma-url", envvar="BIDKIT_CHROMA_URL", metavar="URL",
              help="Use a shared Chroma server (env BIDKIT_CHROMA_URL).")
@click.option("--price", metavar="AMOUNT", help="Total bid price in figures, e.g. 850000.")
@click.option("--price-sheet", type=click.Path(path_type=Path),
              help="Itemised prices (.xlsx or .csv: item / quantity / amount columns).")
@click.option("--anonymous", is_flag=True,
              help="暗标: leave every company identity out of the technical volume "
                   "(on automatically when the tender requires it).")
@click.option("--templates", "templates_dir", type=click.Path(path_type=Path),
              help="Customised templates (from `bidkit templates export DIR`).")
@click.option("--force", is_flag=True, help="Overwrite outputs even if a reviewer edited them.")
@click.option("--no-llm", is_flag=True, help="Stay extractive even if an LLM is configured.")
@click.option("--json", "as_json", is_flag=True,
              help="Print {files, warnings, gaps} as JSON to stdout.")
def draft(tender: Path, out_dir: Path, kb_dir: Path | None, chroma_url: str | None,
          price: str | None, price_sheet: Path | None, anonymous: bool, templates_dir: Path | None,
          force: bool, no_llm: bool, as_json: bool) -> None:
    """Write the first full draft of the bid for TENDER (.pdf/.docx, or the JSON of bidkit parse).

    \b
    Outputs in OUT: technical-volume.docx (评分点响应, 技术偏离表, 实施方案 … 实施难点),
    commercial-volume.docx (the tender's own bid structure: 投标函, 开标一览表 with 大写 …),
    qa-prep.docx (述标提纲 and likely questions) and requirements-matrix.xlsx.

    \b
    Honest by construction: 满足/无偏离 only with knowledge-base evidence, cited as [id];
    everything else is a highlighted 【待确认#G…】 with a Word comment, listed by --json.

    \b
    Examples:
      bidkit draft tender.pdf -o out/ --kb .bidkit/kb --price 850000
      bidkit parse tender.docx --json > t.json && bidkit draft t.json -o out/ --anonymous
    """
    from bidkit.draft import build_draft
    from bidkit.draft.price import make_price
    from bidkit.pipeline import load_tender
    from bidkit.render.safe_write import SafeWriter, check_output_dir
    from bidkit.render.volumes import write_draft

    check_output_dir(out_dir)
    amount, lines = read_price(price, price_sheet)
    parsed = load_tender(tender)
    kb, kb_note = open_knowledge_base(kb_dir, chroma_url)
    responder = None if no_llm else _llm_responder()
    result = build_draft(parsed, kb, make_price(amount, lines, parsed.meta, parsed.language),
                         anonymous=anonymous, responder=responder)
    writer = SafeWriter(out_dir, force=force)
    files = write_draft(result, writer, templates_dir)
    warnings = ([kb_note] if kb_note else []) + result.warnings + writer.notes
    if not parsed.is_tender:
        warnings.insert(0, f"{tender} does not look like a tender; the draft may be nearly empty.")
    if responder is not None:
        warnings += [f"LLM answer rejected, extractive text used: {r}" for r in responder.rejections]
    _report(files, warnings, result, as_json)


def _llm_responder():
    from bidkit.llm import chat_model_from_settings

    model = chat_model_from_settings()
    if model is None:
        return None
    from bidkit.draft.respond import LLMResponder

    return LLMResponder(model)


def _report(files: dict, warnings: list[str], result, as_json: bool) -> None:
    for warning in warnings:
        click.secho(f"WARNING: {warning}", err=True, fg="red" if "废标" in warning or
                    "rejected" in warning else "yellow", bold=True)
    if as_json:
        payload = {"files": {k: str(v) for k, v in files.items()}, "warnings": warnings,
                   "gaps": [g.model_dump(mode="json") for g in result.gaps]}
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=1) + "\n")
        return
    for path in files.values():
        click.echo(f"wrote {path}", err=True)
    click.echo(f"{len(result.gaps)} items marked 待确认 for review.", err=True)
