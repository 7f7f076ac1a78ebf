"""Reading through the API on the real store: documents, paragraphs, lists, search, similar."""

from __future__ import annotations

import csv
import io
import re

from fastapi.testclient import TestClient

from api.views import anchor
from tests.api.helpers import ApiEnv, assert_error


def test_healthz_and_openapi(client: TestClient) -> None:
    assert client.get("/healthz").json() == {"status": "ok", "store": True}
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/api/search", "/api/similar", "/api/documents", "/api/documents/{symbol}",
                 "/api/documents/{symbol}/paragraphs/{label}", "/api/documents/{symbol}/pdf",
                 "/api/situations", "/api/situations/{situation_id}/trace", "/api/mechanisms",
                 "/api/actors/{actor_id}", "/api/recommendations", "/api/export", "/api/sparql"):
        assert path in paths, path
    for path in ("/api/search", "/api/similar", "/api/recommendations", "/api/situations/{situation_id}/trace"):
        assert set(paths[path]["get"]["responses"]["200"]["content"]) == {"application/json", "text/csv"}, path
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/docs-static/swagger-ui-bundle.js" in docs.text
    assert "cdn." not in docs.text  # served locally
    assert client.get("/docs-static/swagger-ui-bundle.js").status_code == 200


def test_documents_list_is_paginated(client: TestClient, api_env: ApiEnv) -> None:
    page = client.get("/api/documents", params={"limit": 2}).json()
    assert page["total"] == len(api_env.symbols) and page["limit"] == 2 and len(page["items"]) == 2
    rest = client.get("/api/documents", params={"offset": 2, "limit": 2}).json()
    symbols = [d["symbol"] for d in page["items"] + rest["items"]]
    assert sorted(symbols) == sorted(api_env.symbols)


def test_document_with_slashes_and_spaces(client: TestClient) -> None:
    doc = client.get("/api/documents/S/RES/2786 (2025)").json()
    assert doc["symbol"] == "S/RES/2786 (2025)" and doc["kind"] == "resolution"
    assert doc["date"] == "2025-07-14" and doc["paragraphs"]
    same = client.get("/api/documents/s/res/2786(2025)").json()
    assert same["symbol"] == doc["symbol"]
    assert {"cites", "cited_by", "facts", "footnotes"} <= set(doc)


def test_paragraph_by_key_and_label(client: TestClient) -> None:
    doc = client.get("/api/documents/S/RES/2786 (2025)").json()
    numbered = next(p for p in doc["paragraphs"] if p["label"])
    para = client.get(f"/api/documents/S/RES/2786 (2025)/paragraphs/{numbered['key']}").json()
    assert para["text"] == numbered["text"] and para["symbol"] == "S/RES/2786 (2025)"
    by_label = client.get(f"/api/documents/S/RES/2786 (2025)/paragraphs/{numbered['label']}").json()
    assert by_label["key"] == numbered["key"]
    assert_error(client.get("/api/documents/S/RES/2786 (2025)/paragraphs/999"), 404, "not_found")


def test_original_pdf(client: TestClient) -> None:
    pdf = client.get("/api/documents/S/RES/2768 (2025)/pdf")
    assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")


def test_lists_answer_the_envelope(client: TestClient) -> None:
    for path in ("/api/situations", "/api/mechanisms", "/api/recommendations"):
        body = client.get(path, params={"limit": 5}).json()
        assert set(body) == {"items", "offset", "limit", "total"} and body["limit"] == 5, path
    recs = client.get("/api/recommendations", params={"limit": 500}).json()
    assert recs["total"] == len(recs["items"]) >= 1
    assert client.get("/api/recommendations", params={"offset": 500}).json()["items"] == []
    assert_error(client.get("/api/recommendations", params={"offset": 10_001}), 422, "invalid_request")
    assert_error(client.get("/api/situations/sit/NOWHERE/trace"), 404, "not_found")
    assert_error(client.get("/api/actors/state/XXX"), 404, "not_found")


def test_search_with_facets_and_filters(client: TestClient) -> None:
    body = client.get("/api/search", params={"q": "Security Council decides", "limit": 5}).json()
    assert body["hits"] and len(body["hits"]) <= 5 and "facets" in body
    assert body["hits"][0]["symbol"] in {"S/RES/2786 (2025)", "S/RES/2768 (2025)", "S/2025/206"}
    only = client.get("/api/search", params={"q": "decides", "symbol": "S/RES/2768 (2025)",
                                             "mode": "lexical"}).json()
    assert only["hits"] and {h["symbol"] for h in only["hits"]} == {"S/RES/2768 (2025)"}
    assert_error(client.get("/api/search", params={"q": "x", "mode": "magic"}), 422, "invalid_request")


def test_similar(client: TestClient) -> None:
    doc = client.get("/api/documents/S/RES/2786 (2025)").json()
    key = next(p["key"] for p in doc["paragraphs"] if p["label"])
    body = client.get("/api/similar", params={"symbol": "S/RES/2786 (2025)", "paragraph": key}).json()
    assert body["symbol"] == "S/RES/2786 (2025)"


