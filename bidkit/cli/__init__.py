"""The `bidkit` command. Commands are thin: parse options, call one library function, print.

Results go to stdout, messages to stderr. Exit codes: 0 ok, 1 a problem found in the content
(e.g. `check` found a blocking defect, a batch had failures), 2 bad input or usage.
"""

from __future__ import annotations

import sys

import click

from bidkit import __version__
from bidkit.errors import BidkitError


class BadInput(click.ClickException):
    """A user-facing error: one sentence, exit code 2."""

    exit_code = 2

    def show(self, file=None) -> None:
        click.echo(f"Error: {self.format_message()}", err=True)


class BidkitGroup(click.Group):
    """Turns BidkitError into one sentence (exit 2) unless --debug asks for the traceback."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except BidkitError as exc:
            if ctx.obj and ctx.obj.get("debug"):
                raise
            raise BadInput(str(exc)) from exc


@click.group(cls=BidkitGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--debug", is_flag=True, help="Show full tracebacks instead of one-line errors.")
@click.version_option(__version__, prog_name="bidkit")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """bidkit: read a tender, search your past projects, draft an honest bid.

    \b
    Typical flow:
      bidkit parse tender.pdf -o out/          # checklists: JSON, XLSX, DOCX
      bidkit kb add knowledge_base/            # index past projects and answers
      bidkit draft tender.pdf -o out/          # technical + commercial volumes, Q&A, matrix

    Every extracted item carries its page (PDF) or paragraph (DOCX); every claim in a draft cites
    the knowledge base or is marked 【待确认】 for a reviewer.
    """
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug


def _register() -> None:
    from bidkit.cli.parse import parse

    cli.add_command(parse)
    for module, name in (("bidkit.cli.kb", "kb"), ("bidkit.cli.draft", "draft"),
                         ("bidkit.cli.check", "check"), ("bidkit.cli.handover", "handover"),
                         ("bidkit.cli.templates", "templates")):
        try:
            mod = __import__(module, fromlist=[name])
        except ModuleNotFoundError as exc:
            if exc.name != module:
                raise
            continue
        cli.add_command(getattr(mod, name))


_register()


def main() -> None:
    try:
        cli.main(prog_name="bidkit")
    except KeyboardInterrupt:
        click.echo("Interrupted.", err=True)
        sys.exit(130)
