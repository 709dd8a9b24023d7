from __future__ import annotations

from email.message import EmailMessage

from bidkit.pipeline import parse_file
from bidkit.tender.notes import priority_of


def test_meeting_minutes_give_needs_with_priorities_and_open_questions(tmp_path):
    minutes = tmp_path / "minutes.md"
    minutes.write_text(
        "# 需求沟通会纪要\n"
        "1. 平台必须与现有统一身份认证系统对接，实现单点登录。\n"
        "2. 希望移动端支持微信小程序。\n"
        "3. 数据大屏可以考虑放到二期。\n"
        "4. 上线时间是否能在寒假前？\n", encoding="utf-8")
    notes = parse_file(minutes, kind="notes")
    assert notes.kind == "notes"
    texts = {r.text: r.priority for r in notes.requirements}
    assert texts["平台必须与现有统一身份认证系统对接，实现单点登录。"] == 1
    assert texts["希望移动端支持微信小程序。"] == 2
    assert texts["数据大屏可以考虑放到二期。"] == 3
    assert [q.text for q in notes.open_questions] == ["上线时间是否能在寒假前？"]
    assert all(r.source.paragraph for r in notes.requirements)


def test_email_body_is_read_and_quoted_lines_are_ignored(tmp_path):
    msg = EmailMessage()
    msg["Subject"] = "Re: records system requirements"
    msg["From"] = "it@example.org"
    msg.set_content("The system must support single sign-on.\n> old quoted text must be ignored\n"
                    "Could we have the dashboard later?\n")
    path = tmp_path / "mail.eml"
    path.write_bytes(bytes(msg))
    notes = parse_file(path, kind="notes")
    assert [r.text for r in notes.requirements] == ["The system must support single sign-on."]
    assert notes.requirements[0].priority == 1
    assert notes.open_questions[0].text == "Could we have the dashboard later?"


def test_priority_words_in_english():
    assert priority_of("Data must be stored in-country.") == 1
    assert priority_of("A mobile app would be nice to have.") == 3


def test_parse_kind_notes_cli_prints_needs_and_questions_as_json(tmp_path):
    import json

    from click.testing import CliRunner

    from bidkit.cli import cli

    minutes = tmp_path / "m.txt"
    minutes.write_text("系统必须支持单点登录。\n报表是否需要导出PDF？\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["parse", str(minutes), "--kind", "notes", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["kind"] == "notes"
    assert [r["text"] for r in data["requirements"]] == ["系统必须支持单点登录。"]
    assert data["requirements"][0]["priority"] == 1
    assert [q["text"] for q in data["open_questions"]] == ["报表是否需要导出PDF？"]