def test_export_streams_rdf(client: TestClient) -> None:
    with client.stream("GET", "/api/export", params={"format": "nt"}) as response:
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("application/n-triples")
        text = b"".join(response.iter_bytes()).decode("utf-8")
    assert "S/RES/2786" in text or "S-RES-2786" in text
    assert all(line.rstrip().endswith(".") for line in text.splitlines() if line.strip())
    turtle = client.get("/api/export", params={"format": "turtle"})
    assert turtle.status_code == 200 and "@prefix" in turtle.text
    assert_error(client.get("/api/export", params={"format": "csv"}), 422, "invalid_request")
    assert_error(client.get("/api/export", params={"since": "yesterday"}), 422, "invalid_request")


def test_sparql_is_read_only(client: TestClient) -> None:
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    body = client.get("/api/sparql", params={"query": query}).json()
    assert int(body["results"]["bindings"][0]["n"]["value"]) > 0
    posted = client.post("/api/sparql", data={"query": "ASK { ?s ?p ?o }"}).json()
    assert posted["boolean"] is True
    err = assert_error(client.post("/api/sparql", data={"query": "DROP ALL"}), 400, "sparql_error")
    assert "read-only" in err["message"]


def test_search_as_csv_matches_the_json_hits(client: TestClient) -> None:
    params = {"q": "Security Council decides", "limit": 5}
    hits = client.get("/api/search", params=params).json()["hits"]
    response = client.get("/api/search", params={**params, "format": "csv"})
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    assert response.headers["content-disposition"] == 'attachment; filename="r2p-search.csv"'
    assert response.content.startswith("\ufeff".encode())  # spreadsheets then read it as UTF-8
    rows = list(csv.DictReader(io.StringIO(response.text.lstrip("\ufeff"))))
    assert [(r["symbol"], r["page"]) for r in rows] == [(h["symbol"], str(h["page"])) for h in hits]
    for row, h in zip(rows, hits, strict=True):  # a paragraph with no number is named so; its link finds it
        assert row["paragraph"] == ("unnumbered" if re.fullmatch(r"p\d+", h["paragraph"]) else h["paragraph"])
        assert row["link"].endswith("#" + anchor(h["key"]))
    assert [r["rank"] for r in rows] == [str(n) for n in range(1, len(hits) + 1)]
    assert rows[0]["text"] == " ".join(hits[0]["text"].split())
    link = rows[0]["link"]
    assert link.startswith("http://testserver/documents/") and "#para-" in link
    assert client.get(link.removeprefix("http://testserver").split("#")[0]).status_code == 200
    later = list(csv.DictReader(io.StringIO(client.get("/api/search", params={**params, "format": "csv", "offset": 5})
                                            .text.lstrip("\ufeff"))))
    assert later and later[0]["rank"] == "6"  # ranks count on from the offset
    assert_error(client.get("/api/search", params={**params, "format": "xlsx"}), 422, "invalid_request")


def test_similar_as_csv(client: TestClient) -> None:
    doc = client.get("/api/documents/S/RES/2786 (2025)").json()
    key = next(p["key"] for p in doc["paragraphs"] if p["label"])
    params = {"symbol": "S/RES/2786 (2025)", "paragraph": key, "limit": 3}
    hits = client.get("/api/similar", params=params).json()["hits"]
    response = client.get("/api/similar", params={**params, "format": "csv"})
    assert response.headers["content-disposition"] == 'attachment; filename="r2p-similar.csv"'
    rows = list(csv.DictReader(io.StringIO(response.text.lstrip("\ufeff"))))
    assert [r["symbol"] for r in rows] == [h["symbol"] for h in hits] and len(rows) == 3
    assert "S/RES/2786 (2025)" not in {r["symbol"] for r in rows}


def test_recommendations_as_csv(client: TestClient) -> None:
    records = client.get("/api/recommendations", params={"limit": 20}).json()["items"]
    response = client.get("/api/recommendations", params={"limit": 20, "format": "csv"})
    assert response.headers["content-disposition"] == 'attachment; filename="r2p-recommendations.csv"'
    rows = list(csv.DictReader(io.StringIO(response.text.lstrip("\ufeff"))))
    assert [(r["symbol"], r["paragraph"]) for r in rows] == [(x["symbol"], x["paragraph"]) for x in records]
    assert rows and all(r["link"].startswith("http://testserver/documents/") for r in rows)


def test_similar_oldest_first(client: TestClient) -> None:
    params = {"symbol": "S/RES/2786 (2025)", "paragraph": "1", "limit": 20}
    closest = client.get("/api/similar", params=params).json()
    oldest = client.get("/api/similar", params={**params, "order": "oldest"}).json()
    assert oldest["order"] == "oldest" and closest["order"] == "closest"
    assert sorted(h["uid"] for h in oldest["hits"]) == sorted(h["uid"] for h in closest["hits"])
    assert [h["date"] for h in oldest["hits"]] == sorted(h["date"] for h in oldest["hits"])
    assert client.get("/api/similar", params={**params, "order": "newest"}).status_code == 422
