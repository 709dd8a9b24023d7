"""The company's knowledge base: past projects, certificates, people, capabilities, answers.

    from bidkit.kb import open_kb
    kb = open_kb()                       # $BIDKIT_KB or ./.bidkit/kb; $BIDKIT_CHROMA_URL = server
    kb.add([Path("knowledge_base")])
    hits = kb.search("近三年智慧校园项目业绩", k=5, kind="project", since=2022)

Importing this package is cheap: chromadb and the embedder load inside the methods that need
them (the API contract other parts code against is in notes/kbapi.md).
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bidkit.kb.ingest import IngestReport
    from bidkit.model import CompanyProfile, Evidence, ProjectRecord

__all__ = ["KnowledgeBase", "open_kb"]

_RECORD_FIELDS = ("name", "client", "amount", "currency", "start_date", "end_date", "industry",
                  "scope", "contact")


class KnowledgeBase:
    def __init__(self, kb_dir: Path, chroma_url: str | None = None, settings=None) -> None:
        from bidkit.config import load_settings

        self.settings = settings or load_settings()
        self.kb_dir = Path(kb_dir)
        self.chroma_url = chroma_url
        self._store = None

    @property
    def store(self):
        if self._store is None:
            from bidkit.kb.embeddings import make_embedder
            from bidkit.kb.store import Store

            self._store = Store(self.kb_dir, self.chroma_url, make_embedder(self.settings))
        return self._store

    @property
    def location(self) -> str:
        return self.chroma_url or str(self.kb_dir)

    def exists(self) -> bool:
        """True once something was added (a missing KB searches as empty, it is not an error)."""
        return self.store.collection() is not None

    def add(self, paths: list[Path], progress: bool = False, kind: str | None = None
            ) -> IngestReport:
        from bidkit.kb.ingest import add

        return add(self.store, [Path(p) for p in paths], progress=progress, kind=kind)

    def remove(self, path: Path) -> int:
        from bidkit.kb.ingest import remove

        return remove(self.store, Path(path))

    def search(self, query: str, k: int = 5, kind: str | None = None, since: int | None = None,
               min_amount: float | None = None, industry: str | None = None) -> list[Evidence]:
        from bidkit.kb.search import search

        return search(self.store, query, k, kind=kind, since=since, min_amount=min_amount,
                      industry=industry)

    def _get(self, where: dict | None) -> list[Evidence]:
        from bidkit.kb.search import to_evidence

        collection = self.store.collection()
        if collection is None:
            return []
        got = collection.get(where=where, include=["documents", "metadatas"])
        hits = [to_evidence(i, t, m) for i, t, m in
                zip(got["ids"], got["documents"], got["metadatas"])]
        return sorted(hits, key=lambda e: (e.source, e.metadata.get("chunk", 0), e.id))

    def records(self, kind: str) -> list[Evidence]:
        """Every record of a kind, one Evidence per record (its first chunk), in source order."""
        from bidkit.kb.search import filters

        seen: dict[str, Evidence] = {}
        for hit in self._get(filters(kind=kind)):
            seen.setdefault(hit.metadata.get("record_id", hit.id), hit)
        return list(seen.values())

    def projects(self, since: int | None = None, min_amount: float | None = None,
                 industry: str | None = None) -> list[ProjectRecord]:
        """Structured 业绩 records; an 业绩表 row and a case study with the same 项目编号 merge."""
        from bidkit.kb.search import filters
        from bidkit.model import ProjectRecord

        merged: dict[str, ProjectRecord] = {}
        hits = self._get(filters("project", since, min_amount, industry, records_only=True))
        # 业绩表 rows first: their facts are the structured ones, case studies fill the gaps
        hits.sort(key=lambda e: "row " not in e.location)
        for hit in hits:
            meta = hit.metadata
            record = ProjectRecord(id=meta.get("record_id", hit.id), evidence_file=hit.source,
                                   location=hit.location,
                                   **{f: meta[f] for f in _RECORD_FIELDS if f in meta})
            if record.id in merged:  # keep the first facts, fill the gaps from the other file
                old = merged[record.id]
                gaps = {f: getattr(record, f) for f in _RECORD_FIELDS
                        if getattr(old, f) in (None, "") and getattr(record, f) not in (None, "")}
                record = old.model_copy(update=gaps)
            merged[record.id] = record
        return sorted(merged.values(), key=lambda r: (r.end_date or r.start_date or ""),
                      reverse=True)

    def company_profile(self) -> CompanyProfile | None:
        from bidkit.kb.search import filters
        from bidkit.model import CompanyProfile

        collection = self.store.collection()
        if collection is None:
            return None
        got = collection.get(where=filters(kind="profile"), include=["metadatas"], limit=1)
        if not got["ids"]:
            return None
        return CompanyProfile(**json.loads(got["metadatas"][0]["profile_json"]))

    def sources(self) -> list[dict]:
        """One row per stored file: source, kind, chunks."""
        collection = self.store.collection()
        if collection is None:
            return []
        rows: dict[str, dict] = {}
        for meta in collection.get(include=["metadatas"])["metadatas"]:
            row = rows.setdefault(meta["source"], {"source": meta["source"], "kind": meta["kind"],
                                                   "chunks": 0})
            row["chunks"] += 1
        return sorted(rows.values(), key=lambda r: r["source"])

    def stats(self) -> dict:
        files = self.sources()
        collection = self.store.collection()
        kinds: Counter = Counter()
        records: set[str] = set()
        if collection is not None:
            for meta in collection.get(include=["metadatas"])["metadatas"]:
                kinds[meta["kind"]] += 1
                records.add(meta.get("record_id", ""))
        return {"location": self.location, "mode": "server" if self.chroma_url else "embedded",
                "embedder": self.store.embedder.name, "files": len(files),
                "chunks": sum(kinds.values()), "records": len(records),
                "chunks_by_kind": dict(sorted(kinds.items())),
                "files_by_kind": dict(sorted(Counter(f["kind"] for f in files).items())),
                "size_on_disk": self.store.size_on_disk()}


def open_kb(kb_dir: str | Path | None = None, chroma_url: str | None = None,
            settings=None) -> KnowledgeBase:
    """The KB at `kb_dir` ($BIDKIT_KB, ./.bidkit/kb) or on the Chroma server at `chroma_url`
    ($BIDKIT_CHROMA_URL). Nothing is opened until the first call that needs it."""
    from bidkit.config import load_settings

    settings = settings or load_settings(kb=kb_dir, chroma_url=chroma_url)
    return KnowledgeBase(settings.kb, settings.chroma_url, settings)
