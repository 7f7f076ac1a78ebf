"""Rebuild the frozen model types from their JSON form (``ParsedDocument.to_json()`` and
``DocumentFacts.to_json()``), so a stored document comes back exactly as it was put.

Driven by the dataclasses' own type hints: nested dataclasses, ``tuple[X, ...]``, ``X | None``
and ``StrEnum`` fields are rebuilt; unknown keys (written by a newer version) are ignored.
"""

from __future__ import annotations

import json
import types
import typing
from dataclasses import fields, is_dataclass
from enum import Enum
from functools import cache
from typing import Any, TypeVar

from ontology.model import DocumentFacts, ParsedDocument

T = TypeVar("T")


def dumps(value: ParsedDocument | DocumentFacts) -> str:
    """Compact, key-sorted JSON of a model object."""
    return json.dumps(value.to_json(), ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def document_from_json(text: str) -> ParsedDocument:
    """The :class:`ParsedDocument` that :func:`dumps` wrote."""
    return build(ParsedDocument, json.loads(text))


def facts_from_json(text: str) -> DocumentFacts:
    """The :class:`DocumentFacts` that :func:`dumps` wrote."""
    return build(DocumentFacts, json.loads(text))


def build(cls: type[T], data: dict[str, Any]) -> T:
    """An instance of the dataclass ``cls`` from a JSON object."""
    hints = _hints(cls)
    names = {f.name for f in fields(cls)}  # type: ignore[arg-type]
    kwargs = {k: _convert(hints[k], v) for k, v in data.items() if k in names}
    return cls(**kwargs)


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _convert(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(hint)
    if origin in (types.UnionType, typing.Union):
        options = [a for a in typing.get_args(hint) if a is not type(None)]
        return _convert(options[0], value) if len(options) == 1 else value
    if origin is tuple:
        (item, *_rest) = typing.get_args(hint)
        return tuple(_convert(item, v) for v in value)
    if isinstance(hint, type) and is_dataclass(hint):
        return build(hint, value)
    if isinstance(hint, type) and issubclass(hint, Enum):
        return hint(value)
    if hint is float and isinstance(value, int):
        return float(value)
    return value
