"""The parser against the ground truth we wrote for our own samples (tender_samples/EXPECTED.json),
scored with the corpus scorer."""

from __future__ import annotations

import importlib.util
import json

import pytest
from conftest import CORPUS, SAMPLES

from bidkit.pipeline import parse_file

EXPECTED = json.loads((SAMPLES / "EXPECTED.json").read_text(encoding="utf-8"))
LISTS = ("substantive", "qualifications", "invalid_conditions", "scoring", "bid_sections")


@pytest.fixture(scope="module")
def scorer():
    path = CORPUS / "score.py"
    if not path.exists():
        pytest.skip("corpus scorer not available")
    spec = importlib.util.spec_from_file_location("corpus_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("name", ["sample-zh-gongkai-zhaobiao.docx", "sample-en-rfp.pdf"])
def test_sample_parses_to_its_ground_truth(scorer, name):
    row = scorer.score_one(EXPECTED[name], parse_file(SAMPLES / name).to_contract())
    assert row["meta"] == 1.0
    assert row["overall"] >= 0.9, row
    for lst in LISTS:
        assert row[lst][2] >= 0.8, (lst, row[lst])
    assert row["scoring_points_ok"] == 1.0


def test_amendment_moves_the_deadline_of_the_sample():
    tender = parse_file(SAMPLES / "sample-zh-gongkai-zhaobiao.docx", [SAMPLES / "sample-zh-amendment.docx"])
    assert tender.meta.deadline == "2025-06-25T09:30"
    assert tender.meta.sources["deadline"].section == "sample-zh-amendment.docx"
    assert tender.meta.sources["deadline"].paragraph == 9  # the 原…现更正为 statement, not the deposit date
    assert tender.meta.opening == "2025-06-25T09:30"
    assert any("120" in r.text for r in tender.requirements if r.marker == "★" and "交付" in r.text)
