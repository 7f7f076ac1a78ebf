"""The catalogue read in bulk (paragraph columns) equals the one built document by document."""

from __future__ import annotations

import numpy as np

from ontology.model import symbol_key
from search.catalog import Catalog, add_document, catalog, row_context, row_text
from search.dense import _stream_matrix, vector_matrix
from search.indexing import embedding_inputs, vector_key


def test_bulk_catalog_rows_equal_per_document_rows(store) -> None:
    bulk = catalog(store)
    slow = Catalog()
    for stored in store.iter_documents():
        add_document(slow, stored)
    assert len(bulk.rows) == len(slow.rows) > 100
    assert bulk.rows == slow.rows
    assert bulk.by_uid == slow.by_uid and bulk.doc_rows == slow.doc_rows
    assert bulk.names == slow.names and bulk.aliases == slow.aliases


def test_streamed_matrix_holds_each_paragraphs_own_vector(store, embedder) -> None:
    cat = catalog(store)
    matrix = vector_matrix(store, cat, embedder.name)
    assert matrix is not None and matrix.shape == (len(cat.rows), embedder.dim)
    key = vector_key(embedder.name, row_context(cat, 5), cat.rows[5].text)
    stored = store.embeddings_by_hash([key])
    assert np.allclose(matrix[5], stored[key], atol=1e-6)


def test_stream_with_a_missing_vector_gives_no_matrix(store) -> None:
    cat = catalog(store)
    vectors = list(store.iter_paragraph_vectors())
    assert len(vectors) == len(cat.rows)
    assert _stream_matrix(iter(vectors[1:]), cat) is None


def test_context_rebuilt_from_the_catalog_is_what_was_embedded(store) -> None:
    cat = catalog(store)
    checked = stripped = 0
    for stored in store.iter_documents():
        inputs = embedding_inputs(stored.document, stored.facts)
        for p in stored.document.paragraphs:
            pos = cat.by_uid[f"{symbol_key(stored.document.symbol)}#{p.key}"]
            assert (row_context(cat, pos), row_text(cat, pos)) == inputs[p.index]
            checked += p.parent is not None
            stripped += cat.rows[pos].text != inputs[p.index][1]
    assert checked > 0  # subparagraphs, whose text carries their parent's
    assert stripped > 100  # recommendations, embedded without their recommenders' names
