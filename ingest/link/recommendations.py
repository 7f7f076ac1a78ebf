"""Recommendations: who recommends what to whom, read from UPR reports, resolutions and reports.

* **UPR Working Group reports.** An item ending in a parenthesised list of States
  ("Ratify the … (Brazil, Chile);") is a recommendation by those States to the State under
  review; the verb is its first word. A paragraph may hold several items. The response is
  taken from the lead-in the document gives: "enjoy the support of" → ``accepted`` (cycle 1,
  before 2012) or ``supported`` (later cycles); "did not enjoy the support" or "noted" →
  ``noted``; "will be examined" / "will provide responses" → ``pending``; a closing "All
  recommendations … enjoy the support" applies to the items before it that have none. Items
  with no lead-in keep ``response=None``.
* **Resolutions.** An operative paragraph with a directive verb (Calls upon, Urges, Requests,
  Encourages, Invites, Demands, Recommends, Appeals, Exhorts) is a recommendation by the
  adopting organ to the actors named right after the verb (up to its "to"/"that" clause).
  Paragraphs that name no addressee there are not claimed.
* **Reports.** Sentences "I call upon / urge / encourage / recommend …" (by the author),
  "X are encouraged / urged / called upon to …" and, in a section whose heading says
  recommendations or conclusions, "X should …"; the addressees are the actors named in the
  subject (or after the verb for first-person forms). Sentences naming no addressee are skipped.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ontology.model import Paragraph, ParagraphKind, ParsedDocument, Recommendation

from .gazetteer import Hit
from .registry import Registry
from .vocab import read_vocab, split_aliases

_GROUP = re.compile(r"\((?P<by>(?:[^()]|\([^()]{1,60}\)){2,400})\)")  # one level of nesting: "(Iran (Islamic Republic of))"
_RECS_START = re.compile(r"conclusions|recommendations", re.IGNORECASE)
_RECS_END = re.compile(r"voluntary\s+pledges|annex|composition\s+of\s+the\s+delegation", re.IGNORECASE)
_ITEM_NUMBER = re.compile(r"(?:^|(?<=[\s:]))(?:\d{1,3}(?:\.\d{1,3})+\.?|\d{1,3}\.)\s+(?=[A-Z])")
_JOINERS = {",", "and", "the", "The", ";", "/", "-", "&", "also", "as", "well", "."}
_RESPONSES = (
    (re.compile(r"did\s+not\s+(?:enjoy|receive)\s+(?:the|its)\s+support|were\s+rejected|not\s+accepted", re.IGNORECASE), "noted"),
    (re.compile(r"enjoys?\s+(?:the|its)\s+support|were\s+accepted|has\s+accepted|accepts\s+the|already\s+implemented", re.IGNORECASE),
     "accepted"),
    (re.compile(r"will\s+be\s+examined|will\s+examine|will\s+provide\s+(?:its\s+)?responses?|will\s+consider|"
                r"responses?\s+.{0,60}will\s+be\s+(?:included|provided)", re.IGNORECASE),
     "pending"),
    (re.compile(r"\bhave\s+been\s+noted|\bwere\s+noted|\bnoted\s+by\b", re.IGNORECASE), "noted"),
)
_PUT_TO = re.compile(r"recommendations\s+(?:put\s+forward|addressed|made)\s+to\s+", re.IGNORECASE)
_NEW_ITEM = re.compile(r"^\s*[;.]\s+[A-Z]")
_CLOSING_ALL = re.compile(r"^\s*(?:\d+\.\s*)?(?:All\s+(?:the\s+)?recommendations|The\s+responses?\s+of\b.{0,80}?"
                          r"\bto\s+(?:these|the|all)\s+recommendations)", re.IGNORECASE)

DIRECTIVE_VERBS = (
    "Calls upon", "Calls on", "Urges", "Strongly urges", "Requests", "Encourages", "Strongly encourages", "Invites",
    "Demands", "Recommends", "Appeals to", "Exhorts", "Further requests", "Also requests", "Further urges",
    "Also calls upon", "Further calls upon", "Also encourages", "Further encourages", "Also urges",
)
_VERB_AT_START = re.compile(r"^\s*(?:\d+\.\s*)?(?P<verb>(?:Also |Further |Strongly |Again )?"
                            r"(?:Calls upon|Calls on|Urges|Requests|Encourages|Invites|Demands|Recommends|Appeals to|Exhorts))\b")
_ADDRESSEE_END = re.compile(
    r"\s(?:to|that|in\s+order\s+to)\s|[;:]|,\s+(?:in\s+(?:close\s+)?(?:consultation|cooperation|coordination|"
    r"collaboration|partnership)|with|through|within|including|as\s+well\s+as)\b")
_SENTENCE = re.compile(r"(?<=[.;])\s+(?=[A-Z(“\"])")
_FIRST_PERSON = re.compile(r"\bI\s+(?:also\s+|further\s+|again\s+|once\s+again\s+|strongly\s+)?"
                           r"(?P<verb>call\s+upon|call\s+on|urge|encourage|recommend|appeal\s+to|invite|request)\b")
_PASSIVE = re.compile(r"\b(?:is|are)\s+(?:also\s+|further\s+|strongly\s+)?"
                      r"(?P<verb>encouraged|urged|invited|called\s+upon|requested|recommended)\s*(?:,|to\b)")
_SHOULD = re.compile(r"\b(?P<verb>should)\b")
_RECS_SECTION = re.compile(r"recommendation|conclusion", re.IGNORECASE)


def themes_of(text: str) -> tuple[str, ...]:
    """Theme ids whose cue words occur in ``text`` (``ontology/vocab/themes.csv``)."""
    return tuple(tid for tid, cue in _theme_patterns() if cue.search(text))


_THEMES: list[tuple[str, re.Pattern[str]]] = []


def _theme_patterns() -> list[tuple[str, re.Pattern[str]]]:
    if not _THEMES:
        for row in read_vocab("themes.csv", required=("id", "name", "cues")):
            cues = "|".join(re.escape(c) for c in split_aliases(row["cues"]))
            _THEMES.append((row["id"], re.compile(rf"\b(?:{cues})\b")))
    return _THEMES


@functools.cache
def theme_names() -> dict[str, str]:
    """Theme id -> display name (``ontology/vocab/themes.csv``)."""
    return {row["id"]: row["name"] for row in read_vocab("themes.csv", required=("id", "name", "cues"))}


def _single(hit: Hit) -> str | None:
    return hit.ids[0] if len(hit.ids) == 1 else None


def recommenders(group: str, reg: Registry) -> tuple[tuple[str, ...], str]:
    """The States named in a UPR recommenders group, and any words that were not a State or a joiner."""
    found: list[str] = []
    rest = group
    for hit in sorted(reg.gazetteer.scan(group), key=lambda h: -h.start):
        ident = _single(hit)
        if ident and ident.startswith("state/"):
            found.insert(0, ident)
            rest = rest[: hit.start] + " " + rest[hit.end :]
    leftover = " ".join(w for w in re.findall(r"\w+|[^\w\s]", rest) if w not in _JOINERS and not w.isdigit())
    return tuple(dict.fromkeys(found)), leftover


def upr_recommendations(document: ParsedDocument, reg: Registry, sur: str | None, *, unlisted: bool = False
                        ) -> tuple[list[Recommendation], list[str]]:
    """Recommendations of a UPR Working Group report to the State under review ``sur`` (actor id).

    ``unlisted``: the State under review is not in the controlled list, so the recommending
    States may not be either; a recommendation closing with a parenthesised list of proper names
    ("(Eastland, Westvale)") is then read too, its recommenders left unlinked with a warning.
    """
    recs: list[Recommendation] = []
    warnings: list[str] = []
    response: str | None = None
    addressees: tuple[str, ...] = (sur,) if sur else ()
    later = (document.date or "")[:4] >= "2012"
    for index, key, full, items in _units(document, reg, unlisted=unlisted):
        lead = _split_number(items[0].body)[0] if items else full
        said = _response_in(lead)
        if not items:
            if said and _CLOSING_ALL.match(full):
                recs = [r if r.response else _with_response(r, said, later) for r in recs]
            elif said:
                response = said
            if said or _PUT_TO.search(full):
                addressees = _addressees(full, reg) or ((sur,) if sur else ())
            continue
        response = said or response
        for text, groups in _split_items(full, items):
            by: list[str] = []
            for group in groups:
                states, leftover = recommenders(group, reg)
                by += states
                if leftover:
                    warnings.append(f"paragraph {key}: recommenders '{group}' not all read as States")
            verb = text.split()[0].strip(",;:") if text.split() else None
            rec = Recommendation(index, text, tuple(dict.fromkeys(by)), addressees, verb, None,
                                 themes_of(text))
            recs.append(_with_response(rec, response, later) if response else rec)
    return recs, warnings


def _addressees(text: str, reg: Registry) -> tuple[str, ...]:
    """The States a lead-in says its recommendations were "put forward to" (else empty)."""
    m = _PUT_TO.search(text)
    if not m:
        return ()
    hits = reg.gazetteer.scan(text[m.end() : m.end() + 120])
    return tuple(dict.fromkeys(i for h in hits if (i := _single(h)) and i.startswith("state/")))


@dataclass(frozen=True, slots=True)
class _Item:
    body: str  # the text from the previous recommenders group to this one
    by: str  # the recommenders group, without its parentheses
    by_start: int  # offset of the group's "("


_NAMES = re.compile(r"^[A-Z][a-z]+(?:\s[A-Z][a-z]+)*(?:(?:,\s*|\s+and\s+)[A-Z][a-z]+(?:\s[A-Z][a-z]+)*)*$")


def _items(text: str, reg: Registry, *, unlisted: bool = False) -> list[_Item]:
    """Parenthesised groups naming States, each with the text before it.

    With ``unlisted``, also a closing group made only of proper names that name no listed entity.
    """
    items: list[_Item] = []
    previous = 0
    for m in _GROUP.finditer(text):
        states, leftover = recommenders(m.group("by"), reg)
        at_end = not text[m.end() :].strip(" ;.")
        names = unlisted and at_end and not states and _NAMES.match(" ".join(m.group("by").split()))
        if names and not any(h.ids for h in reg.gazetteer.scan(m.group("by"))):
            items.append(_Item(text[previous : m.start()], m.group("by"), m.start()))
        elif states and (not leftover or at_end):
            items.append(_Item(text[previous : m.start()], m.group("by"), m.start()))
            previous = m.end()
    return items


def _split_items(text: str, items: list[_Item]) -> list[tuple[str, list[str]]]:
    """(recommendation text, recommender groups) for each recommendation in a paragraph.

    A paragraph holds one recommendation, whose recommenders are every parenthesised list of
    States in it ("Ratify X (State A), which … (State B);"), unless it runs several printed items
    together: numbered ("1. Provide … (State A). 2. Continue … (State B).") or each starting a
    new sentence after "(State);" ("… (State A); Ensure … (State B);").
    """
    numbered = [m for m in items[1:] if _ITEM_NUMBER.search(m.body)]
    if len(items) > 1 and len(numbered) == len(items) - 1:
        return [(_split_number(m.body)[1], [m.by]) for m in items]
    if len(items) > 1 and all(_NEW_ITEM.match(m.body) for m in items[1:]):
        # "… (State A); Ensure … (State B); Consider …": items a layout ran together
        first = _split_number(items[0].body)[1]
        return [(first, [items[0].by])] + [(m.body.strip(" ;.,"), [m.by]) for m in items[1:]]
    lead, first = _split_number(text[: items[0].by_start])
    body = (first + " " + text[items[0].by_start :]).strip(" ;.") if lead else text.strip(" ;.")
    return [(body, [m.by for m in items])]


def _split_number(body: str) -> tuple[str, str]:
    """(lead text, item text): the item starts after its last printed number ("1.", "86.12.")."""
    numbers = list(_ITEM_NUMBER.finditer(body))
    if not numbers:
        return "", body.strip(" ;.")
    return body[: numbers[-1].start()], body[numbers[-1].end() :].strip(" ;.")


def _recommendations_part(document: ParsedDocument) -> list[Paragraph]:
    """The paragraphs from the "Conclusions and/or recommendations" heading to the pledges or annex.

    Parenthesised State names elsewhere (the interactive dialogue) are not recommendations. If
    the document has no such heading, every paragraph is read.
    """
    part: list[Paragraph] = []
    inside = False
    for p in document.paragraphs:
        heading = p.text if p.kind is ParagraphKind.HEADING else ""
        if _RECS_START.search(heading) or (not inside and p.section and _RECS_START.search(p.section)):
            inside = True
        if heading and _RECS_END.search(heading):
            inside = False
        if inside:
            part.append(p)
    return part or list(document.paragraphs)


def _units(document: ParsedDocument, reg: Registry, *, unlisted: bool = False
           ) -> Iterator[tuple[int, str, str, list[_Item]]]:
    """(paragraph index, key, text, items) in order, a numbered recommendation joined with its run-over lines.

    When a layout with hanging indents leaves "12.1 Ratify the Optional Protocol to the" as one
    paragraph and "Convention … (State A, State B);" as the next, unnumbered one, the two are
    read as one recommendation of the numbered paragraph.
    """
    held: tuple[int, str, str] | None = None
    joined = 0
    for p in _recommendations_part(document):
        if held and p.label is None and p.kind is not ParagraphKind.HEADING and joined < 4:
            text = f"{held[2]} {p.text}"
            items = _items(text, reg, unlisted=unlisted)
            if items:
                yield held[0], held[1], text, items
                held = None
            else:
                held, joined = (held[0], held[1], text), joined + 1
            continue
        if held:
            yield held[0], held[1], held[2], []
            held = None
        items = _items(p.text, reg, unlisted=unlisted)
        if not items and p.label and "." in p.label and p.kind is not ParagraphKind.HEADING:
            held, joined = (p.index, p.key, p.text), 0
            continue
        yield p.index, p.key, p.text, items
    if held:
        yield held[0], held[1], held[2], []


def _response_in(text: str) -> str | None:
    for pattern, value in _RESPONSES:
        if pattern.search(text):
            return value
    return None


def _with_response(rec: Recommendation, response: str, later: bool) -> Recommendation:
    value = "supported" if (response == "accepted" and later) else response
    return Recommendation(rec.paragraph_index, rec.text, rec.by, rec.to, rec.verb, value, rec.themes, rec.situations)


def _actors_in(hits: Iterable[Hit], reg: Registry) -> tuple[str, ...]:
    ids = [i for h in hits if (i := _single(h)) and i in reg.actors]
    return tuple(dict.fromkeys(ids))


_GOVERNMENT = re.compile(r"\b(?:the|its)\s+(?:\w+\s+)?(?:Government|authorities)\b(?!\s+of\b)")


def addressees(text: str, reg: Registry, country: str | None) -> tuple[str, ...]:
    """Actors named in ``text``; "the Government" / "the authorities" is the document's one country, if it has one."""
    found = list(_actors_in(reg.gazetteer.scan(text), reg))
    if country and _GOVERNMENT.search(text) and country not in found:
        found.insert(0, country)
    return tuple(found)


