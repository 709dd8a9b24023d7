"""Done-when of issue 5: for every dev-gold tender, the draft carries every scoring item, every
substantive item and every required bid section the parser found — and so every gold item the
parser found (matched fuzzily, as the corpus scorer does)."""

import importlib.util
import json
import re

import pytest
from conftest import CORPUS
from draft_output_text import all_text

from bidkit.draft import build_draft
from bidkit.draft.match import EmptyKB
from bidkit.pipeline import parse_file
from bidkit.render.safe_write import SafeWriter
from bidkit.render.volumes import write_draft

GOLD = sorted((CORPUS / "gold").glob("*.json")) if CORPUS.exists() else []


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text or "")


def scorer():
    spec = importlib.util.spec_from_file_location("corpus_score", CORPUS / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def tender_path(gold_path):
    name = gold_path.name[:-len(".json")]
    found = list((CORPUS / "tenders").glob(f"*/{name}"))
    if not found:
        pytest.skip(f"{name} not in the corpus")
    return found[0]


@pytest.mark.skipif(not GOLD, reason="corpus not available")
@pytest.mark.parametrize("gold_path", GOLD, ids=[g.name[:-5] for g in GOLD])
def test_draft_carries_everything_the_parse_found(gold_path, tmp_path):
    tender = parse_file(tender_path(gold_path))
    files = write_draft(build_draft(tender, EmptyKB()), SafeWriter(tmp_path))
    text = squash(all_text(files))
    parsed = {
        "scoring": [s.item for s in tender.scoring],
        "substantive": [r.text for r in tender.substantive],
        "bid_sections": [s.title for s in tender.bid_sections],
    }
    missing = {k: [t for t in items if squash(t) not in text] for k, items in parsed.items()}
    assert missing == {"scoring": [], "substantive": [], "bid_sections": []}

    similar = scorer().similar
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    for key, items in parsed.items():
        for gold_item in gold.get(key) or []:
            gold_text = gold_item if isinstance(gold_item, str) else (
                gold_item.get("text") or gold_item.get("item") or gold_item.get("title") or "")
            match = next((t for t in items if similar(gold_text, t)), None)
            if match is not None:  # the parser found it: the draft must carry it
                assert squash(match) in text, (key, gold_text)
