"""Every Cypher statement the Neo4j backend sends, as module constants (the bulk reads for search's
catalogue live with their iterators in :mod:`graph.neo4j_bulk`; :func:`all_queries` lists both).

Values never enter a statement's text: everything that varies is a ``$parameter``; batch writes
``UNWIND $rows``. Each statement is valid Cypher 5 and Cypher 25 (checked by the test suite with
Neo4j's own Cypher front end).

The graph
---------
``(:Document {key})`` (key = ``symbol_key`` of the primary symbol; the full ParsedDocument and
DocumentFacts are kept as JSON on it for a faithful round trip) ``-[:HAS_SYMBOL]->(:Symbol {key})``
for each of its symbols; ``-[:HAS_PARAGRAPH]->(:Paragraph {uid})``; ``(:Footnote)-[:FOOTNOTE_OF]->``
the document. Actors, situations, mechanisms and risk factors are ``:Entity {id}`` nodes with a
second label. Paragraph-level edges carry their provenance by being attached to the paragraph
(MENTIONS, CITES, TAGGED, STATED_IN); edges between entities carry ``doc`` (document key) and
``paragraph`` (paragraph uid): COVERS, ESTABLISHED_BY, MEMBER_OF (with ``source``: "vocabulary",
no paragraph, or "text"). Cited documents are ``:Symbol`` nodes, so
a citation of a document not (yet) stored is kept and joins the document when it arrives.
"""

from __future__ import annotations

from graph.neo4j_bulk import QUERIES as _BULK_QUERIES

VECTOR_INDEX = "paragraph_embedding"
FULLTEXT_INDEX = "paragraph_text"

LABELS = ("Document", "Symbol", "Paragraph", "Footnote", "Entity", "Actor", "Situation", "Mechanism",
          "RiskFactor", "Recommendation", "StoreMeta")
RELATIONSHIP_TYPES = ("HAS_SYMBOL", "HAS_PARAGRAPH", "PART_OF", "FOOTNOTE_OF", "CITES_FOOTNOTE", "CITES",
                      "ISSUED_BY", "CONCERNS", "MENTIONS", "STATED_IN", "RECOMMENDED_BY", "ADDRESSED_TO",
                      "COVERS", "ESTABLISHED_BY", "TAGGED", "REVISES", "CORRECTS", "ADDENDUM_TO", "MEMBER_OF")
# Property keys of nodes and relationships, and the keys of the ``$rows`` maps the writes unwind.
PROPERTY_KEYS = ("action", "aliases", "child", "confidence", "date", "doc", "document_json", "document_kind",
                 "embedding", "entity", "established_by", "facts_json", "factor", "footnote", "footnotes", "id",
                 "index", "ingested_at", "iso3", "key", "kind", "label", "language", "m49", "match_keys",
                 "mechanism", "member", "method", "organization", "source", "name", "acronym", "organ_keys", "organs", "page", "pages", "paragraph",
                 "paragraph_count", "parent", "pinpoint", "position", "recommendation", "response", "section",
                 "sha256", "situation", "source_path", "symbol", "symbol_keys", "symbols", "text", "text_hash",
                 "subtitle", "themes", "by_ids", "to_ids", "situation_ids", "mechanism_ids", "is_recommendation", "title", "type", "uid", "value", "verb", "year")

