"""The export of a real store: parses everywhere, formats agree, byte-stable, stable IRIs, dataset description."""

from __future__ import annotations

import io
import itertools

import pyoxigraph
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, RDF, VOID

from graph.rdf.errors import RdfError
from graph.rdf.export import export
from tests.rdf.samples import BASE, ListStore, report, resolution

RDFLIB = {"turtle": "turtle", "nt": "nt", "jsonld": "json-ld", "xml": "xml"}
OXI = {"turtle": pyoxigraph.RdfFormat.TURTLE, "nt": pyoxigraph.RdfFormat.N_TRIPLES,
       "jsonld": pyoxigraph.RdfFormat.JSON_LD, "xml": pyoxigraph.RdfFormat.RDF_XML}
R2P = "https://r2p-graph.example.org/ontology#"


def _graph(data: bytes, fmt: str) -> Graph:
    return Graph().parse(data=data, format=RDFLIB[fmt])


@pytest.mark.parametrize("fmt", sorted(RDFLIB))
def test_every_format_parses_in_rdflib_and_oxigraph_with_the_same_triples(exports: dict[str, bytes], fmt: str) -> None:
    graph = _graph(exports[fmt], fmt)
    quads = list(pyoxigraph.parse(exports[fmt], format=OXI[fmt]))
    assert len(graph) == len(quads) > 1000
    assert isomorphic(graph, _graph(exports["nt"], "nt"))


def test_jsonld_and_turtle_round_trip_without_loss(exports: dict[str, bytes]) -> None:
    from_jsonld = _graph(exports["jsonld"], "jsonld")
    turtle_again = from_jsonld.serialize(format="turtle").encode()
    assert isomorphic(_graph(turtle_again, "turtle"), _graph(exports["turtle"], "turtle"))
    jsonld_again = _graph(exports["turtle"], "turtle").serialize(format="json-ld").encode()
    assert isomorphic(_graph(jsonld_again, "jsonld"), from_jsonld)


@pytest.mark.parametrize("fmt", sorted(RDFLIB))
def test_two_exports_are_byte_identical(corpus_store, exports: dict[str, bytes], fmt: str) -> None:
    again = io.BytesIO()
    export(corpus_store, again, format=fmt, base_iri=BASE)
    assert again.getvalue() == exports[fmt]


def test_ntriples_is_canonical(exports: dict[str, bytes]) -> None:
    """Our escaping equals Oxigraph's canonical N-Triples, line for line."""
    ours = exports["nt"].decode("utf-8").splitlines()
    theirs = pyoxigraph.serialize(pyoxigraph.parse(exports["nt"], format=OXI["nt"]),
                                  format=pyoxigraph.RdfFormat.N_TRIPLES).decode("utf-8").splitlines()
    assert ours == theirs


def test_awkward_characters_survive_every_format() -> None:
    store = ListStore([report(), resolution()])
    graphs = {}
    for fmt in RDFLIB:
        buffer = io.BytesIO()
        export(store, buffer, format=fmt, base_iri=BASE)
        graphs[fmt] = _graph(buffer.getvalue(), fmt)
    texts = set(graphs["nt"].objects(URIRef(BASE + "doc/A/80/123/para/1"), URIRef(R2P + "text")))
    assert texts == {Literal('The present report, submitted pursuant to resolution 2417 (2018), "quotes" \\ and\ttabs.',
                             lang="en")}
    assert all(isomorphic(graphs["nt"], g) for g in graphs.values())


def test_documents_carry_all_symbols_official_links_and_stable_iris(parsed, exports: dict[str, bytes]) -> None:
    graph = _graph(exports["nt"], "nt")
    joint = URIRef(BASE + "doc/A/ES-10/1043")
    assert set(graph.objects(joint, DCTERMS.identifier)) == {Literal("A/ES-10/1043"), Literal("S/2025/529")}
    resolution_iri = URIRef(BASE + "doc/S/RES/2772(2025)")
    assert (resolution_iri, URIRef(R2P + "primarySymbol"), Literal("S/RES/2772 (2025)")) in graph
    links = {str(o) for o in graph.objects(resolution_iri, URIRef("http://www.w3.org/2000/01/rdf-schema#seeAlso"))}
    assert links == {"https://undocs.org/S/RES/2772%20(2025)"}
    subtitles = set(graph.objects(resolution_iri, URIRef(R2P + "subtitle")))
    assert subtitles == {Literal("Adopted by the Security Council at its 9860th meeting, on 17 February 2025", lang="en")}
    upr = next(d for d, _ in parsed if d.symbol == "A/HRC/13/6")
    numbered = next(p for p in upr.paragraphs if p.label)
    assert (URIRef(f"{BASE}doc/A/HRC/13/6/para/{numbered.key}"), DCTERMS.isPartOf, None) in graph


