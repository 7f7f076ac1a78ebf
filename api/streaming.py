"""Stream what a writer function writes to a binary file, as an iterator of chunks.

The writer runs in a worker thread and hands chunks over through a bounded queue, so memory stays
flat and a client that goes away stops the writer at its next write."""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterator
from typing import Any

_DONE = object()
_TIMEOUT = 30.0


class _Abandoned(Exception):
    """The reader stopped taking chunks."""


class _QueueFile:
    def __init__(self, q: queue.Queue[Any], stop: threading.Event) -> None:
        self._q, self._stop = q, stop

    def write(self, data: bytes) -> int:
        while not self._stop.is_set():
            try:
                self._q.put(bytes(data), timeout=1.0)
                return len(data)
            except queue.Full:
                continue
        raise _Abandoned

    def flush(self) -> None:
        return None


def stream_writes(write: Callable[[Any], Any], *, depth: int = 64) -> Iterator[bytes]:
    """Run ``write(file)`` in a thread and yield what it writes; its exception is re-raised here."""
    q: queue.Queue[Any] = queue.Queue(maxsize=depth)
    stop = threading.Event()
    failure: list[BaseException] = []

    def work() -> None:
        try:
            write(_QueueFile(q, stop))
        except _Abandoned:
            return
        except BaseException as exc:  # noqa: BLE001 -- handed to the reader, re-raised there
            failure.append(exc)
        finally:
            while not stop.is_set():
                try:
                    q.put(_DONE, timeout=1.0)
                    break
                except queue.Full:
                    continue

    threading.Thread(target=work, daemon=True, name="r2p-stream").start()
    try:
        while True:
            item = q.get(timeout=_TIMEOUT * 10)
            if item is _DONE:
                break
            yield item
        if failure:
            raise failure[0]
    finally:
        stop.set()
