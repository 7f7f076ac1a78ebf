"""Both backends write the same per-paragraph filter columns (one shared definition)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from graph import neo4j_queries as Q
from graph.kuzu_rows import document_rows
from graph.neo4j_rows import write_plan
from graph.paragraph_context import paragraph_context
from ontology.model import DocumentFacts, ParsedDocument
from tests.contract.samples import joint_letter, sc_resolution, upr_report

COLUMNS = ("is_recommendation", "by_ids", "to_ids", "situation_ids", "mechanism_ids")
SAMPLES = [upr_report, sc_resolution, joint_letter]


def _kuzu(doc: ParsedDocument, facts: DocumentFacts) -> dict[str, tuple]:
    rows = document_rows(doc, facts, embeddings=None, embedding_dim=384, source_path=None, ingested_at="2026")
    return {r["uid"]: tuple(r[c] for c in COLUMNS) for r in rows.nodes["Paragraph"]}


def _neo4j(doc: ParsedDocument, facts: DocumentFacts) -> dict[str, tuple]:
    steps = write_plan(doc, facts, embeddings=None, embedding_dim=384, source_path=None, ingested_at="2026")
    rows = next(params["rows"] for stmt, params in steps if stmt == Q.CREATE_PARAGRAPHS)
    return {r["uid"]: tuple(r[c] for c in COLUMNS) for r in rows}


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda s: s.__name__)
def test_backends_write_the_same_filter_columns(sample: Callable[[], tuple[ParsedDocument, DocumentFacts]]) -> None:
    doc, facts = sample()
    assert _kuzu(doc, facts) == _neo4j(doc, facts)


def test_columns_of_a_upr_recommendation() -> None:
    doc, facts = upr_report()
    ctx = paragraph_context(doc, facts)
    rec = facts.recommendations[0]
    i = rec.paragraph_index
    assert i in ctx.recommendation
    assert ctx.by[i] >= set(rec.by) and ctx.to[i] >= set(rec.to)
    assert set(facts.situations) <= ctx.situations[0]
    assert ctx.themes[i] == set(rec.themes)


def test_recommendations_carry_the_mechanism_the_document_is_the_outcome_of() -> None:
    from dataclasses import replace

    doc, facts = upr_report()
    facts = replace(facts, outcome_of=("mech/upr",))
    ctx = paragraph_context(doc, facts)
    assert all("mech/upr" in ctx.mechanisms[r.paragraph_index] for r in facts.recommendations)
    others = set(range(len(doc.paragraphs))) - ctx.recommendation - {c.paragraph_index for c in facts.coverage}
    assert others and not any("mech/upr" in ctx.mechanisms[i] for i in others)
    assert _kuzu(doc, facts) == _neo4j(doc, facts)
