"""Contract: every paged read answers a page for any offset, [] past the end (never a crash)."""

from __future__ import annotations

import pytest

from graph.store import GraphStore

FAR = 10**6


def test_documents_far_past_the_end(filled: GraphStore) -> None:
    assert len(filled.list_documents(offset=3, limit=10)) == 1
    assert filled.list_documents(offset=4) == []
    assert filled.list_documents(offset=FAR, limit=10) == []


@pytest.mark.parametrize("filters", [{}, {"to": "Sudan"}, {"by": "Chile"}, {"theme": "torture"}, {"year_from": 2000}])
def test_recommendations_far_past_the_end(filled: GraphStore, filters: dict[str, object]) -> None:
    everything = filled.recommendations(**filters, limit=1000)
    assert everything
    assert filled.recommendations(**filters, offset=len(everything) - 1) == everything[-1:]
    assert filled.recommendations(**filters, offset=len(everything)) == []
    assert filled.recommendations(**filters, offset=FAR, limit=10) == []
    assert filled.recommendations(**filters, offset=9_000, limit=50) == []


def test_negative_offsets_and_limits_answer_nothing(filled: GraphStore) -> None:
    assert filled.list_documents(offset=-1) == []
    assert filled.list_documents(limit=0) == []
    assert filled.recommendations(offset=-5) == []
    assert filled.recommendations(limit=0) == []
