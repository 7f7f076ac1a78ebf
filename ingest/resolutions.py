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


def find_formula(records: list[dict]) -> int | None:
    """Index of the "The General Assembly," line, or None when the document has no resolution body."""
    for i, rec in enumerate(records):
        if rec["kind"] != "heading" and FORMULA.match(rec["text"]):
            return i
    return None


def mark_resolution(records: list[dict]) -> None:
    """Tell preambular from operative paragraphs after the formula and record their lead verbs."""
    start = find_formula(records)
    if start is None:
        return
    seen_operative = False
    for rec in records[start + 1:]:
        if rec["kind"] == "heading":
            if seen_operative:
                break  # an annex or a new part follows the resolution
            continue
        if rec["label"] is not None and rec["parent"] is None:
            seen_operative = True
            rec["kind"] = "operative"
            rec["verb"] = _verb(rec)
        elif rec["label"] is None and not seen_operative:
            rec["kind"] = "preambular"
            rec["verb"] = _verb(rec)


def _verb(rec: dict) -> str | None:
    lead = rec.get("lead")
    if lead and not lead[0].isdigit():
        return lead
    m = _VERB.match(rec["text"])
    return m.group(1) if m else None
