"""What is embedded for each paragraph, its content hash, and reuse of stored vectors.

A paragraph's vector carries its context, so that a short subparagraph ("(b) Ratify the Convention")
still says what it is about: the document title, the section heading and, for a subparagraph, the
text of its parent paragraph. The text and its context are embedded apart and mixed:
``unit(v(text) + CONTEXT_WEIGHT × v(context))``. Prepending the context to the text instead let
the context swamp the paragraph: every recommendation of a UPR report shares the same title,
section and lead-in ("The following recommendations … enjoy the support of …"), and dense search
on ``bench/eval_search.py`` fell from P@10 0.75 to 0.41. Contexts repeat within a document, so each
distinct one is embedded once.

A recommendation is embedded without the names of the States that made it: in "Abolish the death
penalty (Norway, Italy);" the bracketed group says who recommends, which the graph holds and the
``--by`` filter finds; in the vector those names say nothing of the matter recommended. A bracketed
group is dropped when it holds nothing but names of the paragraph's own recommenders (as linked) and joiners ("Iran (Islamic Republic of), Chile and the Netherlands");
"(CEDAW)", "(Egypt)" in a paragraph Egypt did not recommend, and every other paragraph stay whole.
On ``bench/eval_search.py`` (30 reports) dense P@10 rose from 0.624 to 0.665 and hybrid from 0.681
to 0.713, on every round of held-out queries. The lexical index keeps the names, so a query may
still name a State.

Each vector is stored under a key hashed from what made it (``vector_key``: the model, the context
weight, the context and the text as embedded), so a re-ingest embeds only the paragraphs whose text
or context changed, and a vector made by another model or from another context is never reused. The store
also checks the vector size against the model's.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from functools import lru_cache

import numpy as np

from graph.paragraph_context import ParagraphRecommendations, paragraph_recommendations
from graph.store import GraphStore, text_hash
from ontology.model import Actor, DocumentFacts, ParagraphKind, ParsedDocument
from search.embed import Embedder, Progress

TITLE_CHARS = 160
PARENT_CHARS = 400
CONTEXT_WEIGHT = 0.3  # weight of the context's vector against the paragraph's own (bench/eval_search.py)


def embedding_inputs(document: ParsedDocument, facts: DocumentFacts | None) -> dict[int, tuple[str, str]]:
    """``(context, text)`` embedded for each paragraph (by index); the context is title, section and parent,
    the text is the paragraph's without its recommenders' names (``facts``: what was linked from it)."""
    by_key = {p.key: p for p in document.paragraphs}
    names = recommender_names(facts) if facts is not None else {}
    out: dict[int, tuple[str, str]] = {}
    for p in document.paragraphs:
        parent = by_key.get(p.parent) if p.parent else None
        text = without_recommenders(p.text, names[p.index]) if p.index in names else p.text
        out[p.index] = (context_of(title=document.title, section=p.section if p.kind is not ParagraphKind.HEADING
                                   else None, parent=parent.text if parent is not None else None), text)
    return out


def actor_names(actor: Actor) -> set[str]:
    """Every lower-case name an actor is known by: name, aliases, ISO3 code."""
    return {x.lower() for x in (actor.name, *actor.aliases, actor.iso3 or "") if x}


def recommender_names(facts: DocumentFacts, merged: Mapping[int, ParagraphRecommendations] | None = None
                      ) -> dict[int, frozenset[str]]:
    """Paragraph index -> the names of everyone recommending in it (``actor_names``); ``merged``: the
    document's ``paragraph_recommendations``, when the caller has them already."""
    if merged is None:
        merged = paragraph_recommendations(facts.recommendations)
    known = {a.id: actor_names(a) for a in facts.actors}
    names = {i: frozenset(n for b in pr.by for n in known.get(b, ())) for i, pr in merged.items()}
    return {i: n for i, n in names.items() if n}


_GROUP = re.compile(r"\s*\((?:[^()]|\([^()]{1,60}\)){2,400}\)")  # one level of nesting: "(Iran (Islamic Republic of))"
_JOINERS = re.compile(r"(?:[\s,;/.]|\band\b|\bthe\b)+")


def without_recommenders(text: str, names: Collection[str]) -> str:
    """``text`` without the bracketed groups made only of ``names`` (lower case) and joiners."""
    return cut(text, recommender_spans(text, names))


def recommender_spans(text: str, names: Collection[str]) -> tuple[int, ...]:
    """Start and end offsets (flat pairs) of the bracketed groups of ``text`` made only of ``names``."""
    if not names or "(" not in text:
        return ()
    pattern = _names_pattern(frozenset(names))
    spans: list[int] = []
    for m in _GROUP.finditer(text):
        if not _JOINERS.sub("", pattern.sub(" ", _plain(m.group(0).strip()[1:-1]))):
            spans += (m.start(), m.end())
    return tuple(spans)


