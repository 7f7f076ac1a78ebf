"""Situations and mechanisms named by the document itself, when the controlled lists do not know them.

A document whose subject is a place the lists of States and named crises do not hold (a
territory, a newly named State, or the invented States of the project's demo documents) would
otherwise concern nothing. Such a subject is read only from what the document says of itself,
and only when no listed situation was found:

* the title or an agenda line: "Situation of human rights in <Name>", "… in <Name>: …";
* a UPR report: "the review of <Name> was held";
* a resolution: "Determining that the situation in <Name> …", "… the sovereignty, independence,
  unity and territorial integrity of <Name>".

``<Name>`` is one to three capitalised words, none a name the gazetteer knows (State,
organization, region, mechanism, or a blocked geographic phrase), none a region or continent
word, none written in lower case anywhere in the document (so "in Practice" is not a place), and
the whole name appears again in the body. The situation gets the code ``x-<Name>`` (the id
``sit/x-<slug>``, no ISO3) and a warning says it is not in the controlled list.

Mechanisms with a mandate on such a situation are read by the same pattern as listed country
mandates ("Special Rapporteur on the situation of human rights in <Name>", "Panel of Experts on
<Name>"), plus "(Independent) (International) Commission of Inquiry on <Name>" and "United
Nations … Mission in <Name>" (with the acronym the document defines right after it).
"""

from __future__ import annotations

import re

from ontology.model import Mechanism, MechanismType, ParsedDocument, Situation

from .mechanisms import COUNTRY_MANDATE, MechanismEntry, country_mandate
from .registry import Registry

_NAME = r"(?P<name>[A-Z][a-z]{2,}(?:\s+[A-Z][a-z]{2,}){0,2})(?=\s*(?:$|[:,;.(*]))"
_TITLE_CUE = re.compile(r"(?i:\bsituation\s+(?:of\s+human\s+rights\s+)?(?:in|concerning)|\bhuman\s+rights\s+in|"
                        r"\bpopulations?\s+in|\bin)\s+" + _NAME)
_UPR_CUE = re.compile(r"\breview\s+of\s+" + _NAME.replace("(?=\\s*(?:$|[:,;.(*]))", "") + r"\s+was\s+held")
_RESOLUTION_CUE = re.compile(
    r"(?:Determining\s+that\s+the\s+situation\s+in|\bsovereignty\b[^.;]{0,90}?\b(?:unity|integrity|independence)"
    r"\s+of)\s+" + _NAME.replace("(?=\\s*(?:$|[:,;.(*]))", "") + r"\b")
_REGION_WORDS = {
    "africa", "african", "asia", "asian", "europe", "european", "america", "americas", "american", "latin",
    "caribbean", "pacific", "atlantic", "arctic", "antarctic", "oceania", "middle", "east", "eastern", "west",
    "western", "north", "northern", "south", "southern", "central", "region", "regions", "sahel", "horn",
    "great", "lakes", "arab", "gulf", "balkans", "mediterranean", "world", "general", "united", "nations",
    "international", "national", "republic", "state", "states", "council", "assembly", "committee",
}


def named_situations(document: ParsedDocument, reg: Registry, *, upr: bool, resolution: bool
                     ) -> list[tuple[str, int | None]]:
    """(``x-<Name>`` code, evidence paragraph index or None for the masthead) of unlisted subjects."""
    body = " ".join(p.text for p in document.paragraphs)
    lower_words = set(re.findall(r"\b[a-z]+\b", body))
    found: list[tuple[str, int | None]] = []
    if upr:
        for p in document.paragraphs[:40]:
            found += [(n, p.index) for m in _UPR_CUE.finditer(p.text) if (n := _accept(m, reg, lower_words, body))]
            if found:
                break
    else:
        for line in (" ".join((document.title or "").split()), *document.agenda):
            found += [(n, None) for m in _TITLE_CUE.finditer(line) if (n := _accept(m, reg, lower_words, body))]
    if resolution:
        for p in document.paragraphs:
            if p.kind.value in ("preambular", "text"):
                found += [(n, p.index) for m in _RESOLUTION_CUE.finditer(p.text)
                          if (n := _accept(m, reg, lower_words, body))]
    return list(dict.fromkeys(found))


