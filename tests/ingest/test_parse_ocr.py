"""Scanned pages without a text layer, or with a garbled one: OCR through Tesseract, with a warning; without
Tesseract a clear warning and no crash."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from ingest.lexicon import CLEAN_SHARE, known_share
from ingest.pipeline import parse
from ontology.model import DocumentKind, ParsedDocument

needs_tesseract = pytest.mark.skipif(shutil.which("tesseract") is None and not os.environ.get("CI"),
                                     reason="Tesseract OCR is not installed")
NOTE = "2022-03-04_Note_Verbale_from_the_Office_of_Legal_Affairs_to_the_Permanent_Mission_of_Ukraine.pdf"


@needs_tesseract
def test_scanned_note_verbale_is_read_with_ocr(corpus: Path) -> None:
    doc = parse(corpus / "scans" / NOTE)
    assert doc.pages == 1
    assert any("read with OCR" in w for w in doc.warnings)
    assert doc.language == "en"
    texts = [p.text for p in doc.paragraphs]
    assert texts[0].startswith("The Office of Legal Affairs of the Secretariat of the United Nations presents its")
    assert any("interoffice memorandum dated 19 December 1991" in t for t in texts)
    assert any(t.startswith("The Office of Legal Affairs avails itself of this opportunity") for t in texts)
    assert doc.kind is DocumentKind.OTHER


def test_scan_without_tesseract_warns(corpus: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # a PATH on which no tesseract can be found
    doc = parse(corpus / "scans" / NOTE)
    assert doc.paragraphs == ()
    assert any("OCR is not installed" in w for w in doc.warnings)


@pytest.fixture(scope="module")
def east_timor(corpus: Path) -> ParsedDocument:
    # A/39/361 (1984): a typewritten report, scanned, whose text layer reads "Progress report of tbe SecEetaly-General"
    return parse(corpus / "un-mixed-2025" / "A_39_361.en.pdf")


@needs_tesseract
def test_a_scan_whose_text_layer_is_garbled_is_read_again_with_ocr(east_timor: ParsedDocument) -> None:
    reread = [w for w in east_timor.warnings if "read again with OCR" in w]
    assert [w.split(":")[0] for w in reread] == ["page 1", "page 2", "page 3", "page 4"]
    assert reread[0].startswith("page 1: the scan's text layer reads poorly (72% of its words known); read again")
    assert (east_timor.symbols, east_timor.date) == (("A/39/361",), "1984-07-25")
    by_label = {p.label: p for p in east_timor.paragraphs if p.label}
    # the text layer gave 17: "l." (1) and 2 ran together unlabelled, "20-" was no label; OCR reads 11 as "ll."
    assert list(by_label) == [str(n) for n in range(1, 21)]
    assert by_label["1"].text.startswith("Upon assuming my responsibilities at the beginning of 1982, I undertook "
                                         "consultations with the Governments of Indonesia and Portugal")
    # a line under its paragraph stays in it, though OCR's boxes leave more white space between them
    assert by_label["4"].text.endswith("transmitted to the Governments of Indonesia and Portugal.")
    # two pieces of one row whose OCR boxes overlap are one line, in order, with a space between them
    assert by_label["20"].text.startswith("The contacts established between Indonesia and Portugal in July 1983 have "
                                          "been held in New York")
    texts = " ".join(p.text for p in east_timor.paragraphs)
    assert "assurning" not in texts and "SecEetaly" not in texts
    # the typewritten header of each page after the first (symbol, language, page) is page furniture
    assert not any(p.text in {"English", "A/39/361"} or p.text.startswith("Page ") for p in east_timor.paragraphs)


def test_a_scan_with_a_sound_text_layer_keeps_it(corpus: Path) -> None:
    doc = parse(corpus / "un-mixed-2025" / "A_47_435.en.pdf")  # a 1992 scan, its text layer read well
    assert not any("OCR" in w for w in doc.warnings)
    assert doc.title == "QUESTION OF EAST TIMOR"


@needs_tesseract
def test_a_garbled_text_layer_is_kept_when_ocr_reads_no_better(corpus: Path) -> None:
    doc = parse(corpus / "un-mixed-2025" / "E_CN.4_110.en.pdf")  # a 1948 scan too faint for either reading
    assert doc.warnings[0].startswith("page 1: the scan's text layer reads poorly (53% of its words known); it is "
                                      "kept, as OCR reads no better (")
    assert doc.paragraphs == parse(corpus / "un-mixed-2025" / "E_CN.4_110.en.pdf", ocr=False).paragraphs


def test_a_garbled_text_layer_is_kept_without_tesseract(corpus: Path, monkeypatch: pytest.MonkeyPatch,
                                                        tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # a PATH on which no tesseract can be found
    doc = parse(corpus / "un-mixed-2025" / "A_39_361.en.pdf")
    assert "page 1: the scan's text layer reads poorly (72% of its words known); it is kept, as OCR is not " \
           "installed (tesseract)" in doc.warnings
    assert doc.symbols == ("A/39/361",)


def test_the_share_of_known_words_tells_a_garbled_reading() -> None:
    sound = ("Upon assuming my responsibilities at the beginning of 1982, I undertook consultations with the "
             "Governments of Indonesia and Portugal with a view to contributing to the improvement of the "
             "humanitarian situation in East Timor and to promoting efforts towards a comprehensive settlement "
             "of the problem.")
    garbled = ("upon assurning my responsibilities at the beginning of 1982, I undertook consultations with the "
               "Governments of rndonesia and Portugal with a vler'' to contributing to the inprovenent of the "
               "humanitarian situation in East Timor and to promoting efforts towards a comprehensive setclenent "
               "of the problern.")
    sound_share, garbled_share = known_share(sound, "en"), known_share(garbled, "en")
    assert sound_share is not None and garbled_share is not None
    assert sound_share >= CLEAN_SHARE["en"] - 0.02 and garbled_share < 0.85 * CLEAN_SHARE["en"]
    assert known_share("Upon assuming my responsibilities", "en") is None  # too few words to tell
    assert known_share(sound, "zh") is None and known_share(sound, None) is None  # no word list
