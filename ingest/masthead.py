"""The masthead of a UN document: symbols, organs, distribution, date, original language, session,
agenda, title and kind, read from the first page (and the running headers when the top-right
symbol block is missing)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import takewhile

from ingest.pdf import Line
from ingest.symbols import find_symbols, normalize_symbol, split_joint

SYMBOL = re.compile(
    r"(?<![A-Za-z0-9/])(?:A|S|E|T|ST|HRI|CCPR|CERD|CEDAW|CAT|CRC|CMW|CRPD|CED|UNEP|TD|DP)"
    r"(?:/[A-Za-z0-9]+(?:[.\-–][A-Za-z0-9]+)*)+(?:\s?\((?:\d{4}|[IVXLC]+)\))?\**"
)
_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
    "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12,
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7, "agosto": 8,
    "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
    "января": 1, "февраля": 2, "марта": 3, "апреля": 4, "мая": 5, "июня": 6, "июля": 7, "августа": 8,
    "сентября": 9, "октября": 10, "ноября": 11, "декабря": 12,
}
DATE = re.compile(r"(?<![\w~^])(\d{1,2})(?:er)?\s+(?:de\s+)?([^\W\d_]+)\s+(?:de\s+)?(\d{4})(?:\s*(?:г\.|года))?", re.UNICODE)
_LANGUAGES = {
    "english": "en", "anglais": "en", "inglés": "en", "ingles": "en", "английский": "en",
    "french": "fr", "français": "fr", "francais": "fr", "francés": "fr", "французский": "fr",
    "spanish": "es", "espagnol": "es", "español": "es", "испанский": "es",
    "russian": "ru", "russe": "ru", "ruso": "ru", "русский": "ru",
    "arabic": "ar", "arabe": "ar", "árabe": "ar", "арабский": "ar",
    "chinese": "zh", "chinois": "zh", "chino": "zh", "китайский": "zh",
}
_ORGANS = (
    ("General Assembly", r"general assembly|assemblée générale|asamblea general|генеральная ассамблея"),
    ("Security Council", r"security council|conseil de sécurité|consejo de seguridad|совет безопасности"),
    ("Economic and Social Council", (r"economic and social council|conseil économique et social|"
                                     r"consejo económico y social|экономический и социальный совет")),
    ("Human Rights Council", (r"human rights council|conseil des droits de l.homme|"
                              r"consejo de derechos humanos|совет по правам человека")),
    ("Committee on the Elimination of Discrimination against Women",
     r"elimination of discrimination against women|ликвидации (?:всех форм )?дискриминации в отношении женщин"),
)
_UN = re.compile(r"^\s*(united\s+nations|nations\s+unies|naciones\s+unidas|организация\s+объединенных\s+наций)\s*$", re.IGNORECASE)
_DISTR = re.compile(r"^\s*distr\.?\s*:?\s*(\w*)", re.IGNORECASE)
_ORIGINAL = re.compile(r"^\s*(?:original|оригинал)\s*:\s*([^\W\d_]+)", re.IGNORECASE)
_SESSION = re.compile(r"^\s*([\w\-–]+(?:[ -]\w+)?\s+(?:session|year|special session)|\w+\s+(?:sesión|période de session)"
                      r"|[\w\-]+\s+сессия|[\w\-]+\s+год)\s*$", re.IGNORECASE)
_AGENDA = re.compile(r"^\s*(agenda items?|items? \d+ of the (?:provisional )?agenda|point|tema|пункт)\b", re.IGNORECASE)
_HEADING = re.compile(r"^\s*(?:[IVXLC]+|[A-Z])\.\s")


_SESSION_DATES = re.compile(r"^\s*\(?\d{1,2}(?:\s+[^\W\d_]+)?\s*[–-]\s*\d{1,2}\s+[^\W\d_]+\s+\d{4}\)?\s*$")
_WEEKDAY = re.compile(r"^\s*(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),", re.IGNORECASE)
_MEETING = re.compile(r"^\s*\d+\s*(?:st|nd|rd|th)\s+(?:plenary\s+)?meeting\b", re.IGNORECASE)
PLACES = ("New York", "Geneva", "Vienna", "Nairobi")  # where UN documents are issued and meetings held
_PLACES = set(PLACES)
_MEETING_PLACE = re.compile(rf"^\s*(?:{'|'.join(PLACES)}),\s+\d")
_SECTION = re.compile(r"\((Sect\.\s*\d+)\)")
_UNITED = re.compile(r"^\s*(united|nations)\s*$", re.IGNORECASE)
_RES_NUMBER = re.compile(r"^\s*(?:\d+|[A-Z]+-\d+)/(?:\d+|…|\.\.\.)\.?\s+")
STAMP_BAND = 0.09  # share of the page height above the masthead where a scan carries stamps
_PARAGRAPH = re.compile(r"^\s*\(?\d{1,3}[.)]\s")


@dataclass(slots=True)
class Masthead:
    symbols: list[str] = field(default_factory=list)
    organs: list[str] = field(default_factory=list)
    distribution: str | None = None
    date: str | None = None
    original_language: str | None = None
    sessions: list[str] = field(default_factory=list)
    agenda: list[str] = field(default_factory=list)
    headlines: list[Line] = field(default_factory=list)
    agenda_bottom: float = 0.0  # lower edge of the last agenda line
    lead_bottom: float = 0.0  # lower edge of the last session or agenda line
    left_bottom: float = 0.0  # lower edge of the last masthead line read in the left column
    consumed: set[int] = field(default_factory=set)  # ids of page-1 lines that belong to the masthead
    display: list[Line] = field(default_factory=list)  # organ or body names in display type, in reading order
    misread: str | None = None  # a symbol line a scan damaged beyond reading ("E/CN A/109" for E/CN.4/109)
    repaired: list[tuple[str, str]] = field(default_factory=list)  # (as read, as taken): "A/39/36I" -> "A/39/361"
    redated: tuple[str, str] | None = None  # a date line whose year a scan split: "25 July 19 84" -> "25 July 1984"
    typed: bool = False  # the headlines are a typewritten title: capitals in body type, then its subtitle

    @property
    def title(self) -> str | None:
        """The headline block in the largest type (the resolution's own title when numbered)."""
        numbered = [ln for ln in self.headlines if _RES_NUMBER.match(ln.text)]
        if numbered:
            block = [ln for ln in self.headlines if ln.size == numbered[0].size and ln.y0 >= numbered[0].y0]
            return _RES_NUMBER.sub("", _joined(block), count=1) or None
        if not self.headlines:
            return None
        if self.typed:
            return _joined(list(takewhile(lambda ln: _capitals(ln.text), self.headlines))) or None
        lines = [ln for ln in self.headlines if not _ISSUE_NOTE.match(ln.text)] or self.headlines
        top = max(ln.size for ln in lines)
        return _joined([ln for ln in lines if abs(ln.size - top) < 0.3]) or None

    @property
    def subtitle(self) -> str:
        """Every other headline line: "Report of the Secretary-General", "…: draft resolution", but for
        the resolution's numbered title and session lines set as headlines."""
        title = self.title or ""
        return _joined([ln for ln in self.headlines if ln.text.strip().rstrip("* ") not in title
                        and not _RES_NUMBER.match(ln.text) and not _SESSION.match(ln.text)
                        and ln.text.strip() != "Summary"])  # the heading of a report's summary box


# A line that says what issue of the document this is ("Corrigendum"), set as the title is: its subtitle.
_ISSUE_NOTE = re.compile(r"^\s*(?:Corrigendum|Addendum|Revision)\s*[*∗]*\s*$")


def _joined(lines: list[Line]) -> str:
    text = " ".join(ln.text.strip() for ln in lines)
    return re.sub(r"\s*[*∗]+(?=\s|$)", "", " ".join(text.split())).strip()


def iso_date(text: str) -> str | None:
    """``"15 January 2025"`` (or French, Spanish, Russian) as ``"2025-01-15"``."""
    m = DATE.search(text)
    if not m:
        return None
    month = _MONTHS.get(m.group(2).lower())
    day = int(m.group(1))
    if not month or not 1 <= day <= 31:
        return None
    return f"{m.group(3)}-{month:02d}-{day:02d}"


def split_symbols(text: str) -> list[str]:
    """Symbols in ``text``, joint symbols split into their halves."""
    out: list[str] = []
    for hit in find_symbols(text):
        for part in split_joint(hit.symbol):
            part = normalize_symbol(part)
            if part and part not in out:
                out.append(part)
    section = _SECTION.search(text)
    if out and section:  # budget fascicles: "A/81/6 (Sect. 24)"
        out[-1] = f"{out[-1]} ({' '.join(section.group(1).split())})"
    return out


def read_masthead(lines: list[Line], *, width: float, height: float, size: float) -> Masthead:
    """Read the masthead from the first page's lines (in reading order)."""
    head = Masthead()
    for line in lines:
        right = line.x0 > width * 0.5 and line.y0 < height * 0.3
        if line.y0 > height * 0.6:
            break
        if not right and _ends_masthead(head, line, size=size):
            if not _stamp(head, line, height):
                break
            head.consumed.update(id(ln) for ln in (*head.headlines, line))  # page furniture, not body text
            head.headlines.clear()  # a stamp above the masthead ("UN LIBRARY" on a scan), not the title
            continue
        if not right and line.size >= size * 1.5 and (line.y0 < height * 0.2 or _organ_tail(head, line)):
            head.consumed.add(id(line))  # organ or body name in display type
            head.display.append(line)
            continue
        _read_line(head, line, width=width, height=height, size=size)
        if not right:
            head.left_bottom = line.y1
    text = " ".join(" ".join(ln.text.split()) for ln in lines if id(ln) in head.consumed)
    # display lines column by column: "GENERAL" above "ASSEMBLY" reads "GENERAL ASSEMBLY" whatever lies between
    text += " " + " ".join(ln.text.strip() for ln in sorted(head.display, key=lambda ln: (ln.x0 // ln.size, ln.y0)))
    head.organs = [organ for organ, pattern in _ORGANS if re.search(pattern, text, re.IGNORECASE)]
    return head


def _organ_tail(head: Masthead, line: Line) -> bool:
    """Whether ``line`` ends an organ name in display type begun on the line above ("GENERAL" / "ASSEMBLY")."""
    above = [ln for ln in head.display if abs(ln.size - line.size) < 1 and ln.y1 <= line.y0
             and abs(ln.x0 - line.x0) < line.size]
    return bool(above) and _is_organ(f"{above[-1].text.strip()} {line.text.strip()}")


def _stamp(head: Masthead, line: Line, height: float) -> bool:
    """Whether the headlines read so far, and ``line`` after them, start in the page's top band before
    anything of the masthead proper (symbol, distribution, date, organ in display type) was read."""
    band = height * STAMP_BAND
    started = head.symbols or head.distribution or head.date or head.sessions or head.agenda
    return not started and line.y0 < band and all(h.y0 < band for h in head.headlines)


def _is_headline(line: Line, size: float) -> bool:
    return (line.bold or line.size >= size * 1.15) and not _HEADING.match(line.text)


def _ends_masthead(head: Masthead, line: Line, *, size: float) -> bool:
    text = line.text.strip()
    if _HEADING.match(text) or _PARAGRAPH.match(text):
        return True
    if _SESSION.match(text) or _AGENDA.match(text) or _SESSION_DATES.match(text) or _WEEKDAY.match(text):
        return False
    if _typed_title(head, line, text, size=size):
        return False
    if text in _PLACES:
        return False
    if (head.agenda or head.sessions) and not head.headlines and not _is_headline(line, size) \
            and _set_apart(head, line) and not _MEETING_PLACE.match(text):
        return True  # after the session or agenda block, a line in body type set apart from it starts the text
    if not head.headlines and not line.bold and len(text) > 60 and line.size < size * 1.1:
        return not SYMBOL.search(text)
    if head.headlines and _is_headline(line, size) and line.size < size * 1.1 and not _before_title(head, size):
        last = head.headlines[-1]  # after the title, a line in body type belongs to it only when set close
        return line.y0 - last.y1 > (line.y1 - line.y0) * 0.8
    return bool(head.headlines) and not _is_headline(line, size) and not text.startswith("[")


def _read_line(head: Masthead, line: Line, *, width: float, height: float, size: float) -> None:
    text = line.text.strip()
    take = head.consumed.add
    right = line.x0 > width * 0.5 and line.y0 < height * 0.3
    take(id(line))
    if _UN.match(text) or _UNITED.match(text):
        return
    if right and not head.symbols and head.misread is None and (found := split_symbols(text)):
        if _cut_series(text):
            head.misread = text  # the symbol read would be another document's: take none
        else:
            head.symbols = [_scan_digits(head, s) for s in found]
    elif m := _DISTR.match(text):
        head.distribution = (m.group(1) or "").capitalize() or None
    elif right and head.distribution is None and text.upper() in {"GENERAL", "LIMITED", "RESTRICTED"}:
        head.distribution = text.capitalize()
    elif m := _ORIGINAL.match(text):
        head.original_language = _LANGUAGES.get(m.group(1).lower())
    elif head.date is None and (right or _WEEKDAY.match(text)) and iso_date(text):
        head.date = iso_date(text)  # the date line, or the meeting date of a record
    elif head.date is None and right and (joined := _SPLIT_YEAR.sub(r"\1\2", text)) != text and iso_date(joined):
        head.date = iso_date(joined)  # a scan split the year of the date line: "25 July 19 84"
        head.redated = (text.strip(), joined.strip())
    elif _MEETING.match(text) and not head.headlines:
        head.headlines.append(line)
    elif _SESSION.match(text) and (_before_title(head, size) or _same_block(head, line)):
        head.sessions.append(text)
        head.lead_bottom = line.y1
        head.headlines.clear()  # bold lines above the session line name a body, not the document
    elif _MEETING_PLACE.match(text) and head.sessions and not head.headlines:
        head.lead_bottom = line.y1  # "Geneva, 8-19 February 2010" under the session line
    elif _is_agenda(head, line, text, size=size):
        head.agenda.append(text)
        head.agenda_bottom = head.lead_bottom = line.y1
        head.headlines.clear()
    elif _headline_candidate(head, line, text, right=right, size=size):
        head.headlines.append(line)
        head.typed = False  # a line in title type: the capitals above it are read by size, as any title
    elif not right and _typed_title(head, line, text, size=size):
        head.headlines.append(line)
        head.typed = True


def _headline_candidate(head: Masthead, line: Line, text: str, *, right: bool, size: float) -> bool:
    """A title line: bold or large, not a place, a date range, an organ above the title or the right block."""
    if right or text.startswith("[") or text in _PLACES or _SESSION_DATES.match(text):
        return False
    if _is_organ(text) and not head.headlines:
        return False
    return _is_headline(line, size)


def _typed_title(head: Masthead, line: Line, text: str, *, size: float) -> bool:
    """A title line of a typewritten masthead, where nothing is set in bold or large type.

    Right below the session or agenda lines: a line in capitals ("QUESTION OF EAST TIMOR"), more capitals below
    it (no more than a blank line apart), then a block of short lines in mixed case set no more than a
    blank line below them, its subtitle ("Progress report of the Secretary-General").
    """
    if line.bold or line.size >= size * 1.15 or not (head.agenda or head.sessions):
        return False
    if any(ln.bold or ln.size >= size * 1.15 for ln in head.headlines) or (head.headlines and not head.typed):
        return False
    if _HEADING.match(text) or _PARAGRAPH.match(text) or _is_organ(text) or SYMBOL.search(text):
        return False
    if not head.headlines:  # the first, right below the session or agenda lines
        return _capitals(text) and head.left_bottom <= head.lead_bottom
    last = head.headlines[-1]
    if line.x0 >= last.x1 or line.x1 <= last.x0:
        return False
    gap = (line.y0 - last.y1) / (line.y1 - line.y0)  # in line heights: about 0.9 for one blank line
    if _capitals(text):
        return _capitals(last.text) and gap <= 1.5
    return len(text) <= 100 and not text.endswith(".") and gap <= (1.1 if _capitals(last.text) else 0.6)


def _capitals(text: str) -> bool:
    """A line in capitals, but for a stray lower-case letter ("ARTICLE 73 e OF THE CHARTER")."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 6 and sum(c.isupper() for c in letters) >= 0.9 * len(letters)


def _is_agenda(head: Masthead, line: Line, text: str, *, size: float) -> bool:
    """An agenda line ("Agenda item 36") or the bold item title right under it."""
    if _AGENDA.match(text):
        return _before_title(head, size)
    return bool(head.agenda) and not head.headlines and line.bold and line.size < size * 1.15 and _follows(head, line)


def _same_block(head: Masthead, line: Line) -> bool:
    """The headlines read so far are set as ``line`` is, not in bold: the body's name above a session line
    ("Working Group on the Universal Periodic Review" / "Seventh session"), in a document whose text is smaller."""
    return all(not ln.bold and abs(ln.size - line.size) < 0.5 for ln in head.headlines)


def _before_title(head: Masthead, size: float) -> bool:
    """No headline in title type has been read yet."""
    return all(ln.size < size * 1.15 for ln in head.headlines)


def _follows(head: Masthead, line: Line) -> bool:
    """The line continues the agenda block (no blank line in between)."""
    return line.y0 - head.agenda_bottom < (line.y1 - line.y0) * 0.6


def _set_apart(head: Masthead, line: Line) -> bool:
    """A blank line lies between ``line`` and the masthead's last line in the left column."""
    return line.y0 - head.left_bottom >= (line.y1 - line.y0) * 0.6


def _is_organ(text: str) -> bool:
    return any(re.fullmatch(pattern, text.strip(), re.IGNORECASE) for _, pattern in _ORGANS)


# A series root cut from the rest of its symbol, left in a symbol line once its symbols are taken out: a scan that
# read "E/CN.4/109" as "E/CN A/109" would otherwise give the document the symbol A/109, another document's.
_SERIES_STUB = re.compile(r"(?<![A-Za-z0-9/])[A-Z]{1,6}(?:\.\d+)?/[A-Z]")
# A part of a symbol in digits but for a letter a scan reads for a digit: "36I", "1O4", "2l".
_SCAN_NUMBER = re.compile(r"(?=[0-9IlO]*[0-9])(?=[0-9IlO]*[IlO])[0-9IlO]{2,}")
_SCAN_DIGITS = str.maketrans("IlO", "110")
_SPLIT_YEAR = re.compile(r"\b(19|20) (\d{2})\s*$")  # a year a scan cut in two at the end of the date line


def _cut_series(text: str) -> bool:
    """Whether a masthead line holds, beside its symbols, the stub of a symbol series ("E/CN")."""
    rest = text
    for hit in find_symbols(text):
        rest = rest.replace(hit.text, " ")
    return bool(_SERIES_STUB.search(rest))


def _scan_digits(head: Masthead, symbol: str) -> str:
    """``symbol`` with each part written in digits but for an I, l or O read as 1, 1 or 0 ("A/39/36I" → "A/39/361");
    no UN symbol has such a part, while scans of typescript often misread digits so. Repairs are recorded."""
    parts = symbol.split("/")
    fixed = "/".join(p.translate(_SCAN_DIGITS) if _SCAN_NUMBER.fullmatch(p) else p for p in parts)
    if fixed != symbol:
        head.repaired.append((symbol, fixed))
    return fixed