def resolution_recommendations(document: ParsedDocument, reg: Registry, organ: str | None,
                               situations: tuple[str, ...], country: str | None = None) -> list[Recommendation]:
    """Operative paragraphs with a directive verb, by the adopting organ, to the actors named after the verb."""
    recs: list[Recommendation] = []
    for p in document.paragraphs:
        if p.kind.value != "operative":
            continue
        m = _VERB_AT_START.match(p.text)
        if not m:
            continue
        clause = p.text[m.end() :]
        end = _ADDRESSEE_END.search(clause)
        window = clause[: end.start() if end else 200]
        to = addressees(window, reg, country)
        if to:
            recs.append(Recommendation(p.index, p.text, (organ,) if organ else (), to, m.group("verb"), None,
                                       themes_of(p.text), situations))
    return recs


def report_recommendations(document: ParsedDocument, reg: Registry, author: str | None,
                           situations: tuple[str, ...], country: str | None = None) -> list[Recommendation]:
    """First-person, passive and ("should", in recommendation sections) sentences naming their addressees."""
    if not author:
        return []
    recs: list[Recommendation] = []
    for p in document.paragraphs:
        in_recs = bool(p.section and _RECS_SECTION.search(p.section))
        for sentence in _SENTENCE.split(p.text):
            rec = _sentence_recommendation(sentence, reg, in_recs, country)
            if rec:
                verb, to = rec
                recs.append(Recommendation(p.index, sentence.strip(), (author,), to, verb, None,
                                           themes_of(sentence), situations))
    return recs


def _sentence_recommendation(sentence: str, reg: Registry, in_recs: bool, country: str | None
                             ) -> tuple[str, tuple[str, ...]] | None:
    m = _FIRST_PERSON.search(sentence)
    if m:
        clause = sentence[m.end() :]
        end = _ADDRESSEE_END.search(clause)
        to = addressees(clause[: end.start() if end else 200], reg, country)
        return (" ".join(m.group("verb").split()), to) if to else None
    m = _PASSIVE.search(sentence) or (_SHOULD.search(sentence) if in_recs else None)
    if m:
        to = addressees(sentence[: m.start()], reg, country)
        return (" ".join(m.group("verb").split()), to) if to else None
    return None
