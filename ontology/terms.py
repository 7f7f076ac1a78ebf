"""Namespace objects for every vocabulary term r2p-graph writes, failing on a misspelt term.

``R2P.Documnet`` raises ``AttributeError`` when the module using it is imported, not in a partner's
triple store. The project's own namespaces list exactly the terms of ``r2p.ttl`` and ``schemes.ttl``
(a test keeps them in step); the external ones (ELI, FaBiO, DoCO, CiTO, UNDO, Web Annotation, VANN)
list the terms the ontology maps to and the export writes. DC Terms, PROV, ORG, SKOS, schema.org,
VoID, DCAT, OWL, RDF, RDFS and XSD come from ``rdflib.namespace``, which fails the same way.
"""

from __future__ import annotations

from pathlib import Path

from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef

ONTOLOGY_DIR = Path(__file__).resolve().parent
ONTOLOGY_TTL = ONTOLOGY_DIR / "r2p.ttl"
SCHEMES_TTL = ONTOLOGY_DIR / "schemes.ttl"
SHAPES_TTL = ONTOLOGY_DIR / "shapes.ttl"
CONTEXT_JSONLD = ONTOLOGY_DIR / "context.jsonld"

ONTOLOGY_IRI = "https://r2p-graph.example.org/ontology"
SCHEME_BASE = "https://r2p-graph.example.org/scheme/"


class R2P(DefinedNamespace):
    """The r2p-graph ontology (``r2p.ttl``)."""

    _NS = Namespace(ONTOLOGY_IRI + "#")
    _fail = True

    # classes
    Document: URIRef
    Report: URIRef
    Resolution: URIRef
    Decision: URIRef
    PresidentialStatement: URIRef
    Draft: URIRef
    Letter: URIRef
    Note: URIRef
    MeetingRecord: URIRef
    LanguageVersion: URIRef
    File: URIRef
    Paragraph: URIRef
    Subparagraph: URIRef
    Footnote: URIRef
    Citation: URIRef
    Actor: URIRef
    State: URIRef
    RegionalOrganization: URIRef
    UNEntity: URIRef
    CivilSocietyOrganization: URIRef
    Person: URIRef
    Situation: URIRef
    Mechanism: URIRef
    SpecialProcedure: URIRef
    CommissionOfInquiry: URIRef
    TreatyBody: URIRef
    UniversalPeriodicReview: URIRef
    Court: URIRef
    PeacebuildingCommission: URIRef
    SanctionsRegime: URIRef
    PeaceOperation: URIRef
    SpecialAdviser: URIRef
    EarlyWarningSystem: URIRef
    Recommendation: URIRef
    Coverage: URIRef
    Establishment: URIRef
    Membership: URIRef
    ActorVocabulary: URIRef
    RiskFactor: URIRef
    Indicator: URIRef
    RiskTag: URIRef
    ExtractionRun: URIRef
    Software: URIRef
    # datatypes
    iso3166Alpha3: URIRef
    m49: URIRef
    # properties
    symbol: URIRef
    primarySymbol: URIRef
    documentKind: URIRef
    organ: URIRef
    issuedBy: URIRef
    dateIssued: URIRef
    originalLanguage: URIRef
    jobNumber: URIRef
    subtitle: URIRef
    distribution: URIRef
    session: URIRef
    agendaItem: URIRef
    pageCount: URIRef
    concernsSituation: URIRef
    revises: URIRef
    corrects: URIRef
    addendumTo: URIRef
    aknWork: URIRef
    sha256: URIRef
    number: URIRef
    key: URIRef
    position: URIRef
    paragraphKind: URIRef
    text: URIRef
    page: URIRef
    sectionHeading: URIRef
    leadVerb: URIRef
    hasFootnote: URIRef
    mentions: URIRef
    citedSymbol: URIRef
    citationText: URIRef
    pinpoint: URIRef
    actorKind: URIRef
    mechanismType: URIRef
    acronym: URIRef
    establishedBy: URIRef
    entityId: URIRef
    recommendedBy: URIRef
    addressedTo: URIRef
    actionVerb: URIRef
    verbText: URIRef
    response: URIRef
    responseStatedIn: URIRef
    theme: URIRef
    mechanism: URIRef
    situation: URIRef
    evidenceDate: URIRef
    resolution: URIRef
    establishmentAction: URIRef
    member: URIRef
    organization: URIRef
    membershipSource: URIRef
    confidence: URIRef
    method: URIRef
    storeFingerprint: URIRef


