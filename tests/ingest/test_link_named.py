"""Unlisted situations read from the document itself: the demo's invented States, and no false positives.

The rule fires only where no listed situation was found and the subject is a capitalised name the
gazetteer does not know; real documents about regions, themes or listed States must not gain one.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.demo import write_demo
from ingest.link import link
from ingest.pipeline import parse
from ontology.model import DocumentFacts


def _facts(path: Path) -> DocumentFacts:
    return link(parse(path))


def _unlisted(facts: DocumentFacts) -> list[str]:
    return [s.id for s in facts.situation_defs if s.id.startswith("sit/x-")]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> dict[str, DocumentFacts]:
    paths = write_demo(tmp_path_factory.mktemp("demo-named"))
    facts = {}
    for path in paths:
        doc = parse(path)
        facts[doc.symbol] = link(doc)
    return facts


def test_the_demo_subjects_are_unlisted_situations_with_a_warning(demo: dict[str, DocumentFacts]) -> None:
    assert demo["S/RES/9901 (2026)"].situations == ("sit/x-eastland",)
    assert demo["A/HRC/61/9002"].situations == ("sit/x-eastland",)
    assert demo["A/80/9001"].situations == ("sit/x-eastland",)
    assert demo["A/HRC/61/9003"].situations == ("sit/x-northmark",)
    eastland = next(s for s in demo["A/80/9001"].situation_defs if s.id == "sit/x-eastland")
    assert (eastland.name, eastland.iso3) == ("Eastland", None)
    assert any("'Eastland'" in w and "not in the controlled list" in w for w in demo["A/80/9001"].warnings)


def test_the_demo_mandates_cover_their_situation(demo: dict[str, DocumentFacts]) -> None:
    resolution = demo["S/RES/9901 (2026)"]
    covers = {(c.mechanism_id, c.situation_id) for c in resolution.coverage}
    assert ("mech/poe-x-eastland", "sit/x-eastland") in covers
    assert [(e.mechanism_id, e.symbol, e.action) for e in resolution.establishments] == [
        ("mech/poe-x-eastland", "S/RES/9901 (2026)", "established")]
    # the report names the universal periodic review of another (unlisted) State, not of Eastland
    assert "mech/upr" not in {c.mechanism_id for c in demo["A/80/9001"].coverage}
    report = {m.id: m for m in demo["A/80/9001"].mechanisms}
    assert report["mech/op-x-eastland"].name == "United Nations Stabilization Mission in Eastland"
    assert report["mech/coi-x-eastland"].name == "Independent Commission of Inquiry on Eastland"
    assert any(m.text == "UNSME" for m in demo["A/80/9001"].mentions)  # the acronym the report defines


@pytest.mark.parametrize("name", [
    "un-mixed-2025/S_2025_342.en.pdf",  # "The situation in Central Africa": a region
    "un-mixed-2025/S_2025_495.en.pdf",  # West Africa and the Sahel
    "un-mixed-2025/A_RES_78_323.en.pdf",  # Women and Girls of African Descent
    "un-mixed-2025/A_HRC_59_L.17.en.pdf",  # thematic: human rights and climate change
    "un-mixed-2025/S_RES_2770 (2025).en.pdf",  # a resolution without a listed subject
    "upr-cycle1/pdfs/albania2010.pdf",  # a listed State under review
])
def test_real_documents_gain_no_unlisted_situation(corpus: Path, name: str) -> None:
    facts = _facts(corpus / name)
    assert _unlisted(facts) == []
    assert not any("not in the controlled list of States" in w for w in facts.warnings)


def test_a_real_territory_not_in_the_state_list_is_read_from_the_title(corpus: Path) -> None:
    facts = _facts(corpus / "un-mixed-2025" / "S_2025_200.en.pdf")  # the UNMIK report
    assert facts.situations == ("sit/x-kosovo",)
    assert ("mech/unmik", "sit/x-kosovo") in {(c.mechanism_id, c.situation_id) for c in facts.coverage}
