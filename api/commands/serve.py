"""``r2p serve``: the web UI and HTTP API with uvicorn, holding the store open for writing."""

from __future__ import annotations

import sys

from api.settings import Settings


def run(settings: Settings, *, host: str | None = None, port: int | None = None) -> int:
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