class DK(DefinedNamespace):
    """Document kinds (``ontology.model.DocumentKind`` values)."""

    _NS = Namespace(SCHEME_BASE + "document-kind/")
    _fail = True
    resolution: URIRef
    draft: URIRef
    report: URIRef
    letter: URIRef
    note: URIRef
    record: URIRef
    other: URIRef


class PK(DefinedNamespace):
    """Paragraph kinds (``ontology.model.ParagraphKind`` values)."""

    _NS = Namespace(SCHEME_BASE + "paragraph-kind/")
    _fail = True
    numbered: URIRef
    preambular: URIRef
    operative: URIRef
    heading: URIRef
    text: URIRef
    table: URIRef


class AK(DefinedNamespace):
    """Actor kinds (``ontology.model.ActorKind`` values)."""

    _NS = Namespace(SCHEME_BASE + "actor-kind/")
    _fail = True
    state: URIRef
    regional_organization: URIRef
    un_entity: URIRef
    civil_society: URIRef
    other: URIRef


class MT(DefinedNamespace):
    """Mechanism types (``ontology.model.MechanismType`` values)."""

    _NS = Namespace(SCHEME_BASE + "mechanism-type/")
    _fail = True
    special_procedure: URIRef
    commission_of_inquiry: URIRef
    treaty_body: URIRef
    upr: URIRef
    court: URIRef
    peacebuilding_commission: URIRef
    sanctions: URIRef
    peace_operation: URIRef
    special_adviser: URIRef
    early_warning: URIRef


class VERB(DefinedNamespace):
    """Operative and recommendation verbs."""

    _NS = Namespace(SCHEME_BASE + "operative-verb/")
    _fail = True
    decides: URIRef
    demands: URIRef
    authorizes: URIRef
    condemns: URIRef
    urges: URIRef
    requests: URIRef
    recommends: URIRef
    encourages: URIRef
    invites: URIRef
    welcomes: URIRef
    reaffirms: URIRef
    endorses: URIRef
    should: URIRef
    _extras = ["calls-upon", "takes-note"]  # noqa: RUF012 (rdflib reads a list)


class RF(DefinedNamespace):
    """Framework of Analysis for Atrocity Crimes (2014) risk factors; indicators are ``RFn.m``."""

    _NS = Namespace(SCHEME_BASE + "risk-factor/")
    _fail = True
    RF1: URIRef
    RF2: URIRef
    RF3: URIRef
    RF4: URIRef
    RF5: URIRef
    RF6: URIRef
    RF7: URIRef
    RF8: URIRef
    RF9: URIRef
    RF10: URIRef
    RF11: URIRef
    RF12: URIRef
    RF13: URIRef
    RF14: URIRef


class ELI(DefinedNamespace):
    """European Legislation Identifier ontology (the terms r2p-graph uses)."""

    _NS = Namespace("http://data.europa.eu/eli/ontology#")
    _fail = True
    LegalResource: URIRef
    LegalResourceSubdivision: URIRef
    LegalExpression: URIRef
    Format: URIRef
    has_part: URIRef
    is_part_of: URIRef
    is_realized_by: URIRef
    realizes: URIRef
    is_embodied_by: URIRef
    embodies: URIRef
    cites: URIRef
    id_local: URIRef
    number: URIRef
    date_document: URIRef
    passed_by: URIRef
    type_document: URIRef
    is_about: URIRef
    corrects: URIRef
    based_on: URIRef


