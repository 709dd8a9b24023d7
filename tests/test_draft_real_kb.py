"""The README flow on shipped files: kb add knowledge_base/ → draft a shipped sample tender."""

import pytest
from click.testing import CliRunner
from conftest import ROOT, SAMPLES
from draft_output_text import docx_text

from bidkit.cli import cli

SAMPLE = SAMPLES / "sample-zh-gongkai-zhaobiao.docx"
KB_SOURCE = ROOT / "knowledge_base"


@pytest.fixture(scope="module")
def demo_kb(tmp_path_factory):
    if not SAMPLE.exists() or not (KB_SOURCE / "company_profile.yaml").exists():
        pytest.skip("shipped sample or demo knowledge base missing")
    kb = tmp_path_factory.mktemp("kb") / "kb"
    result = CliRunner().invoke(cli, ["kb", "add", str(KB_SOURCE), "--kb", str(kb)])
    assert result.exit_code == 0, result.output
    return kb


def draft(kb, out, *extra):
    result = CliRunner().invoke(cli, ["draft", str(SAMPLE), "-o", str(out), "--kb", str(kb),
                                      "--no-llm", *extra])
    assert result.exit_code == 0, result.output
    return {name: out / name for name in ("technical-volume.docx", "commercial-volume.docx",
                                          "qa-prep.docx", "requirements-matrix.xlsx")}


def test_sample_tender_drafts_from_the_demo_knowledge_base(demo_kb, tmp_path):
    files = draft(demo_kb, tmp_path / "out", "--price", "4800000")
    commercial = docx_text(files["commercial-volume.docx"])
    assert "示例信息技术有限公司" in commercial and "91330100MA00000000" in commercial
    assert "人民币肆佰捌拾万元整（¥4,800,000.00）" in commercial
    technical = docx_text(files["technical-volume.docx"])
    assert "knowledge_base/" in technical  # the evidence index names the KB files quoted
    assert "张伟" in technical  # the team chapter comes from the résumés
    from openpyxl import load_workbook

    sheet = load_workbook(files["requirements-matrix.xlsx"]).worksheets[0]
    coverage = [row[8] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert "满足" in coverage and "待确认" in coverage  # proven items and honest gaps


def test_sample_tender_in_anonymous_mode_hides_the_demo_company(demo_kb, tmp_path):
    files = draft(demo_kb, tmp_path / "out", "--anonymous")
    technical = docx_text(files["technical-volume.docx"])
    for identity in ("示例信息技术有限公司", "Example Information Technology", "91330100MA00000000",
                     "林示例", "张伟", "陈投标", "0571-0000-0000"):
        assert identity not in technical
