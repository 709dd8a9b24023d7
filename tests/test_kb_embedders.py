"""A configured embedder replaces the offline default: an OpenAI-compatible endpoint (a fake
one on 127.0.0.1 here), and the KB remembers which embedder built it."""

from __future__ import annotations

import hashlib
import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from bidkit.config import load_settings
from bidkit.errors import ConfigError
from bidkit.kb import open_kb
from bidkit.kb.embeddings import make_embedder

pytest.importorskip("langchain_openai")


def _vector(text: str, dims: int = 64) -> list[float]:
    """Bag of characters hashed into `dims` buckets: similar texts, similar vectors."""
    vec = [0.0] * dims
    for char in text:
        vec[int(hashlib.md5(char.encode()).hexdigest(), 16) % dims] += 1.0
    return vec


class _FakeEmbeddings(BaseHTTPRequestHandler):
    calls = 0

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        texts = body["input"] if isinstance(body["input"], list) else [body["input"]]
        type(self).calls += 1
        data = [{"object": "embedding", "index": i, "embedding": _vector(t)}
                for i, t in enumerate(texts)]
        payload = json.dumps({"object": "list", "data": data, "model": body["model"],
                              "usage": {"prompt_tokens": 1, "total_tokens": 1}}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args):
        pass


@pytest.fixture
def endpoint():
    server = HTTPServer(("127.0.0.1", 0), _FakeEmbeddings)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/v1"
    server.shutdown()


def test_openai_compatible_endpoint_replaces_the_default_embedder(tmp_path, monkeypatch, endpoint):
    monkeypatch.setenv("BIDKIT_EMBEDDER", "openai")
    monkeypatch.setenv("BIDKIT_EMBEDDER_MODEL", "fake-embed")
    monkeypatch.setenv("BIDKIT_EMBEDDER_BASE_URL", endpoint)
    (tmp_path / "answers").mkdir()
    (tmp_path / "answers" / "a.md").write_text("# 售后服务\n\n质保三年，7×24小时响应。\n",
                                               encoding="utf-8")
    (tmp_path / "answers" / "b.md").write_text("# Training\n\nAdministrator training, five days.\n",
                                               encoding="utf-8")
    kb = open_kb(tmp_path / "kb")
    assert kb.add([tmp_path / "answers"]).ok
    assert _FakeEmbeddings.calls >= 1
    hits = kb.search("Administrator training", k=1)
    assert hits[0].source.endswith("b.md")
    assert kb.stats()["embedder"] == "openai:fake-embed"


def test_unknown_or_incomplete_embedder_settings_are_config_errors():
    with pytest.raises(ConfigError, match="unknown embedder 'magic'"):
        make_embedder(load_settings(embedder="magic"))
    with pytest.raises(ConfigError, match="needs embedder_model"):
        make_embedder(load_settings(embedder="sentence-transformers"))