class FABIO(DefinedNamespace):
    """FRBR-aligned Bibliographic Ontology (the terms r2p-graph uses)."""

    _NS = Namespace("http://purl.org/spar/fabio/")
    _fail = True
    Work: URIRef
    Expression: URIRef
    Manifestation: URIRef
    Report: URIRef


class DOCO(DefinedNamespace):
    """Document Components Ontology (the terms r2p-graph uses)."""

    _NS = Namespace("http://purl.org/spar/doco/")
    _fail = True
    Section: URIRef
    Paragraph: URIRef
    Footnote: URIRef
    List: URIRef
    ListItem: URIRef


class CITO(DefinedNamespace):
    """Citation Typing Ontology (the terms r2p-graph uses)."""

    _NS = Namespace("http://purl.org/spar/cito/")
    _fail = True
    Citation: URIRef
    cites: URIRef
    hasCitingEntity: URIRef
    hasCitedEntity: URIRef
    hasCitationCharacterization: URIRef
    citesForInformation: URIRef


class UNDO(DefinedNamespace):
    """United Nations Documents Ontology (UNSIF / AKN4UN; the terms r2p-graph uses)."""

    _NS = Namespace("https://w3id.org/un/ontology/undo/")
    _fail = True
    Document: URIRef
    DocumentVersion: URIRef
    Resolution: URIRef
    Relation: URIRef
    hasProponent: URIRef
    hasReceiver: URIRef
    hasSemantics: URIRef


class OA(DefinedNamespace):
    """W3C Web Annotation vocabulary (the terms r2p-graph uses)."""

    _NS = Namespace("http://www.w3.org/ns/oa#")
    _fail = True
    Annotation: URIRef
    hasBody: URIRef
    hasTarget: URIRef
    motivatedBy: URIRef
    classifying: URIRef


class AKN(DefinedNamespace):
    """Akoma Ntoso element names the ontology points to with ``rdfs:seeAlso``."""

    _NS = Namespace("http://docs.oasis-open.org/legaldocml/ns/akn/3.0/")
    _fail = True
    _extras = [  # noqa: RUF012 (rdflib reads a list)
        "doc", "statement", "bill", "debate", "paragraph", "point", "authorialNote",
        "TLCOrganization", "TLCPerson", "TLCConcept", "TLCRole", "docketNumber",
    ]


class VANN(DefinedNamespace):
    """Vocabulary for annotating vocabulary descriptions (used on the ontology header)."""

    _NS = Namespace("http://purl.org/vocab/vann/")
    _fail = True
    preferredNamespacePrefix: URIRef
    preferredNamespaceUri: URIRef


#: every namespace the export may write, by preferred prefix (also the JSON-LD context's prefixes)
PREFIXES: dict[str, str] = {
    "r2p": str(R2P._NS),
    "dk": str(DK._NS),
    "pk": str(PK._NS),
    "ak": str(AK._NS),
    "mt": str(MT._NS),
    "verb": str(VERB._NS),
    "rf": str(RF._NS),
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "prov": "http://www.w3.org/ns/prov#",
    "org": "http://www.w3.org/ns/org#",
    "schema": "https://schema.org/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "void": "http://rdfs.org/ns/void#",
    "dcat": "http://www.w3.org/ns/dcat#",
    "eli": str(ELI._NS),
    "fabio": str(FABIO._NS),
    "doco": str(DOCO._NS),
    "cito": str(CITO._NS),
    "undo": str(UNDO._NS),
    "oa": str(OA._NS),
}

__all__ = [
    "AK", "AKN", "CITO", "CONTEXT_JSONLD", "DK", "DOCO", "ELI", "FABIO", "MT", "OA", "ONTOLOGY_IRI",
    "ONTOLOGY_TTL", "PK", "PREFIXES", "R2P", "RF", "SCHEMES_TTL", "SHAPES_TTL", "UNDO", "VANN", "VERB",
]
