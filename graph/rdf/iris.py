"""Stable IRIs of the export, derived only from what the documents say.

Scheme (``{base}`` is the configured base IRI, ending in ``/``):

- document: ``{base}doc/{symbol}`` where ``{symbol}`` is the primary symbol's comparison key
  (``ontology.model.symbol_key``: white space removed, upper case) with each ``/``-separated segment
  percent-encoded except ``A-Z a-z 0-9 - . _ ~ ( )``, and a segment that is ``.`` or ``..`` written
  ``%2E``/``%2E%2E``. ``S/RES/2417 (2018)`` -> ``doc/S/RES/2417(2018)``; ``A/HRC/WG.6/1/BHR/1``
  -> ``doc/A/HRC/WG.6/1/BHR/1``. A joint document is keyed on its first symbol.
- language version ``{doc}/{lang}``; its file ``{doc}/{lang}/file``; the run that read it
  ``{doc}/run/{first 16 hex digits of the file's SHA-256}``.
- paragraph ``{doc}/para/{key}`` (keys are path-safe: ``16``, ``16/a``, ``p5``); footnote
  ``{doc}/fn/{label}``.
- facts read in a paragraph: ``{para}/cite/{n}``, ``{para}/rec/{n}``, ``{para}/covers/{n}``,
  ``{para}/est/{n}``, ``{para}/risk/{n}``; ``n`` counts from 1 in a canonical order of the facts'
  content, so neither database ids nor run order enter an IRI.
- entities by their stable ids: ``{base}actor/{id}`` (``actor/state/SDN``), mechanisms ``{base}mech/…``
  and situations ``{base}sit/…`` as their ids already read.

Every IRI minted here is the base followed by characters of ``A-Z a-z 0-9 - . _ ~ ( ) / %`` only (each
segment goes through :func:`segment` or :func:`path`): nothing any output format has to escape. The
writers rely on it for the blocks they fill into templates.
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import quote

from graph.rdf.errors import RdfError
from ontology.model import symbol_key

_SAFE = "-._~()"
ROOTS = ("doc/", "actor/", "mech/", "sit/", "software/")  # the first segment of every IRI minted under the base
_PLAIN = re.compile(r"[A-Za-z0-9\-._~()/]+")
_PLAIN_SEGMENT = re.compile(r"[A-Za-z0-9\-._~()]+")
_AWKWARD = re.compile(r"(^|/)\.\.?(/|$)|//|^/|/$")
_BASE = re.compile(r"^https?://[^\s<>\"{}|\\^`]+/$")


def check_base(base_iri: str) -> str:
    """The base IRI, checked: absolute http(s), no characters illegal in an IRI, ending in ``/``."""
    if not _BASE.match(base_iri or ""):
        raise RdfError(f"base IRI {base_iri!r} must be an absolute http(s) IRI ending in '/'")
    return base_iri


def segment(text: str) -> str:
    """One path segment, percent-encoded deterministically."""
    if text in (".", ".."):
        return text.replace(".", "%2E")
    if _PLAIN_SEGMENT.fullmatch(text):
        return text  # nothing to encode (the common case: "en", a method name)
    return quote(text, safe=_SAFE)


@lru_cache(maxsize=65536)
def path(text: str) -> str:
    """A ``/``-separated path, each segment encoded with :func:`segment`; empty segments dropped."""
    if _PLAIN.fullmatch(text) and not _AWKWARD.search(text):
        return text  # the common case, already safe
    return "/".join(segment(s) for s in text.split("/") if s)


@lru_cache(maxsize=65536)
def doc_iri(base: str, symbol: str) -> str:
    """The IRI of the document whose (primary) symbol is ``symbol``."""
    return f"{base}doc/{path(symbol_key(symbol))}"


@lru_cache(maxsize=65536)
def entity_iri(base: str, entity_id: str) -> str:
    """IRI of an actor, mechanism (``mech/…``) or situation (``sit/…``) from its stable id."""
    if entity_id.startswith(("mech/", "sit/")):
        return base + path(entity_id)
    return f"{base}actor/{path(entity_id)}"


def undocs_url(symbol: str) -> str:
    """The official document link of a symbol (a redirect to the file, so never a subject)."""
    return "https://undocs.org/" + quote(symbol.strip(), safe="/()")


_CTRL = re.compile(r"[\x00-\x20<>\"{}|^`\\]")


def check_iri(iri: str, *, what: str) -> str:
    """An IRI from a setting, checked for characters N-Triples and Turtle cannot carry."""
    if not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", iri) or _CTRL.search(iri):
        raise RdfError(f"{what} {iri!r} is not an absolute IRI")
    return iri
