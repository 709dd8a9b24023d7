"""`bidkit draft` and `bidkit templates export` from the command line."""

import json

import docx
from click.testing import CliRunner
from draft_fakes import sample_tender
from draft_output_text import docx_text

from bidkit.cli import cli


def tender_json(tmp_path, **changes):
    path = tmp_path / "tender.json"
    path.write_text(sample_tender(**changes).model_dump_json(), encoding="utf-8")
    return path


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def test_draft_writes_four_outputs_and_lists_them_with_gaps_as_json(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no ./.bidkit/kb here
    result = run("draft", tender_json(tmp_path), "-o", tmp_path / "out", "--price", "850000",
                 "--json", "--kb", tmp_path / "nokb-yet")
    assert result.exit_code == 2 and "does not exist" in result.output  # an explicit --kb must exist
    result = run("draft", tender_json(tmp_path), "-o", tmp_path / "out", "--price", "850000", "--json")
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert set(payload["files"]) == {"technical", "commercial", "qa", "matrix"}
    assert all((tmp_path / "out" / p.split("/")[-1]).exists() for p in payload["files"].values())
    assert payload["gaps"] and all({"id", "volume", "item", "missing"} <= set(g) for g in payload["gaps"])
    assert any("knowledge base" in w for w in payload["warnings"])


def test_a_price_above_the_ceiling_is_a_loud_warning(tmp_path):
    result = run("draft", tender_json(tmp_path), "-o", tmp_path / "out", "--price", "990000")
    assert result.exit_code == 0
    assert "WARNING" in result.stderr and "最高限价" in result.stderr and "废标" in result.stderr


def test_a_price_sheet_gives_itemised_lines_and_their_total(tmp_path):
    sheet = tmp_path / "prices.csv"
    sheet.write_text("分项,数量,金额\n元数据维护,1,600000\n驻场服务,1,\"250,000\"\n", encoding="utf-8")
    result = run("draft", tender_json(tmp_path), "-o", tmp_path / "out", "--price-sheet", sheet)
    assert result.exit_code == 0, result.output
    commercial = docx_text(tmp_path / "out" / "commercial-volume.docx")
    assert "驻场服务" in commercial and "人民币捌拾伍万元整（¥850,000.00）" in commercial


def test_bad_input_is_one_sentence_and_exit_code_2(tmp_path):
    bad_json = tmp_path / "bad.json"
    bad_json.write_text("{not json", encoding="utf-8")
    for args in (["draft", bad_json, "-o", tmp_path / "o"],
                 ["draft", tender_json(tmp_path), "-o", tmp_path / "o", "--price", "lots"],
                 ["draft", tender_json(tmp_path), "-o", tmp_path / "o", "--price-sheet",
                  tmp_path / "missing.xlsx"],
                 ["draft", tender_json(tmp_path), "-o", tmp_path / "o", "--templates",
                  tmp_path / "no-such-dir"]):
        result = run(*args)
        assert result.exit_code == 2, (args, result.output)
        assert "Traceback" not in result.output and result.output.count("\n") == 1


def test_rerun_keeps_a_reviewers_edits_and_writes_v2(tmp_path):
    out = tmp_path / "out"
    assert run("draft", tender_json(tmp_path), "-o", out).exit_code == 0
    edited = out / "technical-volume.docx"
    document = docx.Document(str(edited))
    document.add_paragraph("审核人补充的内容")
    document.save(str(edited))
    result = run("draft", tender_json(tmp_path), "-o", out)
    assert result.exit_code == 0
    assert "审核人补充的内容" in docx_text(edited)
    assert (out / "technical-volume-v2.docx").exists() and "v2" in result.stderr
    assert run("draft", tender_json(tmp_path), "-o", out, "--force").exit_code == 0
    assert "审核人补充的内容" not in docx_text(edited)


def test_exported_templates_can_be_customised_and_used(tmp_path):
    tpl = tmp_path / "tpl"
    assert run("templates", "export", tpl).exit_code == 0
    assert run("templates", "export", tpl).exit_code == 2  # never overwrites silently
    document = docx.Document(str(tpl / "technical.docx"))
    document.paragraphs[4].insert_paragraph_before("本公司定制封面 {{ meta.project_number }}")
    document.save(str(tpl / "technical.docx"))
    result = run("draft", tender_json(tmp_path), "-o", tmp_path / "out", "--templates", tpl)
    assert result.exit_code == 0, result.output
    assert "本公司定制封面 QL-2026-001" in docx_text(tmp_path / "out" / "technical-volume.docx")


def test_anonymous_flag_reaches_the_technical_volume(tmp_path):
    result = run("draft", tender_json(tmp_path), "-o", tmp_path / "out", "--anonymous")
    assert result.exit_code == 0
    assert "暗标" in docx_text(tmp_path / "out" / "technical-volume.docx")


def test_a_configured_llm_writes_grounded_answers_through_the_cli(tmp_path, monkeypatch):
    from langchain_core.language_models.fake_chat_models import FakeListChatModel

    import bidkit.llm

    replies = ["ISO9001认证证书有效期至2027年[cert-01]。"] * 50
    monkeypatch.setattr(bidkit.llm, "chat_model_from_settings",
                        lambda settings=None: FakeListChatModel(responses=replies))
    from draft_fakes import FakeKB

    import bidkit.cli.draft as draft_cli
    monkeypatch.setattr(draft_cli, "open_knowledge_base", lambda kb_dir, url: (FakeKB(), None))
    result = run("draft", tender_json(tmp_path), "-o", tmp_path / "out", "--json")
    assert result.exit_code == 0, result.output
    commercial = docx_text(tmp_path / "out" / "commercial-volume.docx")
    assert "ISO9001认证证书有效期至2027年[E" in commercial  # used where it cites retrieved evidence
    assert any("LLM answer rejected" in w for w in json.loads(result.stdout)["warnings"])
    document = docx.Document(str(tmp_path / "out" / "technical-volume.docx"))
    from bidkit.render import ooxml
    assert ooxml.get_custom_property(document, "bidkit_source") == "sample.pdf"


def test_a_broken_custom_template_is_one_sentence_and_exit_code_2(tmp_path):
    tpl = tmp_path / "tpl"
    tpl.mkdir()
    document = docx.Document()
    document.add_paragraph("{{ meta.project_name ")  # unclosed tag
    document.save(str(tpl / "technical.docx"))
    result = run("draft", tender_json(tmp_path), "-o", tmp_path / "out", "--templates", tpl)
    assert result.exit_code == 2 and "technical.docx cannot be rendered" in result.output
    assert "Traceback" not in result.output
