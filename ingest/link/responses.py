"""Responses: the State's positions on its UPR recommendations, read in the Working Group report's addendum.

A Working Group report lists the recommendations the State under review "will examine"; its
addendum ("Views on conclusions and/or recommendations … presented by the State under review")
gives the positions later. Two ways of writing them are read:

* **Lists.** A sentence whose verb gives the position, then the recommendations by number:
  "The Government accepts the following recommendations: 140.7, 140.8, 140.82-85, 87" or
  "… notes recommendations 6–13, 17, 19". ``accepts`` / ``supports`` → supported; ``notes`` /
  ``takes note of`` / ``does not accept`` → noted. Numbers are kept as written: "140.7" is item 7
  of the report's paragraph 140, a bare "7" the seventh of the report's pending recommendations
  (the reader resolves it, see :mod:`graph.responses`); a bare number after a dotted one
  continues its paragraph ("140.82-85, 87" → 140.87).
* **One answer per item.** "1. Slovenia accepts the recommendation. …": the item numbers head
  the answer (a heading of numbers only, or "5., 6., 7." opening it), and its first sentence says
  "accepts the recommendation(s)" or "does not accept". An answer that hedges ("cannot",
  "however", "partially", "at this point") or narrows ("accepts the recommendation regarding free
  legal aid") is not read: the text does not give one position for the whole item.

Only an addendum of a report of the UPR Working Group is read (its masthead says so, and its
symbol is ``<report>/Add.N``). What is read is a claim about the report's items, checked against
them when the report is read back: an item the report does not hold is not given a response.
"""

from __future__ import annotations

import re

from ontology.model import ParagraphKind, ParsedDocument, Response

from .situations import upr_match

_ADDENDUM = re.compile(r"^(?P<report>.+?)/Add\.\d+$")
_SUPPORT = r"accepts?|supports?|has\s+accepted|have\s+been\s+accepted|are\s+(?:accepted|supported)"
_NOTE = r"notes?|takes?\s+note\s+of|does\s+not\s+(?:accept|support)|rejects?|are\s+noted|have\s+been\s+noted"
_LIST_LEAD = re.compile(
    rf"\b(?:(?P<support>{_SUPPORT})|(?P<note>{_NOTE}))\b(?P<gap>[^.:;]{{0,60}}?)\brecommendations?\b"
    r"(?:\s+(?:nos?\.|numbers?|contained\s+in\s+paragraphs?))?(?:[^.:;]{0,120}?:)?\s*", re.IGNORECASE)
_ITEM = re.compile(r"(?:(?P<p>\d{1,3})\.)?(?P<n>\d{1,3})(?!\d)(?:\s*[-–—]\s*(?:(?P<p2>\d{1,3})\.)?(?P<n2>\d{1,3})(?!\d))?")
_SEPARATOR = re.compile(r"(?:\s*(?:,|;|\.(?=[\s,]*\d)|\band\b)\s*)+|\s+(?=\d)")
_NUMBERS_ONLY = re.compile(r"^\s*(?:\d{1,3}(?:\.\d{1,3})?\s*[.,]?\s*(?:[-–]\s*\d{1,3}\s*\.?)?\s*,?\s*)+$")
_NUMBERS_OPENING = re.compile(r"^\s*(?P<nums>(?:\d{1,3}\.,?\s+){2,})(?=[A-Z])")
_ITEM_ANSWER = re.compile(
    r"^[^.;]{0,80}?\b(?:(?P<support>accepts?)\s+(?:the|these|this|both)\s+recommendations?(?=\s*(?:[.,;]|and\b|which\b|$))"
    r"|(?P<note>does\s+not\s+accept|cannot\s+accept|rejects)\s+(?:the|these|this)\s+recommendations?\b)")
_HEDGE = re.compile(r"\b(?:cannot|however|partially|in\s+part|at\s+this\s+point|not\s+in\s+a\s+position|"
                    r"except|with\s+the\s+exception|but\s+not)\b", re.IGNORECASE)
MAX_RANGE = 400  # a range wider than this is a misreading ("1–2015"), not a list


