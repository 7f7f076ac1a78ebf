"""How much of a text is made of known words: the test that tells a garbled OCR text layer from a sound one.

Older UN documents are often scans with the text that an OCR engine of their day read laid invisibly under the
image. Some of those readings are garbled ("Progress report of tbe SecEetaly-General", "nnFs'rrntv nF FD sT
TIMCP" for "QUESTION OF EAST TIMOR"), while Tesseract reads the same scan well. The share of a page's words that
a word list of its language knows tells the two readings apart.

The word lists are pyspellchecker's, one per language. They cover the languages unequally: on 40 samples of 30
lines each from the United Nations Parallel Corpus development set, the median share of known words is 0.981 in
English, 0.968 in French, 0.893 in Arabic, 0.660 in Spanish and 0.496 in Russian (whose list lacks most inflected
forms). A text is therefore judged against the share that clean text of its own language reaches
(:data:`CLEAN_SHARE`). Chinese has no list: its text is never judged.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["CLEAN_SHARE", "MIN_WORDS", "known_share"]

CLEAN_SHARE: dict[str, float] = {"en": 0.981, "fr": 0.968, "ar": 0.893, "es": 0.660, "ru": 0.496}
MIN_WORDS = 30  # fewer words than this say too little about how well a text was read
_WORD = re.compile(r"[^\W\d_]{3,}")  # words of three letters or more: shorter ones are known by chance


@lru_cache(maxsize=len(CLEAN_SHARE))
def _words(language: str) -> frozenset[str]:
    from spellchecker import SpellChecker

    return frozenset(SpellChecker(language=language, distance=1).word_frequency.dictionary)


def known_share(text: str, language: str | None) -> float | None:
    """The share of the words of ``text`` that the word list of ``language`` knows (case aside).

    None when the language has no word list or the text has fewer than :data:`MIN_WORDS` words.
    """
    if language not in CLEAN_SHARE:
        return None
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) < MIN_WORDS:
        return None
    known = _words(language)
    return sum(w in known for w in words) / len(words)
