"""Turn the lower packages' frozen dataclasses into JSON-ready values."""

from __future__ import annotations

import dataclasses
from enum import Enum
from typing import Any


def jsonable(value: Any) -> Any:
    """Dataclasses to dicts, tuples to lists, enums to their values, recursively."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [jsonable(v) for v in value]
    if isinstance(value, Enum):
        return value.value
    if hasattr(value, "tolist"):  # numpy scalars and arrays
        return value.tolist()
    return value
