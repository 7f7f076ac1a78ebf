"""Entity linking: from a parsed document to the facts the graph stores.

``link(document)`` is a pure function: it reads the paragraphs and the masthead data, looks names
up in the controlled lists (see :mod:`.actors`, :mod:`.mechanisms`) and returns a
:class:`~ontology.model.DocumentFacts`. Every fact carries the index of the paragraph it was read
from; what the text does not say is not claimed, and names that cannot be decided are left
unlinked with a warning.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ontology.model import (
    Actor,
    DocumentFacts,
    DocumentKind,
    Mention,
    ParsedDocument,
    Recommendation,
    Relation,
    Situation,
)

from .dialogue import dialogue_recommendations
from .gazetteer import Hit, Tokens
from .mechanisms import (
    COUNTRY_MANDATE,
    MechanismEntry,
    country_mandate,
    establishments_in,
    panels_by_resolution,
)
from .memberships import text_memberships, vocabulary_memberships
from .named import is_named, named_mandates, named_situations, named_warning
from .recommendations import report_recommendations, resolution_recommendations, upr_recommendations
from .registry import Registry, registry
from .responses import upr_responses
from .risk import risk_tags
from .situations import coverage, document_situations, situation_for, upr_match

__all__ = ["link"]

_ORGANS = {"General Assembly": "un/GA", "Security Council": "un/SC", "Human Rights Council": "un/HRC",
           "Economic and Social Council": "un/ECOSOC", "Secretariat": "un/SECRETARIAT"}
_RES_PREFIX = (("S/RES/", "un/SC"), ("A/HRC/", "un/HRC"), ("A/RES/", "un/GA"),
               ("E/RES/", "un/ECOSOC"), ("S/PRST/", "un/SC"))
_BARE_PANEL = re.compile(r"\b(?P<kind>Panel of Experts|Group of Experts)\b(?!\s+(?:on|for|in|of)\b)")
_SG_OPENING = re.compile(r"Report of the Secretary-General|\b(?:requested|requests|asked)\s+me\b|\bI\s+was\s+requested")
_FIRST_PERSON_I = re.compile(r"\bI\s+(?:call|urge|encourage|welcome|remain|commend|condemn|reiterate|appeal)\b")
UPR_MECHANISM = "mech/upr"  # a UPR Working Group report is its outcome
_MODIFIER = re.compile(r"^(?P<base>.+?)/(?P<kind>Add|Rev|Corr)\.\d+")
_TREATY_SYMBOL = re.compile(r"^(CERD|CEDAW|CAT|CRC|CMW|CRPD|CED|CCPR|E/C\.12)/C/(?P<iso>[A-Z]{3})/")
_TREATY_MECH = {"CERD": "mech/cerd", "CEDAW": "mech/cedaw", "CAT": "mech/cat", "CRC": "mech/crc", "CMW": "mech/cmw",
                "CRPD": "mech/crpd", "CED": "mech/ced", "CCPR": "mech/ccpr", "E/C.12": "mech/cescr"}


def link(document: ParsedDocument) -> DocumentFacts:
    """Link the entities, situations, mechanisms, recommendations and risk factors of ``document``."""
    reg = registry()
    warnings: list[str] = []
    tokens = {p.index: Tokens(p.text) for p in document.paragraphs}
    mentions, spans = _mentions(document, reg, warnings, tokens)
    codes = document_situations(document, reg)
    if not codes:  # only a document no listed situation was found for may name an unlisted one
        codes = named_situations(document, reg, upr=upr_match(document) is not None,
                                 resolution=document.kind in (DocumentKind.RESOLUTION, DocumentKind.DRAFT))
        warnings += [named_warning(c) for c, _ in codes]
    entries: dict[str, MechanismEntry] = dict(reg.mechanisms)
    _country_mandates(document, reg, codes, entries, mentions, spans)
    _named_mandates(document, codes, entries, mentions, spans)
    establishments = [e for p in document.paragraphs for e in establishments_in(
        p, spans.get(p.index, []), symbol=document.symbol, is_resolution=document.kind is DocumentKind.RESOLUTION)]
    codes += [(entries[e.mechanism_id].situation or "", e.paragraph_index) for e in establishments
              if e.symbol == document.symbol and entries[e.mechanism_id].situation]
    situations = [situation_for(c, reg) for c in dict.fromkeys(c for c, _ in codes)]
    concerned = [s.id for s in situations]
    mech_mentions = [(m.paragraph_index, m.entity_id) for m in mentions if m.entity_id in entries]
    covers = coverage(mech_mentions, concerned, entries, reg, date=document.date,
                      texts={p.index: p.text for p in document.paragraphs})
    issued_by = _issued_by(document)
    recs, rec_warnings = _recommendations(document, reg, codes, issued_by, tuple(concerned))
    warnings += rec_warnings
    mech_ids = {m for _, m in mech_mentions} | {e.mechanism_id for e in establishments}
    mech_ids |= {c.mechanism_id for c in covers} | {i for r in recs for i in r.by if i in entries}
    outcome_of = (UPR_MECHANISM,) if recs and upr_match(document) and UPR_MECHANISM in entries else ()
    mech_ids |= set(outcome_of)
    actors, memberships = vocabulary_memberships(_actors(reg, mentions, recs, issued_by), reg.actors)
    memberships += text_memberships(document, reg.gazetteer, mentions)
    return DocumentFacts(
        issued_by=tuple(issued_by), situations=tuple(concerned), actors=actors, memberships=memberships,
        situation_defs=tuple(situations) + _coverage_situations(covers, situations, reg),
        mechanisms=tuple(entries[m].mechanism for m in sorted(mech_ids)),
        mentions=tuple(mentions), recommendations=tuple(recs), coverage=tuple(covers),
        establishments=tuple(dict.fromkeys(establishments)), risk_tags=tuple(risk_tags(document.paragraphs, tokens=tokens)),
        relations=_relations(document), outcome_of=outcome_of, responses=tuple(upr_responses(document)),
        warnings=tuple(dict.fromkeys(warnings)),
    )


def _mentions(document: ParsedDocument, reg: Registry, warnings: list[str], tokens: dict[int, Tokens]
              ) -> tuple[list[Mention], dict[int, list[tuple[str, int, int]]]]:
    """Mentions per paragraph, and mechanism spans (id, start, end) per paragraph index."""
    scanned: list[tuple[int, str, Hit]] = [
        (p.index, p.key, h) for p in document.paragraphs for h in reg.gazetteer.scan(tokens[p.index])
        if p.text[h.end : h.end + 1] != "/"]  # "CED/C/IRQ/1" is a document symbol, not the Committee
    scanned += _defined_abbreviations(document, reg, tokens, scanned)
    scanned.sort(key=lambda t: (t[0], t[2].start))
    names_drc = any(h.ids == ("state/COD",) for _, _, h in scanned)
    mentions: list[Mention] = []
    spans: dict[int, list[tuple[str, int, int]]] = {}
    for index, key, hit in scanned:
        if len(hit.ids) > 1:
            warnings.append(f"paragraph {key}: '{hit.text}' may name {', '.join(hit.ids)}; not linked")
            continue
        after_the = tokens[index].original[max(0, hit.start - 4) : hit.start] in ("the ", "The ")
        if hit.ids == ("state/COG",) and hit.alias == "Congo" and names_drc and not after_the:
            warnings.append(f"paragraph {key}: 'Congo' without 'the' in a document naming the Democratic Republic "
                            "of the Congo: the Congo or the Democratic Republic of the Congo? not linked")
            continue
        mentions.append(Mention(index, hit.ids[0], hit.text))
        if hit.ids[0].startswith("mech/"):
            spans.setdefault(index, []).append((hit.ids[0], hit.start, hit.end))
    return mentions, spans


_DEFINED = re.compile(r"\s*\((?P<abbr>[A-Z][A-Za-z0-9]{1,11})\)")


def _initials(name: str) -> str:
    return "".join(w[0] for w in re.findall(r"[A-Za-z]+", name) if w[0].isupper())


def _defined_abbreviations(document: ParsedDocument, reg: Registry, tokens: dict[int, Tokens],
                           scanned: list[tuple[int, str, Hit]]) -> list[tuple[int, str, Hit]]:
    """Mentions of abbreviations the document defines itself: "the Rwanda Defence Force (RDF)" → later "RDF".

    Only single-word abbreviations that the vocabularies do not already know, defined right
    after a linked name whose capitalised words' initials they spell (so "Mission in the DRC
    (SAMIDRC)" does not make SAMIDRC a name of the DRC).
    """
    local: dict[str, str] = {}
    for index, _, hit in scanned:
        m = _DEFINED.match(tokens[index].original, hit.end)
        if (m and len(hit.ids) == 1 and _initials(hit.text) == m.group("abbr").upper()
                and not reg.gazetteer.lookup(m.group("abbr"))):
            local.setdefault(m.group("abbr"), hit.ids[0])
    if not local:
        return []
    found: list[tuple[int, str, Hit]] = []
    for p in document.paragraphs:
        tok = tokens[p.index]
        for i in [i for i, w in enumerate(tok.words) if w in local]:
            start, end = tok.spans[i]
            if tok.original[end : end + 1] != "/":
                found.append((p.index, p.key, Hit((local[tok.words[i]],), start, end, tok.words[i], tok.words[i])))
    return found


def _country_mandates(document: ParsedDocument, reg: Registry, codes: list[tuple[str, int | None]],
                      entries: dict[str, MechanismEntry], mentions: list[Mention],
                      spans: dict[int, list[tuple[str, int, int]]]) -> None:
    """Country mandates named by pattern, and a bare "Panel of Experts" in a one-country document."""
    countries = list(dict.fromkeys(c for c, _ in codes if len(c) == 3))
    for p in document.paragraphs:
        if "Expert" not in p.text and "Rapporteur" not in p.text:
            continue
        taken = spans.get(p.index, [])
        found: list[tuple[MechanismEntry, re.Match[str]]] = []
        for m in COUNTRY_MANDATE.finditer(p.text):
            hits = list(reg.gazetteer.scan(m.group("rest")))
            if hits and hits[0].start <= 4 and hits[0].ids[0].startswith("state/") and len(hits[0].ids) == 1:
                iso3 = hits[0].ids[0].split("/")[1]
                found.append((country_mandate(m.group("kind"), iso3, reg.iso3[iso3].name), m))
        found += panels_by_resolution(p.text)
        if len(countries) == 1 and not found:
            for m in _BARE_PANEL.finditer(p.text):
                found.append((country_mandate(m.group("kind"), countries[0], reg.iso3[countries[0]].name), m))
        for entry, m in found:
            if any(s <= m.start() < e for _, s, e in taken):
                continue  # already read as a vocabulary name
            entries.setdefault(entry.mechanism.id, entry)
            mentions.append(Mention(p.index, entry.mechanism.id, m.group()))
            spans.setdefault(p.index, []).append((entry.mechanism.id, m.start(), m.end()))
            spans[p.index].sort(key=lambda s: s[1])


def _named_mandates(document: ParsedDocument, codes: list[tuple[str, int | None]],
                    entries: dict[str, MechanismEntry], mentions: list[Mention],
                    spans: dict[int, list[tuple[str, int, int]]]) -> None:
    """Mandates on the document's unlisted situations (see :mod:`.named`), where no listed name was read."""
    for index, entry, start, end, text in named_mandates(document, [c for c, _ in codes]):
        taken = spans.get(index, [])
        if any(s <= start < e or start <= s < end for _, s, e in taken):
            continue
        entries.setdefault(entry.mechanism.id, entry)
        mentions.append(Mention(index, entry.mechanism.id, text))
        spans.setdefault(index, []).append((entry.mechanism.id, start, end))
        spans[index].sort(key=lambda s: s[1])