# -- schema (each statement runs on its own; all idempotent) ----------------------------------
SCHEMA: tuple[str, ...] = (
    "CREATE CONSTRAINT document_key IF NOT EXISTS FOR (d:Document) REQUIRE d.key IS UNIQUE",
    "CREATE CONSTRAINT symbol_key IF NOT EXISTS FOR (s:Symbol) REQUIRE s.key IS UNIQUE",
    "CREATE CONSTRAINT paragraph_uid IF NOT EXISTS FOR (p:Paragraph) REQUIRE p.uid IS UNIQUE",
    "CREATE CONSTRAINT footnote_uid IF NOT EXISTS FOR (f:Footnote) REQUIRE f.uid IS UNIQUE",
    "CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (e:Entity) REQUIRE e.id IS UNIQUE",
    "CREATE CONSTRAINT recommendation_uid IF NOT EXISTS FOR (r:Recommendation) REQUIRE r.uid IS UNIQUE",
    "CREATE INDEX paragraph_doc IF NOT EXISTS FOR (p:Paragraph) ON (p.doc)",
    "CREATE INDEX paragraph_text_hash IF NOT EXISTS FOR (p:Paragraph) ON (p.text_hash)",
    "CREATE INDEX recommendation_doc IF NOT EXISTS FOR (r:Recommendation) ON (r.doc)",
    "CREATE INDEX document_sha256 IF NOT EXISTS FOR (d:Document) ON (d.sha256)",
    "CREATE INDEX covers_doc IF NOT EXISTS FOR ()-[e:COVERS]-() ON (e.doc)",
    "CREATE INDEX established_by_doc IF NOT EXISTS FOR ()-[e:ESTABLISHED_BY]-() ON (e.doc)",
    "CREATE INDEX member_of_doc IF NOT EXISTS FOR ()-[e:MEMBER_OF]-() ON (e.doc)",
    ("CREATE FULLTEXT INDEX paragraph_text IF NOT EXISTS FOR (p:Paragraph) ON EACH [p.text, p.label, p.section]"
     " OPTIONS {indexConfig: {`fulltext.analyzer`: 'english'}}"),
)

CREATE_VECTOR_INDEX = """
CREATE VECTOR INDEX paragraph_embedding IF NOT EXISTS
FOR (p:Paragraph) ON (p.embedding)
OPTIONS {indexConfig: {`vector.dimensions`: toInteger($dimensions), `vector.similarity_function`: 'cosine'}}
"""

# New indexes are usable once populated; wait for them when the store opens.
AWAIT_INDEXES = """
CALL db.awaitIndexes($seconds)
"""

VECTOR_INDEX_DIMENSIONS = """
SHOW VECTOR INDEXES YIELD name, options
WHERE name = $name
RETURN options.indexConfig['vector.dimensions'] AS dimensions
"""

# -- reading one document -----------------------------------------------------------------------
DOCUMENT_STATE = """
MATCH (d:Document {key: $key})
RETURN d.sha256 AS sha256, d.document_json AS document_json, d.facts_json AS facts_json,
       d.symbol_keys AS symbol_keys, d.ingested_at AS ingested_at,
       [(d)-[:HAS_PARAGRAPH]->(p:Paragraph) | [p.index, p.text_hash, p.embedding IS NOT NULL]] AS vectors
"""

DOCUMENT_SHA256 = """
MATCH (:Symbol {key: $key})<-[:HAS_SYMBOL]-(d:Document)
RETURN d.sha256 AS sha256
LIMIT 1
"""

FIND_BY_SHA256 = """
MATCH (d:Document {sha256: $sha256})
RETURN d.symbol AS symbol
ORDER BY d.key
LIMIT 1
"""

DOCUMENT_KEY = """
MATCH (:Symbol {key: $key})<-[:HAS_SYMBOL]-(d:Document)
RETURN d.key AS key, d.symbol_keys AS symbol_keys
ORDER BY d.key
LIMIT 1
"""

GET_DOCUMENT = """
MATCH (:Symbol {key: $key})<-[:HAS_SYMBOL]-(d:Document)
RETURN d.document_json AS document_json, d.facts_json AS facts_json,
       d.source_path AS source_path, d.ingested_at AS ingested_at
ORDER BY d.key
LIMIT 1
"""

ITER_DOCUMENTS = """
MATCH (d:Document)
WHERE d.key > $after AND ($since IS NULL OR d.ingested_at >= $since)
RETURN d.key AS key, d.document_json AS document_json, d.facts_json AS facts_json,
       d.source_path AS source_path, d.ingested_at AS ingested_at
ORDER BY d.key
LIMIT $limit
"""

