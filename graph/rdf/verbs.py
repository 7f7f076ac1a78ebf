"""Operative verbs as written ("Calls upon", "encouraged", "urge") to concepts of the verb scheme."""

from __future__ import annotations

from functools import lru_cache

import pyoxigraph
from rdflib.namespace import SKOS

from ontology.terms import SCHEMES_TTL, VERB

_LEADS = ("also ", "further ", "strongly ", "once again ", "again ", "hereby ", "i ", "we ")


@lru_cache(maxsize=1)
def _forms() -> dict[str, str]:
    """Lower-case labels (preferred and alternative) of the verb scheme, to concept IRI.

    Read with pyoxigraph (parsing the schemes is a fixed cost of every export); a preferred label wins
    over an alternative one, and within each the labels are taken in sorted order.
    """
    ns = str(VERB._NS)
    groups: dict[str, list[tuple[str, str]]] = {str(SKOS.altLabel): [], str(SKOS.prefLabel): []}
    with open(SCHEMES_TTL, "rb") as f:
        for quad in pyoxigraph.parse(f, format=pyoxigraph.RdfFormat.TURTLE):
            group = groups.get(quad.predicate.value)
            if group is not None and isinstance(quad.subject, pyoxigraph.NamedNode) \
                    and quad.subject.value.startswith(ns):
                group.append((quad.object.value.lower(), quad.subject.value))
    return {label: concept for group in groups.values() for label, concept in sorted(group)}


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