def _issued_by(document: ParsedDocument) -> list[str]:
    symbol = document.symbol.upper()
    for prefix, organ in _RES_PREFIX:
        if symbol.startswith(prefix):
            return [organ]
    return list(dict.fromkeys(_ORGANS[o] for o in document.organs if o in _ORGANS))


def _recommendations(document: ParsedDocument, reg: Registry, codes: list[tuple[str, int | None]],
                     issued_by: list[str], concerned: tuple[str, ...]) -> tuple[list[Recommendation], list[str]]:
    countries = list(dict.fromkeys(c for c, _ in codes if len(c) == 3))
    country = f"state/{countries[0]}" if len(countries) == 1 else None
    if upr_match(document):
        sur = next((f"state/{c}" for c, _ in codes if len(c) == 3), None)
        unlisted = any(is_named(c) for c, _ in codes)
        recs, warnings = upr_recommendations(document, reg, sur, unlisted=unlisted)
        if sur:
            recs += dialogue_recommendations(document, reg, sur, recs)
        recs = [replace(r, situations=concerned) for r in recs]
        if recs and not sur and unlisted:
            warnings.append("State under review not in the controlled list: UPR recommendations have no addressee")
        elif recs and not sur:
            warnings.append("State under review not found: UPR recommendations have no addressee")
        return recs, warnings
    if document.kind is DocumentKind.RESOLUTION:
        return resolution_recommendations(document, reg, issued_by[0] if issued_by else None, concerned, country), []
    if document.kind is DocumentKind.DRAFT:
        sponsors = _sponsors(document, reg)  # a draft proposes; its sponsors, not the organ, recommend
        if not sponsors:
            return [], []
        recs = resolution_recommendations(document, reg, None, concerned, country)
        return [replace(r, by=sponsors) for r in recs], []
    return report_recommendations(document, reg, _author(document, reg), concerned, country), []


