"""Dense search with Chroma `where` filters; hits are collapsed to one per record so that the
top k are k different projects / people / certificates, each with its best-matching text."""

from __future__ import annotations

from bidkit.kb.store import Store, where_clause
from bidkit.model import Evidence
from bidkit.kb.records import industry_key

OVERFETCH = 4  # candidates per wanted hit, so collapsing chunks of one record still leaves k


def filters(kind: str | None = None, since: int | None = None, min_amount: float | None = None,
            industry: str | None = None, records_only: bool = False) -> dict | None:
    """The Chroma `where` for the structured filters (a year, an amount, a canonical industry)."""
    return where_clause(
        kind=kind,
        year=("$gte", int(since)) if since is not None else None,
        amount=("$gte", float(min_amount)) if min_amount is not None else None,
        industry_key=industry_key(industry) if industry else None,
        is_record=True if records_only else None,
    )


def to_evidence(chunk_id: str, text: str, meta: dict, score: float = 0.0) -> Evidence:
    fields = {k: v for k, v in meta.items()
              if k not in ("kind", "source", "location", "file_hash", "chunk", "is_record",
                           "profile_json")}
    return Evidence(id=chunk_id, kind=meta.get("kind", "other"), text=text,
                    source=meta.get("source", ""), location=meta.get("location", ""),
                    score=round(score, 4), metadata=fields)


def search(store: Store, query: str, k: int = 5, **filter_args) -> list[Evidence]:
    collection = store.collection()
    if collection is None or not query.strip():
        return []
    where = filters(**filter_args)
    total = collection.count()
    if total == 0:
        return []
    vector = store.embedder.embed([query])
    got = collection.query(query_embeddings=vector, n_results=min(k * OVERFETCH, total),
                           where=where, include=["documents", "metadatas", "distances"])
    hits: dict[str, Evidence] = {}
    for chunk_id, text, meta, distance in zip(got["ids"][0], got["documents"][0],
                                              got["metadatas"][0], got["distances"][0]):
        record = meta.get("record_id", chunk_id)
        if record in hits:
            continue
        score = min(max(1.0 - float(distance), 0.0), 1.0)  # cosine similarity, clipped
        hits[record] = to_evidence(chunk_id, text, meta, score)
        if len(hits) == k:
            break
    return list(hits.values())
