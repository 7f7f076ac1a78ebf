"""Citations and language of a parsed document, read through ``ingest.citations`` and
``ingest.language`` (symbol grammar, citation phrases, language models live there)."""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Sequence
from typing import Any

from ontology.model import Citation, Footnote, Paragraph


def _function(module: str, name: str) -> Callable[..., Any] | None:
    try:
        return getattr(importlib.import_module(f"ingest.{module}"), name)
    except (ImportError, AttributeError):
        return None


def collect(paragraphs: Sequence[Paragraph], footnotes: Sequence[Footnote], *,
            warnings: list[str]) -> list[Citation]:
    """Every citation in the paragraphs and footnotes, with where it was read."""
    find = _function("citations", "find_citations")
    if find is None:
        warnings.append("citations not read: ingest.citations is not available")
        return []
    out: list[Citation] = []
    citing_paragraph = _citing_paragraphs(paragraphs, footnotes)
    for para in paragraphs:
        out.extend(_hits(find, para.text, paragraph=para, footnote=None))
    for note in footnotes:
        out.extend(_hits(find, note.text, paragraph=citing_paragraph.get(note.label), footnote=note.label))
    return out


def _citing_paragraphs(paragraphs: Sequence[Paragraph], footnotes: Sequence[Footnote]) -> dict[str, Paragraph]:
    first: dict[str, Paragraph] = {}
    for para in paragraphs:
        for label in para.footnotes:
            first.setdefault(label, para)
    return first


def _hits(find: Callable[..., Any], text: str, *, paragraph: Paragraph | None,
          footnote: str | None) -> list[Citation]:
    out = []
    for hit in find(text):
        symbol = getattr(hit, "symbol", None)
        if not symbol:
            continue
        out.append(Citation(
            symbol=symbol, text=getattr(hit, "text", symbol),
            paragraph=paragraph.label if paragraph else None,
            paragraph_index=paragraph.index if paragraph else None,
            footnote=footnote, pinpoint=getattr(hit, "pinpoint", None),
        ))
    return out


_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_STOPWORDS = {
    "en": {"the", "and", "of", "to", "in", "that", "is", "for", "with", "on"},
    "fr": {"le", "la", "les", "et", "des", "du", "que", "dans", "pour", "une"},
    "es": {"el", "la", "los", "las", "y", "del", "que", "en", "por", "una"},
}


def language(text: str, *, warnings: list[str]) -> str | None:
    """ISO 639-1 code of the text's language (``ingest.language.detect``, or a stop-word count)."""
    detect = _function("language", "detect")
    if detect is not None:
        return detect(text)
    return _fallback_language(text)


def _fallback_language(text: str) -> str | None:
    if not text.strip():
        return None
    letters = re.findall(r"[^\W\d_]", text)
    if letters and len(_CYRILLIC.findall(text)) > len(letters) / 2:
        return "ru"
    words = re.findall(r"[a-záéíóúñàèçêôû]+", text.lower())
    scores = {lang: sum(w in stop for w in words) for lang, stop in _STOPWORDS.items()}
    best = max(scores, key=scores.__getitem__)
    return best if scores[best] else None
