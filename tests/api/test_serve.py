"""`r2p serve`: says where it serves, holds the store for writing, a second writer is refused."""

from __future__ import annotations

import os
import signal
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


# Loaded by every Python process started with the test's PYTHONPATH; in the server process only, it makes the
# store's first bulk load fail (as a buffer pool too small for the batch would), once.
FAIL_FIRST_LOAD = '''
import os
if os.environ.get("R2P_SERVE_WORKER") == "1":
    import graph.kuzu_store as kuzu_store

    marker = os.environ["R2P_TEST_FAIL_FIRST_LOAD"]
    opened = kuzu_store.KuzuGraphStore.__init__

    def init(self, *args, **kwargs):
        opened(self, *args, **kwargs)

        def hook(point):
            if point == "after_load" and not os.path.exists(marker):
                open(marker, "w").close()
                raise RuntimeError("buffer pool exhausted (simulated)")

        self._hook = hook

    kuzu_store.KuzuGraphStore.__init__ = init
'''


def _healthy(port: int, server: subprocess.Popen[bytes], seconds: float = 90) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and server.poll() is None:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                return True
        except httpx.HTTPError:
            time.sleep(0.2)
    return False


def test_serve_starts_again_after_a_write_that_failed_during_its_bulk_load(corpus: Path, tmp_path: Path) -> None:
    store, port, log = tmp_path / "store", _port(), tmp_path / "serve.log"
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "sitecustomize.py").write_text(FAIL_FIRST_LOAD)
    env = {**os.environ, "PYTHONPATH": f"{tmp_path / 'site'}{os.pathsep}{REPO}", "HF_HUB_OFFLINE": "1",
           "R2P_TEST_FAIL_FIRST_LOAD": str(tmp_path / "failed-once")}
    key = subprocess.run([sys.executable, "-m", "api.cli", "keys", "create", "--role", "curator", "--store", str(store)],
                         cwd=REPO, env=env, capture_output=True, text=True, timeout=60, check=True).stdout.strip()
    pdf = corpus / "un-mixed-2025" / "S_RES_2772 (2025).en.pdf"
    with log.open("wb") as err:
        server = subprocess.Popen([sys.executable, "-m", "api.cli", "serve", "--store", str(store), "--port", str(port)],
                                  cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=err)
    try:
        assert _healthy(port, server), log.read_text()

        def upload() -> httpx.Response:
            with pdf.open("rb") as fh:
                return httpx.post(f"http://127.0.0.1:{port}/api/documents", files={"file": (pdf.name, fh)},
                                  headers={"Authorization": f"Bearer {key}"}, timeout=120)

        try:  # the server process ends during this write: the connection drops
            first = upload()
            assert first.status_code >= 500, first.text
        except httpx.HTTPError:
            pass
        assert (tmp_path / "failed-once").exists()
        assert _healthy(port, server), log.read_text()
        text = log.read_text()
        assert "failed during its bulk load (buffer pool exhausted (simulated))" in text
        assert "Starting the server again." in text and text.count("r2p-graph serving") == 2
        assert httpx.get(f"http://127.0.0.1:{port}/api/documents").json()["total"] == 0  # nothing half-written
        second = upload()
        assert second.status_code == 201, second.text
        assert httpx.get(f"http://127.0.0.1:{port}/api/documents").json()["total"] == 1
    finally:
        server.terminate()
        status = server.wait(timeout=60)
    # SIGTERM passed on: the server shut down cleanly, and the watcher ends as it did (uvicorn ends by the signal)
    assert status in (0, 128 + signal.SIGTERM) and "Application shutdown complete." in log.read_text(), log.read_text()
    with socket.socket() as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # closed connections may linger; a listener may not
        s.bind(("127.0.0.1", port))
        s.listen()  # nothing listens on the port any more
