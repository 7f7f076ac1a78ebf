"""Streaming RDF writers: N-Triples, Turtle, JSON-LD and RDF/XML, one subject block at a time.

Each writer turns a list of subject blocks (``(subject_iri, [(predicate_iri, object)])``, objects as in
``graph.rdf.terms``) into text; the export writes that text per document, so memory stays flat. No
blank nodes are ever written, so every output is byte-stable for the same blocks.

N-Triples follows the canonical form of RDF 1.2 N-Triples: ``\\"``, ``\\\\``, ``\\n``, ``\\r``, ``\\t``,
``\\b``, ``\\f`` as escapes, other control characters as ``\\uXXXX``, everything else as is (UTF-8).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from json.encoder import encode_basestring  # the C-accelerated JSON string quoter
from operator import itemgetter
from typing import Any

from graph.rdf import iris
from graph.rdf import terms as t

Block = tuple[str, list[t.Prop]]

_NT_ESCAPE = re.compile('[\\\\"\x00-\x1f\x7f]')
_NT_TABLE = {i: f"\\u{i:04X}" for i in [*range(0x20), 0x7F]}
_NT_TABLE.update({0x22: '\\"', 0x5C: "\\\\", 0x0A: "\\n", 0x0D: "\\r", 0x09: "\\t", 0x08: "\\b", 0x0C: "\\f"})
_LOCAL = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")
_OPEN, _CLOSE = "\ue000", "\ue001"  # around a value's index: its placeholder in a template
_PLAIN = object()  # a shape rendered without a template
_utf8 = str.encode


def _changing(extra: bytes) -> bytes:
    """A ``bytes.translate`` table that changes the control bytes, DEL and ``extra``, and keeps the rest."""
    changed = set(range(0x20)) | {0x7F} | set(extra)
    return bytes((i + 1) % 256 if i in changed else i for i in range(256))


def _split_marks(text: str) -> tuple[list[str], list[int]]:
    """The texts between the placeholders of a rendered template, and the placeholders' value indexes."""
    pieces = text.replace(_CLOSE, _OPEN).split(_OPEN)  # text, index, text, index, …, text
    return pieces[0::2], list(map(int, pieces[1::2]))


def _getter(indices: list[int] | tuple[int, ...]) -> Callable[[list[str]], tuple[str, ...]]:
    """``itemgetter(*indices)``, returning a tuple even for one index."""
    if len(indices) == 1:
        i = indices[0]
        return lambda values: (values[i],)
    return itemgetter(*indices)


def nt_escape(text: str) -> str:
    """A string's body in an N-Triples or Turtle ``"…"`` literal."""
    return text.translate(_NT_TABLE) if _needs_escape(text) else text


def _needs_escape(text: str) -> bool:
    """Whether a literal holds a quote, a backslash or a control character (fast C checks first)."""
    return '"' in text or "\\" in text or (not text.isprintable() and _NT_ESCAPE.search(text) is not None)


def _xml_text(text: str) -> str:
    if "&" in text or "<" in text or ">" in text or "\r" in text:
        text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")
    return text


_XML_ATTR_SPECIAL = re.compile('[&<"\t\n\r]')
_XML_ATTR_SPECIAL_BYTES = re.compile(b'[&<"\t\n\r]')


def _xml_attr(text: str) -> str:
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")
            .replace("\t", "&#9;").replace("\n", "&#10;").replace("\r", "&#13;"))


