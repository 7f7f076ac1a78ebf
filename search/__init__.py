"""Paragraph search over the store: embeddings (``embed``, ``indexing``), lexical BM25 with phrases and
document symbols (``lexical``), dense retrieval (``dense``), their fusion with filters and facet counts
(``hybrid``), and "more like this" (``hybrid.similar``)."""
