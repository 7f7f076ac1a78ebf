"""``r2p parse FILE...``: one JSON object per readable file (JSON Lines) on stdout; a one-line error
naming each unreadable file on stderr. The batch goes on; the exit status is 1 when a file failed."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from ingest.errors import ParseError
from ingest.pipeline import parse


def run(settings: Any, *, files: list[Path]) -> int:
    """Parse each file in turn and print it; answer 0 when all were read, 1 otherwise."""
    failed = 0
    for file in files:
        try:
            document = parse(file)
        except ParseError as exc:
            print(f"r2p: error: {exc.message}", file=sys.stderr, flush=True)
            failed += 1
            continue
        except Exception as exc:  # noqa: BLE001 - one bad file must not stop the batch
            print(f"r2p: error: {file}: unexpected {type(exc).__name__}: {exc}", file=sys.stderr, flush=True)
            failed += 1
            continue
        sys.stdout.write(json.dumps(document.to_json(), ensure_ascii=False) + "\n")
        sys.stdout.flush()
    return 1 if failed else 0
