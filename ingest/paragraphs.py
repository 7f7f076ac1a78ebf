"""Body lines to paragraphs: blocks by spacing and indentation (joined across page breaks and
footnote blocks), hyphenation repaired, labels read ("12", "86.12", "12 (a)"), headings giving
each paragraph its section. The lines of a ruled table make one paragraph of kind "table", a row a line
and its cells parted by " | ", however its rows are numbered; a table going on over the page is one."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.layout import PageLayout
from ingest.pdf import Line, Table, join_spans

LABEL = re.compile(r"^\s*(\d{1,3}(?:\.\d{1,3})+|\d{1,3}(?=\.))\.?\s+(?=\S)")
SUBLABEL = re.compile(r"^\s*\(?([a-zа-я]{1,2}|[ivxlc]{1,6})\)\s+(?=\S)")
HEADING = re.compile(r"^\s*(?:[IVXLC]{1,6}|[A-Z])\.\s+\S")
_LEADER = re.compile(r"(?:\.\s?){5,}|…{2,}")
_TOC_HEAD = re.compile(
    r"^\s*(?:(?:paragraphs\s+)?page|contents|table of contents|sommaire|índice|содержание|[\d\s–\-]+)\s*$", re.IGNORECASE
)
_TERMINAL = (".", ";", ":", "?", "!", "»", "”", ")")
_OCR_GAP = 0.5  # on a page read with OCR, white space (in type sizes) under which a line goes on with a paragraph
_HYPHEN_END = re.compile(r"(\w+)[-\u00ad]$")
_WORD_START = re.compile(r"^([^\W\d_]+)")


@dataclass(slots=True)
class Block:
    """Consecutive lines forming one paragraph or heading."""

    lines: list[Line] = field(default_factory=list)
    text: str = ""
    label: str | None = None
    sublabel: str | None = None
    heading: bool = False
    lead: str | None = None  # the italic lead words ("Recalling", "Calls upon")
    markers: list[str] = field(default_factory=list)
    indent: float = 0.0  # first line's distance from the page's left margin
    tables: list[Table] = field(default_factory=list)  # the table (and its parts on the pages after) it holds

    @property
    def page(self) -> int:
        return self.lines[0].page


def build_blocks(layouts: list[PageLayout], *, size: float, skip: set[int]) -> list[Block]:
    """Group body lines (minus the masthead lines in ``skip``) into blocks in reading order."""
    blocks: list[Block] = []
    prev: Line | None = None
    left = 0.0
    usual = _line_gap(layouts, size) or 0.0
    for layout in layouts:
        left = layout.left or left
        page_gap = _line_gap([layout], size, same_size=False)
        limit = max(2.5, (usual if page_gap is None else page_gap) + size * 0.3)  # white space opening a paragraph
        if layout.ocr:  # the white space between two OCR line boxes of one paragraph varies with their letters
            limit = max(limit, size * _OCR_GAP)
        for line in layout.body:
            table = next((t for t in layout.tables if t.holds(line)), None)
            if id(line) in skip or (table is None and (_LEADER.search(line.text) or _TOC_HEAD.match(line.text))):
                continue
            if table is not None:
                if prev is None or not _goes_on(blocks[-1], table, prev):
                    blocks.append(Block(indent=line.x0 - left))
                if table not in blocks[-1].tables:
                    blocks[-1].tables.append(table)
            elif prev is None or blocks[-1].tables or _starts_block(prev, line, left=left, limit=limit,
                                                                    block=blocks[-1]):
                blocks.append(Block(indent=line.x0 - left))
            blocks[-1].lines.append(line)
            prev = line
    return blocks


def _goes_on(block: Block, table: Table, prev: Line) -> bool:
    """Whether a line of ``table`` belongs to ``block``: the same table, or its part on the next page when
    nothing stands between them and it has as many columns."""
    if not block.tables:
        return False
    last = block.tables[-1]
    return table is last or (table.page == prev.page + 1 and len(table.columns) == len(last.columns))


def _runs_on(prev: Line, line: Line) -> bool:
    """``line`` goes on with the sentence of ``prev``: it starts in lower case and ``prev`` ends no sentence
    ("(a) providing operational support …, including" set in bold, "building its capacity …" not)."""
    first = line.text.lstrip()[:1]
    return first.islower() and not prev.text.rstrip().endswith((".", ":", ";"))


def _line_gap(layouts: list[PageLayout], size: float, *, same_size: bool = True) -> float | None:
    """The usual white space between two lines of one paragraph (None: too few lines to tell)."""
    gaps = []
    for layout in layouts:
        for a, b in zip(layout.body, layout.body[1:]):
            gap = b.y0 - a.y1
            if -size < gap < size and (not same_size or abs(a.size - size) < 1):
                gaps.append(gap)
    if len(gaps) < (1 if same_size else 8):
        return None if not same_size else 0.0
    return sorted(gaps)[len(gaps) // 3]


def _starts_block(prev: Line, line: Line, *, left: float, limit: float, block: Block) -> bool:
    text = line.text.lstrip()
    labelled = bool(LABEL.match(text) or SUBLABEL.match(text))
    if line.bold and not prev.bold and prev.text.rstrip().endswith(_TERMINAL):
        return True
    if prev.bold and not line.bold and _heading_lines(block.lines) and len(block.lines) < 4 \
            and not _runs_on(prev, line):
        return True
    if line.page != prev.page:
        indented = line.x0 > left + 12 and prev.text.rstrip().endswith(_TERMINAL)
        bold_start = line.bold and not prev.bold and text[:1].isupper()  # "Annex 3: …" atop the page after a caption
        return labelled or bool(HEADING.match(text) and line.bold) or indented or bold_start
    gap = line.y0 - prev.y1
    if gap > limit or line.y0 < prev.y0 - 2:
        return True
    if line.x0 > prev.x0 + 8 and prev.text.rstrip().endswith(_TERMINAL) and len(prev.text) > 20 \
            and not (prev.text.rstrip().endswith(")") and line.text.lstrip()[:1].islower()):
        return True  # first-line indent after a finished sentence, not the hanging indent after "… (RSNA)"
    return labelled and prev.text.rstrip().endswith(_TERMINAL) and line.x0 <= prev.x0 + 30


def _heading_lines(lines: list[Line]) -> bool:
    return all(ln.bold for ln in lines)


def finish_blocks(blocks: list[Block], *, vocabulary: set[str]) -> None:
    """Join each block's text (repairing hyphenation) and read its label, heading flag and lead."""
    for block in blocks:
        block.text = table_text(block, vocabulary) if block.tables else \
            join_lines([ln.text for ln in block.lines], vocabulary)
        for line in block.lines:
            block.markers.extend(m for m in line.markers if m not in block.markers)
        block.heading = not block.tables and _is_heading(block)
    for block, after in zip(blocks, blocks[1:] + [None]):
        if block.heading and after is not None and _credit(block, after):
            block.heading = False  # a figure's caption, not the heading of what follows
    for block in blocks:
        if not block.heading and not block.tables:
            _read_label(block)


