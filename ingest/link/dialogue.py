"""UPR recommendations stated in the interactive dialogue of a Working Group report.

Early reports (2008–2009) give some recommendations only in the summary of the dialogue:
"Italy recommended that Tonga abolish the death penalty", "Germany recommended that Chad (a)
abolish …; (b) prevent …; and (c) reform …". Such a sentence is read only when the State(s)
named right before "recommended" are its subject: at the start of the sentence, or after one
opening clause ("Highlighting …, Mexico recommended (a) …"), or as the subject of a first verb
joined by "and" with nothing between that could be another subject ("Belgium requested
information regarding … and recommended that Algeria …"). The recommenders are those States,
the addressee the State under review.

"It recommended …" is read too when "It" can only be the State that spoke before in the same
paragraph (:func:`_speaker`): one State was the subject of an earlier sentence ("The Netherlands
noted …. It welcomed …. It recommended that China (a) …"), and no sentence since named another
actor or a body that could speak ("the Committee", "the Special Rapporteur").

Not read: "The delegation recommended …", "It recommended" with no such State, other verbs
("welcomed", "noted", "encouraged"), the State under review speaking, and a clause addressed to
another State. An item that repeats a recommendation the report lists with the same State is
not read twice (the list's recommender names in brackets are not counted as content).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from ontology.model import Paragraph, ParagraphKind, ParsedDocument, Recommendation

from .gazetteer import Hit
from .recommendations import themes_of
from .registry import Registry

_DIALOGUE = re.compile(r"interactive\s+dialogue", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[A-Za-z0-9)\]])\.\s+(?=[A-Z])")
_RECOMMENDED = re.compile(r"\b(?:also\s+|further\s+|strongly\s+|therefore\s+)?recommended\b")
_OPENER = re.compile(r"^(?:While|Although|Whilst|As|In|With|Given|Noting|Recalling|Referring|Taking|Welcoming|"
                     r"[A-Z][a-z]+ing)\b")
_FIRST_VERB = re.compile(r"^[^,;:()]{2,80}?(?P<verb>\s(?:also\s+|further\s+|then\s+)?[a-z]{3,}ed)\b")
_AND_BEFORE = re.compile(r",?\s+and\s+(?:also\s+|further\s+)?$")
_SUBORDINATE = re.compile(r"\b(?:that|which|who|whom|whose|whether|if|where|when|while|as)\b|[;:]")
_SUBJECT_JOINERS = re.compile(r"^(?:\s|,|and|the|The)*$")
_THAT = re.compile(r"^\s*(?:that|to)?\s*:?\s*")
_ADDRESSEE = re.compile(r"^(?:the\s+|its\s+)?(?:[A-Z][a-z]+\s+)?(?:Government|authorities|country|State)\b(?:\s+of\s+(?:the\s+)?"
                        r"[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)?|^it\b")
_PRONOUN = re.compile(r"^\s*(?:(?P<opener>[A-Z][^;:()]{0,200}?),\s+)?[Ii]t\s")  # "It …", "Noting …, it …"
_AFTER_SUBJECT = re.compile(r"^(?:,|\s+(?!and\b|or\b)[a-z])")  # a State followed by a verb or a comma
_DISCOURSE = re.compile(r"^(?:Furthermore|Moreover|Finally|Lastly|Additionally|Also|However|In\s+addition|"
                        r"In\s+conclusion|In\s+particular|In\s+this\s+(?:connection|regard|context)|On\s+the\s+issue\b)")
_BODY = re.compile(r"\b(?:Committee|Rapporteur|Commission|Council|Office|Expert|Representative|Working\s+Group|"
                   r"High\s+Commissioner|Secretary-General|Ombudsman|Institution|NGOs?|organi[sz]ations?|"
                   r"mechanisms?|treaty\s+bod(?:y|ies)|procedures?|UNICEF|UNHCR|OHCHR|UNDP|ILO|WHO|UNESCO)\b")
_ARTICLE = re.compile(r"^(?:the\s+)?")
_TO = re.compile(r"^\s*(?:to\b|should\b)?\s*:?\s*")
_MARKER = re.compile(r"(?:^|(?<=[\s;:,]))\(?(?P<letter>[a-z])\)\s+")
_LEAD_AND = re.compile(r"^(?:and|or)\s+|^that\s+")
_TAIL = re.compile(r"[\s;,:.]*(?:\band|\bor)?[\s;,:.]*$")
_QUESTION = re.compile(r"^(?:what|how|whether|if|which|why|when|who)\b")  # "asked, and recommended, what …"
_WORD = re.compile(r"[a-z]{4,}")  # content words, compared by their first five letters
_NEXT_CLAUSE = re.compile(r"(?:,\s+(?:and\s+)?|\s+and\s+)(?:also\s+)?(?:recalled|noted|welcomed|asked|expressed|stated|said|requested|"
                         r"inquired|enquired|commended|hoped|added|mentioned|observed|underlined|stressed|"
                         r"emphasi[sz]ed|praised|appreciated|acknowledged|wished|looked|queried|congratulated|encouraged|"
                         r"invited|urged|called)\b(?!\s+by\b)")
_RECOMMENDERS = re.compile(r"\s*\([^()]*\)[\s.]*$")  # "… (Canada, United Kingdom)": names, not content
_HELP = re.compile(r"^(?:the\s+)?(?:(?:technical|financial|international)\s+)?(?:assistance|support|aid)\b|"
                   r"\binternational\s+community\b")


def dialogue_recommendations(document: ParsedDocument, reg: Registry, sur: str, listed: list[Recommendation]
                             ) -> list[Recommendation]:
    """Recommendations by named States in the interactive-dialogue paragraphs, to the State under review ``sur``.

    ``listed`` are the recommendations read from the report's list; an item repeating one of
    them by the same State is skipped.
    """
    recs: list[Recommendation] = []
    for p in _dialogue(document):
        for by, text, verb in paragraph_recommendations(p.text, reg, sur):
            if not _repeats(text, by, listed):
                recs.append(Recommendation(p.index, text, by, (sur,), verb, None, themes_of(text)))
    return recs


def paragraph_recommendations(text: str, reg: Registry, sur: str) -> Iterator[tuple[tuple[str, ...], str, str | None]]:
    """(recommenders, item text, verb) of every recommendation in one dialogue paragraph, sentence by
    sentence; "It recommended" is read when the speaker "It" stands for is known (:func:`_speaker`)."""
    speaker: tuple[str, ...] = ()
    for sentence in _SENTENCE_END.split(text):
        yield from sentence_recommendations(sentence, reg, sur, speaker)
        speaker = _speaker(sentence, reg, speaker, sur)


def _speaker(sentence: str, reg: Registry, before: tuple[str, ...], sur: str) -> tuple[str, ...]:
    """The one State "It" stands for in the sentence after ``sentence`` (``before``: the one it stood for so far).

    - A sentence whose subject is one named State ("Turkey, while noting …, welcomed", "Noting …,
      Bahrain asked", "Switzerland has followed") makes that State the speaker.
    - A sentence whose subject is "it" keeps the speaker, unless an opening clause names another actor.
    - Any other sentence keeps the speaker only when it names no actor but the speaker and the State
      under review, and no body that could speak ("the Committee", "the Special Rapporteur"):
      "It" could otherwise stand for what it names.
    """
    hits = list(reg.gazetteer.scan(sentence))
    subject = _named_subject(sentence, hits)
    if subject:
        return subject
    pronoun = _PRONOUN.match(sentence)
    if pronoun:
        return before if _only_known([h for h in hits if h.end <= pronoun.end()], before, sur) else ()
    if not _only_known(hits, before, sur) or _BODY.search(sentence):
        return ()
    return before


def _only_known(hits: Iterable[Hit], speaker: tuple[str, ...], sur: str) -> bool:
    """Whether the names found are only the speaker and the State under review (or its situation)."""
    known = set(speaker) | {sur, sur.replace("state/", "sit/")}
    return all(set(h.ids) <= known for h in hits)


def _named_subject(sentence: str, hits: list[Hit]) -> tuple[str, ...]:
    """The one State that is the subject of ``sentence``: named first (after "The" at most), or right
    after an opening clause and its comma, and followed by a verb or a comma (not by another name)."""
    for n, hit in enumerate(hits):
        lead = sentence[: hit.start].strip()
        opener = lead.endswith(",") and bool(_OPENER.match(sentence) or _DISCOURSE.match(sentence))
        if lead not in ("", "The") and not opener:
            continue
        after = sentence[hit.end :]
        listed = n + 1 < len(hits) and hits[n + 1].start - hit.end <= 6  # "Mexico, Brazil and …", "Mexico and Chile"
        states = _states([hit])
        return tuple(states) if len(states) == 1 and not listed and _AFTER_SUBJECT.match(after) else ()
    return ()


def _dialogue(document: ParsedDocument) -> Iterator[Paragraph]:
    for p in document.paragraphs:
        if p.kind is not ParagraphKind.HEADING and p.section and _DIALOGUE.search(p.section):
            yield p


def _states(hits: list[Hit]) -> list[str]:
    return [h.ids[0] for h in hits if len(h.ids) == 1 and h.ids[0].startswith("state/")]


def _subject(sentence: str, at: int, reg: Registry, speaker: tuple[str, ...] = (), sur: str = "") -> tuple[str, ...]:
    """The States that are the subject of the verb at offset ``at`` (empty if the subject is anything else).

    A subject "it" opening the sentence, or after an opening clause naming no actor but ``speaker``
    and the State under review ``sur``, stands for ``speaker``.
    """
    head = sentence[:at]
    pronoun = _PRONOUN.match(head)
    if pronoun and not head[pronoun.end() :].strip():
        return speaker if _only_known(reg.gazetteer.scan(pronoun.group("opener") or ""), speaker, sur) else ()
    hits = list(reg.gazetteer.scan(head))
    chain: list[Hit] = []
    end = len(head)
    for hit in reversed(hits):
        if not _SUBJECT_JOINERS.match(head[hit.end : end]):
            break
        chain.insert(0, hit)
        end = hit.start
    states = _states(chain)
    if not chain or len(states) != len(chain):
        return ()
    before = head[:end].rstrip()
    before = re.sub(r"(?:\bthe|\bThe)$", "", before).rstrip()
    if before and not (before.endswith(",") and _OPENER.match(sentence)):
        return ()
    return tuple(dict.fromkeys(states))


def _coordinated_subject(sentence: str, at: int, reg: Registry, speaker: tuple[str, ...] = (), sur: str = ""
                         ) -> tuple[str, ...]:
    """The States opening the sentence when "recommended" is their second verb ("Belgium requested … and recommended").

    Read only when nothing between the two verbs could be another subject: no named actor and no
    subordinate clause ("that", "which", "whether" …).
    """
    m = _AND_BEFORE.search(sentence[:at])
    first = _FIRST_VERB.match(sentence)
    if not m or not first or m.start() < first.end():
        return ()
    between = sentence[first.end() : m.start()]
    if _SUBORDINATE.search(between) or any(True for _ in reg.gazetteer.scan(between)):
        return ()
    return _subject(sentence, first.start("verb"), reg, speaker, sur)


def sentence_recommendations(sentence: str, reg: Registry, sur: str, speaker: tuple[str, ...] = ()
                             ) -> Iterator[tuple[tuple[str, ...], str, str | None]]:
    """(recommenders, item text, verb) for the "<State> recommended …" clause of one sentence, if it has one.

    ``sur`` is the State under review (actor id): the addressee, never a recommender. The verb
    is the item's first word when the item follows its addressee ("that Chad abolish …").
    """
    m = _RECOMMENDED.search(sentence)
    if not m:
        return
    by = _subject(sentence, m.start(), reg, speaker, sur) or _coordinated_subject(sentence, m.start(), reg, speaker, sur)
    if not by or sur in by:
        return
    after = sentence[m.end() :]
    rest = _THAT.sub("", after, count=1)
    infinitive = bool(re.match(r"^\s*to\b", after))  # "recommended to (a) establish …"
    stripped, named = _strip_addressee(rest, reg, sur)
    if stripped is None:
        return
    for item, addressed in _split(stripped, reg, sur, named or infinitive):
        if item is None:
            return
        words = [w for w in item.split() if not w.endswith("ly")]
        if len(words) >= 2 and not _HELP.search(item) and not _QUESTION.match(item):
            yield by, item, (words[0] if addressed else None)


def _strip_addressee(text: str, reg: Registry, sur: str) -> tuple[str | None, bool]:
    """The text after a leading addressee ("Chad", "the Government", "it"), and whether one was there.

    ``None`` when the clause opens with another State: it is not addressed to the State under review.
    """
    hits = list(reg.gazetteer.scan(text[:80]))
    article = _ARTICLE.match(text)  # always matches, perhaps empty
    lead = article.end() if article else 0
    if hits and hits[0].start <= lead:
        if _states([hits[0]]) != [sur]:
            return None, False
        rest = text[hits[0].end :]
        return _TO.sub("", rest, count=1), True
    m = _ADDRESSEE.match(text)
    if m:
        return _TO.sub("", text[m.end() :], count=1), True
    return text, False


def _split(text: str, reg: Registry, sur: str, named: bool) -> Iterator[tuple[str | None, bool]]:
    """The items of a clause: lettered "(a) …; (b) …" in order, else the clause as one item."""
    markers: list[re.Match[str]] = []
    for m in _MARKER.finditer(text):
        first = not markers and (m.group("letter") == "a" or not text[: m.start()].strip(" :;,"))
        if first or (markers and ord(m.group("letter")) - ord(markers[-1].group("letter")) == 1):
            markers.append(m)
    if not markers:
        yield _clean(text), named or _gerund(text)
        return
    if text[: markers[0].start()].strip(" :;,"):
        yield None, False  # "recommended that measures (a) …": a lead-in shared by the items
        return
    stops = [m.start() for m in markers[1:]] + [len(text)]
    for m, stop in zip(markers, stops, strict=True):
        body, addressed = _strip_addressee(_LEAD_AND.sub("", text[m.end() : stop].strip()), reg, sur)
        if body is not None:
            yield _clean(body), addressed or named or _gerund(body)


def _gerund(text: str) -> bool:
    """Whether an item opens with a verb in -ing ("taking necessary measures …"): its first word is then the verb."""
    return bool(re.match(r"^[a-z]{3,}ing\b", text))


def _clean(text: str) -> str:
    text = _LEAD_AND.sub("", " ".join(text.split()).lstrip(" ,;:"))
    end = _NEXT_CLAUSE.search(text)
    text = text[: end.start()] if end else text
    return _TAIL.sub("", text)


def _content(text: str) -> set[str]:
    return {w[:5] for w in _WORD.findall(text.lower())}


def _repeats(text: str, by: tuple[str, ...], listed: list[Recommendation]) -> bool:
    """Whether a listed recommendation by one of ``by`` says much the same (most content words shared)."""
    words = _content(text)
    for rec in listed:
        if set(by) & set(rec.by):
            other = _content(_RECOMMENDERS.sub("", rec.text))
            if words and len(words & other) >= 0.5 * min(len(words), len(other) or 1):
                return True
    return False