LIST_DOCUMENTS = """
MATCH (d:Document)
RETURN d.symbol AS symbol, d.symbols AS symbols, d.title AS title, d.date AS date, d.kind AS kind,
       d.organs AS organs, d.language AS language, d.paragraph_count AS paragraphs, d.subtitle AS subtitle
ORDER BY d.key
SKIP $offset
LIMIT $limit
"""

# -- deleting a document (what only it supported goes with it) ---------------------------------
DELETE_COVERS = """
MATCH (:Entity)-[e:COVERS {doc: $key}]->(:Entity)
DELETE e
"""

DELETE_ESTABLISHED_BY = """
MATCH (:Entity)-[e:ESTABLISHED_BY {doc: $key}]->(:Symbol)
DELETE e
"""

DELETE_MEMBER_OF = """
MATCH (:Entity)-[e:MEMBER_OF {doc: $key}]->(:Entity)
DELETE e
"""

DELETE_RECOMMENDATIONS = """
MATCH (r:Recommendation {doc: $key})
DETACH DELETE r
"""

DELETE_PARAGRAPHS = """
MATCH (p:Paragraph {doc: $key})
DETACH DELETE p
"""

DELETE_FOOTNOTES = """
MATCH (f:Footnote)-[:FOOTNOTE_OF]->(:Document {key: $key})
DETACH DELETE f
"""

DELETE_DOCUMENT = """
MATCH (d:Document {key: $key})
DETACH DELETE d
"""

DELETE_ORPHAN_ENTITIES = """
UNWIND $ids AS id
MATCH (e:Entity {id: id})
WHERE NOT (e)--()
DELETE e
"""

DELETE_ORPHAN_SYMBOLS = """
UNWIND $keys AS key
MATCH (s:Symbol {key: key})
WHERE NOT (s)--()
DELETE s
"""

# -- writing a document -------------------------------------------------------------------------
CREATE_DOCUMENT = """
CREATE (d:Document)
SET d = $props
WITH d
UNWIND $symbols AS row
MERGE (s:Symbol {key: row.key})
ON CREATE SET s.symbol = row.symbol
CREATE (d)-[:HAS_SYMBOL {position: row.position}]->(s)
"""

CREATE_PARAGRAPHS = """
MATCH (d:Document {key: $key})
UNWIND $rows AS row
CREATE (p:Paragraph)
SET p = row
CREATE (d)-[:HAS_PARAGRAPH]->(p)
"""

LINK_SUBPARAGRAPHS = """
UNWIND $rows AS row
MATCH (child:Paragraph {uid: row.child})
MATCH (parent:Paragraph {uid: row.parent})
CREATE (child)-[:PART_OF]->(parent)
"""

CREATE_FOOTNOTES = """
MATCH (d:Document {key: $key})
UNWIND $rows AS row
CREATE (f:Footnote {uid: row.uid, label: row.label, text: row.text, page: row.page})
CREATE (f)-[:FOOTNOTE_OF]->(d)
"""

LINK_FOOTNOTES = """
UNWIND $rows AS row
MATCH (p:Paragraph {uid: row.paragraph})
MATCH (f:Footnote {uid: row.footnote})
CREATE (p)-[:CITES_FOOTNOTE]->(f)
"""

MERGE_ACTORS = """
UNWIND $rows AS row
MERGE (a:Entity {id: row.id})
SET a:Actor, a.name = row.name, a.kind = row.kind, a.iso3 = row.iso3, a.m49 = row.m49,
    a.aliases = row.aliases, a.match_keys = row.match_keys
"""

MERGE_SITUATIONS = """
UNWIND $rows AS row
MERGE (s:Entity {id: row.id})
SET s:Situation, s.name = row.name, s.iso3 = row.iso3, s.match_keys = row.match_keys
"""

