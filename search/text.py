"""Query and paragraph text: tokens, stems, quoted phrases, UN symbols, highlighting."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import lru_cache

import Stemmer
from breame.data.spelling_constants import BRITISH_ENGLISH_SPELLINGS

from ontology.model import symbol_key

MAX_QUERY_CHARS = 2000
WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)  # a word (letters and digits)
_WORD = WORD
_PHRASE = re.compile(r'"([^"]+)"|“([^”]+)”')
# UN document symbols: S/RES/2417 (2018), A/HRC/61/41, A/79/947-S/2025/372, CEDAW/C/CAF/CO/6, E/CN.4/2005/L.10.
# Every symbol carries a number (session, document or year), so "HIV/AIDS" or "UNHCR/OHCHR" are words.
SYMBOL = re.compile(
    r"\b(?=[A-Za-z0-9./\-]*\d)(?:[A-Z]{1,10}(?:\.\d+)?/)+(?:[A-Z0-9][A-Za-z0-9.\-]*)(?:/[A-Za-z0-9.\-]+)*(?:\s*\(\d{4}\))?",
)
# In a query a symbol may be typed in lower case ("a/hrc/61/41"), a Security Council resolution by its
# number and year ("resolution 2417 (2018)", "UNSCR 1325 (2000)": that form is only ever the Council's), and
# a General Assembly or Human Rights Council resolution by its number after the organ's name
# ("General Assembly resolution 60/1", "HRC resolution 5/1"; without the organ "60/1" could be either).
_QUERY_SYMBOL = re.compile(SYMBOL.pattern, re.IGNORECASE)
_SC_RESOLUTION = re.compile(
    r"\b(?:security\s+council\s+)?(?:resolutions?|res\.?|unscr|scr)\s+(\d{1,4})\s*\((\d{4})\)", re.IGNORECASE)
# Named as the Council's without its year ("UNSCR 1325", "Security Council resolution 1325"): S/RES/1325, whose
# year search then looks up among the symbols the store knows.
_SC_NO_YEAR = re.compile(r"\b(?:unscr|scr|security\s+council\s+resolution)\s+(\d{1,4})\b(?!\s*\()", re.IGNORECASE)
_ORGAN_RESOLUTION = re.compile(
    r"\b(?P<organ>general\s+assembly|ga|human\s+rights\s+council|hrc)\s+(?:resolution|res\.?)\s+"
    r"(?P<number>(?:ES-|S-)?\d{1,3}/\d{1,4})\b(?!/)", re.IGNORECASE)
# A Council resolution as running text cites it, also further down a list ("resolutions 1674 (2006) and 2417 (2018)").
_SC_NUMBER = re.compile(
    r"(?:\b(?:security\s+council\s+)?(?:resolutions?|res\.?|unscr|scr)\s+)?\b(\d{1,4})\s*\((\d{4})\)", re.IGNORECASE)
# A General Assembly or Human Rights Council resolution as running text cites it: "its resolution 60/251".
_SESSION_NUMBER = re.compile(
    r"(?:\b(?:(?:general\s+assembly|human\s+rights\s+council)\s+)?resolutions?\s+)?(?<![\w/])"
    r"((?:ES-|S-)?\d{1,3}/\d{1,4})\b(?!/)", re.IGNORECASE)
STOPWORDS = frozenset(
    ["a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "have", "in", "into", "is", "it", "its", "of", "on", "or", "that", "the", "their", "this", "to", "was", "were", "will", "with", "which", "who", "whom", "what", "when", "where", "all", "any", "also", "other", "such", "these", "those", "than", "then", "there", "been", "being", "do", "does", "did", "not", "no", "nor", "so", "if", "but", "about", "over", "under", "between", "within", "per"]
)
_stemmer = Stemmer.Stemmer("english")
# UN documents spell "criminalize" and "organization" (UN editorial style), States and NGOs often
# "criminalise" and "organisation", United States texts "labor" and "program" where the UN writes "labour"
# and "programme"; the stemmer keeps them apart ("criminalis" against "crimin"). Each word is stemmed in its
# American spelling (breame's list of 1,730 British forms), and "-isation" words the list lacks
# ("criminalisation") are respelled by rule, so a query finds either spelling and highlights both.
_ISATION = re.compile(r"isation(s?)$")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """English Snowball stem of a lower-cased word, in its American spelling."""
    american = BRITISH_ENGLISH_SPELLINGS.get(word) or _ISATION.sub(r"ization\1", word)
    return _stemmer.stemWord(american)


def words(text: str) -> list[str]:
    """Lower-cased words of ``text`` (letters and digits; apostrophes kept inside words)."""
    return [w.replace("’", "'") for w in _WORD.findall(text.lower())]


def terms(text: str, *, keep_stopwords: bool = False) -> list[str]:
    """Index terms: stems of the words, stop words left out."""
    return [stem(w) for w in words(text) if keep_stopwords or w not in STOPWORDS]


@dataclass(frozen=True, slots=True)
class ParsedQuery:
    """What a query asks for."""

    text: str  # the query as given (trimmed)
    terms: tuple[str, ...]  # stems of all words outside symbols
    phrases: tuple[tuple[str, ...], ...]  # quoted phrases as stem sequences (stop words kept)
    symbols: tuple[str, ...]  # UN symbols written in the query
    free_text: str  # the query without symbols or quotes, for the dense encoder

    @property
    def empty(self) -> bool:
        return not (self.terms or self.phrases or self.symbols)


def parse_query(query: str) -> ParsedQuery:
    """Split a query into terms, quoted phrases and UN symbols."""
    text = " ".join(query.split())
    written = _SC_RESOLUTION.sub(lambda m: f" S/RES/{m.group(1)} ({m.group(2)}) ", text)
    written = _SC_NO_YEAR.sub(lambda m: f" S/RES/{m.group(1)} ", written)
    written = _ORGAN_RESOLUTION.sub(lambda m: f" {_organ_series(m.group('organ'))}/{m.group('number').upper()} ", written)
    first: dict[str, str] = {}  # symbol key -> the symbol as first written
    for m in _QUERY_SYMBOL.finditer(written):
        first.setdefault(symbol_key(m.group(0)), m.group(0).strip())
    symbols = tuple(first.values())
    rest = _QUERY_SYMBOL.sub(" ", written)
    phrases = []
    for m in _PHRASE.finditer(rest):
        stems = tuple(stem(w) for w in words(m.group(1) or m.group(2)))
        if len(stems) > 1:
            phrases.append(stems)
    plain = rest.replace('"', " ").replace("“", " ").replace("”", " ")
    found = terms(plain)
    return ParsedQuery(text=text, terms=tuple(dict.fromkeys(found)), phrases=tuple(phrases),
                       symbols=symbols, free_text=" ".join(plain.split()))


def _organ_series(organ: str) -> str:
    """Symbol series of an organ's resolutions: "A/RES" (General Assembly) or "A/HRC/RES"."""
    return "A/RES" if organ.lower().replace(" ", "").startswith("g") else "A/HRC/RES"


