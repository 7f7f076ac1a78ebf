"""Small documents and facts built in code, for the RDF tests that need exact control over the input.

The tests on real documents build a real store from ``../shared/corpus``; these cover what the corpus
may not hold (joint symbols, bracketed years, every kind of fact, awkward characters).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from graph.responses import AddendumResponses, StatedResponse, stated_by_report
from graph.store import StoredDocument
from ontology.model import (
    Actor,
    ActorKind,
    Citation,
    Coverage,
    DocumentFacts,
    DocumentKind,
    Establishment,
    Footnote,
    Mechanism,
    MechanismType,
    Mention,
    Paragraph,
    ParagraphKind,
    ParsedDocument,
    Recommendation,
    Relation,
    RiskTag,
    Situation,
    symbol_key,
)

BASE = "https://r2p-graph.example.org/"
SUDAN = Actor("state/SDN", "Sudan", ActorKind.STATE, iso3="SDN", m49="729", aliases=("the Sudan",))
MEMBER_STATES = Actor("group/member-states", "Member States", ActorKind.OTHER)
SG = Actor("un/SG", "Secretary-General", ActorKind.UN_ENTITY)
AU = Actor("org/AU", "African Union", ActorKind.REGIONAL_ORGANIZATION)
DARFUR = Situation("sit/SDN/darfur", "Darfur", iso3="SDN")
FFM = Mechanism("mech/ffm-sudan", "Independent International Fact-Finding Mission for the Sudan",
                MechanismType.COMMISSION_OF_INQUIRY, acronym="FFM Sudan", established_by=("A/HRC/RES/54/2",))


def report() -> StoredDocument:
    paras = (
        Paragraph(0, "p0", None, ParagraphKind.HEADING, "I. Introduction", 1),
        Paragraph(1, "1", "1", ParagraphKind.NUMBERED,
                  'The present report, submitted pursuant to resolution 2417 (2018), "quotes" \\ and\ttabs.', 1,
                  section="I. Introduction", footnotes=("1",)),
        Paragraph(2, "16", "16", ParagraphKind.NUMBERED, "Member States are encouraged to:", 3,
                  section="IV. Recommendations"),
        Paragraph(3, "16/a", "16 (a)", ParagraphKind.NUMBERED,
                  "Cooperate with the fact-finding mission on the situation in Darfur & <elsewhere>;", 3,
                  parent="16"),
        Paragraph(4, "16/b", "16 (b)", ParagraphKind.NUMBERED, "Ratify the Rome Statute.\r\nNew line.", 4,
                  parent="16"),
    )
    document = ParsedDocument(
        file="report.pdf", sha256="ab" * 32, symbols=("A/80/123", "S/2025/456"),
        title="Responsibility to protect: early action", date="2025-06-30", language="en",
        organs=("General Assembly", "Security Council"), kind=DocumentKind.REPORT, pages=5,
        paragraphs=paras, footnotes=(Footnote("1", "See S/RES/2417 (2018), para. 3.", 1),),
        citations=(
            Citation("S/RES/2417 (2018)", "resolution 2417 (2018)", paragraph="1", paragraph_index=1),
            Citation("S/RES/2417 (2018)", "S/RES/2417 (2018)", footnote="1", pinpoint="3"),
        ),
        session="Eightieth session", agenda=("Item 13",), distribution="General", original_language="en",
        job_number="25-01234 (E)",
    )
    facts = DocumentFacts(
        issued_by=("un/SG",), situations=("sit/SDN/darfur",), actors=(SUDAN, MEMBER_STATES, SG, AU),
        situation_defs=(DARFUR,), mechanisms=(FFM,),
        mentions=(Mention(3, "mech/ffm-sudan", "fact-finding mission"), Mention(3, "sit/SDN/darfur", "Darfur")),
        recommendations=(
            Recommendation(3, "Cooperate with the fact-finding mission", by=("un/SG",), to=("group/member-states",),
                           verb="encouraged", situations=("sit/SDN/darfur",), themes=("cooperation",)),
            Recommendation(4, "Ratify the Rome Statute", by=("un/SG",), to=("group/member-states", "state/SDN"),
                           verb="Ratify"),
        ),
        coverage=(Coverage("mech/ffm-sudan", "sit/SDN/darfur", 3, date="2025-06-30"),),
        establishments=(Establishment("mech/ffm-sudan", "A/HRC/RES/54/2", 3),),
        risk_tags=(RiskTag(3, "RF1", 0.85, "lexicon-v1"), RiskTag(4, "RF7.3", 0.5, "lexicon-v1")),
        relations=(Relation("addendum_to", "A/80/100"),),
    )
    return StoredDocument(document, facts, ingested_at="2026-11-20T10:00:00Z")


def resolution() -> StoredDocument:
    paras = (
        Paragraph(0, "p0", None, ParagraphKind.PREAMBULAR, "Recalling its resolution 2417 (2018),", 1,
                  verb="Recalling"),
        Paragraph(1, "1", "1", ParagraphKind.OPERATIVE, "Calls upon the Sudan to protect civilians;", 1,
                  verb="Calls upon"),
    )
    document = ParsedDocument(
        file="res.pdf", sha256="cd" * 32, symbols=("S/RES/2736 (2024)",), title="Resolution 2736 (2024)",
        date="2024-06-13", language="en", organs=("Security Council",), kind=DocumentKind.RESOLUTION, pages=2,
        paragraphs=paras,
        citations=(Citation("S/RES/2417 (2018)", "resolution 2417 (2018)", paragraph_index=0),),
    )
    facts = DocumentFacts(
        issued_by=("un/SC",), actors=(SUDAN, Actor("un/SC", "Security Council", ActorKind.UN_ENTITY)),
        recommendations=(Recommendation(1, "Calls upon the Sudan to protect civilians", by=("un/SC",),
                                        to=("state/SDN",), verb="Calls upon"),),
    )
    return StoredDocument(document, facts, ingested_at="2026-11-21T09:30:00Z")


class ListStore:
    """``iter_documents`` and ``stated_responses``: what the export needs, over documents built in code."""

    def __init__(self, documents: list[StoredDocument]) -> None:
        self.documents = sorted(documents, key=lambda d: d.document.symbol)

    def iter_documents(self, *, since: str | None = None) -> Iterator[StoredDocument]:
        for stored in self.documents:
            if since is None or (stored.ingested_at or "") >= since:
                yield stored

    def stated_responses(self, symbols: Sequence[str]) -> dict[str, dict[str, StatedResponse]]:
        """What the stores answer, matched by :mod:`graph.responses` over these documents."""
        addenda = [AddendumResponses(d.document.symbol, d.facts.responses,
                                     {p.index: (p.label or p.key, p.key, p.page) for p in d.document.paragraphs})
                   for d in self.documents if d.facts.responses]
        keys = {symbol_key(s) for s in symbols}
        own = [(symbol_key(d.document.symbol), (p := d.document.paragraphs[r.paragraph_index]).label or p.key,
                r.response) for d in self.documents if symbol_key(d.document.symbol) in keys
               for r in d.facts.recommendations]
        return stated_by_report(own, addenda)