class Writer:
    """Base of the writers: prefix handling and the triple count."""

    media_type = "application/octet-stream"

    def __init__(self, *, base: str, prefixes: dict[str, str]) -> None:
        self.base = base
        self.prefixes = prefixes
        self.triples = 0
        self._namespaces = sorted(((ns, p) for p, ns in prefixes.items()), key=lambda x: -len(x[0]))
        self._curies: dict[str, str | None] = {}
        self._ns_tuple = tuple(prefixes.values())
        self._templates: dict[tuple, Any] = {}
        self._safe: bool | None = None  # whether templates may be used (see _templates_safe)

    def curie(self, iri: str) -> str | None:
        """``prefix:local`` for an IRI in a known namespace with a plain local name, else None (cached)."""
        if iri in self._curies:
            return self._curies[iri]
        found = None
        if iri.startswith(self._ns_tuple):
            for ns, prefix in self._namespaces:
                if iri.startswith(ns) and _LOCAL.match(iri[len(ns):]):
                    found = f"{prefix}:{iri[len(ns):]}"
                    break
            if found is not None:
                self._curies[iri] = found
        return found

    def header(self) -> str:
        return ""

    def footer(self) -> str:
        return ""

    def render(self, blocks: Iterable[Block | t.Shaped]) -> str:
        """Text of the blocks, in order; shaped blocks are filled into their shape's template."""
        blocks = list(blocks)
        if not any(block.__class__ is t.Shaped for block in blocks):
            return self.render_plain(blocks)  # type: ignore[arg-type]
        return self.render_bytes(blocks).decode("utf-8")

    def render_bytes(self, blocks: Iterable[Block | t.Shaped]) -> bytes:
        """The blocks as UTF-8, in order. Templates are kept encoded, so only the values are encoded:
        an IRI repeated on every line of a block is encoded once, not once per line."""
        out: list[bytes] = []
        plain: list[Block] = []
        for block in blocks:
            if block.__class__ is not t.Shaped:
                plain.append(block)  # type: ignore[arg-type]
                continue
            if plain:
                out.append(self.render_plain(plain).encode("utf-8"))
                plain = []
            self._run(block, out)  # type: ignore[arg-type]
        if plain:
            out.append(self.render_plain(plain).encode("utf-8"))
        return b"".join(out)

    def _run(self, run: t.Shaped, out: list[bytes]) -> None:
        """Append a run of shaped blocks to ``out``, each filled into its shape's template.

        A block costs one template lookup, one encoding of its values, one check of all its literals'
        bytes at once (``_special``: the common text holds nothing to escape or clean in any format) and
        one fill of the template's slots; only a block whose literals hold such a byte (or a lone
        surrogate) goes through :meth:`_fill`, literal by literal.
        """
        build, add, extend, templates = run.build, out.append, out.extend, self._templates
        special, nodes_fill, encode, join = self._special, self._fill_nodes, _utf8, b"".join
        triples = 0
        for key, values in run.items:  # values are rewritten in place: a block is rendered once
            template = templates.get(key)
            if template is None:
                template = templates[key] = self._compile(build, key, len(values))
            if template is _PLAIN:
                add(self.render_plain([t.plain_block(build, key, values)]).encode("utf-8"))
                continue
            parts, pick, literals, text_of, nodes, n = template
            try:
                encoded = list(map(encode, values))
            except UnicodeEncodeError:  # a lone surrogate, which _fill cleans away
                encoded = None
            if encoded is None or (text_of is not None and (text := join(text_of(encoded))).translate(special) != text):
                self._fill(values, literals)
                encoded = list(map(encode, values))
            if nodes_fill is not None:
                encoded = nodes_fill(encoded, nodes)
            slot = len(out) + 1
            extend(parts)  # text, slot, text, …, text: the template, then its slots filled in place
            out[slot::2] = pick(encoded)
            triples += n
        self.triples += triples

    def render_plain(self, blocks: Iterable[Block]) -> str:
        raise NotImplementedError

    # bytes.translate table changing every byte of a literal that may need escaping or cleaning: here
    # control characters, DEL, '"', '\\', and 0xEF, which leads U+FFFE and U+FFFF (removed by clean)
    _special = _changing(b'"\\\xef')
    # what a format does to a block's encoded IRIs (nodes: their indexes and a getter of them), if anything
    _fill_nodes: Callable[[list[bytes], Any], list[bytes]] | None = None

    def _fill(self, values: list[str], literals: tuple[int, ...]) -> None:
        """Write a shaped block's literals as the format needs them, in place: cleaned and escaped."""
        for i in literals:
            v = values[i]
            if v.isprintable():
                if '"' in v or "\\" in v:
                    values[i] = v.translate(_NT_TABLE)
            else:
                values[i] = nt_escape(t.clean(v))

    def _compile(self, build: t.Build, key: tuple, size: int) -> Any:
        """The template of a shape: the block rendered with placeholder values, split at them.

        Which values are IRIs and which are literals' texts is read from where the placeholders land.
        """
        if self._safe is None:
            self._safe = self._templates_safe()
        if not self._safe:
            return _PLAIN
        marks = {f"{_OPEN}{i}{_CLOSE}": i for i in range(size)}
        subject, props = build(key, list(marks))
        saved = self._save()
        text = self.render_plain([(subject, props)])
        self._restore(saved)
        texts, order = _split_marks(text)
        parts: list[Any] = [None] * (2 * len(texts) - 1)  # text, slot, text, …: the slots are filled per block
        parts[0::2] = [x.encode("utf-8") for x in texts]
        literals = tuple(sorted({marks[o[1]] for _, o in props if o[0] != t.IRI and o[1] in marks}))
        nodes = tuple(i for i in marks.values() if i not in literals)
        return (parts, _getter(order), literals, _getter(literals) if literals else None, (nodes, _getter(nodes)),
                len(props))

    def _templates_safe(self) -> bool:
        """Whether an IRI under the base is always written as the same text around its relative part."""
        return True

    def _save(self) -> tuple:
        return (self.triples,)

    def _restore(self, saved: tuple) -> None:
        self.triples = saved[0]


