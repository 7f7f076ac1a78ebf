"""One store object shared by threads (as in the server): reads run beside a writer and stay consistent."""

from __future__ import annotations

import threading
from pathlib import Path

from graph.kuzu_store import KuzuGraphStore
from tests.contract.samples import sc_resolution, upr_report, with_symbol


def test_readers_in_threads_see_whole_documents_while_one_writes(tmp_path: Path) -> None:
    with KuzuGraphStore(tmp_path / "store") as store:
        store.put_document(*upr_report())
        errors: list[str] = []
        stop = threading.Event()

        def read() -> None:
            while not stop.is_set():
                counts = {len(store.get_document(d.symbol).document.paragraphs) for d in store.list_documents()}
                if counts - {4}:
                    errors.append(f"partial document seen: {counts}")

        readers = [threading.Thread(target=read) for _ in range(2)]
        for t in readers:
            t.start()
        for n in range(4):
            store.put_document(*with_symbol(*sc_resolution(), f"S/RES/{3000 + n} (2020)"))
        stop.set()
        for t in readers:
            t.join(timeout=60)
        assert errors == []
        assert store.stats()["documents"] == 5