MERGE_MECHANISMS = """
UNWIND $rows AS row
MERGE (m:Entity {id: row.id})
SET m:Mechanism, m.name = row.name, m.type = row.type, m.acronym = row.acronym,
    m.established_by = row.established_by, m.match_keys = row.match_keys
"""

MERGE_RISK_FACTORS = """
UNWIND $ids AS id
MERGE (f:Entity {id: id})
SET f:RiskFactor, f.name = coalesce(f.name, id), f.match_keys = coalesce(f.match_keys, [toLower(id)])
"""

CREATE_ISSUED_BY = """
MATCH (d:Document {key: $key})
UNWIND $rows AS row
MERGE (a:Entity {id: row.id})
ON CREATE SET a:Actor, a.name = row.id, a.match_keys = [toLower(row.id)]
CREATE (d)-[:ISSUED_BY {position: row.position}]->(a)
"""

CREATE_CONCERNS = """
MATCH (d:Document {key: $key})
UNWIND $rows AS row
MERGE (s:Entity {id: row.id})
ON CREATE SET s:Situation, s.name = row.id, s.match_keys = [toLower(row.id)]
CREATE (d)-[:CONCERNS {position: row.position}]->(s)
"""

CREATE_MENTIONS = """
UNWIND $rows AS row
MATCH (p:Paragraph {uid: row.paragraph})
MERGE (e:Entity {id: row.entity})
ON CREATE SET e.name = row.entity, e.match_keys = [toLower(row.entity)]
CREATE (p)-[:MENTIONS {text: row.text, position: row.position}]->(e)
"""

CREATE_RECOMMENDATIONS = """
UNWIND $rows AS row
MATCH (p:Paragraph {uid: row.paragraph})
CREATE (r:Recommendation {uid: row.uid, doc: row.doc, symbol: row.symbol, position: row.position,
        text: row.text, verb: row.verb, response: row.response, themes: row.themes, by_ids: row.by_ids,
        to_ids: row.to_ids, situation_ids: row.situation_ids, mechanism_ids: row.mechanism_ids,
        date: row.date, year: row.year})
CREATE (r)-[:STATED_IN]->(p)
"""

CREATE_RECOMMENDED_BY = """
UNWIND $rows AS row
MATCH (r:Recommendation {uid: row.recommendation})
MERGE (a:Entity {id: row.entity})
ON CREATE SET a:Actor, a.name = row.entity, a.match_keys = [toLower(row.entity)]
CREATE (r)-[:RECOMMENDED_BY {position: row.position}]->(a)
"""

CREATE_ADDRESSED_TO = """
UNWIND $rows AS row
MATCH (r:Recommendation {uid: row.recommendation})
MERGE (a:Entity {id: row.entity})
ON CREATE SET a:Actor, a.name = row.entity, a.match_keys = [toLower(row.entity)]
CREATE (r)-[:ADDRESSED_TO {position: row.position}]->(a)
"""

CREATE_RECOMMENDATION_CONCERNS = """
UNWIND $rows AS row
MATCH (r:Recommendation {uid: row.recommendation})
MERGE (s:Entity {id: row.entity})
ON CREATE SET s:Situation, s.name = row.entity, s.match_keys = [toLower(row.entity)]
CREATE (r)-[:CONCERNS {position: row.position}]->(s)
"""

CREATE_COVERS = """
UNWIND $rows AS row
MERGE (m:Entity {id: row.mechanism})
ON CREATE SET m:Mechanism, m.name = row.mechanism, m.match_keys = [toLower(row.mechanism)]
MERGE (s:Entity {id: row.situation})
ON CREATE SET s:Situation, s.name = row.situation, s.match_keys = [toLower(row.situation)]
CREATE (m)-[:COVERS {doc: row.doc, symbol: row.symbol, paragraph: row.paragraph, date: row.date}]->(s)
"""

