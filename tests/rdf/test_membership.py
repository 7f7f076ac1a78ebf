"""MEMBER_OF in the export: a direct org: link once per export, a provenance node per supporting document."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import ORG, PROV, RDF

from graph.rdf.export import export
from graph.rdf.validate import validate
from graph.store import StoredDocument
from ontology.model import (
    Actor,
    ActorKind,
    DocumentFacts,
    DocumentKind,
    Membership,
    Mention,
    Paragraph,
    ParagraphKind,
    ParsedDocument,
)
from ontology.terms import R2P
from tests.rdf.samples import AU, BASE, SUDAN, ListStore, report

PSC = Actor("org/AU-PSC", "Peace and Security Council of the African Union", ActorKind.REGIONAL_ORGANIZATION)
TEXT = "The Sudan, as a member of the African Union, welcomed the communiqué of the Peace and Security Council."
FORMATS = {"turtle": "turtle", "nt": "nt", "jsonld": "json-ld", "xml": "xml"}


def _letter(symbol: str) -> StoredDocument:
    """A one-paragraph letter stating the Sudan's membership and naming the Council (written for this test)."""
    paragraph = Paragraph(0, "1", "1", ParagraphKind.NUMBERED, TEXT, 1)
    document = ParsedDocument(file=f"{symbol}.pdf", sha256=symbol.encode().hex().ljust(64, "0")[:64],
                              symbols=(symbol,), title="Letter", date="2025-02-14", language="en",
                              organs=("Security Council",), kind=DocumentKind.LETTER, pages=1, paragraphs=(paragraph,))
    facts = DocumentFacts(
        actors=(SUDAN, AU, PSC),
        mentions=(Mention(0, "state/SDN", "The Sudan"), Mention(0, "org/AU", "African Union"),
                  Mention(0, "org/AU-PSC", "Peace and Security Council")),
        memberships=(Membership("org/AU-PSC", "org/AU"), Membership("state/SDN", "org/AU", "text", 0)))
    return StoredDocument(document, facts, ingested_at="2026-11-22T08:00:00Z")


def _export(fmt: str) -> bytes:
    buffer = io.BytesIO()
    export(ListStore([report(), _letter("S/2025/101"), _letter("S/2025/102")]), buffer, format=fmt, base_iri=BASE)
    return buffer.getvalue()


def _iri(path: str) -> URIRef:
    return URIRef(BASE + path)


@pytest.mark.parametrize("fmt", FORMATS)
def test_memberships_are_linked_directly_and_carry_their_source(fmt: str) -> None:
    graph = Graph().parse(data=_export(fmt), format=FORMATS[fmt])
    assert (_iri("actor/org/AU-PSC"), ORG.subOrganizationOf, _iri("actor/org/AU")) in graph
    assert (_iri("actor/state/SDN"), ORG.memberOf, _iri("actor/org/AU")) in graph
    nodes = sorted(graph.subjects(RDF.type, R2P.Membership))
    assert [str(n).removeprefix(BASE) for n in nodes] == [
        "doc/S/2025/101/member/1", "doc/S/2025/101/para/1/member/1",
        "doc/S/2025/102/member/1", "doc/S/2025/102/para/1/member/1"]
    stated = _iri("doc/S/2025/101/para/1/member/1")
    assert graph.value(stated, PROV.wasDerivedFrom) == _iri("doc/S/2025/101/para/1")
    assert str(graph.value(stated, R2P.membershipSource)) == "text"
    assert graph.value(stated, R2P.member) == _iri("actor/state/SDN")
    listed = _iri("doc/S/2025/102/member/1")
    assert graph.value(listed, PROV.wasDerivedFrom) == R2P.ActorVocabulary
    assert graph.value(listed, R2P.organization) == _iri("actor/org/AU")


def test_the_direct_link_is_written_once_and_exports_stay_byte_identical() -> None:
    nt = _export("nt")
    line = f"<{BASE}actor/org/AU-PSC> <{ORG.subOrganizationOf}> <{BASE}actor/org/AU> .".encode()
    assert nt.count(line) == 1  # two documents support it; the triple count stays true
    assert nt == _export("nt")


def test_memberships_conform_and_a_membership_without_its_source_fails(tmp_path: Path) -> None:
    path = tmp_path / "members.nt"
    path.write_bytes(_export("nt"))
    assert validate(path).conforms, validate(path).text()
    lines = [line for line in path.read_text().splitlines() if "#membershipSource>" not in line]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = validate(path)
    assert not result.conforms
    assert any(f.severity == "Violation" and "membershipSource" in (f.path or "") for f in result.findings)


def test_a_text_membership_must_be_derived_from_a_paragraph(tmp_path: Path) -> None:
    paragraph = f"<{BASE}doc/S/2025/101/para/1>"
    vocabulary = f"<{R2P.ActorVocabulary}>"
    text = _export("nt").decode()
    node = f"<{BASE}doc/S/2025/101/para/1/member/1> <{PROV.wasDerivedFrom}> "
    assert text.count(node + paragraph) == 1
    path = tmp_path / "swapped.nt"
    path.write_text(text.replace(node + paragraph, node + vocabulary), encoding="utf-8")
    result = validate(path)
    assert not result.conforms
    assert any("derived from a paragraph" in f.message for f in result.findings)
