"""Situations, mechanisms and actors answered by the store's listing methods (real corpus store)."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.api.helpers import assert_error


def test_situations_list_with_counts(client: TestClient) -> None:
    body = client.get("/api/situations", params={"limit": 500}).json()
    items = body["items"]
    assert items and body["total"] == len(items)
    assert set(items[0]) == {"id", "name", "iso3", "documents", "mechanisms"}
    assert all(s["documents"] >= 1 for s in items)
    assert [(s["name"], s["id"]) for s in items] == sorted((s["name"], s["id"]) for s in items)
    assert client.get("/api/situations", params={"offset": 10_000}).json()["items"] == []


def test_mechanisms_list_and_type_filter(client: TestClient) -> None:
    items = client.get("/api/mechanisms", params={"limit": 500}).json()["items"]
    assert items and set(items[0]) == {"id", "name", "type", "acronym", "situations", "documents"}
    kind = items[0]["type"]
    typed = client.get("/api/mechanisms", params={"type": kind, "limit": 500}).json()
    assert typed["items"] == [m for m in items if m["type"] == kind] and typed["total"] == len(typed["items"])


def test_actor_by_id_and_by_name(client: TestClient) -> None:
    recs = client.get("/api/recommendations", params={"limit": 50}).json()["items"]
    addressee = next(r["to"][0] for r in recs if r["to"])
    by_name = client.get(f"/api/actors/{addressee}")
    assert by_name.status_code == 200, addressee
    actor = by_name.json()
    assert actor["name"] == addressee and actor["recommendations_to"] >= 1
    assert client.get(f"/api/actors/{actor['id']}").json() == actor
    assert_error(client.get("/api/actors/state/XXX"), 404, "not_found")