CREATE_ESTABLISHED_BY = """
UNWIND $rows AS row
MERGE (m:Entity {id: row.mechanism})
ON CREATE SET m:Mechanism, m.name = row.mechanism, m.match_keys = [toLower(row.mechanism)]
MERGE (s:Symbol {key: row.key})
ON CREATE SET s.symbol = row.symbol
CREATE (m)-[:ESTABLISHED_BY {doc: row.doc, paragraph: row.paragraph, action: row.action}]->(s)
"""

# Both ends are among the document's actors, merged just before.
CREATE_MEMBER_OF = """
UNWIND $rows AS row
MATCH (m:Actor {id: row.member})
MATCH (o:Actor {id: row.organization})
CREATE (m)-[:MEMBER_OF {doc: row.doc, paragraph: row.paragraph, source: row.source}]->(o)
"""

CREATE_TAGGED = """
UNWIND $rows AS row
MATCH (p:Paragraph {uid: row.paragraph})
MATCH (f:Entity {id: row.factor})
CREATE (p)-[:TAGGED {confidence: row.confidence, method: row.method}]->(f)
"""

CREATE_CITES = """
MATCH (d:Document {key: $key})
UNWIND $rows AS row
OPTIONAL MATCH (p:Paragraph {uid: row.paragraph})
WITH d, row, coalesce(p, d) AS source
MERGE (s:Symbol {key: row.key})
ON CREATE SET s.symbol = row.symbol
CREATE (source)-[:CITES {position: row.position, label: row.label, text: row.text, footnote: row.footnote,
        pinpoint: row.pinpoint}]->(s)
"""

CREATE_RELATIONS = {
    "revises": """
MATCH (d:Document {key: $key})
UNWIND $rows AS row
MERGE (s:Symbol {key: row.key})
ON CREATE SET s.symbol = row.symbol
CREATE (d)-[:REVISES]->(s)
""",
    "corrects": """
MATCH (d:Document {key: $key})
UNWIND $rows AS row
MERGE (s:Symbol {key: row.key})
ON CREATE SET s.symbol = row.symbol
CREATE (d)-[:CORRECTS]->(s)
""",
    "addendum_to": """
MATCH (d:Document {key: $key})
UNWIND $rows AS row
MERGE (s:Symbol {key: row.key})
ON CREATE SET s.symbol = row.symbol
CREATE (d)-[:ADDENDUM_TO]->(s)
""",
}

# -- graph questions ----------------------------------------------------------------------------
RESOLVE_SITUATION = """
MATCH (s:Situation)
WHERE s.id = $query OR $key IN s.match_keys
RETURN s.id AS id, s.name AS name
ORDER BY size(s.id), s.id
LIMIT 1
"""

# A country's name or alias in any language ("Soudan") finds the situation in that country.
SITUATION_BY_ACTOR = """
MATCH (a:Actor)
WHERE a.iso3 IS NOT NULL AND (a.id = $query OR $key IN a.match_keys)
MATCH (s:Situation)
WHERE s.iso3 = a.iso3
RETURN s.id AS id, s.name AS name
ORDER BY size(s.id), s.id
LIMIT 1
"""

RESOLVE_ACTORS = """
MATCH (a:Actor)
WHERE a.id = $query OR $key IN a.match_keys
RETURN a.id AS id
ORDER BY id
"""

RESOLVE_MECHANISMS = """
MATCH (m:Mechanism)
WHERE m.id = $query OR $key IN m.match_keys
RETURN m.id AS id
ORDER BY id
"""

# -- listings (documents of an entity: the stored documents its edges were read from) -------------
LIST_SITUATIONS = """
MATCH (s:Situation)
WITH s ORDER BY s.name, s.id SKIP $offset LIMIT $limit
OPTIONAL MATCH (s)<-[e:CONCERNS|MENTIONS|COVERS]-(x)
WITH s, count(DISTINCT coalesce(e.doc, x.doc, x.key)) AS documents
OPTIONAL MATCH (m:Mechanism)-[:COVERS]->(s)
RETURN s.id AS id, s.name AS name, s.iso3 AS iso3, documents, count(DISTINCT m) AS mechanisms
ORDER BY name, id
"""

