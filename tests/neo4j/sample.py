"""A small UPR-style document and its facts, written for these tests (not taken from any corpus text).

It exercises every part of the model the store writes: joint symbols, sections, subparagraphs,
footnotes, citations in a paragraph and in a footnote, recommendations with several recommenders,
coverage, an establishment, risk tags and a relation.
"""

from __future__ import annotations

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
)

SHA = "a" * 64


def document(sha256: str = SHA) -> ParsedDocument:
    """A working-group report with five paragraphs, one footnote and two citations."""
    paragraphs = (
        Paragraph(0, "p0", None, ParagraphKind.HEADING, "II. Conclusions and/or recommendations", 2),
        Paragraph(1, "12", "12", ParagraphKind.NUMBERED,
                  "The delegation referred to resolution 60/1 on the protection of populations.", 2,
                  section="I. Summary", footnotes=("1",)),
        Paragraph(2, "86.1", "86.1", ParagraphKind.NUMBERED,
                  "Ratify the optional protocol on communications (Chile, Brazil);", 3,
                  section="II. Conclusions and/or recommendations"),
        Paragraph(3, "86.1/a", "86.1 (a)", ParagraphKind.NUMBERED, "including its inquiry procedure;", 3,
                  section="II. Conclusions and/or recommendations", parent="86.1"),
        Paragraph(4, "p4", None, ParagraphKind.TEXT, "The mission in the country reported on the situation.", 4),
    )
    return ParsedDocument(
        file="tests/sample/upr-report.pdf", sha256=sha256, symbols=("A/HRC/8/99", "A/HRC/8/99/Corr.9"),
        title="Report of the Working Group on the Universal Periodic Review", date="2008-05-23",
        language="en", organs=("Human Rights Council",), kind=DocumentKind.REPORT, pages=4,
        paragraphs=paragraphs,
        footnotes=(Footnote("1", "See A/RES/60/1, para. 138.", 2),),
        citations=(
            Citation("A/RES/60/1", "resolution 60/1", paragraph="12", paragraph_index=1, pinpoint="138"),
            Citation("A/RES/60/1", "A/RES/60/1", paragraph=None, paragraph_index=None, footnote="1"),
        ),
        warnings=("page 4: footer not recognised",), session="Eighth session", agenda=("Item 6",),
        distribution="General", original_language="en", job_number="G08-00000",
    )


def facts() -> DocumentFacts:
    """What linking read in :func:`document`."""
    return DocumentFacts(
        issued_by=("un/HRC",),
        situations=("sit/XYZ",),
        actors=(
            Actor("un/HRC", "Human Rights Council", ActorKind.UN_ENTITY),
            Actor("state/XYZ", "Xyzland", ActorKind.STATE, iso3="XYZ", m49="999", aliases=("the Xyzland",)),
            Actor("state/CHL", "Chile", ActorKind.STATE, iso3="CHL", m49="152"),
            Actor("state/BRA", "Brazil", ActorKind.STATE, iso3="BRA", m49="076"),
        ),
        situation_defs=(Situation("sit/XYZ", "Xyzland", iso3="XYZ"),),
        mechanisms=(Mechanism("mech/mxyz", "Mission in Xyzland", MechanismType.PEACE_OPERATION, acronym="MXYZ",
                              established_by=("S/RES/9999 (2008)",)),),
        mentions=(Mention(4, "mech/mxyz", "The mission"),),
        recommendations=(Recommendation(2, "Ratify the optional protocol on communications",
                                        by=("state/CHL", "state/BRA"), to=("state/XYZ",), verb="Ratify",
                                        response="accepted", themes=("International instruments",),
                                        situations=("sit/XYZ",)),),
        coverage=(Coverage("mech/mxyz", "sit/XYZ", 4, date="2008-05-01"),),
        establishments=(Establishment("mech/mxyz", "S/RES/9999 (2008)", None, "established"),),
        risk_tags=(RiskTag(4, "RF1", 0.75, "lexicon-v1"),),
        relations=(Relation("corrects", "A/HRC/8/98"),),
        warnings=("'the country' not linked in paragraph p4",),
    )
