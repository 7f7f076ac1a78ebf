"""``r2p serve``: the web UI and HTTP API with uvicorn, holding the store open for writing.

The server runs in a child process watched by this one. The embedded store cannot roll back a write
that fails during its bulk load, so such a write ends the server process at once with status 75
(``graph.kuzu_store.ABANDONED_EXIT``), leaving the store as it was after the last completed write.
The watcher then starts the server again, at most ``RESTARTS`` times in ``RESTART_WINDOW`` seconds;
any other end of the server (Ctrl-C, a second writer refused, a bad setting) ends the watcher with
the same status. SIGINT and SIGTERM sent to the watcher are passed on to the server once.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections import deque
from types import FrameType

from api.settings import Settings
from graph.kuzu_store import ABANDONED_EXIT

WORKER_ENV = "R2P_SERVE_WORKER"  # set in the server process the watcher starts
RESTARTS = 5
RESTART_WINDOW = 300.0  # seconds


def run(settings: Settings, *, host: str | None = None, port: int | None = None) -> int:
    """Serve until interrupted: watch a server process, or be it (in the process the watcher starts)."""
    if os.environ.get(WORKER_ENV) == "1":
        return serve(settings, host=host, port=port)
    command = [sys.executable, "-m", "api.cli", "serve", "--store", str(settings.store)]
    command += ["--host", host] if host else []
    command += ["--port", str(port)] if port else []
    return watch(command, {**os.environ, WORKER_ENV: "1"})


def watch(command: list[str], env: dict[str, str]) -> int:
    """Run ``command`` and start it again after each stop by a failed write (status 75), within limits."""
    stopping = False
    child: subprocess.Popen[bytes] | None = None

    def forward(signum: int, _frame: FrameType | None) -> None:
        nonlocal stopping
        if child is not None and child.poll() is None and not stopping:
            child.send_signal(signum)
        stopping = True

    previous = {s: signal.signal(s, forward) for s in (signal.SIGINT, signal.SIGTERM)}
    restarts: deque[float] = deque()
    try:
        while True:
            # its own process group: a Ctrl-C in the terminal reaches the watcher only, which passes it on once
            child = subprocess.Popen(command, env=env, process_group=0)
            if stopping:  # a signal came while it was being started
                child.send_signal(signal.SIGTERM)
            status = child.wait()
            if stopping or status != ABANDONED_EXIT:
                return status if status >= 0 else 128 - status
            now = time.monotonic()
            while restarts and now - restarts[0] > RESTART_WINDOW:
                restarts.popleft()
            if len(restarts) >= RESTARTS:
                print(f"r2p: the server stopped after a failed write {RESTARTS + 1} times within "
                      f"{RESTART_WINDOW:.0f} s; not starting it again", file=sys.stderr)
                return status
            restarts.append(now)
            print("r2p: the server stopped after a failed write; the store is as it was after the last "
                  "completed write. Starting the server again.", file=sys.stderr)
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)


def serve(settings: Settings, *, host: str | None = None, port: int | None = None) -> int:
    """Open the store (the only writer while serving) and serve until interrupted."""
    import uvicorn

    from api.app import create_app

    if host:
        settings.api.host = host
    if port:
        settings.api.port = port
    app = create_app(settings)  # opens the store for writing; a second writer gets StoreLockedError
    where = f"http://{settings.api.host}:{settings.api.port}"
    access = "open" if settings.api.read_access == "open" else "API key required"
    print(f"r2p-graph serving {where}/  (API {where}/api, docs {where}/docs)", file=sys.stderr)
    print(f"store: {settings.store} ({settings.graph.backend}); reading: {access}; "
          f"writing: curator key", file=sys.stderr)
    if settings.api.host not in ("127.0.0.1", "localhost", "::1") and settings.api.read_access == "open":
        print("warning: reading is open to anyone who can reach this address "
              "(set R2P_API__READ_ACCESS=key to require keys)", file=sys.stderr)
    uvicorn.run(app, host=settings.api.host, port=settings.api.port, log_level="info")
    return 0
