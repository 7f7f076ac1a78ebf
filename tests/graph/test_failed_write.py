"""A write that fails never leaves the store damaged: rolled back before the bulk load, or the process stops
without rolling back once the load has begun (Kùzu 0.11.3 corrupts a database when such a transaction is
rolled back). Either way the store opens with its previous content and takes further writes."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from dataclasses import replace
from pathlib import Path

import pytest

from graph.errors import StoreError
from graph.factory import open_store
from graph.kuzu_store import ABANDONED_EXIT
from ontology.model import Paragraph, ParagraphKind
from tests.contract.samples import embeddings_for, sc_resolution, upr_report
from tests.graph.test_crash import big_version

REPO = Path(__file__).resolve().parents[2]

CHILD = textwrap.dedent("""
    import sys
    from graph.factory import open_store
    from tests.graph.test_crash import big_version
    store_path, point = sys.argv[1], sys.argv[2]
    store = open_store(path=store_path)

    def hook(name):
        if name == point:
            raise RuntimeError("disk full (simulated)")

    store._hook = hook
    doc, facts = big_version()
    try:
        store.put_document(doc, facts)
    except Exception as exc:
        print("raised:", exc)
        sys.exit(3)
""")


def _stored_v1(path: Path) -> dict[str, int]:
    v1, f1 = upr_report(1)
    with open_store(path=path) as store:
        store.put_document(v1, f1, embeddings=embeddings_for(v1))
        return store.stats()


def _keeps_v1_and_takes_writes(path: Path, before: dict[str, int]) -> None:
    v1, _ = upr_report(1)
    with open_store(path=path) as store:
        assert store.stats() == before
        assert store.get_document("A/HRC/11/14").document == v1
        v2, f2 = big_version()
        assert store.put_document(v2, f2).status == "replaced"
        other, other_facts = sc_resolution()
        assert store.put_document(other, other_facts, embeddings=embeddings_for(other)).status == "added"
    with open_store(path=path, read_only=True) as store:  # the writes were kept, relationships and all
        assert store.get_document("A/HRC/11/14").document == v2
        assert store.stats()["paragraphs"] == len(v2.paragraphs) + len(other.paragraphs)
        # recommendations are relationships: those of both writes are there, the replaced one's are gone
        assert {r.verb for r in store.recommendations(to="Sudan")} == {"Ratify", "Strengthen", "Calls upon"}


@pytest.mark.parametrize("point", ["after_load", "before_commit"])
def test_failure_after_the_bulk_load_stops_the_process_and_keeps_the_store(tmp_path: Path, point: str) -> None:
    path = tmp_path / "store"
    before = _stored_v1(path)
    child = subprocess.run([sys.executable, "-c", CHILD, str(path), point], cwd=REPO, capture_output=True,
                           check=False, text=True, timeout=300, env={**os.environ, "PYTHONPATH": str(REPO)})
    assert child.returncode == ABANDONED_EXIT, child.stdout + child.stderr
    assert str(path) in child.stderr and "disk full (simulated)" in child.stderr
    assert "raised:" not in child.stdout  # stopped at once: nothing ran after the failure
    _keeps_v1_and_takes_writes(path, before)


def test_failure_before_the_bulk_load_is_rolled_back_in_process(tmp_path: Path) -> None:
    path = tmp_path / "store"
    before = _stored_v1(path)
    with open_store(path=path) as store:
        def fail(name: str) -> None:
            if name == "after_delete":
                raise RuntimeError("disk full (simulated)")

        store._hook = fail
        with pytest.raises(StoreError, match="rolled back"):
            store.put_document(*big_version())
        store._hook = None
        assert store.stats() == before
    _keeps_v1_and_takes_writes(path, before)


def test_rows_that_would_break_the_load_are_refused_before_it(tmp_path: Path) -> None:
    path = tmp_path / "store"
    before = _stored_v1(path)
    doc, facts = big_version()
    twice = Paragraph(len(doc.paragraphs), doc.paragraphs[-1].key, None, ParagraphKind.TEXT, "Same key again.", 3)
    with open_store(path=path) as store:
        with pytest.raises(StoreError, match="not unique"):
            store.put_document(replace(doc, paragraphs=doc.paragraphs + (twice,)), facts)
        assert store.stats() == before
    _keeps_v1_and_takes_writes(path, before)


INTERRUPTED = textwrap.dedent("""
    import os, signal, sys
    from graph.factory import open_store
    from tests.graph.test_crash import big_version
    store = open_store(path=sys.argv[1])
    store._hook = lambda name: os.kill(os.getpid(), signal.SIGINT) if name == "after_load" else None
    try:
        store.put_document(*big_version())
    except KeyboardInterrupt:
        print("interrupted after the write")
        store.close()
        sys.exit(130)
""")


def test_ctrl_c_during_a_write_takes_effect_when_it_has_ended(tmp_path: Path) -> None:
    path = tmp_path / "store"
    _stored_v1(path)
    child = subprocess.run([sys.executable, "-c", INTERRUPTED, str(path)], cwd=REPO, capture_output=True,
                           check=False, text=True, timeout=300, env={**os.environ, "PYTHONPATH": str(REPO)})
    assert child.returncode == 130 and "interrupted after the write" in child.stdout, child.stderr
    v2, _ = big_version()
    with open_store(path=path, read_only=True) as store:  # the write was completed, not cut in the middle
        assert store.get_document("A/HRC/11/14").document == v2
        assert store.stats()["paragraphs"] == len(v2.paragraphs)
