"""Actors: controlled lists, aliases in the six languages, namesakes kept apart."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ingest.link import link
from ingest.link.actors import states
from ingest.link.gazetteer import Tokens
from ingest.link.registry import registry
from ontology.model import ActorKind, DocumentKind, Paragraph, ParagraphKind, ParsedDocument


def _doc(*texts: str, title: str = "Notes", kind: DocumentKind = DocumentKind.REPORT) -> ParsedDocument:
    paragraphs = tuple(
        Paragraph(index=i, key=str(i + 1), label=str(i + 1), kind=ParagraphKind.NUMBERED, text=t, page=1)
        for i, t in enumerate(texts)
    )
    return ParsedDocument(file="test.pdf", sha256="0" * 64, symbols=("A/00/1",), title=title, date="2025-01-01",
                          language="en", organs=("General Assembly",), kind=kind, pages=1, paragraphs=paragraphs)


def _ids(text: str) -> list[str]:
    return [i for h in registry().gazetteer.scan(text) for i in h.ids]


def test_member_and_observer_states_come_from_the_ocha_table() -> None:
    table = states()
    assert len(table) == 195
    assert {"VAT", "PSE", "SSD", "SDN", "TUR"} <= set(table)
    sudan = table["SDN"][0]
    assert (sudan.id, sudan.name, sudan.m49, sudan.kind) == ("state/SDN", "Sudan", "729", ActorKind.STATE)
    assert table["AFG"][0].m49 == "004"


def test_the_sudan_and_sudan_are_one_actor_and_south_sudan_another() -> None:
    facts = link(_doc("The Government of the Sudan met officials of Sudan.", "South Sudan and the Sudan agreed."))
    ids = [(m.paragraph_index, m.entity_id) for m in facts.mentions]
    assert ids == [(0, "state/SDN"), (0, "state/SDN"), (1, "state/SSD"), (1, "state/SDN")]
    assert [a.id for a in facts.actors].count("state/SDN") == 1


def test_guinea_namesakes_stay_apart() -> None:
    text = "Guinea, Guinea-Bissau, Guinea- Bissau, Equatorial Guinea and Papua New Guinea; the Gulf of Guinea."
    assert _ids(text) == ["state/GIN", "state/GNB", "state/GNB", "state/GNQ", "state/PNG"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Niger and Nigeria", ["state/NER", "state/NGA"]),
    ("Dominica and the Dominican Republic", ["state/DMA", "state/DOM"]),
    ("the Republic of Korea and the Democratic People's Republic of Korea", ["state/KOR", "state/PRK"]),
    ("the Democratic People’s Republic of Korea", ["state/PRK"]),
    ("Iran (Islamic Republic of) and Iran", ["state/IRN", "state/IRN"]),
    ("Viet Nam, Vietnam", ["state/VNM", "state/VNM"]),
    ("Türkiye, formerly Turkey", ["state/TUR", "state/TUR"]),
    ("the Democratic Republic of the Congo and the Republic of the Congo", ["state/COD", "state/COG"]),
    ("The former Yugoslav Republic of Macedonia and North Macedonia", ["state/MKD", "state/MKD"]),
    ("Holy See, State of Palestine", ["state/VAT", "state/PSE"]),
])
def test_aliases_and_namesakes(text: str, expected: list[str]) -> None:
    assert _ids(text) == expected


@pytest.mark.parametrize("text", ["Soudan", "Sudán", "Судан", "السودان", "在苏丹的局势"])
def test_names_in_the_six_un_languages(text: str) -> None:
    assert _ids(text) == ["state/SDN"]


def test_organizations_un_entities_and_groups() -> None:
    text = ("The African Union (AU), ECOWAS, the League of Arab States, OHCHR, UN-Women, the Secretary-General "
            "and Member States; au Mali; the Global Centre for the Responsibility to Protect and the ICRC.")
    assert _ids(text) == ["org/AU", "org/AU", "org/ECOWAS", "org/LAS", "un/OHCHR", "un/UN-WOMEN", "un/SG",
                          "group/member-states", "state/MLI", "cso/gcr2p", "other/icrc"]
    actors = registry().actors
    assert actors["cso/gcr2p"].kind is ActorKind.CIVIL_SOCIETY
    assert actors["org/ECOWAS"].kind is ActorKind.REGIONAL_ORGANIZATION and actors["un/SG"].kind is ActorKind.UN_ENTITY


def test_bare_congo_beside_the_drc_is_not_linked_and_is_reported() -> None:
    facts = link(_doc("The Democratic Republic of the Congo asked for help.", "Fighting near Congo continued.",
                      "The President of the Congo, the Coopérative pour le développement du Congo."))
    cog = [m.paragraph_index for m in facts.mentions if m.entity_id == "state/COG"]
    assert cog == [2]  # "the Congo" is the UN name of the Republic of the Congo; "du Congo" names neither
    assert [w for w in facts.warnings if "'Congo'" in w and "paragraph 2:" in w]
    assert not [w for w in facts.warnings if "paragraph 3:" in w]


def test_sudan_upr_report_links_every_sudan_spelling_to_one_actor(corpus: Path) -> None:
    from ingest.pipeline import parse

    document = parse(corpus / "upr-cycle1" / "pdfs" / "sudan2011.pdf")
    facts = link(document)
    spellings = {m.text for m in facts.mentions if m.entity_id == "state/SDN"}
    assert {"Sudan", "Republic of the Sudan"} <= spellings
    the_sudan = [p.index for p in document.paragraphs if "the Sudan" in p.text]
    assert the_sudan and all(
        any(m.paragraph_index == i and m.entity_id == "state/SDN" for m in facts.mentions) for i in the_sudan)
    assert facts.situations == ("sit/SDN",)


def test_abbreviations_a_document_defines_are_its_own_aliases() -> None:
    facts = link(_doc("The Independent Investigative Mechanism for Myanmar and the Intergovernmental Authority on "
                      "Development (IGAD) met the Group of Friends of the Sahel (GFS).",
                      "IGAD and GFS then reported; the Mission in the DRC (SAMIDRC) left."))
    later = [(m.entity_id, m.text) for m in facts.mentions if m.paragraph_index == 1]
    assert later == [("org/IGAD", "IGAD"), ("state/COD", "DRC")]  # GFS names no linked entity; SAMIDRC is not the DRC


@given(st.lists(st.sampled_from([*"ab Z’'-(),\t\n.é苏丹", "Sudan", "Guinea"]), max_size=40).map("".join))
def test_token_spans_match_the_tokens(text: str) -> None:
    tokens = Tokens(text)
    assert tokens.spans == [m.span() for m in re.finditer(r"\w+(?:['’]\w+)*|[^\w\s]", tokens.text)]
    assert [tokens.original[s:e].replace("’", "'") for s, e in tokens.spans] == tokens.words
