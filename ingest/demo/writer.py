"""Render a :class:`~ingest.demo.model.DemoDocument` as a UN-style PDF with PyMuPDF.

Page 1 carries the masthead (United Nations, organ names, the symbol top right, distribution,
date, original language), the session and agenda lines, the title and the job number with its
barcode line; later pages a running header with the symbol and a page number "n/N". Footnotes
stand at the bottom of the page that cites them, under a short rule, with superscript markers in
the text. Every page says it is a fictional sample. The same document always gives the same bytes
(fixed metadata, no random file identifier).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pymupdf

from ingest.demo.layout import Line, Word, break_lines, parse_markup
from ingest.demo.masthead import furniture_ops, masthead_ops
from ingest.demo.model import FICTIONAL_MARK, Block, BlockKind, DemoDocument

WIDTH, HEIGHT = 612.0, 792.0  # US Letter, as New York documents
X0, BODY, TAB, SUBTAB, RIGHT = 72.0, 100.0, 128.0, 156.0, 540.0
TOP, BOTTOM = 84.0, 716.0
SIZE, LEAD = 10.0, 14.0  # 14 pt: the line boxes of the Times base font must not overlap
FN_SIZE, FN_LEAD = 8.0, 9.5
FONTS = {"r": "tiro", "i": "tiit", "b": "tibo", "sup": "tiro", "h": "helv", "hb": "hebo"}
FIXED_DATE = "D:20260101000000Z"


@cache
def _font(style: str) -> pymupdf.Font:
    return pymupdf.Font(FONTS[style])


def measure(text: str, style: str, size: float) -> float:
    """Width of ``text`` in points in the writer's font for ``style``."""
    return float(_font(style).text_length(text, fontsize=size))


@dataclass
class _Page:
    ops: list[tuple[float, float, str, str, float]] = field(default_factory=list)  # x, y, text, style, size
    notes: list[int] = field(default_factory=list)
    lines: list[tuple[float, float, float, float]] = field(default_factory=list)  # rules


@dataclass
class _Flow:
    """Pages being filled from top to bottom, with footnotes kept on the page that cites them."""

    notes: dict[int, list[Line]]
    pages: list[_Page] = field(default_factory=lambda: [_Page()])
    y: float = TOP

    @property
    def page(self) -> _Page:
        return self.pages[-1]

    def notes_height(self, numbers: list[int]) -> float:
        if not numbers:
            return 0.0
        return 10.0 + sum(len(self.notes[n]) * FN_LEAD + 2 for n in numbers)

    def new_page(self) -> None:
        self.pages.append(_Page())
        self.y = TOP

    def place(self, line: Line, *, size: float = SIZE, lead: float = LEAD, label: Word | None = None,
              label_x: float = BODY) -> None:
        wanted = [*self.page.notes, *(n for n in line.footnotes if n not in self.page.notes)]
        if self.y + lead > BOTTOM - self.notes_height(wanted):
            self.new_page()
        self.page.notes.extend(n for n in line.footnotes if n not in self.page.notes)
        self.y += lead
        if label is not None:  # drawn first so that text extraction reads it first
            self.page.ops.append((label_x, self.y, label.text, label.style, size))
        _emit_line(self.page, line, self.y, size)

    def room(self, lines: int) -> None:
        """Start a new page unless ``lines`` more lines fit (keeps a heading with its text)."""
        if self.y + lines * LEAD > BOTTOM - self.notes_height(self.page.notes):
            self.new_page()


def _emit_line(page: _Page, line: Line, y: float, size: float) -> None:
    x = line.x
    run: list[str] = []
    style = ""
    for word in line.words:
        if word.style != style or word.style == "sup":
            if run:
                x = _emit_run(page, x, y, "".join(run), style, size)
            run, style = [], word.style
        run.append((" " if word.space_before else "") + word.text)
    if run:
        _emit_run(page, x, y, "".join(run), style, size)


def _emit_run(page: _Page, x: float, y: float, text: str, style: str, size: float) -> float:
    if style == "sup":
        page.ops.append((x, y - size * 0.38, text, "sup", size * 0.6))
        return x + measure(text, "sup", size * 0.6)
    page.ops.append((x, y, text, style, size))
    return x + measure(text, style, size)


_INDENTS = {  # kind: (label x, first text x, continuation x)
    BlockKind.PARAGRAPH: (BODY, TAB, BODY),
    BlockKind.SUBPARAGRAPH: (TAB, SUBTAB, BODY),
    BlockKind.OPERATIVE: (TAB, SUBTAB, BODY),
    BlockKind.RECOMMENDATION: (TAB, TAB + 34, TAB + 34),
    BlockKind.TEXT: (BODY, TAB, BODY),
    BlockKind.PREAMBULAR: (BODY, TAB, BODY),
    BlockKind.PLAIN: (BODY, TAB, BODY),  # the formula "The Security Council," stands at the indent
    BlockKind.HEADING: (X0, BODY, BODY),
    BlockKind.SUBHEADING: (X0, BODY, BODY),
}


