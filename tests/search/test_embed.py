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
    without_recommenders,
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
    doc, facts = parsed[0]
    inputs = embedding_inputs(doc, facts)
    sub = next(p for p in doc.paragraphs if p.parent)
    parent = next(p for p in doc.paragraphs if p.key == sub.parent)
    context, text = inputs[sub.index]
    assert parent.text[:40] in context and text == sub.text
    assert doc.title[:40] in context


def test_a_recommendation_is_embedded_without_its_recommenders(store, embedder, parsed):
    """China 2009: 114.32 holds Indonesia's and the Netherlands' recommendations; 114.1 names a covenant."""
    doc, facts = parsed[0]
    inputs = embedding_inputs(doc, facts)
    at = {p.label: p for p in doc.paragraphs}
    text = inputs[at["114.32"].index][1]
    assert "(Indonesia)" in at["114.32"].text and "Indonesia" not in text and "Netherlands" not in text
    assert text.startswith("Ensure the implementation of the legislation related to the 60 judicial reform measures")
    assert "Continue to advance the rule of law" in text
    assert "(ICCPR)" in inputs[at["114.1"].index][1]  # not a recommender: kept
    recommending = {r.paragraph_index for r in facts.recommendations}
    assert all(inputs[p.index][1] == p.text for p in doc.paragraphs if p.index not in recommending)
    stripped = sum(inputs[i][1] != doc.paragraphs[i].text for i in recommending)
    assert stripped >= 40  # of 65 paragraphs with recommendations; the others are the dialogue's, named in the text
    # what the store holds for 114.32 is the vector of that text, under the key of that text
    key = embedding_keys(doc, facts, embedder.name)[at["114.32"].index]
    stored = np.asarray(store.embeddings_by_hash([key])[key])
    assert np.allclose(stored, encode_with_context(embedder, [inputs[at["114.32"].index]])[0], atol=1e-4)


def test_only_groups_of_the_recommenders_names_are_dropped():
    names = {"iran (islamic republic of)", "iran", "chile", "netherlands", "netherlands (kingdom of the)"}
    assert without_recommenders("Abolish the death penalty (Iran (Islamic Republic of));", names) == (
        "Abolish the death penalty;")
    assert without_recommenders("Ratify the OP-CAT (Chile, the Netherlands and Iran).", names) == "Ratify the OP-CAT."
    assert without_recommenders("Cooperate with OHCHR (Chile/Netherlands (Kingdom of the))", names) == (
        "Cooperate with OHCHR")
    kept = "Ratify the ICCPR (Chile and Mexico); invite (a) the Special Rapporteur (OHCHR)"
    assert without_recommenders(kept, names) == kept  # Mexico is no recommender here; (a) and (OHCHR) are content
    assert without_recommenders("Consider (Chileans) abroad (Chile)", names) == "Consider (Chileans) abroad"
    assert without_recommenders("No group here", names) == "No group here"
    korea = {"democratic people's republic of korea"}  # the list's spelling; reports print a curly apostrophe
    assert without_recommenders("Cooperate with OHCHR (Democratic People\u2019s Republic of Korea);", korea) == (
        "Cooperate with OHCHR;")


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
    vectors, keys = embed_document(doc, facts, store, embedder, stats=stats)
    assert stats == {"reused": len(doc.paragraphs), "embedded": 0}
    assert set(vectors) == {p.index for p in doc.paragraphs}
    assert store.put_document(doc, facts, embeddings=vectors, embedding_keys=keys).status == "unchanged"


def test_a_vector_is_reused_only_for_the_same_model_context_and_text(store, embedder, parsed):
    doc, facts = parsed[0]
    keys = embedding_keys(doc, facts, embedder.name)
    assert len(set(keys.values())) >= len({(c, t) for c, t in embedding_inputs(doc, facts).values()})
    assert vector_key("model-a", "ctx", "text") != vector_key("model-b", "ctx", "text")
    assert vector_key("model-a", "ctx", "text") != vector_key("model-a", "other ctx", "text")
    retitled = replace(doc, title="Another title", sha256="0" * 64)
    stats: dict[str, int] = {}
    embed_paragraphs(retitled, facts, store, embedder, stats=stats)
    with_context = sum(1 for c, _ in embedding_inputs(retitled, facts).values() if c)
    assert stats["embedded"] == with_context and stats["reused"] == len(doc.paragraphs) - with_context


def test_a_store_embedded_with_the_recommenders_names_is_brought_up_to_date_by_reembed(tmp_path, embedder, parsed):
    """A store whose vectors kept the names (as before they were left out): `reembed` encodes again just the
    recommendations that named their recommenders, and keeps every other vector."""
    from graph.factory import open_store
    from search.hybrid import search
    from search.reembed import reembed

    doc, facts = parsed[1]  # Albania 2010
    with open_store(backend="kuzu", path=tmp_path / "store") as s:
        old_vectors, old_keys = embed_document(doc, None, s, embedder)  # None: no facts, the names kept
        s.put_document(doc, facts, embeddings=old_vectors, embedding_keys=old_keys)
        inputs = embedding_inputs(doc, facts)
        changed = sum(inputs[p.index][1] != p.text for p in doc.paragraphs)
        assert changed >= 100
        before = search(s, embedder, "combat violence against women")
        assert before.hits and "run `r2p reembed` to bring them up to date" in (before.note or "")
        report = reembed(s, embedder)
        assert (report.reembedded, report.embedded, report.reused) == (1, changed, len(doc.paragraphs) - changed)
        keys = embedding_keys(doc, facts, embedder.name)
        assert set(s.embeddings_by_hash(sorted(set(keys.values())))) == set(keys.values())
        assert reembed(s, embedder).current == 1
        assert search(s, embedder, "combat violence against women").note is None
