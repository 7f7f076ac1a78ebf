"""Situations a document concerns (CONCERNS) and the mechanisms that covered them (COVERS).

A document concerns a country situation ``sit/<ISO3>`` when:

* it is a report of the Working Group on the Universal Periodic Review: the State under review,
  read from the title ("… Universal Periodic Review* Ecuador") or, failing that, from "the
  review of <State> was held";
* a State is named in its title or agenda-item lines right after "situation in/concerning",
  "on", "in", "for", "regarding" or "of human rights in" (never after "Permanent Representative
  of" or "Mission of": that is a letter's author);
* a resolution reaffirms "the sovereignty, independence, (territorial integrity and) unity of
  <State>";
* a resolution establishes, extends or renews a mechanism with a country mandate;
* its symbol carries the State's code: treaty-body documents on a State party
  (``CEDAW/C/CAF/CO/6``) and UPR documents for a review (``A/HRC/WG.6/1/ECU/1``).

Named crises are read only where the vocabulary or the title names them: "Darfur" →
``sit/SDN/darfur``, "Abyei" → ``sit/abyei`` (the Abyei Area is not one State's, so no ISO3).
"""

from __future__ import annotations

import re

from ontology.model import Coverage, DocumentKind, ParsedDocument, Situation

from .gazetteer import Hit
from .mechanisms import MechanismEntry
from .named import is_named, named_situation
from .registry import Registry

NAMED_CRISES = {"darfur": ("sit/SDN/darfur", "Darfur", "SDN"), "abyei": ("sit/abyei", "Abyei Area", None)}
_CRISIS_WORD = re.compile(r"\b(Darfur|Abyei)\b", re.IGNORECASE)
_CUE_BEFORE = re.compile(
    r"(?:situation\s+(?:of\s+human\s+rights\s+)?(?:in|concerning|of|on)|human\s+rights\s+in|question\s+of|"
    r"\bon|\bin|\bfor|\bregarding|\bconcerning|Review\W*)\s*(?:the\s+)?$", re.IGNORECASE)
_AUTHOR_BEFORE = re.compile(r"(?:Representative|Mission|Government|Chargé d'affaires\s+a\.i\.)\s+of\s+(?:the\s+)?$", re.IGNORECASE)
_UPR_REPORT = re.compile(r"Working\s+Group\s+on\s+the\s+Universal\s+Periodic\s+Review", re.IGNORECASE)
_COUNTRY_SYMBOL = re.compile(r"^(?:(?:CERD|CEDAW|CAT|CRC|CMW|CRPD|CED|CCPR|E/C\.12)/C|A/HRC/WG\.6/\d+)/(?P<iso>[A-Z]{3})/")
_UPR_ANY = re.compile(r"Universal\s+Periodic\s+Review", re.IGNORECASE)
_HRC_REPORT_SYMBOL = re.compile(r"^A/HRC/\d+/\d+$")


def upr_match(document: ParsedDocument) -> re.Match[str] | None:
    """Where the masthead says this is a report of the UPR Working Group (None if it is not one).

    "Report of the Working Group on the Universal Periodic Review", or, for a Council report
    ``A/HRC/<session>/<n>`` whose masthead lost that line (or misprints it), the agenda item
    "Universal Periodic Review".
    """
    masthead = " \n ".join([" ".join((document.title or "").split()), *document.agenda])
    m = _UPR_REPORT.search(masthead)
    if m or not _HRC_REPORT_SYMBOL.match(document.symbol):
        return m
    return None if document.kind is DocumentKind.RESOLUTION else _UPR_ANY.search(masthead)
_UPR_REVIEW_OF = re.compile(r"\breview\s+of\s+(?:the\s+)?(?P<state>[A-Z][^.,;]{2,60}?)\s+was\s+held")
_SOVEREIGNTY = re.compile(r"\bsovereignty\b[^.;]{0,90}?\b(?:unity|integrity|independence)\s+of\s+(?:the\s+)?", re.IGNORECASE)
_THREAT = re.compile(r"Determining\s+that\s+the\s+situation\s+in\s+(?:the\s+)?")


def situation_for(code: str, reg: Registry) -> Situation:
    """The Situation for an ISO3 code or a named-crisis key ("SDN/darfur", "abyei")."""
    if is_named(code):
        return named_situation(code)
    key = code.split("/")[-1].lower()
    if "/" in code or key in NAMED_CRISES:
        sid, name, iso3 = NAMED_CRISES[key]
        return Situation(sid, name, iso3)
    actor = reg.iso3[code]
    return Situation(f"sit/{code}", actor.name, code)


def _states_after_cues(text: str, reg: Registry) -> list[str]:
    fold = text.isupper()
    found: list[str] = []
    for hit in reg.gazetteer.scan(text, fold=fold):
        state = _state_of(hit)
        before = text[max(0, hit.start - 60) : hit.start]
        if state and _CUE_BEFORE.search(before) and not _AUTHOR_BEFORE.search(before):
            found.append(state)
    return found


def _state_of(hit: Hit) -> str | None:
    ids = [i for i in hit.ids if i.startswith("state/")]
    return ids[0].split("/")[1] if len(hit.ids) == 1 and ids else None