def test_every_extracted_fact_names_its_paragraph_and_run(exports: dict[str, bytes]) -> None:
    graph = _graph(exports["nt"], "nt")
    prov = "http://www.w3.org/ns/prov#"
    facts = [s for cls in ("Recommendation", "Coverage", "Establishment", "RiskTag", "Citation")
             for s in graph.subjects(RDF.type, URIRef(R2P + cls))]
    assert len(facts) > 50
    for fact in facts:
        assert (fact, URIRef(prov + "wasDerivedFrom"), None) in graph, fact
        run = graph.value(fact, URIRef(prov + "wasGeneratedBy"))
        assert (run, RDF.type, URIRef(R2P + "ExtractionRun")) in graph, fact


def test_dataset_description_counts_triples_states_licence_and_store_time(corpus_store, exports) -> None:
    # imported here, not at module level: pytest probes module names, and XSD warns on unknown ones
    from rdflib.namespace import XSD

    graph = _graph(exports["turtle"], "turtle")
    dataset = URIRef(BASE + "dataset")
    assert graph.value(dataset, VOID.triples) == Literal(len(graph), datatype=XSD.integer)
    assert graph.value(dataset, DCTERMS.license) == URIRef("https://creativecommons.org/licenses/by/4.0/")
    latest = max(s.ingested_at for s in corpus_store.iter_documents())
    assert str(graph.value(dataset, DCTERMS.modified)) == latest


def test_since_exports_only_documents_ingested_since() -> None:
    store = ListStore([report(), resolution()])
    buffer = io.BytesIO()
    summary = export(store, buffer, format="nt", base_iri=BASE, since="2026-11-21")
    graph = _graph(buffer.getvalue(), "nt")
    assert summary.documents == 1
    assert (URIRef(BASE + "doc/S/RES/2736(2024)"), RDF.type, URIRef(R2P + "Document")) in graph
    assert (URIRef(BASE + "doc/A/80/123"), None, None) not in graph
    assert (URIRef(BASE + "dataset/since/2026-11-21"), VOID.triples, None) in graph


def test_bad_options_fail_clearly() -> None:
    store = ListStore([report()])
    with pytest.raises(RdfError, match="base IRI"):
        export(store, io.BytesIO(), base_iri="r2p.example.org")
    with pytest.raises(RdfError, match="unknown RDF format"):
        export(store, io.BytesIO(), format="csv", base_iri=BASE)
    with pytest.raises(RdfError, match="ISO date"):
        export(store, io.BytesIO(), base_iri=BASE, since="last week")
    with pytest.raises(RdfError, match="licence"):
        export(store, io.BytesIO(), base_iri=BASE, license="not a licence")


def test_iris_unchanged_after_reingesting_a_document(tmp_path, parsed) -> None:
    from dataclasses import replace

    from graph.factory import open_store

    document, facts = parsed[0]
    store = open_store(backend="kuzu", path=tmp_path / "store")
    try:
        store.put_document(document, facts)
        before = _subjects(store)
        changed = replace(document, sha256="0" * 64)  # a new file for the same symbol: a new ingestion
        assert store.put_document(changed, facts).status == "replaced"
        after = _subjects(store)
    finally:
        store.close()
    runs = {s for s in before | after if "/run/" in s}
    assert before - runs == after - runs and len(before) > 20


def _subjects(store) -> set[str]:
    buffer = io.BytesIO()
    export(store, buffer, format="nt", base_iri=BASE)
    return {line.split(" ", 1)[0] for line in buffer.getvalue().decode().splitlines()}


