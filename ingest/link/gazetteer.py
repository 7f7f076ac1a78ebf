"""A dictionary scan over word tokens: the longest known name starting at each token wins.

Every alias is cut into the same tokens as the text (words, and single punctuation marks), so
"Guinea-Bissau", "Guinea- Bissau" and "Guinea -Bissau" are one key, and word boundaries come for
free ("Niger" never matches inside "Nigeria"). The scan is left to right and greedy: at each
position the longest alias wins and its tokens are consumed, so "Papua New Guinea",
"Democratic People's Republic of Korea" and "South Sudan" are never read as "Guinea", "Republic
of Korea" or "Sudan". Lookups are plain dict hits, so the cost grows with the text, not with the
vocabulary. An alias may map to ``None`` ("Gulf of Guinea"): it consumes its tokens and names
nothing, which keeps geographic or group names from being read as a State.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import accumulate
from operator import sub

_TOKEN = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]")
_PIECE = re.compile(r"(\s*)(\w+(?:['’]\w+)*|[^\w\s])")
_CJK = re.compile(r"[\u3400-\u9fff]")


def tokens(text: str) -> list[str]:
    """The tokens of ``text`` as the gazetteer compares them (curly apostrophes made straight)."""
    return [t.replace("’", "'") for t in _TOKEN.findall(text)]


class Tokens:
    """A text cut into gazetteer tokens once, for several scans; spans are computed only when needed."""

    __slots__ = ("_cjk", "_lower", "_spans", "original", "text", "words")

    def __init__(self, text: str) -> None:
        self.original = text
        self.text = text.replace("’", "'")  # same length: spans stay valid
        self.words: list[str] = _TOKEN.findall(self.text)
        self._lower: list[str] | None = None
        self._spans: list[tuple[int, int]] | None = None
        self._cjk: bool | None = None

    @property
    def has_cjk(self) -> bool:
        if self._cjk is None:
            self._cjk = not self.text.isascii() and bool(_CJK.search(self.text))
        return self._cjk

    @property
    def lower(self) -> list[str]:
        if self._lower is None:
            self._lower = [w.lower() for w in self.words]
        return self._lower

    @property
    def spans(self) -> list[tuple[int, int]]:
        """(start, end) of every token; every non-space character belongs to a token, so the ends
        are the running sum of (white space + token) lengths, computed without a Python loop."""
        if self._spans is None:
            ends = list(accumulate(map(len, map("".join, _PIECE.findall(self.text)))))
            self._spans = list(zip(map(sub, ends, map(len, self.words)), ends))
        return self._spans


@dataclass(frozen=True, slots=True)
class Hit:
    """One name found in a text: the entity ids it names, its span, and the words as written."""

    ids: tuple[str, ...]
    start: int
    end: int
    text: str
    alias: str


@dataclass(slots=True)
class Gazetteer:
    """Alias table with a longest-match token scan; case-sensitive, with an opt-in folded table."""

    _exact: dict[tuple[str, ...], set[str | None]] = field(default_factory=dict)
    _folded: dict[tuple[str, ...], set[str | None]] = field(default_factory=dict)
    _cjk: dict[str, set[str]] = field(default_factory=dict)
    _longest: dict[str, int] = field(default_factory=dict)
    _longest_folded: dict[str, int] = field(default_factory=dict)

    def add(self, alias: str, entity_id: str | None, *, fold: bool = True) -> None:
        """Register ``alias`` for ``entity_id`` (``None``: a blocking phrase naming nothing).

        ``fold=False`` keeps an alias out of the case-folded table (acronyms such as "AU",
        which folded would match the French word "au").
        """
        alias = alias.strip()
        if not alias:
            return
        if _CJK.search(alias) and entity_id is not None:
            self._cjk.setdefault(alias, set()).add(entity_id)
            return
        key = tuple(tokens(alias))
        self._exact.setdefault(key, set()).add(entity_id)
        self._longest[key[0]] = max(self._longest.get(key[0], 0), len(key))
        if fold:
            low = tuple(t.lower() for t in key)
            self._folded.setdefault(low, set()).add(entity_id)
            self._longest_folded[low[0]] = max(self._longest_folded.get(low[0], 0), len(low))

    def scan(self, text: str | Tokens, *, fold: bool = False) -> Iterator[Hit]:
        """Yield the names found in ``text`` in order; ``fold=True`` ignores case (titles in capitals).

        ``text`` may be a :class:`Tokens` shared between several scans of the same paragraph.
        """
        tok = text if isinstance(text, Tokens) else Tokens(text)
        table, longest = (self._folded, self._longest_folded) if fold else (self._exact, self._longest)
        words = tok.lower if fold else tok.words
        n = len(words)
        consumed = 0
        for i in [i for i, w in enumerate(words) if w in longest]:
            if i < consumed:
                continue
            size = longest[words[i]]
            for length in range(min(n - i, size), 0, -1):
                ids = table.get(tuple(words[i : i + length]))
                if ids is None:
                    continue
                spans = tok.spans
                start, end = spans[i][0], spans[i + length - 1][1]
                named = tuple(sorted(x for x in ids if x is not None))
                if named:
                    yield Hit(named, start, end, tok.original[start:end], " ".join(words[i : i + length]))
                consumed = i + length
                break
        if self._cjk and tok.has_cjk:
            yield from self._scan_cjk(tok.original)

    def _scan_cjk(self, text: str) -> Iterator[Hit]:
        found = [
            Hit(tuple(sorted(ids)), m.start(), m.end(), alias, alias)
            for alias, ids in self._cjk.items()
            for m in re.finditer(re.escape(alias), text)
        ]
        taken: list[Hit] = []
        for hit in sorted(found, key=lambda h: (h.start - h.end, h.start)):  # longest first
            if all(hit.end <= t.start or hit.start >= t.end for t in taken):
                taken.append(hit)
        yield from sorted(taken, key=lambda h: h.start)

    def lookup(self, name: str, *, fold: bool = False) -> tuple[str, ...]:
        """The entity ids ``name`` names as a whole (empty when unknown or a blocking phrase)."""
        key = tuple(tokens(name))
        table = self._folded if fold else self._exact
        if fold:
            key = tuple(t.lower() for t in key)
        return tuple(sorted(x for x in table.get(key, set()) if x is not None))