LIST_MECHANISMS = """
MATCH (m:Mechanism)
WHERE $type IS NULL OR m.type = $type
WITH m ORDER BY m.name, m.id SKIP $offset LIMIT $limit
OPTIONAL MATCH (m)-[e:MENTIONS|RECOMMENDED_BY|COVERS|ESTABLISHED_BY]-(x)
WITH m, count(DISTINCT coalesce(e.doc, x.doc, x.key)) AS documents
OPTIONAL MATCH (m)-[:COVERS]->(s:Situation)
RETURN m.id AS id, m.name AS name, m.type AS type, m.acronym AS acronym, count(DISTINCT s) AS situations,
       documents
ORDER BY name, id
"""

GET_ACTOR = """
MATCH (a:Entity {id: $id})
WHERE a:Actor
OPTIONAL MATCH (a)<-[b:RECOMMENDED_BY]-(:Recommendation)
WITH a, count(b) AS made
OPTIONAL MATCH (a)<-[t:ADDRESSED_TO]-(:Recommendation)
WITH a, made, count(t) AS received
OPTIONAL MATCH (a)-[e:ISSUED_BY|MENTIONS|RECOMMENDED_BY|ADDRESSED_TO]-(x)
WITH a, made, received, count(DISTINCT coalesce(e.doc, x.doc, x.key)) AS documents
OPTIONAL MATCH (a)-[:MEMBER_OF]->(o:Actor)
WITH a, made, received, documents, collect(DISTINCT o.id) AS member_of
OPTIONAL MATCH (a)<-[:MEMBER_OF]-(m:Actor)
RETURN a.id AS id, a.name AS name, a.kind AS kind, a.iso3 AS iso3, a.m49 AS m49, a.aliases AS aliases,
       made, received, documents, member_of, collect(DISTINCT m.id) AS members
"""

# A store written before documents kept their subtitle as a property: the documents whose JSON has one,
# and the write that sets them and records that it is done (``Neo4jGraphStore.ensure_schema``).
SUBTITLES_FILLED = """
OPTIONAL MATCH (g:StoreMeta {name: $name})
RETURN g.value AS value
"""
SUBTITLES_TO_FILL = """
MATCH (d:Document)
WHERE d.subtitle IS NULL AND d.document_json CONTAINS $marker
RETURN d.key AS key, d.document_json AS document_json
"""
FILL_SUBTITLES = """
UNWIND $rows AS r
MATCH (d:Document {key: r.key})
SET d.subtitle = r.subtitle
WITH count(*) AS filled
MERGE (g:StoreMeta {name: $name})
SET g.value = $value
"""

# The count of committed writes: every write transaction adds one, in the same transaction.
BUMP_GENERATION = """
MERGE (g:StoreMeta {name: $name})
SET g.value = coalesce(g.value, 0) + 1
"""

GENERATION = """
OPTIONAL MATCH (g:StoreMeta {name: $name})
RETURN g.value AS generation
"""

TRACE = """
MATCH (m:Mechanism)-[c:COVERS]->(:Entity {id: $situation_id})
OPTIONAL MATCH (p:Paragraph {uid: c.paragraph})
RETURN m.id AS id, m.name AS name, m.type AS type, c.symbol AS symbol, c.date AS date,
       coalesce(p.label, p.key) AS paragraph, p.page AS page
ORDER BY m.id, c.date, c.symbol, paragraph
"""

