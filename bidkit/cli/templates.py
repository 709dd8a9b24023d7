"""`bidkit templates`: export the draft templates for customisation."""

from __future__ import annotations

import shutil
from pathlib import Path

import click

from bidkit.errors import InputError


@click.group()
def templates() -> None:
    """The .docx templates `bidkit draft` fills (technical, commercial, qa).

    \b
    Examples:
      bidkit templates export my-templates/    # edit them in Word, keep the {{ }} tags
      bidkit draft tender.pdf -o out/ --templates my-templates/
    """


@templates.command()
@click.argument("directory", type=click.Path(path_type=Path))
@click.option("--force", is_flag=True, help="Overwrite templates already in DIRECTORY.")
def export(directory: Path, force: bool) -> None:
    """Copy the default templates into DIRECTORY (variables: templates/README.md)."""
    from bidkit.render.volumes import TEMPLATE_NAMES, template_path

    if directory.exists() and not directory.is_dir():
        raise InputError(f"{directory} is a file; choose a directory to export the templates to.")
    directory.mkdir(parents=True, exist_ok=True)
    for name in TEMPLATE_NAMES:
        target = directory / f"{name}.docx"
        if target.exists() and not force:
            raise InputError(f"{target} already exists; edit it, or pass --force to overwrite it.")
        shutil.copyfile(template_path(name), target)
        click.echo(f"wrote {target}", err=True)
