"""Turn one document and its facts into the rows the Kùzu backend bulk-loads.

Pure functions, no database: :func:`document_rows` checks the input (raising
:class:`~graph.errors.BadDocument` naming the document and the problem) and answers a
:class:`Rows` with one list of dicts per node table and per (rel table, from, to).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from graph.checks import indexes_out_of_range, membership_problem
from graph.errors import BadDocument
from graph.paragraph_context import ParagraphContext, paragraph_context
from graph.store import paragraph_uid, text_hash
from ontology.model import DocumentFacts, ParsedDocument, symbol_key

RELATION_TABLES = {"revises": "REVISES", "corrects": "CORRECTS", "addendum_to": "ADDENDUM_TO"}


def _joined(values: Sequence[str]) -> str:
    """``"|a|b|"`` in lower case: a column for substring filters (``CONTAINS "|a|"``)."""
    return "|" + "|".join(v.lower() for v in values) + "|"


def year_of(date: str | None) -> int | None:
    """The year of an ISO date, when it has one."""
    return int(date[:4]) if date and date[:4].isdigit() else None


@dataclass
class Rows:
    """Everything to write for one document."""

    key: str
    document: dict[str, Any]
    nodes: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))
    rels: dict[tuple[str, str, str], list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))
    merges: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))
    stubs: dict[str, str] = field(default_factory=dict)  # key -> symbol of documents referred to

    def rel(self, table: str, src: str, dst: str, frm: str, to: str, **props: Any) -> None:
        self.rels[(table, src, dst)].append({"from": frm, "to": to, **props})


def document_rows(
    document: ParsedDocument,
    facts: DocumentFacts,
    *,
    embeddings: Mapping[int, Sequence[float]] | None,
    embedding_dim: int,
    source_path: str | None,
    ingested_at: str,
    embedding_keys: Mapping[int, str] | None = None,
) -> Rows:
    """The rows of one document; raises BadDocument when the input does not hold together."""
    _check(document, facts, embeddings or {}, embedding_dim)
    key = symbol_key(document.symbol)
    rows = Rows(key=key, document=_document_row(document, facts, key, source_path, ingested_at))
    context = paragraph_context(document, facts)
    _paragraphs(rows, document, embeddings or {}, embedding_keys or {}, context)
    _footnotes(rows, document)
    _citations(rows, document)
    _entities(rows, facts)
    _recommendations(rows, document, facts, context)
    _edges(rows, document, facts)
    return rows


def _check(doc: ParsedDocument, facts: DocumentFacts, emb: Mapping[int, Sequence[float]], dim: int) -> None:
    name = doc.symbol or doc.file
    if not doc.symbol:
        raise BadDocument(f"{doc.file}: no document symbol; cannot store it")
    keys = [p.key for p in doc.paragraphs]
    if len(set(keys)) != len(keys):
        raise BadDocument(f"{name}: paragraph keys are not unique")
    if [p.index for p in doc.paragraphs] != list(range(len(doc.paragraphs))):
        raise BadDocument(f"{name}: paragraph indexes are not 0..n-1 in order")
    count = len(doc.paragraphs)
    bad = indexes_out_of_range(doc, facts, emb)
    if bad:
        raise BadDocument(f"{name}: facts point at paragraph indexes {bad[:5]} outside 0..{count - 1}")
    problem = membership_problem(facts, count)
    if problem:
        raise BadDocument(f"{name}: {problem}")
    wrong = sorted(i for i, v in emb.items() if len(v) != dim)
    if wrong:
        raise BadDocument(f"{name}: embeddings of paragraphs {wrong[:5]} do not have {dim} dimensions")
    known = {a.id for a in facts.actors} | {s.id for s in facts.situation_defs} | {m.id for m in facts.mechanisms}
    used = {m.entity_id for m in facts.mentions} | set(facts.issued_by) | set(facts.situations)
    for r in facts.recommendations:
        used |= set(r.by) | set(r.to) | set(r.situations)
    used |= {c.mechanism_id for c in facts.coverage} | {c.situation_id for c in facts.coverage}
    used |= {e.mechanism_id for e in facts.establishments}
    missing = sorted(used - known)
    if missing:
        raise BadDocument(f"{name}: facts refer to entities without a definition: {missing[:5]}")


def _document_row(doc: ParsedDocument, facts: DocumentFacts, key: str, source: str | None, at: str) -> dict:
    return {
        "key": key, "symbol": doc.symbol, "symbols": list(doc.symbols),
        "symbol_keys": [symbol_key(s) for s in doc.symbols], "title": doc.title, "subtitle": doc.subtitle,
        "date": doc.date,
        "year": year_of(doc.date), "language": doc.language, "organs": list(doc.organs),
        "kind": doc.kind.value, "pages": doc.pages, "sha256": doc.sha256,
        "paragraph_count": len(doc.paragraphs), "source_path": source, "ingested_at": at,
        "document_json": json.dumps(doc.to_json(), ensure_ascii=False),
        "facts_json": json.dumps(facts.to_json(), ensure_ascii=False),
    }


def _paragraphs(rows: Rows, doc: ParsedDocument, emb: Mapping[int, Sequence[float]], keys: Mapping[int, str],
                ctx: ParagraphContext) -> None:
    common = {
        "doc_key": rows.key, "symbol": doc.symbol, "doc_kind": doc.kind.value, "organs": list(doc.organs),
        "year": year_of(doc.date), "date": doc.date, "language": doc.language,
    }
    for p in doc.paragraphs:
        uid = paragraph_uid(rows.key, p.key)
        vector = emb.get(p.index)
        rows.nodes["Paragraph"].append({
            **common, "uid": uid, "idx": p.index, "key": p.key, "label": p.label, "kind": p.kind.value,
            "text": p.text, "page": p.page, "section": p.section, "verb": p.verb, "parent": p.parent,
            "text_hash": keys.get(p.index) or text_hash(p.text), "embedding": [float(x) for x in vector] if vector else None,
            "is_recommendation": p.index in ctx.recommendation, "by_ids": sorted(ctx.by[p.index]),
            "to_ids": sorted(ctx.to[p.index]), "situation_ids": sorted(ctx.situations[p.index]),
            "mechanism_ids": sorted(ctx.mechanisms[p.index]), "themes": sorted(ctx.themes[p.index]),
            "organs_text": _joined(doc.organs),
        })
        rows.rel("HAS_PARAGRAPH", "Document", "Paragraph", rows.key, uid)
        if p.parent is not None:
            rows.rel("PARENT", "Paragraph", "Paragraph", uid, paragraph_uid(rows.key, p.parent))


def _footnotes(rows: Rows, doc: ParsedDocument) -> None:
    seen: set[str] = set()
    for n, f in enumerate(doc.footnotes):
        uid = f"{rows.key}#fn{f.label}" if f.label not in seen else f"{rows.key}#fn{f.label}~{n}"
        seen.add(f.label)
        rows.nodes["Footnote"].append({"uid": uid, "doc_key": rows.key, "label": f.label, "text": f.text,
                                       "page": f.page})
        rows.rel("HAS_FOOTNOTE", "Document", "Footnote", rows.key, uid)
    for p in doc.paragraphs:
        for label in dict.fromkeys(p.footnotes):
            if label in seen:
                rows.rel("HAS_FOOTNOTE", "Paragraph", "Footnote", paragraph_uid(rows.key, p.key),
                         f"{rows.key}#fn{label}")


def _citations(rows: Rows, doc: ParsedDocument) -> None:
    for c in doc.citations:
        cited = symbol_key(c.symbol)
        rows.stubs.setdefault(cited, c.symbol)
        props = {"document": rows.key, "label": c.paragraph, "text": c.text, "cited_symbol": c.symbol,
                 "cited_key": cited, "footnote": c.footnote, "pinpoint": c.pinpoint}
        if c.paragraph_index is None:
            rows.rel("CITES", "Document", "Document", rows.key, cited, paragraph=None, **props)
        else:
            uid = paragraph_uid(rows.key, doc.paragraphs[c.paragraph_index].key)
            rows.rel("CITES", "Paragraph", "Document", uid, cited, paragraph=uid, **props)


def _entities(rows: Rows, facts: DocumentFacts) -> None:
    for a in facts.actors:
        rows.merges["Actor"].append({"id": a.id, "name": a.name, "kind": a.kind.value, "iso3": a.iso3,
                                     "m49": a.m49, "aliases": list(a.aliases)})
    for s in facts.situation_defs:
        rows.merges["Situation"].append({"id": s.id, "name": s.name, "iso3": s.iso3})
    for m in facts.mechanisms:
        rows.merges["Mechanism"].append({"id": m.id, "name": m.name, "type": m.type.value,
                                         "acronym": m.acronym, "established_by": list(m.established_by)})
    for factor in sorted({t.factor for t in facts.risk_tags}):
        rows.merges["RiskFactor"].append({"id": factor})


def _recommendations(rows: Rows, doc: ParsedDocument, facts: DocumentFacts, ctx: ParagraphContext) -> None:
    mechanisms = {m.id for m in facts.mechanisms}
    for n, r in enumerate(facts.recommendations):
        p = doc.paragraphs[r.paragraph_index]
        puid, ruid = paragraph_uid(rows.key, p.key), f"{rows.key}#rec{n}"
        prov = {"document": rows.key, "paragraph": puid}
        rows.nodes["Recommendation"].append({
            "uid": ruid, "doc_key": rows.key, "symbol": doc.symbol, "paragraph": p.label or p.key,
            "paragraph_uid": puid, "idx": n, "text": r.text, "verb": r.verb, "response": r.response,
            "themes": list(r.themes), "by_ids": list(r.by), "to_ids": list(r.to),
            "situation_ids": list(r.situations),
            "mechanism_ids": sorted(ctx.mechanisms[r.paragraph_index] | (set(r.by) & mechanisms)),
            "date": doc.date, "year": year_of(doc.date), "page": p.page, "themes_text": _joined(r.themes),
        })
        rows.rel("STATED_IN", "Recommendation", "Paragraph", ruid, puid, **prov)
        for b in dict.fromkeys(r.by):
            rows.rel("RECOMMENDED_BY", "Recommendation", "Mechanism" if b in mechanisms else "Actor", ruid, b, **prov)
        for t in dict.fromkeys(r.to):
            rows.rel("ADDRESSED_TO", "Recommendation", "Actor", ruid, t, **prov)
        for s in dict.fromkeys(r.situations):
            rows.rel("CONCERNS", "Recommendation", "Situation", ruid, s, **prov)


def _edges(rows: Rows, doc: ParsedDocument, facts: DocumentFacts) -> None:
    key = rows.key
    kinds = {a.id: "Actor" for a in facts.actors}
    kinds |= {s.id: "Situation" for s in facts.situation_defs} | {m.id: "Mechanism" for m in facts.mechanisms}
    puid = [paragraph_uid(key, p.key) for p in doc.paragraphs]
    for a in dict.fromkeys(facts.issued_by):
        rows.rel("ISSUED_BY", "Document", "Actor", key, a, document=key)
    for s in dict.fromkeys(facts.situations):
        rows.rel("CONCERNS", "Document", "Situation", key, s, document=key, paragraph=None)
    for m in facts.mentions:
        rows.rel("MENTIONS", "Paragraph", kinds[m.entity_id], puid[m.paragraph_index], m.entity_id,
                 document=key, paragraph=puid[m.paragraph_index], text=m.text)
    for c in facts.coverage:
        p = doc.paragraphs[c.paragraph_index]
        rows.rel("COVERS", "Mechanism", "Situation", c.mechanism_id, c.situation_id, document=key,
                 paragraph=puid[c.paragraph_index], date=c.date or doc.date, symbol=doc.symbol,
                 label=p.label or p.key, page=p.page)
    for e in facts.establishments:
        target = symbol_key(e.symbol)
        rows.stubs.setdefault(target, e.symbol)
        para = puid[e.paragraph_index] if e.paragraph_index is not None else None
        rows.rel("ESTABLISHED_BY", "Mechanism", "Document", e.mechanism_id, target, document=key,
                 paragraph=para, action=e.action)
    for t in facts.risk_tags:
        rows.rel("TAGGED", "Paragraph", "RiskFactor", puid[t.paragraph_index], t.factor, document=key,
                 paragraph=puid[t.paragraph_index], confidence=float(t.confidence), method=t.method)
    for ms in dict.fromkeys(facts.memberships):
        para = puid[ms.paragraph_index] if ms.paragraph_index is not None else None
        rows.rel("MEMBER_OF", "Actor", "Actor", ms.member_id, ms.organization_id, document=key, paragraph=para,
                 source=ms.source)
    for rel in facts.relations:
        table = RELATION_TABLES.get(rel.type)
        if table is None:
            raise BadDocument(f"{doc.symbol}: unknown relation type {rel.type!r}")
        target = symbol_key(rel.symbol)
        rows.stubs.setdefault(target, rel.symbol)
        rows.rel(table, "Document", "Document", key, target, document=key)
    rows.stubs.pop(key, None)


def merge_rows(batch: list[Rows]) -> Rows:
    """The rows of several documents as one load (entities merged by id, the last definition wins)."""
    if len(batch) == 1:
        return batch[0]
    merged = Rows(key="", document={})
    for rows in batch:
        for table, items in rows.nodes.items():
            merged.nodes[table].extend(items)
        for rel, items in rows.rels.items():
            merged.rels[rel].extend(items)
        for table, items in rows.merges.items():
            merged.merges[table].extend(items)
        merged.stubs.update(rows.stubs)
    for table, items in merged.merges.items():
        merged.merges[table] = list({item["id"]: item for item in items}.values())
    for rows in batch:
        merged.stubs.pop(rows.key, None)
    return merged
