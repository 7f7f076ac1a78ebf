"""Small model objects for the store tests, written for these tests (not taken from the corpus)."""

from __future__ import annotations

import hashlib
import math
from dataclasses import replace

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

SUDAN = Actor("state/SDN", "Sudan", ActorKind.STATE, iso3="SDN", m49="729", aliases=("the Sudan", "Soudan"))
BRAZIL = Actor("state/BRA", "Brazil", ActorKind.STATE, iso3="BRA", m49="076")
CHILE = Actor("state/CHL", "Chile", ActorKind.STATE, iso3="CHL", m49="152")
GUINEA = Actor("state/GIN", "Guinea", ActorKind.STATE, iso3="GIN", m49="324")
HRC = Actor("un/HRC", "Human Rights Council", ActorKind.UN_ENTITY)
SC = Actor("un/SC", "Security Council", ActorKind.UN_ENTITY)
SIT_SDN = Situation("sit/SDN", "Sudan", iso3="SDN")
SIT_DARFUR = Situation("sit/SDN/darfur", "Darfur", iso3="SDN")
UPR = Mechanism("mech/upr", "Universal Periodic Review", MechanismType.UPR, acronym="UPR")
PANEL = Mechanism("mech/poe-sudan", "Panel of Experts on the Sudan", MechanismType.SANCTIONS,
                  acronym="PoE", established_by=("S/RES/1591 (2005)",))
UNAMID = Mechanism("mech/unamid", "African Union-United Nations Hybrid Operation in Darfur",
                   MechanismType.PEACE_OPERATION, acronym="UNAMID")


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def _para(index: int, key: str, text: str, *, kind: ParagraphKind = ParagraphKind.NUMBERED, page: int = 1,
          section: str | None = None, parent: str | None = None, verb: str | None = None,
          footnotes: tuple[str, ...] = ()) -> Paragraph:
    label = None if key.startswith("p") else key.replace("/", " ")
    return Paragraph(index, key, label, kind, text, page, section, footnotes, parent, verb)


def upr_report(version: int = 1) -> tuple[ParsedDocument, DocumentFacts]:
    """A Working Group report on the Sudan with two recommendations (version 2 changes one)."""
    sec = "II. Conclusions and/or recommendations"
    paras = (
        _para(0, "p0", "Report of the Working Group on the Universal Periodic Review: the Sudan",
              kind=ParagraphKind.HEADING),
        _para(1, "1", "The Working Group held its review of the Sudan; the delegation described protection "
              "of civilians in Darfur.", footnotes=("1",)),
        _para(2, "83.1", "Ratify the Convention against Torture (Brazil, Chile);", section=sec, page=2),
        _para(3, "83.2", "Cooperate fully with the Panel of Experts established by Security Council resolution "
              "1591 (2005) (Chile);" if version == 1 else "Strengthen protection of displaced persons (Chile);",
              section=sec, page=2),
    )
    doc = ParsedDocument(
        file="upr-sudan.pdf", sha256=_sha(f"upr-sudan-v{version}"), symbols=("A/HRC/11/14",),
        title="Report of the Working Group on the Universal Periodic Review: Sudan", date="2009-06-03",
        language="en", organs=("Human Rights Council",), kind=DocumentKind.REPORT, pages=3, paragraphs=paras,
        footnotes=(Footnote("1", "See A/HRC/WG.6/11/SDN/1.", 1),),
        citations=(Citation("S/RES/1591 (2005)", "Security Council resolution 1591 (2005)", "83.2", 3),
                   Citation("A/HRC/WG.6/11/SDN/1", "A/HRC/WG.6/11/SDN/1", None, None, footnote="1"))
        if version == 1 else (),
        session="Eleventh session", agenda=("Item 6",), distribution="General", original_language="en",
    )
    recs = [Recommendation(2, "Ratify the Convention against Torture", ("state/BRA", "state/CHL"),
                           ("state/SDN",), verb="Ratify", response="supported", themes=("Torture",),
                           situations=("sit/SDN",))]
    recs.append(Recommendation(3, paras[3].text.rstrip(";"), ("state/CHL",), ("state/SDN",),
                               verb="Cooperate" if version == 1 else "Strengthen", response="noted",
                               themes=("Cooperation with mechanisms",) if version == 1 else ("IDPs",)))
    facts = DocumentFacts(
        issued_by=("un/HRC",), situations=("sit/SDN",),
        actors=(SUDAN, BRAZIL, CHILE, HRC),
        situation_defs=(SIT_SDN, SIT_DARFUR), mechanisms=(UPR, PANEL) if version == 1 else (UPR,),
        mentions=(Mention(1, "state/SDN", "the Sudan"), Mention(1, "sit/SDN/darfur", "Darfur"))
        + ((Mention(3, "mech/poe-sudan", "Panel of Experts"),) if version == 1 else ()),
        recommendations=tuple(recs),
        coverage=(Coverage("mech/upr", "sit/SDN", 1, "2009-06-03"),),
        risk_tags=(RiskTag(1, "RF9", 0.4, "lexicon-v1"),),
    )
    return doc, facts


