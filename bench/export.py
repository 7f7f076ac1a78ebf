"""Benchmark of the RDF export: triples per second and peak memory, ours against rdflib and pyoxigraph.

The corpus sample (real documents from ../shared/corpus, parsed and linked) is replicated 10x and 100x
under new symbols by a store-like object whose ``iter_documents`` generates the copies lazily. Our export
is timed end to end (reading the documents, building the triples, writing them); rdflib and pyoxigraph
are timed only serializing the same triples, already in memory. Every measurement runs in its own
process so peak memory (ru_maxrss) is its own; "grew" is the peak minus the resident size before the
timed part. Output goes to /dev/null. Times are CPU seconds of the process (time.process_time), which a
busy machine disturbs far less than wall-clock time; every implementation runs on one thread. "ours-serialize" times our writers alone over the same triples
held in memory, the like-for-like comparison with the two serializers.

    PYTHONPATH=. python bench/export.py [--scales 10,100] [--formats nt,turtle,jsonld,xml] [--no-rdflib-at 100]
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

BASE = "https://r2p-graph.example.org/"
CORPUS = Path(os.environ.get("R2P_CORPUS", REPO.parent / "shared" / "corpus"))
FILES = (
    "un-mixed-2025/S_RES_2772 (2025).en.pdf",
    "un-mixed-2025/A_ES-10_1043, S_2025_529.en.pdf",
    "un-mixed-2025/S_2025_259.en.pdf",
    "un-mixed-2025/S_2025_114.en.pdf",
    "upr-cycle1/pdfs/albania2010.pdf",
    "upr-cycle1/pdfs/algeria2008.pdf",
)


class ReplicatedStore:
    """``iter_documents`` over ``copies`` copies of the sample, each under new symbols (generated lazily)."""

    def __init__(self, sample: list, copies: int) -> None:
        self.sample, self.copies = sample, copies

    def iter_documents(self, *, since: str | None = None) -> Iterator:
        from graph.store import StoredDocument

        for i in range(self.copies):
            for document, facts in self.sample:
                symbols = tuple(f"{s}/R{i}" for s in document.symbols)
                yield StoredDocument(replace(document, symbols=symbols, sha256=f"{i:08x}{document.sha256[8:]}"),
                                     facts, ingested_at="2026-01-01T00:00:00Z")


def _rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def _peak_mb() -> float:
    """This process's peak resident size (VmHWM; ru_maxrss would carry the parent's across exec)."""
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0


def _blocks(store) -> Iterator:
    from graph.rdf.mapping import ExportState, document_blocks

    state = ExportState(BASE)
    for stored in store.iter_documents():
        yield from document_blocks(stored, state)


def _oxigraph_triples(store) -> list:
    import pyoxigraph as o

    out, nodes = [], {}

    def node(iri: str):
        if iri not in nodes:
            nodes[iri] = o.NamedNode(iri)
        return nodes[iri]

    for subject, props in _blocks(store):
        s = o.NamedNode(subject)
        for p, obj in props:
            kind = obj[0]
            value = node(obj[1]) if kind == 0 else o.Literal(obj[1]) if kind == 1 else \
                o.Literal(obj[1], language=obj[2]) if kind == 2 else o.Literal(obj[1], datatype=node(obj[2]))
            out.append(o.Triple(s, node(p), value))
    return out


def _rdflib_graph(store):
    from rdflib import Graph, Literal, URIRef

    graph = Graph()
    add = graph.add
    for subject, props in _blocks(store):
        s = URIRef(subject)
        for p, obj in props:
            kind = obj[0]
            value = URIRef(obj[1]) if kind == 0 else Literal(obj[1]) if kind == 1 else \
                Literal(obj[1], lang=obj[2]) if kind == 2 else Literal(obj[1], datatype=URIRef(obj[2]))
            add((s, URIRef(p), value))
    return graph


def measure(impl: str, fmt: str, copies: int, sample_path: str) -> dict:
    """One measurement, in this process."""
    from graph.rdf.export import export
    from ontology.terms import PREFIXES

    sample = pickle.loads(Path(sample_path).read_bytes())
    store = ReplicatedStore(sample, copies)
    sink = open(os.devnull, "wb")  # noqa: SIM115 (closed after the timed part)
    if impl == "ours":
        before = _rss_mb()
        start = time.process_time()
        triples = export(store, sink, format=fmt, base_iri=BASE).triples
    elif impl == "ours-serialize":  # our writers alone, over triples already in memory (like the baselines)
        from graph.rdf.writers import WRITERS

        blocks = list(_blocks(store))
        writer = WRITERS[fmt](base=BASE, prefixes=PREFIXES)
        before = _rss_mb()
        start = time.process_time()
        sink.write(writer.header().encode())
        sink.writelines(writer.render(blocks[i:i + 100]).encode("utf-8") for i in range(0, len(blocks), 100))
        sink.write(writer.footer().encode())
        triples = writer.triples
    elif impl == "pyoxigraph":
        import pyoxigraph as o

        triples_in_memory = _oxigraph_triples(store)
        triples = len(triples_in_memory)
        formats = {"nt": o.RdfFormat.N_TRIPLES, "turtle": o.RdfFormat.TURTLE, "jsonld": o.RdfFormat.JSON_LD,
                   "xml": o.RdfFormat.RDF_XML}
        before = _rss_mb()
        start = time.process_time()
        o.serialize(triples_in_memory, sink, format=formats[fmt], prefixes=PREFIXES)
    else:
        graph = _rdflib_graph(store)
        triples = len(graph)
        for prefix, ns in PREFIXES.items():
            graph.bind(prefix, ns, override=True)
        formats = {"nt": "nt", "turtle": "turtle", "jsonld": "json-ld", "xml": "xml"}
        before = _rss_mb()
        start = time.process_time()
        graph.serialize(destination=sink, format=formats[fmt])
    seconds = time.process_time() - start
    sink.close()
    return {"impl": impl, "format": fmt, "copies": copies, "triples": triples, "seconds": round(seconds, 3),
            "triples_per_s": round(triples / seconds), "peak_mb": round(_peak_mb(), 1),
            "grew_mb": round(max(0.0, _peak_mb() - before), 1)}


def _sample() -> list:
    from ingest.link import link
    from ingest.pipeline import parse

    out = []
    for name in FILES:
        document = parse(CORPUS / name)
        out.append((document, link(document)))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scales", default="10,100")
    parser.add_argument("--formats", default="nt,turtle,jsonld,xml")
    parser.add_argument("--no-rdflib-at", default="", help="scales at which rdflib is skipped (slow)")
    parser.add_argument("--one", nargs=4, metavar=("IMPL", "FORMAT", "COPIES", "SAMPLE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        impl, fmt, copies, sample = args.one
        print(json.dumps(measure(impl, fmt, int(copies), sample)))
        return
    with tempfile.TemporaryDirectory() as tmp:
        sample_path = Path(tmp) / "sample.pickle"
        sample = _sample()
        sample_path.write_bytes(pickle.dumps(sample))
        print(f"sample: {len(sample)} real documents, {sum(len(d.paragraphs) for d, _ in sample)} paragraphs")
        skip = {int(s) for s in args.no_rdflib_at.split(",") if s}
        print(f"{'copies':>6} {'format':7} {'impl':14} {'triples':>9} {'seconds':>8} {'triples/s':>10} "
              f"{'peak MB':>8} {'grew MB':>8} {'vs oxigraph':>11}")
        for copies in (int(s) for s in args.scales.split(",")):
            for fmt in args.formats.split(","):
                reference = None
                for impl in ("pyoxigraph", "ours", "ours-serialize", "rdflib"):
                    if impl == "rdflib" and copies in skip:
                        continue
                    done = subprocess.run([sys.executable, __file__, "--one", impl, fmt, str(copies), str(sample_path)],
                                          capture_output=True, text=True, check=True)
                    r = json.loads(done.stdout.strip().splitlines()[-1])
                    reference = reference or r["seconds"]
                    print(f"{copies:>6} {fmt:7} {impl:14} {r['triples']:>9} {r['seconds']:>8.2f} "
                          f"{r['triples_per_s']:>10} {r['peak_mb']:>8} {r['grew_mb']:>8} "
                          f"{r['seconds'] / reference:>10.2f}x", flush=True)


if __name__ == "__main__":
    main()