# Filters arrive resolved to entity ids (lists) or null; a null filter holds for every row.
# Responses a report's addenda state (graph.responses): the addenda (ADDENDUM_TO reaches the
# report's Symbol, stored or not), where their paragraphs are, the reports' recommendations.
ADDENDA_OF = """
UNWIND $keys AS k
MATCH (a:Document)-[:ADDENDUM_TO]->(:Symbol {key: k})
RETURN DISTINCT a.key AS key, a.symbol AS symbol, a.facts_json AS facts_json
"""

PARAGRAPHS_AT = """
MATCH (:Document {key: $key})-[:HAS_PARAGRAPH]->(p:Paragraph)
WHERE p.index IN $indexes
RETURN p.index AS index, coalesce(p.label, p.key) AS label, p.key AS key, p.page AS page
"""

REPORT_RECOMMENDATIONS = """
UNWIND $keys AS k
MATCH (:Document {key: k})-[:HAS_PARAGRAPH]->(p:Paragraph)<-[:STATED_IN]-(r:Recommendation)
RETURN k AS key, coalesce(p.label, p.key) AS label, r.response AS response
"""

RECOMMENDATIONS = """
MATCH (r:Recommendation)-[:STATED_IN]->(p:Paragraph)
WHERE ($to IS NULL OR any(x IN r.to_ids WHERE x IN $to))
  AND ($by IS NULL OR any(x IN r.by_ids WHERE x IN $by))
  AND ($theme IS NULL OR any(t IN r.themes WHERE toLower(t) CONTAINS $theme))
  AND ($mechanism IS NULL OR any(x IN r.mechanism_ids WHERE x IN $mechanism))
  AND ($year_from IS NULL OR r.year >= $year_from)
  AND ($year_to IS NULL OR r.year <= $year_to)
WITH r, p
ORDER BY r.doc, r.position
SKIP $offset
LIMIT $limit
RETURN r.symbol AS symbol, coalesce(p.label, p.key) AS paragraph, r.text AS text,
       COLLECT { MATCH (r)-[e:RECOMMENDED_BY]->(a:Entity) RETURN a.name ORDER BY e.position } AS by,
       COLLECT { MATCH (r)-[e:ADDRESSED_TO]->(a:Entity) RETURN a.name ORDER BY e.position } AS to,
       r.verb AS verb, r.response AS response, r.date AS date, p.page AS page, r.themes AS themes
"""

CITES = """
MATCH (d:Document {key: $key})-[:HAS_PARAGRAPH*0..1]->(source)-[c:CITES]->(s:Symbol)
RETURN d.symbol AS citing_symbol, s.symbol AS cited_symbol, c.label AS paragraph, c.text AS text,
       EXISTS { MATCH (s)<-[:HAS_SYMBOL]-(:Document) } AS cited_in_store
ORDER BY c.position
"""

CITED_BY = """
MATCH (s:Symbol)<-[c:CITES]-(source)<-[:HAS_PARAGRAPH*0..1]-(d:Document)
WHERE s.key IN $keys
RETURN d.symbol AS citing_symbol, s.symbol AS cited_symbol, c.label AS paragraph, c.text AS text,
       true AS cited_in_store
ORDER BY d.key, c.position
"""

STATS = """
RETURN COUNT { MATCH (:Document) } AS documents,
       COUNT { MATCH (:Paragraph) } AS paragraphs,
       COUNT { MATCH (:Footnote) } AS footnotes,
       COUNT { MATCH (:Actor) } AS actors,
       COUNT { MATCH (:Situation) } AS situations,
       COUNT { MATCH (:Mechanism) } AS mechanisms,
       COUNT { MATCH (:Recommendation) } AS recommendations,
       COUNT { MATCH (:RiskFactor) } AS riskfactors,
       COUNT { MATCH (s:Symbol) WHERE NOT (s)<-[:HAS_SYMBOL]-(:Document) } AS cited_documents_not_stored
"""

EDGE_COUNTS = """
MATCH ()-[e]->()
RETURN type(e) AS type, count(e) AS n
"""

