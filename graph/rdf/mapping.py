"""How one stored document becomes RDF: a list of subject blocks ``(subject_iri, [(predicate, object)])``.

Pure functions of the document and its facts (plus a small per-export set of entities already
written), so two exports of the same store are identical and re-ingesting a document keeps its IRIs.
Facts are put in a canonical order of their content before they are numbered.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from itertools import repeat
from typing import TypeVar

from graph.rdf import iris, shapes
from graph.rdf import terms as t
from graph.rdf.membership import membership_blocks
from graph.rdf.verbs import verb_concept
from graph.responses import PENDING, StatedResponse
from graph.store import StoredDocument
from ontology.model import (
    Actor,
    ActorKind,
    Citation,
    DocumentFacts,
    DocumentKind,
    Mechanism,
    MechanismType,
    Paragraph,
    ParagraphKind,
    ParsedDocument,
    Situation,
)
from ontology.terms import AK, DK, MT, PK, RF

Block = tuple[str, list[t.Prop]]
T = TypeVar("T")

KIND_CLASS = {
    DocumentKind.RESOLUTION: t.R2P_Resolution, DocumentKind.DRAFT: t.R2P_Draft,
    DocumentKind.REPORT: t.R2P_Report, DocumentKind.LETTER: t.R2P_Letter, DocumentKind.NOTE: t.R2P_Note,
    DocumentKind.RECORD: t.R2P_MeetingRecord,
}
ACTOR_CLASS = {
    ActorKind.STATE: t.R2P_State, ActorKind.REGIONAL_ORGANIZATION: t.R2P_RegionalOrganization,
    ActorKind.UN_ENTITY: t.R2P_UNEntity, ActorKind.CIVIL_SOCIETY: t.R2P_CivilSocietyOrganization,
}
MECHANISM_CLASS = {
    MechanismType.SPECIAL_PROCEDURE: t.R2P_SpecialProcedure,
    MechanismType.COMMISSION_OF_INQUIRY: t.R2P_CommissionOfInquiry, MechanismType.TREATY_BODY: t.R2P_TreatyBody,
    MechanismType.UPR: t.R2P_UniversalPeriodicReview, MechanismType.COURT: t.R2P_Court,
    MechanismType.PEACEBUILDING_COMMISSION: t.R2P_PeacebuildingCommission,
    MechanismType.SANCTIONS: t.R2P_SanctionsRegime, MechanismType.PEACE_OPERATION: t.R2P_PeaceOperation,
    MechanismType.SPECIAL_ADVISER: t.R2P_SpecialAdviser, MechanismType.EARLY_WARNING: t.R2P_EarlyWarningSystem,
}
DOC_KIND = {k: str(getattr(DK, k.value)) for k in DocumentKind}
PARA_KIND = {k: str(PK[k.value]) for k in ParagraphKind}
ACTOR_KIND = {k: str(AK[k.value]) for k in ActorKind}
MECH_TYPE = {k: str(MT[k.value]) for k in MechanismType}
RELATION = {"revises": t.R2P_revises, "corrects": t.R2P_corrects, "addendum_to": t.R2P_addendumTo}
_RF = re.compile(r"^RF(\d{1,2})(?:\.(\d{1,2}))?$")
_AKN_ORGAN = {"A/RES/": "un-ga", "A/HRC/RES/": "un-hrc", "E/RES/": "un-ecosoc"}


@dataclass
class ExportState:
    """What one export run remembers between documents: the shared nodes already written."""

    base: str
    seen: set[str] = field(default_factory=set)

    def first(self, key: str) -> bool:
        """True the first time ``key`` is seen in this export."""
        if key in self.seen:
            return False
        self.seen.add(key)
        return True


@dataclass(frozen=True, slots=True)
class DocContext:
    base: str
    doc: str  # document IRI
    run: str  # extraction-run IRI
    lang: str | None
    paras: tuple[str, ...]  # paragraph IRIs by index
    fns: dict[str, str]  # footnote IRI by label


def document_blocks(stored: StoredDocument, state: ExportState,
                    stated: Mapping[str, StatedResponse] | None = None) -> Iterator[Block]:
    """Every subject block of one stored document, in a fixed order."""
    for block in shaped_blocks(stored, state, stated):
        if block.__class__ is t.Shaped:
            yield from block.blocks()  # type: ignore[union-attr]
        else:
            yield block  # type: ignore[misc]


def shaped_blocks(stored: StoredDocument, state: ExportState,
                  stated: Mapping[str, StatedResponse] | None = None) -> Iterator[Block | t.Shaped]:
    """The blocks of :func:`document_blocks`, the most frequent ones in ``Shaped`` runs (for the writers).

    ``stated``: paragraph label → the response another document (the report's addendum) states for
    the recommendation there (``GraphStore.stated_responses``); exported with the paragraph stating it.
    """
    document, facts = stored.document, stored.facts
    base = state.base
    doc = iris.doc_iri(base, document.symbol)
    lang = document.language if t.language(document.language) else None
    ctx = DocContext(
        base, doc, f"{doc}/run/{iris.segment((document.sha256 or 'unknown')[:16])}", lang,
        _paragraph_iris(doc, document), _footnote_iris(doc, document),
    )
    yield from _document(document, facts, ctx)
    yield from _provenance(stored, ctx, state)
    yield from _paragraphs(document, facts, ctx)
    yield from _footnotes(document, ctx)
    yield from _citations(document.citations, ctx)
    stated_at = {p.index: s for p in document.paragraphs if (s := (stated or {}).get(p.label or p.key))}
    yield from _facts(facts, ctx, state, stated_at)
    yield from _entities(facts, state)
    yield from membership_blocks(facts, base=base, doc=doc, paras=ctx.paras, run=ctx.run, first=state.first)


def _paragraph_iris(doc: str, document: ParsedDocument) -> tuple[str, ...]:
    """Paragraph IRIs by index."""
    prefix, path = doc + "/para/", iris.path
    return tuple([prefix + path(p.key) for p in document.paragraphs])


def _footnote_iris(doc: str, document: ParsedDocument) -> dict[str, str]:
    """Footnote IRIs by label, in document order; a repeated label gets ``-2``, ``-3``…"""
    out: dict[str, str] = {}
    counts: dict[str, int] = {}
    for fn in document.footnotes:
        counts[fn.label] = counts.get(fn.label, 0) + 1
        label = fn.label if counts[fn.label] == 1 else f"{fn.label}-{counts[fn.label]}"
        out[label] = f"{doc}/fn/{iris.path(label)}"
    return out


def _document(document: ParsedDocument, facts: DocumentFacts, ctx: DocContext) -> Iterator[Block]:
    props: list[t.Prop] = [(t.A, (t.IRI, t.R2P_Document)), (t.A, (t.IRI, t.ELI_LEGAL_RESOURCE))]
    if document.kind in KIND_CLASS:
        props.append((t.A, (t.IRI, KIND_CLASS[document.kind])))
    props.append((t.R2P_primarySymbol, t.string(document.symbol)))
    props += [(t.DC_IDENTIFIER, t.string(s)) for s in document.symbols]
    props += [(t.RDFS_SEE_ALSO, (t.IRI, iris.undocs_url(s))) for s in document.symbols]
    props.append((t.R2P_documentKind, (t.IRI, DOC_KIND[document.kind])))
    if document.title:
        props.append((t.DC_TITLE, t.lang_string(document.title, ctx.lang)))
    if document.subtitle:
        props.append((t.R2P_subtitle, t.lang_string(document.subtitle, ctx.lang)))
    _optional(props, t.R2P_dateIssued, t.date(document.date))
    _optional(props, t.DC_LANGUAGE, t.language(ctx.lang))
    _optional(props, t.R2P_originalLanguage, t.language(document.original_language))
    props += [(t.R2P_organ, t.string(o)) for o in document.organs]
    props += [(t.R2P_issuedBy, (t.IRI, iris.entity_iri(ctx.base, a))) for a in document_issuers(facts)]
    props += [(t.R2P_concernsSituation, (t.IRI, iris.entity_iri(ctx.base, s))) for s in sorted(set(facts.situations))]
    for name, value in (("session", document.session), ("distribution", document.distribution),
                        ("jobNumber", document.job_number)):
        if value:
            props.append((getattr(t, f"R2P_{name}"), t.string(value)))
    props += [(t.R2P_agendaItem, t.string(a)) for a in document.agenda]
    props.append((t.R2P_pageCount, t.integer(document.pages)))
    for rel in sorted({(r.type, r.symbol) for r in facts.relations if r.type in RELATION}):
        props.append((RELATION[rel[0]], (t.IRI, iris.doc_iri(ctx.base, rel[1]))))
    akn = akn_work(document)
    if akn:
        props.append((t.R2P_aknWork, t.string(akn)))
    cited = sorted({iris.doc_iri(ctx.base, c.symbol) for c in document.citations if c.symbol})
    props += [(t.DC_REFERENCES, (t.IRI, c)) for c in cited if c != ctx.doc]
    if ctx.lang:
        props.append((t.ELI_IS_REALIZED_BY, (t.IRI, f"{ctx.doc}/{iris.segment(ctx.lang)}")))
    props += [(t.ELI_HAS_PART, (t.IRI, ctx.paras[p.index])) for p in _top_level(document)]
    props.append((t.PROV_GENERATED_BY, (t.IRI, ctx.run)))
    yield ctx.doc, props


def document_issuers(facts: DocumentFacts) -> list[str]:
    """Actor ids of the issuing organs, sorted."""
    return sorted(set(facts.issued_by))


def _optional(props: list[t.Prop], predicate: str, obj: t.Obj | None) -> None:
    if obj is not None:
        props.append((predicate, obj))


def _top_level(document: ParsedDocument) -> list[Paragraph]:
    keys = {p.key for p in document.paragraphs}
    return [p for p in document.paragraphs if not (p.parent and p.parent in keys)]


def akn_work(document: ParsedDocument) -> str | None:
    """AKN4UN work IRI path of a GA, HRC or ECOSOC resolution with a known date (``/`` in number -> ``-``)."""
    symbol, day = document.symbol.replace(" ", ""), t.date(document.date)
    if document.kind != DocumentKind.RESOLUTION or day is None or day[2] != t.XSD_DATE:
        return None
    for prefix, actor in sorted(_AKN_ORGAN.items(), key=lambda kv: -len(kv[0])):
        if symbol.upper().startswith(prefix.upper()):
            number = symbol[len(prefix):].replace("/", "-")
            return f"/akn/un/statement/deliberation/{actor}/{day[1]}/{number}"
    return None


def _provenance(stored: StoredDocument, ctx: DocContext, state: ExportState) -> Iterator[Block]:
    document = stored.document
    file_iri = f"{ctx.doc}/{iris.segment(ctx.lang)}/file" if ctx.lang else f"{ctx.doc}/file"
    if ctx.lang:
        version = f"{ctx.doc}/{iris.segment(ctx.lang)}"
        yield version, [(t.A, (t.IRI, t.R2P_LanguageVersion)), (t.DC_LANGUAGE, (t.TYPED, ctx.lang, t.XSD_LANGUAGE)),
                        (t.ELI_REALIZES, (t.IRI, ctx.doc)), (t.ELI_IS_EMBODIED_BY, (t.IRI, file_iri))]
    file_props: list[t.Prop] = [(t.A, (t.IRI, t.R2P_File)), (t.DC_FORMAT, t.string("application/pdf"))]
    if document.sha256:
        file_props.append((t.R2P_sha256, t.string(document.sha256)))
    if ctx.lang:
        file_props.append((t.ELI_EMBODIES, (t.IRI, f"{ctx.doc}/{iris.segment(ctx.lang)}")))
    yield file_iri, file_props
    software = f"{ctx.base}software/r2p-graph"
    run_props: list[t.Prop] = [(t.A, (t.IRI, t.R2P_ExtractionRun)), (t.PROV_USED, (t.IRI, file_iri)),
                               (t.PROV_ASSOCIATED, (t.IRI, software))]
    _optional(run_props, t.PROV_ENDED, t.datetime(stored.ingested_at))
    yield ctx.run, run_props
    if state.first("software:r2p-graph"):
        yield software, [(t.A, (t.IRI, t.R2P_Software)), (t.RDFS_LABEL, t.string("r2p-graph"))]


def _paragraph_links(document: ParsedDocument, facts: DocumentFacts, ctx: DocContext) -> tuple[dict, ...]:
    """Paragraph indexes by key, and the subparagraphs, mentions and cited documents of each paragraph."""
    keys = {p.key: p.index for p in document.paragraphs}
    children: dict[str, list[int]] = {}
    for p in document.paragraphs:
        if p.parent and p.parent in keys:
            children.setdefault(p.parent, []).append(p.index)
    n, base, entity = len(ctx.paras), ctx.base, iris.entity_iri
    entities: dict[str, str] = {}  # IRI by entity id, for the many mentions of the same few entities
    mentions: dict[int, set[str]] = {}
    for m in facts.mentions:
        i = m.paragraph_index
        if 0 <= i < n:
            iri = entities.get(m.entity_id)
            if iri is None:
                iri = entities[m.entity_id] = entity(base, m.entity_id)
            found = mentions.get(i)
            if found is None:
                mentions[i] = {iri}
            else:
                found.add(iri)
    cites: dict[int, set[str]] = {}
    for c in document.citations:
        if c.symbol and c.paragraph_index is not None and 0 <= c.paragraph_index < n:
            cites.setdefault(c.paragraph_index, set()).add(iris.doc_iri(base, c.symbol))
    return keys, children, mentions, cites


def _paragraphs(document: ParsedDocument, facts: DocumentFacts, ctx: DocContext) -> Iterator[t.Shaped]:
    """Each paragraph's block as a shape (what it holds) and values (its IRIs and texts), in one loop."""
    keys, children, mentions, cites = _paragraph_links(document, facts, ctx)
    paras, doc, lang, fn_iris, small = ctx.paras, ctx.doc, ctx.lang, ctx.fns, _SMALL
    out: list[tuple[tuple, list[str]]] = []
    for p in document.paragraphs:
        parent, index, label, page, section, verb = p.parent, p.index, p.label, p.page, p.section, p.verb
        sub = bool(parent) and parent in keys
        values = [paras[index], p.key, small[index] if 0 <= index < 4096 else str(index), p.text,
                  paras[keys[parent]] if sub else doc]  # type: ignore[index]
        if label:
            values.append(label)
        if page >= 1:
            values.append(small[page] if page < 4096 else str(page))
        if section:
            values.append(section)
        if verb:
            values.append(verb)
        kids = children.get(p.key, ())
        if kids:
            values += map(paras.__getitem__, kids)
        fns = [fn_iris[f] for f in dict.fromkeys(p.footnotes) if f in fn_iris] if p.footnotes else ()
        if fns:
            values += fns
        mentioned = mentions.get(index, ())
        if mentioned:
            values += (mentioned := sorted(mentioned))
        cited = cites.get(index, ())
        if cited:
            values += (cited := [c for c in sorted(cited) if c != doc])
        key = ("para", sub, lang, p.kind, bool(label), page >= 1, bool(section), bool(verb), len(kids), len(fns),
               len(mentioned), len(cited))
        out.append((key, values))
    return iter([t.Shaped(shapes.build_paragraph, out)] if out else [])  # one run: a document's paragraphs


_SMALL = [str(i) for i in range(4096)]


def _footnotes(document: ParsedDocument, ctx: DocContext) -> Iterator[Block]:
    for (label, fn_iri), fn in zip(ctx.fns.items(), document.footnotes):
        props: list[t.Prop] = [(t.A, (t.IRI, t.R2P_Footnote)), (t.R2P_number, t.string(label)),
                               (t.R2P_text, t.lang_string(fn.text, ctx.lang))]
        if fn.page >= 1:
            props.append((t.R2P_page, t.integer(fn.page)))
        props.append((t.DC_IS_PART_OF, (t.IRI, ctx.doc)))
        yield fn_iri, props


def _numbered(items: Iterable[T], owner: Callable[[T], str]) -> Iterator[tuple[str, int, T]]:
    """Group items by the IRI of what they were read in (``owner(item)``) and number them from 1."""
    counts: dict[str, int] = {}
    for item in items:
        where = owner(item)
        counts[where] = counts.get(where, 0) + 1
        yield where, counts[where], item


def _para_or_doc(ctx: DocContext, index: int | None) -> str:
    return ctx.paras[index] if index is not None and 0 <= index < len(ctx.paras) else ctx.doc


def _citations(citations: tuple[Citation, ...], ctx: DocContext) -> Iterator[t.Shaped]:
    def owner(c: Citation) -> str:
        if c.footnote is not None and c.footnote in ctx.fns:
            return ctx.fns[c.footnote]
        return _para_or_doc(ctx, c.paragraph_index)

    ordered = sorted((c for c in citations if c.symbol), key=lambda c: (
        c.paragraph_index if c.paragraph_index is not None else -1, c.footnote or "", c.symbol, c.text,
        c.pinpoint or ""))
    items: list[tuple[tuple, list[str]]] = []
    for where, n, c in _numbered(ordered, owner):
        values = [f"{where}/cite/{n}", where, iris.doc_iri(ctx.base, c.symbol), c.symbol, c.text,
                  ctx.run]
        if c.pinpoint:
            values.append(c.pinpoint)
        items.append((("cite", bool(c.pinpoint)), values))
    if items:
        yield t.Shaped(shapes.build_citation, items)


def _provenance_props(ctx: DocContext, where: str) -> list[t.Prop]:
    return [(t.PROV_DERIVED, (t.IRI, where)), (t.PROV_GENERATED_BY, (t.IRI, ctx.run))]


def _facts(facts: DocumentFacts, ctx: DocContext, state: ExportState,
           stated_at: Mapping[int, StatedResponse]) -> Iterator[Block | t.Shaped]:
    yield from _recommendations(facts, ctx, stated_at)
    coverage = sorted(facts.coverage, key=lambda c: (c.paragraph_index, c.mechanism_id, c.situation_id, c.date or ""))
    covers: list[tuple[tuple, list[str]]] = []
    for where, n, c in _numbered(coverage, lambda c: _para_or_doc(ctx, c.paragraph_index)):
        day = t.date(c.date)
        values = [f"{where}/covers/{n}", iris.entity_iri(ctx.base, c.mechanism_id),
                  iris.entity_iri(ctx.base, c.situation_id), where, ctx.run]
        if day:
            values.append(day[1])
        covers.append((("covers", day and day[2]), values))
    if covers:
        yield t.Shaped(shapes.build_coverage, covers)
    established = sorted(facts.establishments, key=lambda e: (
        e.paragraph_index if e.paragraph_index is not None else -1, e.mechanism_id, e.symbol, e.action))
    for where, n, e in _numbered(established, lambda e: _para_or_doc(ctx, e.paragraph_index)):
        props = [(t.A, (t.IRI, t.R2P_Establishment)),
                 (t.R2P_mechanism, (t.IRI, iris.entity_iri(ctx.base, e.mechanism_id))),
                 (t.R2P_resolution, (t.IRI, iris.doc_iri(ctx.base, e.symbol))),
                 (t.R2P_establishmentAction, t.string(e.action))]
        yield f"{where}/est/{n}", props + _provenance_props(ctx, where)
    yield from _risk_tags(facts, ctx, state)


def _recommendations(facts: DocumentFacts, ctx: DocContext, stated_at: Mapping[int, StatedResponse]
                     ) -> Iterator[t.Shaped]:
    recs = sorted(facts.recommendations, key=lambda r: (r.paragraph_index, r.text, r.by, r.to, r.verb or ""))
    lang, run, paras, doc = ctx.lang, ctx.run, ctx.paras, ctx.doc
    entity, bases = iris.entity_iri, repeat(ctx.base)
    counts: dict[str, int] = {}
    items: list[tuple[tuple, list[str]]] = []
    for r in recs:  # numbered per paragraph as _numbered does, inline (recommendations are many)
        i = r.paragraph_index
        where = paras[i] if i is not None and 0 <= i < len(paras) else doc
        n = counts[where] = counts.get(where, 0) + 1
        by = r.by if len(r.by) < 2 else tuple(dict.fromkeys(r.by))
        to = r.to if len(r.to) < 2 else tuple(dict.fromkeys(r.to))
        verb, response, themes, situations = r.verb, r.response, r.themes, r.situations
        values = [f"{where}/rec/{n}", r.text, *map(entity, bases, by), *map(entity, bases, to)]
        if verb:
            values.append(verb)
        stated = stated_at.get(i) if stated_at and response in (None, PENDING) else None
        if stated is not None:
            response = stated.position
            values += (response, iris.doc_iri(ctx.base, stated.symbol) + "/para/" + iris.path(stated.key or ""))
        elif response:
            values.append(response)
        if themes:
            themes = tuple(dict.fromkeys(themes))
            values += themes
        if situations:
            situations = tuple(dict.fromkeys(situations))
            values += map(entity, bases, situations)
        values += (where, run)
        key = ("rec", lang, len(by), len(to), bool(verb), verb_concept(verb) if verb else None,
               2 if stated is not None else int(bool(response)), len(themes), len(situations))
        items.append((key, values))
    if items:
        yield t.Shaped(shapes.build_recommendation, items)


def _risk_tags(facts: DocumentFacts, ctx: DocContext, state: ExportState) -> Iterator[Block | t.Shaped]:
    tags = sorted((r for r in facts.risk_tags if _RF.match(r.factor) and 0 <= r.paragraph_index < len(ctx.paras)),
                  key=lambda r: (r.paragraph_index, r.factor, r.method, r.confidence))
    for where, n, r in _numbered(tags, lambda r: ctx.paras[r.paragraph_index]):
        body = str(RF._NS) + r.factor
        software = f"{ctx.base}software/{iris.segment(r.method)}"
        values = [f"{where}/risk/{n}", where, t.decimal(min(1.0, max(0.0, r.confidence)))[1], r.method,
                  software, ctx.run]
        yield t.Shaped(shapes.build_risk_tag, [(("risk", body), values)])
        if state.first("software:" + r.method):
            yield software, [(t.A, (t.IRI, t.R2P_Software)), (t.RDFS_LABEL, t.string(r.method))]
        match = _RF.match(r.factor)
        if match and match.group(2) and state.first("rf:" + r.factor):
            yield body, [(t.A, (t.IRI, t.SKOS_CONCEPT)), (t.A, (t.IRI, t.R2P_Indicator)),
                         (t.SKOS_NOTATION, t.string(r.factor)), (t.SKOS_IN_SCHEME, (t.IRI, str(RF._NS))),
                         (t.SKOS_BROADER, (t.IRI, str(RF._NS) + "RF" + match.group(1)))]


def _entities(facts: DocumentFacts, state: ExportState) -> Iterator[Block]:
    for actor in sorted(facts.actors, key=lambda a: a.id):
        if state.first("entity:" + actor.id):
            yield iris.entity_iri(state.base, actor.id), _actor(actor)
    for situation in sorted(facts.situation_defs, key=lambda s: s.id):
        if state.first("entity:" + situation.id):
            yield iris.entity_iri(state.base, situation.id), _situation(situation, state.base)
    for mechanism in sorted(facts.mechanisms, key=lambda m: m.id):
        if state.first("entity:" + mechanism.id):
            yield iris.entity_iri(state.base, mechanism.id), _mechanism(mechanism, state.base)


def _labels(entity_id: str, name: str) -> list[t.Prop]:
    return [(t.R2P_entityId, t.string(entity_id)), (t.SKOS_PREF, t.lang_string(name, "en"))]


def _codes(iso3: str | None, m49: str | None) -> list[t.Prop]:
    props: list[t.Prop] = []
    if iso3:
        props.append((t.SKOS_NOTATION, t.typed(iso3.upper(), t.R2P_iso3166Alpha3)))
    if m49 and m49.strip().isdigit():
        props.append((t.SKOS_NOTATION, t.typed(m49.strip().zfill(3), t.R2P_m49)))
    return props


def _actor(actor: Actor) -> list[t.Prop]:
    props: list[t.Prop] = [(t.A, (t.IRI, t.R2P_Actor))]
    if actor.kind in ACTOR_CLASS:
        props.append((t.A, (t.IRI, ACTOR_CLASS[actor.kind])))
    props += _labels(actor.id, actor.name)
    props += [(t.SKOS_ALT, t.lang_string(a, "en")) for a in dict.fromkeys(actor.aliases) if a != actor.name]
    props.append((t.R2P_actorKind, (t.IRI, ACTOR_KIND[actor.kind])))
    return props + _codes(actor.iso3, actor.m49)


def _situation(situation: Situation, base: str) -> list[t.Prop]:
    props: list[t.Prop] = [(t.A, (t.IRI, t.R2P_Situation)), (t.A, (t.IRI, t.SKOS_CONCEPT))]
    props += _labels(situation.id, situation.name) + _codes(situation.iso3, None)
    if situation.iso3:
        props.append((t.DC_SPATIAL, (t.IRI, iris.entity_iri(base, f"state/{situation.iso3.upper()}"))))
    return props


def _mechanism(mechanism: Mechanism, base: str) -> list[t.Prop]:
    props: list[t.Prop] = [(t.A, (t.IRI, t.R2P_Mechanism)), (t.A, (t.IRI, MECHANISM_CLASS[mechanism.type]))]
    props += _labels(mechanism.id, mechanism.name)
    if mechanism.acronym:
        props.append((t.R2P_acronym, t.string(mechanism.acronym)))
    props.append((t.R2P_mechanismType, (t.IRI, MECH_TYPE[mechanism.type])))
    props += [(t.R2P_establishedBy, (t.IRI, iris.doc_iri(base, s))) for s in dict.fromkeys(mechanism.established_by)]
    return props
