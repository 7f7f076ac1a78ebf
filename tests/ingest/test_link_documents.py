"""Security Council reports and resolutions: situations, peace operations, establishments, recommendations."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from ingest.link import link
from ingest.pipeline import parse
from ontology.model import (
    DocumentFacts,
    DocumentKind,
    MechanismType,
    Paragraph,
    ParagraphKind,
    ParsedDocument,
)


@lru_cache(maxsize=16)
def _linked(corpus: Path, name: str) -> tuple[ParsedDocument, DocumentFacts]:
    document = parse(corpus / "un-mixed-2025" / f"{name}.en.pdf")
    return document, link(document)


def test_south_sudan_report_yields_the_situation_and_its_peace_operation(corpus: Path) -> None:
    document, facts = _linked(corpus, "S_2025_504")
    assert facts.situations == ("sit/SSD",)
    assert {s.id: s.iso3 for s in facts.situation_defs}["sit/SSD"] == "SSD"
    unmiss = next(m for m in facts.mechanisms if m.id == "mech/unmiss")
    assert unmiss.type is MechanismType.PEACE_OPERATION and unmiss.established_by == ("S/RES/1996 (2011)",)
    evidence = [c for c in facts.coverage if c.mechanism_id == "mech/unmiss"]
    assert evidence and {c.situation_id for c in evidence} == {"sit/SSD"}
    for c in evidence:
        text = document.paragraphs[c.paragraph_index].text
        assert c.date == document.date
        assert "UNMISS" in text or "United Nations Mission in" in text


def test_abyei_report_is_a_named_situation_without_a_country(corpus: Path) -> None:
    _, facts = _linked(corpus, "S_2025_269")
    assert facts.situations == ("sit/abyei",)
    assert next(s for s in facts.situation_defs if s.id == "sit/abyei").iso3 is None
    assert any(c.mechanism_id == "mech/unisfa" and c.situation_id == "sit/abyei" for c in facts.coverage)


def test_drc_report_yields_monusco_and_the_secretary_generals_recommendations(corpus: Path) -> None:
    document, facts = _linked(corpus, "S_2025_403")
    assert facts.situations == ("sit/COD",)
    assert any(c.mechanism_id == "mech/monusco" and c.situation_id == "sit/COD" for c in facts.coverage)
    recs = facts.recommendations
    assert recs and all(r.by == ("un/SG",) for r in recs)
    assert all("Observations" in (document.paragraphs[r.paragraph_index].section or "") for r in recs)
    parties = [r for r in recs if r.to == ("group/parties",)]
    assert parties and all(r.text.startswith("I ") for r in parties)
    assert any(r.to[0] == "state/COD" and "Government" in r.text for r in recs)


def test_resolution_renewing_a_peace_operation(corpus: Path) -> None:
    document, facts = _linked(corpus, "S_RES_2778 (2025)")
    assert facts.issued_by == ("un/SC",)
    assert facts.situations == ("sit/SSD",)  # from the preamble's threat determination
    assert facts.outcome_of == ()  # the Council decides; the mission it renews is not its channel
    [est] = facts.establishments
    assert (est.mechanism_id, est.symbol, est.action) == ("mech/unmiss", "S/RES/2778 (2025)", "extended")
    assert document.paragraphs[est.paragraph_index].label == "1"


def test_resolution_extending_a_panel_named_by_its_founding_resolution(corpus: Path) -> None:
    _, facts = _linked(corpus, "S_RES_2772 (2025)")
    assert [(e.mechanism_id, e.action) for e in facts.establishments] == [("mech/poe-sudan", "extended")]
    assert "sit/SDN" in facts.situations
    panel = next(m for m in facts.mechanisms if m.id == "mech/poe-sudan")
    assert panel.type is MechanismType.SANCTIONS and panel.established_by == ("S/RES/1591 (2005)",)


def test_mechanism_established_pursuant_to_a_resolution_named_in_a_letter(corpus: Path) -> None:
    _, facts = _linked(corpus, "S_2025_85")
    assert any(e.mechanism_id == "mech/poe-haiti" and e.symbol == "S/RES/2653 (2022)" and e.action == "established"
               for e in facts.establishments)


def test_operative_paragraphs_are_recommendations_by_the_council_to_their_addressees(corpus: Path) -> None:
    document, facts = _linked(corpus, "S_RES_2788 (2025)")
    by_label = {document.paragraphs[r.paragraph_index].label: r for r in facts.recommendations}
    assert by_label["1"].by == ("un/SC",) and by_label["1"].to == ("group/member-states",)
    assert by_label["1"].verb == "Urges"
    assert by_label["13"].to == ("un/SG",) and by_label["13"].verb == "Requests"
    assert "15" not in by_label  # "Decides to remain seized" recommends nothing


def test_addendum_relation_and_no_invented_situation(corpus: Path) -> None:
    _, facts = _linked(corpus, "S_2025_10_Add.31")
    assert facts.relations[0].type == "addendum_to" and facts.relations[0].symbol == "S/2025/10"
    _, letter = _linked(corpus, "S_2025_102")  # a letter from the DRC's representative is not about a situation
    assert letter.situations == ()


def test_a_draft_recommends_in_the_name_of_its_sponsors(corpus: Path) -> None:
    _, facts = _linked(corpus, "S_2025_421")  # the title names the two sponsors
    assert facts.recommendations
    assert all(r.by == ("state/RUS", "state/USA") for r in facts.recommendations)
    assert facts.establishments == ()  # a draft establishes nothing


def test_a_draft_whose_sponsors_stand_under_its_title_recommends_in_their_name(corpus: Path) -> None:
    document, facts = _linked(corpus, "A_HRC_59_L.17")  # "Azerbaijan, …, Samoa and Viet Nam: draft resolution"
    assert document.title == "Human rights and climate change"
    sponsors = {"state/AZE", "state/BGD", "state/PHL", "state/WSM", "state/VNM"}
    assert facts.recommendations and all(set(r.by) == sponsors for r in facts.recommendations)


def test_a_panel_of_experts_letter_concerns_the_situation_of_the_panel_its_title_names(corpus: Path) -> None:
    # "Letter … from the Panel of Experts established pursuant to Security Council resolution 2653 (2022) …":
    # resolution 2653 (2022) established the Panel of Experts on Haiti (ontology/vocab/mechanisms.csv)
    document, facts = _linked(corpus, "S_2025_356")
    assert "resolution 2653 (2022)" in (document.title or "") and "Haiti" not in (document.title or "")
    assert facts.situations == ("sit/HTI",)


def test_a_1997_report_on_haiti_is_evidence_of_the_civilian_mission_it_names(corpus: Path) -> None:
    # A/52/687 names "the OAS/United Nations International Civilian Mission (MICIVIH)" throughout
    document, facts = _linked(corpus, "A_52_687")
    assert facts.situations == ("sit/HTI",)
    covered = {(c.mechanism_id, c.situation_id, c.date) for c in facts.coverage}
    assert covered == {("mech/micivih", "sit/HTI", "1997-11-18")}
    assert document.paragraphs[facts.coverage[0].paragraph_index].label == "1"


def test_a_report_whose_subtitle_names_the_secretary_general_is_his(corpus: Path) -> None:
    document, facts = _linked(corpus, "S_2025_231")  # "Report of the Secretary-General" under the title
    assert document.subtitle == "Report of the Secretary-General"
    urged = [r for r in facts.recommendations if r.by == ("un/SG",)]
    assert [document.paragraphs[r.paragraph_index].label for r in urged] == ["53"]
    assert document.paragraphs[urged[0].paragraph_index].text.startswith("Lastly, I urge all parties")


def _resolution(*operative: str) -> ParsedDocument:
    """A resolution written for this test (not corpus text): numbered operative paragraphs."""
    paragraphs = tuple(
        Paragraph(index=i, key=str(i + 1), label=str(i + 1), kind=ParagraphKind.OPERATIVE, text=t, page=1,
                  verb=t.split()[0])
        for i, t in enumerate(operative)
    )
    return ParsedDocument(file="res.pdf", sha256="1" * 64, symbols=("A/HRC/RES/99/1",), title="Situation in the Sudan",
                          date="2030-10-01", language="en", organs=("Human Rights Council",),
                          kind=DocumentKind.RESOLUTION, pages=1, paragraphs=paragraphs)


def test_decides_to_establish_and_established_pursuant_to() -> None:
    facts = link(_resolution(
        "Decides to establish, for an initial period of one year, an independent international fact-finding "
        "mission for the Sudan, and requests the mission to report to the Council;",
        "Welcomes the work of the Panel of Experts on the Sudan established pursuant to resolution 1591 (2005), "
        "and of the Special Rapporteur on the situation of human rights in Eritrea established by Human Rights "
        "Council resolution 20/20;",
        "Decides to renew the measures imposed by paragraph 3 of its resolution 1556 (2004);",
        "Calls upon the Government of the Sudan and all parties to cooperate fully with the mission;",
    ))
    found = {(e.mechanism_id, e.symbol, e.action, e.paragraph_index) for e in facts.establishments}
    assert found == {
        ("mech/ffm-sudan", "A/HRC/RES/99/1", "established", 0),
        ("mech/poe-sudan", "S/RES/1591 (2005)", "established", 1),
        ("mech/sr-eritrea", "A/HRC/RES/20/20", "established", 1),
    }  # renewing sanctions measures is not a mandate
    assert facts.issued_by == ("un/HRC",) and facts.situations == ("sit/SDN",)
    [rec] = facts.recommendations
    assert (rec.by, rec.to, rec.verb, rec.paragraph_index) == (("un/HRC",), ("state/SDN", "group/parties"),
                                                               "Calls upon", 3)
    assert {c.situation_id for c in facts.coverage if c.mechanism_id == "mech/sr-eritrea"} == {"sit/ERI"}


def test_treaty_body_document_in_russian_concerns_the_state_in_its_symbol(corpus: Path) -> None:
    document, facts = _linked(corpus, "S_2024_145")  # the file holds CEDAW/C/CAF/CO/6, in Russian
    assert document.symbol == "CEDAW/C/CAF/CO/6"
    assert facts.situations == ("sit/CAF",)
