"""The frozen model types every package exchanges.

`ingest` produces a :class:`ParsedDocument` (what the PDF says) and a :class:`DocumentFacts`
(what was linked from it: actors, situations, mechanisms, recommendations, risk-factor tags).
`graph` stores both, atomically per document, and gives them back; `search` and the RDF export
read them. Every fact points at the paragraph it was read from through ``paragraph_index`` (the
position of the paragraph in ``ParsedDocument.paragraphs``) so provenance is never lost.

Only additive changes here (new fields with defaults): every package depends on these shapes.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from enum import StrEnum
from typing import Any


class DocumentKind(StrEnum):
    RESOLUTION = "resolution"
    DRAFT = "draft"
    REPORT = "report"
    LETTER = "letter"
    NOTE = "note"
    RECORD = "record"
    OTHER = "other"


class ParagraphKind(StrEnum):
    NUMBERED = "numbered"  # a numbered paragraph of a report ("12.", "109.3.")
    PREAMBULAR = "preambular"  # resolution preamble ("Recalling …,")
    OPERATIVE = "operative"  # resolution operative paragraph ("3. Urges …;")
    HEADING = "heading"  # section heading ("IV. Conclusions and recommendations")
    TEXT = "text"  # any other running text (unnumbered)
    TABLE = "table"  # a ruled table: a row a line, cells parted by " | "


class ActorKind(StrEnum):
    STATE = "state"  # Member State or observer State
    REGIONAL_ORGANIZATION = "regional_organization"  # regional or subregional organization
    UN_ENTITY = "un_entity"  # UN organ, body, office, agency or official
    CIVIL_SOCIETY = "civil_society"
    OTHER = "other"


class MechanismType(StrEnum):
    SPECIAL_PROCEDURE = "special_procedure"
    COMMISSION_OF_INQUIRY = "commission_of_inquiry"  # also fact-finding missions, investigative mechanisms
    TREATY_BODY = "treaty_body"
    UPR = "upr"
    COURT = "court"
    PEACEBUILDING_COMMISSION = "peacebuilding_commission"
    SANCTIONS = "sanctions"  # sanctions committees, regimes and panels of experts
    PEACE_OPERATION = "peace_operation"  # peacekeeping and special political missions
    SPECIAL_ADVISER = "special_adviser"
    EARLY_WARNING = "early_warning"


_SPACES = re.compile(r"\s+")


def symbol_key(symbol: str) -> str:
    """The comparison key of a document symbol: white space removed, upper case.

    ``"S/RES/2417 (2018)"`` and ``"s/res/2417(2018)"`` share the key ``"S/RES/2417(2018)"``.
    """
    return _SPACES.sub("", symbol).upper()


# ---------------------------------------------------------------------------------------------
# What the PDF says
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Footnote:
    label: str  # "12"
    text: str
    page: int  # 1-based


@dataclass(frozen=True, slots=True)
class Citation:
    """A document symbol cited in the text, as resolved from what was written."""

    symbol: str  # normalised symbol of the cited document: "S/RES/2417 (2018)", "A/HRC/61/41/Add.1"
    text: str  # as written: "Security Council resolution 2417 (2018)"
    paragraph: str | None = None  # label of the citing paragraph (None when unnumbered)
    paragraph_index: int | None = None  # index of the citing paragraph in ParsedDocument.paragraphs
    footnote: str | None = None  # label of the footnote it was read in, when it was read in one
    pinpoint: str | None = None  # the cited paragraph of the target ("138"), when given


@dataclass(frozen=True, slots=True)
class Paragraph:
    index: int  # 0-based position in document order
    key: str  # unique within the document, URL path safe: "12", "12/a", "12/a/i", "109.3", "p5"
    label: str | None  # as printed: "12", "12 (a)", "109.3"; None for unnumbered paragraphs
    kind: ParagraphKind
    text: str
    page: int  # 1-based page where the paragraph starts
    section: str | None = None  # heading of the section it stands in: "IV. Conclusions and recommendations"
    footnotes: tuple[str, ...] = ()  # labels of the footnotes it cites
    parent: str | None = None  # key of the parent paragraph for subparagraphs ("12" for "12/a")
    verb: str | None = None  # lead verb of a resolution paragraph ("Urges", "Recalling")


@dataclass(frozen=True, slots=True)
class ParsedDocument:
    file: str  # path as given
    sha256: str  # of the file's bytes
    symbols: tuple[str, ...]  # primary first; both halves of a joint symbol
    title: str | None
    date: str | None  # ISO 8601: a day, or a year alone where the document prints only that ("2025")
    language: str | None  # ISO 639-1, detected from the text
    organs: tuple[str, ...]  # "General Assembly", "Security Council", "Human Rights Council", …
    kind: DocumentKind
    pages: int
    paragraphs: tuple[Paragraph, ...] = ()
    footnotes: tuple[Footnote, ...] = ()
    citations: tuple[Citation, ...] = ()
    warnings: tuple[str, ...] = ()
    session: str | None = None  # "Eightieth session", "Eighty-first year"
    agenda: tuple[str, ...] = ()  # agenda item lines as printed
    distribution: str | None = None  # "General", "Limited", "Restricted"
    original_language: str | None = None  # ISO 639-1 of "Original: English"
    job_number: str | None = None  # "25-02112 (E)", "GE.14-12578"
    subtitle: str | None = None  # the lines under the title: "Report of the Secretary-General", a draft's sponsors
    reading: int = 0  # version of the reading rules (``ingest.pipeline.READING``) it was read by; 0: before stamps

    @property
    def symbol(self) -> str:
        """The primary symbol (the document's key)."""
        return self.symbols[0] if self.symbols else ""

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict (enums as their values, tuples as lists)."""
        return _jsonable(asdict(self))


# ---------------------------------------------------------------------------------------------
# What was linked from it
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Actor:
    id: str  # stable: "state/SDN", "org/AU", "un/OHCHR", "cso/global-centre-r2p"
    name: str  # UN short name: "Sudan" (display), not "the Sudan"
    kind: ActorKind
    iso3: str | None = None
    m49: str | None = None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Situation:
    id: str  # stable: "sit/SDN" (country situation) or "sit/SDN/darfur" (named crisis)
    name: str
    iso3: str | None = None  # the country the situation is in, when it is one country


@dataclass(frozen=True, slots=True)
class Mechanism:
    id: str  # stable: "mech/unmiss", "mech/sr-myanmar", "mech/upr"
    name: str
    type: MechanismType
    acronym: str | None = None
    established_by: tuple[str, ...] = ()  # symbols of founding resolutions, when known


@dataclass(frozen=True, slots=True)
class Mention:
    """An entity named in a paragraph (MENTIONS)."""

    paragraph_index: int
    entity_id: str  # an Actor, Situation or Mechanism id
    text: str  # the words that named it


@dataclass(frozen=True, slots=True)
class Recommendation:
    """Who recommends what to whom, from which paragraph."""

    paragraph_index: int
    text: str
    by: tuple[str, ...]  # actor or mechanism ids of the recommenders
    to: tuple[str, ...]  # actor ids of the addressees
    verb: str | None = None  # "Ratify", "Calls upon", "encouraged"
    response: str | None = None  # UPR: "supported" / "noted" / "accepted" where the document gives it
    themes: tuple[str, ...] = ()
    situations: tuple[str, ...] = ()  # situation ids it concerns


@dataclass(frozen=True, slots=True)
class Response:
    """A State's position on recommendations of its UPR Working Group report, stated in an addendum.

    ``items`` are numbered as the addendum numbers them: ``"115.3"`` (the report's paragraph and
    item), or ``"3"`` where the addendum counts the report's list of pending recommendations from 1.
    """

    paragraph_index: int  # the addendum's paragraph that states it
    report: str  # symbol of the Working Group report holding the recommendations
    items: tuple[str, ...]
    position: str  # "supported" | "noted" ("accepted" before 2012, as the reports of cycle 1 say)


@dataclass(frozen=True, slots=True)
class Coverage:
    """Evidence that a mechanism covered a situation (COVERS), read in one paragraph."""

    mechanism_id: str
    situation_id: str
    paragraph_index: int
    date: str | None = None  # ISO date of the evidence (usually the document date)


@dataclass(frozen=True, slots=True)
class Establishment:
    """A mechanism established, renewed or extended by a resolution (ESTABLISHED_BY)."""

    mechanism_id: str
    symbol: str  # the resolution's symbol
    paragraph_index: int | None = None
    action: str = "established"  # "established" | "renewed" | "extended"


@dataclass(frozen=True, slots=True)
class RiskTag:
    """A paragraph discusses a Framework of Analysis risk factor (never: a crime occurred)."""

    paragraph_index: int
    factor: str  # "RF1" … "RF14", or an indicator "RF7.3"
    confidence: float  # 0..1
    method: str  # "lexicon-v1", "embedding-v1", …


@dataclass(frozen=True, slots=True)
class Relation:
    """REVISES / CORRECTS / ADDENDUM_TO between this document and another symbol."""

    type: str  # "revises" | "corrects" | "addendum_to"
    symbol: str


@dataclass(frozen=True, slots=True)
class Membership:
    """An actor is part of, or a member of, an organization (MEMBER_OF).

    ``source`` says where the claim comes from: ``"vocabulary"`` (the curated vocabulary's
    ``parent`` column, e.g. the AU Peace and Security Council is an organ of the African Union;
    no paragraph) or ``"text"`` (stated in the paragraph at ``paragraph_index``).
    """

    member_id: str
    organization_id: str
    source: str = "vocabulary"  # "vocabulary" | "text"
    paragraph_index: int | None = None


@dataclass(frozen=True, slots=True)
class DocumentFacts:
    """Everything linked from one document; the store replaces it whole on re-ingest."""

    issued_by: tuple[str, ...] = ()  # actor ids of the issuing organs
    situations: tuple[str, ...] = ()  # situation ids the document concerns (CONCERNS)
    actors: tuple[Actor, ...] = ()  # every actor referenced below, with its attributes
    situation_defs: tuple[Situation, ...] = ()
    mechanisms: tuple[Mechanism, ...] = ()
    mentions: tuple[Mention, ...] = ()
    recommendations: tuple[Recommendation, ...] = ()
    coverage: tuple[Coverage, ...] = ()
    establishments: tuple[Establishment, ...] = ()
    risk_tags: tuple[RiskTag, ...] = ()
    relations: tuple[Relation, ...] = ()
    memberships: tuple[Membership, ...] = ()  # MEMBER_OF among the actors above
    # mechanisms whose outcome the document is (the UPR for a Working Group report): its
    # recommendations are made through them, whoever makes them
    outcome_of: tuple[str, ...] = ()
    # positions on recommendations of another document (a UPR Working Group report), stated here
    responses: tuple[Response, ...] = ()
    warnings: tuple[str, ...] = ()  # what linking could not decide ("'Guinea' ambiguous in para 12")

    def to_json(self) -> dict[str, Any]:
        return _jsonable(asdict(self))


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, StrEnum):
        return value.value
    return value


__all__ = [
    "Actor", "ActorKind", "Citation", "Coverage", "DocumentFacts", "DocumentKind", "Establishment",
    "Footnote", "Mechanism", "MechanismType", "Membership", "Mention", "Paragraph", "ParagraphKind", "ParsedDocument",
    "Recommendation", "Relation", "Response", "RiskTag", "Situation", "symbol_key",
]
