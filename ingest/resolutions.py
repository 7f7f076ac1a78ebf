"""Resolution bodies: after the formula ("The Security Council,") unnumbered paragraphs are
preambular and numbered ones operative, each with its lead verb ("Recalling", "Calls upon")."""

from __future__ import annotations

import re

FORMULA = re.compile(
    r"^\s*(?:The\s+(?:General\s+Assembly|Security\s+Council|Human\s+Rights\s+Council|Economic\s+and\s+Social\s+Council"
    r"|Commission\s+on\s+Human\s+Rights)|L[ae]\s+(?:Conseil|Assemblée)\s+[\w\s’']+|El\s+Consejo[\w\s]+|"
    r"La\s+Asamblea\s+General|Совет\s+Безопасности|Генеральная\s+Ассамблея)\s*,?\s*$",
    re.IGNORECASE,
)
_QUALIFIERS = (
    r"(?:\s+(?:also|further|furthermore|again|once\s+again|deeply|strongly|firmly|"
    r"with\s+(?:deep\s+|grave\s+|great\s+|serious\s+)?(?:concern|appreciation|satisfaction|regret|alarm)|"
    r"note\s+of|note|upon|on|in\s+mind|into\s+account|considered|regard\s+to))*"
)
_VERB = re.compile(
    r"^((?:(?:(?:Deeply|Gravely|Seriously|Strongly|Further|Also|Fully)\s+)?"
    r"[A-Z][a-z]+(?:s|ing|ed)|Bearing|Mindful|Aware|Conscious|Cognizant|Convinced|Determined|Alarmed|"
    r"Concerned|Guided|Emphasizing|Acting)" + _QUALIFIERS + r")(?=[\s,])"
)


def find_formula(records: list[dict], *, within: int | None = None) -> int | None:
    """Index of the "The General Assembly," line, or None when the document has no resolution body."""
    for i, rec in enumerate(records[:within]):
        if rec["kind"] != "heading" and FORMULA.match(rec["text"]):
            return i
    return None


def mark_resolution(records: list[dict]) -> None:
    """Tell preambular from operative paragraphs after the formula and record their lead verbs."""
    start = find_formula(records, within=5)
    if start is None:
        return
    seen_operative = False
    for rec in records[start + 1:]:
        if rec["kind"] == "heading":
            if _ANNEX.match(rec["text"]):
                break  # what follows is annexed to the resolution
            continue
        if rec["label"] is not None and rec["parent"] is None:
            seen_operative = True
            rec["kind"] = "operative"
            rec["verb"] = _verb(rec)
        elif rec["label"] is None and (not seen_operative or _operative_verb(_verb(rec))):
            rec["verb"] = _verb(rec)
            seen_operative = seen_operative or _operative_verb(rec["verb"])
            rec["kind"] = "operative" if seen_operative else "preambular"


_ANNEX = re.compile(r"^\s*(?:Annex|Appendix|Enclosure|Attachment)\b", re.IGNORECASE)
_NOT_VERBS = {"Conscious", "Anxious", "Desirous", "Various", "Serious"}


def _operative_verb(verb: str | None) -> bool:
    """A lead in the present tense ("Decides", "Calls upon") marks an operative paragraph, numbered or not."""
    first = verb.split()[0] if verb else ""
    return bool(re.fullmatch(r"[A-Z][a-z]+s", first)) and first not in _NOT_VERBS


def _verb(rec: dict) -> str | None:
    lead = rec.get("lead")
    if lead and not lead[0].isdigit():
        return lead
    m = _VERB.match(rec["text"])
    return m.group(1) if m else None
