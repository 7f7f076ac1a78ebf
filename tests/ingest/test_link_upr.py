"""UPR Working Group reports: every recommendation, its recommenders, addressee and response.

Checked against ``upr-cycle1/recommendations-sessions-1-12.csv`` (UPR Info's table). That table
rewrites compound recommendations into several shorter ones ("accede to CPD and ICESR
(Mexico)" becomes "Accede to CRPD and ICESR."), so for reports with compound items the test
asserts the recommending States exactly and the texts for all but those rewritten rows.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from pathlib import Path

import pytest

from bench.link_upr import norm, state_id, table_rows
from ingest.link import link
from ingest.pipeline import parse
from ontology.model import DocumentFacts, Recommendation


@lru_cache(maxsize=1)
def _rows(corpus: Path) -> tuple[dict[str, str], ...]:
    return tuple(table_rows(corpus))


@lru_cache(maxsize=8)
def _facts(corpus: Path, name: str) -> DocumentFacts:
    return link(parse(corpus / "upr-cycle1" / "pdfs" / f"{name}.pdf"))


@lru_cache(maxsize=8)
def _listed(corpus: Path, name: str) -> tuple[Recommendation, ...]:
    """The recommendations read from the report's list, not from the summary of the interactive dialogue."""
    document = parse(corpus / "upr-cycle1" / "pdfs" / f"{name}.pdf")
    dialogue = {p.index for p in document.paragraphs if "interactive dialogue" in (p.section or "").lower()}
    return tuple(r for r in _facts(corpus, name).recommendations if r.paragraph_index not in dialogue)


def _check(corpus: Path, name: str, iso3: str) -> tuple[int, list[dict[str, str]], DocumentFacts]:
    """(rows whose text and recommender match, rows not found by text, facts)."""
    facts = _facts(corpus, name)
    sur = f"state/{iso3}"
    rows = [r for r in _rows(corpus) if state_id(r["To"]) == sur]
    assert rows
    matched, missing = 0, []
    for row in rows:
        key = norm(row["Text"])[:60]
        found = [r for r in facts.recommendations if key in norm(r.text)]
        if not found:
            missing.append(row)
            continue
        assert any(state_id(row["From"]) in r.by and r.to == (sur,) for r in found), row
        matched += 1
    return matched, missing, facts


@pytest.mark.parametrize(("name", "iso3", "count", "dialogue"),
                         [("ecuador2008", "ECU", 10, 1), ("guinea2010", "GIN", 114, 0)])
def test_every_recommendation_with_its_recommenders_and_addressee(corpus: Path, name: str, iso3: str,
                                                                  count: int, dialogue: int) -> None:
    _, missing, facts = _check(corpus, name, iso3)
    assert not missing
    assert len(_listed(corpus, name)) == count
    assert len(facts.recommendations) == count + dialogue  # Ecuador: one more, given only in the dialogue
    assert facts.situations == (f"sit/{iso3}",)
    assert all(r.by and r.to == (f"state/{iso3}",) and r.verb for r in facts.recommendations)
    assert facts.outcome_of == ("mech/upr",)  # made by States, through the UPR


@pytest.mark.parametrize(("name", "iso3"), [("belize2009", "BLZ"), ("slovenia2010", "SVN")])
def test_compound_recommendations_keep_every_recommender(corpus: Path, name: str, iso3: str) -> None:
    matched, _, facts = _check(corpus, name, iso3)
    rows = [r for r in _rows(corpus) if state_id(r["To"]) == f"state/{iso3}"]
    assert matched >= 0.9 * len(rows)
    # the recommending States are exactly the table's; no item is left without recommender or addressee
    assert {s for r in facts.recommendations for s in r.by} == {state_id(r["From"]) for r in rows}
    assert all(r.by and r.to == (f"state/{iso3}",) for r in facts.recommendations)
    assert not facts.warnings


def test_a_recommendation_whose_line_ends_with_its_recommenders_runs_on_to_the_next(corpus: Path) -> None:
    # Serbia 2009, 57.2: "… anti-discrimination laws (Mexico, Hungary)" ends a line; "to protect, inter alia, …
    # (Italy), and begin their implementation (Slovakia);" goes on, one indent further in
    document = parse(corpus / "upr-cycle1" / "pdfs" / "serbia2009.pdf")
    facts = link(document)
    item = next(r for r in facts.recommendations if document.paragraphs[r.paragraph_index].label == "57.2")
    assert item.by == ("state/MEX", "state/HUN", "state/ITA", "state/SVK")
    assert document.paragraphs[item.paragraph_index].text.endswith("and begin their implementation (Slovakia);")
    assert not any(p.text.startswith("to protect, inter alia") for p in document.paragraphs)


def test_responses_from_the_lead_in_paragraphs(corpus: Path) -> None:
    ecuador = _listed(corpus, "ecuador2008")  # a closing paragraph gives the response for all listed
    assert {r.response for r in ecuador} == {"accepted"}
    guinea = Counter(r.response for r in _facts(corpus, "guinea2010").recommendations)
    assert guinea == {"accepted": 105, "pending": 9}  # "enjoy its support" / "will be examined by Guinea"
    assert {r.response for r in _facts(corpus, "slovenia2010").recommendations} == {"pending"}


def test_recommendation_text_verb_and_themes(corpus: Path) -> None:
    recs = _listed(corpus, "ecuador2008")
    joint = [r for r in recs if len(r.by) == 2]
    assert sorted(r.by for r in joint) == [("state/CAN", "state/GBR"), ("state/ITA", "state/MEX")]
    assert all(r.verb and r.verb[0].isupper() and r.text.startswith(r.verb) for r in recs)
    assert any("women" in r.themes for r in recs) and any("justice" in r.themes for r in recs)


def test_state_under_review_when_the_masthead_lost_the_working_group_line(corpus: Path) -> None:
    facts = _facts(corpus, "peru2008")  # the agenda lines name the review and the State, not the Working Group
    assert facts.situations == ("sit/PER",)
    assert facts.recommendations and all(r.to == ("state/PER",) for r in facts.recommendations)
    assert {r.response for r in facts.recommendations} == {"pending"}  # "will be included in the outcome report"
