"""Results as CSV for a spreadsheet: search hits, recommendations and the evidence of a situation's
trace, one row per paragraph.

Lists are joined by "; ", a paragraph with no number is "unnumbered" (its link still leads to
it), a paragraph's text is put on one line, and a cell a spreadsheet would run as a formula
(starting with ``=``, ``+``, ``@``, a tab, or ``-`` followed by something) is prefixed with an
apostrophe. Over HTTP the file starts with a byte order mark, so that
spreadsheet programs read it as UTF-8.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Iterator
from typing import Annotated, Any, Literal, TextIO

from fastapi import Query, Request
from fastapi.responses import Response

from graph.responses import stated_in
from graph.store import RecommendationRecord, TraceResult
from search.hits import Hit

Format = Annotated[Literal["json", "csv"], Query(description="json, or csv: a file to download, one row per "
                                                  "paragraph with a link to it")]
CSV_RESPONSE: dict[int | str, dict[str, Any]] = {
    200: {"content": {"text/csv": {"schema": {"type": "string"}}},
          "description": "JSON, or with format=csv a CSV file (header row, one row per paragraph)"}}
HIT_FIELDS = ("rank", "symbol", "other_symbols", "date", "title", "subtitle", "paragraph", "page", "section", "kind",
              "recommendation", "by", "to", "response", "response_stated_in", "themes", "score", "text")
RECOMMENDATION_FIELDS = ("symbol", "date", "paragraph", "page", "by", "to", "verb", "response", "response_stated_in",
                         "themes", "text")
TRACE_FIELDS = ("situation", "mechanism", "mechanism_type", "first_date", "last_date", "documents", "evidence_count",
                "symbol", "date", "paragraph", "page")
_FORMULA_START = ("=", "+", "@", "\t", "\r")

Link = Callable[[str, str | None], str]  # (symbol, paragraph key or label) -> address


def hit_rows(hits: Iterable[Hit], link: Link | None = None, *, first_rank: int = 1) -> Iterator[list[Any]]:
    """One row per hit, in ``HIT_FIELDS`` order (then its link); ranks count from ``first_rank``."""
    for n, h in enumerate(hits, start=first_rank):
        row: list[Any] = [n, h.symbol, _join(s for s in h.symbols if s != h.symbol), h.date, h.title, h.subtitle,
                          _para(h.paragraph),
                          h.page, h.section, h.kind, "yes" if h.recommendation else "", _join(h.by), _join(h.to),
                          h.response, stated_in(h.response_symbol, h.response_paragraph, h.response_page),
                          _join(h.themes), h.score, _one_line(h.text)]
        yield row + ([link(h.symbol, h.key)] if link else [])


def recommendation_rows(records: Iterable[RecommendationRecord], link: Link | None = None) -> Iterator[list[Any]]:
    """One row per recommendation, in ``RECOMMENDATION_FIELDS`` order (then its link)."""
    for r in records:
        row: list[Any] = [r.symbol, r.date, _para(r.paragraph), r.page, _join(r.by), _join(r.to), r.verb, r.response,
                          stated_in(r.response_symbol, r.response_paragraph, r.response_page),
                          _join(r.themes), _one_line(r.text)]
        yield row + ([link(r.symbol, r.paragraph)] if link else [])


def trace_rows(trace: TraceResult, link: Link | None = None) -> Iterator[list[Any]]:
    """One row per evidence paragraph of each mechanism, in ``TRACE_FIELDS`` order (then its link).
    ``evidence_count`` counts all of a mechanism's evidence, whether or not ``trace`` holds it all."""
    for m in trace.mechanisms:
        head = [trace.situation, m.name, m.type, m.first_date, m.last_date, len(m.documents), m.evidence_count]
        for e in m.evidence:
            yield head + [e.symbol, e.date, _para(e.paragraph), e.page] + ([link(e.symbol, e.paragraph)] if link else [])


def write_csv(fields: tuple[str, ...], rows: Iterable[list[Any]], out: TextIO, *, linked: bool = False) -> None:
    """A header row (``fields``, then ``link`` when ``linked``) and the rows, as CSV."""
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(fields + (("link",) if linked else ()))
    writer.writerows([_safe(v) for v in row] for row in rows)


def csv_response(request: Request, filename: str, fields: tuple[str, ...],
                 rows: Callable[[Link], Iterable[list[Any]]]) -> Response:
    """A CSV file to download; ``rows`` is given the address of a paragraph on this server."""
    from api.templating import doc_url

    base = str(request.base_url).rstrip("/")
    out = io.StringIO()
    write_csv(fields, rows(lambda symbol, key: base + doc_url(symbol, key)), out, linked=True)
    return Response("\ufeff" + out.getvalue(), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})


def _para(label: str | None) -> str:
    """A paragraph as printed ("12 (c)"), or "unnumbered" for one with no number."""
    from api.templating import unnumbered

    return "unnumbered" if label and unnumbered(label) else (label or "")


def _join(values: Iterable[str]) -> str:
    return "; ".join(values)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _safe(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, str) and (value.startswith(_FORMULA_START) or (value[:1] == "-" and value[1:2] not in ("", " "))):
        return "'" + value
    return value
