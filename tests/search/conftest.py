"""One real store with a few real documents, and the real model, shared by the search tests."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

DOCS = (
    "upr-cycle1/pdfs/china2009.pdf",  # UPR Working Group report: recommendations addressed to China
    "upr-cycle1/pdfs/albania2010.pdf",
    "un-mixed-2025/S_RES_2772 (2025).en.pdf",  # a short Security Council resolution
)


@pytest.fixture(scope="session")
def embedder():
    from search.embed import load_embedder

    return load_embedder(backend=os.environ.get("R2P_TEST_EMBEDDING_BACKEND", "openvino"))


@pytest.fixture(scope="session")
def parsed(corpus: Path):
    from ingest.link import link
    from ingest.pipeline import parse

    out = []
    for rel in DOCS:
        doc = parse(corpus / rel)
        out.append((doc, link(doc)))
    return out


@pytest.fixture(scope="session")
def store(tmp_path_factory, parsed, embedder):
    from graph.factory import open_store
    from search.indexing import embed_document

    s = open_store(backend="kuzu", path=tmp_path_factory.mktemp("search") / "store")
    for doc, facts in parsed:
        vectors, keys = embed_document(doc, facts, s, embedder)
        s.put_document(doc, facts, embeddings=vectors, embedding_keys=keys)
    yield s
    s.close()
