"""The reading side of the Kùzu backend: functions over a connection, returning store result types."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from contextlib import nullcontext
from dataclasses import asdict
from typing import Any

import kuzu

from graph import kuzu_queries as q
from graph.codec import document_from_json, facts_from_json
from graph.responses import StatedResponse, read_stated, with_stated
from graph.store import (
    TRACE_EVIDENCE_LIMIT,
    CitationLink,
    DocumentSummary,
    EvidenceRef,
    MechanismTrace,
    ParagraphFilter,
    RecommendationRecord,
    StoredDocument,
    TraceResult,
    newest,
)
from ontology.model import symbol_key


def rows(conn: kuzu.Connection, query: str, params: dict[str, Any] | None = None) -> list[list[Any]]:
    """All rows of a query."""
    gate = getattr(conn, "_r2p_gate", None)
    with gate.shared() if gate is not None else nullcontext():
        result: Any = conn.execute(query, _used(query, params or {}))
        out: list[list[Any]] = []
        while result.has_next():
            out.append(result.get_next())
    return out


def _bare(name: str) -> str:
    """``"the Sudan"`` → ``"Sudan"``."""
    name = name.strip()
    return name[4:] if name.lower().startswith("the ") else name


def resolve_document(conn: kuzu.Connection, symbol: str) -> str | None:
    """Key of the stored document having this symbol (any of its symbols), if any."""
    found = rows(conn, q.DOC_STORED, {"key": symbol_key(symbol)})
    return found[0][0] if found else None


def document_json(conn: kuzu.Connection, key: str) -> dict[str, Any] | None:
    """The stored ParsedDocument JSON of a document key."""
    found = rows(conn, q.DOC_JSON, {"key": key})
    return json.loads(found[0][0]) if found and found[0][0] else None


def stored_document(conn: kuzu.Connection, key: str) -> StoredDocument | None:
    found = rows(conn, q.DOC_JSON, {"key": key})
    if not found:
        return None
    doc, facts, source, at = found[0]
    return StoredDocument(document_from_json(json.loads(doc)), facts_from_json(json.loads(facts)), source, at)


def iter_documents(conn: kuzu.Connection, since: str | None, page: int = 64) -> Iterator[StoredDocument]:
    """Stored documents in key order, fetched a page at a time."""
    after = ""
    while True:
        batch = rows(conn, q.DOC_PAGE, {"after": after, "since": since, "limit": page})
        for key, doc, facts, source, at in batch:
            yield StoredDocument(document_from_json(json.loads(doc)), facts_from_json(json.loads(facts)), source, at)
            after = key
        if len(batch) < page:
            return


def within(conn: kuzu.Connection, count_query: str, params: dict[str, Any], offset: int, limit: int) -> bool:
    """Whether a page starts inside the rows ``count_query`` counts.

    Every paged query asks this first and answers [] otherwise, never sending Kùzu a SKIP past
    the end (0.11.3 crashes the process on ORDER BY … SKIP far beyond the rows).
    """
    if offset < 0 or limit <= 0:
        return False
    return offset == 0 or offset < rows(conn, count_query, params)[0][0]


def list_documents(conn: kuzu.Connection, offset: int, limit: int, *, subtitles: bool = True
                   ) -> list[DocumentSummary]:
    """One page of stored documents by key (an offset past the end answers [], see :func:`within`);
    ``subtitles=False`` reads a store whose ``subtitle`` column is not there yet (opened read-only)."""
    if not within(conn, q.COUNT_STORED_DOCUMENTS, {}, offset, limit):
        return []
    return [
        DocumentSummary(symbol=r[0], symbols=tuple(r[1]), title=r[2], date=r[3], kind=r[4], organs=tuple(r[5]),
                        language=r[6], paragraphs=r[7] or 0, subtitle=r[8])
        for r in rows(conn, q.LIST_DOCUMENTS if subtitles else q.LIST_DOCUMENTS_UNMIGRATED,
                      {"offset": offset, "limit": limit})
    ]


def resolve_situation(conn: kuzu.Connection, name: str) -> tuple[str, str] | None:
    """(id, name) of a situation given by id, name, ISO3 code or a country's name or alias."""
    params = {"q": name.strip(), "bare": _bare(name)}
    found = rows(conn, q.FIND_SITUATION, params) or rows(conn, q.SITUATION_BY_ACTOR, params)
    return (found[0][0], found[0][1]) if found else None


