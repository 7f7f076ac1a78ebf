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
    out: dict[int, str] = {}
    for p in document.paragraphs:
        parent = by_key.get(p.parent) if p.parent else None
        out[p.index] = context_text(title=document.title, section=p.section if p.kind is not ParagraphKind.HEADING
                                    else None, parent=parent.text if parent is not None else None, text=p.text)
    return out


def context_text(*, title: str | None, section: str | None, parent: str | None, text: str) -> str:
    """Title, section heading and parent text (each clipped), then the text, one per line."""
    clipped = _clip(title or "", TITLE_CHARS)
    parts = [clipped] if clipped else []
    if section:
        parts.append(_clip(section, TITLE_CHARS))
    if parent is not None:
        parts.append(_clip(parent, PARENT_CHARS))
    parts.append(text)
    return "\n".join(parts)


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


__all__: list[str] = ["context_text", "embed_paragraphs", "embedding_texts"]
