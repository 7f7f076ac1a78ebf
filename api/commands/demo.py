"""`r2p demo --out DIR`: write the project's own demo documents (fictional samples) as PDFs."""

from __future__ import annotations

from pathlib import Path

from api.settings import Settings


def run(settings: Settings, *, out: Path) -> int:
    """Write the demo PDFs into ``out`` and list them; the same bytes on every run."""
    from ingest.demo import write_demo

    for path in write_demo(Path(out)):
        print(path)
    return 0