def resolve_actors(conn: kuzu.Connection, name: str) -> list[str]:
    """Ids of the actors an id, name, ISO3 code or alias names (several when ambiguous)."""
    return sorted({r[0] for r in rows(conn, q.FIND_ACTOR, {"q": name.strip(), "bare": _bare(name)})}) or [name]


def resolve_mechanisms(conn: kuzu.Connection, name: str) -> list[str]:
    """Ids of the mechanisms an id, name or acronym names."""
    return sorted({r[0] for r in rows(conn, q.FIND_MECHANISM, {"q": name.strip()})}) or [name]


def recommenders(conn: kuzu.Connection, name: str) -> list[str]:
    """Ids of the actors and mechanisms a name, id, code, alias or acronym names."""
    found = [r[0] for r in rows(conn, q.FIND_ACTOR, {"q": name.strip(), "bare": _bare(name)})]
    found += [r[0] for r in rows(conn, q.FIND_MECHANISM, {"q": name.strip()})]
    return sorted(set(found)) or [name]


def trace(conn: kuzu.Connection, situation: str, evidence_limit: int | None = TRACE_EVIDENCE_LIMIT
          ) -> TraceResult | None:
    """Mechanisms covering a situation: every document and exact dates, the newest ``evidence_limit``
    evidence refs (None: all)."""
    found = resolve_situation(conn, situation)
    if found is None:
        return None
    sid, sname = found
    grouped: dict[str, dict[str, Any]] = {}
    for mid, mname, mtype, symbol, label, page, date in rows(conn, q.TRACE, {"id": sid}):
        g = grouped.setdefault(mid, {"name": mname, "type": mtype, "docs": {}, "first": None, "last": None,
                                     "evidence": {}})
        g["docs"].setdefault(symbol, None)
        if date:  # rows come in date order
            g["first"] = g["first"] or date
            g["last"] = date
        g["evidence"].setdefault((symbol, label), (symbol, label, page, date))
    mechanisms = tuple(
        MechanismTrace(id=mid, name=g["name"], type=g["type"], documents=tuple(g["docs"]), first_date=g["first"],
                       last_date=g["last"], evidence_count=len(g["evidence"]),
                       evidence=tuple(EvidenceRef(*e) for e in newest(list(g["evidence"].values()), evidence_limit)))
        for mid, g in grouped.items()
    )
    return TraceResult(situation=sname, situation_id=sid, mechanisms=mechanisms)


def recommendations(conn: kuzu.Connection, **f: Any) -> list[RecommendationRecord]:
    """Recommendations matching the filters (to/by/theme/mechanism/years), with display names."""
    filters: dict[str, Any] = {}
    if f["to"]:
        filters["to"] = resolve_actors(conn, f["to"])
    if f["by"]:
        filters["by"] = recommenders(conn, f["by"])
    if f["theme"]:
        filters["theme"] = f["theme"].lower()
    if f["mechanism"]:
        filters["mechanism"] = resolve_mechanisms(conn, f["mechanism"])
    for bound in ("year_from", "year_to"):
        if f[bound] is not None:
            filters[bound] = int(f[bound])
    params = {**q.flatten(filters), "offset": f["offset"], "limit": f["limit"]}
    if not within(conn, q.recommendations_count_query(filters), params, f["offset"], f["limit"]):
        return []
    found = rows(conn, q.recommendations_query(filters), params)
    ids = sorted({i for r in found for i in (*r[3], *r[4])})
    names: dict[str, str] = {}
    if ids:
        names.update((r[0], r[1]) for r in rows(conn, q.MECHANISM_NAMES, {"ids": ids}))
        names.update((r[0], r[1]) for r in rows(conn, q.ACTOR_NAMES, {"ids": ids}))
    records = [
        RecommendationRecord(symbol=r[0], paragraph=r[1], text=r[2], by=tuple(names.get(i, i) for i in r[3]),
                             to=tuple(names.get(i, i) for i in r[4]), verb=r[5], response=r[6], date=r[7],
                             page=r[8], themes=tuple(r[9]))
        for r in found
    ]
    return with_stated(records, stated_responses(conn, sorted({r[10] for r in found})))


