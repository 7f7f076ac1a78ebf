"""The namespaces fail on a misspelt term, and they list exactly the terms of the shipped Turtle."""

from __future__ import annotations

import importlib.util
import io
import sys

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from graph.rdf.export import export
from graph.rdf.verbs import verb_concept
from ontology import terms
from ontology.model import ActorKind, DocumentKind, MechanismType, ParagraphKind
from tests.rdf.samples import BASE, ListStore, report, resolution

ONTOLOGY = Graph().parse(terms.ONTOLOGY_TTL, format="turtle")
SCHEMES = Graph().parse(terms.SCHEMES_TTL, format="turtle")


def test_a_misspelt_term_fails_when_its_module_is_imported(tmp_path) -> None:
    module = tmp_path / "uses_a_typo.py"
    module.write_text("from ontology.terms import R2P\nDOCUMENT = R2P.Documnet\n")
    spec = importlib.util.spec_from_file_location("uses_a_typo", module)
    with pytest.raises(AttributeError, match="Documnet"):
        spec.loader.exec_module(importlib.util.module_from_spec(spec))
    with pytest.raises(AttributeError):
        terms.CITO.citez  # noqa: B018
    sys.modules.pop("uses_a_typo", None)


def _defined(namespace) -> set[str]:
    names = [*vars(namespace).get("__annotations__", {}), *vars(namespace).get("_extras", [])]
    return {str(namespace[name]) for name in names}


def test_r2p_namespace_lists_exactly_the_ontology_terms() -> None:
    declared = {str(s) for s in ONTOLOGY.subjects(RDF.type, None) if str(s).startswith(str(terms.R2P._NS))}
    assert declared == _defined(terms.R2P)


@pytest.mark.parametrize("namespace,enum", [(terms.DK, DocumentKind), (terms.PK, ParagraphKind),
                                            (terms.AK, ActorKind), (terms.MT, MechanismType)])
def test_each_scheme_lists_exactly_its_enum(namespace, enum) -> None:
    concepts = {str(s) for s in SCHEMES.subjects(RDF.type, SKOS.Concept) if str(s).startswith(str(namespace._NS))}
    assert concepts == _defined(namespace) == {str(namespace._NS) + e.value for e in enum}


def test_verb_and_risk_factor_schemes_match_their_namespaces() -> None:
    for namespace in (terms.VERB, terms.RF):
        concepts = {str(s) for s in SCHEMES.subjects(RDF.type, SKOS.Concept) if str(s).startswith(str(namespace._NS))}
        assert concepts == _defined(namespace)
    assert len(_defined(terms.RF)) == 14
    assert verb_concept("Calls upon") == str(terms.VERB["calls-upon"])
    assert verb_concept("are encouraged") == str(terms.VERB.encourages)
    assert verb_concept("Ratify") is None


def test_the_ontology_maps_only_to_defined_external_terms() -> None:
    external = [terms.ELI, terms.FABIO, terms.DOCO, terms.CITO, terms.UNDO, terms.OA, terms.AKN]
    for term in {o for o in ONTOLOGY.objects() if isinstance(o, URIRef)}:
        for namespace in external:
            if str(term).startswith(str(namespace._NS)):
                assert str(term) in _defined(namespace), term


def test_every_class_and_property_mapped_to_a_standard_vocabulary() -> None:
    own = str(terms.R2P._NS)
    for cls in ONTOLOGY.subjects(RDF.type, OWL.Class):
        ancestors = set(ONTOLOGY.transitive_objects(cls, RDFS.subClassOf)) - {cls}
        assert any(not str(a).startswith(own) for a in ancestors), cls


def test_every_term_the_export_writes_is_defined() -> None:
    """Classes and predicates in an export exist in r2p.ttl or in a failing namespace."""
    buffer = io.BytesIO()
    export(ListStore([report(), resolution()]), buffer, format="nt", base_iri=BASE)
    graph = Graph().parse(data=buffer.getvalue(), format="nt")
    known = set()
    for namespace in (terms.R2P, terms.ELI, terms.FABIO, terms.DOCO, terms.CITO, terms.UNDO, terms.OA):
        known |= _defined(namespace)
    from rdflib.namespace import DCAT, DCTERMS, PROV, VOID

    std = (DCTERMS, PROV, SKOS, VOID, DCAT, RDF, RDFS)
    used = set(graph.predicates()) | set(graph.objects(None, RDF.type))
    for term in used:
        text = str(term)
        if any(text.startswith(str(ns._NS)) for ns in std):
            ns = next(ns for ns in std if text.startswith(str(ns._NS)))
            assert text in _defined(ns) or hasattr(ns, text[len(str(ns._NS)):]), text
        else:
            assert text in known, text


def test_the_jsonld_context_declares_the_export_prefixes_and_expands() -> None:
    import json

    context = json.loads(terms.CONTEXT_JSONLD.read_text(encoding="utf-8"))["@context"]
    assert {k: v for k, v in context.items() if isinstance(v, str) and k in terms.PREFIXES} == terms.PREFIXES
    node = {"@context": context, "@id": BASE + "doc/A/80/123", "title": {"en": "A title"},
            "hasPart": BASE + "doc/A/80/123/para/1", "date": {"@value": "2025-06-30", "@type": "xsd:date"}}
    graph = Graph().parse(data=json.dumps(node), format="json-ld")
    assert (URIRef(BASE + "doc/A/80/123"), URIRef(str(terms.ELI.has_part)), URIRef(BASE + "doc/A/80/123/para/1")) \
        in graph
    assert len(graph) == 3
