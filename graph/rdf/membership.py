"""MEMBER_OF in RDF: a ``r2p:Membership`` per document and a direct ``org:`` link per export.

A State's membership is ``org:memberOf``; an organ's or body's place in its organization is
``org:subOrganizationOf``. The direct link is written once per export (the graph is a set; the
triple count stays true); the ``r2p:Membership`` node, one per document that supports it, carries
the provenance: ``prov:wasDerivedFrom`` the paragraph it was read in (``source="text"``) or
``r2p:ActorVocabulary`` (``source="vocabulary"``), and ``prov:wasGeneratedBy`` the extraction run.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from graph.rdf import iris
from graph.rdf import terms as t
from ontology.model import ActorKind, DocumentFacts

Block = tuple[str, list[t.Prop]]


def membership_blocks(facts: DocumentFacts, *, base: str, doc: str, paras: tuple[str, ...], run: str,
                      first: Callable[[str], bool]) -> Iterator[Block]:
    """The membership nodes of one document, then the direct links not yet written in this export."""
    kinds = {a.id: a.kind for a in facts.actors}
    found = sorted(facts.memberships, key=lambda m: (
        m.paragraph_index if m.paragraph_index is not None else -1, m.member_id, m.organization_id, m.source))
    counts: dict[str, int] = {}
    links: list[tuple[str, str]] = []
    for m in found:
        in_text = m.paragraph_index is not None and 0 <= m.paragraph_index < len(paras)
        if m.source != "vocabulary" and not in_text:
            continue  # a text claim without its paragraph is not exported
        where = paras[m.paragraph_index] if in_text else doc  # type: ignore[index]
        counts[where] = counts.get(where, 0) + 1
        member, organization = iris.entity_iri(base, m.member_id), iris.entity_iri(base, m.organization_id)
        source = paras[m.paragraph_index] if m.source != "vocabulary" else t.R2P_ActorVocabulary  # type: ignore[index]
        yield f"{where}/member/{counts[where]}", [
            (t.A, (t.IRI, t.R2P_Membership)), (t.R2P_member, (t.IRI, member)),
            (t.R2P_organization, (t.IRI, organization)), (t.R2P_membershipSource, t.string(m.source)),
            (t.PROV_DERIVED, (t.IRI, source)), (t.PROV_GENERATED_BY, (t.IRI, run))]
        links.append((m.member_id, m.organization_id))
    for member_id, organization_id in dict.fromkeys(links):
        if first(f"member:{member_id}>{organization_id}"):
            link = t.ORG_MEMBER_OF if kinds.get(member_id) is ActorKind.STATE else t.ORG_SUB_ORGANIZATION_OF
            yield iris.entity_iri(base, member_id), [(link, (t.IRI, iris.entity_iri(base, organization_id)))]