# -- search support -----------------------------------------------------------------------------
EMBEDDINGS_BY_HASH = """
MATCH (p:Paragraph)
WHERE p.text_hash IN $hashes AND p.embedding IS NOT NULL
RETURN p.text_hash AS hash, p.embedding AS embedding
"""

# The paragraph filter shared by vector and text search, over the columns each paragraph carries
# (ids of the recommenders, addressees, situations and mechanisms read in it). Every condition is
# void when its parameter is null, so one statement serves every combination of facets.
_PARAGRAPH_FILTER = """
  ($paragraph_kind IS NULL OR p.kind = $paragraph_kind
   OR ($paragraph_kind = 'recommendation' AND p.is_recommendation))
  AND ($document_kind IS NULL OR p.document_kind = $document_kind)
  AND ($organ IS NULL OR $organ IN p.organ_keys)
  AND ($year_from IS NULL OR p.year >= $year_from)
  AND ($year_to IS NULL OR p.year <= $year_to)
  AND ($language IS NULL OR p.language = $language)
  AND ($symbol IS NULL OR p.doc = $symbol)
  AND ($situation IS NULL OR any(x IN p.situation_ids WHERE x IN $situation))
  AND ($mechanism IS NULL OR any(x IN p.mechanism_ids WHERE x IN $mechanism))
  AND ($by IS NULL OR any(x IN p.by_ids WHERE x IN $by))
  AND ($to IS NULL OR any(x IN p.to_ids WHERE x IN $to))
"""

VECTOR_SEARCH = """
CALL db.index.vector.queryNodes('paragraph_embedding', $candidates, $vector)
YIELD node AS p, score
WHERE""" + _PARAGRAPH_FILTER + """
RETURN p.uid AS uid, score
ORDER BY score DESC, uid
LIMIT $k
"""

# Exact search over the filtered paragraphs, for filters too narrow for the index's neighbourhood.
VECTOR_SEARCH_EXACT = """
MATCH (p:Paragraph)
WHERE p.embedding IS NOT NULL AND""" + _PARAGRAPH_FILTER + """
WITH p, vector.similarity.cosine(p.embedding, $vector) AS score
RETURN p.uid AS uid, score
ORDER BY score DESC, uid
LIMIT $k
"""

# A query that is a document symbol first finds, exactly, the paragraphs citing that document.
SYMBOLS_STARTING = """
MATCH (s:Symbol) WHERE s.key STARTS WITH $prefix
RETURN s.key AS key ORDER BY key LIMIT $k
"""

TEXT_BY_CITATION = """
MATCH (p:Paragraph)-[:CITES]->(s:Symbol)
WHERE s.key IN $keys AND""" + _PARAGRAPH_FILTER + """
WITH DISTINCT p
RETURN p.uid AS uid
ORDER BY p.doc, p.index
LIMIT $k
"""

TEXT_SEARCH = """
CALL db.index.fulltext.queryNodes('paragraph_text', $query)
YIELD node AS p, score
WHERE""" + _PARAGRAPH_FILTER + """
RETURN p.uid AS uid, score
ORDER BY score DESC, uid
LIMIT $k
"""

def all_queries() -> dict[str, str]:
    """Every statement the backend sends by name: this module's (schema statements as ``SCHEMA[i]``)
    and the bulk reads of :mod:`graph.neo4j_bulk`."""
    found: dict[str, str] = {}
    for name, value in globals().items():
        if name.startswith("_") or not name.isupper():
            continue
        if isinstance(value, str) and name not in ("VECTOR_INDEX", "FULLTEXT_INDEX"):
            found[name] = value
        elif isinstance(value, tuple) and name == "SCHEMA":
            found.update({f"SCHEMA[{i}]": q for i, q in enumerate(value)})
        elif isinstance(value, dict):
            found.update({f"{name}[{k}]": q for k, q in value.items()})
    found.update(_BULK_QUERIES)  # the bulk reads of graph.neo4j_bulk
    return found
