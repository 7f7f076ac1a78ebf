"""Reading the curated vocabularies shipped in ``ontology/vocab/``."""

from __future__ import annotations

import csv
from pathlib import Path

import ontology

from .errors import LinkError

VOCAB_DIR = Path(ontology.__file__).resolve().parent / "vocab"


def read_vocab(name: str, *, required: tuple[str, ...]) -> list[dict[str, str]]:
    """The rows of ``ontology/vocab/<name>``; raises :class:`LinkError` naming the file when unusable."""
    path = VOCAB_DIR / name
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = [c for c in required if c not in (reader.fieldnames or ())]
            if missing:
                raise LinkError(f"{path}: missing column(s) {', '.join(missing)}")
            rows = [{k: (v or "").strip() for k, v in row.items() if k} for row in reader]
    except OSError as exc:
        raise LinkError(f"{path}: cannot read vocabulary ({exc.strerror})") from exc
    except (csv.Error, UnicodeDecodeError) as exc:
        raise LinkError(f"{path}: malformed CSV ({exc})") from exc
    for number, row in enumerate(rows, start=2):
        empty = [c for c in required[:2] if not row.get(c)]
        if empty:
            raise LinkError(f"{path}: line {number} has no {', '.join(empty)}")
    return rows


def split_aliases(value: str) -> list[str]:
    """``"a|b|c"`` → ``["a", "b", "c"]`` (blank entries dropped)."""
    return [part.strip() for part in value.split("|") if part.strip()]
