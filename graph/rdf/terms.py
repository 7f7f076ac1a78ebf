"""Plain-string forms of the vocabulary terms the export writes and the RDF term tuples it uses.

Every constant is read through a failing namespace (``ontology.terms``, ``rdflib.namespace``), so a
misspelt term breaks the import of this module. Objects of triples are small tuples, cheap to build
and to render in every format:

- ``(IRI, iri)`` a node; ``(STR, text)`` an ``xsd:string``; ``(LANG, text, tag)`` a language-tagged
  string; ``(TYPED, lexical, datatype_iri)`` any other literal.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from rdflib.namespace import DCAT, DCTERMS, ORG, OWL, PROV, RDF, RDFS, SKOS, VOID, XSD

from ontology.terms import CITO, ELI, OA, R2P, UNDO

IRI, STR, LANG, TYPED = 0, 1, 2, 3
Obj = tuple  # (kind, value[, tag or datatype])
Prop = tuple[str, Obj]

A = str(RDF.type)
# r2p terms, as module constants: R2P_<Name> (attribute access fails at import on a misspelling)
R2P_Document = str(R2P.Document)
R2P_Report = str(R2P.Report)
R2P_Resolution = str(R2P.Resolution)
R2P_Draft = str(R2P.Draft)
R2P_Letter = str(R2P.Letter)
R2P_Note = str(R2P.Note)
R2P_MeetingRecord = str(R2P.MeetingRecord)
R2P_LanguageVersion = str(R2P.LanguageVersion)
R2P_File = str(R2P.File)
R2P_Paragraph = str(R2P.Paragraph)
R2P_Subparagraph = str(R2P.Subparagraph)
R2P_Footnote = str(R2P.Footnote)
R2P_Citation = str(R2P.Citation)
R2P_Actor = str(R2P.Actor)
R2P_State = str(R2P.State)
R2P_RegionalOrganization = str(R2P.RegionalOrganization)
R2P_UNEntity = str(R2P.UNEntity)
R2P_CivilSocietyOrganization = str(R2P.CivilSocietyOrganization)
R2P_Situation = str(R2P.Situation)
R2P_Mechanism = str(R2P.Mechanism)
R2P_SpecialProcedure = str(R2P.SpecialProcedure)
R2P_CommissionOfInquiry = str(R2P.CommissionOfInquiry)
R2P_TreatyBody = str(R2P.TreatyBody)
R2P_UniversalPeriodicReview = str(R2P.UniversalPeriodicReview)
R2P_Court = str(R2P.Court)
R2P_PeacebuildingCommission = str(R2P.PeacebuildingCommission)
R2P_SanctionsRegime = str(R2P.SanctionsRegime)
R2P_PeaceOperation = str(R2P.PeaceOperation)
R2P_SpecialAdviser = str(R2P.SpecialAdviser)
R2P_EarlyWarningSystem = str(R2P.EarlyWarningSystem)
R2P_Recommendation = str(R2P.Recommendation)
R2P_Coverage = str(R2P.Coverage)
R2P_Establishment = str(R2P.Establishment)
R2P_Membership = str(R2P.Membership)
R2P_ActorVocabulary = str(R2P.ActorVocabulary)
R2P_Indicator = str(R2P.Indicator)
R2P_RiskTag = str(R2P.RiskTag)
R2P_ExtractionRun = str(R2P.ExtractionRun)
R2P_Software = str(R2P.Software)
R2P_iso3166Alpha3 = str(R2P.iso3166Alpha3)
R2P_m49 = str(R2P.m49)
R2P_primarySymbol = str(R2P.primarySymbol)
R2P_documentKind = str(R2P.documentKind)
R2P_organ = str(R2P.organ)
R2P_issuedBy = str(R2P.issuedBy)
R2P_dateIssued = str(R2P.dateIssued)
R2P_originalLanguage = str(R2P.originalLanguage)
R2P_jobNumber = str(R2P.jobNumber)
R2P_subtitle = str(R2P.subtitle)
R2P_distribution = str(R2P.distribution)
R2P_session = str(R2P.session)
R2P_agendaItem = str(R2P.agendaItem)
R2P_pageCount = str(R2P.pageCount)
R2P_concernsSituation = str(R2P.concernsSituation)
R2P_revises = str(R2P.revises)
R2P_corrects = str(R2P.corrects)
R2P_addendumTo = str(R2P.addendumTo)
R2P_aknWork = str(R2P.aknWork)
R2P_sha256 = str(R2P.sha256)
R2P_number = str(R2P.number)
R2P_key = str(R2P.key)
R2P_position = str(R2P.position)
R2P_paragraphKind = str(R2P.paragraphKind)
R2P_text = str(R2P.text)
R2P_page = str(R2P.page)
R2P_sectionHeading = str(R2P.sectionHeading)
R2P_leadVerb = str(R2P.leadVerb)
R2P_hasFootnote = str(R2P.hasFootnote)
R2P_mentions = str(R2P.mentions)
R2P_citedSymbol = str(R2P.citedSymbol)
R2P_citationText = str(R2P.citationText)
R2P_pinpoint = str(R2P.pinpoint)
R2P_actorKind = str(R2P.actorKind)
R2P_mechanismType = str(R2P.mechanismType)
R2P_acronym = str(R2P.acronym)
R2P_establishedBy = str(R2P.establishedBy)
R2P_entityId = str(R2P.entityId)
R2P_recommendedBy = str(R2P.recommendedBy)
R2P_addressedTo = str(R2P.addressedTo)
R2P_actionVerb = str(R2P.actionVerb)
R2P_verbText = str(R2P.verbText)
R2P_response = str(R2P.response)
R2P_responseStatedIn = str(R2P.responseStatedIn)
R2P_theme = str(R2P.theme)
R2P_mechanism = str(R2P.mechanism)
R2P_situation = str(R2P.situation)
R2P_evidenceDate = str(R2P.evidenceDate)
R2P_resolution = str(R2P.resolution)
R2P_establishmentAction = str(R2P.establishmentAction)
R2P_member, R2P_organization = str(R2P.member), str(R2P.organization)
R2P_membershipSource = str(R2P.membershipSource)
R2P_confidence = str(R2P.confidence)
R2P_method = str(R2P.method)
R2P_storeFingerprint = str(R2P.storeFingerprint)
# external
ELI_HAS_PART, ELI_REALIZES, ELI_IS_REALIZED_BY = str(ELI.has_part), str(ELI.realizes), str(ELI.is_realized_by)
ELI_EMBODIES, ELI_IS_EMBODIED_BY = str(ELI.embodies), str(ELI.is_embodied_by)
ELI_LEGAL_RESOURCE, ELI_SUBDIVISION = str(ELI.LegalResource), str(ELI.LegalResourceSubdivision)
CITO_CITATION, CITO_CITES = str(CITO.Citation), str(CITO.cites)
CITO_CITING, CITO_CITED = str(CITO.hasCitingEntity), str(CITO.hasCitedEntity)
UNDO_RELATION = str(UNDO.Relation)
ORG_MEMBER_OF, ORG_SUB_ORGANIZATION_OF = str(ORG.memberOf), str(ORG.subOrganizationOf)
OA_ANNOTATION, OA_BODY, OA_TARGET = str(OA.Annotation), str(OA.hasBody), str(OA.hasTarget)
OA_MOTIVATED_BY, OA_CLASSIFYING = str(OA.motivatedBy), str(OA.classifying)
DC_IDENTIFIER, DC_TITLE, DC_LANGUAGE = str(DCTERMS.identifier), str(DCTERMS.title), str(DCTERMS.language)
DC_IS_PART_OF, DC_REFERENCES, DC_FORMAT = str(DCTERMS.isPartOf), str(DCTERMS.references), str(DCTERMS.format)
DC_SPATIAL, DC_LICENSE, DC_MODIFIED = str(DCTERMS.spatial), str(DCTERMS.license), str(DCTERMS.modified)
DC_DESCRIPTION, DC_RIGHTS, DC_CONFORMS_TO = str(DCTERMS.description), str(DCTERMS.rights), str(DCTERMS.conformsTo)
DC_PUBLISHER = str(DCTERMS.publisher)
RDFS_SEE_ALSO, RDFS_LABEL = str(RDFS.seeAlso), str(RDFS.label)
SKOS_CONCEPT, SKOS_PREF, SKOS_ALT = str(SKOS.Concept), str(SKOS.prefLabel), str(SKOS.altLabel)
SKOS_NOTATION, SKOS_BROADER, SKOS_IN_SCHEME = str(SKOS.notation), str(SKOS.broader), str(SKOS.inScheme)
PROV_DERIVED, PROV_GENERATED_BY, PROV_USED = str(PROV.wasDerivedFrom), str(PROV.wasGeneratedBy), str(PROV.used)
PROV_ENDED, PROV_ASSOCIATED, PROV_ATTRIBUTED = str(PROV.endedAtTime), str(PROV.wasAssociatedWith), str(
    PROV.wasAttributedTo)
PROV_ACTIVITY = str(PROV.Activity)
VOID_DATASET, VOID_TRIPLES, VOID_URI_SPACE = str(VOID.Dataset), str(VOID.triples), str(VOID.uriSpace)
VOID_VOCABULARY, VOID_DOCUMENTS = str(VOID.vocabulary), str(VOID.documents)
DCAT_DATASET = str(DCAT.Dataset)
OWL_ONTOLOGY = str(OWL.Ontology)
XSD_STRING, XSD_DATE, XSD_GYEAR, XSD_GYEARMONTH = str(XSD.string), str(XSD.date), str(XSD.gYear), str(XSD.gYearMonth)
XSD_DATETIME, XSD_INTEGER, XSD_DECIMAL, XSD_LANGUAGE = str(XSD.dateTime), str(XSD.integer), str(XSD.decimal), str(
    XSD.language)

_BAD_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clean(text: str) -> str:
    """Text without the characters no RDF syntax can carry in every format (XML 1.0 forbids them)."""
    if text.isprintable():  # fast path: no control, surrogate or non-character code points
        return text
    return _BAD_CHARS.sub("", text) if _BAD_CHARS.search(text) else text


def iri(value: str) -> Obj:
    return (IRI, value)


def string(text: str) -> Obj:
    return (STR, clean(text))


def lang_string(text: str, lang: str | None) -> Obj:
    """A string tagged with the document's language when it is known."""
    return (LANG, clean(text), lang) if lang else (STR, clean(text))


