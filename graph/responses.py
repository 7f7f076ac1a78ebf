"""Positions stated in a UPR report's addendum, matched to the report's recommendations when read.

An addendum is stored as its own document with its ``DocumentFacts.responses``; the report and
its addendum may be ingested in any order, replaced or removed apart. So the match is made when
the graph is read, here, the same way for every backend and for search's catalogue:

* an item written ``"115.3"`` is the recommendation in the report's paragraph labelled ``115.3``;
* a bare ``"3"`` is the third of the report's pending recommendations ("will be examined by …"),
  which the report numbers ``<paragraph>.3``: read only when the report has exactly one such
  paragraph, else the numbering is not the report's and nothing is claimed;
* a position is given only to a recommendation whose own response is pending or not given: where
  the report already states one, that is what stands.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any, TypeVar

from graph.codec import facts_from_json
from graph.errors import QueryError
from ontology.model import Response, symbol_key

PENDING = "pending"
OFFERED = ("supported", "noted", "pending")  # the response filters offered to people
RESPONSES = (*OFFERED, "accepted")  # what a response filter takes
SUPPORTED = frozenset({"supported", "accepted"})  # the reports say "accepted" before 2012, "supported" since
FILTER_CHUNK = 1_000  # records read at a time when filtering by response
_R = TypeVar("_R")


@dataclass(frozen=True, slots=True)
class StatedResponse:
    """A recommendation's position and where it is stated."""

    position: str  # "supported" | "noted" | "accepted"
    symbol: str  # the document stating it (the addendum)
    paragraph: str | None  # label (or key) of its paragraph
    page: int | None
    key: str | None = None  # key of its paragraph (for IRIs)


@dataclass(frozen=True, slots=True)
class AddendumResponses:
    """The responses one stored document states, with where its paragraphs are."""

    symbol: str
    responses: tuple[Response, ...]
    paragraphs: Mapping[int, tuple[str, str, int | None]]  # paragraph index -> (label or key, key, page)


def stated_in(symbol: str | None, paragraph: str | None, page: int | None) -> str:
    """Where a response is stated, for people: ``"A/HRC/28/15/Add.1, para. 3, p. 2"`` ("" when in the document itself)."""
    if not symbol:
        return ""
    return ", ".join([symbol, *([f"para. {paragraph}"] if paragraph else []), *([f"p. {page}"] if page else [])])


@lru_cache(maxsize=32)
def wanted_responses(response: str) -> frozenset[str]:
    """The stored responses a filter value stands for ("supported" also finds cycle 1's "accepted");
    :class:`QueryError` for a value that is none of :data:`RESPONSES`."""
    value = response.strip().lower()
    if value not in RESPONSES:
        raise QueryError(f"unknown response {response!r}: use supported (also finds accepted), noted or pending")
    return SUPPORTED if value in SUPPORTED else frozenset({value})


def by_response(fetch: Callable[[int, int], Sequence[_R]], response: str, *, offset: int = 0, limit: int = 100,
                chunk: int = FILTER_CHUNK) -> list[_R]:
    """One page (``offset``, ``limit``) of the records whose response is ``response``, read from
    ``fetch(offset, limit)`` (a store's ``recommendations`` with the other filters) ``chunk`` at a time.

    The filter is applied after the read because a position stated in an addendum is filled in
    when the report's recommendations are read, not stored with them."""
    wanted = wanted_responses(response)
    out: list[_R] = []
    skipped, start = 0, 0
    while len(out) < limit:
        batch = fetch(start, chunk)
        for rec in batch:
            if getattr(rec, "response", None) not in wanted:
                continue
            if skipped < offset:
                skipped += 1
                continue
            out.append(rec)
            if len(out) == limit:
                break
        if len(batch) < chunk:
            break
        start += chunk
    return out


def filtered_recommendations(store: Any, response: str | None, *, offset: int = 0, limit: int = 100,
                             **filters: Any) -> list[Any]:
    """One page of ``store.recommendations(**filters)``, of those with ``response`` when it is given."""
    def fetch(start: int, size: int) -> list[Any]:
        return store.recommendations(**filters, offset=start, limit=size)

    return by_response(fetch, response, offset=offset, limit=limit) if response else fetch(offset, limit)


