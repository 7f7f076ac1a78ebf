"""The State's positions on its UPR recommendations, read in the Working Group report's addendum.

Checked against the OHCHR "thematic list of recommendations" of Slovenia's cycles 2–4 (in
``upr-slovenia/docs/cycle*/``), which gives every recommendation's position and the addendum
paragraph it comes from, and for cycle 1 against UPR Info's table.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

import pytest

from bench.link_upr import norm, table_rows
from ingest.link import link
from ingest.link.responses import upr_responses
from ingest.pipeline import parse
from ontology.model import DocumentFacts, DocumentKind, Paragraph, ParagraphKind, ParsedDocument

SLOVENIA = {  # cycle: (Working Group report, its addendum), as the corpus names the files
    1: ("1stcyycleunoriginal/g1012049.pdf", "1stcyycleunoriginal/g1012465.pdf"),
    2: ("2ndcycleunoriginal/g1423930.pdf", "2ndcycleunoriginal/g1504261.pdf"),
    3: ("3rdcycleunoriginal/g1934994.pdf", "3rdcycleunoriginal/g2004192.pdf"),
    4: ("4thcycleunoriginal/g2502644.pdf", "4thcycleunoriginal/g2505828.pdf"),
}


@lru_cache(maxsize=8)
def _read(corpus: Path, name: str) -> tuple[ParsedDocument, DocumentFacts]:
    document = parse(corpus / "upr-slovenia" / "docs" / name)
    return document, link(document)


def _positions(corpus: Path, cycle: int) -> tuple[dict[str, str], dict[str, str | None]]:
    """(item → position read in the addendum, item → the report's own response) for Slovenia's ``cycle``."""
    report, report_facts = _read(corpus, SLOVENIA[cycle][0])
    _, addendum_facts = _read(corpus, SLOVENIA[cycle][1])
    keys = {p.index: p.key for p in report.paragraphs}
    own = {keys[r.paragraph_index]: r.response for r in report_facts.recommendations}
    pending = {k.split(".")[0] for k, v in own.items() if v == "pending"}
    assert len(pending) == 1
    bare = next(iter(pending))
    read: dict[str, str] = {}
    for response in addendum_facts.responses:
        assert response.report == report.symbol
        for item in response.items:
            read["." in item and item or f"{bare}.{item}"] = response.position
    return read, own


def _thematic_list(corpus: Path, cycle: int) -> dict[str, str]:
    """Item → "supported" / "noted", as OHCHR's thematic list of the cycle gives it."""
    text = (corpus / "upr-slovenia" / "docs" / f"cycle{cycle}" / "Thematic_List_of_Recommendations.md").read_text()
    out: dict[str, str] = {}
    item = None
    for line in text.splitlines():
        if m := re.match(r"^(\d{2,3}\.\d{1,3})\s", line):
            item = m.group(1)
        elif item and line.strip() in ("Supported", "Noted"):
            out[item], item = line.strip().lower(), None
    return out


@pytest.mark.parametrize(("cycle", "read_count", "own_count"), [(2, 163, 0), (3, 157, 58), (4, 254, 0)])
def test_every_position_of_the_thematic_list(corpus: Path, cycle: int, read_count: int, own_count: int) -> None:
    read, own = _positions(corpus, cycle)
    truth = _thematic_list(corpus, cycle)
    assert len(read) == read_count and set(read) <= set(truth)
    assert {k: truth[k] for k in read} == read  # every position read is the one OHCHR lists
    decided_in_report = {k: v for k, v in own.items() if v in ("supported", "noted")}
    assert len(decided_in_report) == own_count and set(read).isdisjoint(decided_in_report)
    assert set(read) | set(decided_in_report) == set(truth)  # together: every recommendation of the cycle
    assert set(read) <= set(own)  # each names a recommendation the report holds


def test_one_answer_per_item_in_cycle_one(corpus: Path) -> None:
    """"2. Slovenia accepts the recommendation." is read; hedged or narrowed answers are not."""
    read, _ = _positions(corpus, 1)
    assert Counter(read.values()) == {"accepted": 74, "noted": 1}
    assert read["111.88"] == "noted"  # "Slovenia does not accept this recommendation, as it is incomprehensible"
    assert "111.1" not in read  # "cannot, at this point in time, make a definitive statement"
    assert "111.58" not in read  # "accepts the recommendation regarding free legal aid": part of it
    report, facts = _read(corpus, SLOVENIA[1][0])
    keys = {p.index: p.key for p in report.paragraphs}
    rows = [r for r in table_rows(corpus) if r["To"] == "Slovenia"]
    checked = 0
    for rec in facts.recommendations:
        position = read.get(keys[rec.paragraph_index])
        matching = [r for r in rows if (k := norm(r["Text"])[:60]) and k in norm(rec.text)]
        if position and matching:
            assert {r["Response"] for r in matching} == {position.capitalize()}, rec.text
            checked += 1
    assert checked >= 70


def test_recommenders_with_a_parenthesised_official_name(corpus: Path) -> None:
    """"(Iran (Islamic Republic of))" closes a recommendation like "(Benin)"."""
    report, facts = _read(corpus, SLOVENIA[2][0])
    keys = {p.index: p.key for p in report.paragraphs}
    by = {keys[r.paragraph_index]: r.by for r in facts.recommendations}
    assert by["115.62"] == ("state/IRN",) and by["115.75"] == ("state/VEN",)
    assert len(by) == 163


def _addendum(*texts: str, date: str = "2020-03-01", symbol: str = "A/HRC/43/15/Add.1",
              title: str = "Report of the Working Group on the Universal Periodic Review Northmark Addendum"
              ) -> ParsedDocument:
    paragraphs = tuple(
        Paragraph(index=i, key=str(i + 1), label=None, kind=ParagraphKind.HEADING if t.startswith("#") else
                  ParagraphKind.NUMBERED, text=t.lstrip("#"), page=2) for i, t in enumerate(texts))
    return ParsedDocument(file="add.pdf", sha256="0" * 64, symbols=(symbol,), title=title, date=date,
                          language="en", organs=("General Assembly",), kind=DocumentKind.REPORT, pages=3,
                          paragraphs=paragraphs)


@pytest.mark.parametrize(("text", "items"), [
    ("The Government accepts the following recommendations: 140.7, 140.82-85, 87.", ("140.7", "140.82", "140.83",
                                                                                      "140.84", "140.85", "140.87")),
    ("The Government accepts the recommendations 122.34- 35, 122.45.", ("122.34", "122.35", "122.45")),
    ("It accepts the recommendations 1–3, 150 – 152 and 7.", ("1", "2", "3", "150", "151", "152", "7")),
    ("It accepts the following recommendations: 140.35. 140.36, 140.40.", ("140.35", "140.36", "140.40")),
    ("The Government accepts the following recommendations and provides some additional information: 9, 10.",
     ("9", "10")),
])
def test_lists_as_addenda_write_them(text: str, items: tuple[str, ...]) -> None:
    (response,) = upr_responses(_addendum(text))
    assert response.items == items and response.position == "supported" and response.report == "A/HRC/43/15"


def test_what_is_not_read_as_a_position() -> None:
    counts = "The Government accepts 142 recommendations and notes 21 recommendations."
    assert upr_responses(_addendum(counts)) == []  # counts, not a list
    listing = "The Government takes note of recommendations 4, 5."
    assert upr_responses(_addendum(listing, symbol="A/HRC/43/15")) == []  # not an addendum
    other = "Report of the Special Rapporteur on the right to food Addendum"
    assert upr_responses(_addendum(listing, title=other)) == []  # an addendum, not of a UPR report
    (noted,) = upr_responses(_addendum(listing, date="2009-05-01"))
    assert noted.position == "noted" and noted.items == ("4", "5")


def test_one_answer_per_item_and_items_given_twice() -> None:
    doc = _addendum("#1.", "Northmark accepts the recommendation and has already implemented it.",
                    "#2.", "Northmark accepts the recommendation regarding legal aid.",
                    "3., 4., 5. The Government accepts these recommendations.",
                    "#6.", "Northmark cannot, at this point, accept the recommendation.",
                    "The Government notes recommendations 7, 8.",
                    "The Government accepts recommendations 8, 9.", date="2010-03-23")
    got = {(r.items, r.position) for r in upr_responses(doc)}
    # 8 is given both positions: the text does not settle it
    assert got == {(("1",), "accepted"), (("3", "4", "5"), "accepted"), (("7",), "noted"), (("9",), "accepted")}
