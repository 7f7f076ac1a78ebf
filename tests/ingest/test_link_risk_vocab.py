"""Risk-factor tags from the lexicon, and the vocabularies' own checks."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from ingest.link import mechanisms, vocab
from ingest.link.errors import LinkError
from ingest.link.risk import METHOD, risk_tags
from ontology.model import MechanismType, Paragraph, ParagraphKind


def _paragraph(index: int, text: str, kind: ParagraphKind = ParagraphKind.NUMBERED) -> Paragraph:
    return Paragraph(index=index, key=str(index), label=None, kind=kind, text=text, page=1)


def test_risk_tags_name_the_factor_with_confidence_and_method() -> None:
    paragraphs = (
        _paragraph(0, "Indiscriminate attacks and mass killings in the region were reported, and the attacks on "
                      "civilians continued throughout the period under review."),
        _paragraph(1, "The Committee approved its programme of work and the budget for the coming biennium, "
                      "and thanked the secretariat for its support."),
        _paragraph(2, "V. Indiscriminate attacks against civilians", ParagraphKind.HEADING),
        _paragraph(3, "Humanitarian workers were killed and peacekeepers were killed in an ambush near the base "
                      "of the Mission."),
    )
    tags = {(t.paragraph_index, t.factor): t for t in risk_tags(paragraphs)}
    assert set(tags) == {(0, "RF11"), (3, "RF14")}
    assert tags[(0, "RF11")].confidence == 0.85 and tags[(3, "RF14")].confidence == 0.7
    assert all(t.method == METHOD for t in tags.values())


def test_risk_lexicon_covers_the_fourteen_factors() -> None:
    rows = vocab.read_vocab("risk_factors.csv", required=("id", "name", "cues"))
    assert [r["id"] for r in rows] == [f"RF{n}" for n in range(1, 15)]


def test_mechanism_vocabulary_is_typed_and_complete() -> None:
    entries = mechanisms.vocabulary()
    types = {e.mechanism.type for e in entries.values()}
    assert types == set(MechanismType)
    bodies = {e.mechanism.id for e in entries.values() if e.mechanism.type is MechanismType.TREATY_BODY}
    assert len(bodies) == 10
    assert entries["mech/poe-sudan"].situation == "SDN"
    assert entries["mech/unisfa"].situation == "abyei"
    for entry in entries.values():
        assert all(s.startswith(("S/RES/", "A/RES/", "A/HRC/RES/", "E/RES/")) for s in entry.mechanism.established_by)


def test_malformed_vocabulary_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(vocab, "VOCAB_DIR", tmp_path)
    (tmp_path / "themes.csv").write_text("id,label\nx,y\n", encoding="utf-8")
    with pytest.raises(LinkError, match=r"themes\.csv: missing column\(s\) name, cues"):
        vocab.read_vocab("themes.csv", required=("id", "name", "cues"))
    with pytest.raises(LinkError, match="absent.csv: cannot read"):
        vocab.read_vocab("absent.csv", required=("id",))
    with (tmp_path / "blank.csv").open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([["id", "name"], ["", "nameless"]])
    with pytest.raises(LinkError, match="blank.csv: line 2 has no id"):
        vocab.read_vocab("blank.csv", required=("id", "name"))


def test_corpus_report_tags_are_lexicon_tags_on_real_paragraphs(corpus: Path) -> None:
    from ingest.pipeline import parse

    document = parse(corpus / "un-mixed-2025" / "S_2025_504.en.pdf")
    tags = risk_tags(document.paragraphs)
    assert tags
    assert all(document.paragraphs[t.paragraph_index].kind is not ParagraphKind.HEADING for t in tags)
    assert {t.factor for t in tags} <= {f"RF{n}" for n in range(1, 15)}
    assert "RF13" in {t.factor for t in tags}  # the report discusses protection of civilians
