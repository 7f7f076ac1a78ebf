"""An in-memory table of every stored paragraph with what filters, facets and hits need.

Built once per store state and rebuilt when the store's write generation changes: from
``store.iter_document_outlines()`` where the store offers it (both backends read the paragraph
columns in bulk, a few queries per thousand documents), else from ``store.iter_documents()`` (the
reading interface every backend offers). Holds no vectors; the lexical index and
the exact vector matrix are built over it (``lexical.py``, ``dense.py``).
"""

from __future__ import annotations

import threading
import time
import weakref
from dataclasses import dataclass, field
from typing import Any

from graph.paragraph_context import paragraph_recommendations
from graph.responses import AddendumResponses, resolve, statements
from graph.store import GraphStore, StoredDocument, paragraph_uid
from ontology.model import ParagraphKind, symbol_key
from search.indexing import actor_names, context_of, cut, recommender_names, recommender_spans


@dataclass(slots=True)
class Row:
    """One paragraph and the facets it carries."""

    uid: str
    symbol: str
    symbols: tuple[str, ...]
    title: str | None
    subtitle: str | None  # "Report of the Secretary-General", "Adopted by the Security Council at …"
    date: str | None
    year: int | None
    doc_kind: str
    organs: tuple[str, ...]
    language: str | None
    index: int
    key: str
    label: str | None
    kind: str  # paragraph kind
    page: int
    section: str | None
    text: str
    parent: str | None = None  # key of the parent paragraph (subparagraphs)
    recommendation: bool = False
    by: tuple[str, ...] = ()  # actor/mechanism ids
    to: tuple[str, ...] = ()
    response: str | None = None
    response_symbol: str | None = None  # where a response not in the document itself is stated (its addendum)
    response_paragraph: str | None = None
    response_page: int | None = None
    themes: tuple[str, ...] = ()
    situations: tuple[str, ...] = ()  # ids
    mechanisms: tuple[str, ...] = ()  # ids
    unembedded: tuple[int, ...] = ()  # spans of the text left out of its vector (``search.indexing.recommender_spans``)


@dataclass
class Catalog:
    """Every paragraph of the store in one list, with id → display-name lookups."""

    rows: list[Row] = field(default_factory=list)
    by_uid: dict[str, int] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)  # entity id -> display name
    aliases: dict[str, set[str]] = field(default_factory=dict)  # entity id -> lower-case names
    doc_rows: dict[str, list[int]] = field(default_factory=dict)  # symbol key -> row positions
    fingerprint: Any = None
    checked_at: float = 0.0
    cache: dict[str, Any] = field(default_factory=dict)  # derived indexes (lexical, dense)
    addenda: list[AddendumResponses] = field(default_factory=list)  # responses stated for other documents

    def name(self, entity_id: str) -> str:
        return self.names.get(entity_id, entity_id)

    def matches_entity(self, entity_id: str, wanted: str) -> bool:
        """Whether ``wanted`` (an id, a name, an alias, an ISO3 code) names ``entity_id``."""
        w = wanted.strip().lower()
        return w == entity_id.lower() or w in self.aliases.get(entity_id, ())


def add_document(cat: Catalog, stored: StoredDocument) -> None:
    """Append the rows of one stored document."""
    doc, facts = stored.document, stored.facts
    _learn_names(cat, facts)
    recs = paragraph_recommendations(facts.recommendations)
    names = recommender_names(facts, recs)
    para_sits: dict[int, set[str]] = {}
    para_mechs: dict[int, set[str]] = {}
    mech_ids = {m.id for m in facts.mechanisms}
    for m in facts.mentions:
        target = para_mechs if m.entity_id in mech_ids else para_sits if m.entity_id.startswith("sit/") else None
        if target is not None:
            target.setdefault(m.paragraph_index, set()).add(m.entity_id)
    for c in facts.coverage:
        para_mechs.setdefault(c.paragraph_index, set()).add(c.mechanism_id)
        para_sits.setdefault(c.paragraph_index, set()).add(c.situation_id)
    doc_mechs = {i for i in facts.issued_by if i in mech_ids} | {c.mechanism_id for c in facts.coverage}
    year = int(doc.date[:4]) if doc.date and doc.date[:4].isdigit() else None
    positions: list[int] = []
    for sym in doc.symbols or (doc.symbol,):
        cat.doc_rows[symbol_key(sym)] = positions
    if facts.responses:
        cat.addenda.append(AddendumResponses(doc.symbol, facts.responses,
                                             {p.index: (p.label or p.key, p.key, p.page) for p in doc.paragraphs}))
    for p in doc.paragraphs:
        rec = recs.get(p.index)
        sits = set(facts.situations) | para_sits.get(p.index, set()) | set(rec.situations if rec else ())
        mechs = doc_mechs | para_mechs.get(p.index, set()) | {b for b in (rec.by if rec else ()) if b in mech_ids}
        row = Row(
            uid=paragraph_uid(doc.symbol, p.key), symbol=doc.symbol, symbols=doc.symbols, title=doc.title,
            subtitle=doc.subtitle, date=doc.date, year=year, doc_kind=str(doc.kind), organs=doc.organs, language=doc.language,
            index=p.index, key=p.key, label=p.label, kind=str(p.kind), page=p.page, section=p.section,
            text=p.text, parent=p.parent, recommendation=rec is not None,
            by=rec.by if rec else (), to=rec.to if rec else (), response=rec.response if rec else None,
            themes=rec.themes if rec else (), situations=tuple(sorted(sits)), mechanisms=tuple(sorted(mechs)),
            unembedded=recommender_spans(p.text, names[p.index]) if p.index in names else (),
        )
        cat.by_uid[row.uid] = len(cat.rows)
        positions.append(len(cat.rows))
        cat.rows.append(row)


