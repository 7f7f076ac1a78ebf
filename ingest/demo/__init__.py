"""The project's own demo corpus: fictional UN-style documents rendered as PDFs.

Every page of every file says "FICTIONAL SAMPLE - not a United Nations document". The texts were
written for this project (see :mod:`ingest.demo.texts`); the States and the situation are invented.
"""

from __future__ import annotations

from pathlib import Path

from ingest.demo.model import FICTIONAL_MARK, Block, BlockKind, DemoDocument, Expected
from ingest.demo.texts.report import REPORT
from ingest.demo.texts.resolution import RESOLUTION
from ingest.demo.texts.special import SPECIAL
from ingest.demo.texts.upr import UPR, UPR_ADDENDUM

__all__ = ["DOCUMENTS", "FICTIONAL_MARK", "Block", "BlockKind", "DemoDocument", "Expected", "write_demo"]

DOCUMENTS: tuple[DemoDocument, ...] = (REPORT, RESOLUTION, SPECIAL, UPR, UPR_ADDENDUM)


def write_demo(out: Path) -> list[Path]:
    """Write the demo PDFs into ``out``; files already holding the same bytes are left untouched."""
    from ingest.demo.writer import write

    return [write(doc, out) for doc in DOCUMENTS]