def typed(lexical: str, datatype: str) -> Obj:
    return (TYPED, clean(lexical), datatype)


_SMALL_INTS = tuple((TYPED, str(i), XSD_INTEGER) for i in range(4096))


def integer(value: int) -> Obj:
    value = int(value)
    return _SMALL_INTS[value] if 0 <= value < 4096 else (TYPED, str(value), XSD_INTEGER)


def decimal(value: float) -> Obj:
    """A canonical ``xsd:decimal`` (at most 4 decimals, no trailing zeros beyond one)."""
    text = f"{float(value):.4f}".rstrip("0")
    return (TYPED, text + "0" if text.endswith(".") else text, XSD_DECIMAL)


_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_YEAR_MONTH = re.compile(r"^\d{4}-\d{2}$")
_YEAR = re.compile(r"^\d{4}$")
_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$")
_LANGUAGE = re.compile(r"^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$")


def date(value: str | None) -> Obj | None:
    """``xsd:date``, ``xsd:gYearMonth`` or ``xsd:gYear`` by the value's shape; None otherwise."""
    value = (value or "").strip()
    for pattern, datatype in ((_DATE, XSD_DATE), (_YEAR_MONTH, XSD_GYEARMONTH), (_YEAR, XSD_GYEAR)):
        if pattern.match(value):
            return (TYPED, value, datatype)
    return None


