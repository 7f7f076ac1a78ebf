"""Roles: readers read, curators upload and delete; bad uploads are refused and nothing is stored."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from tests.api.helpers import UPLOAD_SAMPLE, ApiEnv, assert_error


def _pdf(corpus: Path) -> tuple[str, bytes, str]:
    path = corpus / UPLOAD_SAMPLE
    return ("letter.pdf", path.read_bytes(), "application/pdf")


def _stored(api_env: ApiEnv) -> tuple[int, set[str]]:
    uploads = Path(api_env.settings.store) / "uploads"
    files = {p.name for p in uploads.iterdir()} if uploads.exists() else set()
    return len(api_env.store.list_documents(limit=1000)), files


def test_writes_need_a_curator_key(client: TestClient, api_env: ApiEnv, corpus: Path) -> None:
    before = _stored(api_env)
    assert_error(client.post("/api/documents", files={"file": _pdf(corpus)}), 401, "unauthorized")
    err = assert_error(client.post("/api/documents", files={"file": _pdf(corpus)},
                                   headers=api_env.auth("reader")), 403, "forbidden")
    assert "curator" in err["message"]
    symbol = api_env.symbols[0]
    assert_error(client.delete(f"/api/documents/{symbol}", headers=api_env.auth("reader")), 403, "forbidden")
    assert_error(client.delete(f"/api/documents/{symbol}"), 401, "unauthorized")
    assert_error(client.delete(f"/api/documents/{symbol}", headers=api_env.auth("revoked")), 401,
                 "unauthorized")
    assert_error(client.delete(f"/api/documents/{symbol}", headers={"Authorization": "Basic abc"}), 401,
                 "unauthorized")
    assert _stored(api_env) == before
    assert client.get(f"/api/documents/{symbol}").status_code == 200


def test_curator_uploads_then_deletes(client: TestClient, api_env: ApiEnv, corpus: Path) -> None:
    response = client.post("/api/documents", files={"file": _pdf(corpus)}, headers=api_env.auth("curator"))
    assert response.status_code == 201, response.text
    doc = response.json()["document"]
    assert doc["symbol"] == "S/2025/117" and doc["has_pdf"] and doc["paragraphs"]
    assert "file" not in doc  # no server path leaks
    pdf = client.get("/api/documents/S/2025/117/pdf")
    assert pdf.status_code == 200 and pdf.content == (corpus / UPLOAD_SAMPLE).read_bytes()
    again = client.post("/api/documents", files={"file": _pdf(corpus)}, headers=api_env.auth("admin"))
    assert again.status_code == 200 and again.json()["result"]["status"] == "unchanged"
    gone = client.delete("/api/documents/S/2025/117", headers=api_env.auth("curator"))
    assert gone.status_code == 200 and gone.json() == {"deleted": "S/2025/117"}
    assert_error(client.get("/api/documents/S/2025/117"), 404, "not_found")
    assert_error(client.delete("/api/documents/S/2025/117", headers=api_env.auth("curator")), 404, "not_found")


def test_non_pdf_is_refused_and_nothing_stored(client: TestClient, api_env: ApiEnv) -> None:
    before = _stored(api_env)
    fake = ("report.pdf", b"<html>not a pdf</html>" * 10, "application/pdf")
    err = assert_error(client.post("/api/documents", files={"file": fake}, headers=api_env.auth("curator")),
                       415, "unsupported_media_type")
    assert "report.pdf" in err["message"] and "not a PDF" in err["message"]
    traversal = ("../../etc/passwd", b"%PDF-1.7\nbroken body", "application/pdf")
    response = client.post("/api/documents", files={"file": traversal}, headers=api_env.auth("curator"))
    assert 400 <= response.status_code < 500, response.text
    assert set(response.json()) == {"error"}
    assert _stored(api_env) == before
    assert_error(client.post("/api/documents", headers=api_env.auth("curator")), 422, "invalid_request")


def test_oversized_upload_is_refused_and_nothing_stored(api_env: ApiEnv) -> None:
    client = TestClient(api_env.new_app(max_upload_mb=1), raise_server_exceptions=False)
    before = _stored(api_env)
    big = ("big.pdf", b"%PDF-1.7\n" + b"0" * (1 << 20), "application/pdf")
    err = assert_error(client.post("/api/documents", files={"file": big}, headers=api_env.auth("curator")),
                       413, "payload_too_large")
    assert "1 MB" in err["message"]
    assert _stored(api_env) == before


def test_keyed_reading(api_env: ApiEnv) -> None:
    client = TestClient(api_env.new_app(read_access="key"), raise_server_exceptions=False)
    assert_error(client.get("/api/documents"), 401, "unauthorized")
    assert client.get("/api/documents", headers=api_env.auth("reader")).status_code == 200
    assert_error(client.get("/api/documents", headers=api_env.auth("revoked")), 401, "unauthorized")
    assert client.get("/healthz").status_code == 200


def test_admin_manages_keys_over_http(client: TestClient, api_env: ApiEnv) -> None:
    assert_error(client.get("/api/keys", headers=api_env.auth("curator")), 403, "forbidden")
    assert_error(client.get("/api/keys"), 401, "unauthorized")
    admin = api_env.auth("admin")
    made = client.post("/api/keys", json={"role": "reader", "name": "partner"}, headers=admin)
    assert made.status_code == 201
    key = made.json()
    listed = client.get("/api/keys", headers=admin).json()["items"]
    assert key["id"] in {k["id"] for k in listed} and key["key"] not in str(listed)
    reader = {"Authorization": f"Bearer {key['key']}"}
    assert_error(client.delete("/api/documents/S/2025/206", headers=reader), 403, "forbidden")
    assert client.delete(f"/api/keys/{key['id']}", headers=admin).json()["revoked"]
    assert_error(client.delete("/api/documents/S/2025/206", headers=reader), 401, "unauthorized")
    assert_error(client.delete("/api/keys/ffffffff", headers=admin), 404, "not_found")
    assert_error(client.post("/api/keys", json={"role": "root"}, headers=admin), 422, "invalid_request")
