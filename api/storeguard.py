"""The store as the app shares it between request threads.

The stores are safe to share: the embedded store opens each thread's connection under its own
lock and serialises its writes; reads run freely in parallel. Writes through the app (uploads,
deletions) still take the app's write lock, so a check-then-write across several store calls
(the file-hash lookup before an upload is stored) is never interleaved with another write.
"""

from __future__ import annotations

import threading
from typing import Any

WRITES = frozenset({"put_document", "put_documents", "remove_document"})


class SharedStore:
    """Wraps a `GraphStore`: writes under the app's write lock, everything else passed through."""

    def __init__(self, store: Any, lock: threading.RLock) -> None:
        self._store = store
        self._lock = lock

    @property
    def wrapped(self) -> Any:
        return self._store

    def __getattr__(self, name: str) -> Any:
        attr = getattr(self._store, name)
        if name not in WRITES:
            return attr

        def write(*args: Any, **kwargs: Any) -> Any:
            with self._lock:
                return attr(*args, **kwargs)

        write.__name__ = name
        write.__doc__ = attr.__doc__
        return write
