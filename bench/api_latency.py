"""Latency of ``GET /api/search`` under concurrent clients on loopback, against ``GET /healthz``.

Starts ``r2p serve`` on a free 127.0.0.1 port over an existing store, warms it up (the first search
loads the model), then runs ``--clients`` concurrent clients for ``--requests`` requests each, first on
``/healthz`` (the baseline: routing, JSON, loopback) and then on ``/api/search`` with rotating queries.
Prints p50/p95/max per endpoint and the p95 ratio search/healthz.

    PYTHONPATH=. python bench/api_latency.py --store data/store --clients 8 --requests 25
"""

from __future__ import annotations

import argparse
import math
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx

REPO = Path(__file__).resolve().parents[1]
QUERIES = ("early warning of atrocity crimes", "protection of civilians", "ratify the Rome Statute",
           "sexual violence in conflict", "humanitarian access", "accountability for violations",
           "Security Council decides to extend the mandate", "national focal points",
           "hate speech and incitement", "refugees and internally displaced persons")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(store: Path, port: int, log: Any) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(REPO), "HF_HUB_OFFLINE": "1", "TOKENIZERS_PARALLELISM": "false"}
    cmd = [sys.executable, "-m", "api.cli", "serve", "--store", str(store), "--port", str(port)]
    proc = subprocess.Popen(cmd, cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=log)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"the server exited; see {log.name}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.3)
    proc.terminate()
    raise SystemExit("the server did not answer /healthz within 120 s")


def client_run(base: str, path: str, n: int, offset: int) -> list[float]:
    times = []
    with httpx.Client(base_url=base, timeout=60) as http:
        for i in range(n):
            params = {"q": QUERIES[(offset + i) % len(QUERIES)]} if path == "/api/search" else None
            t0 = time.perf_counter()
            response = http.get(path, params=params)
            times.append(time.perf_counter() - t0)
            response.raise_for_status()
    return times


def measure(base: str, path: str, *, clients: int, requests: int) -> dict[str, float]:
    t0 = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        runs = list(pool.map(lambda c: client_run(base, path, requests, c * 3), range(clients)))
    wall = time.perf_counter() - t0
    times = sorted(t for run in runs for t in run)
    p95 = times[max(0, math.ceil(0.95 * len(times)) - 1)]  # nearest rank
    return {"n": len(times), "p50_ms": 1000 * statistics.median(times), "p95_ms": 1000 * p95,
            "max_ms": 1000 * times[-1], "rps": len(times) / wall}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", type=Path, default=REPO / "data" / "store")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--requests", type=int, default=25, help="requests per client and endpoint")
    args = parser.parse_args()
    port = free_port()
    with tempfile.NamedTemporaryFile("w+b", prefix="r2p-bench-server-", suffix=".log", delete=False) as log:
        results = run(args, port, log)
    print(f"{args.clients} clients x {args.requests} requests per endpoint, loopback, store {args.store}")
    for path, r in results.items():
        print(f"{path:<12} n={r['n']:<4} p50={r['p50_ms']:7.1f} ms  p95={r['p95_ms']:7.1f} ms  "
              f"max={r['max_ms']:7.1f} ms  {r['rps']:6.1f} req/s")
    ratio = results["/api/search"]["p95_ms"] / results["/healthz"]["p95_ms"]
    print(f"p95 ratio /api/search : /healthz = {ratio:.1f}")
    return 0


def run(args: argparse.Namespace, port: int, log: Any) -> dict[str, dict[str, float]]:
    """Serve, warm up, measure both endpoints, stop the server."""
    proc = start_server(args.store, port, log)
    base = f"http://127.0.0.1:{port}"
    try:
        for q in QUERIES:  # warm-up: model load, catalog build
            httpx.get(f"{base}/api/search", params={"q": q}, timeout=120).raise_for_status()
        results = {path: measure(base, path, clients=args.clients, requests=args.requests)
                   for path in ("/healthz", "/api/search")}
    except httpx.HTTPError as exc:
        raise SystemExit(f"request failed: {exc}; server log: {log.name}") from exc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
    return results


if __name__ == "__main__":
    raise SystemExit(main())