class NTriplesWriter(Writer):
    media_type = "application/n-triples"

    def render_plain(self, blocks: Iterable[Block]) -> str:
        out: list[str] = []
        add = out.append
        needs, table = _needs_escape, _NT_TABLE
        for subject, props in blocks:
            s = "<" + subject + "> <"
            for p, o in props:
                kind = o[0]
                if kind == 0:
                    add(f"{s}{p}> <{o[1]}> .\n")
                    continue
                v = o[1]
                if needs(v):
                    v = v.translate(table)
                if kind == 1:
                    add(f'{s}{p}> "{v}" .\n')
                elif kind == 2:
                    add(f'{s}{p}> "{v}"@{o[2]} .\n')
                else:
                    add(f'{s}{p}> "{v}"^^<{o[2]}> .\n')
            self.triples += len(props)
        return "".join(out)


class TurtleWriter(Writer):
    media_type = "text/turtle"

    def __init__(self, *, base: str, prefixes: dict[str, str]) -> None:
        super().__init__(base=base, prefixes=prefixes)
        self._cut = len(base.encode("utf-8"))
        self._predicates: dict[str, str] = {}

    def header(self) -> str:
        lines = [f"@base <{self.base}> .\n"]
        lines += [f"@prefix {p}: <{ns}> .\n" for p, ns in sorted(self.prefixes.items())]
        return "".join(lines) + "\n"

    def _templates_safe(self) -> bool:
        """No IRI a shaped block holds (all under the base's ``iris.ROOTS``) may fall in a prefix's namespace."""
        for ns in self._ns_tuple:
            rest = ns[len(self.base):] if ns.startswith(self.base) else None
            if rest is not None and any(r.startswith(rest) or rest.startswith(r) for r in iris.ROOTS):
                return False
        return True

    def _fill_nodes(self, encoded: list[bytes], nodes: Any) -> list[bytes]:  # type: ignore[override]
        cut = self._cut
        for i in nodes[0]:  # shaped blocks' IRIs are all under the base: written relative to it
            encoded[i] = encoded[i][cut:]
        return encoded

    def _iri(self, iri: str) -> str:
        """``prefix:local``, a relative ``<…>`` under the base, or a full ``<…>``; vocabulary terms cached."""
        curie = self.curie(iri)
        if curie is not None:
            return curie
        if iri.startswith(self.base):
            return "<" + iri[len(self.base):] + ">"
        return "<" + iri + ">"

    def render_plain(self, blocks: Iterable[Block]) -> str:
        """Subject blocks; a predicate repeated in a row is written once with ``,`` between its objects."""
        out: list[str] = []
        add = out.append
        curies, iri_of, needs, table = self._curies, self._iri, _needs_escape, _NT_TABLE
        base, cut, vocab = self.base, len(self.base), self._ns_tuple
        predicates = self._predicates
        for subject, props in blocks:
            parts: list[str] = [iri_of(subject)]
            last = None
            for p, o in props:
                kind, v = o[0], o[1]
                if kind == 0:
                    r = curies.get(v)
                    if r is None:
                        r = "<" + v[cut:] + ">" if v.startswith(base) and not v.startswith(vocab) else iri_of(v)
                else:
                    if needs(v):
                        v = v.translate(table)
                    if kind == 1:
                        r = '"' + v + '"'
                    elif kind == 2:
                        r = '"' + v + '"@' + o[2]
                    else:
                        r = '"' + v + '"^^' + (curies.get(o[2]) or iri_of(o[2]))
                if p == last:
                    parts.append(", " + r)
                else:
                    name = predicates.get(p)
                    if name is None:
                        name = predicates[p] = "a" if p == t.A else iri_of(p)
                    parts.append((" " if last is None else " ;\n    ") + name + " " + r)
                    last = p
            parts.append(" .\n\n")
            add("".join(parts))
            self.triples += len(props)
        return "".join(out)


