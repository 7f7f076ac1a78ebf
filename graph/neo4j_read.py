"""Reading helpers of the Neo4j backend: resolving names to ids, filter parameters, result rows.

Names are resolved the way the embedded backend resolves them: situations by id, name, ISO3 code
or a country's name or alias; actors by id, name, ISO3 code or alias; mechanisms by id, name or
acronym. A name that resolves to nothing is kept as given, so it matches nothing but an equal id.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from graph import neo4j_queries as Q
from graph.codec import document_from_json, facts_from_json
from graph.neo4j_rows import match_key
from graph.responses import StatedResponse, read_stated
from graph.store import (
    TRACE_EVIDENCE_LIMIT,
    CitationLink,
    EvidenceRef,
    MechanismTrace,
    ParagraphFilter,
    StoredDocument,
    newest,
)
from ontology.model import symbol_key

Read = Callable[[str, dict[str, Any]], list[dict[str, Any]]]

_WORD = re.compile(r"\w+", re.UNICODE)
SYMBOL = re.compile(r"^\s*[A-Z]{1,8}(/[A-Za-z0-9.()\- ]+){1,8}\s*$")


def _name(value: str) -> dict[str, str]:
    return {"query": value.strip(), "key": match_key(value)}


def resolve_situation(read: Read, name: str) -> tuple[str, str] | None:
    """(id, name) of the situation a name, id, ISO3 code or country alias designates."""
    found = read(Q.RESOLVE_SITUATION, _name(name)) or read(Q.SITUATION_BY_ACTOR, _name(name))
    return (found[0]["id"], found[0]["name"]) if found else None


def resolve_actors(read: Read, name: str) -> list[str]:
    """Ids of the actors a name designates (several when ambiguous), or the name itself."""
    return [r["id"] for r in read(Q.RESOLVE_ACTORS, _name(name))] or [name]


def resolve_mechanisms(read: Read, name: str) -> list[str]:
    """Ids of the mechanisms a name, id or acronym designates, or the name itself."""
    return [r["id"] for r in read(Q.RESOLVE_MECHANISMS, _name(name))] or [name]


def document_key(read: Read, symbol: str) -> tuple[str, list[str]] | None:
    """Key and symbol keys of the stored document having ``symbol`` among its symbols."""
    found = read(Q.DOCUMENT_KEY, {"key": symbol_key(symbol)})
    return (found[0]["key"], list(found[0]["symbol_keys"] or [])) if found else None


def recommendation_params(read: Read, **f: Any) -> dict[str, Any]:
    """Parameters of ``RECOMMENDATIONS``: names resolved to ids, null where no filter is asked."""
    by = resolve_actors(read, f["by"]) + resolve_mechanisms(read, f["by"]) if f["by"] else None
    return {"to": resolve_actors(read, f["to"]) if f["to"] else None, "by": by,
            "theme": f["theme"].lower() if f["theme"] else None,
            "mechanism": resolve_mechanisms(read, f["mechanism"]) if f["mechanism"] else None,
            "year_from": f["year_from"], "year_to": f["year_to"], "offset": f["offset"], "limit": f["limit"]}


def filter_params(read: Read, filters: ParagraphFilter | None) -> dict[str, Any]:
    """Parameters of the paragraph filter shared by vector and text search (null = no condition)."""
    f = filters or ParagraphFilter()
    situation = None
    if f.situation:
        found = resolve_situation(read, f.situation)
        situation = [found[0] if found else f.situation]
    symbol = None
    if f.symbol:
        found_doc = document_key(read, f.symbol)
        symbol = found_doc[0] if found_doc else symbol_key(f.symbol)
    return {"paragraph_kind": f.paragraph_kind, "document_kind": f.document_kind,
            "organ": match_key(f.organ) if f.organ else None, "year_from": f.year_from, "year_to": f.year_to,
            "language": f.language, "symbol": symbol, "situation": situation,
            "mechanism": resolve_mechanisms(read, f.mechanism) if f.mechanism else None,
            "by": resolve_actors(read, f.by) + resolve_mechanisms(read, f.by) if f.by else None,
            "to": resolve_actors(read, f.to) if f.to else None}


def lucene_query(text: str) -> str:
    """The words of ``text`` as a Lucene query any word of which may match (no operator passes through)."""
    return " ".join(w.lower() for w in _WORD.findall(text))


def stored(row: Mapping[str, Any]) -> StoredDocument:
    """A StoredDocument from a row with document_json, facts_json, source_path, ingested_at."""
    return StoredDocument(document=document_from_json(json.loads(row["document_json"])),
                          facts=facts_from_json(json.loads(row["facts_json"])),
                          source_path=row["source_path"], ingested_at=row["ingested_at"])


def link(row: Mapping[str, Any]) -> CitationLink:
    """A CitationLink from a CITES / CITED_BY row."""
    return CitationLink(citing_symbol=row["citing_symbol"], cited_symbol=row["cited_symbol"],
                        paragraph=row["paragraph"], text=row["text"], cited_in_store=bool(row["cited_in_store"]))


def mechanisms(rows: list[dict[str, Any]], evidence_limit: int | None = TRACE_EVIDENCE_LIMIT
               ) -> tuple[MechanismTrace, ...]:
    """TRACE rows grouped by mechanism (in id order), with dates and the newest ``evidence_limit``
    de-duplicated evidence refs (None: all)."""
    grouped: dict[str, dict[str, Any]] = {}
    for r in rows:
        g = grouped.setdefault(r["id"], {"name": r["name"], "type": r["type"], "docs": {}, "dates": [],
                                         "evidence": {}})
        g["docs"].setdefault(r["symbol"], None)
        if r["date"]:
            g["dates"].append(r["date"])
        g["evidence"].setdefault((r["symbol"], r["paragraph"]),
                                 EvidenceRef(r["symbol"], r["paragraph"], r["page"], r["date"]))
    return tuple(
        MechanismTrace(id=mid, name=g["name"], type=g["type"], documents=tuple(g["docs"]),
                       first_date=min(g["dates"], default=None), last_date=max(g["dates"], default=None),
                       evidence=newest(tuple(g["evidence"].values()), evidence_limit),
                       evidence_count=len(g["evidence"]))
        for mid, g in grouped.items())


def stated_responses(read: Read, keys: Sequence[str]) -> dict[str, dict[str, StatedResponse]]:
    """Report key → paragraph label → the response its stored addenda state (``graph.responses``)."""
    if not keys:
        return {}
    addenda = ((r["key"], r["symbol"], r["facts_json"]) for r in read(Q.ADDENDA_OF, {"keys": list(keys)}))
    return read_stated(
        keys, addenda,
        lambda key, indexes: ((p["index"], p["label"], p["key"], p["page"])
                              for p in read(Q.PARAGRAPHS_AT, {"key": key, "indexes": indexes})),
        lambda reports: ((r["key"], r["label"], r["response"]) for r in read(Q.REPORT_RECOMMENDATIONS, {"keys": reports})))
