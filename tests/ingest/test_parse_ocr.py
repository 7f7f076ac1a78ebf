"""Scanned pages without a text layer: OCR through Tesseract, with a warning; without Tesseract a
clear warning and no crash."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ingest.pipeline import parse
from ontology.model import DocumentKind

NOTE = "2022-03-04_Note_Verbale_from_the_Office_of_Legal_Affairs_to_the_Permanent_Mission_of_Ukraine.pdf"


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="Tesseract OCR is not installed")
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
