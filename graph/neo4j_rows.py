"""The statements and parameter rows that write (or delete) one document in Neo4j.

Pure functions of the model objects: :func:`write_plan` turns a ParsedDocument + DocumentFacts
into the ordered ``(statement, parameters)`` steps the store runs in ONE write transaction;
:func:`delete_plan` and :func:`orphan_plan` remove a previous version and then whatever only it
supported. Keeping this apart from the driver makes every row testable on its own.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from typing import Any

from graph import neo4j_queries as Q
from graph.checks import indexes_out_of_range, membership_problem
from graph.codec import facts_from_json
from graph.errors import BadDocument
from graph.paragraph_context import paragraph_context
from graph.store import text_hash
from ontology.model import DocumentFacts, ParsedDocument, symbol_key

Step = tuple[str, dict[str, Any]]

_THE = re.compile(r"^the\s+")
_SPACES = re.compile(r"\s+")


def match_key(name: str) -> str:
    """How names are compared: case-folded, single-spaced, without a leading "the" ("the Sudan" = "Sudan")."""
    return _THE.sub("", _SPACES.sub(" ", name.strip()).casefold())


def dumps(value: ParsedDocument | DocumentFacts) -> str:
    """Compact, key-sorted JSON of a model object, as kept on the Document node."""
    return json.dumps(value.to_json(), ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def paragraph_uid(document: ParsedDocument, index: int) -> str:
    """``"<symbol_key(primary)>#<paragraph key>"`` of the paragraph at ``index``."""
    return f"{symbol_key(document.symbol)}#{document.paragraphs[index].key}"


def _year(date: str | None) -> int | None:
    return int(date[:4]) if date and date[:4].isdigit() else None


def _keys(*names: str | None) -> list[str]:
    return sorted({match_key(n) for n in names if n})


def write_plan(
    document: ParsedDocument,
    facts: DocumentFacts,
    *,
    embeddings: Mapping[int, Sequence[float]] | None,
    source_path: str | None,
    ingested_at: str,
    embedding_dim: int,
    embedding_keys: Mapping[int, str] | None = None,
) -> list[Step]:
    """Every statement that creates ``document`` and its facts, with its parameters, in order."""
    _check(document, facts, embeddings or {}, embedding_dim)
    key = symbol_key(document.symbol)
    steps: list[Step] = [(Q.CREATE_DOCUMENT, _document_params(document, facts, source_path, ingested_at))]
    steps += _paragraph_steps(document, facts, embeddings or {}, embedding_keys or {})
    steps += _entity_steps(facts)
    steps += _document_edge_steps(key, facts)
    steps += _paragraph_fact_steps(document, facts)
    steps += _recommendation_steps(document, facts)
    steps += _citation_steps(document, facts)
    return [(q, p) for q, p in steps if "rows" not in p or p["rows"]]


def delete_plan(key: str) -> list[Step]:
    """The statements that delete the stored document with this key and everything it owns."""
    return [(q, {"key": key}) for q in (Q.DELETE_COVERS, Q.DELETE_ESTABLISHED_BY, Q.DELETE_MEMBER_OF,
                                        Q.DELETE_RECOMMENDATIONS,
                                        Q.DELETE_PARAGRAPHS, Q.DELETE_FOOTNOTES, Q.DELETE_DOCUMENT)]


def orphan_plan(state: Mapping[str, Any]) -> list[Step]:
    """Delete the entities and symbols a removed version referred to that nothing refers to any more.

    ``state`` is the row of ``DOCUMENT_STATE`` read before that version was deleted.
    """
    ids: set[str] = set()
    keys = set(state.get("symbol_keys") or ()) | cited_keys(state.get("document_json"))
    facts_json = state.get("facts_json")
    if facts_json:
        facts = facts_from_json(json.loads(facts_json))
        ids = _entity_ids(facts)
        keys |= {symbol_key(e.symbol) for e in facts.establishments}
        keys |= {symbol_key(r.symbol) for r in facts.relations}
    return [(Q.DELETE_ORPHAN_ENTITIES, {"ids": sorted(ids)}), (Q.DELETE_ORPHAN_SYMBOLS, {"keys": sorted(keys)})]


def cited_keys(document_json: str | None) -> set[str]:
    """Symbol keys cited by a stored document (orphan candidates when it goes)."""
    if not document_json:
        return set()
    return {symbol_key(c["symbol"]) for c in json.loads(document_json).get("citations", [])}


def _entity_ids(facts: DocumentFacts) -> set[str]:
    ids = set(facts.issued_by) | set(facts.situations)
    ids |= {a.id for a in facts.actors} | {s.id for s in facts.situation_defs} | {m.id for m in facts.mechanisms}
    ids |= {m.entity_id for m in facts.mentions} | {t.factor for t in facts.risk_tags}
    for r in facts.recommendations:
        ids |= set(r.by) | set(r.to) | set(r.situations)
    ids |= {c.mechanism_id for c in facts.coverage} | {c.situation_id for c in facts.coverage}
    ids |= {e.mechanism_id for e in facts.establishments}
    return ids


def _check(document: ParsedDocument, facts: DocumentFacts, embeddings: Mapping[int, Sequence[float]],
           dim: int) -> None:
    name = f"{document.symbol} ({document.file})" if document.file else document.symbol
    if not document.symbols:
        raise BadDocument(f"{document.file}: the document has no symbol, so it cannot be stored")
    count = len(document.paragraphs)
    bad = indexes_out_of_range(document, facts)
    if bad:
        raise BadDocument(f"{name}: facts refer to paragraph index {bad[0]}, the document has {count}")
    problem = membership_problem(facts, count)
    if problem:
        raise BadDocument(f"{name}: {problem}")
    unknown = sorted({r.type for r in facts.relations} - set(Q.CREATE_RELATIONS))
    if unknown:
        raise BadDocument(f"{name}: unknown relation type {unknown[0]!r}")
    for index, vector in embeddings.items():
        if not 0 <= index < count or len(vector) != dim:
            raise BadDocument(f"{name}: embedding for paragraph {index} is not a {dim}-dimension "
                                  f"vector of one of its {count} paragraphs")


def _document_params(document: ParsedDocument, facts: DocumentFacts, source_path: str | None,
                     ingested_at: str) -> dict[str, Any]:
    key = symbol_key(document.symbol)
    seen: dict[str, str] = {}
    for s in document.symbols:
        seen.setdefault(symbol_key(s), s)
    props = {
        "key": key, "symbol": document.symbol, "symbols": list(document.symbols),
        "symbol_keys": list(seen), "title": document.title, "subtitle": document.subtitle, "date": document.date,
        "year": _year(document.date), "kind": document.kind.value, "organs": list(document.organs),
        "language": document.language, "sha256": document.sha256, "pages": document.pages,
        "paragraph_count": len(document.paragraphs), "source_path": source_path, "ingested_at": ingested_at,
        "document_json": dumps(document), "facts_json": dumps(facts),
    }
    symbols = [{"key": k, "symbol": s, "position": i} for i, (k, s) in enumerate(seen.items())]
    return {"props": props, "symbols": symbols}


def _paragraph_steps(document: ParsedDocument, facts: DocumentFacts,
                     embeddings: Mapping[int, Sequence[float]], keys: Mapping[int, str]) -> list[Step]:
    key = symbol_key(document.symbol)
    ctx = paragraph_context(document, facts)
    common = {"doc": key, "symbol": document.symbol, "document_kind": document.kind.value,
              "organ_keys": _keys(*document.organs), "year": _year(document.date), "language": document.language}
    rows, parents = [], []
    for i, p in enumerate(document.paragraphs):
        vector = embeddings.get(i)
        rows.append({**common, "uid": f"{key}#{p.key}", "index": i, "key": p.key, "label": p.label,
                     "kind": p.kind.value, "text": p.text, "page": p.page, "section": p.section,
                     "parent": p.parent, "verb": p.verb, "footnotes": list(p.footnotes),
                     "text_hash": keys.get(i) or text_hash(p.text),
                     "embedding": [float(x) for x in vector] if vector is not None else None,
                     "is_recommendation": i in ctx.recommendation, "by_ids": sorted(ctx.by[i]),
                     "to_ids": sorted(ctx.to[i]), "situation_ids": sorted(ctx.situations[i]),
                     "mechanism_ids": sorted(ctx.mechanisms[i])})
        if p.parent:
            parents.append({"child": f"{key}#{p.key}", "parent": f"{key}#{p.parent}"})
    notes = [{"uid": f"{key}#fn{f.label}", "label": f.label, "text": f.text, "page": f.page}
             for f in document.footnotes]
    labels = {f.label for f in document.footnotes}
    refs = [{"paragraph": f"{key}#{p.key}", "footnote": f"{key}#fn{label}"}
            for p in document.paragraphs for label in p.footnotes if label in labels]
    return [(Q.CREATE_PARAGRAPHS, {"key": key, "rows": rows}), (Q.LINK_SUBPARAGRAPHS, {"rows": parents}),
            (Q.CREATE_FOOTNOTES, {"key": key, "rows": _unique(notes, "uid")}),
            (Q.LINK_FOOTNOTES, {"rows": refs})]


def _unique(rows: list[dict[str, Any]], field: str) -> list[dict[str, Any]]:
    seen: dict[Any, dict[str, Any]] = {}
    for row in rows:
        seen.setdefault(row[field], row)
    return list(seen.values())


def _entity_steps(facts: DocumentFacts) -> list[Step]:
    actors = [{"id": a.id, "name": a.name, "kind": a.kind.value, "iso3": a.iso3, "m49": a.m49,
               "aliases": list(a.aliases), "match_keys": _keys(a.id, a.name, a.iso3, *a.aliases)}
              for a in facts.actors]
    situations = [{"id": s.id, "name": s.name, "iso3": s.iso3, "match_keys": _keys(s.id, s.name, s.iso3)}
                  for s in facts.situation_defs]
    mechanisms = [{"id": m.id, "name": m.name, "type": m.type.value, "acronym": m.acronym,
                   "established_by": list(m.established_by), "match_keys": _keys(m.id, m.name, m.acronym)}
                  for m in facts.mechanisms]
    factors = sorted({t.factor for t in facts.risk_tags})
    steps: list[Step] = [(Q.MERGE_ACTORS, {"rows": _unique(actors, "id")}),
                         (Q.MERGE_SITUATIONS, {"rows": _unique(situations, "id")}),
                         (Q.MERGE_MECHANISMS, {"rows": _unique(mechanisms, "id")})]
    if factors:
        steps.append((Q.MERGE_RISK_FACTORS, {"ids": factors}))
    return steps


def _document_edge_steps(key: str, facts: DocumentFacts) -> list[Step]:
    issued = [{"id": a, "position": i} for i, a in enumerate(dict.fromkeys(facts.issued_by))]
    concerns = [{"id": s, "position": i} for i, s in enumerate(dict.fromkeys(facts.situations))]
    return [(Q.CREATE_ISSUED_BY, {"key": key, "rows": issued}),
            (Q.CREATE_CONCERNS, {"key": key, "rows": concerns})]


def _paragraph_fact_steps(document: ParsedDocument, facts: DocumentFacts) -> list[Step]:
    key = symbol_key(document.symbol)
    uid = lambda i: paragraph_uid(document, i)
    mentions = [{"paragraph": uid(m.paragraph_index), "entity": m.entity_id, "text": m.text, "position": i}
                for i, m in enumerate(facts.mentions)]
    covers = [{"mechanism": c.mechanism_id, "situation": c.situation_id, "doc": key, "symbol": document.symbol,
               "paragraph": uid(c.paragraph_index), "date": c.date or document.date} for c in facts.coverage]
    established = [{"mechanism": e.mechanism_id, "key": symbol_key(e.symbol), "symbol": e.symbol, "doc": key,
                    "paragraph": uid(e.paragraph_index) if e.paragraph_index is not None else None,
                    "action": e.action} for e in facts.establishments]
    members = [{"member": m.member_id, "organization": m.organization_id, "doc": key, "source": m.source,
                "paragraph": uid(m.paragraph_index) if m.paragraph_index is not None else None}
               for m in dict.fromkeys(facts.memberships)]
    tags = [{"paragraph": uid(t.paragraph_index), "factor": t.factor, "confidence": float(t.confidence),
             "method": t.method} for t in facts.risk_tags]
    return [(Q.CREATE_MENTIONS, {"rows": mentions}), (Q.CREATE_COVERS, {"rows": covers}),
            (Q.CREATE_ESTABLISHED_BY, {"rows": established}), (Q.CREATE_MEMBER_OF, {"rows": members}),
            (Q.CREATE_TAGGED, {"rows": tags})]


def _recommendation_steps(document: ParsedDocument, facts: DocumentFacts) -> list[Step]:
    key = symbol_key(document.symbol)
    ctx = paragraph_context(document, facts)
    mechanisms = {m.id for m in facts.mechanisms}
    recs, by, to, concerns = [], [], [], []
    for n, r in enumerate(facts.recommendations):
        rid = f"{key}#rec{n}"
        recs.append({"uid": rid, "doc": key, "symbol": document.symbol, "position": n,
                     "paragraph": paragraph_uid(document, r.paragraph_index), "text": r.text, "verb": r.verb,
                     "response": r.response, "themes": list(r.themes), "by_ids": list(r.by), "to_ids": list(r.to),
                     "situation_ids": list(r.situations),
                     "mechanism_ids": sorted(ctx.mechanisms[r.paragraph_index] | (set(r.by) & mechanisms)),
                     "date": document.date, "year": _year(document.date)})
        by += [{"recommendation": rid, "entity": e, "position": i} for i, e in enumerate(r.by)]
        to += [{"recommendation": rid, "entity": e, "position": i} for i, e in enumerate(r.to)]
        concerns += [{"recommendation": rid, "entity": e, "position": i} for i, e in enumerate(r.situations)]
    return [(Q.CREATE_RECOMMENDATIONS, {"rows": recs}), (Q.CREATE_RECOMMENDED_BY, {"rows": by}),
            (Q.CREATE_ADDRESSED_TO, {"rows": to}), (Q.CREATE_RECOMMENDATION_CONCERNS, {"rows": concerns})]


def _citation_steps(document: ParsedDocument, facts: DocumentFacts) -> list[Step]:
    key = symbol_key(document.symbol)
    cites = [{"paragraph": paragraph_uid(document, c.paragraph_index) if c.paragraph_index is not None else None,
              "key": symbol_key(c.symbol), "symbol": c.symbol, "position": i, "label": c.paragraph, "text": c.text,
              "footnote": c.footnote, "pinpoint": c.pinpoint} for i, c in enumerate(document.citations)]
    steps: list[Step] = [(Q.CREATE_CITES, {"key": key, "rows": cites})]
    for kind, query in Q.CREATE_RELATIONS.items():
        rows = [{"key": symbol_key(r.symbol), "symbol": r.symbol} for r in facts.relations if r.type == kind]
        steps.append((query, {"key": key, "rows": rows}))
    return steps
