"""The only module that touches PyMuPDF: opens a PDF and turns each page into plain line records.

Each page is extracted once with ``page.get_text("dict")``; pages without a text layer are read with
Tesseract OCR through PyMuPDF when it is installed, and so is a scan whose invisible text layer is garbled, when
Tesseract's reading of it holds clearly more known words (:mod:`ingest.lexicon`). A page ruled with enough lines to hold a table is also
searched for tables (``page.find_tables``), kept as :class:`Table` boxes with the edges of their rows and columns.
Everything downstream works on :class:`Line`, :class:`Span` and :class:`Table` records in pure Python.
"""

from __future__ import annotations

import os
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pymupdf

from ingest.errors import ParseError
from ingest.language import detect
from ingest.lexicon import CLEAN_SHARE, known_share

SUPERSCRIPT = 1
ITALIC = 2
BOLD = 16
_TEXT_FLAGS = pymupdf.TEXT_PRESERVE_WHITESPACE | pymupdf.TEXT_MEDIABOX_CLIP
_OCR_LANGUAGES = "eng+fra+spa+rus"
_ROW_GAP = 40.0  # horizontal gap (pt) under which two lines on one baseline form one row
_LABEL_ONLY = re.compile(r"^\s*\(?(?:\d{1,3}(?:\.\d{1,3})*|[a-z])[.)]?\s*$")  # "4.", "100.", "(a)": a paragraph's label
_OCR_NOISE = re.compile(r"[^\W_]{3}")  # an OCR line is kept when it holds a word of three letters or digits
_RULES_FOR_TABLE = 8  # straight lines and boxes a page needs before it is searched for tables
_TABLE_ROWS = 3  # rows of text set apart in pieces a page needs before it is searched for tables
_CELL_GAP = 12.0  # white space (pt) between two pieces of one row of text
_SCAN_COVER = 0.8  # share of the page an image must cover for the page to be a scan
_GARBLED = 0.85  # a scan's text layer is read again when its share of known words is under this much of clean text's
_OCR_GAIN = 0.05  # how much higher the share of known words of an OCR reading must be for it to be kept
_OCR_SIZE_SPREAD = 0.25  # type sizes an OCR reading gives within this share of the page's median are taken as one
_OCR_OVERLAP = 16.0  # how far (pt) OCR's boxes of two pieces of one row may overlap
_OCR_LABEL = re.compile(r"^\s*((?=[1l]*l)[1l]{1,3})\.\s")  # a paragraph number whose ones OCR read as "l"
_TESSERACT = {"en": "eng", "fr": "fra", "es": "spa", "ru": "rus"}  # Tesseract's models for the languages it has here
_LEAD_ONLY = re.compile(r"^\s*(?:\(?(?:\d{1,3}(?:\.\d{1,3})*|[a-z]{1,2}|[ivx]{1,5})[.)]?|[•▪◦●■□➢✓o*\-–—])\s*$")


@dataclass(slots=True)
class Span:
    text: str
    size: float
    flags: int
    x0: float
    x1: float

    @property
    def bold(self) -> bool:
        return bool(self.flags & BOLD)

    @property
    def italic(self) -> bool:
        return bool(self.flags & ITALIC)


@dataclass(slots=True)
class Line:
    """One visual row of text: spans left to right, box, and the dominant font size."""

    spans: list[Span]
    x0: float
    y0: float
    x1: float
    y1: float
    size: float
    page: int  # 1-based
    text: str = ""
    markers: list[str] = field(default_factory=list)  # footnote markers (superscripts) removed from text

    @property
    def bold(self) -> bool:
        """Most of the line's characters are bold."""
        bold = sum(len(s.text.strip()) for s in self.spans if s.bold)
        return bold * 2 > sum(len(s.text.strip()) for s in self.spans)

    @property
    def italic(self) -> bool:
        return all(s.italic for s in self.spans if s.text.strip())


@dataclass(slots=True)
class Table:
    """A ruled table: its box, and the edges of its columns and rows (each list ends with the far edge)."""

    page: int  # 1-based
    x0: float
    y0: float
    x1: float
    y1: float
    columns: list[float]  # left edge of each column, then the right edge of the table
    rows: list[float]  # top edge of each row, then the bottom edge of the table

    def holds(self, line: Line) -> bool:
        """Whether ``line`` is set inside the table."""
        mid = (line.y0 + line.y1) / 2
        return line.page == self.page and self.y0 <= mid <= self.y1 and line.x0 >= self.x0 - 2 \
            and line.x1 <= self.x1 + 2


