"""`bidkit kb`: add, remove, search, list and describe the knowledge base of past projects.

Only click is imported at start-up; chromadb and the embedder load inside the commands.
"""

from __future__ import annotations

import functools
import json
import os
import sys
from pathlib import Path

import click

KINDS = ["project", "certificate", "person", "capability", "answer", "profile", "other"]


def kb_options(command):
    """--kb and --chroma-url, the same on every kb command."""

    @click.option("--kb", "kb_dir", type=click.Path(path_type=Path), envvar="BIDKIT_KB",
                  help="Knowledge-base directory (default ./.bidkit/kb; env BIDKIT_KB).")
    @click.option("--chroma-url", envvar="BIDKIT_CHROMA_URL", metavar="URL",
                  help="Use a shared Chroma server instead, e.g. http://127.0.0.1:8000 "
                       "(env BIDKIT_CHROMA_URL).")
    @functools.wraps(command)
    def wrapper(*args, kb_dir: Path | None, chroma_url: str | None, **kwargs):
        from bidkit.kb import open_kb

        return command(*args, kb=open_kb(kb_dir, chroma_url), **kwargs)

    return wrapper


def _echo_json(data) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=1) + "\n")


@click.group()
def kb() -> None:
    """Search your past projects, certificates, people and answers by meaning.

    \b
    Examples:
      bidkit kb add knowledge_base/
      bidkit kb search "近三年类似智慧校园项目业绩" --kind project --since 2022
      bidkit kb stats
    """


@kb.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--kind", type=click.Choice(KINDS),
              help="Treat every file as this kind instead of guessing from folder/file names.")
@kb_options
def add(paths: tuple[Path, ...], kind: str | None, kb) -> None:
    """Add files and folders (.docx .pdf .md .txt, .xlsx/.csv 业绩表, company_profile.yaml).

    Re-adding unchanged files does nothing; a changed file replaces its old chunks. Files that
    cannot be read are reported and skipped (exit code 1).

    \b
    Examples:
      bidkit kb add knowledge_base/
      bidkit kb add 业绩表.xlsx cases/ --kb team-kb/
      bidkit kb add answers/ --chroma-url http://127.0.0.1:8000
    """
    report = kb.add(list(paths), progress=True, kind=kind)
    for warning in report.warnings:
        click.echo(f"warning: {warning}", err=True)
    for source, reason in report.failed:
        click.echo(f"failed: {source}: {reason}", err=True)
    click.echo(f"{kb.location}: {len(report.added)} added, {len(report.replaced)} replaced, "
               f"{len(report.unchanged)} unchanged, {len(report.failed)} failed "
               f"({report.chunks} chunks written).")
    if report.failed:
        sys.exit(1)


@kb.command()
@click.argument("path", type=click.Path(path_type=Path))
@kb_options
def remove(path: Path, kb) -> None:
    """Remove a file (or every file under a folder) from the knowledge base.

    \b
    Example:
      bidkit kb remove knowledge_base/projects/old-case.docx
    """
    from bidkit.errors import InputError

    removed = kb.remove(path)
    if not removed:
        raise InputError(f"{path} is not in the knowledge base at {kb.location}; "
                         "see `bidkit kb list` for what is stored.")
    click.echo(f"removed {removed} chunks of {path}.")


def _print_hits(hits) -> None:
    from rich.console import Console
    from rich.markup import escape

    console = Console(highlight=False)
    fields = ("name", "client", "amount", "year", "industry")
    for rank, hit in enumerate(hits, 1):
        where = f" {hit.location}" if hit.location else ""
        console.print(f"[bold]{rank}. {hit.score:.2f}[/] [cyan]{hit.kind}[/] "
                      f"{escape(hit.source)}{escape(where)}  [dim]{escape(hit.id)}[/]")
        facts = [f"{f}={hit.metadata[f]}" for f in fields if f in hit.metadata]
        if facts:
            console.print("   " + escape(" · ".join(facts)), style="green")
        text = " ".join(hit.text.split())
        console.print("   " + escape(text[:240] + ("…" if len(text) > 240 else "")))


@kb.command()
@click.argument("query")
@click.option("-k", "k", default=5, show_default=True, type=click.IntRange(1, 100),
              help="How many hits (one per record).")
@click.option("--kind", type=click.Choice(KINDS), help="Only this kind of record.")
@click.option("--since", type=int, metavar="YEAR", help="Only projects finished in or after YEAR.")
@click.option("--min-amount", metavar="X",
              help="Only projects with a contract amount ≥ X (e.g. 1000000, 100万, 1.5亿).")
@click.option("--industry", help="Only this industry (e.g. 教育/智慧校园, 政务, 医疗, 物业, 安防).")
@click.option("--json", "as_json", is_flag=True,
              help="Print a JSON list of {id, source, location, kind, text, score, metadata}.")
@kb_options
def search(query: str, k: int, kind: str | None, since: int | None, min_amount: str | None,
           industry: str | None, as_json: bool, kb) -> None:
    """Find the past projects, certificates, people or answers that match QUERY.

    \b
    Examples:
      bidkit kb search "具备等保三级测评经验的案例"
      bidkit kb search "ERP implementation for a public agency" -k 3 --json
      bidkit kb search "类似项目业绩" --kind project --since 2022 --min-amount 100万
    """
    from bidkit.errors import InputError

    if "numpy" not in sys.modules:  # one short query: BLAS threads only add contention
        os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    amount = None
    if min_amount is not None:
        from bidkit.kb.records import parse_amount

        amount = parse_amount(min_amount)[0]
        if amount is None:
            raise InputError(f"--min-amount '{min_amount}' is not an amount; use e.g. 1000000 "
                             "or 100万.")
    if not kb.exists():
        raise InputError(f"the knowledge base at {kb.location} is empty; add files first, e.g. "
                         "`bidkit kb add knowledge_base/`.")
    hits = kb.search(query, k=k, kind=kind, since=since, min_amount=amount, industry=industry)
    if as_json:
        _echo_json([hit.model_dump(mode="json") for hit in hits])
    elif hits:
        _print_hits(hits)
    else:
        click.echo("no match (try fewer filters).", err=True)


@kb.command(name="list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON: [{source, kind, chunks}].")
@kb_options
def list_(as_json: bool, kb) -> None:
    """List the files stored in the knowledge base, with their kind and chunk count.

    \b
    Example:
      bidkit kb list --kb team-kb/
    """
    rows = kb.sources()
    if as_json:
        _echo_json(rows)
        return
    for row in rows:
        click.echo(f"{row['kind']:<11} {row['chunks']:>5}  {row['source']}")
    click.echo(f"{len(rows)} files in {kb.location}.", err=True)


@kb.command()
@click.option("--json", "as_json", is_flag=True, help="Print the numbers as JSON.")
@kb_options
def stats(as_json: bool, kb) -> None:
    """Counts by kind, files, records and size on disk.

    \b
    Example:
      bidkit kb stats --json
    """
    numbers = kb.stats()
    if as_json:
        _echo_json(numbers)
        return
    size = numbers["size_on_disk"]
    click.echo(f"{numbers['location']} ({numbers['mode']}, embedder {numbers['embedder']})")
    click.echo(f"files {numbers['files']} · records {numbers['records']} · chunks "
               f"{numbers['chunks']}" + (f" · {size / 1e6:.1f} MB on disk" if size else ""))
    for kind, count in numbers["chunks_by_kind"].items():
        files = numbers["files_by_kind"].get(kind, 0)
        click.echo(f"  {kind:<11} {count:>6} chunks in {files} files")
