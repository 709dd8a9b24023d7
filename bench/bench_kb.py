"""Benchmark `bidkit kb`: retrieval quality, ingest speed, search latency, CLI start-up.

    python bench/bench_kb.py              # full run (~2 min on 2 cores): 5,000 distractor chunks
    python bench/bench_kb.py --chunks 500 # quicker

Prints a markdown table; the recorded numbers are in docs/bench-kb.md.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bidkit.kb import open_kb
from bidkit.kb.evaluate import evaluate

RETRIEVAL_SET = ROOT / "tests" / "retrieval_set.json"
BIDKIT = shutil.which("bidkit") or str(Path(sys.executable).with_name("bidkit"))

# Distractors: plausible bid prose, so they compete with the demo records for every query.
_SUBJECTS = ["本项目", "系统", "平台", "我司", "项目组", "The system", "The contractor", "运维团队"]
_VERBS = ["支持", "提供", "负责", "实现", "完成", "保障", "建设", "优化", "supports", "delivers"]
_OBJECTS = ["数据备份与恢复", "统一门户", "工单管理", "移动办公", "报表统计", "权限控制", "日志审计",
            "接口对接", "性能监控", "用户培训", "需求调研", "系统部署", "安全加固", "档案管理",
            "visitor management", "asset tracking", "reporting dashboards", "access control",
            "资产盘点", "采购审批", "合同管理", "人员考勤", "车辆调度", "能耗分析"]
_TAILS = ["，满足招标文件要求。", "，并提交相关文档。", "，确保系统稳定运行。", "，响应时间不超过2秒。",
          ", as required by the tender.", "，按合同约定执行。", "；详见技术方案。"]


def _paragraph(rng: random.Random, sentences: int) -> str:
    return "".join(rng.choice(_SUBJECTS) + rng.choice(_VERBS) + rng.choice(_OBJECTS)
                   + rng.choice(_TAILS) for _ in range(sentences))


def make_distractors(folder: Path, chunks: int, seed: int = 7) -> None:
    """~`chunks` chunks of filler in 20-chunk markdown files under folder/other/."""
    rng = random.Random(seed)
    target = folder / "other"
    target.mkdir(parents=True)
    per_file = 20
    for n in range(max(chunks // per_file, 1)):
        body = "\n\n".join(_paragraph(rng, 9) for _ in range(per_file))
        (target / f"filler-{n:04d}.md").write_text(f"# 其他资料 {n}\n\n{body}\n", encoding="utf-8")


LATENCY = ("first pass p50 {cold_p50_ms:.1f} ms, p95 {cold_p95_ms:.1f} ms; "
           "second pass p50 {p50_ms:.1f} ms, p95 {p95_ms:.1f} ms")


def _cpu_seconds() -> float:
    """CPU time of this process and its finished children (the embedding workers)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(int(len(ordered) * share), len(ordered) - 1)]


def search_latency(kb, queries: list[str]) -> dict:
    """Per-query latency once the model is loaded; the first pass also looks up each query
    term's document frequency (cold), the second reuses them (warm)."""
    from bidkit.kb import search as search_module

    kb.search("warm-up")
    search_module._STATS.clear()
    times = []
    for query in queries * 2:
        start = time.perf_counter()
        kb.search(query, k=5)
        times.append((time.perf_counter() - start) * 1000)
    cold, warm = times[:len(queries)], times[len(queries):]
    return {"cold_p50_ms": statistics.median(cold), "cold_p95_ms": _percentile(cold, 0.95),
            "p50_ms": statistics.median(warm), "p95_ms": _percentile(warm, 0.95)}


def cli_start(kb_dir: Path, runs: int = 5) -> dict:
    times = []
    for _ in range(runs + 1):
        start = time.perf_counter()
        # PYTHONPATH: time this checkout even if another one is installed in editable mode
        subprocess.run([BIDKIT, "kb", "search", "智慧校园项目业绩", "--kb", str(kb_dir), "-k", "3"],
                       check=True, capture_output=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
        times.append(time.perf_counter() - start)
    times = times[1:]  # the first run may build the embedder cache
    return {"median_s": statistics.median(times), "max_s": max(times)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--chunks", type=int, default=5000, help="distractor chunks to ingest")
    args = parser.parse_args()
    queries = [c["q"] for c in json.loads(RETRIEVAL_SET.read_text(encoding="utf-8"))["queries"]]
    rows: list[tuple[str, str]] = [("load average before", " / ".join(
        f"{x:.1f}" for x in os.getloadavg()))]
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        kb = open_kb(tmp / "kb")
        start = time.perf_counter()
        kb.add([ROOT / "knowledge_base"])
        rows.append(("ingest demo KB", f"{time.perf_counter() - start:.1f} s"))
        quality = evaluate(kb, RETRIEVAL_SET, k=3)
        rows.append((f"demo KB ({quality['queries']} queries) recall@3 / MRR",
                     f"{quality['recall@3']:.3f} / {quality['mrr']:.3f}"))
        rows.append(("search latency, demo KB", LATENCY.format(**search_latency(kb, queries))))
        start_up = cli_start(tmp / "kb")
        rows.append(("`bidkit kb search` whole process",
                     f"median {start_up['median_s']:.2f} s, max {start_up['max_s']:.2f} s"))

        make_distractors(tmp / "filler", args.chunks)
        start, cpu = time.perf_counter(), _cpu_seconds()
        report = kb.add([tmp / "filler"])
        seconds, cpu = time.perf_counter() - start, _cpu_seconds() - cpu
        rows.append((f"ingest {report.chunks} distractor chunks",
                     (f"{seconds:.1f} s wall ({report.chunks / seconds:.0f} chunks/s), "
                     f"{cpu:.1f} s CPU in all processes")))
        noisy = evaluate(kb, RETRIEVAL_SET, k=3)
        rows.append((f"with +{report.chunks} chunks: recall@3 / MRR",
                     f"{noisy['recall@3']:.3f} / {noisy['mrr']:.3f}"))
        rows.append((f"search latency, +{report.chunks} chunks",
                     LATENCY.format(**search_latency(kb, queries))))
        rows.append(("size on disk", f"{kb.stats()['size_on_disk'] / 1e6:.1f} MB"))
    print("| measure | result |\n|---|---|")
    for name, value in rows:
        print(f"| {name} | {value} |")


if __name__ == "__main__":
    main()