@dataclass(slots=True)
class Page:
    number: int  # 1-based
    width: float
    height: float
    lines: list[Line] = field(default_factory=list)
    ocr: bool = False
    images: int = 0
    tables: list[Table] = field(default_factory=list)


@dataclass(slots=True)
class RawDocument:
    pages: list[Page]
    warnings: list[str]


def ocr_available() -> bool:
    """Whether Tesseract can be used for pages without a text layer."""
    return shutil.which("tesseract") is not None


def read_pdf(path: Path, *, ocr: bool = True) -> RawDocument:
    """Open ``path`` and return its pages as line records; raise :class:`ParseError` on bad input."""
    doc = _open(path)
    warnings: list[str] = []
    try:
        pages = [_read_page(doc, i, ocr=ocr, warnings=warnings) for i in range(doc.page_count)]
    finally:
        doc.close()
    return RawDocument(pages=pages, warnings=warnings)


def _open(path: Path) -> pymupdf.Document:
    if not path.is_file():
        raise ParseError(f"{path}: no such file")
    with path.open("rb") as fh:
        head = fh.read(1024)
    if b"%PDF-" not in head:
        raise ParseError(f"{path}: not a PDF file")
    try:
        doc = pymupdf.open(path, filetype="pdf")
    except Exception as exc:  # noqa: BLE001 - pymupdf raises several types for damaged files
        raise ParseError(f"{path}: corrupt PDF ({exc})") from None
    if doc.needs_pass or doc.is_encrypted:
        doc.close()
        raise ParseError(f"{path}: encrypted PDF (password required)")
    if doc.page_count == 0:
        doc.close()
        raise ParseError(f"{path}: corrupt or empty PDF (0 pages)")
    return doc


def _read_page(doc: pymupdf.Document, index: int, *, ocr: bool, warnings: list[str]) -> Page:
    try:
        page = doc[index]
        data = page.get_text("dict", flags=_TEXT_FLAGS)
        images = len(page.get_images(full=False))
    except Exception as exc:  # noqa: BLE001 - one damaged page must not lose the others
        warnings.append(f"page {index + 1}: unreadable ({exc})")
        return Page(number=index + 1, width=612.0, height=792.0)
    result = Page(number=index + 1, width=page.rect.width, height=page.rect.height, images=images)
    result.lines = _lines(data, index + 1, _matrix(page))
    if not any(line.text.strip() for line in result.lines) and images and ocr:
        _ocr_page(page, result, warnings)
    elif images and ocr and _scan(page):
        _reread_garbled(page, result, warnings)
    elif index and not page.rotation and _tabular(result.lines):  # the first page's rules are its masthead's
        result.tables = _tables(page, warnings)
    return result


def _tabular(lines: list[Line]) -> bool:
    """Whether at least :data:`_TABLE_ROWS` rows of text stand apart in two or more pieces (a paragraph's label
    or a bullet before its text does not count): cheap to tell, and needed before a page is searched for tables."""
    rows: dict[int, list[Span]] = {}
    for line in lines:
        rows.setdefault(round((line.y0 + line.y1) / 6), []).extend(s for s in line.spans if s.text.strip())
    count = 0
    for spans in rows.values():
        spans.sort(key=lambda s: s.x0)
        starts = [i for i, s in enumerate(spans) if i and s.x0 - spans[i - 1].x1 >= _CELL_GAP]
        if starts and _LEAD_ONLY.match(join_spans(spans[:starts[0]])):
            starts = starts[1:]
        count += bool(starts)
        if count >= _TABLE_ROWS:
            return True
    return False


def _straight(item: tuple) -> bool:
    """A drawn rectangle, or a line drawn level or upright (an emblem's slanted strokes are not rules)."""
    if item[0] == "re":
        return True
    if item[0] != "l":
        return False
    (x0, y0), (x1, y1) = item[1], item[2]
    return abs(y0 - y1) < 1 or abs(x0 - x1) < 1