CELL = " | "  # between the cells of a table row


def table_text(block: Block, vocabulary: set[str]) -> str:
    """A table's rows, one a line, cells parted by :data:`CELL`. A cell's lines are joined as a paragraph's;
    a row that repeats one of the table's first rows on a later page (the header printed again) is left out."""
    rows: list[str] = []
    for table in block.tables:
        cells: dict[tuple[int, int], list[str]] = {}
        for line in block.lines:
            if not table.holds(line):
                continue
            row = _slot(table.rows, (line.y0 + line.y1) / 2)
            parts: dict[int, list] = {}
            for span in line.spans:
                parts.setdefault(_slot(table.columns, (span.x0 + span.x1) / 2), []).append(span)
            for column, spans in parts.items():
                cells.setdefault((row, column), []).append(join_spans(spans))
        for row in range(len(table.rows) - 1):
            text = CELL.join(join_lines(cells.get((row, column), []), vocabulary)
                             for column in range(len(table.columns) - 1)).rstrip(" |")
            if text and not (table is not block.tables[0] and text in rows[:3]):
                rows.append(text)
    return "\n".join(rows)


def _slot(edges: list[float], at: float) -> int:
    """The row or column, between ``edges``, that ``at`` falls in (the nearest one at the sides)."""
    for i in range(len(edges) - 2, -1, -1):
        if at >= edges[i]:
            return i
    return 0