def read_stated(keys: Sequence[str], addenda: Iterable[tuple[str, str, str]],
                paragraphs_at: Callable[[str, list[int]], Iterable[tuple[int, str, str, int | None]]],
                report_rows: Callable[[list[str]], Iterable[tuple[str, str, str | None]]]
                ) -> dict[str, dict[str, StatedResponse]]:
    """Report key → paragraph label → stated response, for the reports ``keys``, from a backend's reads:
    ``addenda`` (key, symbol, facts JSON) of the documents that are addenda to them; ``paragraphs_at(key,
    indexes)`` (index, label or key, key, page) of an addendum's paragraphs; ``report_rows(keys)`` (report
    key, paragraph label, own response) of the reports' recommendations."""
    found = []
    for key, symbol, facts in addenda:
        responses = facts_from_json(json.loads(facts)).responses
        if responses:
            at = {i: (label, pkey, page)
                  for i, label, pkey, page in paragraphs_at(key, sorted({r.paragraph_index for r in responses}))}
            found.append(AddendumResponses(symbol, responses, at))
    if not found:
        return {}
    return stated_by_report(report_rows(sorted(report_keys(found) & set(keys))), found)


def report_keys(addenda: Iterable[AddendumResponses]) -> set[str]:
    """Symbol keys of the reports the addenda respond to."""
    return {symbol_key(r.report) for a in addenda for r in a.responses}


def statements(addenda: Iterable[AddendumResponses]) -> dict[str, list[tuple[Response, StatedResponse]]]:
    """The addenda's responses grouped by the symbol key of the report they answer, each with where it is stated."""
    out: dict[str, list[tuple[Response, StatedResponse]]] = {}
    for addendum in addenda:
        for r in addendum.responses:
            label, key, page = addendum.paragraphs.get(r.paragraph_index, (None, None, None))
            out.setdefault(symbol_key(r.report), []).append(
                (r, StatedResponse(r.position, addendum.symbol, label, page, key)))
    return out


def resolve(own: Mapping[str, str | None], stated: Iterable[tuple[Response, StatedResponse]]
            ) -> dict[str, StatedResponse]:
    """Paragraph label → stated response, for the recommendations of one report whose own response
    (``own``: the label, or key of an unnumbered paragraph → response) is pending or unknown;
    ``stated``: that report's entry of :func:`statements`."""
    pending = {k.rsplit(".", 1)[0] for k, v in own.items() if v == PENDING and "." in k}
    bare_prefix = next(iter(pending)) if len(pending) == 1 else None
    out: dict[str, StatedResponse] = {}
    for r, where in stated:
        for item in r.items:
            target = item if "." in item else (f"{bare_prefix}.{item}" if bare_prefix else None)
            if target is not None and target in own and own[target] in (None, PENDING):
                out.setdefault(target, where)
    return out


def stated_by_report(own_rows: Iterable[tuple[str, str, str | None]], addenda: Iterable[AddendumResponses]
                     ) -> dict[str, dict[str, StatedResponse]]:
    """Report key → paragraph label → stated response, from the reports' recommendation rows
    (report key, paragraph label, own response) and their addenda."""
    grouped = statements(addenda)
    own: dict[str, dict[str, str | None]] = {}
    for key, label, response in own_rows:
        own.setdefault(key, {}).setdefault(label, response)
    return {key: found for key, items in own.items()
            if (found := resolve(items, grouped.get(key, ())))}


def with_stated(records: Sequence[_R], stated: Mapping[str, Mapping[str, StatedResponse]]) -> list[_R]:
    """``records`` (``RecommendationRecord``s) with the responses ``stated`` for them filled in."""
    out = []
    for r in records:
        rec: Any = r
        found = stated.get(symbol_key(rec.symbol), {}).get(rec.paragraph)
        out.append(r if found is None else replace(rec, response=found.position, response_symbol=found.symbol,
                                                  response_paragraph=found.paragraph, response_page=found.page))
    return out
