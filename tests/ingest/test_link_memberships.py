"""MEMBER_OF from the curated vocabularies: organs and bodies belong to their parent organization."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from ingest.link import link
from ingest.link.memberships import parents
from ingest.link.registry import registry
from ingest.pipeline import parse
from ontology.model import DocumentFacts, DocumentKind, Membership, Paragraph, ParagraphKind, ParsedDocument


@lru_cache(maxsize=4)
def _linked(corpus: Path, name: str) -> tuple[ParsedDocument, DocumentFacts]:
    document = parse(corpus / "un-mixed-2025" / f"{name}.en.pdf")
    return document, link(document)


def _doc(*texts: str) -> ParsedDocument:
    paragraphs = tuple(Paragraph(index=i, key=str(i + 1), label=str(i + 1), kind=ParagraphKind.NUMBERED, text=t,
                                 page=1) for i, t in enumerate(texts))
    return ParsedDocument(file="test.pdf", sha256="0" * 64, symbols=("S/2025/9999",), title="Letter",
                          date="2025-01-01", language="en", organs=(), kind=DocumentKind.LETTER, pages=1,
                          paragraphs=paragraphs)


def test_every_vocabulary_parent_is_a_known_actor() -> None:
    known = registry().actors
    assert parents()["org/AU-PSC"] == "org/AU"
    assert all(child in known and parent in known for child, parent in parents().items())


def test_au_peace_and_security_council_is_an_organ_of_the_african_union(corpus: Path) -> None:
    document, facts = _linked(corpus, "S_2025_108")
    named = [m for m in facts.mentions if m.entity_id == "org/AU-PSC"]
    assert {m.text for m in named} == {"AU Peace and Security Council", "AUPSC"}
    assert all(m.text in document.paragraphs[m.paragraph_index].text for m in named)
    assert Membership("org/AU-PSC", "org/AU", "vocabulary", None) in facts.memberships
    actor_ids = [a.id for a in facts.actors]
    assert {"org/AU-PSC", "org/AU"} <= set(actor_ids) and len(actor_ids) == len(set(actor_ids))
    assert all(m.member_id in actor_ids and m.organization_id in actor_ids for m in facts.memberships)


def test_parents_join_the_actors_up_the_chain() -> None:
    facts = link(_doc("The Expert Mechanism on the Rights of Indigenous Peoples met in Geneva."))
    assert [m.entity_id for m in facts.mentions] == ["un/EMRIP"]
    assert facts.memberships == (Membership("un/EMRIP", "un/HRC"), Membership("un/HRC", "un/GA"))
    assert [a.id for a in facts.actors] == ["un/EMRIP", "un/HRC", "un/GA"]


def test_no_membership_without_a_vocabulary_parent() -> None:
    facts = link(_doc("The African Union and the Sudan discussed the Sudan's membership of the Union."))
    assert {a.id for a in facts.actors} == {"org/AU", "state/SDN"}
    assert facts.memberships == ()


def test_a_state_stated_to_be_a_member_in_the_text_keeps_its_paragraph(corpus: Path) -> None:
    document = parse(corpus / "upr-cycle1" / "pdfs" / "gabon2008.pdf")
    facts = link(document)
    stated = [m for m in facts.memberships if m.source == "text"]
    assert [(m.member_id, m.organization_id) for m in stated] == [("state/GAB", "un/HRC")]
    paragraph = document.paragraphs[stated[0].paragraph_index]
    assert paragraph.label == "43" and "Gabon, as a member of the Human Rights Council" in paragraph.text
    assert Membership("un/HRC", "un/GA") in facts.memberships  # the Council's own place, from the vocabulary


def test_only_the_plain_present_form_is_read_from_the_text() -> None:
    facts = link(_doc(
        "Chile, a member of the Human Rights Council, spoke first.",
        "Brazil is a member of the Human Rights Council.",
        "Peru was a member of the Human Rights Council until 2010.",
        "Mexico is not a member of the African Union.",
        "Kenya, as a member of civil society, and the Human Rights Council.",
    ))
    stated = [(m.member_id, m.organization_id, m.paragraph_index) for m in facts.memberships if m.source == "text"]
    assert stated == [("state/CHL", "un/HRC", 0), ("state/BRA", "un/HRC", 1)]
