"""Contract: MEMBER_OF edges are stored with the document that supports them and leave with it."""

from __future__ import annotations

import hashlib

from graph.store import GraphStore
from ontology.model import (
    Actor,
    ActorKind,
    DocumentFacts,
    DocumentKind,
    Membership,
    Mention,
    Paragraph,
    ParagraphKind,
    ParsedDocument,
)

AU = Actor("org/AU", "African Union", ActorKind.REGIONAL_ORGANIZATION, aliases=("AU",))
PSC = Actor("org/AU-PSC", "Peace and Security Council of the African Union", ActorKind.REGIONAL_ORGANIZATION)


def _communique(symbol: str, text: str, memberships: tuple[Membership, ...]) -> tuple[ParsedDocument, DocumentFacts]:
    """A one-paragraph letter naming the Council (written for this test)."""
    paragraph = Paragraph(index=0, key="p0", label=None, kind=ParagraphKind.TEXT, text=text, page=1)
    doc = ParsedDocument(file=f"{symbol}.pdf", sha256=hashlib.sha256((symbol + text).encode()).hexdigest(),
                         symbols=(symbol,), title="Letter", date="2025-02-14", language="en",
                         organs=("Security Council",), kind=DocumentKind.LETTER, pages=1, paragraphs=(paragraph,))
    mentions = (Mention(0, "org/AU-PSC", "Peace and Security Council"),)
    if "African Union" in text:
        mentions += (Mention(0, "org/AU", "African Union"),)
    return doc, DocumentFacts(actors=(PSC, AU), mentions=mentions, memberships=memberships)


VOCABULARY = (Membership("org/AU-PSC", "org/AU"),)
STATED = (Membership("org/AU-PSC", "org/AU", source="text", paragraph_index=0),)
NAMING = "The Peace and Security Council met on 14 February 2025."
STATING = "The Peace and Security Council, an organ of the African Union, met on 14 February 2025."


def _membership(store: GraphStore) -> tuple[tuple[str, ...], tuple[str, ...]]:
    council, union = store.get_actor("org/AU-PSC"), store.get_actor("org/AU")
    assert council is not None and union is not None
    return council.member_of, union.members


def test_get_actor_shows_membership_both_ways(store: GraphStore) -> None:
    store.put_document(*_communique("S/2025/101", NAMING, VOCABULARY))
    assert _membership(store) == (("org/AU",), ("org/AU-PSC",))
    assert store.get_actor("org/AU-PSC").members == () and store.get_actor("org/AU").member_of == ()
    assert store.get_document("S/2025/101").facts.memberships == VOCABULARY


def test_membership_leaves_with_its_only_supporting_document(store: GraphStore) -> None:
    store.put_document(*_communique("S/2025/101", NAMING, VOCABULARY))
    store.put_document(*_communique("S/2025/102", "The African Union and the Peace and Security Council.", ()))
    assert _membership(store) == (("org/AU",), ("org/AU-PSC",))
    assert store.remove_document("S/2025/101") is True
    assert _membership(store) == ((), ())  # both actors remain (still mentioned), the membership does not


def test_membership_stays_while_another_document_supports_it(store: GraphStore) -> None:
    store.put_document(*_communique("S/2025/101", NAMING, VOCABULARY))
    store.put_document(*_communique("S/2025/103", STATING, STATED))
    assert store.remove_document("S/2025/101") is True
    assert _membership(store) == (("org/AU",), ("org/AU-PSC",))
    store.put_document(*_communique("S/2025/103", STATING + " It adopted a communiqué.", ()))  # new version
    assert _membership(store) == ((), ())
    assert store.remove_document("S/2025/103") is True
    assert store.get_actor("org/AU-PSC") is None
