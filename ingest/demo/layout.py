"""Line breaking for the demo writer: inline mark-up to styled words, words to lines.

Kept apart from :mod:`ingest.demo.writer` so that it needs no PDF library: widths come from a
``measure(text, style, size)`` function the writer passes in.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

Measure = Callable[[str, str, float], float]

_MARKUP = re.compile(r"\[fn:\s*(?P<fn>[^\]]+)\]|\*\*(?P<b>[^*]+)\*\*|\*(?P<i>[^*]+)\*|(?P<r>[^*\[]+|[*\[])")


@dataclass(frozen=True, slots=True)
class Word:
    text: str
    style: str  # "r" regular, "i" italic, "b" bold, "sup" footnote marker
    space_before: bool
    footnote: int | None = None  # number of the footnote this marker stands for


@dataclass(frozen=True, slots=True)
class Line:
    words: tuple[Word, ...]
    x: float  # where the line starts
    footnotes: tuple[int, ...]  # footnotes whose markers stand on this line


def parse_markup(text: str, footnotes: list[str]) -> list[Word]:
    """Styled words of ``text``; each ``[fn: …]`` is appended to ``footnotes`` and becomes a marker."""
    words: list[Word] = []
    pending = False  # white space seen since the last word
    for m in _MARKUP.finditer(text):
        if m.group("fn"):
            footnotes.append(m.group("fn").strip())
            words.append(Word(str(len(footnotes)), "sup", False, len(footnotes)))
            pending = False
            continue
        style = "b" if m.group("b") else "i" if m.group("i") else "r"
        for piece in re.split(r"(\s+)", m.group("b") or m.group("i") or m.group("r") or ""):
            if piece.isspace():
                pending = True
            elif piece:
                words.append(Word(piece, style, pending))
                pending = False
    return words


def break_lines(
    words: list[Word], *, first_x: float, rest_x: float, right: float, size: float, measure: Measure
) -> list[Line]:
    """Greedy line breaking: the first line starts at ``first_x``, the others at ``rest_x``."""
    lines: list[Line] = []
    current: list[Word] = []
    x0 = first_x
    width = 0.0
    space = measure(" ", "r", size)
    for word in words:
        w = measure(word.text, word.style, size * 0.6 if word.style == "sup" else size)
        gap = space if (current and word.space_before) else 0.0
        if current and x0 + width + gap + w > right and word.style != "sup":
            lines.append(_line(current, x0))
            current, x0, width, gap = [], rest_x, 0.0, 0.0
        current.append(word if current else Word(word.text, word.style, False, word.footnote))
        width += gap + w
    if current:
        lines.append(_line(current, x0))
    return lines


def _line(words: list[Word], x: float) -> Line:
    notes = tuple(w.footnote for w in words if w.footnote is not None)
    return Line(tuple(words), x, notes)