def _tables(page: pymupdf.Page, warnings: list[str]) -> list[Table]:
    """The tables of a page ruled enough to hold one, with two rows and two columns at least. PyMuPDF finds
    them from the rules and its layout model; their text is read from the page's own lines downstream."""
    try:
        rules = sum(1 for path in page.get_cdrawings() for item in path["items"] if _straight(item))
        if rules < _RULES_FOR_TABLE:
            return []
        found = page.find_tables().tables
    except Exception as exc:  # noqa: BLE001 - a table not found leaves its lines as text; the page is kept
        warnings.append(f"page {page.number + 1}: tables not read ({exc})")
        return []
    tables = []
    for table in found:
        cells = [cell for cell in table.cells if cell is not None]
        if table.row_count < 2 or table.col_count < 2 or not cells:
            continue
        x0, y0, x1, y1 = table.bbox
        columns = sorted({round(cell[0], 1) for cell in cells}) + [x1]
        rows = [row.bbox[1] for row in table.rows] + [y1]
        tables.append(Table(page.number + 1, x0, y0, x1, y1, columns, rows))
    return tables


def _ocr_page(page: pymupdf.Page, result: Page, warnings: list[str]) -> None:
    if not ocr_available():
        warnings.append(f"page {result.number}: no text layer and OCR is not installed (tesseract); page skipped")
        return
    try:
        result.lines = _ocr_lines(page, result.number, _OCR_LANGUAGES)
    except Exception as exc:  # noqa: BLE001 - a broken Tesseract install must not stop the batch
        warnings.append(f"page {result.number}: OCR failed ({exc}); page skipped")
        return
    result.ocr = True
    warnings.append(f"page {result.number}: no text layer, read with OCR (quality may vary)")


def _ocr_lines(page: pymupdf.Page, number: int, languages: str) -> list[Line]:
    textpage = page.get_textpage_ocr(language=languages, dpi=200, full=True, tessdata=_tessdata())
    data = page.get_text("dict", flags=_TEXT_FLAGS, textpage=textpage)
    lines = [ln for ln in _lines(data, number, _matrix(page), overlap=_OCR_OVERLAP) if _OCR_NOISE.search(ln.text)]
    for line in lines:
        if m := _OCR_LABEL.match(line.text):  # "ll. Since early 1982": paragraph 11, its ones read as the letter l
            line.spans[0].text = line.spans[0].text.replace(m.group(1), m.group(1).replace("l", "1"), 1)
            line.text = join_spans(line.spans)
    return _even_sizes(lines)


