"""The grammar of resolution and decision citations, and how each resolves to a symbol.

Organs are handled as short codes: ``GA``, ``SC``, ``HRC``, ``ECOSOC``, ``CHR`` (the former
Commission on Human Rights), plus ``COUNCIL`` and ``COMMISSION`` for a bare "the Council" whose
identity only the form of the number (or the context) can tell.
"""

from __future__ import annotations

import re

ORGANS: tuple[str, ...] = ("GA", "SC", "HRC", "ECOSOC", "CHR")

# Organ names in the order they must be tried (longest first), per way of writing.
_ORG_BEFORE = {  # English, organ before the word "resolution"
    "Security Council": "SC", "General Assembly": "GA", "Human Rights Council": "HRC",
    "Economic and Social Council": "ECOSOC", "Commission on Human Rights": "CHR",
    "Council": "COUNCIL", "Assembly": "GA", "Commission": "COMMISSION",
    "HRC": "HRC", "UNGA": "GA", "UNSC": "SC", "ECOSOC": "ECOSOC",
}
_ORG_AFTER = {  # after "of the" / "du" / "de la" / "del"
    "Security Council": "SC", "General Assembly": "GA", "Human Rights Council": "HRC",
    "Economic and Social Council": "ECOSOC", "Commission on Human Rights": "CHR",
    "Conseil de sécurité": "SC", "Assemblée générale": "GA", "Conseil des droits de l'homme": "HRC",
    "Conseil économique et social": "ECOSOC", "Commission des droits de l'homme": "CHR",
    "Consejo de Seguridad": "SC", "Asamblea General": "GA", "Consejo de Derechos Humanos": "HRC",
    "Consejo Económico y Social": "ECOSOC", "Comisión de Derechos Humanos": "CHR",
    "Council": "COUNCIL", "Assembly": "GA", "Conseil": "COUNCIL", "Assemblée": "GA",
    "Consejo": "COUNCIL", "Asamblea": "GA", "HRC": "HRC", "ECOSOC": "ECOSOC",
}
_ORG_RU = {  # genitive, straight after the number
    "Совета Безопасности": "SC", "Генеральной Ассамблеи": "GA", "Совета по правам человека": "HRC",
    "Экономического и Социального Совета": "ECOSOC", "Комиссии по правам человека": "CHR",
}


def _name_key(name: str) -> str:
    """Names compared without case, spaces or apostrophe style ("Human RightsCouncil" too)."""
    return re.sub(r"\s+", "", name).lower().replace("'", "’")


_NAMES = {_name_key(k): v for d in (_ORG_BEFORE, _ORG_AFTER, _ORG_RU) for k, v in d.items()}
_NAMES.update({"ga": "GA", "sc": "SC", "chr": "CHR"})


def _alt(names: dict[str, str]) -> str:
    keys = sorted(names, key=len, reverse=True)
    return "(?i:" + "|".join(re.escape(k).replace("'", "['’]").replace(r"\ ", r"\s*") for k in keys) + ")"