def _flow_block(flow: _Flow, block: Block, notes: list[str]) -> None:
    label_x, first_x, rest_x = _INDENTS[block.kind]
    heading = block.kind in (BlockKind.HEADING, BlockKind.SUBHEADING)
    if heading:
        flow.y += 6.0
    text = f"**{block.text}**" if heading else block.text
    words = parse_markup(text, notes)
    for n in range(len(flow.notes) + 1, len(notes) + 1):
        flow.notes[n] = _note_lines(n, notes[n - 1])
    lines = break_lines(words, first_x=first_x, rest_x=rest_x, right=RIGHT, size=SIZE, measure=measure)
    if block.label:
        label = Word(block.label, "b" if heading else "r", False)
        _place_labelled(flow, label, label_x, lines, heading)
    else:
        flow.room(3 if heading else 2)
        for line in lines:
            flow.place(line)
    flow.y += 12.0 if heading else 6.0


def _place_labelled(flow: _Flow, label: Word, label_x: float, lines: list[Line], heading: bool) -> None:
    flow.room(4 if heading else 2)
    flow.place(lines[0], label=label, label_x=label_x)
    for line in lines[1:]:
        flow.place(line)


def _note_lines(n: int, text: str) -> list[Line]:
    words = parse_markup(text, [])
    lines = break_lines(words, first_x=BODY + 10, rest_x=BODY + 10, right=RIGHT, size=FN_SIZE, measure=measure)
    marker = Word(str(n), "sup", False)
    return [Line((marker,), BODY, ()), *lines]


def _render_notes(page: _Page, flow: _Flow) -> None:
    if not page.notes:
        return
    y = BOTTOM - flow.notes_height(page.notes) + 6.0
    page.lines.append((BODY, y, BODY + 110, y))
    y += 2.0
    for n in page.notes:
        marker, *lines = flow.notes[n]
        _emit_run(page, BODY, y + FN_LEAD, marker.words[0].text, "sup", FN_SIZE + 2)
        for line in lines:
            y += FN_LEAD
            _emit_line(page, line, y, FN_SIZE)
        y += 2.0


def layout(doc: DemoDocument) -> list[_Page]:
    """Lay the document out: its pages with their drawing operations."""
    flow = _Flow(notes={})
    ops, flow.y = masthead_ops(doc, measure)
    flow.page.ops.extend(ops)
    notes: list[str] = []
    for block in doc.blocks:
        _flow_block(flow, block, notes)
    for page in flow.pages:
        _render_notes(page, flow)
    return flow.pages


def render(doc: DemoDocument) -> bytes:
    """The PDF bytes of ``doc`` (the same bytes on every call)."""
    pages = layout(doc)
    pdf = pymupdf.open()
    for number, page in enumerate(pages, start=1):
        out = pdf.new_page(width=WIDTH, height=HEIGHT)
        for x, y, text, style, size in [*page.ops, *furniture_ops(doc, number, len(pages), measure)]:
            out.insert_text((x, y), text, fontname=FONTS[style], fontsize=size)
        for x0, y0, x1, y1 in page.lines:
            out.draw_line((x0, y0), (x1, y1), width=0.5)
        _rules(out, number)
    pdf.set_metadata({
        "title": f"{doc.symbol} ({FICTIONAL_MARK})", "author": "r2p-graph demo corpus",
        "subject": FICTIONAL_MARK, "keywords": doc.symbol, "creator": "r2p-graph", "producer": "r2p-graph",
        "creationDate": FIXED_DATE, "modDate": FIXED_DATE,
    })
    data: bytes = pdf.tobytes(garbage=3, deflate=True, no_new_id=True)
    pdf.close()
    return data


def _rules(page: pymupdf.Page, number: int) -> None:
    if number == 1:
        page.draw_line((X0, 78), (RIGHT, 78), width=1.5)
        page.draw_line((X0, 160), (RIGHT, 160), width=0.75)
    else:
        page.draw_line((X0, 62), (RIGHT, 62), width=1.0)


def write(doc: DemoDocument, folder: Path) -> Path:
    """Write ``doc`` into ``folder`` (created if needed) unless identical bytes are already there."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / doc.filename
    data = render(doc)
    if not path.exists() or path.read_bytes() != data:
        path.write_bytes(data)
    return path
