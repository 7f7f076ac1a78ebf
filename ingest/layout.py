"""Page layout: body font size, page furniture, footnote zones, superscript markers.

Works on the line records of :mod:`ingest.pdf`. Furniture (running headers and footers, page
numbers, job numbers, barcodes, "Please recycle") is recognised by pattern and by repetition in the
top and bottom zones of the pages; footnotes are the lines under the short rule at the bottom of a
page.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ingest.pdf import SUPERSCRIPT, Line, Page, Table, join_spans

TOP_ZONE = 0.085  # share of the page height holding running headers
BOTTOM_ZONE = 0.87  # running footers start below this share of the page height

_STRONG_FURNITURE = re.compile(
    r"^\s*(?:\*\d{6,}\*|please\s+recycle.*|GE\.\s?\d{2}-\d{4,6}.*|\d{2}-\d{5}\*?\s*\([A-Z]\).*|"
    r"\d{2}-\d{5}\*?\s+\d{6}.*|\d{2}-\d{5}\s+\w{4,6}\s*\([A-Z]\)|\d{2}-\d{5}\*?)\s*$",
    re.IGNORECASE,
)
_PAGE_NUMBER = re.compile(r"^\s*(?:page\s+\d+|\d{1,3}\s*/\s*\d{1,3}|\d{1,3}|-\s*\d{1,3}\s*-)\s*$", re.IGNORECASE)
_SYMBOL_LINE = re.compile(r"^\s*[A-Z][A-Za-z0-9.\-]*(?:/[A-Za-z0-9.\-]+)+(?:\s*\(\d{4}\))?\*?\s*$")
_RECYCLE = re.compile(r"please\s+recycle|accessible\s+document", re.IGNORECASE)
_CONTINUED = re.compile(r"^\s*/\s*(?:\.\s*){3}\s*$|^\s*/…\s*$")  # "/...": continued overleaf, in typescript
_PAGE_WORD = re.compile(r"^\s*page\s+\d{1,3}\s*$", re.IGNORECASE)
_LANGUAGE_WORD = re.compile(r"^\s*(?:English|French|Spanish|Russian|Arabic|Chinese)\s*$", re.IGNORECASE)
TYPED_HEADER_ZONE = 0.12  # a typewritten header of three lines reaches a little below TOP_ZONE
_RULE = re.compile(r"^\s*_{5,}\s*$")
_MARKER = re.compile(r"^\s*(\d{1,3}|\*{1,3}|[a-z])(?:\s*,\s*(\d{1,3}))*\s*$")
_DIGITS = re.compile(r"\d+")
_DATE_LINE = re.compile(r"^\s*\d{1,2}\s+[^\W\d_]+\s+(?:19|20)\s?\d{2}\s*$")


@dataclass(slots=True)
class PageLayout:
    """A page split into body lines and footnote lines (furniture dropped)."""

    number: int
    body: list[Line] = field(default_factory=list)
    notes: list[Line] = field(default_factory=list)
    left: float = 0.0  # left margin of the body text
    furniture: list[Line] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    ocr: bool = False  # read with OCR: line boxes are the letters' own, not the type's


def body_size(pages: list[Page]) -> float:
    """The font size carrying most characters: the size of running text."""
    sizes: Counter[float] = Counter()
    for page in pages:
        for line in page.lines:
            sizes[round(line.size * 2) / 2] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 10.0


def is_strong_furniture(text: str) -> bool:
    """Job numbers, barcodes and "Please recycle", wherever they stand."""
    return bool(_STRONG_FURNITURE.match(text) or (len(text) < 60 and _RECYCLE.search(text)))


def split_pages(pages: list[Page], *, size: float) -> list[PageLayout]:
    """Drop furniture, separate footnotes, and strip superscript markers from body lines outside tables."""
    repeated = _repeated_zone_lines(pages)
    layouts = []
    for page in pages:
        layout = PageLayout(number=page.number, tables=page.tables, ocr=page.ocr)
        kept = []
        for line in page.lines:
            if _is_furniture(line, page, repeated, size=size):
                layout.furniture.append(line)
            else:
                kept.append(line)
        layout.body, layout.notes = _split_notes(kept, size=size)
        for line in layout.body:
            if not any(table.holds(line) for table in page.tables):  # a table's figures may be set small
                _strip_markers(line)
        layouts.append(layout)
    for parity in (0, 1):
        same = [lay for lay in layouts if lay.number % 2 == parity]
        left = _left_margin([ln for lay in same for ln in lay.body])
        for lay in same:
            lay.left = left
    return layouts


def _zone(line: Line, page: Page) -> str | None:
    if line.y1 <= page.height * TOP_ZONE:
        return "top"
    if line.y0 >= page.height * BOTTOM_ZONE:
        return "bottom"
    return None


def _norm(text: str) -> str:
    return _DIGITS.sub("#", " ".join(text.split()).lower())


def _repeated_zone_lines(pages: list[Page]) -> set[str]:
    counts: Counter[str] = Counter()
    for page in pages:
        seen = {_norm(ln.text) for ln in page.lines if _zone(ln, page)}
        counts.update(seen)
    need = max(2, len(pages) // 3)
    return {text for text, n in counts.items() if n >= need and len(pages) > 2}


def _is_furniture(line: Line, page: Page, repeated: set[str], *, size: float) -> bool:
    text = line.text
    if is_strong_furniture(text) or _CONTINUED.match(text):
        return True
    if (_PAGE_WORD.match(text) or _LANGUAGE_WORD.match(text)) and line.y1 <= page.height * TYPED_HEADER_ZONE:
        return True  # "English", "Page 2": the lines of a typewritten header block (symbol, language, page)
    if page.ocr and page.number > 1 and _SYMBOL_LINE.match(text) and line.y1 <= page.height * TYPED_HEADER_ZONE:
        return True  # the symbol atop a scan's typewritten header block, which may reach below TOP_ZONE
    zone = _zone(line, page)
    if zone is None or (page.number == 1 and _SYMBOL_LINE.match(text)):
        return False
    if _PAGE_NUMBER.match(text):
        return True
    # a repeated line of a running header is short, or set smaller than the text (a resolution's long title
    # that runs over two header lines: "Political declaration of the high-level meeting of the General Assembly")
    short = len(text) <= 60 or line.size < size - 0.75
    if _norm(text) in repeated and short and (zone == "top" or line.y0 >= page.height * 0.93):
        return True
    return page.number > 1 and bool(_SYMBOL_LINE.match(text))


def _split_notes(lines: list[Line], *, size: float) -> tuple[list[Line], list[Line]]:
    """Lines below a footnote rule near the left margin are footnotes."""
    left = _left_margin(lines)
    for i, line in enumerate(lines):
        if _RULE.match(line.text) and line.x0 < left + 60 and line.y0 > 0:
            rest = lines[i + 1:]
            if rest and _looks_like_note(rest[0], size=size):
                return lines[:i], rest
            return lines[:i] + rest, []
    return _bottom_notes(lines, size=size)


def _bottom_notes(lines: list[Line], *, size: float) -> tuple[list[Line], list[Line]]:
    """Without a rule: the run of small-type lines at the foot of the page, opening with a label."""
    start = len(lines)
    while start > 0 and lines[start - 1].size < size * 0.95 and not _RULE.match(lines[start - 1].text):
        start -= 1
    while start < len(lines) and not _looks_like_note(lines[start], size=size, strict=True):
        start += 1
    if start == len(lines) or (start > 0 and lines[start].y0 - lines[start - 1].y1 < 2):
        return lines, []
    return lines[:start], lines[start:]


def _looks_like_note(line: Line, *, size: float, strict: bool = False) -> bool:
    first = next((s for s in line.spans if s.text.strip()), None)
    if first is None:
        return False
    head = first.text.strip()
    labelled = head.startswith("*") or (
        bool(re.match(r"\d{1,3}\b", head)) and (first.size < line.size * 0.85 or bool(first.flags & SUPERSCRIPT))
    )
    if strict:
        return labelled
    return line.size < size * 0.95 or labelled


def _left_margin(lines: list[Line]) -> float:
    xs = Counter(round(ln.x0) for ln in lines if len(ln.text) > 30)
    if not xs:
        return min((ln.x0 for ln in lines), default=0.0)
    top = xs.most_common(1)[0][1]
    common = [x for x, n in xs.items() if n >= max(min(2, top), top // 4)]
    return float(min(common))


def _strip_markers(line: Line) -> None:
    """Remove superscript footnote markers from a body line, remembering their labels."""
    if _DATE_LINE.match(line.text):
        return  # a scan's date line whose digits came out in smaller type: "25 July 19 84"
    keep = []
    for span in line.spans:
        stripped = span.text.strip()
        if stripped and _is_marker(span.flags, span.size, line.size, stripped):
            line.markers.extend(re.findall(r"\d{1,3}|\*{1,3}|[a-z]", stripped))
            continue
        keep.append(span)
    if line.markers and keep:
        line.spans = keep
        line.text = join_spans(keep)


def _is_marker(flags: int, span_size: float, line_size: float, text: str) -> bool:
    if not _MARKER.match(text):
        return False
    small = span_size < line_size * 0.8
    if text.isalpha():  # lettered table notes only when clearly raised
        return bool(flags & SUPERSCRIPT) and small
    return bool(flags & SUPERSCRIPT) or small
