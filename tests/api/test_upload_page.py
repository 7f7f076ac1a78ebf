"""The upload page: a plain form that sends a PDF and a curator key (in the form body, by POST) through
the same ingestion code as ``POST /api/documents``."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.api.helpers import ApiEnv

SAMPLE = "un-mixed-2025/S_RES_2784 (2025).en.pdf"  # a one-page resolution; its symbol has a slash and spaces
SYMBOL = "S/RES/2784 (2025)"
PAGE_URL = "/documents/S/RES/2784%20%282025%29"


def _stored(api_env: ApiEnv) -> tuple[int, set[str]]:
    uploads = Path(api_env.settings.store) / "uploads"
    files = {p.name for p in uploads.iterdir()} if uploads.exists() else set()
    return len(api_env.store.list_documents(limit=1000)), files


def _send(client: TestClient, key: str | None, file: tuple[str, bytes, str] | None) -> Any:
    data = {"key": key} if key is not None else {}
    files = {"file": file} if file is not None else None
    return client.post("/upload", data=data, files=files, follow_redirects=False)


def _no_secret_shown(api_env: ApiEnv, *responses: Any) -> None:
    for response in responses:
        for secret in api_env.keys.values():
            assert secret not in response.text
            assert secret not in str(response.url) and secret not in response.headers.get("location", "")


def _refused(response: Any, status: int, *words: str) -> None:
    """The form again, with the error message, under the API's status."""
    assert response.status_code == status, response.text[:500]
    assert response.headers["content-type"].startswith("text/html")
    assert 'role="alert"' in response.text and 'name="file"' in response.text
    for word in words:
        assert word in response.text


@pytest.fixture
def sample(corpus: Path, client: TestClient, api_env: ApiEnv) -> Iterator[tuple[str, bytes, str]]:
    """The sample PDF to upload; the document is deleted again afterwards (other tests count documents)."""
    yield ("resolution 2784.pdf", (corpus / SAMPLE).read_bytes(), "application/pdf")
    client.delete(f"/api/documents/{SYMBOL}", headers=api_env.auth("curator"))


def test_form_renders_and_is_linked_from_the_navigation(client: TestClient, api_env: ApiEnv) -> None:
    form = client.get("/upload")
    assert form.status_code == 200
    assert 'action="/upload" method="post" enctype="multipart/form-data"' in form.text
    assert 'type="file" accept="application/pdf"' in form.text
    assert 'name="key" type="password" autocomplete="off"' in form.text
    assert 'type="submit"' in form.text and "50 MB" in form.text
    assert 'href="/upload" aria-current="page"' in form.text
    for path in ("/", "/documents"):
        assert 'href="/upload"' in client.get(path).text
    assert "/upload" not in client.get("/openapi.json").json()["paths"]


def test_upload_needs_a_key(client: TestClient, api_env: ApiEnv, sample: tuple[str, bytes, str]) -> None:
    before = _stored(api_env)
    missing, blank, wrong, revoked = (_send(client, key, sample) for key in
                                      (None, "  ", "r2p_00000000_nope", api_env.keys["revoked"]))
    _refused(missing, 401, "enter your API key")
    _refused(blank, 401, "enter your API key")
    _refused(wrong, 401, "not valid")
    _refused(revoked, 401, "not valid")
    assert _stored(api_env) == before
    _no_secret_shown(api_env, missing, blank, wrong, revoked)


def test_reader_key_is_not_enough(client: TestClient, api_env: ApiEnv, sample: tuple[str, bytes, str]) -> None:
    before = _stored(api_env)
    response = _send(client, api_env.keys["reader"], sample)
    _refused(response, 403, "curator role")
    assert _stored(api_env) == before
    _no_secret_shown(api_env, response)


def test_curator_upload_opens_the_document(client: TestClient, api_env: ApiEnv,
                                           sample: tuple[str, bytes, str]) -> None:
    documents, files = _stored(api_env)
    sent = _send(client, api_env.keys["curator"], sample)
    assert sent.status_code == 303, sent.text[:500]
    assert sent.headers["location"] == PAGE_URL + "?stored=added"
    shown = client.get(sent.headers["location"])
    assert shown.status_code == 200 and SYMBOL in shown.text and 'class="para' in shown.text
    assert "Uploaded and stored:" in shown.text and "paragraphs" in shown.text
    after = _stored(api_env)
    assert after[0] == documents + 1 and len(after[1] - files) == 1
    again = _send(client, api_env.keys["admin"], sample)
    assert again.status_code == 303 and again.headers["location"] == PAGE_URL + "?stored=unchanged"
    assert "stored already: nothing changed" in client.get(again.headers["location"]).text
    assert "Uploaded" not in client.get(PAGE_URL).text  # the notice is only for the page the upload opens
    assert client.get(PAGE_URL + "?stored=bogus").status_code == 422
    assert _stored(api_env) == after
    assert SYMBOL in client.get("/documents").text
    _no_secret_shown(api_env, sent, shown, again)


def test_non_pdf_is_refused_naming_the_file(client: TestClient, api_env: ApiEnv) -> None:
    before = _stored(api_env)
    response = _send(client, api_env.keys["curator"], ("notes.txt", b"hello", "text/plain"))
    _refused(response, 415, "notes.txt: not a PDF file")  # the status POST /api/documents answers
    assert _stored(api_env) == before
    _no_secret_shown(api_env, response)


def test_unreadable_pdf_names_the_sent_file_not_the_server_copy(client: TestClient, api_env: ApiEnv) -> None:
    before = _stored(api_env)
    broken = ("draft 3.pdf", b"%PDF-1.7\nnot really a PDF", "application/pdf")
    response = _send(client, api_env.keys["curator"], broken)
    _refused(response, 422, "draft 3.pdf: ")
    assert "/uploads/" not in response.text and str(api_env.settings.store) not in response.text
    api = client.post("/api/documents", files={"file": broken}, headers=api_env.auth("curator"))
    assert api.status_code == 422 and api.json()["error"]["message"].startswith("draft 3.pdf: ")
    assert _stored(api_env) == before


def test_no_file_chosen(client: TestClient, api_env: ApiEnv) -> None:
    before = _stored(api_env)
    _refused(_send(client, api_env.keys["curator"], None), 400, "choose a PDF file")
    _refused(_send(client, api_env.keys["curator"], ("", b"", "application/octet-stream")), 400,
             "choose a PDF file")
    assert _stored(api_env) == before


def test_too_large_is_refused(api_env: ApiEnv) -> None:
    client = TestClient(api_env.new_app(max_upload_mb=1), raise_server_exceptions=False)
    assert "1 MB" in client.get("/upload").text
    before = _stored(api_env)
    big = ("big.pdf", b"%PDF-1.7\n" + b"0" * (1 << 20), "application/pdf")
    _refused(_send(client, api_env.keys["curator"], big), 413, "big.pdf: larger than the upload limit of 1 MB")
    assert _stored(api_env) == before


def test_form_works_when_reading_needs_a_key(api_env: ApiEnv) -> None:
    client = TestClient(api_env.new_app(read_access="key"), raise_server_exceptions=False)
    assert client.get("/upload").status_code == 200
    assert client.get("/documents").status_code == 401
    _refused(_send(client, api_env.keys["reader"], ("a.pdf", b"%PDF-1.7\n", "application/pdf")), 403,
             "curator role")
