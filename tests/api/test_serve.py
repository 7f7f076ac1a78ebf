"""`r2p serve`: says where it serves, holds the store for writing, a second writer is refused."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[2]


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _serve(store: Path, port: int, log: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(REPO), "HF_HUB_OFFLINE": "1"}
    with log.open("wb") as err:
        return subprocess.Popen([sys.executable, "-m", "api.cli", "serve", "--store", str(store), "--port",
                                 str(port)], cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=err)


def test_serve_announces_itself_and_holds_the_store(tmp_path: Path) -> None:
    store, port, log = tmp_path / "store", _port(), tmp_path / "serve.log"
    server = _serve(store, port, log)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and server.poll() is None:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        assert httpx.get(f"http://127.0.0.1:{port}/api/documents").json()["total"] == 0
        assert f"serving http://127.0.0.1:{port}/" in log.read_text()
        second = subprocess.run(
            [sys.executable, "-m", "api.cli", "serve", "--store", str(store), "--port", str(_port())],
            cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)}, capture_output=True, text=True,
            timeout=60, check=False,
        )
        assert second.returncode == 2 and str(store) in second.stderr, second.stderr
    finally:
        server.terminate()
        server.wait(timeout=30)
