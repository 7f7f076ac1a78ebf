"""Crash safety: a writer killed with SIGKILL inside ``put_document`` leaves the previous version intact."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from dataclasses import replace
from pathlib import Path

import pytest

from graph.factory import open_store
from ontology.model import Paragraph, ParagraphKind, ParsedDocument
from tests.contract.samples import embeddings_for, upr_report

REPO = Path(__file__).resolve().parents[2]

CHILD = textwrap.dedent("""
    import pathlib, sys, time
    from graph.factory import open_store
    from tests.graph.test_crash import big_version
    store_path, point, ready = sys.argv[1], sys.argv[2], pathlib.Path(sys.argv[3])
    store = open_store(path=store_path)

    def hook(name):
        if name == point:
            ready.write_text(name)
            time.sleep(600)  # the parent kills us here, inside the transaction

    store._hook = hook
    doc, facts = big_version()
    store.put_document(doc, facts)
""")


def big_version() -> tuple[ParsedDocument, object]:
    """Version 2 of the sample report with 1,500 more paragraphs (a sizeable write)."""
    doc, facts = upr_report(2)
    extra = tuple(
        Paragraph(len(doc.paragraphs) + i, f"x{i}", None, ParagraphKind.TEXT, f"Added paragraph {i} on Darfur.", 3)
        for i in range(1500)
    )
    return replace(doc, paragraphs=doc.paragraphs + extra, sha256="f" * 64), facts


@pytest.mark.parametrize("point", ["after_delete", "after_load", "before_commit"])
def test_sigkill_inside_put_document_keeps_the_old_version(tmp_path: Path, point: str) -> None:
    path, ready = tmp_path / "store", tmp_path / "ready"
    v1, f1 = upr_report(1)
    with open_store(path=path) as store:
        store.put_document(v1, f1, embeddings=embeddings_for(v1))
        before = store.stats()
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(path), point, str(ready)], cwd=REPO,
                             env={**os.environ, "PYTHONPATH": str(REPO)})
    deadline = time.monotonic() + 120
    while not ready.exists():
        assert child.poll() is None, "the writer ended before reaching the hook"
        assert time.monotonic() < deadline, "the writer never reached the hook"
        time.sleep(0.05)
    os.kill(child.pid, signal.SIGKILL)
    assert child.wait(timeout=30) == -signal.SIGKILL

    with open_store(path=path) as store:  # the lock died with the process; the store reopens
        assert store.stats() == before
        stored = store.get_document("A/HRC/11/14")
        assert stored is not None and stored.document == v1 and stored.facts == f1
        assert {r.verb for r in store.recommendations(to="Sudan")} == {"Ratify", "Cooperate"}
        v2, f2 = big_version()
        assert store.put_document(v2, f2).status == "replaced"
    with open_store(path=path, read_only=True) as store:
        assert store.get_document("A/HRC/11/14").document == v2
        assert store.stats()["paragraphs"] == len(v2.paragraphs)
        assert {r.verb for r in store.recommendations(to="Sudan")} == {"Ratify", "Strengthen"}
