"""The subject blocks of the frequent nodes, built from a shape key and values (see ``terms.Shaped``).

``graph.rdf.mapping`` reads a document into ``Shaped`` blocks; these functions turn a key and its values
back into ``(subject, props)``: for the writers' templates (with placeholder values) and for the plain
rendering. Literal values come cleaned here (``Shaped.block`` cleans them).
"""

from __future__ import annotations

from graph.rdf import terms as t
from ontology.model import ParagraphKind
from ontology.terms import PK

Block = tuple[str, list[t.Prop]]

PARAGRAPH_TYPES = [(t.A, (t.IRI, t.R2P_Paragraph)), (t.A, (t.IRI, t.ELI_SUBDIVISION))]
SUBPARAGRAPH_TYPES = [*PARAGRAPH_TYPES, (t.A, (t.IRI, t.R2P_Subparagraph))]
PARA_KIND_PROPS = {k: (t.R2P_paragraphKind, (t.IRI, str(PK[k.value]))) for k in ParagraphKind}


def build_paragraph(key: tuple, values: list[str]) -> Block:
    """The properties of a paragraph of shape ``key`` (see ``mapping._paragraph``)."""
    _, sub, lang, kind, label, page, section, verb, n_children, n_fns, n_mentions, n_cites = key
    subject, para_key, position, text, part_of = values[:5]
    props: list[t.Prop] = [
        *(SUBPARAGRAPH_TYPES if sub else PARAGRAPH_TYPES), (t.R2P_key, (t.STR, para_key)),
        PARA_KIND_PROPS[kind], (t.R2P_position, (t.TYPED, position, t.XSD_INTEGER)),
        (t.R2P_text, (t.LANG, text, lang) if lang else (t.STR, text)), (t.DC_IS_PART_OF, (t.IRI, part_of)),
    ]
    rest = iter(values[5:])
    if label:
        props.append((t.R2P_number, (t.STR, next(rest))))
    if page:
        props.append((t.R2P_page, (t.TYPED, next(rest), t.XSD_INTEGER)))
    if section:
        props.append((t.R2P_sectionHeading, (t.LANG, next(rest), lang) if lang else (t.STR, next(rest))))
    if verb:
        props.append((t.R2P_leadVerb, (t.STR, next(rest))))
    for predicate, count in ((t.ELI_HAS_PART, n_children), (t.R2P_hasFootnote, n_fns), (t.R2P_mentions, n_mentions),
                             (t.CITO_CITES, n_cites)):
        props += [(predicate, (t.IRI, next(rest))) for _ in range(count)]
    return subject, props


def build_citation(key: tuple, values: list[str]) -> Block:
    """The properties of a citation (``key``: whether it has a pinpoint)."""
    subject, where, cited, symbol, text, run = values[:6]
    props: list[t.Prop] = [
        (t.A, (t.IRI, t.R2P_Citation)), (t.A, (t.IRI, t.CITO_CITATION)),
        (t.CITO_CITING, (t.IRI, where)), (t.CITO_CITED, (t.IRI, cited)),
        (t.R2P_citedSymbol, (t.STR, symbol)), (t.R2P_citationText, (t.STR, text)),
    ]
    if key[1]:
        props.append((t.R2P_pinpoint, (t.STR, values[6])))
    props += [(t.PROV_DERIVED, (t.IRI, where)), (t.PROV_GENERATED_BY, (t.IRI, run))]
    return subject, props


def build_coverage(key: tuple, values: list[str]) -> Block:
    """The properties of a coverage fact (``key``: the datatype of its evidence date, if any)."""
    subject, mechanism, situation, where, run = values[:5]
    props: list[t.Prop] = [(t.A, (t.IRI, t.R2P_Coverage)), (t.R2P_mechanism, (t.IRI, mechanism)),
                           (t.R2P_situation, (t.IRI, situation))]
    if key[1]:
        props.append((t.R2P_evidenceDate, (t.TYPED, values[5], key[1])))
    return subject, props + [(t.PROV_DERIVED, (t.IRI, where)), (t.PROV_GENERATED_BY, (t.IRI, run))]


def build_recommendation(key: tuple, values: list[str]) -> Block:
    """The properties of a recommendation of shape ``key`` (see ``mapping._recommendations``)."""
    _, lang, n_by, n_to, verb, concept, response, n_themes, n_situations = key
    subject, text = values[0], values[1]
    rest = iter(values[2:])
    props: list[t.Prop] = [(t.A, (t.IRI, t.R2P_Recommendation)), (t.A, (t.IRI, t.UNDO_RELATION)),
                           (t.R2P_text, (t.LANG, text, lang) if lang else (t.STR, text))]
    props += [(t.R2P_recommendedBy, (t.IRI, next(rest))) for _ in range(n_by)]
    props += [(t.R2P_addressedTo, (t.IRI, next(rest))) for _ in range(n_to)]
    if verb:
        props.append((t.R2P_verbText, (t.STR, next(rest))))
        if concept:
            props.append((t.R2P_actionVerb, (t.IRI, concept)))
    if response:
        props.append((t.R2P_response, (t.STR, next(rest))))
    if response == 2:  # stated in another document's paragraph (the report's addendum)
        props.append((t.R2P_responseStatedIn, (t.IRI, next(rest))))
    props += [(t.R2P_theme, (t.STR, next(rest))) for _ in range(n_themes)]
    props += [(t.R2P_concernsSituation, (t.IRI, next(rest))) for _ in range(n_situations)]
    props += [(t.PROV_DERIVED, (t.IRI, next(rest))), (t.PROV_GENERATED_BY, (t.IRI, next(rest)))]
    return subject, props


def build_risk_tag(key: tuple, values: list[str]) -> Block:
    """The properties of a risk-factor tag (``key``: its factor's concept IRI)."""
    subject, where, confidence, method, software, run = values
    return subject, [
        (t.A, (t.IRI, t.R2P_RiskTag)), (t.A, (t.IRI, t.OA_ANNOTATION)),
        (t.OA_MOTIVATED_BY, (t.IRI, t.OA_CLASSIFYING)), (t.OA_BODY, (t.IRI, key[1])), (t.OA_TARGET, (t.IRI, where)),
        (t.R2P_confidence, (t.TYPED, confidence, t.XSD_DECIMAL)), (t.R2P_method, (t.STR, method)),
        (t.PROV_ATTRIBUTED, (t.IRI, software)), (t.PROV_DERIVED, (t.IRI, where)), (t.PROV_GENERATED_BY, (t.IRI, run)),
    ]