def document_situations(document: ParsedDocument, reg: Registry) -> list[tuple[str, int | None]]:
    """(situation code, evidence paragraph index or None for title/agenda) the document concerns."""
    found: list[tuple[str, int | None]] = []
    title = " ".join((document.title or "").split())
    masthead = " \n ".join([title, *document.agenda])
    upr = upr_match(document)
    if upr:
        found += [(s, None) for s in _states_in(masthead[upr.end() :], reg)[:1]]
        if not found:
            found += _upr_from_text(document, reg)
    else:
        found += [(s, None) for s in _states_after_cues(title, reg) or _title_subject(title, reg)
                  or _founded_by(title, reg)]
        for line in document.agenda:
            found += [(s, None) for s in _states_after_cues(line, reg)]
    for text in (title, *document.agenda):
        for m in _CRISIS_WORD.finditer(text):
            found.append(("SDN/darfur" if m.group(1).lower() == "darfur" else "abyei", None))
    if document.kind in (DocumentKind.RESOLUTION, DocumentKind.DRAFT):
        found += _sovereignty(document, reg)
    coded = _COUNTRY_SYMBOL.match(document.symbol)
    if coded and coded.group("iso") in reg.iso3:
        found.append((coded.group("iso"), None))
    return list(dict.fromkeys(found))


_SC_RESOLUTION = re.compile(r"\bresolution\s+(\d{1,4})\s+\((\d{4})\)")


def _founded_by(title: str, reg: Registry) -> list[str]:
    """The situations of the country mechanisms that a Security Council resolution named in the title established:
    "Letter … from the Panel of Experts established pursuant to Security Council resolution 2653 (2022) …" is
    about Haiti, since resolution 2653 (2022) established the Panel of Experts on Haiti."""
    symbols = {f"S/RES/{m.group(1)} ({m.group(2)})" for m in _SC_RESOLUTION.finditer(title)}
    return list(dict.fromkeys(e.situation for e in reg.mechanisms.values()
                              if e.situation and symbols & set(e.mechanism.established_by)))


def _states_in(text: str, reg: Registry) -> list[str]:
    found = [s for h in reg.gazetteer.scan(text) if (s := _state_of(h))]
    return found or [s for h in reg.gazetteer.scan(text, fold=True) if (s := _state_of(h))]


def _upr_from_text(document: ParsedDocument, reg: Registry) -> list[tuple[str, int | None]]:
    for p in document.paragraphs[:40]:
        m = _UPR_REVIEW_OF.search(p.text)
        if m:
            states = _states_in(m.group("state"), reg)
            if states:
                return [(states[0], p.index)]
    return []


def _sovereignty(document: ParsedDocument, reg: Registry) -> list[tuple[str, int | None]]:
    """States whose sovereignty a resolution reaffirms, or whose situation it determines a threat to peace."""
    found: list[tuple[str, int | None]] = []
    for p in document.paragraphs:
        if p.kind.value not in ("preambular", "text"):
            continue
        for m in (*_SOVEREIGNTY.finditer(p.text), *_THREAT.finditer(p.text)):
            hits = list(reg.gazetteer.scan(p.text[m.end() : m.end() + 80]))
            state = _state_of(hits[0]) if hits and hits[0].start == 0 else None
            if state:
                found.append((state, p.index))
    return found


def _title_subject(title: str, reg: Registry) -> list[str]:
    """A title that is a State's name, or starts with the name of a country-mandated mechanism."""
    clean = title.strip(" *").strip()
    hits = list(reg.gazetteer.scan(clean)) if clean else []
    if not hits or hits[0].start > 0 or len(hits[0].ids) != 1:
        return []
    ident = hits[0].ids[0]
    if ident.startswith("state/") and hits[0].end >= len(clean.rstrip(" *")):
        return [ident.split("/")[1]]
    entry = reg.mechanisms.get(ident)
    return [entry.situation] if entry and entry.situation else []


def coverage(mentions: list[tuple[int, str]], concerned: list[str], entries: dict[str, MechanismEntry],
             reg: Registry, *, date: str | None, texts: dict[int, str] | None = None) -> list[Coverage]:
    """COVERS evidence from mechanism mentions (paragraph index, mechanism id).

    The rule, conservative on purpose:

    * a mechanism with a country mandate covers its own situation, and every paragraph of any
      document that names it is evidence (dated with the document);
    * a mechanism without a country mandate (treaty body, thematic mandate, court, UPR, PBC…)
      covers the situation of a document only when the document concerns exactly one
      situation; the paragraphs that name it are the evidence. With several situations, which
      one the paragraph speaks of is not decided, so no coverage is claimed. When that one
      situation is an unlisted one (``sit/x-…``, see :mod:`.named`), other unlisted places the
      document names cannot be seen, so the paragraph (from ``texts``) must name the situation too.
    """
    facts: list[Coverage] = []
    for index, mech_id in mentions:
        entry = entries.get(mech_id)
        if entry is None:
            continue
        if entry.situation:
            facts.append(Coverage(mech_id, situation_for(entry.situation, reg).id, index, date))
        elif len(concerned) == 1 and _speaks_of(concerned[0], (texts or {}).get(index, ""), reg):
            facts.append(Coverage(mech_id, concerned[0], index, date))
    return list(dict.fromkeys(facts))


def _speaks_of(situation_id: str, text: str, reg: Registry) -> bool:
    """True for a listed situation; for an unlisted one, whether ``text`` names it."""
    if not situation_id.startswith("sit/x-"):
        return True
    name = situation_for(situation_id.removeprefix("sit/"), reg).name
    return re.search(r"\b" + re.escape(name) + r"\b", text, re.IGNORECASE) is not None