_DRAFT_TITLE = re.compile(r"^(?P<sponsors>.+?):\s+(?:revised\s+)?draft\s+resolution", re.IGNORECASE)


def _sponsors(document: ParsedDocument, reg: Registry) -> tuple[str, ...]:
    """The sponsoring States a draft's title, or the subtitle under it, lists ("France: draft resolution")."""
    m = _DRAFT_TITLE.match(" ".join((document.title or "").split())) or _DRAFT_TITLE.match(
        " ".join((document.subtitle or "").split()))
    if not m:
        return ()
    hits = reg.gazetteer.scan(m.group("sponsors"))
    return tuple(dict.fromkeys(h.ids[0] for h in hits if len(h.ids) == 1 and h.ids[0].startswith("state/")))


def _author(document: ParsedDocument, reg: Registry) -> str | None:
    """The author of a report's recommendations: the Secretary-General, a treaty body, or the titled mechanism."""
    title = " ".join((document.title or "").split())
    opening = " ".join([title, *document.agenda, *(p.text for p in document.paragraphs[:6])])
    subtitle = " ".join((document.subtitle or "").split())
    named = f"{title} {subtitle}"
    if re.search(r"(?:Report|Note|report) of the Secretary-General|Secretary-General'?s? report", named) or (
            document.kind is DocumentKind.REPORT and _SG_OPENING.search(opening)) or _sg_observations(document):
        return "un/SG"
    m = _TREATY_SYMBOL.match(document.symbol)
    if m:
        return _TREATY_MECH[m.group(1)]
    for line in (title, subtitle):
        if re.match(r"(?:Report|Note) of the ", line):
            for hit in reg.gazetteer.scan(line[:200]):
                if len(hit.ids) == 1 and hit.ids[0].startswith("mech/"):
                    return hit.ids[0]
    return None