def report_of(document: ParsedDocument) -> str | None:
    """The Working Group report ``document`` is an addendum to, if it is one (else None)."""
    m = _ADDENDUM.match(document.symbol)
    return m.group("report") if m and upr_match(document) else None


def upr_responses(document: ParsedDocument) -> list[Response]:
    """The positions an addendum to a UPR Working Group report states, one per paragraph that states one."""
    report = report_of(document)
    if report is None:
        return []
    later = (document.date or "")[:4] >= "2012"
    supported = "supported" if later else "accepted"
    found: list[Response] = []
    heading_items: tuple[str, ...] = ()
    for p in document.paragraphs:
        text = " ".join(p.text.split())
        if p.kind is ParagraphKind.HEADING or _NUMBERS_ONLY.match(text):
            heading_items = _numbers(text) if _NUMBERS_ONLY.match(text) else ()
            continue
        listed = _listed(text)
        if listed:
            found += [Response(p.index, report, items, supported if support else "noted") for support, items in listed]
        elif (answer := _item_answer(text, heading_items)) is not None:
            items, support = answer
            found.append(Response(p.index, report, items, supported if support else "noted"))
        heading_items = ()
    return _first_position_only(found)


def _listed(text: str) -> list[tuple[bool, tuple[str, ...]]]:
    """(supported?, items) for every "accepts / notes … recommendations LIST" in ``text``."""
    out = []
    for m in _LIST_LEAD.finditer(text):
        if re.search(r"\d", m.group("gap")):  # "accepts 142 recommendations": a count, not a list
            continue
        items = _items(text, m.end())
        if items:
            out.append((m.group("support") is not None, items))
    return out


def _items(text: str, at: int) -> tuple[str, ...]:
    """The recommendation numbers listed from ``at`` on, ranges expanded; () when none are."""
    items: list[str] = []
    prefix: str | None = None
    pos = at
    while True:
        m = _ITEM.match(text, pos)
        if not m:
            break
        p, n, p2, n2 = m.group("p"), int(m.group("n")), m.group("p2"), m.group("n2")
        if p is not None:
            prefix = p
        elif prefix is not None and items and "." not in items[-1]:
            prefix = None
        lo, hi = n, int(n2) if n2 is not None else n
        if (p2 is not None and p2 != (p or prefix)) or hi < lo or hi - lo > MAX_RANGE:
            break
        items += [f"{p or prefix}.{k}" if (p or prefix) else str(k) for k in range(lo, hi + 1)]
        pos = m.end()
        sep = _SEPARATOR.match(text, pos)
        if not sep or not _ITEM.match(text, sep.end()):
            break
        pos = sep.end()
    return tuple(dict.fromkeys(items))


def _numbers(text: str) -> tuple[str, ...]:
    """The item numbers a heading such as "5., 6., 7." or "122.14–15" gives."""
    return _items(text.strip(), len(text) - len(text.lstrip()))


def _item_answer(text: str, heading_items: tuple[str, ...]) -> tuple[tuple[str, ...], bool] | None:
    """(items, supported?) of a one-item answer ("1. Slovenia accepts the recommendation. …")."""
    items = heading_items
    body = text
    opening = _NUMBERS_OPENING.match(text)
    if opening:
        items = _numbers(opening.group("nums"))
        body = text[opening.end():]
    if not items:
        return None
    m = _ITEM_ANSWER.match(body)
    if not m or _HEDGE.search(body):
        return None
    return items, m.group("support") is not None


def _first_position_only(found: list[Response]) -> list[Response]:
    """Drop an item a later paragraph gives again ("Rec. 18 … we consider it implemented"): the
    first position stated is the one the addendum sorts it under; an item given both positions
    is dropped everywhere (the text does not settle it)."""
    seen: dict[str, str] = {}
    clash: set[str] = set()
    for r in found:
        for item in r.items:
            if item in seen and seen[item] != r.position:
                clash.add(item)
            seen.setdefault(item, r.position)
    kept: list[Response] = []
    used: set[str] = set()
    for r in found:
        items = tuple(i for i in r.items if i not in clash and i not in used)
        used |= set(items)
        if items:
            kept.append(Response(r.paragraph_index, r.report, items, r.position))
    return kept
