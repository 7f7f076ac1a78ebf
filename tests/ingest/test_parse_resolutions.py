"""Golden tests: resolutions (Security Council, Human Rights Council draft) from the real corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.pipeline import parse
from ontology.model import DocumentKind, ParagraphKind, ParsedDocument


@pytest.fixture(scope="module")
def sc_resolution(corpus: Path) -> ParsedDocument:
    return parse(corpus / "un-mixed-2025" / "S_RES_2768 (2025).en.pdf")


@pytest.fixture(scope="module")
def hrc_draft(corpus: Path) -> ParsedDocument:
    return parse(corpus / "un-mixed-2025" / "A_HRC_59_L.17.en.pdf")


def test_sc_resolution_masthead(sc_resolution: ParsedDocument) -> None:
    doc = sc_resolution
    assert doc.symbols == ("S/RES/2768 (2025)",)
    assert doc.kind is DocumentKind.RESOLUTION
    assert doc.organs == ("Security Council",)
    assert doc.date == "2025-01-15"
    assert doc.distribution == "General"
    assert doc.job_number == "25-00616 (E)"
    assert doc.language == "en"
    assert doc.pages == 2


def test_sc_resolution_preamble_and_operative_paragraphs(sc_resolution: ParsedDocument) -> None:
    paras = sc_resolution.paragraphs
    assert paras[0].text == "The Security Council,"
    preamble = [p for p in paras if p.kind is ParagraphKind.PREAMBULAR]
    operative = [p for p in paras if p.kind is ParagraphKind.OPERATIVE]
    assert [p.verb for p in preamble] == ["Recalling", "Condemning", "Reaffirming", "Recalling", "Recalling"]
    assert [p.label for p in operative] == ["1", "2", "3", "4", "5", "6"]
    assert [p.verb for p in operative] == ["Extends", "Reiterates", "Emphasizes", "Takes note", "Urges", "Decides"]
    assert operative[-1].text == "Decides to remain actively seized of this matter."
    assert operative[4].page == 2 and operative[4].key == "5"


def test_sc_resolution_has_no_page_furniture(sc_resolution: ParsedDocument) -> None:
    text = " ".join(p.text for p in sc_resolution.paragraphs)
    for furniture in ("25-00616", "*2500616*", "2/2", "S/RES/2768 (2025)"):
        assert furniture not in text


def test_sc_resolution_citations(sc_resolution: ParsedDocument) -> None:
    cited = {(c.symbol, c.paragraph) for c in sc_resolution.citations}
    assert ("S/RES/2722 (2024)", "1") in cited
    assert {c.symbol for c in sc_resolution.citations} >= {"S/RES/2216 (2015)", "S/RES/2739 (2024)"}


def test_hrc_draft_resolution(hrc_draft: ParsedDocument) -> None:
    doc = hrc_draft
    assert doc.symbols == ("A/HRC/59/L.17",)
    assert doc.kind is DocumentKind.DRAFT
    assert doc.title == "Human rights and climate change"
    assert doc.session == "Fifty-ninth session"
    assert doc.agenda[0] == "Agenda item 3"
    assert doc.distribution == "Limited"
    assert doc.job_number == "GE.25-10614 (E)"
    operative = [p for p in doc.paragraphs if p.kind is ParagraphKind.OPERATIVE]
    assert [p.label for p in operative] == [str(n) for n in range(1, 27)]
    assert operative[2].verb == "Calls upon"
    assert operative[0].verb == "Expresses grave concern"
    preamble = [p for p in doc.paragraphs if p.kind is ParagraphKind.PREAMBULAR]
    assert len(preamble) == 55
    assert preamble[0].verb == "Guided" and preamble[3].verb == "Reaffirming also"


def test_hrc_draft_footnotes_linked_by_superscripts(hrc_draft: ParsedDocument) -> None:
    doc = hrc_draft
    assert [f.label for f in doc.footnotes] == ["*"] + [str(n) for n in range(1, 19)]
    notes = {f.label: f for f in doc.footnotes}
    assert notes["2"].text.startswith("Adopted under the United Nations Framework Convention on Climate Change")
    assert notes["2"].page == 1
    paris = next(p for p in doc.paragraphs if p.text.startswith("Reaffirming the United Nations Framework"))
    assert paris.footnotes == ("1",)
    assert "Convention,1" not in paris.text and "Paris Agreement adopted under the Convention, and" in paris.text
    from_notes = {c.symbol for c in doc.citations if c.footnote}
    assert {"A/HRC/59/42/Add.1", "A/77/170", "A/80/10"} <= from_notes


def test_general_assembly_resolution(corpus: Path) -> None:
    doc = parse(corpus / "un-mixed-2025" / "A_RES_78_323.en.pdf")
    assert doc.symbols == ("A/RES/78/323",)
    assert doc.kind is DocumentKind.RESOLUTION
    assert doc.title == "International Day of Women and Girls of African Descent"
    assert doc.session == "Seventy-eighth session"
    assert doc.agenda[0] == "Agenda item 69"
    preamble = [p for p in doc.paragraphs if p.kind is ParagraphKind.PREAMBULAR]
    operative = [p for p in doc.paragraphs if p.kind is ParagraphKind.OPERATIVE]
    assert len(preamble) == 8 and preamble[2].verb == "Recalling also"
    assert [p.verb for p in operative] == ["Decides", "Invites", "Encourages", "Emphasizes", "Requests"]
    assert preamble[1].footnotes == ("1", "2", "3", "4", "5", "6", "7")
    assert len(doc.footnotes) == 13 and doc.footnotes[0].text == "Resolution 217 A (III)."
    assert doc.paragraphs[-1].text == "103rd plenary meeting 13 August 2024"


def test_a_running_header_in_two_small_lines_is_furniture(corpus: Path) -> None:
    # A/RES/73/3 heads its pages with its title in small bold type over two lines, the first longer than
    # most running headers: "Political declaration of the high-level meeting of the General Assembly"
    doc = parse(corpus / "ga-resolutions-2018" / "A_RES_73_3-EN.pdf")
    header = "Political declaration of the high-level meeting of the General Assembly"
    assert [p.page for p in doc.paragraphs if header in p.text] == [1]  # the title on its first page only
    twelve = next(p for p in doc.paragraphs if p.label == "12")  # runs from page 3 onto page 4
    assert twelve.text.startswith("Acknowledge that multidrug-resistant tuberculosis")
    assert twelve.text.endswith("innovation has the potential to benefit society at large;")
    assert all(p.kind is not ParagraphKind.TEXT or p.page == 1 or p.text.endswith("plenary meeting 10 October 2018")
               for p in doc.paragraphs)  # no page-top remnants of a paragraph cut by the header


def test_a_reissued_documents_job_number_is_furniture(corpus: Path) -> None:
    # S/RES/2776 (2025) was reissued: its job number reads "25-03579* (E)", with an asterisk
    doc = parse(corpus / "un-mixed-2025" / "S_RES_2776 (2025).en.pdf")
    assert not [p.text for p in doc.paragraphs if "25-03579" in p.text]
    calling = next(p for p in doc.paragraphs if p.text.startswith("Calling for compliance with international law"))
    assert calling.text.endswith("forced marriage and sexual slavery in Al-Shabaab-controlled areas,")
    assert [(f.label, f.text) for f in doc.footnotes if f.label == "*"] == [
        ("*", "Reissued for technical reasons on 12 March 2025.")]


def test_subparagraphs_nest_under_their_paragraph(corpus: Path) -> None:
    doc = parse(corpus / "un-mixed-2025" / "S_2025_270.en.pdf")  # draft resolution on the UNMISS mandate
    by_key = {p.key: p for p in doc.paragraphs}
    assert by_key["3"].kind is ParagraphKind.OPERATIVE and by_key["3"].verb == "Decides"
    assert by_key["3/a"].label == "3 (a)" and by_key["3/a"].parent == "3"
    assert by_key["3/a"].text == "Protection of civilians:"
    assert [by_key[f"3/a/{r}"].label for r in ("i", "ii", "iii", "iv", "v", "vi")] == [
        f"3 (a) ({r})" for r in ("i", "ii", "iii", "iv", "v", "vi")
    ]
    assert by_key["3/a/vi"].parent == "3/a" and by_key["3/b/i"].parent == "3/b"
    assert by_key["3/a/i"].text.startswith("To use all necessary means")
