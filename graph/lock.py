"""The single-writer lock of an embedded store: a lock file held with ``fcntl.flock``.

The writer holds an exclusive lock for as long as its store is open and writes its process id
into the file; readers take a shared lock. A second writer (or a reader while a writer holds the
store) fails at once with :class:`StoreLockedError` naming the process that holds it. The
operating system drops the lock when the holder exits, even on SIGKILL, so no stale lock remains.
"""

from __future__ import annotations

import fcntl
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from graph.errors import StoreError, StoreLockedError

LOCK_NAME = "graph.lock"


class StoreLock:
    """An acquired lock on a store directory; :meth:`release` (or process exit) frees it."""

    def __init__(self, directory: Path, *, exclusive: bool) -> None:
        self.path = directory / LOCK_NAME
        self.exclusive = exclusive
        try:
            self._fd: int | None = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise StoreError(f"cannot open the lock file {self.path}: {exc.strerror}") from exc
        mode = fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH
        try:
            fcntl.flock(self._fd, mode | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _read_holder(self._fd)
            os.close(self._fd)
            self._fd = None
            raise StoreLockedError(_locked_message(directory, holder, exclusive), detail={"pid": holder}) from None
        if exclusive:
            os.ftruncate(self._fd, 0)
            os.pwrite(self._fd, str(os.getpid()).encode(), 0)

    def release(self) -> None:
        """Free the lock (idempotent)."""
        if self._fd is not None:
            if self.exclusive:
                os.ftruncate(self._fd, 0)
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None


def _read_holder(fd: int) -> int | None:
    raw = os.pread(fd, 32, 0).decode(errors="replace").strip()
    return int(raw) if raw.isdigit() else None


def _locked_message(directory: Path, pid: int | None, exclusive: bool) -> str:
    who = f"process {pid}" if pid else "another process"
    if exclusive:
        return (
            f"store {directory} is in use by {who} (r2p serve?); ingest through the server: "
            f"POST /api/documents, or stop it"
        )
    return f"store {directory} is being written by {who} (r2p serve?); read through the server, or stop it"


class ReadGate:
    """Readers share, a committer excludes: Kùzu checkpoints at COMMIT and waits for every open read.

    Reads of other threads hold the gate shared for the time of one query; the writer takes it
    exclusively for its COMMIT only (new readers wait meanwhile, so the checkpoint never times out).
    """

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._readers = 0
        self._writing = False

    @contextmanager
    def shared(self) -> Iterator[None]:
        with self._cond:
            self._cond.wait_for(lambda: not self._writing)
            self._readers += 1
        try:
            yield
        finally:
            with self._cond:
                self._readers -= 1
                self._cond.notify_all()

    @contextmanager
    def exclusive(self) -> Iterator[None]:
        with self._cond:
            self._cond.wait_for(lambda: not self._writing)
            self._writing = True
            self._cond.wait_for(lambda: self._readers == 0)
        try:
            yield
        finally:
            with self._cond:
                self._writing = False
                self._cond.notify_all()
