"""The Secretary-General's 2026 report on the responsibility to protect (``corpus/seed``, text form).

The seed is a text conversion, not a PDF, so the test cuts it into numbered paragraphs itself
(headings give the sections) and links those.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ingest.link import link
from ontology.model import DocumentFacts, DocumentKind, Paragraph, ParagraphKind, ParsedDocument

_NUMBERED = re.compile(r"^(\d{1,3})\.\s+(.*)")
_HEADING = re.compile(r"^[IVX]+\.\s+\S")


def _seed_document(corpus: Path) -> ParsedDocument:
    [path] = sorted((corpus / "seed").glob("*.txt"))
    paragraphs: list[Paragraph] = []
    section = None
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if _HEADING.match(line):
            section = line
            paragraphs.append(Paragraph(len(paragraphs), f"p{len(paragraphs)}", None, ParagraphKind.HEADING, line, 1,
                                        section))
        elif m := _NUMBERED.match(line):
            paragraphs.append(Paragraph(len(paragraphs), m.group(1), m.group(1), ParagraphKind.NUMBERED,
                                        m.group(2), 1, section))
    return ParsedDocument(file=str(path), sha256="", symbols=(), title="Report of the Secretary-General",
                          date="2026-04-23", language="en", organs=("General Assembly", "Security Council"),
                          kind=DocumentKind.REPORT, pages=1, paragraphs=tuple(paragraphs))


@pytest.fixture(scope="module")
def seed(corpus: Path) -> tuple[ParsedDocument, DocumentFacts]:
    document = _seed_document(corpus)
    return document, link(document)


def test_conclusions_are_recommendations_of_the_secretary_general(seed: tuple[ParsedDocument, DocumentFacts]) -> None:
    document, facts = seed
    labels = {document.paragraphs[r.paragraph_index].label for r in facts.recommendations}
    # 46–50 are the recommendations: 46 only introduces them, and 48 addresses "relevant organizations and
    # entities", which no controlled list names, so no addressee is claimed for it
    assert {"47", "49", "50"} <= labels and not {"46", "48"} & labels
    for rec in facts.recommendations:
        assert rec.by == ("un/SG",)
    to_member_states = [r for r in facts.recommendations if r.to == ("group/member-states",)]
    assert len(to_member_states) >= 4 and all(r.verb == "encouraged" for r in to_member_states)
    assert "28" not in labels  # "have been encouraged": a report of the past, not a recommendation


def test_seed_names_r2p_actors_and_mechanisms(seed: tuple[ParsedDocument, DocumentFacts]) -> None:
    _, facts = seed
    named = {m.entity_id for m in facts.mentions}
    assert {"un/GA", "un/SC", "un/HRC", "mech/icc", "mech/icj", "mech/pbc", "mech/upr", "mech/sa-r2p", "org/AU",
            "org/EU", "state/RWA", "state/BIH"} <= named
    assert facts.situations == ()  # a thematic report concerns no one situation
    assert facts.risk_tags and all(t.method == "lexicon-v1" for t in facts.risk_tags)