def _sg_observations(document: ParsedDocument) -> bool:
    """A Security Council or General Assembly report whose "Observations" section speaks in the first person.

    That is how the Secretary-General's reports close; a scan's masthead may have lost the
    "Report of the Secretary-General" line.
    """
    if document.kind is not DocumentKind.REPORT or not re.match(r"(?:S|A)/(?!HRC)", document.symbol):
        return False
    return any(p.section and "Observations" in p.section and _FIRST_PERSON_I.search(p.text)
               for p in document.paragraphs)


def _actors(reg: Registry, mentions: list[Mention], recs: list[Recommendation], issued_by: list[str]
            ) -> tuple[Actor, ...]:
    ids = [m.entity_id for m in mentions] + [i for r in recs for i in (*r.by, *r.to)] + issued_by
    return tuple(reg.actors[i] for i in dict.fromkeys(ids) if i in reg.actors)


def _coverage_situations(covers: list, situations: list[Situation], reg: Registry) -> tuple[Situation, ...]:
    known = {s.id for s in situations}
    extra: dict[str, Situation] = {}
    for c in covers:
        if c.situation_id not in known and c.situation_id not in extra:
            extra[c.situation_id] = _situation_by_id(c.situation_id, reg)
    return tuple(extra.values())


def _situation_by_id(sid: str, reg: Registry) -> Situation:
    code = sid.removeprefix("sit/")
    return situation_for(code, reg)


def _relations(document: ParsedDocument) -> tuple[Relation, ...]:
    m = _MODIFIER.match(document.symbol)
    if not m:
        return ()
    kind = {"Add": "addendum_to", "Rev": "revises", "Corr": "corrects"}[m.group("kind")]
    return (Relation(kind, m.group("base")),)
