"""What is embedded for each paragraph, its content hash, and reuse of stored vectors.

A paragraph is embedded with its context so that a short subparagraph ("(b) Ratify the Convention")
still says what it is about: the document title, the section heading and, for a subparagraph, the
text of its parent paragraph. Stored vectors are found again by the store's content hash of the
paragraph text (``graph.store.text_hash``), so a re-ingest of an unchanged document embeds nothing.
The store checks the vector size against the model's; a vector of another size is never reused.
"""

from __future__ import annotations

from graph.store import GraphStore, text_hash
from ontology.model import ParagraphKind, ParsedDocument
from search.embed import Embedder, Progress

TITLE_CHARS = 160
PARENT_CHARS = 400


def embedding_texts(document: ParsedDocument) -> dict[int, str]:
    """The text embedded for each paragraph (by index): title, section, parent text, then the text."""
    by_key = {p.key: p for p in document.paragraphs}
    title = _clip(document.title or "", TITLE_CHARS)
    out: dict[int, str] = {}
    for p in document.paragraphs:
        parts = [title] if title else []
        if p.section and p.kind is not ParagraphKind.HEADING:
            parts.append(_clip(p.section, TITLE_CHARS))
        parent = by_key.get(p.parent) if p.parent else None
        if parent is not None:
            parts.append(_clip(parent.text, PARENT_CHARS))
        parts.append(p.text)
        out[p.index] = "\n".join(parts)
    return out


def embed_paragraphs(
    document: ParsedDocument,
    store: GraphStore,
    embedder: Embedder,
    *,
    progress: Progress | None = None,
    stats: dict[str, int] | None = None,
) -> dict[int, list[float]]:
    """Vectors of every paragraph of ``document`` (by index), reusing those the store already has.

    Only paragraphs whose embedded text (content hash) is not in the store are encoded. ``stats``,
    when given, receives ``{"reused": n, "embedded": m}``.
    """
    texts = embedding_texts(document)
    hashes = {p.index: text_hash(p.text) for p in document.paragraphs}
    stored = store.embeddings_by_hash(sorted(set(hashes.values()))) if hashes else {}
    out: dict[int, list[float]] = {}
    for i, h in hashes.items():
        vec = stored.get(h)
        if vec is not None and len(vec) == embedder.dim:
            out[i] = list(vec)
    todo = [i for i in texts if i not in out]
    if todo:
        vectors = embedder.encode([texts[i] for i in todo], progress=progress)
        for i, vec in zip(todo, vectors, strict=True):
            out[i] = vec.tolist()
    if stats is not None:
        stats.update(reused=len(texts) - len(todo), embedded=len(todo))
    return out


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


__all__: list[str] = ["embed_paragraphs", "embedding_texts"]
