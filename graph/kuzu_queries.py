"""Every Cypher statement the Kùzu backend sends, and the schema generated from the model types.

Kept in one module so that moving to another Kùzu-compatible engine (see
``docs/decisions/0001-kuzu.md``) means reading one file. Statements take parameters (``$name``);
the only values spliced into text are table, index and column names from this module.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from typing import Any

from ontology.model import Actor, Footnote, Mechanism, Situation

# ------------------------------------------------------------------------------------------
# Schema
# ------------------------------------------------------------------------------------------

_KUZU_TYPES = {str: "STRING", int: "INT64", float: "DOUBLE", bool: "BOOLEAN"}


def _kuzu_type(annotation: Any) -> str:
    """The Kùzu column type of a model field annotation (``str | None`` → STRING, tuple → list)."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in typing.get_args(annotation) if a is not type(None)]
        return _kuzu_type(inner[0])
    if origin is tuple:
        return _kuzu_type(typing.get_args(annotation)[0]) + "[]"
    if isinstance(annotation, type) and issubclass(annotation, str):
        return "STRING"  # StrEnum values
    return _KUZU_TYPES[annotation]


def _model_columns(cls: type, *, skip: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    hints = typing.get_type_hints(cls)
    return [(f.name, _kuzu_type(hints[f.name])) for f in dataclasses.fields(cls) if f.name not in skip]


def node_tables(embedding_dim: int) -> dict[str, list[tuple[str, str]]]:
    """Node tables and their columns; the first column is the primary key."""
    return {
        "Document": [
            ("key", "STRING"), ("symbol", "STRING"), ("symbols", "STRING[]"), ("symbol_keys", "STRING[]"),
            ("title", "STRING"), ("date", "STRING"), ("year", "INT64"), ("language", "STRING"),
            ("organs", "STRING[]"), ("kind", "STRING"), ("pages", "INT64"), ("sha256", "STRING"),
            ("paragraph_count", "INT64"), ("source_path", "STRING"), ("ingested_at", "STRING"),
            ("stub", "BOOLEAN"), ("document_json", "STRING"), ("facts_json", "STRING"), ("subtitle", "STRING"),
        ],
        "Paragraph": [
            ("uid", "STRING"), ("doc_key", "STRING"), ("symbol", "STRING"), ("idx", "INT64"),
            ("key", "STRING"), ("label", "STRING"), ("kind", "STRING"), ("text", "STRING"),
            ("page", "INT64"), ("section", "STRING"), ("verb", "STRING"), ("parent", "STRING"),
            ("text_hash", "STRING"), ("embedding", f"FLOAT[{int(embedding_dim)}]"),
            ("doc_kind", "STRING"), ("organs", "STRING[]"), ("year", "INT64"), ("date", "STRING"),
            ("language", "STRING"), ("is_recommendation", "BOOLEAN"), ("by_ids", "STRING[]"),
            ("to_ids", "STRING[]"), ("situation_ids", "STRING[]"), ("mechanism_ids", "STRING[]"),
            ("themes", "STRING[]"), ("organs_text", "STRING"),
        ],
        "Footnote": [("uid", "STRING"), ("doc_key", "STRING")] + _model_columns(Footnote),
        "Actor": _model_columns(Actor),
        "Situation": _model_columns(Situation),
        "Mechanism": _model_columns(Mechanism),
        "Recommendation": [
            ("uid", "STRING"), ("doc_key", "STRING"), ("symbol", "STRING"), ("paragraph", "STRING"),
            ("paragraph_uid", "STRING"), ("idx", "INT64"), ("text", "STRING"), ("verb", "STRING"),
            ("response", "STRING"), ("themes", "STRING[]"), ("by_ids", "STRING[]"), ("to_ids", "STRING[]"),
            ("situation_ids", "STRING[]"), ("mechanism_ids", "STRING[]"), ("date", "STRING"),
            ("year", "INT64"), ("page", "INT64"), ("themes_text", "STRING"),
        ],
        "RiskFactor": [("id", "STRING")],
    }


# name -> (FROM/TO pairs, properties). Every edge carries the key of the document it was read from.
_PROV = [("document", "STRING"), ("paragraph", "STRING")]
REL_TABLES: dict[str, tuple[list[tuple[str, str]], list[tuple[str, str]]]] = {
    "HAS_PARAGRAPH": ([("Document", "Paragraph")], []),
    "PARENT": ([("Paragraph", "Paragraph")], []),
    "HAS_FOOTNOTE": ([("Document", "Footnote"), ("Paragraph", "Footnote")], []),
    "CITES": ([("Paragraph", "Document"), ("Document", "Document")], [
        *_PROV, ("label", "STRING"), ("text", "STRING"), ("cited_symbol", "STRING"), ("cited_key", "STRING"),
        ("footnote", "STRING"), ("pinpoint", "STRING")]),
    "MENTIONS": ([("Paragraph", "Actor"), ("Paragraph", "Situation"), ("Paragraph", "Mechanism")],
                 [*_PROV, ("text", "STRING")]),
    "ISSUED_BY": ([("Document", "Actor")], [("document", "STRING")]),
    "ADDRESSED_TO": ([("Recommendation", "Actor")], _PROV),
    "RECOMMENDED_BY": ([("Recommendation", "Actor"), ("Recommendation", "Mechanism")], _PROV),
    "STATED_IN": ([("Recommendation", "Paragraph")], _PROV),
    "CONCERNS": ([("Document", "Situation"), ("Recommendation", "Situation")], _PROV),
    "COVERS": ([("Mechanism", "Situation")], [
        *_PROV, ("date", "STRING"), ("symbol", "STRING"), ("label", "STRING"), ("page", "INT64")]),
    "ESTABLISHED_BY": ([("Mechanism", "Document")], [*_PROV, ("action", "STRING")]),
    "TAGGED": ([("Paragraph", "RiskFactor")], [*_PROV, ("confidence", "DOUBLE"), ("method", "STRING")]),
    "REVISES": ([("Document", "Document")], [("document", "STRING")]),
    "CORRECTS": ([("Document", "Document")], [("document", "STRING")]),
    "ADDENDUM_TO": ([("Document", "Document")], [("document", "STRING")]),
    "MEMBER_OF": ([("Actor", "Actor")], [*_PROV, ("source", "STRING")]),  # source: "vocabulary" | "text"
}
# Columns added to tables of stores created before them (ALTER is idempotent with IF NOT EXISTS).
MIGRATIONS = [
    "ALTER TABLE MEMBER_OF ADD IF NOT EXISTS paragraph STRING",
    "ALTER TABLE MEMBER_OF ADD IF NOT EXISTS source STRING",
    "ALTER TABLE Document ADD IF NOT EXISTS subtitle STRING",
]
# The subtitle column of a store written before it is filled from each document's JSON once
# (``KuzuGraphStore._fill_subtitles``); this meta entry says it has been.
SUBTITLES_META = "subtitles"
DOCUMENT_COLUMNS = "CALL table_info('Document') RETURN name"
BACKFILL_SUBTITLES = (
    "MATCH (d:Document) WHERE NOT d.stub AND d.subtitle IS NULL AND d.document_json CONTAINS '\"subtitle\": \"' "
    "RETURN d.key, d.document_json"
)
SET_SUBTITLE = "MATCH (d:Document {key: $key}) SET d.subtitle = $subtitle"

VECTOR_INDEX = "paragraph_embedding"
FTS_INDEX = "paragraph_text"
META_TABLE = "StoreMeta"
VECTOR_INDEX_META = "vector_index"  # StoreMeta row: "on" (HNSW index kept) | "off" (exact scan); absent = on


def schema_ddl(embedding_dim: int) -> list[str]:
    """CREATE statements for every table (idempotent: IF NOT EXISTS)."""
    ddl = [f"CREATE NODE TABLE IF NOT EXISTS {META_TABLE}(name STRING PRIMARY KEY, value STRING)"]
    for name, cols in node_tables(embedding_dim).items():
        body = ", ".join(f"{c} {t}" for c, t in cols)
        ddl.append(f"CREATE NODE TABLE IF NOT EXISTS {name}({body}, PRIMARY KEY ({cols[0][0]}))")
    for name, (pairs, props) in REL_TABLES.items():
        ends = ", ".join(f"FROM {a} TO {b}" for a, b in pairs)
        extra = "".join(f", {c} {t}" for c, t in props)
        ddl.append(f"CREATE REL TABLE IF NOT EXISTS {name}({ends}{extra})")
    return ddl


INDEX_DDL = [
    f"CALL CREATE_VECTOR_INDEX('Paragraph', '{VECTOR_INDEX}', 'embedding', metric := 'cosine')",
    f"CALL CREATE_FTS_INDEX('Paragraph', '{FTS_INDEX}', ['text', 'label', 'section'], stemmer := 'english')",
]
SHOW_INDEXES = "CALL SHOW_INDEXES() RETURN index_name"
META_GET = f"MATCH (m:{META_TABLE} {{name: $name}}) RETURN m.value"
META_SET = f"MERGE (m:{META_TABLE} {{name: $name}}) SET m.value = $value"

# ------------------------------------------------------------------------------------------
# Writing
# ------------------------------------------------------------------------------------------

COPY_NODES = "COPY {table} FROM '{path}'"
COPY_RELS = "COPY {table} FROM '{path}' (from='{src}', to='{dst}')"

DOC_BY_KEY = "MATCH (d:Document {key: $key}) RETURN d.sha256, d.stub, d.facts_json"
DOC_RESOLVE = (
    "MATCH (d:Document) WHERE d.key = $key OR list_contains(d.symbol_keys, $key) "
    "RETURN d.key, d.stub ORDER BY d.stub, d.key LIMIT 1"
)
DELETE_DERIVED = [  # what a stored version produced, reached through the graph (no table scans)
    ("MATCH (d:Document {key: $key})-[:HAS_PARAGRAPH]->(:Paragraph)<-[:STATED_IN]-(r:Recommendation) "
     "DETACH DELETE r"),
    "MATCH (d:Document {key: $key})-[:HAS_PARAGRAPH]->(p:Paragraph) DETACH DELETE p",
    "MATCH (d:Document {key: $key})-[:HAS_FOOTNOTE]->(f:Footnote) DETACH DELETE f",
    "MATCH (d:Document {key: $key})-[e]->() DELETE e",
    "MATCH ()-[e:COVERS]->() WHERE e.document = $key DELETE e",
    "MATCH ()-[e:ESTABLISHED_BY]->() WHERE e.document = $key DELETE e",
    "MATCH ()-[e:MEMBER_OF]->() WHERE e.document = $key DELETE e",
]
UPSERT_DOCUMENT = (
    "MERGE (d:Document {key: $key}) SET d.symbol = $symbol, d.symbols = $symbols, "
    "d.symbol_keys = $symbol_keys, d.title = $title, d.date = $date, d.year = $year, "
    "d.language = $language, d.organs = $organs, d.kind = $kind, d.pages = $pages, "
    "d.sha256 = $sha256, d.paragraph_count = $paragraph_count, d.source_path = $source_path, "
    "d.ingested_at = $ingested_at, d.stub = false, d.document_json = $document_json, "
    "d.facts_json = $facts_json, d.subtitle = $subtitle"
)
MERGE_STUBS = (
    "UNWIND $rows AS r MERGE (d:Document {key: r.key}) "
    "ON CREATE SET d.symbol = r.symbol, d.symbols = [r.symbol], d.symbol_keys = [r.key], d.stub = true"
)
MERGE_ACTORS = (
    "UNWIND $rows AS r MERGE (a:Actor {id: r.id}) SET a.name = r.name, a.kind = r.kind, "
    "a.iso3 = r.iso3, a.m49 = r.m49, a.aliases = r.aliases"
)
MERGE_SITUATIONS = "UNWIND $rows AS r MERGE (s:Situation {id: r.id}) SET s.name = r.name, s.iso3 = r.iso3"
MERGE_MECHANISMS = (
    "UNWIND $rows AS r MERGE (m:Mechanism {id: r.id}) SET m.name = r.name, m.type = r.type, "
    "m.acronym = r.acronym, m.established_by = r.established_by"
)
MERGE_RISK_FACTORS = "UNWIND $rows AS r MERGE (f:RiskFactor {id: r.id})"
DELETE_ORPHANS = {
    table: f"UNWIND $ids AS i MATCH (n:{table} {{id: i}}) WHERE NOT EXISTS {{ MATCH (n)-[]-() }} DELETE n"
    for table in ("Actor", "Situation", "Mechanism", "RiskFactor")
}
DOC_IS_CITED = "MATCH (:Paragraph)-[:CITES]->(d:Document {key: $key}) RETURN count(*)"
DOC_IS_TARGET = "MATCH ()-[]->(d:Document {key: $key}) RETURN count(*)"
MAKE_STUB = (
    "MATCH (d:Document {key: $key}) SET d.stub = true, d.sha256 = NULL, d.document_json = NULL, "
    "d.facts_json = NULL, d.title = NULL, d.paragraph_count = 0, d.source_path = NULL"
)
DELETE_DOCUMENT_NODE = "MATCH (d:Document {key: $key}) DETACH DELETE d"
DELETE_ORPHAN_STUBS = (
    "UNWIND $keys AS k MATCH (d:Document {key: k}) WHERE d.stub AND NOT EXISTS { MATCH ()-[]->(d) } "
    "DELETE d"
)

# ------------------------------------------------------------------------------------------
# Reading
# ------------------------------------------------------------------------------------------

DOC_STORED = (
    "MATCH (d:Document) WHERE NOT d.stub AND (d.key = $key OR list_contains(d.symbol_keys, $key)) "
    "RETURN d.key ORDER BY d.key LIMIT 1"
)
DOC_SYMBOL = "MATCH (d:Document {key: $key}) RETURN d.symbol"
DOC_SYMBOL_KEYS = "MATCH (d:Document {key: $key}) RETURN d.symbol_keys"
DOC_STATE = "MATCH (d:Document {key: $key}) RETURN d.document_json, d.facts_json, d.ingested_at"
DOC_VECTOR_KEYS = (  # the key of each paragraph's vector, "" where it has none (graph.store.vector_keys)
    "MATCH (d:Document {key: $key})-[:HAS_PARAGRAPH]->(p:Paragraph) "
    "RETURN CASE WHEN p.embedding IS NULL THEN '' ELSE p.text_hash END ORDER BY p.idx"
)
DOC_SHA = "MATCH (d:Document {key: $key}) WHERE NOT d.stub RETURN d.sha256"
DOC_BY_SHA = "MATCH (d:Document) WHERE NOT d.stub AND d.sha256 = $sha RETURN d.symbol ORDER BY d.key LIMIT 1"
DOC_JSON = (
    "MATCH (d:Document {key: $key}) WHERE NOT d.stub "
    "RETURN d.document_json, d.facts_json, d.source_path, d.ingested_at"
)
DOC_PAGE = (
    "MATCH (d:Document) WHERE NOT d.stub AND d.key > $after AND ($since IS NULL OR d.ingested_at >= $since) "
    "RETURN d.key, d.document_json, d.facts_json, d.source_path, d.ingested_at ORDER BY d.key LIMIT $limit"
)
LIST_DOCUMENTS = (
    "MATCH (d:Document) WHERE NOT d.stub RETURN d.symbol, d.symbols, d.title, d.date, d.kind, d.organs, "
    "d.language, d.paragraph_count, d.subtitle ORDER BY d.key SKIP $offset LIMIT $limit"
)
LIST_DOCUMENTS_UNMIGRATED = LIST_DOCUMENTS.replace("d.subtitle", "CAST(NULL AS STRING)")
STORED_KEYS = (
    "UNWIND $keys AS k MATCH (d:Document) WHERE NOT d.stub AND (d.key = k OR list_contains(d.symbol_keys, k)) "
    "RETURN DISTINCT k"
)

FIND_SITUATION = (
    "MATCH (s:Situation) WHERE s.id = $q OR lower(s.name) = lower($q) OR lower(s.name) = lower($bare) "
    "OR s.iso3 = upper($q) RETURN s.id, s.name ORDER BY size(s.id), s.id LIMIT 1"
)
SITUATION_BY_ACTOR = (
    "MATCH (a:Actor) WHERE a.iso3 IS NOT NULL AND (lower(a.name) = lower($q) OR lower(a.name) = lower($bare) "
    "OR list_contains(list_transform(a.aliases, x -> lower(x)), lower($q))) "
    "WITH a MATCH (s:Situation) WHERE s.iso3 = a.iso3 RETURN s.id, s.name ORDER BY size(s.id), s.id LIMIT 1"
)
TRACE = (
    "MATCH (m:Mechanism)-[c:COVERS]->(s:Situation {id: $id}) "
    "RETURN m.id, m.name, m.type, c.symbol, c.label, c.page, c.date ORDER BY m.id, c.date, c.symbol, c.label"
)

FIND_ACTOR = (
    "MATCH (a:Actor) WHERE a.id = $q OR lower(a.name) = lower($q) OR lower(a.name) = lower($bare) "
    "OR a.iso3 = upper($q) OR list_contains(list_transform(a.aliases, x -> lower(x)), lower($q)) "
    "RETURN a.id"
)
FIND_MECHANISM = (
    "MATCH (m:Mechanism) WHERE m.id = $q OR lower(m.name) = lower($q) OR lower(m.acronym) = lower($q) "
    "RETURN m.id"
)
# Listings: counts through the graph's edges (each carries the key of the document it was read from).
COUNT_SITUATIONS = "MATCH (s:Situation) RETURN count(*)"
LIST_SITUATIONS = (
    "MATCH (s:Situation) WITH s ORDER BY s.name, s.id SKIP $offset LIMIT $limit "
    "OPTIONAL MATCH (s)<-[e:CONCERNS|MENTIONS|COVERS]-() WITH s, count(DISTINCT e.document) AS docs "
    "OPTIONAL MATCH (m:Mechanism)-[:COVERS]->(s) "
    "RETURN s.id, s.name, s.iso3, docs, count(DISTINCT m.id) ORDER BY s.name, s.id"
)
COUNT_MECHANISMS = "MATCH (m:Mechanism) WHERE $type IS NULL OR m.type = $type RETURN count(*)"
LIST_MECHANISMS = (
    "MATCH (m:Mechanism) WHERE $type IS NULL OR m.type = $type WITH m ORDER BY m.name, m.id SKIP $offset LIMIT $limit "
    "OPTIONAL MATCH (m)-[e:MENTIONS|RECOMMENDED_BY|COVERS|ESTABLISHED_BY]-() WITH m, count(DISTINCT e.document) AS docs "
    "OPTIONAL MATCH (m)-[:COVERS]->(s:Situation) "
    "RETURN m.id, m.name, m.type, m.acronym, count(DISTINCT s.id), docs ORDER BY m.name, m.id"
)
GET_ACTOR = (
    "MATCH (a:Actor {id: $id}) "
    "OPTIONAL MATCH (a)<-[b:RECOMMENDED_BY]-(:Recommendation) WITH a, count(b) AS made "
    "OPTIONAL MATCH (a)<-[t:ADDRESSED_TO]-(:Recommendation) WITH a, made, count(t) AS received "
    "OPTIONAL MATCH (a)-[e:ISSUED_BY|MENTIONS|RECOMMENDED_BY|ADDRESSED_TO]-() "
    "WITH a, made, received, count(DISTINCT e.document) AS docs "
    "OPTIONAL MATCH (a)-[:MEMBER_OF]->(o:Actor) WITH a, made, received, docs, collect(DISTINCT o.id) AS orgs "
    "OPTIONAL MATCH (a)<-[:MEMBER_OF]-(m:Actor) "
    "RETURN a.id, a.name, a.kind, a.iso3, a.m49, a.aliases, made, received, docs, orgs, collect(DISTINCT m.id)"
)
GENERATION = "generation"  # the StoreMeta row counting committed writes
ACTOR_NAMES = "UNWIND $ids AS i MATCH (a:Actor {id: i}) RETURN i, a.name"
MECHANISM_NAMES = "UNWIND $ids AS i MATCH (m:Mechanism {id: i}) RETURN i, m.name"
# In storage order (documents in the order stored, paragraphs in document order): stable for a
# given state and 20x faster than ORDER BY at 10k matches (Kùzu 0.11.3 sorts slowly).
_REC_COLUMNS = (
    "RETURN r.symbol, r.paragraph, r.text, r.by_ids, r.to_ids, r.verb, r.response, r.date, r.page, "
    "r.themes, r.doc_key, r.idx SKIP $offset LIMIT $limit"
)


def any_of(column: str, name: str, count: int) -> str:
    """``list_contains(column, $name_0) OR …``: the list column holds one of ``count`` values.

    (Kùzu 0.11.3 evaluates a lambda condition joined with AND wrongly, so no ``list_filter`` here.)
    """
    return "(" + " OR ".join(f"list_contains({column}, ${name}_{i})" for i in range(max(count, 1))) + ")"


def flatten(values: dict[str, Any]) -> dict[str, Any]:
    """Parameters for :func:`any_of`: list values become ``name_0``, ``name_1`` …"""
    out: dict[str, Any] = {}
    for name, value in values.items():
        if isinstance(value, list):
            out.update({f"{name}_{i}": v for i, v in enumerate(value or [""])})
        elif not isinstance(value, bool):
            out[name] = value
    return out


def recommendations_count_query(filters: dict[str, Any]) -> str:
    """How many recommendations :func:`recommendations_query` matches (to clamp an offset)."""
    return recommendations_query(filters).replace(_REC_COLUMNS, "RETURN count(*)")


# Responses a report's addenda state (graph.responses): the addenda, where their paragraphs are, and the
# report's recommendations with their own responses.
ADDENDA_OF = ("MATCH (a:Document)-[:ADDENDUM_TO]->(p:Document) WHERE p.key IN $keys "
              "RETURN DISTINCT a.key, a.symbols, a.facts_json")
PARAGRAPHS_AT = ("MATCH (:Document {key: $key})-[:HAS_PARAGRAPH]->(p:Paragraph) WHERE p.idx IN $indexes "
                 "RETURN p.idx, coalesce(p.label, p.key), p.key, p.page")
REPORT_RECOMMENDATIONS = (
    "MATCH (d:Document)-[:HAS_PARAGRAPH]->(p:Paragraph)<-[:STATED_IN]-(r:Recommendation) WHERE d.key IN $keys "
    "RETURN d.key, coalesce(p.label, p.key), r.response")


def recommendations_query(filters: dict[str, Any]) -> str:
    """The recommendations query for the filters given; ``to``/``by`` go through the graph's edges.

    No DISTINCT over the returned columns (it costs a hash of every text); ``WITH DISTINCT r``
    only when several addressee or recommender ids could reach one recommendation twice.
    """
    match, where, several = "MATCH (r:Recommendation)", [], False
    if "to" in filters:
        match = "MATCH (ta:Actor)<-[:ADDRESSED_TO]-(r:Recommendation) WHERE " + _one_of("ta.id", "to", filters)
        if len(filters["to"]) == 1:
            match = "MATCH (:Actor {id: $to_0})<-[:ADDRESSED_TO]-(r:Recommendation)"
        several = len(filters["to"]) > 1
    elif "by" in filters:
        match = "MATCH (r:Recommendation)-[:RECOMMENDED_BY]->(rb) WHERE " + _one_of("rb.id", "by", filters)
        several = len(filters["by"]) > 1
    if "to" in filters and "by" in filters:
        where.append(any_of("r.by_ids", "by", len(filters["by"])))
    if "theme" in filters:
        where.append("r.themes_text CONTAINS $theme")
    if "mechanism" in filters:
        where.append(any_of("r.mechanism_ids", "mechanism", len(filters["mechanism"])))
    if "year_from" in filters:
        where.append("r.year >= $year_from")
    if "year_to" in filters:
        where.append("r.year <= $year_to")
    glue = " AND " if "WHERE" in match else " WHERE "
    clause = (glue + " AND ".join(where)) if where else ""
    distinct = " WITH DISTINCT r" if several else ""
    return f"{match}{clause}{distinct} {_REC_COLUMNS}"


def _one_of(column: str, name: str, filters: dict[str, Any]) -> str:
    return "(" + " OR ".join(f"{column} = ${name}_{i}" for i in range(len(filters[name]))) + ")"


CITES_OUT = (
    "MATCH (s)-[c:CITES]->(t:Document) WHERE c.document = $key "
    "RETURN c.cited_symbol, c.cited_key, c.label, c.text ORDER BY c.paragraph, c.cited_key"
)
CITES_IN = (
    "UNWIND $keys AS k MATCH (s)-[c:CITES]->(t:Document {key: k}) MATCH (d:Document {key: c.document}) "
    "RETURN d.symbol, c.cited_symbol, c.label, c.text ORDER BY d.key, c.paragraph"
)
COUNT_NODES = "MATCH (n:{table}) RETURN count(*)"
COUNT_STORED_DOCUMENTS = "MATCH (d:Document) WHERE NOT d.stub RETURN count(*)"
COUNT_RELS = "MATCH ()-[e:{table}]->() RETURN count(*)"

EMBEDDINGS_BY_HASH = (
    "MATCH (p:Paragraph) WHERE p.embedding IS NOT NULL AND list_contains($hashes, p.text_hash) "
    "RETURN p.text_hash, p.embedding"
)
VECTOR_ANN = (
    f"CALL QUERY_VECTOR_INDEX('Paragraph', '{VECTOR_INDEX}', $vector, $k, efs := $efs) "
    "WITH node AS p, distance {where} RETURN p.uid, distance ORDER BY distance LIMIT $limit"
)
VECTOR_COUNT = "MATCH (p:Paragraph) WHERE p.embedding IS NOT NULL {and_where} RETURN count(*)"
VECTOR_EXACT = (
    "MATCH (p:Paragraph) WHERE p.embedding IS NOT NULL {and_where} "
    "WITH p, array_cosine_similarity(p.embedding, $vector) AS sim "
    "RETURN p.uid, 1.0 - sim AS distance ORDER BY distance, p.uid LIMIT $limit"
)
TEXT_FTS = (
    f"CALL QUERY_FTS_INDEX('Paragraph', '{FTS_INDEX}', $query, conjunctive := $conjunctive) "
    "WITH node AS p, score {where} RETURN p.uid, score ORDER BY score DESC, p.uid LIMIT $limit"
)
SYMBOLS_STARTING = (
    "MATCH (d:Document) WHERE starts_with(d.key, $prefix) RETURN d.key AS key ORDER BY key LIMIT $limit"
)
TEXT_SYMBOL = (
    "MATCH (p:Paragraph)-[c:CITES]->(t:Document) WHERE c.cited_key IN $keys {and_where} "
    "RETURN DISTINCT p.uid, p.doc_key, p.idx ORDER BY p.doc_key, p.idx LIMIT $limit"
)


def paragraph_where(filters: dict[str, Any]) -> list[str]:
    """Conditions on a Paragraph ``p`` for resolved filter values (parameters from :func:`flatten`)."""
    lists = {"situation": "p.situation_ids", "mechanism": "p.mechanism_ids", "by": "p.by_ids", "to": "p.to_ids"}
    clauses = {
        "recommendation": "p.is_recommendation",
        "paragraph_kind": "p.kind = $paragraph_kind",
        "document_kind": "p.doc_kind = $document_kind",
        "organ": "p.organs_text CONTAINS $organ",
        "year_from": "p.year >= $year_from",
        "year_to": "p.year <= $year_to",
        "language": "p.language = $language",
        "symbol": "p.doc_key = $symbol",
    }
    out = [clauses[name] for name in clauses if name in filters]
    out += [any_of(column, name, len(filters[name])) for name, column in lists.items() if name in filters]
    return out

# Bulk reads (search's catalogue): documents' columns a page at a time, then their paragraphs' columns.
DOC_OUTLINE_PAGE = (
    "MATCH (d:Document) WHERE NOT d.stub AND d.key > $after "
    "RETURN d.key, d.symbols, d.title, d.date, d.language, d.organs, d.kind, d.pages, d.sha256, "
    "d.facts_json, d.source_path, d.ingested_at, d.paragraph_count, d.subtitle ORDER BY d.key LIMIT $limit"
)
# The same, for a store opened read-only before its ``subtitle`` column was added (no subtitles).
DOC_OUTLINE_PAGE_UNMIGRATED = DOC_OUTLINE_PAGE.replace("d.subtitle", "CAST(NULL AS STRING)")
PARAGRAPH_COLUMNS = (
    "UNWIND $keys AS k MATCH (:Document {key: k})-[:HAS_PARAGRAPH]->(p:Paragraph) "
    "RETURN p.doc_key, p.idx, p.key, p.label, p.kind, p.text, p.page, p.section, p.parent, p.verb"
)
# Vectors by ranges of the table's internal node offsets: a scan of the ids, then only the range's
# vectors are read (through the HAS_PARAGRAPH edges each row cost ~4x more).
PARAGRAPH_LAST_OFFSET = "MATCH (p:Paragraph) RETURN max(offset(id(p)))"
PARAGRAPH_VECTORS = (
    "MATCH (p:Paragraph) WHERE offset(id(p)) >= $lo AND offset(id(p)) < $hi AND p.embedding IS NOT NULL "
    "RETURN p.uid, p.embedding"
)
