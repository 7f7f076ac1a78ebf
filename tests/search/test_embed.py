"""The embedder: backends agree, vectors are unit length, re-ingest embeds nothing."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from search.embed import length_batches, load_embedder
from search.errors import EmbeddingError
from search.indexing import (
    CONTEXT_WEIGHT,
    embed_document,
    embed_paragraphs,
    embedding_inputs,
    embedding_keys,
    encode_with_context,
    vector_key,
)


def test_vectors_are_normalised_and_in_order(embedder):
    texts = ["abolish the death penalty", "", "Ratify the Convention against Torture " * 40, "end capital punishment"]
    seen = []
    vecs = embedder.encode(texts, progress=lambda done, total: seen.append((done, total)))
    assert vecs.shape == (4, embedder.dim) and np.allclose(np.linalg.norm(vecs, axis=1), 1, atol=1e-4)
    assert seen[-1] == (4, 4)
    assert float(vecs[0] @ vecs[3]) > float(vecs[0] @ vecs[2])


def test_openvino_matches_torch():
    torch_e, ov_e = load_embedder(backend="torch", batch_size=4), load_embedder(backend="openvino", batch_size=3)
    texts = ["Ratify the Optional Protocol", "The Council decides to remain seized of the matter.", "x y z " * 200]
    cos = (torch_e.encode(texts) * ov_e.encode(texts)).sum(axis=1)
    assert cos.min() > 0.9999


def test_openvino_encodes_from_many_threads_at_once():
    """The API serves searches from a thread pool: concurrent calls must neither fail nor mix vectors."""
    from concurrent.futures import ThreadPoolExecutor

    ov_e = load_embedder(backend="openvino", batch_size=2)
    texts = [f"Ratify the Convention, recommendation number {i}" for i in range(16)]
    alone = ov_e.encode(texts)
    with ThreadPoolExecutor(8) as pool:
        together = list(pool.map(lambda i: ov_e.encode([texts[i]])[0], range(16)))
    assert np.allclose(np.stack(together), alone, atol=1e-5)


def test_bad_backend_or_batch_is_a_clear_error():
    with pytest.raises(EmbeddingError, match="backend"):
        load_embedder(backend="tpu")
    with pytest.raises(EmbeddingError, match="batch"):
        load_embedder(batch_size=0)


def test_length_batches_cover_every_text_once():
    texts = ["a" * n for n in (5, 1, 9, 3, 7)]
    batches = length_batches(texts, 2)
    assert sorted(i for b in batches for i in b) == list(range(5))
    assert [len(texts[b[0]]) for b in batches] == [9, 5, 1]


def test_subparagraphs_are_embedded_with_their_parent(parsed):
    doc = parsed[0][0]
    inputs = embedding_inputs(doc)
    sub = next(p for p in doc.paragraphs if p.parent)
    parent = next(p for p in doc.paragraphs if p.key == sub.parent)
    context, text = inputs[sub.index]
    assert parent.text[:40] in context and text == sub.text
    assert doc.title[:40] in context


def test_context_is_mixed_in_without_swamping_the_text(embedder):
    text = "Abolish the death penalty and commute all death sentences"
    context = "Report of the Working Group on the Universal Periodic Review\nII. Conclusions and/or recommendations"
    mixed, alone = encode_with_context(embedder, [(context, text), ("", text)])
    own, ctx = embedder.encode([text, context])
    assert np.allclose(np.linalg.norm(mixed), 1, atol=1e-5) and np.allclose(alone, own, atol=1e-5)
    expected = own + CONTEXT_WEIGHT * ctx
    assert np.allclose(mixed, expected / np.linalg.norm(expected), atol=1e-5)
    assert float(mixed @ own) > float(mixed @ ctx)  # the paragraph, not its context, decides


def test_unchanged_reingest_embeds_nothing(store, embedder, parsed):
    doc, facts = parsed[0]
    stats: dict[str, int] = {}
    vectors, keys = embed_document(doc, store, embedder, stats=stats)
    assert stats == {"reused": len(doc.paragraphs), "embedded": 0}
    assert set(vectors) == {p.index for p in doc.paragraphs}
    assert store.put_document(doc, facts, embeddings=vectors, embedding_keys=keys).status == "unchanged"


def test_a_vector_is_reused_only_for_the_same_model_context_and_text(store, embedder, parsed):
    doc, _ = parsed[0]
    keys = embedding_keys(doc, embedder.name)
    assert len(set(keys.values())) >= len({(c, t) for c, t in embedding_inputs(doc).values()})
    assert vector_key("model-a", "ctx", "text") != vector_key("model-b", "ctx", "text")
    assert vector_key("model-a", "ctx", "text") != vector_key("model-a", "other ctx", "text")
    retitled = replace(doc, title="Another title", sha256="0" * 64)
    stats: dict[str, int] = {}
    embed_paragraphs(retitled, store, embedder, stats=stats)
    with_context = sum(1 for c, _ in embedding_inputs(retitled).values() if c)
    assert stats["embedded"] == with_context and stats["reused"] == len(doc.paragraphs) - with_context