def stated_responses(conn: kuzu.Connection, keys: Sequence[str]) -> dict[str, dict[str, StatedResponse]]:
    """Report key → paragraph label → the response its stored addenda state (``graph.responses``)."""
    if not keys:
        return {}
    addenda = ((key, symbols[0], facts) for key, symbols, facts in rows(conn, q.ADDENDA_OF, {"keys": list(keys)}))
    return read_stated(keys, addenda,
                       lambda key, indexes: map(tuple, rows(conn, q.PARAGRAPHS_AT, {"key": key, "indexes": indexes})),
                       lambda reports: map(tuple, rows(conn, q.REPORT_RECOMMENDATIONS, {"keys": reports})))

def _used(query: str, params: dict[str, Any]) -> dict[str, Any]:
    """The parameters a query refers to (Kùzu refuses unused ones)."""
    return {k: v for k, v in params.items() if re.search(rf"\${re.escape(k)}\b", query)}


def cites(conn: kuzu.Connection, key: str, symbol: str) -> list[CitationLink]:
    found = rows(conn, q.CITES_OUT, {"key": key})
    stored = {r[0] for r in rows(conn, q.STORED_KEYS, {"keys": sorted({r[1] for r in found})})} if found else set()
    return [CitationLink(symbol, r[0], r[2], r[3], r[1] in stored) for r in found]


def cited_by(conn: kuzu.Connection, keys: Sequence[str], symbol: str) -> list[CitationLink]:
    return [CitationLink(r[0], r[1], r[2], r[3], True) for r in rows(conn, q.CITES_IN, {"keys": list(keys)})]


def stats(conn: kuzu.Connection) -> dict[str, int]:
    out = {"documents": rows(conn, q.COUNT_STORED_DOCUMENTS)[0][0]}
    for table in ("Paragraph", "Footnote", "Actor", "Situation", "Mechanism", "Recommendation", "RiskFactor"):
        out[f"{table.lower()}s"] = rows(conn, q.COUNT_NODES.format(table=table))[0][0]
    out["cited_documents_not_stored"] = rows(conn, q.COUNT_NODES.format(table="Document"))[0][0] - out["documents"]
    edges = 0
    for table in q.REL_TABLES:
        n = rows(conn, q.COUNT_RELS.format(table=table))[0][0]
        out[f"edges_{table.lower()}"] = n
        edges += n
    out["edges"] = edges
    return out


def filter_params(conn: kuzu.Connection, filters: ParagraphFilter | None) -> dict[str, Any]:
    """Filter values resolved to what the Paragraph columns hold (ids, symbol keys)."""
    if filters is None:
        return {}
    raw = {k: v for k, v in asdict(filters).items() if v is not None}
    out: dict[str, Any] = {}
    for name, value in raw.items():
        if name == "paragraph_kind" and value == "recommendation":
            out["recommendation"] = True
        elif name == "situation":
            found = resolve_situation(conn, value)
            out[name] = [found[0] if found else value]
        elif name == "mechanism":
            out[name] = resolve_mechanisms(conn, value)
        elif name in ("by", "to"):
            out[name] = recommenders(conn, value) if name == "by" else resolve_actors(conn, value)
        elif name == "organ":
            out[name] = f"|{value.lower()}|"
        elif name == "symbol":
            out[name] = resolve_document(conn, value) or symbol_key(value)
        else:
            out[name] = value
    return out


def stored_symbol(conn: kuzu.Connection, key: str) -> str:
    """Primary symbol of a document key."""
    found = rows(conn, q.DOC_SYMBOL, {"key": key})
    return found[0][0] if found else key


def symbol_keys(conn: kuzu.Connection, key: str) -> list[str]:
    """Every symbol key of a stored document."""
    found = rows(conn, q.DOC_SYMBOL_KEYS, {"key": key})
    return list(found[0][0]) if found and found[0][0] else [key]