def _even_sizes(lines: list[Line]) -> list[Line]:
    """OCR gives each line the height of its letters as its type size, so "Portugal." under a line of text reads
    as smaller type; lines within :data:`_OCR_SIZE_SPREAD` of the page's median size are set to it."""
    sizes = sorted(line.size for line in lines)
    if not sizes:
        return lines
    body = sizes[len(sizes) // 2]
    for line in lines:
        if abs(line.size - body) <= _OCR_SIZE_SPREAD * body:
            line.size = body
            for span in line.spans:
                span.size = body
    return lines


def _scan(page: pymupdf.Page) -> bool:
    """Whether the page is a scanned image with the text an OCR engine read from it laid invisibly beneath."""
    area = abs(page.rect)
    if not area or not any(abs(pymupdf.Rect(image["bbox"]) & page.rect) >= _SCAN_COVER * area
                           for image in page.get_image_info()):
        return False
    invisible = visible = 0
    for span in page.get_texttrace():  # type 3: text drawn invisibly
        if span["type"] == 3:
            invisible += len(span["chars"])
        else:
            visible += len(span["chars"])
    return invisible > visible


def _reread_garbled(page: pymupdf.Page, result: Page, warnings: list[str]) -> None:
    """Read a scan again with Tesseract when its text layer is garbled, and keep the reading that knows more words.

    Garbled: the share of the layer's words that its language's word list knows is under :data:`_GARBLED` of what
    clean text of that language reaches. The OCR reading is kept when that share is at least :data:`_OCR_GAIN`
    higher than the layer's; either way the page's warnings say what was done, with both shares.
    """
    text = " ".join(line.text for line in result.lines)
    language = detect(text)
    share = known_share(text, language)
    if share is None or language is None or share >= _GARBLED * CLEAN_SHARE[language]:
        return
    where = f"page {result.number}: the scan's text layer reads poorly ({share:.0%} of its words known)"
    if not ocr_available():
        warnings.append(f"{where}; it is kept, as OCR is not installed (tesseract)")
        return
    try:
        lines = _ocr_lines(page, result.number, _TESSERACT.get(language, _OCR_LANGUAGES))
    except Exception as exc:  # noqa: BLE001 - a broken Tesseract install must not stop the batch
        warnings.append(f"{where}; it is kept, as OCR failed ({exc})")
        return
    again = known_share(" ".join(line.text for line in lines), language)
    if again is None or again < share + _OCR_GAIN:
        shown = "no words" if again is None else f"{again:.0%}"
        warnings.append(f"{where}; it is kept, as OCR reads no better ({shown})")
        return
    result.lines = lines
    result.ocr = True
    warnings.append(f"{where}; read again with OCR ({again:.0%} known; quality may vary)")


def _tessdata() -> str | None:
    env = os.environ.get("TESSDATA_PREFIX")
    if env:
        return env
    for base in sorted(Path("/usr/share/tesseract-ocr").glob("*/tessdata"), reverse=True):
        return str(base)
    return None


def _matrix(page: pymupdf.Page) -> pymupdf.Matrix | None:
    """Text boxes come in unrotated coordinates; this turns them the way the page is shown."""
    return page.rotation_matrix if page.rotation else None


def _box(bbox: tuple[float, float, float, float], matrix: pymupdf.Matrix | None) -> tuple[float, ...]:
    if matrix is None:
        return bbox
    rect = pymupdf.Rect(bbox) * matrix
    rect.normalize()
    return rect.x0, rect.y0, rect.x1, rect.y1


def _lines(data: dict, page_number: int, matrix: pymupdf.Matrix | None = None, *, overlap: float = 0.0
           ) -> list[Line]:
    raw: list[Line] = []
    for block in data["blocks"]:
        for line in block.get("lines", ()):
            spans = []
            for s in line["spans"]:
                if s["text"]:
                    sx0, _, sx1, _ = _box(s["bbox"], matrix)
                    spans.append(Span(s["text"], s["size"], s["flags"], sx0, sx1))
            if not spans or not "".join(s.text for s in spans).strip():
                continue
            x0, y0, x1, y1 = _box(line["bbox"], matrix)
            raw.append(Line(spans, x0, y0, x1, y1, _main_size(spans), page_number))
    return _rows(raw, overlap=overlap)


def _main_size(spans: list[Span]) -> float:
    best: dict[float, int] = {}
    for s in spans:
        n = len(s.text.strip())
        if n:
            key = round(s.size, 1)
            best[key] = best.get(key, 0) + n
    return max(best, key=best.__getitem__) if best else spans[0].size


def _rows(lines: list[Line], *, overlap: float = 0.0) -> list[Line]:
    """Merge lines that share a baseline and sit close together (or overlap by up to ``overlap`` points, as OCR's
    boxes of two pieces of one row may); order rows top to bottom."""
    lines.sort(key=lambda ln: (round((ln.y0 + ln.y1) / 2), ln.x0))
    rows: list[Line] = []
    for line in lines:
        last = rows[-1] if rows else None
        if last is not None and _same_row(last, line, overlap):
            if line.x1 <= last.x0:  # a label a hair lower than its text: "4." left of "Food insecurity"
                last.spans[:0] = line.spans
                last.x0 = line.x0
            else:
                if line.x0 < last.x1 and not last.spans[-1].text.endswith(" "):  # overlapping OCR boxes: two words
                    line.spans[0].text = " " + line.spans[0].text
                last.spans.extend(line.spans)
            last.x1 = max(last.x1, line.x1)
            last.y0, last.y1 = min(last.y0, line.y0), max(last.y1, line.y1)
            last.size = _main_size(last.spans)
        else:
            rows.append(line)
    rows.sort(key=lambda ln: (ln.y0, ln.x0))
    for row in rows:
        row.text = join_spans(row.spans)
    return rows


def _same_row(a: Line, b: Line, overlap: float = 0.0) -> bool:
    mid_a, mid_b = (a.y0 + a.y1) / 2, (b.y0 + b.y1) / 2
    height = min(a.y1 - a.y0, b.y1 - b.y0) or 1.0
    if abs(mid_a - mid_b) >= height * 0.5:
        return False
    return -overlap <= b.x0 - a.x1 < _ROW_GAP or (0 <= a.x0 - b.x1 < _ROW_GAP and bool(_LABEL_ONLY.match(join_spans(b.spans))))


def join_spans(spans: list[Span]) -> str:
    out: list[str] = []
    prev_x1 = None
    for s in spans:
        if prev_x1 is not None and s.x0 - prev_x1 > 2.0 and out and not out[-1].endswith(" "):
            out.append(" ")
        out.append(s.text)
        prev_x1 = s.x1
    return "".join(out)