_DASH = "[-\u2010\u2011\u2013]"
# Lettered parts adopted under one number: "75/252 A", "75/252 A and B", "72/199 A–C", "34/93 A to R",
# "3411 A and B (XXX)". The letters belong to the number before them and never start a new one; a
# letter glued to a word or a slash ("A/75/100", "Human") is not one of them, nor a later "I" that
# starts a clause ("resolution 75/252 A, I would").
_LETTER = r"[A-Z](?![\w/])"
_LETTER_SEP = (
    r"(?:\s?[-\u2010\u2011\u2013\u2014]\s?|\s+(?:to|à|a)\s+|\s+(?:and|et|y|и)\s+"
    r"|\s*,\s*(?:(?:and|et|y|и)\s+)?)"
)
_LETTERS = rf"{_LETTER}(?:{_LETTER_SEP}(?!I\s+[a-z]){_LETTER})*"
_NUM_PLAIN = (
    rf"(?:\d{{1,4}}\s?\((?:19|20)\d{{2}}\)|\d{{1,4}}(?:\s?{_LETTERS})?\s?\([IVXLC]+\)"
    rf"|(?:E?S{_DASH})?\d{{1,4}}/\d{{1,4}}(?:\s{_LETTERS})?)(?![\d/])"
)
NUM_RE = re.compile(
    rf"(?:(?P<sc>\d{{1,4}})\s?\((?P<year>(?:19|20)\d{{2}})\)"
    rf"|(?P<old>\d{{1,4}})(?:\s?{_LETTERS})?\s?\((?P<roman>[IVXLC]+)\)"
    rf"|(?P<pre>E?S{_DASH})?(?P<a>\d{{1,4}})/(?P<b>\d{{1,4}})(?:\s{_LETTERS})?)(?![\d/])"
)
_SEP = r"(?:\s*,\s*(?:(?:and|et|y|и)\s+)?|\s+(?:and|et|y|e|и)\s+)"
# A date of adoption inside a list ("resolutions 48/159 A of 20 December 1993 and 48/230") is
# passed over when another number follows; after the last number it stays out of the phrase.
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
_DATE = rf"\s+of\s+\d{{1,2}}\s+{_MONTH}\s+(?:19|20)\d{{2}}"
_NUM_DATED = rf"{_NUM_PLAIN}(?:{_DATE}(?={_SEP}{_NUM_PLAIN}))?"
_NUMLIST = rf"{_NUM_DATED}(?:{_SEP}{_NUM_DATED})*"
_KIND = (
    r"(?i:resolutions?|decisions?|r[ée]solutions?|d[ée]cisions?|resoluci[óo]n(?:es)?|"
    r"decisi[óo]n(?:es)?|резолюци[а-я]{1,3}|решени[а-я]{1,3})"
)
_PINWORD = (
    r"(?i:paragraphs?|paragraphes?|paras?\.?|par\.|p[áa]rrafos?|p[áa]rrs?\.|пункт[а-я]{0,3}|пп?\.)"
)
_PIN_ONE = r"\d{1,3}(?:\s?\([a-z]{1,4}\))*"
_PLIST = rf"{_PIN_ONE}(?:\s*(?:,|and|et|y|и|to|à|a|[-–—])\s*{_PIN_ONE})*"
_OF = r"(?:of\s+the|of|du|de\s+la|de\s+l['’]|del|de)"

LOOKBACK = 160  # the longest pinpoint and organ name written before the word "resolution"
PHRASE_RE = re.compile(
    rf"(?:(?P<pin>{_PINWORD}\s*{_PLIST})\s+(?:{_OF}\s*)?(?:(?i:the|its|this|la|sa|su|le)\s+)?)?"
    rf"(?P<core>(?:(?P<org1>{_alt(_ORG_BEFORE)})(?:['’]s|,?\s+in\s+its)?,?\s+)?"
    rf"(?P<kind>{_KIND})\s+(?:(?i:nos?\.|n[°º])\s*)?(?P<nums>{_NUMLIST})"
    rf"(?:\s*,?\s+{_OF}\s*(?P<org2>{_alt(_ORG_AFTER)})|\s+(?P<org3>{_alt(_ORG_RU)}))?)"
    r"(?![\w’])"
)
KIND_RE = re.compile(rf"(?<!\w){_KIND}\s+(?:(?i:nos?\.|n[°º])\s*)?(?:E?S{_DASH})?\d")
PIN_SUFFIX_RE = re.compile(rf"\s*[,(]?\s*{_PINWORD}\s*(?P<pins>{_PLIST})")
_PIN_TOKEN = re.compile(r"(\d{1,3})((?:\s?\([a-z]{1,4}\))*)")


def organ_code(name: str) -> str | None:
    """The organ code of a name, code or symbol: "General Assembly" → GA, ``A/HRC/61/41`` → HRC."""
    name = name.strip()
    if not name:
        return None
    if "/" in name:
        return organ_from_symbol(name)
    return _NAMES.get(_name_key(name))


def organ_from_symbol(symbol: str) -> str | None:
    """The organ that issues documents under ``symbol``'s series (HRC before GA, CHR before ECOSOC)."""
    s = symbol.strip().upper()
    for prefix, code in (("A/HRC/", "HRC"), ("A/", "GA"), ("S/", "SC"), ("E/CN.4/", "CHR"), ("E/", "ECOSOC")):
        if s.startswith(prefix):
            return code
    return None


