"""Footnotes: the lines under the rule at the bottom of a page, split at their labels; a footnote
that runs on to the next page is joined again."""

from __future__ import annotations

import re

from ingest.layout import PageLayout
from ingest.paragraphs import join_lines
from ingest.pdf import SUPERSCRIPT, Line
from ontology.model import Footnote

_LABEL_TEXT = re.compile(r"^\s*(\d{1,3}|\*{1,3})(?:\s+|(?=[A-ZА-Я«“\"(]))(?=\S)")


def read_footnotes(layouts: list[PageLayout], *, vocabulary: set[str]) -> list[Footnote]:
    """Every footnote of the document, in order, with its label, text and 1-based page."""
    notes: list[tuple[str, list[str], int]] = []
    for layout in layouts:
        for line in layout.notes:
            label, text = _split_label(line)
            if label is not None:
                notes.append((label, [text], layout.number))
            elif notes:
                notes[-1][1].append(line.text)
    return [Footnote(label=label, text=join_lines(texts, vocabulary), page=page) for label, texts, page in notes]


def _split_label(line: Line) -> tuple[str | None, str]:
    spans = [s for s in line.spans if s.text.strip()]
    if not spans:
        return None, line.text
    first = spans[0]
    head = first.text.strip()
    small = first.size < line.size * 0.85 or bool(first.flags & SUPERSCRIPT)
    if small and re.fullmatch(r"\d{1,3}|\*{1,3}|[a-z]", head):
        rest = line.text.lstrip()[len(head):]
        return head, rest.strip()
    m = _LABEL_TEXT.match(line.text)
    if m and (small or m.group(1).startswith("*") or _hanging(line)):
        return m.group(1), line.text[m.end():].strip()
    return None, line.text


def _hanging(line: Line) -> bool:
    """The label stands in its own span, apart from the text (a hanging indent)."""
    spans = [s for s in line.spans if s.text.strip()]
    return len(spans) > 1 and re.fullmatch(r"\d{1,3}", spans[0].text.strip()) is not None
