"""Bad input: one clear line naming the file, and a batch that goes on."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest

from api.commands.parse import run as run_parse
from api.settings import Settings
from ingest.errors import ParseError
from ingest.pipeline import parse
from ontology.errors import R2PError


@pytest.fixture(scope="module")
def encrypted_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small PDF locked with a user password, written here (not from the corpus)."""
    path = tmp_path_factory.mktemp("pdf") / "locked.pdf"
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 72), "1. A locked paragraph.")
    doc.save(path, encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="secret", owner_pw="owner")
    doc.close()
    return path


def _error(path: Path) -> str:
    with pytest.raises(ParseError) as info:
        parse(path)
    message = info.value.message
    assert "\n" not in message and str(path) in message
    assert isinstance(info.value, R2PError)
    return message


def test_corrupt_zero_page_pdf(corpus: Path) -> None:
    message = _error(corpus / "upr-slovenia" / "docs" / "1stcyycleunoriginal" / "g0917123.pdf")
    assert "0 pages" in message


def test_document_does_not_exist_placeholder(corpus: Path) -> None:
    assert "does not exist" in _error(corpus / "un-mixed-2025" / "S_2024_207.en.pdf")


def test_encrypted_pdf(encrypted_pdf: Path) -> None:
    assert "encrypted" in _error(encrypted_pdf)


def test_not_a_pdf(tmp_path: Path) -> None:
    path = tmp_path / "notes.pdf"
    path.write_text("Minutes of a meeting, not a PDF.\n", encoding="utf-8")
    assert "not a PDF" in _error(path)


def test_missing_file(tmp_path: Path) -> None:
    assert "no such file" in _error(tmp_path / "absent.pdf")


def test_truncated_pdf(corpus: Path, tmp_path: Path) -> None:
    data = (corpus / "un-mixed-2025" / "S_RES_2770 (2025).en.pdf").read_bytes()
    path = tmp_path / "truncated.pdf"
    path.write_bytes(data[:400])
    _error(path)


def test_cli_batch_goes_on_and_reports_failure(corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                               encrypted_pdf: Path) -> None:
    import json

    good = corpus / "un-mixed-2025" / "S_RES_2770 (2025).en.pdf"
    junk = tmp_path / "junk.pdf"
    junk.write_bytes(b"\x00\x01 not a pdf")
    status = run_parse(Settings(), files=[junk, good, encrypted_pdf])
    out, err = capsys.readouterr()
    assert status == 1
    lines = out.splitlines()
    assert len(lines) == 1
    record = json.loads(lines[0])
    assert record["symbols"] == ["S/RES/2770 (2025)"] and record["kind"] == "resolution"
    assert {"paragraphs", "footnotes", "citations", "warnings", "title", "date", "language"} <= set(record)
    errors = err.splitlines()
    assert len(errors) == 2
    assert str(junk) in errors[0] and str(encrypted_pdf) in errors[1]


def test_cli_all_good_exits_zero(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status = run_parse(Settings(), files=[corpus / "un-mixed-2025" / "S_RES_2770 (2025).en.pdf"])
    assert status == 0
    assert capsys.readouterr().err == ""
