"""The language of a document's text, among the six official UN languages.

Detection uses lingua restricted to Arabic, Chinese, English, French, Russian and Spanish: the
detector is built once, on first use, and reads a sample of the text (a few slices spread over
it) so that long reports cost no more than short ones. The file name is never consulted: corpus
files named ``*.en.pdf`` hold Russian and Spanish documents.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

__all__ = ["UN_LANGUAGES", "detect"]

UN_LANGUAGES: tuple[str, ...] = ("ar", "en", "es", "fr", "ru", "zh")
MIN_LETTERS = 20  # below this a guess is noise
_SLICE = 1000
_SLICES = 3
_LETTERS = re.compile(r"[^\W\d_]", re.UNICODE)
_IDEOGRAPHS = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")  # one ideograph carries a word's weight


@lru_cache(maxsize=1)
def _detector() -> Any:
    from lingua import Language, LanguageDetectorBuilder

    languages = [Language.ARABIC, Language.CHINESE, Language.ENGLISH, Language.FRENCH,
                 Language.RUSSIAN, Language.SPANISH]
    return LanguageDetectorBuilder.from_languages(*languages).build()


def sample(text: str, *, size: int = _SLICE, slices: int = _SLICES) -> str:
    """Up to ``slices`` pieces of ``size`` characters spread evenly over ``text``."""
    if len(text) <= size * slices:
        return text
    last = len(text) - size
    starts = [round(i * last / (slices - 1)) for i in range(slices)] if slices > 1 else [0]
    return "\n".join(text[s : s + size] for s in starts)


def detect(text: str) -> str | None:
    """The ISO 639-1 code of the language ``text`` is written in, or None.

    None when the text has fewer than 20 letters or lingua cannot decide. Only the six UN
    languages are considered (``ar``, ``en``, ``es``, ``fr``, ``ru``, ``zh``).
    """
    piece = sample(text)
    if len(_LETTERS.findall(piece)) + 2 * len(_IDEOGRAPHS.findall(piece)) < MIN_LETTERS:
        return None
    language = _detector().detect_language_of(piece)
    if language is None:
        return None
    return str(language.iso_code_639_1.name).lower()