def datetime(value: str | None) -> Obj | None:
    value = (value or "").strip().replace(" ", "T", 1)
    return (TYPED, value, XSD_DATETIME) if _DATETIME.match(value) else None


def language(code: str | None) -> Obj | None:
    code = (code or "").strip()
    return (TYPED, code.lower(), XSD_LANGUAGE) if _LANGUAGE.match(code) else None


Build = Callable[[tuple, list[str]], tuple[str, list[Prop]]]


class Shaped:
    """Subject blocks of one builder, each given as a shape and its variable values, rendered from a
    per-shape template.

    ``items`` holds ``(key, values)`` pairs, in order. ``build(key, values)`` returns a block
    ``(subject, props)``; ``key`` names everything else the block holds (its predicates, constant objects,
    counts of repeated properties), so two blocks with the same key differ only in ``values``. A value is
    either an IRI under the export's base (the subject is value 0) or a literal's text (not yet cleaned:
    see :func:`clean`); which one is read from where ``build`` puts it. Writers render each shape once
    with placeholder values and then fill in the values of every block of that shape, escaped for the
    format: the same bytes as rendering ``build(key, values)`` directly, without building the triples.
    A document's paragraphs (or recommendations, citations) travel as one ``Shaped``: a pair per block.
    """

    __slots__ = ("build", "items")

    def __init__(self, build: Build, items: list[tuple[tuple, list[str]]]) -> None:
        self.build, self.items = build, items

    def blocks(self) -> list[tuple[str, list[Prop]]]:
        """The plain blocks: subjects and properties, literals cleaned."""
        return [plain_block(self.build, key, values) for key, values in self.items]


def plain_block(build: Build, key: tuple, values: list[str]) -> tuple[str, list[Prop]]:
    """The plain block of one shape and its values, literals cleaned."""
    subject, props = build(key, values)
    return subject, [(p, o if o[0] == IRI else (o[0], clean(o[1]), *o[2:])) for p, o in props]
