"""Compaction of the embedded store: its database rewritten into a fresh file, the same graph in less space.

Kùzu 0.11 does not give back the pages a write frees (it has no VACUUM), and every write transaction that
replaces or removes documents leaves pages behind in proportion to the size of the store: measured on 30 UPR
reports (5,740 paragraphs, 139 MB), replacing each report in its own transaction grew the file to 848 MB, and
replacing all 30 in two batches to 181 MB. Compaction exports the database (``EXPORT DATABASE``, Parquet),
imports it into a new database beside it, checks that every table holds as many rows and every index is
there again, and only then puts the new file in place of the old one, under the store's writer lock. Until
that last step the stored database is not touched: any failure leaves it as it was.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import kuzu

from graph import kuzu_queries as q
from graph.errors import StoreError
from graph.kuzu_read import rows, stats

if TYPE_CHECKING:
    from graph.kuzu_store import KuzuGraphStore


@dataclass(frozen=True, slots=True)
class CompactReport:
    bytes_before: int
    bytes_after: int
    seconds: float
    counts: dict[str, int]  # what the store holds (``GraphStore.stats``), the same before and after


def database_bytes(path: Path) -> int:
    """Size of the database files of the store directory ``path`` (the lock file left out)."""
    from graph.kuzu_store import DB_NAME

    return sum(f.stat().st_size for f in path.iterdir() if f.is_file() and f.name.startswith(DB_NAME))


def compact(store: KuzuGraphStore) -> CompactReport:
    """Rewrite the open, writable ``store`` into a fresh database file (see the module's account)."""
    from graph.kuzu_store import DB_NAME

    if store.read_only:
        raise StoreError(f"the store {store.path} is open read-only; compaction writes it")
    if "'" in str(store.path):
        raise StoreError(f"cannot compact the store {store.path}: its path holds a quote mark")
    started = time.perf_counter()
    before_bytes = database_bytes(store.path)
    conn = store._conn
    counts = stats(conn)
    indexes = {r[0] for r in rows(conn, q.SHOW_INDEXES)}
    work = Path(tempfile.mkdtemp(prefix=".compact-", dir=store.path))
    try:
        export = work / "export"
        conn.execute(f"EXPORT DATABASE '{export}' (format='parquet')")
        fresh = work / DB_NAME
        db = kuzu.Database(str(fresh), buffer_pool_size=store.buffer_pool_mb * 1024 * 1024)
        try:
            new = store._connect_to(db)
            new.execute(f"IMPORT DATABASE '{export}'")
            got, got_indexes = stats(new), {r[0] for r in rows(new, q.SHOW_INDEXES)}
            new.close()
        finally:
            db.close()
        if got != counts or got_indexes != indexes:
            differs = sorted(k for k in counts if got.get(k) != counts[k]) or sorted(indexes ^ got_indexes)
            raise StoreError(f"compaction of {store.path} stopped: the rewritten database differs in "
                             f"{', '.join(differs)}; the store is left as it was")
        store._replace_database(fresh, aside=work / "replaced.kuzu")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return CompactReport(before_bytes, database_bytes(store.path), time.perf_counter() - started, counts)


def swap_files(current: Path, fresh: Path, aside: Path) -> None:
    """Put ``fresh`` in place of ``current`` (both closed), ``current`` moved to ``aside``; each step is an
    atomic rename on one file system, and a failed second step puts ``current`` back."""
    os.replace(current, aside)
    try:
        os.replace(fresh, current)
    except OSError:
        os.replace(aside, current)
        raise
