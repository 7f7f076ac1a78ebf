"""Language detection among the six UN languages, on the UN Parallel Corpus and on real PDFs."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.language import UN_LANGUAGES, detect, sample


@pytest.mark.parametrize(
    "text, code",
    [
        ("The Security Council decides to renew the mandate of the mission for one year.", "en"),
        ("Le Conseil de sécurité décide de proroger le mandat de la mission pour un an.", "fr"),
        ("El Consejo de Seguridad decide prorrogar el mandato de la misión por un año.", "es"),
        ("Совет Безопасности постановляет продлить мандат миссии на один год.", "ru"),
        ("قرر مجلس الأمن تمديد ولاية البعثة لمدة سنة أخرى", "ar"),
        ("安全理事会决定延长任务期限。", "zh"),
    ],
)
def test_detects_each_un_language(text: str, code: str) -> None:
    assert detect(text) == code


@pytest.mark.parametrize("text", ["", "   ", "A/HRC/61/41", "12. (a) 2025", "Annex"])
def test_too_little_text_gives_none(text: str) -> None:
    assert detect(text) is None


def test_sample_spreads_over_long_texts() -> None:
    text = "a" * 5000 + "MIDDLE" + "b" * 5000 + "END"
    piece = sample(text)
    assert len(piece) < 3100
    assert piece.startswith("a") and piece.endswith("END")
    assert sample("short") == "short"


@pytest.mark.parametrize("code", UN_LANGUAGES)
def test_parallel_corpus_sentences(corpus: Path, code: str) -> None:
    """Aligned UN sentences (UN Parallel Corpus v1.0, Ziemski et al. 2016): at least 97% right."""
    path = corpus / "parallel-corpus-devset" / f"UNv1.0.devset.{code}"
    lines = [s for s in path.read_text(encoding="utf-8").splitlines()[:300] if len(s) >= (15 if code == "zh" else 40)]
    assert len(lines) >= 100
    right = sum(detect(s) == code for s in lines)
    assert right / len(lines) >= 0.97


@pytest.mark.parametrize(
    "name, code",
    [("S_2024_145.en.pdf", "ru"), ("A_78_354.en.pdf", "es"), ("S_2025_102.en.pdf", "en")],
)
def test_real_pdfs_ignore_the_file_name(corpus: Path, name: str, code: str) -> None:
    """Two files named ``.en`` hold a Russian and a Spanish document."""
    import pymupdf

    with pymupdf.open(corpus / "un-mixed-2025" / name) as doc:
        text = "".join(page.get_text() for page in doc)
    assert detect(text) == code
