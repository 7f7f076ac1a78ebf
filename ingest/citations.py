"""Citations of other UN documents in running text, resolved to document symbols.

Two sources of citations:

* every symbol written out (``A/HRC/61/41``, ``A/69/981-S/2015/500``, the latter giving one
  citation per half), see :mod:`ingest.symbols`;
* resolution and decision phrases: "Security Council resolution 2417 (2018)" → ``S/RES/2417 (2018)``,
  "General Assembly resolutions 63/308 and 75/277" → ``A/RES/63/308``, ``A/RES/75/277``,
  "Human Rights Council decision 1/102" → ``A/HRC/DEC/1/102``, and the French, Spanish and Russian
  forms of the same phrases ("résolution 2417 (2018) du Conseil de sécurité").

Lettered parts adopted under one number ("resolutions 75/252 A and B", "72/199 A–C", "3419 A to D
(XXX)") cite the number's symbol once, without the letters (``A/RES/75/252``); the letters stay in
the cited text of their number and never start a new number. An English date of adoption after a
number ("resolutions 48/159 A of 20 December 1993 and 48/230") does not end the list. General
Assembly and Economic and Social Council decisions are not resolved (see
:func:`ingest.citation_rules.resolve`).

When the organ is not named ("its resolution 60/251"), the form of the number decides where it can:
``NNNN (YYYY)`` is always the Security Council, ``NNN (V)`` and ``ES-11/1`` the General Assembly.
Otherwise the caller's ``context_organ`` decides, and without one the phrase is skipped: a wrong
link is worse than none. The rules live in :mod:`ingest.citation_rules`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.citation_rules import (
    KIND_RE,
    LOOKBACK,
    NUM_RE,
    PHRASE_RE,
    PIN_SUFFIX_RE,
    organ_code,
    organ_from_symbol,
    parse_pinpoints,
    resolve,
)
from ingest.symbols import find_symbols, mask_markup

__all__ = ["CitationHit", "find_citations", "organ_from_symbol"]


@dataclass(frozen=True, slots=True)
class CitationHit:
    """One cited document.

    ``symbol`` is the normalised symbol of the cited document; ``text`` is ``source[start:end]``
    as written ("Security Council resolution 2417 (2018)"; for later numbers of a list only the
    number and its letters, "22/22", "72/199 A–C"). ``pinpoints`` are the cited paragraphs of the
    target ("138", "139", "16 (a)") when the text gives them; ``joint`` is the whole joint symbol
    when this is one half.
    """

    symbol: str
    text: str
    start: int
    end: int
    pinpoints: tuple[str, ...] = ()
    joint: str | None = None

    @property
    def pinpoint(self) -> str | None:
        """The first cited paragraph of the target, if any."""
        return self.pinpoints[0] if self.pinpoints else None


def find_citations(text: str, *, context_organ: str | None = None) -> list[CitationHit]:
    """Every citation in ``text``, in order of position.

    ``context_organ`` names the organ an organ-less "resolution 60/251" belongs to, usually the
    organ of the citing document: a code ("GA", "SC", "HRC", "ECOSOC", "CHR"), an organ name
    ("General Assembly") or a symbol of the citing document (``A/HRC/61/41`` → HRC).
    """
    masked = mask_markup(text)
    context = organ_code(context_organ) if context_organ else None
    hits = _symbol_citations(text, masked) + _phrase_citations(text, masked, context)
    seen: set[tuple[str, int, int]] = set()
    unique: list[CitationHit] = []
    for hit in sorted(hits, key=lambda h: (h.start, h.end)):
        if (hit.symbol, hit.start, hit.end) not in seen:
            seen.add((hit.symbol, hit.start, hit.end))
            unique.append(hit)
    return unique


def _symbol_citations(text: str, masked: str) -> list[CitationHit]:
    out: list[CitationHit] = []
    for hit in find_symbols(text):
        pins = _suffix_pinpoints(masked, hit.end)
        joint = hit.symbol if hit.is_joint else None
        for part in hit.parts:
            out.append(CitationHit(part, hit.text, hit.start, hit.end, pins, joint))
    return out


def _phrase_citations(text: str, masked: str, context: str | None) -> list[CitationHit]:
    out: list[CitationHit] = []
    for m in _phrases(masked):
        organ = organ_code(m.group("org1") or m.group("org2") or m.group("org3") or "")
        kind = "decision" if re.match(r"(?i)d[ée]cisi|решени", m.group("kind")) else "resolution"
        nums = list(NUM_RE.finditer(masked, m.start("nums"), m.end("nums")))
        pre = parse_pinpoints(m.group("pin")) if m.group("pin") else ()
        post = _suffix_pinpoints(masked, m.end())
        for i, num in enumerate(nums):
            symbol = resolve(num, organ=organ, kind=kind, context=context)
            if symbol is None:
                continue
            last = i == len(nums) - 1
            start = m.start("core") if i == 0 else num.start()
            end = m.end("core") if last else num.end()
            pins = (pre if i == 0 else ()) + (post if last else ())
            out.append(CitationHit(symbol, text[start:end], start, end, pins))
    return out


def _phrases(masked: str) -> list[re.Match[str]]:
    """Phrase matches, tried only around the word "resolution" (or "decision") followed by a number."""
    found: list[re.Match[str]] = []
    done = 0
    for kind in KIND_RE.finditer(masked):
        if kind.start() < done:
            continue
        window = max(done, kind.start() - LOOKBACK)
        for m in PHRASE_RE.finditer(masked, window, min(len(masked), kind.end() + 600)):
            if m.start("kind") == kind.start():
                found.append(m)
                done = m.end()
                break
    return found


def _suffix_pinpoints(masked: str, end: int) -> tuple[str, ...]:
    """Paragraphs cited right after a citation: "S/2025/271, para. 3", "…, paras. 46–53"."""
    m = PIN_SUFFIX_RE.match(masked, end)
    return parse_pinpoints(m.group("pins")) if m else ()
