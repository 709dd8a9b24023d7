from __future__ import annotations

import json

from click.testing import CliRunner

from bidkit.cli import cli
from bidkit.model import Tender


def test_missing_file_is_one_sentence_and_exit_2(tmp_path):
    result = CliRunner().invoke(cli, ["parse", str(tmp_path / "nope.pdf")])
    assert result.exit_code == 2
    assert "no such file" in result.output
    assert "Traceback" not in result.output


def test_parse_json_output_validates_as_tender(corpus):
    path = corpus("tenders/zh/zh-13-baoshan-police-property-gk.docx")
    result = CliRunner().invoke(cli, ["parse", str(path), "--json"])
    assert result.exit_code == 0, result.output
    tender = Tender.model_validate(json.loads(result.stdout))
    assert tender.language == "zh"
    assert tender.is_tender
