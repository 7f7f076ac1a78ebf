"""The store as the app shares it between request threads.

The embedded store opens one connection per thread on that thread's first call, and opening one
runs a write transaction (loading extensions) that fails when another runs at the same moment —
another thread's first call, or an upload being written. So each thread's first call, and every
write through the app, happen under one lock; once a thread holds its connection, its reads run
freely in parallel.
"""

from __future__ import annotations

import threading
from typing import Any


class SharedStore:
    """Wraps a `GraphStore`; attribute access is passed through to it."""

    def __init__(self, store: Any, lock: threading.RLock) -> None:
        self._store = store
        self._lock = lock
        self._local = threading.local()

    @property
    def wrapped(self) -> Any:
        return self._store

    def _ready_thread(self) -> None:
        if getattr(self._local, "ready", False):
            return
        with self._lock:
            self._store.list_documents(offset=0, limit=1)  # opens this thread's connection
        self._local.ready = True

    def __getattr__(self, name: str) -> Any:
        attr = getattr(self._store, name)
        if not callable(attr) or name == "close":
            return attr

        def call(*args: Any, **kwargs: Any) -> Any:
            self._ready_thread()
            return attr(*args, **kwargs)

        call.__name__ = name
        call.__doc__ = attr.__doc__
        return call
