"""The Chroma 1.x embedding-function protocol around a bidkit Embedder.

Registered under the name "bidkit", so Chroma stores the collection's function as ours (not as a
"legacy" one that would fall back to its downloading default) and can rebuild it from its config.
This module imports chromadb: import it only from store code, before any get_collection.
"""

from __future__ import annotations

from typing import Any

from chromadb.api.types import Documents, EmbeddingFunction, Embeddings, Space
from chromadb.utils.embedding_functions import register_embedding_function

from bidkit.kb import embeddings as _emb


def _embedder_named(name: str) -> _emb.Embedder:
    if name in _emb._EMBEDDERS:
        return _emb._EMBEDDERS[name]
    if name == "use-m3":
        return _emb._EMBEDDERS.setdefault(name, _emb.UseM3Embedder())
    from bidkit.errors import ConfigError

    raise ConfigError(f"this knowledge base was built with embedder '{name}'; configure the same "
                      "embedder (BIDKIT_EMBEDDER) to use it.")


@register_embedding_function
class BidkitEmbeddingFunction(EmbeddingFunction[Documents]):
    def __init__(self, embedder: str = "use-m3") -> None:
        self.embedder = embedder

    def __call__(self, input: Documents) -> Embeddings:
        return list(_embedder_named(self.embedder).embed(list(input)))

    def embed_query(self, input: Documents) -> Embeddings:
        return self.__call__(input)

    @staticmethod
    def name() -> str:
        return "bidkit"

    def default_space(self) -> Space:
        return "cosine"

    def supported_spaces(self) -> list[Space]:
        return ["cosine"]

    def get_config(self) -> dict[str, Any]:
        return {"embedder": self.embedder}

    @staticmethod
    def build_from_config(config: dict[str, Any]) -> BidkitEmbeddingFunction:
        return BidkitEmbeddingFunction(embedder=config.get("embedder", "use-m3"))

    def validate_config_update(self, old_config: dict[str, Any],
                               new_config: dict[str, Any]) -> None:
        if old_config.get("embedder") != new_config.get("embedder"):
            raise ValueError("the embedder of a knowledge base cannot change; build a new one")
