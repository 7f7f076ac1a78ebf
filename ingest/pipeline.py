"""``parse(path) -> ParsedDocument``: a UN PDF read into masthead, paragraphs, footnotes and citations."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from pathlib import Path

from ingest import citing
from ingest.errors import ParseError
from ingest.footnotes import read_footnotes
from ingest.layout import PageLayout, body_size, split_pages
from ingest.masthead import PLACES, SYMBOL, Masthead, iso_date, read_masthead, split_symbols
from ingest.paragraphs import build_blocks, finish_blocks, label_blocks, vocabulary_of
from ingest.pdf import RawDocument, read_pdf
from ingest.resolutions import find_formula, mark_resolution
from ontology.model import DocumentKind, Footnote, Paragraph, ParagraphKind, ParsedDocument

# Version of the reading rules: how ``parse`` and ``ingest.link.link`` turn a PDF into a document and its
# facts. Raise it with every change to them that alters what is stored for a file already read: each
# document is stamped with the version it was read by, and `r2p ingest` (and an upload) reads a file again,
# though its bytes are stored already, when its document carries an older stamp. Documents stored before
# stamps carry 0.
# 1: the first stamp (addenda's positions on recommendations, citation forms, titles as of this version).
# 2: a scan's symbol line cut apart gives no symbol; letters a scan read for digits in a symbol are digits;
#    an Official Records volume that prints no day is dated by the year of its imprint.
# 3: a typewritten masthead's title in capitals; the subtitle kept (and read for a draft's sponsors and a
#    report's author); OHCHR's UPR compilations and summaries are reports; a bold photo caption over its
#    credit line heads no section; a repeated header line set smaller than the text is furniture, however long;
#    so are a typescript's "/..." and "Page 2"; a bold line that runs on into body type is one paragraph with it,
#    and so is a line ending with ")" followed by an indented one in lower case; a reissue's job number is furniture.
#    A date line whose year a scan split ("25 July 19 84") gives its date. A label set a hair lower than its
#    text leads it; so does the next paragraph number printed without its full stop.
#    A title naming the resolution that established a country mechanism gives the mechanism's situation.
#    Historical peace operations (UNAMIR, UNTAET, MICIVIH, …) in the mechanism vocabulary.
# 4: items lettered "a.", "b." (not "(a)", "(b)"), and "i.", "ii." under them, are subparagraphs when they run
#    in order from the first.
#    A body's name set as its session line is, above it, is no title; nor is a last title line "Corrigendum".
#    A bold line opening a page after body text starts a paragraph ("(Signed) …" / "Annex").
#    A list numbered anew after a heading keeps its printed numbers, and items hang under the paragraph printed last
#    with their parent's number.
# 5: a ruled table is one paragraph of kind "table" (a row a line, cells parted by " | "), joined over the page
#    when it goes on; its figures are no footnote markers and its numbered rows no paragraphs.
# 6: a scan whose invisible text layer is garbled is read again with Tesseract, when its reading holds clearly
#    more known words (ingest.lexicon).
READING = 6

_PLACEHOLDER = re.compile(r"document you are looking for does not exist", re.IGNORECASE)
_HEADER_SYMBOL = re.compile(r"^\s*" + SYMBOL.pattern + r"\s*$")


def parse(path: str | Path, *, ocr: bool = True) -> ParsedDocument:
    """Read one UN PDF. Raises :class:`ParseError` (naming the file) when it cannot be read."""
    file = Path(path)
    raw = read_pdf(file, ocr=ocr)
    _check_content(file, raw)
    size = body_size(raw.pages)
    layouts = split_pages(raw.pages, size=size)
    first = raw.pages[0]
    head = read_masthead(layouts[0].body, width=first.width, height=first.height, size=size)
    vocabulary = vocabulary_of(layouts)
    blocks = build_blocks(layouts, size=size, skip=head.consumed)
    finish_blocks(blocks, vocabulary=vocabulary)
    records = label_blocks(blocks)
    mark_resolution(records)
    footnotes = read_footnotes(layouts, vocabulary=vocabulary)
    paragraphs = _paragraphs(records, {f.label for f in footnotes})
    warnings = list(raw.warnings)
    symbols = head.symbols or _header_symbols(layouts)
    if not head.symbols:
        warnings.append("no symbol in the masthead" + (
            f": its symbol line reads {head.misread!r}, a series cut from its number by the scan" if head.misread
            else "") + ("; symbol read from the running header" if symbols else ""))
    warnings += [f"symbol read as {read!r} in the masthead, taken as {taken!r} (letters for digits, as scans misread them)"
                 for read, taken in head.repaired]
    if head.redated:
        warnings.append("date read as {!r} in the masthead, taken as {!r} (a year the scan split)".format(*head.redated))
    text = " ".join([head.title or ""] + [p.text for p in paragraphs[:40]])[:3000]  # the body, before annexes
    citations = citing.collect(paragraphs, footnotes, context=symbols[0] if symbols else None)
    return ParsedDocument(
        file=str(path), sha256=file_sha256(file), symbols=tuple(symbols), title=head.title, subtitle=head.subtitle or None,
        date=head.date or _adoption_date(head) or _imprint_year(raw), language=citing.language(text),
        organs=tuple(head.organs), kind=_kind(head, symbols, records), pages=len(raw.pages),
        paragraphs=tuple(paragraphs), footnotes=tuple(footnotes), citations=tuple(citations),
        warnings=tuple(warnings), session="; ".join(head.sessions) or None, agenda=tuple(head.agenda),
        distribution=head.distribution, original_language=head.original_language,
        job_number=_job_number(layouts), reading=READING,
    )


def _check_content(file: Path, raw: RawDocument) -> None:
    text = " ".join(ln.text for page in raw.pages for ln in page.lines)
    if _PLACEHOLDER.search(text):
        raise ParseError(f"{file}: placeholder page, the document does not exist in the Official Document System")
    if not text.strip() and not any("OCR" in w or "tesseract" in w for w in raw.warnings):
        raise ParseError(f"{file}: no readable text (no text layer and no page image to read)")


def _paragraphs(records: list[dict], labels: set[str]) -> list[Paragraph]:
    out = []
    for rec in records:
        cited = tuple(m for m in dict.fromkeys(rec["markers"]) if m in labels)
        out.append(Paragraph(
            index=rec["index"], key=rec["key"], label=rec["label"], kind=ParagraphKind(rec["kind"]),
            text=rec["text"], page=rec["page"], section=rec["section"], footnotes=cited,
            parent=rec["parent"], verb=rec.get("verb"),
        ))
    return out


def _header_symbols(layouts: list[PageLayout]) -> list[str]:
    counts: Counter[str] = Counter()
    for layout in layouts[1:]:
        for line in layout.furniture:
            if _HEADER_SYMBOL.match(line.text):
                counts.update(split_symbols(line.text))
    if not counts:
        return []
    top = counts.most_common(1)[0][1]
    return [s for s, n in counts.items() if n >= max(1, top // 2)]


def _job_number(layouts: list[PageLayout]) -> str | None:
    pattern = re.compile(r"(GE\.\s?\d{2}-\d{4,6}\s*(?:\([A-Z]\))?|\d{2}-\d{5}\s*\([A-Z]\))")
    for line in layouts[0].furniture:
        if m := pattern.search(line.text):
            return " ".join(m.group(1).split())
    return None


# The imprint of an Official Records volume, which gives its year and no day ("United Nations • New York, 2025")
_IMPRINT = re.compile(rf"^\s*United Nations\s*[•·]\s*(?:{'|'.join(PLACES)})\s*,\s*(\d{{4}})\s*$")
IMPRINT_PAGES = 4  # the imprint stands on the cover's back or the title page


def _imprint_year(raw: RawDocument) -> str | None:
    """The year of an Official Records supplement's imprint, as a date of year precision ("2025"): the
    report of the Secretary-General on the work of the Organization, say, is dated by no day."""
    for page in raw.pages[:IMPRINT_PAGES]:
        for line in page.lines:
            if m := _IMPRINT.match(line.text):
                return m.group(1)
    return None


def _adoption_date(head: Masthead) -> str | None:
    subtitle = head.subtitle
    return iso_date(subtitle) if re.search(r"\badopted\b", subtitle, re.IGNORECASE) else None


# Reports titled by what they are: OHCHR's compilation and summary for a UPR review, and a first-cycle
# Working Group report whose title page reads only "UNIVERSAL PERIODIC REVIEW" and the State's name
_UPR_REPORT = re.compile(r"\b(?:compilation|summary)\b.{0,40}\bprepared\s+by\b|^universal periodic review\b")


def _kind(head: Masthead, symbols: list[str], records: list[dict]) -> DocumentKind:
    symbol = symbols[0].upper() if symbols else ""
    words = f"{head.title or ''} {head.subtitle}".lower()
    if "/RES/" in symbol or words.startswith("resolution"):
        return DocumentKind.RESOLUTION
    if "/PV." in symbol or "/SR." in symbol or "verbatim record" in words or "summary record" in words:
        return DocumentKind.RECORD
    if re.search(r"/L\.\d", symbol) or "draft resolution" in words or "draft decision" in words:
        return DocumentKind.DRAFT
    if re.search(r"\bletters? dated\b|\bcarta de fecha\b|\blettre datée\b|\bписьмо\b", words):
        return DocumentKind.LETTER
    if re.search(r"\bnote (?:by|verbale)\b", words):
        return DocumentKind.NOTE
    if re.search(r"\breport\b|\bconcluding observations\b|\brapport\b|\binforme\b|\bдоклад|заключительные замечания", words):
        return DocumentKind.REPORT
    if _UPR_REPORT.search(words):
        return DocumentKind.REPORT
    if find_formula(records, within=3) is not None:
        return DocumentKind.RESOLUTION
    return DocumentKind.OTHER


def file_sha256(file: Path) -> str:
    """Hex sha256 of a file's bytes: the document's content hash."""
    digest = hashlib.sha256()
    with file.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


__all__ = ["Footnote", "parse"]