def sc_resolution(number: int = 1591, year: int = 2005, *, darfur: bool = True) -> tuple[ParsedDocument, DocumentFacts]:
    """A Security Council resolution establishing the Panel and covering Darfur."""
    symbol = f"S/RES/{number} ({year})"
    paras = (
        _para(0, "p0", "Recalling its resolution 1556 (2004) on the situation in the Sudan,",
              kind=ParagraphKind.PREAMBULAR, verb="Recalling"),
        _para(1, "1", "Decides to establish a Panel of Experts to monitor the measures concerning Darfur;",
              kind=ParagraphKind.OPERATIVE, verb="Decides"),
        _para(2, "1/a", "to assist the Committee in monitoring the arms embargo;", kind=ParagraphKind.OPERATIVE,
              parent="1"),
        _para(3, "2", "Calls upon the Government of the Sudan to protect civilians and displaced persons in "
              "Darfur;", kind=ParagraphKind.OPERATIVE, verb="Calls upon", page=2),
    )
    doc = ParsedDocument(
        file=f"S_RES_{number}.pdf", sha256=_sha(symbol), symbols=(symbol,), title=None,
        subtitle=f"Adopted by the Security Council at its {number + 3500}th meeting, on 29 March {year}", date=f"{year}-03-29",
        language="en", organs=("Security Council",), kind=DocumentKind.RESOLUTION, pages=2, paragraphs=paras,
        citations=(Citation("S/RES/1556 (2004)", "resolution 1556 (2004)", None, 0),),
    )
    sit = SIT_DARFUR if darfur else SIT_SDN
    facts = DocumentFacts(
        issued_by=("un/SC",), situations=(sit.id,), actors=(SC, SUDAN), situation_defs=(sit,),
        mechanisms=(PANEL, UNAMID),
        mentions=(Mention(1, "mech/poe-sudan", "Panel of Experts"), Mention(3, "state/SDN", "the Sudan")),
        recommendations=(Recommendation(3, paras[3].text, ("un/SC",), ("state/SDN",), verb="Calls upon",
                                        themes=("Protection of civilians",), situations=(sit.id,)),),
        coverage=(Coverage("mech/poe-sudan", sit.id, 1, f"{year}-03-29"),
                  Coverage("mech/unamid", sit.id, 3, f"{year}-03-29")),
        establishments=(Establishment("mech/poe-sudan", symbol, 1, "established"),),
        relations=(),
    )
    return doc, facts


def joint_letter() -> tuple[ParsedDocument, DocumentFacts]:
    """A letter with a joint symbol citing the resolution, an addendum of the report."""
    doc = ParsedDocument(
        file="joint.pdf", sha256=_sha("joint"), symbols=("A/64/100", "S/2009/300"), title="Letter",
        date="2009-07-01", language="fr", organs=("General Assembly", "Security Council"),
        kind=DocumentKind.LETTER, pages=1,
        paragraphs=(_para(0, "p0", "La lettre rappelle la résolution 1591 (2005) du Conseil de sécurité."),),
        citations=(Citation("S/RES/1591 (2005)", "résolution 1591 (2005)", None, 0),),
    )
    facts = DocumentFacts(relations=(Relation("addendum_to", "A/HRC/11/14"),))
    return doc, facts


def embedding(text: str, dim: int = 384) -> list[float]:
    """A deterministic unit vector for a text (hash-seeded), for storage tests only."""
    seed = hashlib.sha256(text.encode()).digest()
    values = [math.sin((i + 1) * (seed[i % 32] + 1)) for i in range(dim)]
    norm = math.sqrt(sum(v * v for v in values))
    return [v / norm for v in values]


def embeddings_for(doc: ParsedDocument, dim: int = 384) -> dict[int, list[float]]:
    return {p.index: embedding(p.text, dim) for p in doc.paragraphs}


def with_symbol(doc: ParsedDocument, facts: DocumentFacts, symbol: str) -> tuple[ParsedDocument, DocumentFacts]:
    """The same document under another symbol (and file hash)."""
    return replace(doc, symbols=(symbol,), sha256=_sha(symbol)), facts
