"""A search hit: where the paragraph is, what it says (with the matching words marked), who said it."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from search.catalog import Catalog
from search.text import ParsedQuery, highlight


@dataclass(frozen=True, slots=True)
class Hit:
    """One paragraph found."""

    uid: str
    symbol: str
    symbols: tuple[str, ...]
    title: str | None
    subtitle: str | None  # the line(s) under the title: who reports, how a resolution was adopted
    date: str | None
    paragraph: str  # label as printed, or the key of an unnumbered paragraph
    key: str
    page: int
    section: str | None
    kind: str
    text: str
    highlighted: str  # HTML: escaped text with <mark> around the matching words
    marked: str  # plain text with [brackets] around the matching words
    score: float
    document_kind: str
    language: str | None
    recommendation: bool = False
    by: tuple[str, ...] = ()
    to: tuple[str, ...] = ()
    response: str | None = None
    response_symbol: str | None = None  # where the response is stated, when not in this document (its addendum)
    response_paragraph: str | None = None
    response_page: int | None = None
    themes: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        """JSON-ready dict (tuples as lists)."""
        return {k: list(v) if isinstance(v, tuple) else v for k, v in asdict(self).items()}


def make_hit(cat: Catalog, pos: int, score: float, query: ParsedQuery, *, mark_words: bool = True) -> Hit:
    """The hit for catalog row ``pos``."""
    r = cat.rows[pos]
    q = query if mark_words else ParsedQuery(text="", terms=(), phrases=(), symbols=(), free_text="")
    return Hit(
        uid=r.uid, symbol=r.symbol, symbols=r.symbols, title=r.title, subtitle=r.subtitle, date=r.date,
        paragraph=r.label or r.key, key=r.key, page=r.page, section=r.section, kind=r.kind, text=r.text,
        highlighted=highlight(r.text, q), marked=highlight(r.text, q, mark=("[", "]"), escape=False),
        score=round(float(score), 6), document_kind=r.doc_kind, language=r.language,
        recommendation=r.recommendation, by=tuple(cat.name(b) for b in r.by),
        to=tuple(cat.name(t) for t in r.to), response=r.response, themes=r.themes,
        response_symbol=r.response_symbol, response_paragraph=r.response_paragraph, response_page=r.response_page,
    )

