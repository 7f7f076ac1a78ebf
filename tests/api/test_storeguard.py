"""The app's shared store: many request threads' first calls at once, beside a write."""

from __future__ import annotations

import threading
from pathlib import Path

from api.storeguard import SharedStore
from graph.kuzu_store import KuzuGraphStore
from tests.contract.samples import sc_resolution, upr_report


def test_first_reads_of_many_threads_beside_a_write(tmp_path: Path) -> None:
    lock = threading.RLock()
    with KuzuGraphStore(tmp_path / "store") as raw:
        raw.put_document(*upr_report())
        shared = SharedStore(raw, lock)
        start = threading.Barrier(9)
        found: list[int] = []
        errors: list[str] = []

        def read() -> None:
            start.wait()
            try:
                found.append(len(shared.list_documents()))
            except Exception as exc:  # noqa: BLE001  # reported below
                errors.append(repr(exc))

        threads = [threading.Thread(target=read) for _ in range(8)]
        for t in threads:
            t.start()
        start.wait()
        shared.put_document(*sc_resolution())
        for t in threads:
            t.join(timeout=60)
        assert errors == []
        assert len(found) == 8 and set(found) <= {1, 2}
        assert shared.stats()["documents"] == 2