def _accept(match: re.Match[str], reg: Registry, lower_words: set[str], body: str) -> str | None:
    """The ``x-<Name>`` code when the matched name passes every test of a proper, unlisted place name."""
    name = " ".join(match.group("name").split())
    words = name.split()
    if any(w.lower() in _REGION_WORDS or w.lower() in lower_words for w in words):
        return None
    if next(iter(reg.gazetteer.scan(name, fold=True)), None) is not None or reg.gazetteer.lookup(name, fold=True):
        return None
    if len(re.findall(r"\b" + re.escape(name) + r"\b", body)) < 2:
        return None
    return "x-" + "-".join(words)


def is_named(code: str) -> bool:
    """Whether ``code`` is a situation read from the document rather than from the controlled lists."""
    return code.startswith("x-")


def named_situation(code: str) -> Situation:
    """The Situation of an ``x-<Name>`` code: id ``sit/x-<slug>``, the name as written, no ISO3."""
    name = code[2:].replace("-", " ")
    if name.islower():
        name = name.title()
    return Situation(f"sit/{code.lower()}", name, None)


def named_warning(code: str) -> str:
    """The warning attached to a document concerning an unlisted situation."""
    return (f"situation '{named_situation(code).name}' read from the document is not in the controlled list of "
            "States and situations; kept as an unlisted situation")


_COI = re.compile(r"\b(?:the\s+)?(?P<kind>(?:Independent\s+)?(?:International\s+)?Commission\s+of\s+Inquiry)\s+on\s+"
                  r"(?:the\s+)?(?P<rest>[A-Z][^,.;()]{2,60})")
_MISSION = re.compile(r"\bUnited\s+Nations(?:\s+[A-Z][a-z]+){1,4}\s+Mission\s+in\s+(?:the\s+)?(?P<rest>[A-Z][^,.;()]{2,60})")
_ACRONYM = re.compile(r"\s*\((?P<abbr>[A-Z]{3,10})\)")


def named_mandates(document: ParsedDocument, codes: list[str]) -> list[tuple[int, MechanismEntry, int, int, str]]:
    """(paragraph index, entry, start, end, text) of mandates on the document's unlisted situations."""
    names = {named_situation(c).name: c for c in codes if is_named(c)}
    if not names:
        return []
    found: list[tuple[int, MechanismEntry, int, int, str]] = []
    acronyms: dict[str, MechanismEntry] = {}
    for p in document.paragraphs:
        for m in (*COUNTRY_MANDATE.finditer(p.text), *_COI.finditer(p.text), *_MISSION.finditer(p.text)):
            code = next((c for n, c in names.items() if re.match(re.escape(n) + r"\b", m.group("rest"))), None)
            if code is None:
                continue
            entry = _entry(m, code)
            found.append((p.index, entry, m.start(), m.end(), m.group()))
            a = _ACRONYM.match(p.text, m.end())
            if a and entry.mechanism.type is MechanismType.PEACE_OPERATION:
                acronyms.setdefault(a.group("abbr"), entry)
    for p in document.paragraphs:
        for abbr, entry in acronyms.items():
            found += [(p.index, entry, m.start(), m.end(), abbr)
                      for m in re.finditer(r"\b" + abbr + r"\b(?!/)", p.text)]
    return sorted(found, key=lambda t: (t[0], t[2]))


def _entry(m: re.Match[str], code: str) -> MechanismEntry:
    name = named_situation(code).name
    slug = code.lower()
    kind = m.groupdict().get("kind")
    if kind and "Inquiry" in kind:
        full = f"{' '.join(kind.split())} on {name}"
        return MechanismEntry(Mechanism(f"mech/coi-{slug}", full, MechanismType.COMMISSION_OF_INQUIRY), (full,), code)
    if kind:
        return country_mandate(kind, code, name)
    full = " ".join(m.group().split()[: m.group().split().index("Mission") + 2]) + f" {name}"
    return MechanismEntry(Mechanism(f"mech/op-{slug}", full, MechanismType.PEACE_OPERATION), (full,), code)
