"""Golden tests: UPR Working Group reports, every numbered recommendation its own paragraph,
checked against the recommendation table of sessions 1-12 in the corpus."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from ingest.pipeline import parse
from ontology.model import DocumentKind, ParsedDocument

REPORTS = {  # file -> (State under review, symbol, recommendation paragraphs and their counts)
    "andorra2011.pdf": ("Andorra", "A/HRC/16/8", {"83": 24, "84": 30, "85": 2}),
    "belgium2011.pdf": ("Belgium", "A/HRC/18/3", {"100": 59, "101": 26, "102": 13, "103": 23}),
    "benin2008.pdf": ("Benin", "A/HRC/8/39", {"56": 34}),
}


@pytest.fixture(scope="module")
def reports(corpus: Path) -> dict[str, ParsedDocument]:
    return {name: parse(corpus / "upr-cycle1" / "pdfs" / name) for name in REPORTS}


@pytest.fixture(scope="module")
def table(corpus: Path) -> list[dict[str, str]]:
    with (corpus / "upr-cycle1" / "recommendations-sessions-1-12.csv").open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", text.lower()) if len(w) > 3}


@pytest.mark.parametrize("name", sorted(REPORTS))
def test_recommendations_are_labelled_paragraphs(reports: dict[str, ParsedDocument], name: str) -> None:
    state, symbol, lists = REPORTS[name]
    doc = reports[name]
    assert doc.symbols == (symbol,)
    assert doc.kind is DocumentKind.REPORT
    assert doc.title is not None and doc.title.endswith(state)
    for parent, count in lists.items():
        items = [p for p in doc.paragraphs if p.parent == parent]
        assert [p.label for p in items] == [f"{parent}.{n}" for n in range(1, count + 1)]
        assert [p.key for p in items] == [p.label for p in items]
        for item in items:
            assert re.search(r"\([^()]*\)\s*[;.]?$", item.text), item.text  # ends with "(Recommending State);"
            assert item.section is not None and "recommendations" in item.section.lower()


def test_recommendation_text_is_whole(reports: dict[str, ParsedDocument]) -> None:
    by_key = {p.key: p for p in reports["andorra2011.pdf"].paragraphs}
    assert by_key["83.1"].text == (
        "Carefully monitor the impact of legislation, policies and programmes to eliminate inequality between "
        "women and men, and take steps to ensure that equal rights are enjoyed de facto (Azerbaijan);"
    )
    assert by_key["83.6"].page == 15  # the list runs on over the page break
    by_key = {p.key: p for p in reports["benin2008.pdf"].paragraphs}
    assert by_key["56.1"].text.startswith("Recommended that Benin strengthen its cooperation with special procedures")
    assert by_key["56.13"].page == 16 and by_key["56.13"].parent == "56"


@pytest.mark.parametrize("name", sorted(REPORTS))
def test_every_recommendation_of_the_table_is_found(reports: dict[str, ParsedDocument],
                                                    table: list[dict[str, str]], name: str) -> None:
    state = REPORTS[name][0]
    recommendations = [p for p in reports[name].paragraphs if p.parent and "." in (p.label or "")]
    rows = [r for r in table if r["To"] == state and r["From"] != state]  # own pledges are not recommendations
    assert rows
    missing = []
    for row in rows:
        words = _words(row["Text"])
        recommender = row["From"].split()[0].lower()
        made_by = [p for p in recommendations if recommender in p.text.lower()]
        share = max((len(words & _words(p.text)) / len(words) for p in made_by), default=0.0)
        if share < 0.7:
            missing.append((row["From"], row["Text"]))
    assert missing == []


@pytest.mark.parametrize(("path", "kind"), [
    ("upr-slovenia/docs/1stcyycleunoriginal/g0917008.pdf", "SUMMARY PREPARED BY THE OFFICE"),  # title in capitals
    ("upr-slovenia/docs/2ndcycleunoriginal/g1414064.pdf", "Compilation prepared by the Office"),
    ("upr-slovenia/docs/4thcycleunoriginal/g2419943.pdf", "Slovenia"),  # "Compilation of information …" below it
    ("upr-cycle1/pdfs/peru2008.pdf", "UNIVERSAL PERIODIC REVIEW"),  # a title page that names no report
])
def test_ohchr_compilations_and_summaries_and_working_group_reports_are_reports(corpus: Path, path: str,
                                                                                kind: str) -> None:
    doc = parse(corpus / path)
    assert doc.title is not None and doc.title.startswith(kind)
    assert doc.kind is DocumentKind.REPORT


@pytest.mark.parametrize(("name", "number", "start"), [
    ("bhutan2010.pdf", "8", "The delegation informed that the Constitution"),  # printed "8 The delegation"
    ("ireland2011.pdf", "42", "The State party reported that"),  # printed "42, The State party"
])
def test_a_paragraph_number_printed_without_its_full_stop_is_its_label(corpus: Path, name: str, number: str,
                                                                       start: str) -> None:
    doc = parse(corpus / "upr-cycle1" / "pdfs" / name)
    paragraph = next(p for p in doc.paragraphs if p.text.startswith(start))
    assert paragraph.label == number
    numbers = [int(p.label) for p in doc.paragraphs if p.label and p.label.isdigit() and not p.parent]
    assert numbers == list(range(1, len(numbers) + 1))  # the numbering runs without a gap
