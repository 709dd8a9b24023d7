from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
SAMPLES = ROOT / "tender_samples"


def corpus_file(rel: str) -> Path:
    path = CORPUS / rel
    if not path.exists():
        pytest.skip(f"corpus file {rel} not available")
    return path


@pytest.fixture
def corpus():
    return corpus_file


@pytest.fixture(scope="session")
def generated_sample_bid(tmp_path_factory):
    """The README flow once per test session: kb add knowledge_base/ → draft the shipped Chinese
    sample. Returns (root with kb/ and out/, parsed tender, tender text)."""
    from click.testing import CliRunner

    from bidkit.cli import cli
    from bidkit.pipeline import parse_file
    from bidkit.readers import read_document

    sample = SAMPLES / "sample-zh-gongkai-zhaobiao.docx"
    if not (ROOT / "knowledge_base" / "company_profile.yaml").exists():
        pytest.skip("demo knowledge base missing")
    root = tmp_path_factory.mktemp("generated")
    runner = CliRunner()
    added = runner.invoke(cli, ["kb", "add", str(ROOT / "knowledge_base"), "--kb", str(root / "kb")])
    assert added.exit_code == 0, added.output
    result = runner.invoke(cli, ["draft", str(sample), "-o", str(root / "out"), "--kb", str(root / "kb"),
                                 "--price", "4800000", "--no-llm"])
    assert result.exit_code == 0, result.output
    return root, parse_file(sample), read_document(sample).text
