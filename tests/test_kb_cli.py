"""`bidkit kb` commands: exit codes, one-sentence errors, help with examples, server mode."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from bidkit.cli import cli

ROOT = Path(__file__).resolve().parents[1]


def run(*args: str, env: dict | None = None):
    return CliRunner().invoke(cli, list(args), env=env)


@pytest.mark.parametrize("command", ["add", "remove", "search", "list", "stats"])
def test_every_kb_command_has_help_with_an_example(command):
    result = run("kb", command, "--help")
    assert result.exit_code == 0
    assert "Example" in result.output and f"bidkit kb {command}" in result.output
    assert "--kb" in result.output and "--chroma-url" in result.output


def test_add_reports_failed_files_and_exits_1(tmp_path):
    (tmp_path / "answers").mkdir()
    (tmp_path / "answers" / "ok.md").write_text("# 售后\n\n质保三年。\n", encoding="utf-8")
    (tmp_path / "answers" / "bad.docx").write_bytes(b"PK not really")
    result = run("kb", "add", str(tmp_path / "answers"), "--kb", str(tmp_path / "kb"))
    assert result.exit_code == 1
    assert "1 added" in result.stdout and "1 failed" in result.stdout
    assert "failed:" in result.stderr and "bad.docx" in result.stderr
    assert "Traceback" not in result.output


def test_search_on_an_empty_kb_and_removing_an_unknown_file_are_clear_errors(tmp_path):
    empty = run("kb", "search", "智慧校园", "--kb", str(tmp_path / "kb"))
    assert empty.exit_code == 2 and "is empty" in empty.stderr
    gone = run("kb", "remove", "nothing.md", "--kb", str(tmp_path / "kb"))
    assert gone.exit_code == 2 and "not in the knowledge base" in gone.stderr


def test_kb_location_comes_from_the_environment(tmp_path):
    (tmp_path / "a.md").write_text("# Answer\n\nWe provide 24x7 support.\n", encoding="utf-8")
    env = {"BIDKIT_KB": str(tmp_path / "envkb")}
    assert run("kb", "add", str(tmp_path / "a.md"), env=env).exit_code == 0
    assert (tmp_path / "envkb" / "bidkit-kb.json").exists()


def test_unreachable_server_names_the_url_and_exits_2():
    result = run("kb", "stats", "--chroma-url", "http://127.0.0.1:9")
    assert result.exit_code == 2
    assert "Chroma server at http://127.0.0.1:9 is not reachable" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def chroma_server(tmp_path):
    chroma = shutil.which("chroma") or str(Path(sys.executable).with_name("chroma"))
    if not Path(chroma).exists():
        pytest.skip("the chroma CLI is not installed")
    port = _free_port()
    proc = subprocess.Popen([chroma, "run", "--path", str(tmp_path / "server"), "--host",
                             "127.0.0.1", "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.time() + 30
        while time.time() < deadline:
            with socket.socket() as sock:
                if sock.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.2)
        else:
            pytest.fail("chroma run did not start")
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()  # stop exactly the server this test started, by its PID
        proc.wait(timeout=20)


def test_server_mode_supports_the_same_commands(chroma_server):
    demo = ROOT / "knowledge_base"
    url = ["--chroma-url", chroma_server]
    added = run("kb", "add", str(demo / "projects" / "业绩表.xlsx"),
                str(demo / "company_profile.yaml"), *url)
    assert added.exit_code == 0, added.output
    again = run("kb", "add", str(demo / "projects" / "业绩表.xlsx"), *url)
    assert "1 unchanged" in again.stdout
    found = run("kb", "search", "医院运营管理HRP", "-k", "2", "--json", "--since", "2023", *url)
    assert found.exit_code == 0, found.output
    hits = json.loads(found.stdout)
    assert hits[0]["metadata"]["record_id"] == "PRJ-2023-06"
    stats = json.loads(run("kb", "stats", "--json", *url).stdout)
    assert stats["mode"] == "server" and stats["chunks_by_kind"] == {"profile": 1, "project": 35}
    removed = run("kb", "remove", str(demo / "company_profile.yaml"), *url)
    assert removed.exit_code == 0 and "removed 1" in removed.stdout