def vocabulary_of(layouts: list[PageLayout]) -> set[str]:
    """Lower-case words of the body, to decide whether a line-end hyphen is part of the word."""
    words: set[str] = set()
    for layout in layouts:
        for line in layout.body:
            words.update(w.lower() for w in re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", line.text))
    return words


def join_lines(texts: list[str], vocabulary: set[str]) -> str:
    """Join line texts into one paragraph, undoing hyphenation at line ends."""
    out = ""
    for raw in texts:
        text = " ".join(raw.split())
        if not text:
            continue
        if not out:
            out = text
            continue
        m = _HYPHEN_END.search(out[-80:]) if out.endswith(("-", "\u00ad")) else None
        n = _WORD_START.match(text)
        if m and n and n.group(1)[0].islower():
            out = (out[:-1] if _dehyphenate(m.group(1), n.group(1), vocabulary) else out) + text
        elif out.endswith(("-", "/", "\u00ad")) and n is None:
            out = out + text
        else:
            out = f"{out} {text}"
    return out


def _dehyphenate(head: str, tail: str, vocabulary: set[str]) -> bool:
    joined, kept = f"{head}{tail}".lower(), f"{head}-{tail}".lower()
    if joined in vocabulary:
        return True
    if kept in vocabulary:
        return False
    return bool(re.match(r"[\u0400-\u04ff]", tail))  # Cyrillic words are hyphenated by syllable


# The credit line under a photo or map in a report's annex: "Photos shared with the Panel", "Still from video …"
_CREDIT = re.compile(r"^(?:Photos?|Still|Screenshot|Image|Source|Video|Satellite)\b")


def _credit(caption: Block, after: Block) -> bool:
    """Whether ``after``, set in body type right under ``caption`` on its page, credits a figure."""
    return (after.page == caption.page and not _heading_lines(after.lines) and bool(_CREDIT.match(after.text))
            and after.lines[0].y0 - caption.lines[-1].y1 < caption.lines[-1].y1 - caption.lines[-1].y0)


def _is_heading(block: Block) -> bool:
    text = block.text
    if len(text) > 220 or not text:
        return False
    if (LABEL.match(text) or SUBLABEL.match(text)) and not HEADING.match(text):
        return False
    if _heading_lines(block.lines) and not text.endswith((";", ",", ":")):
        return not (text.endswith(".") and len(text) > 80)
    return bool(HEADING.match(text)) and not text.endswith((".", ";", ",")) and len(text) < 120


def _read_label(block: Block) -> None:
    first = block.lines[0]
    if m := LABEL.match(block.text):
        block.label = m.group(1)
        block.text = block.text[m.end():]
    elif m := SUBLABEL.match(block.text):
        block.sublabel = m.group(1)
        block.text = block.text[m.end():]
    block.lead = _italic_lead(first)


def _italic_lead(line: Line) -> str | None:
    words: list[str] = []
    started = False
    for span in line.spans:
        stripped = span.text.strip()
        if not stripped:
            continue
        if not started and (LABEL.match(stripped + " x") or SUBLABEL.match(stripped + " x")):
            continue
        if not span.italic:
            break
        started = True
        words.append(stripped)
    lead = " ".join(" ".join(words).split()).rstrip(",;:")
    return lead if lead and len(lead) < 60 else None


@dataclass(slots=True)
class _Numbering:
    """Where the numbering stands: main paragraph, nested list (early UPR reports), subparagraphs."""

    main: str | None = None  # key of the current numbered paragraph
    main_label: str | None = None  # its label as printed (its key may differ: a number printed again)
    main_number: int = 0
    main_x: float = 0.0
    nested: int = 0  # last number of a list nested under ``main`` ("56." then "1.", "2." …)
    letter_parent: str | None = None  # key of the paragraph lettered items go under
    letter_parent_label: str | None = None  # its label
    printed_parent: str | None = None  # the parent a dotted label names ("24" of "24.1"), for the last one read
    letter_label: str | None = None
    last_letter: str | None = None
    letter_key: str | None = None
    letter_label_full: str | None = None
    opens_list: bool = False
    last_dotted: str | None = None  # the last "N.M" label read
    dotted_letter: str | None = None  # the letter of the last "a."-style item, while such items run
    dotted_roman: str | None = None  # the numeral of the last "i."-style item, while such items run
    roman_on_top: bool = False  # whether that run is the paragraph's first level of items
    headed: bool = False  # a heading came after the current numbered paragraph: a "1." under it starts anew


def label_blocks(blocks: list[Block]) -> list[dict]:
    """Turn blocks into paragraph records: label, key, parent, kind hint, section."""
    state = _Numbering()
    section: str | None = None
    used: set[str] = set()
    latest: dict[str, str] = {}  # label -> key of the last paragraph printed with it
    records: list[dict] = []
    for position, block in enumerate(blocks):
        if not block.text:
            continue
        index = len(records)
        if block.tables:
            records.append(_record(block, index, label=None, key=f"p{index}", parent=None, kind="table",
                                   section=section))
            continue
        if not block.heading:
            _bare_number(block, state)
        _dotted_item(block, blocks[position + 1:position + 2], state)
        if block.heading:
            section = block.text
            state.headed = True
            rec = _record(block, index, label=None, key=f"p{index}", parent=None, kind="heading", section=section)
        elif block.label and _plausible(block.label, state):
            rec = _numbered(block, index, state, section)
            if state.printed_parent is not None:  # "24.1" under paragraph 24 if there is one, else under a heading
                rec["parent"] = latest.get(state.printed_parent)
        elif block.sublabel:
            rec = _lettered(block, index, state, section)
        else:
            if block.label:  # a figure at the start of a table row, not a paragraph number
                block.text = f"{block.label} {block.text}"
            rec = _record(block, index, label=None, key=f"p{index}", parent=None, kind="text", section=section)
        if rec["key"] in used:  # a number printed again (an annex numbered anew): the label stays as printed
            _rekey(rec, f"p{index}", state)
        used.add(rec["key"])
        if rec["label"] and rec["kind"] == "numbered":
            latest[rec["label"]] = rec["key"]
        records.append(rec)
    return records


def _rekey(rec: dict, key: str, state: _Numbering) -> None:
    """Give ``rec`` another key, and its items to come the same parent."""
    old, rec["key"] = rec["key"], key
    if state.main == old:
        state.main = key
    if state.letter_parent == old:
        state.letter_parent = key
    if state.letter_key == old:
        state.letter_key = key


_BARE_NUMBER = re.compile(r"^\s*(\d{1,3}),?\s+(?=[A-Z])")


def _bare_number(block: Block, state: _Numbering) -> None:
    """A paragraph number printed without its full stop ("8 The delegation informed …", "42, The State party"):
    its label, when it is the next number of the running numbering."""
    if block.label or block.sublabel or state.main_number <= 0 or state.nested:
        return
    m = _BARE_NUMBER.match(block.text)
    if m and int(m.group(1)) == state.main_number + 1:
        block.label, block.text = m.group(1), block.text[m.end():]


_DOTTED_ITEM = re.compile(r"^\s*([a-z]|[ivx]{1,5})\.\s+(?=\S)")
_ROMANS = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv")


def _dotted_item(block: Block, following: list[Block], state: _Numbering) -> None:
    """Items lettered "a.", "b." instead of "(a)", "(b)", and items under them numbered "i.", "ii.": subparagraphs,
    when they run in order from the first ("a." followed by "b." or "i.", "i." by "ii."). A lone "a. Something"
    stays text. A run goes on past text between its items, and a bold item that goes on is no heading
    ("b. Logistic challenges" after "a. Equipment: …"); a paragraph number or another heading ends it."""
    letter, roman = state.dotted_letter, state.dotted_roman
    if block.label or block.sublabel:
        state.dotted_letter = state.dotted_roman = None
        return
    m = _DOTTED_ITEM.match(block.text)
    if not m:
        if block.heading:
            state.dotted_letter = state.dotted_roman = None
        return
    token = m.group(1)
    after = _DOTTED_ITEM.match(following[0].text) if following else None
    nxt = after.group(1) if after else None
    if roman and token == _next_roman(roman) and not block.heading:
        state.dotted_roman = token
    elif token == "i" and nxt == "ii" and not block.heading:
        state.dotted_roman = token
        state.roman_on_top = letter is None and state.last_letter is None  # not under a lettered item
    elif (letter and len(token) == 1 and ord(token) == ord(letter) + 1) or (
            token == "a" and nxt in ("b", "i") and not block.heading):
        state.dotted_letter, state.dotted_roman = token, None
    else:
        if block.heading:
            state.dotted_letter = state.dotted_roman = None
        return
    block.heading = False
    block.sublabel, block.text = token, block.text[m.end():]
    if state.dotted_roman and state.roman_on_top:
        state.letter_key = None  # "ii." follows "i." on the same level (see ``_lettered``)


def _next_roman(token: str) -> str | None:
    at = _ROMANS.index(token) + 1 if token in _ROMANS else len(_ROMANS)
    return _ROMANS[at] if at < len(_ROMANS) else None


def _record(block: Block, index: int, *, label: str | None, key: str, parent: str | None, kind: str,
            section: str | None) -> dict:
    return {"index": index, "label": label, "key": key, "parent": parent, "kind": kind, "text": block.text,
            "page": block.page, "section": section, "markers": list(block.markers), "lead": block.lead}


def _plausible(label: str, state: _Numbering) -> bool:
    """A dotted label ("86.12") continues its list, opens one, or sits under the current paragraph."""
    if "." not in label:
        return True
    parent, sub = label.rsplit(".", 1)
    if parent == state.main_label or sub == "1":
        return True
    last_sub = (state.last_dotted or "").rpartition(".")[2]
    return last_sub.isdigit() and int(sub) == int(last_sub) + 1  # also "84.93" misprinted for "82.93"


def _numbered(block: Block, index: int, state: _Numbering, section: str | None) -> dict:
    label = block.label or ""
    x = block.indent
    number = int(label.split(".")[0]) if "." not in label else -1
    nested = state.main is not None and number > 0 and (
        (number == 1 and (state.opens_list or state.main_number > 1) and not state.headed)
        or (state.nested > 0 and number == state.nested + 1
            and (x > state.main_x + 10 or number != state.main_number + 1))
    )
    state.letter_parent = state.letter_key = state.last_letter = state.printed_parent = None
    if nested:
        state.nested = number
        key, nested_label = f"{state.main}.{number}", f"{state.main_label}.{number}"
        state.letter_parent, state.letter_parent_label = key, nested_label
        state.opens_list = False
        return _record(block, index, label=nested_label, key=key, parent=state.main, kind="numbered",
                       section=section)
    parent = label.rsplit(".", 1)[0] if "." in label else None
    if parent is not None:
        state.printed_parent = parent
        state.last_dotted = label
    else:
        state.main = state.main_label = label
        state.main_number, state.main_x, state.nested = number, x, 0
        state.headed = False
    state.letter_parent = state.letter_parent_label = label
    state.opens_list = block.text.rstrip().endswith(":")
    return _record(block, index, label=label, key=label, parent=parent, kind="numbered", section=section)


_ROMAN = set("ivxlc")


def _lettered(block: Block, index: int, state: _Numbering, section: str | None) -> dict:
    token = block.sublabel or ""
    roman = set(token) <= _ROMAN and state.letter_key is not None and not (
        len(token) == 1 and state.last_letter and ord(token) == ord(state.last_letter) + 1
    )
    if roman:
        parent_key, parent_label = state.letter_key, state.letter_label_full
    else:
        parent_key, parent_label = state.letter_parent, state.letter_parent_label
        state.last_letter = token
    key = f"{parent_key}/{token}" if parent_key else f"p{index}"
    label = f"{parent_label} ({token})" if parent_label else f"({token})"
    if not roman:
        state.letter_key, state.letter_label_full = key, label
    return _record(block, index, label=label, key=key, parent=parent_key, kind="numbered", section=section)