def apply_responses(cat: Catalog) -> None:
    """Give the recommendations of UPR reports the positions their stored addenda state
    (:mod:`graph.responses`); call once every document is in."""
    for key, stated_there in statements(cat.addenda).items():
        positions = cat.doc_rows.get(key, [])
        if not positions:
            continue
        own: dict[str, str | None] = {}
        for pos in positions:
            if cat.rows[pos].recommendation:
                own.setdefault(cat.rows[pos].label or cat.rows[pos].key, cat.rows[pos].response)
        stated = resolve(own, stated_there)
        for pos in positions:
            row = cat.rows[pos]
            if (s := stated.get(row.label or row.key)) is not None and row.recommendation:
                row.response, row.response_symbol = s.position, s.symbol
                row.response_paragraph, row.response_page = s.paragraph, s.page


def row_context(cat: Catalog, pos: int) -> str:
    """The context row ``pos`` was embedded with (``search.indexing.embedding_inputs``), rebuilt from
    the catalog rather than kept: a second copy of every context would swell the catalog."""
    row = cat.rows[pos]
    at = cat.by_uid.get(paragraph_uid(row.symbol, row.parent)) if row.parent is not None else None
    parent = cat.rows[at] if at is not None else None
    return context_of(title=row.title, section=row.section if row.kind != ParagraphKind.HEADING else None,
                      parent=parent.text if parent is not None else None)


def row_text(cat: Catalog, pos: int) -> str:
    """The text row ``pos`` was embedded as (``search.indexing.embedding_inputs``): a recommendation's
    without its recommenders' names."""
    row = cat.rows[pos]
    return cut(row.text, row.unembedded)


def _learn_names(cat: Catalog, facts: Any) -> None:
    for a in facts.actors:
        cat.names[a.id] = a.name
        cat.aliases.setdefault(a.id, set()).update(actor_names(a))
    for s in facts.situation_defs:
        cat.names[s.id] = s.name
        cat.aliases.setdefault(s.id, set()).update(x.lower() for x in (s.name, s.iso3 or "") if x)
    for m in facts.mechanisms:
        cat.names[m.id] = m.name
        cat.aliases.setdefault(m.id, set()).update(x.lower() for x in (m.name, m.acronym or "") if x)


_CATALOGS: weakref.WeakKeyDictionary[Any, Catalog] = weakref.WeakKeyDictionary()
_LOCK = threading.Lock()


RECHECK_SECONDS = 2.0  # how long a catalog is trusted before the store's generation is compared again


def catalog(store: GraphStore) -> Catalog:
    """The catalog of ``store``, rebuilt when the store's write generation has changed.

    The generation is compared at most every ``RECHECK_SECONDS``; a writer in this process calls
    :func:`invalidate` to be seen at once.
    """
    with _LOCK:
        cat = _CATALOGS.get(store)
        if cat is not None and time.monotonic() - cat.checked_at < RECHECK_SECONDS:
            return cat
        fp = _fingerprint(store)
        if cat is not None and cat.fingerprint == fp:
            cat.checked_at = time.monotonic()
            return cat
        cat = Catalog(fingerprint=fp, checked_at=time.monotonic())
        bulk = getattr(store, "iter_document_outlines", None)
        for stored in bulk() if bulk is not None else store.iter_documents():
            add_document(cat, stored)
        apply_responses(cat)
        _CATALOGS[store] = cat
        return cat


def invalidate(store: GraphStore) -> None:
    """Forget the catalog of ``store`` (after a write that kept its counts)."""
    with _LOCK:
        _CATALOGS.pop(store, None)


def _fingerprint(store: GraphStore) -> Any:
    """The store's write generation: it changes with every write, in any process."""
    return store.generation()