def cut(text: str, spans: Sequence[int]) -> str:
    """``text`` without the spans (flat start/end pairs, in order)."""
    if not spans:
        return text
    bounds = [0, *spans, len(text)]
    return "".join(text[bounds[i] : bounds[i + 1]] for i in range(0, len(bounds), 2))


@lru_cache(maxsize=4096)
def _names_pattern(names: frozenset[str]) -> re.Pattern[str]:
    plain = sorted({_plain(n) for n in names}, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in plain) + r")(?!\w)")


def _plain(text: str) -> str:
    """Lower case, with typographic apostrophes as plain ones ("People’s", "d’Ivoire")."""
    return text.lower().replace("\u2019", "'").replace("\u02bc", "'")


def context_of(*, title: str | None, section: str | None, parent: str | None) -> str:
    """Title, section heading and parent text (each clipped), one per line."""
    parts = [c for c in (_clip(title or "", TITLE_CHARS), _clip(section or "", TITLE_CHARS)) if c]
    if parent is not None:
        parts.append(_clip(parent, PARENT_CHARS))
    return "\n".join(parts)


def vector_key(model: str, context: str, text: str) -> str:
    """The key a paragraph's vector is stored and reused under: a hash of everything that made it."""
    return text_hash(f"{model}\x1f{CONTEXT_WEIGHT}\x1f{context}\x1f{text}")


def embedding_keys(document: ParsedDocument, facts: DocumentFacts | None, model: str) -> dict[int, str]:
    """``vector_key`` of every paragraph of ``document`` (by index), for ``store.put_document``."""
    return {i: vector_key(model, c, t) for i, (c, t) in embedding_inputs(document, facts).items()}


def encode_with_context(embedder: Embedder, inputs: Sequence[tuple[str, str]], *,
                        progress: Progress | None = None) -> np.ndarray:
    """Unit vectors of ``(context, text)`` pairs: the text's vector plus ``CONTEXT_WEIGHT`` × the context's."""
    vectors = embedder.encode([text for _, text in inputs], progress=progress)
    contexts = sorted({c for c, _ in inputs if c})
    if contexts:
        found = dict(zip(contexts, embedder.encode(contexts), strict=True))
        for i, (context, _) in enumerate(inputs):
            if context:
                vectors[i] += CONTEXT_WEIGHT * found[context]
        vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors.astype(np.float32, copy=False)


def embed_paragraphs(
    document: ParsedDocument,
    facts: DocumentFacts | None,
    store: GraphStore,
    embedder: Embedder,
    *,
    progress: Progress | None = None,
    stats: dict[str, int] | None = None,
) -> dict[int, list[float]]:
    """Vectors of every paragraph of ``document`` (by index): the first half of ``embed_document``."""
    return embed_document(document, facts, store, embedder, progress=progress, stats=stats)[0]


def embed_document(
    document: ParsedDocument,
    facts: DocumentFacts | None,
    store: GraphStore,
    embedder: Embedder,
    *,
    progress: Progress | None = None,
    stats: dict[str, int] | None = None,
) -> tuple[dict[int, list[float]], dict[int, str]]:
    """Vectors of every paragraph of ``document`` and the keys to store them under (both by index),
    for ``store.put_document(embeddings=..., embedding_keys=...)``; ``facts`` are what was linked from
    it (None: nothing), which name the recommenders left out of what is embedded.

    Only paragraphs whose ``vector_key`` is not in the store are encoded; the others reuse the
    stored vector. ``stats``, when given, receives ``{"reused": n, "embedded": m}``.
    """
    inputs = embedding_inputs(document, facts)
    hashes = {i: vector_key(embedder.name, c, t) for i, (c, t) in inputs.items()}
    stored = store.embeddings_by_hash(sorted(set(hashes.values()))) if hashes else {}
    out: dict[int, list[float]] = {}
    for i, h in hashes.items():
        vec = stored.get(h)
        if vec is not None and len(vec) == embedder.dim:
            out[i] = list(vec)
    todo = [i for i in inputs if i not in out]
    if todo:
        vectors = encode_with_context(embedder, [inputs[i] for i in todo], progress=progress)
        for i, vec in zip(todo, vectors, strict=True):
            out[i] = vec.tolist()
    if stats is not None:
        stats.update(reused=len(inputs) - len(todo), embedded=len(todo))
    return out, hashes


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


__all__: list[str] = [
    "CONTEXT_WEIGHT",
    "actor_names",
    "context_of",
    "cut",
    "embed_document",
    "embed_paragraphs",
    "embedding_inputs",
    "embedding_keys",
    "encode_with_context",
    "recommender_names",
    "recommender_spans",
    "vector_key",
    "without_recommenders",
]