class JsonLdWriter(Writer):
    """One JSON-LD document, ``{"@context": …, "@graph": [ … ]}``, its nodes written one by one.

    IRIs are written without JSON escaping: the export's IRIs never hold ``"``, ``\\`` or control
    characters (they are percent-encoded or checked).
    """

    media_type = "application/ld+json"

    def __init__(self, *, base: str, prefixes: dict[str, str]) -> None:
        super().__init__(base=base, prefixes=prefixes)
        self._first = True
        self._keys: dict[str, str] = {}

    def header(self) -> str:
        context = ",\n    ".join(f"{encode_basestring(p)}: {encode_basestring(ns)}"
                                 for p, ns in sorted(self.prefixes.items()))
        return '{\n  "@context": {\n    ' + context + '\n  },\n  "@graph": [\n'

    def footer(self) -> str:
        return "\n  ]\n}\n"

    def _fill(self, values: list[str], literals: tuple[int, ...]) -> None:
        for i in literals:
            v = values[i]
            values[i] = encode_basestring(v if v.isprintable() else t.clean(v))[1:-1]

    def _save(self) -> tuple:
        saved = (self.triples, self._first)
        self._first = False  # templates hold the separator written before every node but the first
        return saved

    def _restore(self, saved: tuple) -> None:
        self.triples, self._first = saved

    def render_bytes(self, blocks: Iterable[Block | t.Shaped]) -> bytes:
        if not self._first:
            return super().render_bytes(blocks)
        out, blocks = [], iter(blocks)
        for block in blocks:  # up to the first node of the graph, written without the separator before it
            text = super().render_bytes([block])
            if text and self._first:  # from a template, which starts with the separator ",\n"
                self._first = False
                text = text[2:]
            out.append(text)
            if not self._first:
                out.append(super().render_bytes(blocks))
                break
        return b"".join(out)

    def _key(self, iri: str) -> str:
        """The quoted JSON key (or type) for a term: its CURIE when it has one (cached)."""
        key = self._keys.get(iri)
        if key is None:
            key = self._keys[iri] = encode_basestring(self.curie(iri) or iri)
        return key

    def render_plain(self, blocks: Iterable[Block]) -> str:
        out: list[str] = []
        add = out.append
        keys, key_of, quote = self._keys, self._key, encode_basestring
        for subject, props in blocks:
            types: list[str] = []
            grouped: dict[str, list[str]] = {}
            for p, o in props:
                kind = o[0]
                if p == t.A:
                    types.append(keys.get(o[1]) or key_of(o[1]))
                    continue
                if kind == 0:
                    r = '{"@id": "' + o[1] + '"}'
                elif kind == 1:
                    r = '{"@value": ' + quote(o[1]) + "}"
                elif kind == 2:
                    r = '{"@value": ' + quote(o[1]) + ', "@language": "' + o[2] + '"}'
                else:
                    r = '{"@value": ' + quote(o[1]) + ', "@type": ' + (keys.get(o[2]) or key_of(o[2])) + "}"
                objs = grouped.get(p)
                if objs is None:
                    grouped[p] = [r]
                else:
                    objs.append(r)
            fields = ['"@id": "' + subject + '"']
            if types:
                fields.append('"@type": [' + ", ".join(types) + "]")
            fields += [(keys.get(p) or key_of(p)) + ": [" + ", ".join(objs) + "]" for p, objs in grouped.items()]
            add(("    {" if self._first else ",\n    {") + ", ".join(fields) + "}")
            self._first = False
            self.triples += len(props)
        return "".join(out)


