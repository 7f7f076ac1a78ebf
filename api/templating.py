"""Jinja2 set-up for the web pages: templates, and filters for highlights, anchors and links."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape

from api.views import anchor
from graph.rdf.iris import undocs_url
from ingest.link.recommendations import theme_names

TEMPLATES = Jinja2Templates(directory=str(Path(__file__).resolve().parent / "templates"))
_WORD = re.compile(r"\w{3,}", re.UNICODE)
_STOP = {"the", "and", "for", "with", "from", "that", "this", "are", "was", "were", "its", "their"}


def highlight(text: str | None, query: str | None) -> Markup:
    """The text, HTML-escaped, with the query's words wrapped in ``<mark>``."""
    safe = str(escape(text or ""))
    words = {w.lower() for w in _WORD.findall(query or "")} - _STOP
    if not words:
        return Markup(safe)
    pattern = re.compile(r"\b(" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
                         + r")\w*", re.IGNORECASE)
    return Markup(pattern.sub(lambda m: f"<mark>{m.group(0)}</mark>", safe))


def marked(hit: dict[str, Any], query: str | None) -> Markup:
    """The hit's text with matches marked: the search's own ``highlighted`` HTML when it holds nothing
    but escaped text and ``<mark>`` tags, else the text highlighted here."""
    html = hit.get("highlighted")
    if isinstance(html, str) and "<" not in html.replace("<mark>", "").replace("</mark>", ""):
        return Markup(html)
    return highlight(hit.get("text"), query)


_UNNUMBERED = re.compile(r"^p\d+$")


def unnumbered(label: str) -> bool:
    """Whether a paragraph reference is the key of an unnumbered paragraph (``p5``), not a printed label."""
    return bool(_UNNUMBERED.match(label))


def para_name(label: str | None, page: int | None = None) -> str:
    """How a paragraph is named in lists: ``para. 12``; unnumbered ones (keys ``p5``) as ``unnumbered ¶``, or
    with their ``page`` as ``¶ on p. 14``, so that a list of them tells them apart."""
    if not label:
        return ""
    if unnumbered(label):
        return f"¶ on p. {page}" if page else "unnumbered ¶"
    return f"para. {label}"


def doc_url(symbol: str, paragraph_key: str | None = None) -> str:
    """The page of a document (optionally at a paragraph anchor)."""
    url = "/documents/" + quote(symbol, safe="/")
    if paragraph_key:
        url += "#" + anchor(paragraph_key)
    return url


def query_url(path: str, params: dict[str, Any], **changes: Any) -> str:
    """``path`` with the current query parameters, some changed (None removes one)."""
    merged = {**params, **changes}
    kept = {k: v for k, v in merged.items() if v not in (None, "")}
    return path + ("?" + urlencode(kept) if kept else "")


TEMPLATES.env.filters["highlight"] = highlight
TEMPLATES.env.globals.update(para_name=para_name, marked=marked, doc_url=doc_url, query_url=query_url, anchor=anchor, quote=quote,
                             theme_names=theme_names, undocs_url=undocs_url)
