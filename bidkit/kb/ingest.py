"""`kb add` / `kb remove`: files in, chunks embedded and stored; content hashes make re-adding
a no-op and let a changed file replace exactly its own chunks."""

from __future__ import annotations

import hashlib
import os
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from bidkit.errors import BidkitError
from bidkit.kb.items import Chunk
from bidkit.kb.loaders import SUPPORTED_EXTS, load_file, source_name, walk
from bidkit.kb.store import Store

BATCH = 64  # chunks embedded and written at a time (one progress step)
PARALLEL_FROM = 1024  # chunks from which the default embedder runs in one process per core


@dataclass
class IngestReport:
    """What `add` did, file by file (sources as stored in the KB)."""

    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (file, one-sentence reason)
    warnings: list[str] = field(default_factory=list)  # e.g. an 业绩表 row without a name
    chunks: int = 0

    @property
    def ok(self) -> bool:
        return not self.failed


def file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def stored_files(collection) -> dict[str, tuple[str, list[str]]]:
    """source -> (content hash, chunk ids) for everything in the collection."""
    got = collection.get(include=["metadatas"])
    files: dict[str, tuple[str, list[str]]] = {}
    ids_by_source: dict[str, list[str]] = defaultdict(list)
    for chunk_id, meta in zip(got["ids"], got["metadatas"]):
        ids_by_source[meta["source"]].append(chunk_id)
        files[meta["source"]] = (meta.get("file_hash", ""), ids_by_source[meta["source"]])
    return files


def _load_changed(files: list[tuple[Path, list[str]]], known: dict, kind: str | None,
                  report: IngestReport, advance) -> list[tuple[str, str, list[Chunk]]]:
    """(source, hash, chunks) of every new or changed file; the rest go into the report."""
    todo = []
    for path, folders in files:
        advance()
        shown = source_name(path) if path.exists() else str(path)
        if not path.exists():
            report.failed.append((shown, "no such file or folder"))
            continue
        if path.suffix.lower() not in SUPPORTED_EXTS:
            reason = f"unsupported type '{path.suffix or '(none)'}'; save it as .docx, .xlsx or .pdf"
            report.failed.append((shown, reason))
            continue
        digest = file_hash(path)
        if known.get(shown, ("",))[0] == digest:
            report.unchanged.append(shown)
            continue
        try:
            loaded = load_file(path, kind, folders)
        except BidkitError as exc:
            report.failed.append((shown, str(exc)))
            continue
        except Exception as exc:  # noqa: BLE001 (a damaged file must not stop the batch)
            report.failed.append((shown, f"cannot be read ({type(exc).__name__}: {exc})"))
            continue
        report.warnings += loaded.problems
        todo.append((shown, digest, loaded.chunks))
    return todo


def _progress(enabled: bool):
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

    return Progress("[progress.description]{task.description}", BarColumn(),
                    MofNCompleteColumn(), TimeElapsedColumn(),
                    console=Console(stderr=True), disable=not enabled, transient=True)


def _vectors(store: Store, batches: list[list[str]]) -> Iterator:
    """Embeddings batch by batch, in order. Big ingests with the default (pure numpy, one BLAS
    thread) embedder use one process per core: ~2x on this 2-core machine."""
    from bidkit.kb.embeddings import UseM3Embedder, embed_with_use

    workers = min(os.cpu_count() or 1, 4)
    if (isinstance(store.embedder, UseM3Embedder) and workers > 1
            and sum(map(len, batches)) >= PARALLEL_FROM):
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor
        from concurrent.futures.process import BrokenProcessPool

        done = 0
        # spawn, not fork: the parent holds Chroma's threads and open database
        context = multiprocessing.get_context("spawn")
        try:
            with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
                for vectors in pool.map(embed_with_use, batches):
                    yield vectors
                    done += 1
            return
        except BrokenProcessPool:  # e.g. a __main__ that spawn cannot re-import: go on here
            batches = batches[done:]
    for batch in batches:
        yield store.embedder.embed(batch)


def add(store: Store, paths: list[Path], progress: bool = False,
        kind: str | None = None) -> IngestReport:
    report = IngestReport()
    collection = store.collection(create=True)
    known = stored_files(collection)
    files = list(walk([Path(p) for p in paths]))
    with _progress(progress and len(files) > 20) as bar:
        task = bar.add_task("reading", total=len(files))
        todo = _load_changed(files, known, kind, report, lambda: bar.advance(task))
    pending = [(chunk, digest, n) for _, digest, chunks in todo for n, chunk in enumerate(chunks)]
    with _progress(progress and len(pending) > BATCH) as bar:
        task = bar.add_task("embedding", total=len(pending))
        batches = [pending[start:start + BATCH] for start in range(0, len(pending), BATCH)]
        texts = [[chunk.text for chunk, _, _ in batch] for batch in batches]
        for batch, vectors in zip(batches, _vectors(store, texts)):
            # upsert first, delete leftovers after: a crash never leaves a file with no chunks
            collection.upsert(ids=[c.id for c, _, _ in batch],
                              documents=[c.text for c, _, _ in batch],
                              metadatas=[c.metadata(d, n) for c, d, n in batch],
                              embeddings=vectors)
            bar.advance(task, len(batch))
    for source, _, chunks in todo:
        old_ids = set(known.get(source, ("", []))[1]) - {c.id for c in chunks}
        if old_ids:
            collection.delete(ids=sorted(old_ids))
        (report.replaced if source in known else report.added).append(source)
        report.chunks += len(chunks)
    return report


def remove(store: Store, path: Path) -> int:
    """Delete the chunks of a file, or of every file under a folder; returns chunks deleted."""
    collection = store.collection()
    if collection is None:
        return 0
    target = source_name(Path(path)) if Path(path).exists() else Path(path).as_posix()
    target = target.rstrip("/")
    ids = [chunk_id for source, (_, chunk_ids) in stored_files(collection).items()
           if source == target or source.startswith(target + "/") for chunk_id in chunk_ids]
    for start in range(0, len(ids), 1000):
        collection.delete(ids=ids[start:start + 1000])
    return len(ids)