def _is_year(n: int) -> bool:
    return 1946 <= n <= 2099


def resolve(num: re.Match[str], *, organ: str | None, kind: str, context: str | None) -> str | None:
    """The symbol a cited number stands for, or None when neither the organ nor the form says.

    Lettered parts ("75/252 A and B") resolve to the number's symbol. Decisions resolve only for
    the Human Rights Council; a General Assembly or ECOSOC decision gives None.
    """
    if num.group("sc"):
        ok = kind == "resolution" and organ in (None, "SC", "COUNCIL")
        return f"S/RES/{int(num.group('sc'))} ({num.group('year')})" if ok else None
    if num.group("old"):
        ok = kind == "resolution" and organ in (None, "GA")
        return f"A/RES/{int(num.group('old'))} ({num.group('roman')})" if ok else None
    pre = "ES-" if (num.group("pre") or "").startswith("E") else ("S-" if num.group("pre") else "")
    a, b = int(num.group("a")), int(num.group("b"))
    if pre == "ES-":
        return f"A/RES/ES-{a}/{b}" if kind == "resolution" and organ in (None, "GA") else None
    target = _target(organ, a=a, b=b, pre=pre, kind=kind, context=context)
    return _slash_symbol(target, a=a, b=b, pre=pre, kind=kind)


def _target(organ: str | None, *, a: int, b: int, pre: str, kind: str, context: str | None) -> str | None:
    """Which organ a "a/b" number belongs to, given the organ named (if any) and the context."""
    if organ == "COUNCIL":  # the SC never numbers resolutions a/b; ECOSOC numbers them by year
        return "ECOSOC" if _is_year(a) else "HRC"
    if organ == "COMMISSION":
        return "CHR" if context == "CHR" and _is_year(a) else None
    if organ is not None:
        return organ
    if context == "HRC" and kind == "resolution" and b >= 100:  # HRC resolutions number below 100
        return None
    return context


def _slash_symbol(target: str | None, *, a: int, b: int, pre: str, kind: str) -> str | None:
    """The symbol of "a/b" under ``target``; None where no symbol is known for the kind.

    Only Human Rights Council decisions resolve (``A/HRC/DEC/…``, printed as such in the
    Council's own reports). General Assembly and Economic and Social Council decisions
    ("decision 80/506", "decision 2005/217") are not issued as documents of their own but in the
    sessional compilations, and the documents read here never write a symbol for one, so no
    symbol is claimed for them.
    """
    n = f"{pre}{a}/{b}"
    if target == "GA" and kind == "resolution" and (pre or 31 <= a <= 150):
        return f"A/RES/{n}"
    if target == "HRC" and not _is_year(a) and a < 100:
        return f"A/HRC/{'RES' if kind == 'resolution' else 'DEC'}/{n}"
    if target == "ECOSOC" and kind == "resolution" and _is_year(a) and not pre:
        return f"E/RES/{n}"
    if target == "CHR" and kind == "resolution" and _is_year(a) and not pre:
        return f"E/CN.4/RES/{n}"
    return None


def parse_pinpoints(written: str) -> tuple[str, ...]:
    """Paragraph labels in "paragraphs 138 and 139", "paras. 46–53", "para. 16 (a)"."""
    labels: list[str] = []
    tokens = list(_PIN_TOKEN.finditer(written))
    for i, tok in enumerate(tokens):
        n, sub = int(tok.group(1)), re.sub(r"\s*\(", " (", tok.group(2)).strip()
        between = written[tokens[i - 1].end() : tok.start()] if i else ""
        prev = int(tokens[i - 1].group(1)) if i else 0
        if i and re.search(r"[-–—]|\bto\b|\bà\b|\ba\b", between) and 0 < n - prev <= 100 and not sub:
            labels.extend(str(k) for k in range(prev + 1, n + 1))
        else:
            labels.append(f"{n} {sub}" if sub else str(n))
    return tuple(dict.fromkeys(labels))
