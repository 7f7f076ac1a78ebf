"""Mechanisms: the curated vocabulary, mechanisms named in documents, and establishment facts.

``ontology/vocab/mechanisms.csv`` lists mechanisms with their type, acronym, aliases, the
situation of a country mandate (ISO3, blank for thematic ones) and the founding resolutions.
Country mandates not in the list are read from the text by pattern ("Special Rapporteur on the
situation of human rights in <State>", "Panel of Experts on <State>") and get the ids
``mech/sr-<iso3>``, ``mech/ie-<iso3>``, ``mech/poe-<iso3>``, ``mech/goe-<iso3>``.

Establishment facts are read in two ways only:

* in a resolution, an operative paragraph whose verb is "Decides" and which says "to establish",
  "to extend/renew the mandate of" (or "extends/renews the mandate of") yields an
  :class:`Establishment` for every mechanism named in that paragraph, with the resolution's
  own symbol and the action "established", "extended" or "renewed";
* in any document, a mechanism name followed within the same sentence by "established
  pursuant to/by/under (Security Council) resolution N (YYYY)" yields an Establishment with the
  symbol ``S/RES/N (YYYY)``; General Assembly and Human Rights Council forms ("Human Rights
  Council resolution 54/2") are resolved only when the organ is written out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ontology.model import Establishment, Mechanism, MechanismType, Paragraph

from .vocab import read_vocab, split_aliases


@dataclass(frozen=True, slots=True)
class MechanismEntry:
    mechanism: Mechanism
    aliases: tuple[str, ...]
    situation: str | None  # ISO3 of a country mandate


@lru_cache(maxsize=1)
def vocabulary() -> dict[str, MechanismEntry]:
    """id → entry, from ``ontology/vocab/mechanisms.csv``."""
    entries: dict[str, MechanismEntry] = {}
    for row in read_vocab("mechanisms.csv", required=("id", "name", "type", "acronym", "aliases", "situation",
                                                        "established_by")):
        mechanism = Mechanism(
            id=row["id"], name=row["name"], type=MechanismType(row["type"]), acronym=row["acronym"] or None,
            established_by=tuple(split_aliases(row["established_by"])),
        )
        aliases = (row["name"], *([row["acronym"]] if row["acronym"] else []), *split_aliases(row["aliases"]))
        entries[row["id"]] = MechanismEntry(mechanism, aliases, row["situation"] or None)
    return entries


# "Special Rapporteur on the situation of human rights in <State>", "Panel of Experts on <State>"
COUNTRY_MANDATE = re.compile(
    r"\b(?P<kind>Special Rapporteur|Independent Expert|Panel of Experts|Group of Experts)"
    r"(?: on the situation of human rights)?\s+(?:in|on|for)\s+(?P<rest>(?:the\s+)?[A-Z][^,.;()]{2,60})"
)
_PREFIX = {"Special Rapporteur": "sr", "Independent Expert": "ie", "Panel of Experts": "poe", "Group of Experts": "goe"}
_TYPE = {"sr": MechanismType.SPECIAL_PROCEDURE, "ie": MechanismType.SPECIAL_PROCEDURE,
         "poe": MechanismType.SANCTIONS, "goe": MechanismType.SANCTIONS}


def country_mandate(kind: str, iso3: str, state_name: str) -> MechanismEntry:
    """The vocabulary entry for a country mandate of ``kind`` on ``iso3``, or a new one read from the text."""
    prefix = _PREFIX[kind]
    for entry in vocabulary().values():
        if entry.situation == iso3 and entry.mechanism.id.split("/")[1].startswith(prefix + "-"):
            return entry
    if prefix in ("sr", "ie"):
        name = f"{kind} on the situation of human rights in {state_name}"
    else:
        name = f"{kind} on {state_name}"
    mechanism = Mechanism(id=f"mech/{prefix}-{iso3.lower()}", name=name, type=_TYPE[prefix])
    return MechanismEntry(mechanism, (name,), iso3)


_DECIDES = re.compile(r"^\s*(?:\d+\.\s*)?Decides\b", re.IGNORECASE)
_ACTION = re.compile(
    r"\b(?:to\s+)?(?P<verb>establish(?:es)?|extend(?:s)?|renew(?:s)?)\b(?P<rest>[^;]{0,60}?\bmandates?\b)?", re.IGNORECASE
)
ESTABLISHED_PURSUANT = re.compile(
    r"\bestablished\s+(?:pursuant\s+to|by|under|in\s+accordance\s+with)\s+"
    r"(?P<organ>Security\s+Council\s+|General\s+Assembly\s+|Human\s+Rights\s+Council\s+|Council\s+)?"
    r"resolution\s+(?P<num>\d{1,4})\s*\((?P<year>\d{4})\)"
    r"|\bestablished\s+(?:pursuant\s+to|by|under|in\s+accordance\s+with)\s+"
    r"(?P<organ2>General\s+Assembly|Human\s+Rights\s+Council)\s+resolution\s+(?P<sess>(?:S-)?\d{1,3})/(?P<n>\d{1,4})"
)


def decided_action(paragraph: Paragraph) -> tuple[str, int] | None:
    """("established" | "extended" | "renewed", offset) when a "Decides" paragraph creates or prolongs a mandate."""
    verb = (paragraph.verb or "").lower()
    if verb != "decides" and not _DECIDES.match(paragraph.text):
        return None
    m = _ACTION.search(paragraph.text[:300])
    if not m:
        return None
    word = m.group("verb").lower()
    if word.startswith("establish"):
        return "established", m.start()
    if m.group("rest") is None:
        return None
    return ("extended" if word.startswith("extend") else "renewed"), m.start()


_PANEL_PURSUANT = re.compile(
    r"\b(?:Panel|Group)\s+of\s+Experts\s+(?:\w+\s+)?(?:appointed|established)\s+(?:pursuant\s+to|by|under)\s+"
    r"(?:Security\s+Council\s+)?resolution\s+(?P<num>\d{1,4})\s*\((?P<year>\d{4})\)")


def panels_by_resolution(text: str) -> list[tuple[MechanismEntry, re.Match[str]]]:
    """Panels and groups of experts named by their founding resolution ("… appointed pursuant to resolution 1591 (2005)")."""
    found: list[tuple[MechanismEntry, re.Match[str]]] = []
    for m in _PANEL_PURSUANT.finditer(text):
        symbol = f"S/RES/{m.group('num')} ({m.group('year')})"
        for entry in vocabulary().values():
            name = entry.mechanism.name
            if symbol in entry.mechanism.established_by and name.split()[0] in ("Panel", "Group"):
                found.append((entry, m))
                break
    return found


def founding_symbol(match: re.Match[str]) -> str | None:
    """The resolution symbol an ``ESTABLISHED_PURSUANT`` match names, when the text pins it down."""
    if match.group("num"):
        organ = (match.group("organ") or "").split()
        if organ and organ[0] in ("General", "Human"):
            return None  # "(YYYY)" is the Security Council form; anything else is not certain
        return f"S/RES/{match.group('num')} ({match.group('year')})"
    organ2 = " ".join(match.group("organ2").split())
    root = "A/RES" if organ2 == "General Assembly" else "A/HRC/RES"
    return f"{root}/{match.group('sess')}/{match.group('n')}"


def establishments_in(paragraph: Paragraph, mechanism_spans: list[tuple[str, int, int]], *,
                      symbol: str, is_resolution: bool) -> list[Establishment]:
    """Establishment facts read in ``paragraph`` given the mechanisms named in it (id, start, end)."""
    found: list[Establishment] = []
    if is_resolution and symbol and paragraph.kind.value == "operative":
        decided = decided_action(paragraph)
        after = [s for s in mechanism_spans if decided and s[1] >= decided[1]]
        if decided and after:  # the first mechanism named after "to establish / extend the mandate of"
            found.append(Establishment(after[0][0], symbol, paragraph.index, decided[0]))
    for m in ESTABLISHED_PURSUANT.finditer(paragraph.text):
        target = founding_symbol(m)
        before = [s for s in mechanism_spans if s[2] <= m.start() and m.start() - s[2] <= 80]
        if target and before:
            mech_id = before[-1][0]
            found.append(Establishment(mech_id, target, paragraph.index, "established"))
    return found
