"""United Nations document symbols found in running text.

A symbol is a ``/``-separated identifier such as ``A/HRC/61/41``, ``S/RES/2417 (2018)``,
``E/C.12/COD/CO/6`` or ``A/C.3/80/L.12/Rev.1``. Joint documents carry two symbols written as one,
``A/69/981-S/2015/500`` (hyphen, en or em dash, spaced or not); they are split only before a
``BODY/`` so that ranges such as "paras. 46–53" stay untouched.

Text extracted from PDFs or converted to Markdown glues things to symbols: trailing full stops,
superscript footnote markers (``A/HRC/61/41.²⁴``), reissue asterisks (``A/80/1*``) and converter
links (``[A/HRC/60/32](#)``). None of them is part of the symbol.

Symbols are compared through :func:`ontology.model.symbol_key` (white space removed, upper case).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ontology.model import symbol_key

__all__ = [
    "BODIES",
    "SymbolHit",
    "find_symbols",
    "is_symbol",
    "mask_markup",
    "normalize_symbol",
    "split_joint",
    "symbol_key",
]

# Roots of symbol series, longest first so that the alternation never stops early.
BODIES: tuple[str, ...] = (
    "CEDAW", "CCPR", "CERD", "CRPD", "CMW", "CRC", "CAT", "CED", "HRI", "ST", "A", "S", "E", "T",
)
_BODY = "(?:" + "|".join(BODIES) + ")"
# A part between slashes: starts with a capital or a digit ("80", "HRC", "WG.6", "Rev.1", "S-33").
_SEG = r"[A-Z0-9][A-Za-z0-9]*(?:[.\-][A-Za-z0-9]+)*"
# Session or year in brackets after a resolution number: "2417 (2018)", "377 (V)", "3314 (XXIX)".
_BRACKET = r"(?:\s?\((?:\d{4}|[IVXLC]+)\))"
_ONE = rf"{_BODY}(?:/{_SEG})+"
_JOINT_SEP = r"[ \t]?(?:[\-\u2013\u2014]|\u2010|\u2011)\s?"
_SYMBOL_RE = re.compile(
    rf"(?<![A-Za-z0-9/.\-])(?P<sym>{_ONE}{_BRACKET}?(?:{_JOINT_SEP}{_ONE}{_BRACKET}?)*)(?![A-Za-z0-9])"
)
_SPLIT_RE = re.compile(rf"\s?[\-\u2010\u2011\u2013\u2014]\s?(?={_BODY}/)")
_BRACKET_RE = re.compile(r"\s*\(((?:\d{4}|[IVXLC]+))\)$")
_STRIP_TAIL = ".,;:*\u00b9\u00b2\u00b3\u2070\u2071\u2074\u2075\u2076\u2077\u2078\u2079 \t\r\n"
_MD_LINK = re.compile(r"\[([^\[\]\n]{1,200})\]\((?:[^()\s]{0,300})\)")
_UNDOCS = re.compile(r"https?://(?:www\.)?undocs\.org/(?:(?:ar|en|es|fr|ru|zh)/)?", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class SymbolHit:
    """One symbol written in a text.

    ``symbol`` is normalised (a joint symbol stays one string: ``A/69/981-S/2015/500``); ``text``
    is exactly ``source[start:end]`` as written. ``parts`` gives the halves of a joint symbol.
    """

    symbol: str
    text: str
    start: int
    end: int

    @property
    def parts(self) -> list[str]:
        """The separate symbols (two for a joint GA/SC document, else one)."""
        return split_joint(self.symbol)

    @property
    def is_joint(self) -> bool:
        """True when the hit names a joint document (more than one symbol)."""
        return len(self.parts) > 1

    @property
    def key(self) -> str:
        """The comparison key of the (first) symbol."""
        return symbol_key(self.parts[0])


def mask_markup(text: str) -> str:
    """Blank out converter mark-up around symbols, keeping every character offset.

    ``[A/HRC/60/32](#)`` becomes `` A/HRC/60/32     `` and ``https://undocs.org/en/A/80/1``
    keeps only the symbol, so offsets found in the masked text are valid in the original.
    """

    def _link(m: re.Match[str]) -> str:
        return " " + m.group(1) + " " * (len(m.group(0)) - len(m.group(1)) - 1)

    masked = _MD_LINK.sub(_link, text)
    return _UNDOCS.sub(lambda m: " " * len(m.group(0)), masked)


def _has_digit(s: str) -> bool:
    return any(ch.isdigit() for ch in s)


def _normalize_one(part: str) -> str:
    part = re.sub(r"\s+", "", part.strip().strip(_STRIP_TAIL))
    m = _BRACKET_RE.search(part)
    if m:
        part = part[: m.start()] + f" ({m.group(1)})"
    return part


def normalize_symbol(s: str) -> str:
    """The canonical spelling of a symbol as written.

    Spaces go, except one before a bracketed year or session (``S/RES/2417 (2018)``,
    ``A/RES/377 (V)``); trailing stops, superscript digits and reissue asterisks are stripped;
    a joint symbol is joined by a plain hyphen (``A/69/981-S/2015/500``). The case of
    modifiers (``Add.1``, ``Rev.2``, ``Corr.1``) is kept as written.
    """
    parts = [_normalize_one(p) for p in _SPLIT_RE.split(s.strip().strip(_STRIP_TAIL))]
    return "-".join(p for p in parts if p)


def split_joint(symbol: str) -> list[str]:
    """The separate symbols of a joint symbol, normalised: ``A/80/81–E/2025/62`` → both halves.

    Splits only before a ``BODY/`` (``A/``, ``S/``, ``E/`` …), never inside ``A/HRC/S-33/1``
    or a range of paragraph numbers. A single symbol gives a one-element list.
    """
    return [p for p in (_normalize_one(x) for x in _SPLIT_RE.split(symbol.strip())) if p]


def find_symbols(text: str) -> list[SymbolHit]:
    """Every UN document symbol written in ``text``, in order.

    A joint symbol is one hit (see :attr:`SymbolHit.parts`). A bracketed year or session is kept
    only after a resolution or decision (``S/RES/2417 (2018)``), so "S/2025/271 (2025)" does not
    swallow a date. Candidates without a digit ("A/B", "S/N") are not symbols.
    """
    hits: list[SymbolHit] = []
    for m in _SYMBOL_RE.finditer(mask_markup(text)):
        start, end = m.span("sym")
        raw = m.group("sym")
        raw, end = _drop_foreign_bracket(raw, end)
        if not _has_digit(raw):
            continue
        hits.append(SymbolHit(symbol=normalize_symbol(raw), text=text[start:end], start=start, end=end))
    return hits


def _drop_foreign_bracket(raw: str, end: int) -> tuple[str, int]:
    """Cut a trailing "(2025)" that follows a symbol which is not a resolution or decision."""
    m = _BRACKET_RE.search(raw)
    if m and not re.search(r"/(?:RES|DEC)/", raw):
        return raw[: m.start()], end - (len(raw) - m.start())
    return raw, end


def is_symbol(s: str) -> bool:
    """Whether ``s`` (as a whole, surrounding stops and spaces allowed) is a plausible UN symbol."""
    cleaned = s.strip().strip(_STRIP_TAIL)
    m = _SYMBOL_RE.fullmatch(cleaned)
    return bool(m) and _has_digit(cleaned)
