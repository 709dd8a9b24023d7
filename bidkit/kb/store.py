"""Chroma, embedded (a KB directory) or a server (`chroma run`), behind the same few calls.

A local KB directory carries `bidkit-kb.json` (schema version, embedder). A directory without
it, from another schema, or built with another embedder is refused with one sentence, never
written into: no silent data loss. Server collections carry the same facts as metadata.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlparse

from bidkit import __version__
from bidkit.errors import InputError
from bidkit.kb.embeddings import Embedder

SCHEMA_VERSION = 1
MANIFEST = "bidkit-kb.json"
COLLECTION = "bidkit_kb"


def where_clause(**conditions) -> dict | None:
    """Chroma `where` from simple conditions; None values are left out.
    kind="project" → equality; ("$gte", 2021) tuples → that operator."""
    parts = []
    for key, value in conditions.items():
        if value is None:
            continue
        op, operand = value if isinstance(value, tuple) else ("$eq", value)
        parts.append({key: {op: operand}})
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else {"$and": parts}


class Store:
    def __init__(self, kb_dir: Path, chroma_url: str | None, embedder: Embedder) -> None:
        self.kb_dir = Path(kb_dir)
        self.chroma_url = chroma_url
        self.embedder = embedder
        self._collection = None

    @property
    def where(self) -> str:
        return self.chroma_url or str(self.kb_dir)

    # ---- local manifest ----
    def _check_manifest(self, create: bool) -> bool:
        """True if a bidkit KB is there (creating it when asked); InputError if not usable."""
        manifest = self.kb_dir / MANIFEST
        if manifest.exists():
            try:
                data = json.loads(manifest.read_text(encoding="utf-8"))
                schema, embedder = data["schema"], data["embedder"]
            except (ValueError, KeyError, TypeError) as exc:
                raise InputError(
                    f"{manifest} is corrupted; restore the KB directory from a backup or rebuild "
                    "it with `bidkit kb add` into a new --kb.") from exc
            if schema != SCHEMA_VERSION:
                raise InputError(
                    f"the knowledge base in {self.kb_dir} has schema {schema}, this bidkit reads "
                    f"schema {SCHEMA_VERSION}; rebuild it into a new --kb directory (the old one "
                    "is left untouched).")
            self._check_embedder(embedder)
            return True
        if self.kb_dir.exists() and any(self.kb_dir.iterdir()):
            raise InputError(f"{self.kb_dir} is not a bidkit knowledge base (no {MANIFEST}); "
                             "choose another --kb directory so its files are not overwritten.")
        if not create:
            return False
        self.kb_dir.mkdir(parents=True, exist_ok=True)
        manifest.write_text(json.dumps(self._facts(), indent=1), encoding="utf-8")
        return True

    def _facts(self) -> dict:
        return {"schema": SCHEMA_VERSION, "embedder": self.embedder.name, "bidkit": __version__}

    def _check_embedder(self, built_with: str) -> None:
        if built_with != self.embedder.name:
            raise InputError(f"the knowledge base at {self.where} was built with embedder "
                             f"'{built_with}' but '{self.embedder.name}' is configured; set "
                             f"BIDKIT_EMBEDDER={built_with.split(':')[0]} or use another KB.")

    # ---- clients ----
    def _client(self):
        import chromadb
        from chromadb.config import Settings

        settings = Settings(anonymized_telemetry=False)
        if not self.chroma_url:
            try:
                return chromadb.PersistentClient(path=str(self.kb_dir), settings=settings)
            except Exception as exc:
                raise InputError(f"the knowledge base in {self.kb_dir} cannot be opened "
                                 f"({type(exc).__name__}); it may be corrupted — restore it or "
                                 "rebuild it into a new --kb directory.") from exc
        url = urlparse(self.chroma_url if "://" in self.chroma_url else f"http://{self.chroma_url}")
        if not url.hostname:
            raise InputError(f"'{self.chroma_url}' is not a Chroma server URL; use "
                             "http://HOST:PORT.")
        try:
            client = chromadb.HttpClient(host=url.hostname, port=url.port or 8000,
                                         ssl=url.scheme == "https", settings=settings)
            client.heartbeat()
        except Exception as exc:
            raise InputError(f"the Chroma server at {self.chroma_url} is not reachable; start it "
                             "(chroma run --path DIR --port N) or check --chroma-url.") from exc
        return client

    def collection(self, create: bool = False):
        """The KB collection, or None if there is none yet and `create` is False."""
        if self._collection is not None:
            return self._collection
        if not self.chroma_url and not self._check_manifest(create):
            return None
        from bidkit.kb.embeddings import chroma_embedding

        client = self._client()
        function = chroma_embedding(self.embedder)  # registers the function before any get
        names = {c if isinstance(c, str) else c.name for c in client.list_collections()}
        if COLLECTION not in names and not create:
            return None
        try:
            collection = client.get_or_create_collection(
                COLLECTION, embedding_function=function,
                metadata={"bidkit_schema": SCHEMA_VERSION, "embedder": self.embedder.name},
                configuration={"hnsw": {"space": "cosine"}})
        except ValueError as exc:  # "Embedding function conflict" and the like
            raise InputError(
                f"the knowledge base at {self.where} cannot be opened with this embedder ({exc}); "
                "configure the embedder it was built with.") from exc
        meta = collection.metadata or {}
        if meta.get("bidkit_schema", SCHEMA_VERSION) != SCHEMA_VERSION:
            raise InputError(f"the knowledge base at {self.where} has schema "
                             f"{meta.get('bidkit_schema')}, this bidkit reads {SCHEMA_VERSION}.")
        self._check_embedder(meta.get("embedder", self.embedder.name))
        self._collection = collection
        return collection

    def size_on_disk(self) -> int | None:
        if self.chroma_url or not self.kb_dir.exists():
            return None
        return sum(f.stat().st_size for f in self.kb_dir.rglob("*") if f.is_file())