def contains_phrase(text: str, phrase: tuple[str, ...]) -> bool:
    """Whether the stems of ``phrase`` occur consecutively in ``text``."""
    seq = [stem(w) for w in words(text)]
    n = len(phrase)
    return any(tuple(seq[i : i + n]) == phrase for i in range(len(seq) - n + 1))


def mentions_symbol(text: str, symbol: str) -> bool:
    """Whether ``text`` writes the UN symbol (compared without spaces, case-insensitive)."""
    key = symbol_key(symbol)
    return any(symbol_key(m.group(0)) == key for m in SYMBOL.finditer(text))


def highlight(text: str, query: ParsedQuery, *, mark: tuple[str, str] = ("<mark>", "</mark>"),
              escape: bool = True) -> str:
    """``text`` with the words matching the query wrapped in ``mark``; HTML-escaped first when ``escape``.

    With ``escape=False`` and ``mark=("[", "]")`` it gives a plain-text variant.
    """
    wanted = set(query.terms) | {s for p in query.phrases for s in p}
    spans = [(m.start(), m.end()) for m in _WORD.finditer(text)
             if stem(m.group(0).lower().replace("’", "'")) in wanted and m.group(0).lower() not in STOPWORDS]
    keys = {symbol_key(s) for s in query.symbols}
    spans += [(m.start(), m.end()) for m in SYMBOL.finditer(text) if symbol_key(m.group(0)) in keys]
    spans += [(m.start(), m.end()) for m in _SC_NUMBER.finditer(text)
              if symbol_key(f"S/RES/{m.group(1)}({m.group(2)})") in keys]
    spans += [(m.start(), m.end()) for m in _SESSION_NUMBER.finditer(text)
              if {symbol_key(f"{series}/{m.group(1)}") for series in ("A/RES", "A/HRC/RES")} & keys]
    out, pos = [], 0
    for start, end in _merge(spans):
        out += [_esc(text[pos:start], escape), mark[0], _esc(text[start:end], escape), mark[1]]
        pos = end
    out.append(_esc(text[pos:], escape))
    return "".join(out)


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _esc(s: str, escape: bool) -> str:
    return html.escape(s, quote=False) if escape else s
