"""Every command has help with an example and is documented in the README."""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from bidkit.cli import cli

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def all_commands(group: click.Group, prefix: str = "") -> list[tuple[str, click.Command]]:
    found = []
    for name, command in group.commands.items():
        path = f"{prefix}{name}"
        found.append((path, command))
        if isinstance(command, click.Group):
            found += all_commands(command, path + " ")
    return found


COMMANDS = all_commands(cli)


def test_the_core_commands_exist():
    names = {name for name, _ in COMMANDS}
    assert {"parse", "check", "handover"} <= names


@pytest.mark.parametrize("name,command", COMMANDS, ids=[n for n, _ in COMMANDS])
def test_commands_have_help(name, command):
    result = CliRunner().invoke(cli, name.split() + ["--help"])
    assert result.exit_code == 0
    assert command.help and len(command.help) > 20


@pytest.mark.parametrize("name", [n for n, c in COMMANDS if not isinstance(c, click.Group)])
def test_commands_are_documented_in_readme(name):
    assert re.search(rf"bidkit {re.escape(name)}\b", README), f"`bidkit {name}` is not in README.md"
