"""The shipped JSON-LD context names every term of the project the export writes, and compacts an export losslessly."""

from __future__ import annotations

import json

from rdflib import Graph, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import ORG, OWL, RDF, RDFS

from graph.rdf import terms as t
from ontology import terms

CONTEXT = json.loads(terms.CONTEXT_JSONLD.read_text(encoding="utf-8"))["@context"]
ONTOLOGY = Graph().parse(terms.ONTOLOGY_TTL, format="turtle")
OWN = str(terms.R2P._NS)
DECLARED_AS = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, RDFS.Datatype}


def _short_names() -> dict[str, str]:
    """The context's short names (not its prefixes or keyword aliases), each with the IRI it stands for."""
    prefixes = {k: v for k, v in CONTEXT.items() if isinstance(v, str) and not v.startswith("@")}
    out = {}
    for name, definition in CONTEXT.items():
        if name in prefixes or (isinstance(definition, str) and definition.startswith("@")):
            continue
        curie = definition if isinstance(definition, str) else definition["@id"]
        prefix, _, local = curie.partition(":")
        out[name] = prefixes[prefix] + local if prefix in prefixes else curie
    return out


def _written_terms() -> set[str]:
    """The project's terms the exporter writes (``graph.rdf.terms``) that r2p.ttl declares as a class, a
    property or a datatype."""
    written = {value for name, value in vars(t).items() if name.startswith("R2P_")}
    return {iri for iri in written if set(ONTOLOGY.objects(URIRef(iri), RDF.type)) & DECLARED_AS}


def test_every_class_and_property_the_export_writes_has_a_short_name() -> None:
    named = set(_short_names().values())
    written = _written_terms()
    assert len(written) > 80
    assert sorted(written - named) == []
    membership = {str(terms.R2P.Membership), str(terms.R2P.member), str(terms.R2P.organization),
                  str(terms.R2P.membershipSource), str(ORG.memberOf), str(ORG.subOrganizationOf)}
    assert membership <= named


def test_the_terms_module_lists_every_term_of_the_project_in_an_export(exports: dict[str, bytes]) -> None:
    """So the list the context is checked against is complete: the export of the real store holds no
    class, property or datatype of the project that ``graph.rdf.terms`` lacks."""
    graph = Graph().parse(data=exports["nt"], format="nt")
    used = {str(p) for p in graph.predicates()} | {str(c) for c in graph.objects(None, RDF.type)}
    used |= {str(o.datatype) for o in graph.objects() if getattr(o, "datatype", None)}
    assert {iri for iri in used if iri.startswith(OWN)} <= _written_terms()


def test_short_names_are_unique_and_expand_to_declared_terms() -> None:
    short = _short_names()
    own = {name: iri for name, iri in short.items() if iri.startswith(OWN)}
    declared = {str(s) for s in ONTOLOGY.subjects(RDF.type, None)}
    assert set(own.values()) <= declared
    assert len(set(short)) == len(short) and not set(short) & set(terms.PREFIXES)


def test_an_export_compacted_with_the_context_expands_to_the_same_graph(exports: dict[str, bytes]) -> None:
    graph = Graph().parse(data=exports["turtle"], format="turtle")
    compacted = graph.serialize(format="json-ld", context=CONTEXT)
    document = json.loads(compacted)
    used, types = set(), set()
    for node in document["@graph"]:
        used |= set(node)
        types |= set(node["type"] if isinstance(node["type"], list) else [node["type"]])
    assert {"text", "key", "position", "paragraphKind", "isPartOf", "generatedBy", "derivedFrom", "member",
            "organization", "membershipSource", "subOrganizationOf"} <= used
    assert {"Document", "Paragraph", "Recommendation", "Membership"} <= types
    assert isomorphic(Graph().parse(data=compacted, format="json-ld"), graph)
