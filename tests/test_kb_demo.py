"""The demo knowledge_base/ embedded once for this module: retrieval quality, filters, the
structured records draft uses, and the CLI on a real KB."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from bidkit.cli import cli
from bidkit.kb import open_kb
from bidkit.kb.evaluate import evaluate

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "knowledge_base"
RETRIEVAL_SET = Path(__file__).with_name("retrieval_set.json")


@pytest.fixture(scope="module")
def demo_kb(tmp_path_factory):
    kb = open_kb(tmp_path_factory.mktemp("demo") / "kb")
    report = kb.add([DEMO])
    assert report.ok, report.failed
    return kb


def test_retrieval_quality_on_tender_like_queries(demo_kb):
    result = evaluate(demo_kb, RETRIEVAL_SET, k=3)
    assert result["queries"] >= 30
    assert result["recall@3"] >= 0.9, result["misses"]
    assert result["mrr"] >= 0.8, result["misses"]


def test_cross_language_query_finds_the_chinese_record(demo_kb):
    hits = demo_kb.search("budget management ERP for a municipal finance bureau", k=3,
                          kind="project")
    assert "PRJ-2022-07" in [h.metadata["record_id"] for h in hits]


def test_filters_are_applied_by_the_store(demo_kb):
    hits = demo_kb.search("类似项目业绩", k=10, kind="project", since=2023, min_amount=3e6,
                          industry="智慧校园")
    assert hits, "expected campus projects since 2023 over 300万"
    for hit in hits:
        assert hit.kind == "project" and hit.metadata["year"] >= 2023
        assert hit.metadata["amount"] >= 3e6 and hit.metadata["industry_key"] == "教育"


def test_hits_carry_source_location_score_and_record_fields(demo_kb):
    hit = demo_kb.search("示例师范大学统一身份认证", k=1, kind="project")[0]
    assert hit.metadata["record_id"] == "PRJ-2021-03"
    assert "knowledge_base/projects/" in hit.source and hit.location
    assert 0 < hit.score <= 1 and hit.metadata["client"] == "示例师范大学"


def test_projects_merge_table_rows_with_case_studies(demo_kb):
    projects = {p.id: p for p in demo_kb.projects()}
    assert len(projects) >= 30
    campus = projects["PRJ-2021-03"]
    assert campus.evidence_file.endswith("业绩表.xlsx") and campus.amount == 3_860_000
    assert campus.contact  # from the 业绩表 row
    port = projects["PRJ-2024-07"]
    assert (port.currency, port.amount) == ("USD", 850_000)
    assert all(p.end_date >= "2023" for p in demo_kb.projects(since=2023) if p.end_date)


def test_lessons_learned_are_searchable_for_handover(demo_kb):
    hits = demo_kb.search("历史问题记录 经验教训 上线 并发", k=3, kind="project")
    assert any("经验教训" in h.text or "历史问题" in h.text for h in hits)


def test_company_profile_and_record_lists(demo_kb):
    profile = demo_kb.company_profile()
    assert profile.name == "示例信息技术有限公司" and profile.credit_code
    assert profile.legal_representative and profile.bank and profile.contacts
    assert len(demo_kb.records("person")) >= 3
    names = [e.metadata["name"] for e in demo_kb.records("certificate")]
    assert any("27001" in n for n in names) and any("CMMI" in n for n in names)


def test_stats_count_kinds_and_size(demo_kb):
    stats = demo_kb.stats()
    assert stats["files"] >= 20 and stats["size_on_disk"] > 0
    assert {"project", "certificate", "person", "capability", "answer", "profile"} <= set(
        stats["chunks_by_kind"])


def test_cli_search_json_list_and_stats(demo_kb):
    runner = CliRunner()
    args = ["--kb", str(demo_kb.kb_dir)]
    result = runner.invoke(cli, ["kb", "search", "具备等保三级测评经验的案例", "-k", "3", "--json",
                                 "--kind", "project", "--min-amount", "100万", *args])
    assert result.exit_code == 0, result.output
    hits = json.loads(result.stdout)
    assert len(hits) == 3
    assert {"id", "source", "text", "score", "metadata"} <= set(hits[0])
    assert all(h["metadata"]["amount"] >= 1e6 for h in hits)
    listed = runner.invoke(cli, ["kb", "list", "--json", *args])
    assert any(r["source"].endswith("业绩表.xlsx") and r["chunks"] == 35
               for r in json.loads(listed.stdout))
    stats = runner.invoke(cli, ["kb", "stats", *args])
    assert stats.exit_code == 0 and "project" in stats.stdout


def test_cli_rejects_a_bad_amount_in_one_sentence(demo_kb):
    result = CliRunner().invoke(cli, ["kb", "search", "x", "--min-amount", "lots",
                                      "--kb", str(demo_kb.kb_dir)])
    assert result.exit_code == 2 and "--min-amount 'lots'" in result.output
    assert "Traceback" not in result.output
