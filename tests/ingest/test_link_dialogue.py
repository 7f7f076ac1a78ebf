"""UPR recommendations read from the summary of the interactive dialogue (sentences from cycle-1 reports)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.link import link
from ingest.link.dialogue import paragraph_recommendations, sentence_recommendations
from ingest.link.registry import registry
from ingest.pipeline import parse

CHAD = ("Germany recommended that Chad (a) abolish the state of emergency; (b) prevent military recruitment of children "
        "and foster the rights of the child as provided for in the Convention on the Rights of the Child; and (c) reform "
        "the judiciary and establish a true separation of powers to ensure democracy and full respect for human rights")


def _read(sentence: str, sur: str) -> list[tuple[tuple[str, ...], str, str | None]]:
    return list(sentence_recommendations(sentence, registry(), sur))


def test_lettered_items_each_by_the_named_state() -> None:
    items = _read(CHAD, "state/TCD")
    assert [(by, verb) for by, _, verb in items] == [(("state/DEU",), "abolish"), (("state/DEU",), "prevent"),
                                                     (("state/DEU",), "reform")]
    assert items[0][1] == "abolish the state of emergency"
    assert items[2][1].startswith("reform the judiciary and establish a true separation of powers")


def test_one_item_after_the_state_under_review() -> None:
    items = _read("Slovenia recommended that the Philippines enable the visit by the Special Rapporteur as soon as "
                  "possible", "state/PHL")
    assert items == [(("state/SVN",), "enable the visit by the Special Rapporteur as soon as possible", "enable")]


def test_subject_after_an_opening_clause() -> None:
    sentence = ("Highlighting Viet Nam’s excellent results in, inter alia, poverty reduction, Mexico recommended (a) "
                "taking necessary measures to establish a national human rights institution in accordance with the "
                "Paris Principles; (b) enhancing its cooperation with the United Nations special procedures")
    items = _read(sentence, "state/VNM")
    assert [by for by, _, _ in items] == [("state/MEX",), ("state/MEX",)]
    assert items[1][1] == "enhancing its cooperation with the United Nations special procedures"


def test_the_item_ends_where_another_statement_starts() -> None:
    items = _read("Jordan recommended that Algeria pursue the path towards national reconciliation and welcomed "
                  "efforts made in this regard", "state/DZA")
    assert items == [(("state/JOR",), "pursue the path towards national reconciliation", "pursue")]


@pytest.mark.parametrize(("sentence", "sur"), [
    # other verbs are not recommendations
    (("Mexico welcomed the creation of national institutions for the promotion and defence of human rights, "
     "particularly for the most vulnerable: women, children and the elderly"), "state/BFA"),
    ("Egypt noted the emphasis given to successful integration of migrants", "state/DEU"),
    # "It" with no speaker given (a sentence read alone, outside its paragraph)
    (("It also recommended that it sign and ratify the International Convention on the Protection of All Persons "
     "from Enforced Disappearance"), "state/PHL"),
    ("The delegation recommended coming to a more streamlined, transparent registration process, and visa issuing",
     "state/AZE"),
    # the State named is the subject of an earlier verb of the sentence, not next to "recommended"
    (("Italy noted that while Tonga’s Strategy Development Plan 8, entitled Looking to the future, building on the "
     "past, encompassed human rights issues and aims at their full respect, Tonga is not a party to the International "
     "Covenant on Civil and Political Rights (ICCPR) or the International Covenant on Economic, Social and Cultural "
     "Rights (ICESCR), and recommended that (a) Tonga consider the ratification of the two Covenants; and (b) ratify "
     "the Rome Statute of the International Criminal Court"), "state/TON"),
    # addressed to the international community, not to the State under review
    (("Algeria recommended that the international community provide further technical and financial assistance to "
     "Burkina Faso, particularly in education, health and employment"), "state/BFA"),
    ("Ghana recommended assistance to the Government to address these challenges", "state/BRA"),
])
def test_sentences_that_are_not_read(sentence: str, sur: str) -> None:
    assert _read(sentence, sur) == []


def test_the_state_under_review_never_recommends_to_itself() -> None:
    sentence = ("Mexico recommended that Burkina Faso (a) continue with its efforts by ratifying the Optional Protocol "
                "to the Convention against Torture")
    assert _read(sentence, "state/BFA")
    assert _read(sentence, "state/MEX") == []


@pytest.fixture(scope="module")
def chad(corpus: Path) -> tuple:
    document = parse(corpus / "upr-cycle1" / "pdfs" / "chad2009.pdf")
    return document, link(document)


def test_dialogue_recommendations_carry_their_paragraph(chad: tuple) -> None:
    document, facts = chad
    germany = [r for r in facts.recommendations if r.text.startswith("reform the judiciary and establish")]
    assert len(germany) == 1
    rec = germany[0]
    paragraph = document.paragraphs[rec.paragraph_index]
    assert (paragraph.key, rec.by, rec.to, rec.response) == ("51", ("state/DEU",), ("state/TCD",), None)
    assert paragraph.page and "interactive dialogue" in (paragraph.section or "").lower()
    assert rec.text in " ".join(paragraph.text.split())
    assert "justice" in rec.themes and rec.situations == ("sit/TCD",)


def test_listed_recommendations_are_not_read_twice(chad: tuple) -> None:
    document, facts = chad
    dialogue = {p.index for p in document.paragraphs if "interactive dialogue" in (p.section or "").lower()}
    listed = [r for r in facts.recommendations if r.paragraph_index not in dialogue]
    said = [r for r in facts.recommendations if r.paragraph_index in dialogue]
    assert listed and said
    assert all(r.by and r.to == ("state/TCD",) and "state/TCD" not in r.by for r in said)
    listed_texts = {" ".join(r.text.lower().split()) for r in listed}
    assert not any(" ".join(r.text.lower().split()) in listed_texts for r in said)


def test_verb_only_where_the_item_opens_with_one() -> None:
    passive = _read("Austria recommended that (a) any restrictions on the activities of civil society be lifted and "
                    "safeguards implemented to prevent human rights defenders from being prosecuted for their peaceful "
                    "activities", "state/UZB")
    assert [(by, verb) for by, _, verb in passive] == [(("state/AUT",), None)]
    infinitive = _read("Bangladesh recommended to (a) establish an NHRI in accordance with the Paris Principles",
                       "state/CHL")
    assert infinitive == [(("state/BGD",), "establish an NHRI in accordance with the Paris Principles", "establish")]


def test_a_state_opening_the_sentence_with_a_first_verb_joined_by_and() -> None:
    sentence = ("Belgium requested information regarding the motives behind these legislative and judicial measures "
                "and recommended that Algeria respect freedom of religion and belief, revise the text of the 2006 "
                "Ordinance, and suspend its application")
    assert [(by, verb) for by, _, verb in _read(sentence, "state/DZA")] == [(("state/BEL",), "respect")]


@pytest.mark.parametrize(("sentence", "sur"), [
    # another State named between the first verb and "recommended": it could be the subject
    (("Slovenia requested information on how Ecuador integrated the gender perspective into the preparation of "
      "their report and recommended that Ecuador continue to include a gender perspective also in the follow-up "
      "process to UPR"), "state/ECU"),
    # a question, not a recommendation
    (("Slovenia asked, and recommended, what obstacles there were to the ratification of this important "
      "international instrument, and if the Czech Republic intended to ratify it in the near future"), "state/CZE"),
])
def test_coordinated_verbs_not_read(sentence: str, sur: str) -> None:
    assert _read(sentence, sur) == []


def _paragraph(text: str, sur: str) -> list[tuple[tuple[str, ...], str, str | None]]:
    return list(paragraph_recommendations(text, registry(), sur))


NETHERLANDS = ("The Netherlands noted the Chinese position on the protection of ethnic minority rights. It welcomed "
               "progress made in human rights. It recommended that China: (a) continue to advance the rule of law and "
               "to deepen the reform of the judicial system; (b) ratify the ICCPR as soon as possible and bring its "
               "legislation into line with its provisions; and (c) extend a standing invitation to all United Nations "
               "special rapporteurs. It said it looked forward to the publication of the Human Rights Action Plan.")


def test_it_stands_for_the_state_that_spoke_before() -> None:
    items = _paragraph(NETHERLANDS, "state/CHN")
    assert [(by, verb) for by, _, verb in items] == [(("state/NLD",), "continue"), (("state/NLD",), "ratify"),
                                                     (("state/NLD",), "extend")]
    assert items[1][1] == "ratify the ICCPR as soon as possible and bring its legislation into line with its provisions"


@pytest.mark.parametrize(("paragraph", "sur", "by"), [
    # the State named after an opening clause, then "it" after an opening clause
    (("Noting Malta’s position as a transit point on migration routes, Mexico asked about cooperative mechanisms "
      "established with international organizations. In this regard, it recommended that Malta strengthen its "
      "cooperation with OHCHR"), "state/MLT", "state/MEX"),
    # a sentence about something else in between, naming no actor, keeps the speaker
    (("Canada noted positive steps taken by Indonesia. Despite a number of programmes, the problem persisted. It "
      "recommended that Indonesia provide additional human rights training to security forces"), "state/IDN",
     "state/CAN"),
])
def test_it_after_other_sentences(paragraph: str, sur: str, by: str) -> None:
    assert [b for b, _, _ in _paragraph(paragraph, sur)] == [(by,)]


@pytest.mark.parametrize(("paragraph", "sur"), [
    # no State spoke first
    ("The delegation noted the concerns raised. It recommended that Chad ratify the Convention", "state/TCD"),
    # a body that could be "It" is named in between
    (("Mexico welcomed the report. The Committee on the Rights of the Child expressed concern about child labour. It "
      "recommended that Chad adopt a law on the minimum age of employment"), "state/TCD"),
    # two States spoke: "It" is neither
    ("Mexico and Brazil welcomed the report. It recommended that Chad ratify the Convention", "state/TCD"),
    # the opening clause names another State
    ("Mexico welcomed the report. Like Brazil, it recommended that Chad ratify the Convention", "state/TCD"),
    # the State under review spoke
    ("Chad thanked the delegations. It recommended that Chad be given technical assistance", "state/TCD"),
])
def test_it_not_read_when_it_could_stand_for_another(paragraph: str, sur: str) -> None:
    assert _paragraph(paragraph, sur) == []


def test_it_recommended_in_a_whole_report(corpus: Path) -> None:
    document = parse(corpus / "upr-cycle1" / "pdfs" / "china2009.pdf")
    facts = link(document)
    netherlands = [r for r in facts.recommendations if r.by == ("state/NLD",)
                   and "interactive dialogue" in (document.paragraphs[r.paragraph_index].section or "").lower()]
    # (a) repeats the report's list ("Continue to advance the rule of law … (Netherlands)"): read there only
    assert [r.text.split()[0] for r in netherlands] == ["ratify", "extend"]
    assert any(r.by == ("state/NLD",) and r.text.startswith("Continue to advance the rule of law")
               for r in facts.recommendations)
    paragraph = document.paragraphs[netherlands[0].paragraph_index]
    assert paragraph.text.startswith("The Netherlands") and all(r.to == ("state/CHN",) for r in netherlands)
