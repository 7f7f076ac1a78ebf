"""One writer per Kùzu store: a second writer (another process) fails at once with a clear message."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from graph.errors import NotFound, StoreError, StoreLockedError
from graph.factory import open_store
from tests.contract.samples import upr_report

REPO = Path(__file__).resolve().parents[2]

HOLD = textwrap.dedent("""
    import sys, time
    from graph.factory import open_store
    store = open_store(path=sys.argv[1], read_only=sys.argv[2] == "ro")
    print("ready", flush=True)
    sys.stdin.readline()
""")


def _holder(path: Path, mode: str) -> subprocess.Popen[str]:
    child = subprocess.Popen([sys.executable, "-c", HOLD, str(path), mode], cwd=REPO, text=True,
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, env={**os.environ, "PYTHONPATH": str(REPO)})
    assert child.stdout is not None and child.stdout.readline().strip() == "ready"
    return child


def _release(child: subprocess.Popen[str]) -> None:
    assert child.stdin is not None
    child.stdin.write("\n")
    child.stdin.flush()
    child.wait(timeout=30)


def test_a_second_writer_fails_at_once_naming_the_holder(tmp_path: Path) -> None:
    path = tmp_path / "store"
    child = _holder(path, "rw")
    try:
        with pytest.raises(StoreLockedError) as caught:
            open_store(path=path)
        message = str(caught.value)
        assert f"store {path} is in use by process {child.pid}" in message
        assert "POST /api/documents" in message
        with pytest.raises(StoreLockedError):
            open_store(path=path, read_only=True)  # Kùzu admits no reader beside a writer process
    finally:
        _release(child)
    store = open_store(path=path)  # free again once the holder has gone
    store.put_document(*upr_report())
    store.close()


def test_readers_share_the_store_and_keep_writers_out(tmp_path: Path) -> None:
    path = tmp_path / "store"
    with open_store(path=path) as store:
        store.put_document(*upr_report())
    child = _holder(path, "ro")
    try:
        with open_store(path=path, read_only=True) as reader:
            assert reader.get_document("A/HRC/11/14") is not None
            with pytest.raises(StoreError, match="read-only"):
                reader.remove_document("A/HRC/11/14")
        with pytest.raises(StoreLockedError):
            open_store(path=path)
    finally:
        _release(child)


def test_reading_a_store_that_does_not_exist(tmp_path: Path) -> None:
    with pytest.raises(NotFound, match="no store at"):
        open_store(path=tmp_path / "nothing", read_only=True)