def test_since_on_the_real_store(corpus_store, parsed) -> None:
    everything, nothing = io.BytesIO(), io.BytesIO()
    assert export(corpus_store, everything, format="nt", base_iri=BASE, since="2000-01-01").documents == len(parsed)
    summary = export(corpus_store, nothing, format="nt", base_iri=BASE, since="2999-01-01")
    assert summary.documents == 0
    graph = _graph(nothing.getvalue(), "nt")
    assert set(graph.subjects()) == {URIRef(BASE + "dataset/since/2999-01-01")}


@pytest.mark.parametrize("fmt", sorted(RDFLIB))
def test_shaped_blocks_render_the_same_bytes_as_plain_blocks(corpus_store, fmt: str) -> None:
    """The writers' per-shape templates give exactly what rendering every triple gives, in every format."""
    from graph.rdf.mapping import ExportState, document_blocks, shaped_blocks
    from graph.rdf.writers import WRITERS
    from ontology.terms import PREFIXES

    documents = list(corpus_store.iter_documents())
    plain_state, shaped_state = ExportState(BASE), ExportState(BASE)
    plain = WRITERS[fmt](base=BASE, prefixes=PREFIXES)
    shaped = WRITERS[fmt](base=BASE, prefixes=PREFIXES)
    by_rows = "".join(plain.render_plain(list(document_blocks(d, plain_state))) for d in documents)
    by_shapes = "".join(shaped.render(shaped_blocks(d, shaped_state)) for d in documents)
    assert by_shapes == by_rows and plain.triples == shaped.triples > 1000
    assert shaped._templates  # the templates were used


def test_a_base_with_an_ampersand_gives_the_same_graph_in_every_format() -> None:
    """The minted IRIs hold nothing to escape; a base may (an ``&`` in RDF/XML attributes)."""
    base = "https://data.example.org/r2p?set=un&v=1/"
    graphs = {}
    for fmt in RDFLIB:
        buffer = io.BytesIO()
        export(ListStore([report(), resolution()]), buffer, format=fmt, base_iri=base)
        graphs[fmt] = _graph(buffer.getvalue(), fmt)
    assert URIRef(base + "doc/A/80/123/para/1") in set(graphs["xml"].subjects())
    assert all(isomorphic(graphs["nt"], g) for g in graphs.values())


AWKWARD = ("a lone \ud800 surrogate", "non-characters \ufffe \uffff", "DEL \x7f, no-break\xa0space, soft\xadhyphen",
           "xml & < > \r\n\t\x0c\x01 end", "fullwidth \uff01, replacement \ufffd", 'quote " back \\ ', "emoji \U0001f600",
           "line \u2028 separator")


@pytest.mark.parametrize("fmt", sorted(RDFLIB))
def test_templates_escape_and_clean_awkward_literals_as_plain_rendering_does(fmt: str) -> None:
    """Every character a format escapes or no format can carry, in paragraphs and recommendations: the
    templates' check of a block's bytes sends them to the same escaping as rendering triple by triple."""
    from dataclasses import replace

    from graph.rdf.mapping import ExportState, document_blocks, shaped_blocks
    from graph.rdf.writers import WRITERS
    from graph.store import StoredDocument
    from ontology.terms import PREFIXES

    stored, awkward = [], itertools.cycle(AWKWARD)  # 7 paragraphs and 3 recommendations: each string used
    for s in ListStore([report(), resolution()]).iter_documents():
        paragraphs = tuple(replace(p, text=f"{p.text} {next(awkward)}") for p in s.document.paragraphs)
        recs = tuple(replace(r, text=r.text + next(awkward)) for r in s.facts.recommendations)
        stored.append(StoredDocument(replace(s.document, paragraphs=paragraphs),
                                     replace(s.facts, recommendations=recs), ingested_at=s.ingested_at))
    plain, shaped = WRITERS[fmt](base=BASE, prefixes=PREFIXES), WRITERS[fmt](base=BASE, prefixes=PREFIXES)
    plain_state, shaped_state = ExportState(BASE), ExportState(BASE)
    by_rows = "".join(plain.render_plain(list(document_blocks(d, plain_state))) for d in stored)
    by_shapes = "".join(shaped.render(shaped_blocks(d, shaped_state)) for d in stored)
    assert by_shapes == by_rows and shaped._templates
    assert "\ud800" not in by_shapes and "\ufffe" not in by_shapes and "\U0001f600" in by_shapes