class RdfXmlWriter(Writer):
    media_type = "application/rdf+xml"

    def header(self) -> str:
        ns = "".join(f'\n   xmlns:{p}="{_xml_attr(n)}"' for p, n in sorted(self.prefixes.items()))
        return f'<?xml version="1.0" encoding="utf-8"?>\n<rdf:RDF{ns}>\n'

    def footer(self) -> str:
        return "</rdf:RDF>\n"

    _special = _changing(b"&<>\xef")

    def _fill(self, values: list[str], literals: tuple[int, ...]) -> None:
        for i in literals:
            v = values[i]
            if not v.isprintable():
                v = values[i] = t.clean(v)
            if "&" in v or "<" in v or ">" in v or "\r" in v:
                values[i] = _xml_text(v)

    def _fill_nodes(self, encoded: list[bytes], nodes: Any) -> list[bytes]:  # type: ignore[override]
        indexes, of = nodes
        if _XML_ATTR_SPECIAL_BYTES.search(b" ".join(of(encoded))):  # one check for all the IRIs
            for i in indexes:
                encoded[i] = _xml_attr(encoded[i].decode("utf-8")).encode("utf-8")
        return encoded

    def __init__(self, *, base: str, prefixes: dict[str, str]) -> None:
        super().__init__(base=base, prefixes=prefixes)
        self._elements: dict[str, str] = {}  # predicate IRI -> qualified name
        self._datatypes: dict[str, str] = {}  # datatype IRI -> as an attribute value
        if not _XML_ATTR_SPECIAL.search(base):
            self._fill_nodes = None  # type: ignore[assignment]  # minted IRIs add nothing to escape (graph.rdf.iris)

    def _element(self, iri: str) -> str:
        name = self.curie(iri)
        if name is None:
            raise ValueError(f"predicate {iri} has no XML qualified name")
        return name

    def render_plain(self, blocks: Iterable[Block]) -> str:
        out: list[str] = []
        add = out.append
        special, elements, element_of = _XML_ATTR_SPECIAL.search, self._elements, self._element
        datatypes = self._datatypes
        for subject, props in blocks:
            add('<rdf:Description rdf:about="' + (_xml_attr(subject) if special(subject) else subject) + '">\n')
            for p, o in props:
                el = elements.get(p)
                if el is None:
                    el = elements[p] = element_of(p)
                kind, v = o[0], o[1]
                if kind == 0:  # the `in` checks cost less than a regular expression over the IRI
                    if '"' in v or "&" in v or "<" in v or "\n" in v or "\t" in v or "\r" in v:
                        v = _xml_attr(v)
                    add("  <" + el + ' rdf:resource="' + v + '"/>\n')
                    continue
                if "&" in v or "<" in v or ">" in v or "\r" in v:
                    v = _xml_text(v)
                if kind == 1:
                    add("  <" + el + ">" + v + "</" + el + ">\n")
                elif kind == 2:
                    add(f'  <{el} xml:lang="{o[2]}">{v}</{el}>\n')
                else:
                    datatype = datatypes.get(o[2])
                    if datatype is None:
                        datatype = datatypes[o[2]] = _xml_attr(o[2])
                    add(f'  <{el} rdf:datatype="{datatype}">{v}</{el}>\n')
            add("</rdf:Description>\n")
            self.triples += len(props)
        return "".join(out)


WRITERS: dict[str, type[Writer]] = {
    "nt": NTriplesWriter, "ntriples": NTriplesWriter, "turtle": TurtleWriter, "ttl": TurtleWriter,
    "jsonld": JsonLdWriter, "json-ld": JsonLdWriter, "xml": RdfXmlWriter, "rdfxml": RdfXmlWriter,
}
