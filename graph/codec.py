"""Rebuild model objects from their JSON form (``ParsedDocument.to_json`` / ``DocumentFacts.to_json``).

Backends store that JSON beside the graph so a stored document comes back exactly as it was put.
"""

from __future__ import annotations

from typing import Any

from ontology.model import (
    Actor,
    ActorKind,
    Citation,
    Coverage,
    DocumentFacts,
    DocumentKind,
    Establishment,
    Footnote,
    Mechanism,
    MechanismType,
    Membership,
    Mention,
    Paragraph,
    ParagraphKind,
    ParsedDocument,
    Recommendation,
    Relation,
    Response,
    RiskTag,
    Situation,
)


def _tuples(data: dict[str, Any], *names: str) -> dict[str, Any]:
    return {k: (tuple(v) if k in names and v is not None else v) for k, v in data.items()}


def document_from_json(data: dict[str, Any]) -> ParsedDocument:
    """The ParsedDocument whose ``to_json()`` gave ``data``."""
    paragraphs = tuple(
        Paragraph(**{**_tuples(p, "footnotes"), "kind": ParagraphKind(p["kind"])}) for p in data["paragraphs"]
    )
    fields = _tuples(data, "symbols", "organs", "warnings", "agenda")
    fields.update(
        kind=DocumentKind(data["kind"]),
        paragraphs=paragraphs,
        footnotes=tuple(Footnote(**f) for f in data["footnotes"]),
        citations=tuple(Citation(**c) for c in data["citations"]),
    )
    return ParsedDocument(**fields)


def facts_from_json(data: dict[str, Any]) -> DocumentFacts:
    """The DocumentFacts whose ``to_json()`` gave ``data``."""
    return DocumentFacts(
        issued_by=tuple(data["issued_by"]),
        situations=tuple(data["situations"]),
        actors=tuple(Actor(**{**_tuples(a, "aliases"), "kind": ActorKind(a["kind"])}) for a in data["actors"]),
        situation_defs=tuple(Situation(**s) for s in data["situation_defs"]),
        mechanisms=tuple(
            Mechanism(**{**_tuples(m, "established_by"), "type": MechanismType(m["type"])})
            for m in data["mechanisms"]
        ),
        mentions=tuple(Mention(**m) for m in data["mentions"]),
        recommendations=tuple(
            Recommendation(**_tuples(r, "by", "to", "themes", "situations")) for r in data["recommendations"]
        ),
        coverage=tuple(Coverage(**c) for c in data["coverage"]),
        establishments=tuple(Establishment(**e) for e in data["establishments"]),
        risk_tags=tuple(RiskTag(**t) for t in data["risk_tags"]),
        relations=tuple(Relation(**r) for r in data["relations"]),
        memberships=tuple(Membership(**m) for m in data.get("memberships", ())),
        outcome_of=tuple(data.get("outcome_of", ())),
        responses=tuple(Response(**_tuples(r, "items")) for r in data.get("responses", ())),
        warnings=tuple(data["warnings"]),
    )
