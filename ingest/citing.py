"""Citations and language of a parsed document, read through ``ingest.citations`` and
``ingest.language`` (symbol grammar, citation phrases, language models live there)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ingest.citations import CitationHit, find_citations
from ingest.language import detect
from ontology.model import Citation, Footnote, Paragraph

_DIGIT = re.compile(r"\d")


def collect(paragraphs: Sequence[Paragraph], footnotes: Sequence[Footnote], *, context: str | None) -> list[Citation]:
    """Every citation in the paragraphs and footnotes, with where it was read.

    ``context`` (the citing document's symbol) resolves organ-less phrases ("its resolution 60/251");
    a citation read in a footnote is tied to the first paragraph that cites the footnote.
    """
    out: list[Citation] = []
    citing = _citing_paragraphs(paragraphs)
    for para in paragraphs:
        if _DIGIT.search(para.text):  # every symbol and resolution number holds a digit
            hits = find_citations(para.text, context_organ=context)
            out.extend(_citations(hits, paragraph=para, footnote=None))
    for note in footnotes:
        hits = find_citations(note.text, context_organ=context) if _DIGIT.search(note.text) else []
        out.extend(_citations(hits, paragraph=citing.get(note.label), footnote=note.label))
    return out


def _citing_paragraphs(paragraphs: Sequence[Paragraph]) -> dict[str, Paragraph]:
    first: dict[str, Paragraph] = {}
    for para in paragraphs:
        for label in para.footnotes:
            first.setdefault(label, para)
    return first


def _citations(hits: list[CitationHit], *, paragraph: Paragraph | None, footnote: str | None) -> list[Citation]:
    return [
        Citation(
            symbol=hit.symbol, text=hit.text,
            paragraph=paragraph.label if paragraph else None,
            paragraph_index=paragraph.index if paragraph else None,
            footnote=footnote, pinpoint=hit.pinpoint,
        )
        for hit in hits
    ]


def language(text: str) -> str | None:
    """ISO 639-1 code of the text's language."""
    return detect(text)
