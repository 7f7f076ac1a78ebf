"""Operative verbs as written ("Calls upon", "encouraged", "urge") to concepts of the verb scheme."""

from __future__ import annotations

from functools import lru_cache

from rdflib import Graph
from rdflib.namespace import SKOS

from ontology.terms import SCHEMES_TTL, VERB

_LEADS = ("also ", "further ", "strongly ", "once again ", "again ", "hereby ", "i ", "we ")


@lru_cache(maxsize=1)
def _forms() -> dict[str, str]:
    """Lower-case labels (preferred and alternative) of the verb scheme, to concept IRI."""
    graph = Graph().parse(SCHEMES_TTL, format="turtle")
    ns = str(VERB._NS)
    out: dict[str, str] = {}
    for predicate in (SKOS.altLabel, SKOS.prefLabel):
        for concept, label in graph.subject_objects(predicate):
            if str(concept).startswith(ns):
                out[str(label).lower()] = str(concept)
    return out


@lru_cache(maxsize=4096)
def verb_concept(verb: str) -> str | None:
    """The verb scheme's concept for a verb as written, or None when the scheme has none."""
    text = " ".join(verb.lower().split()).strip(" ,;:.")
    forms = _forms()
    while text:
        if text in forms:
            return forms[text]
        lead = next((p for p in _LEADS if text.startswith(p)), None)
        if lead is None:
            return None
        text = text[len(lead):]
    return None
