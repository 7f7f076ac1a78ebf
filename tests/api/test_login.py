"""Signing in on the web pages when reading needs a key: a session cookie that lets a browser read the
pages and what they link to, and nothing else."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from api.keys import KeyStore
from api.sessions import COOKIE, SessionStore, safe_next
from tests.api.helpers import UPLOAD_SAMPLE, ApiEnv, assert_error

HTML = {"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"}
DOC_URL = "/documents/S/RES/2786%20%282025%29"


@pytest.fixture(scope="module")
def keyed_app(api_env: ApiEnv) -> FastAPI:
    return api_env.new_app(read_access="key")


@pytest.fixture
def browser(keyed_app: FastAPI) -> TestClient:
    """A fresh client (its own cookie jar) on the keyed app."""
    return TestClient(keyed_app, raise_server_exceptions=False)


def _sign_in(client: TestClient, key: str, next_path: str = "/") -> Any:
    return client.post("/login", data={"key": key, "next": next_path}, follow_redirects=False)


def _cookie_attrs(response: Any) -> dict[str, str]:
    header = response.headers["set-cookie"]
    parts = [p.strip() for p in header.split(";")]
    return {p.split("=", 1)[0].lower(): (p.split("=", 1)[1] if "=" in p else "") for p in parts}


def _goes_to_sign_in(client: TestClient, path: str) -> str:
    response = client.get(path, headers=HTML, follow_redirects=False)
    assert response.status_code == 303, (path, response.status_code)
    return response.headers["location"]


def test_keyed_page_without_session_goes_to_sign_in(browser: TestClient, api_env: ApiEnv) -> None:
    assert _goes_to_sign_in(browser, "/documents?offset=0") == "/login?next=%2Fdocuments%3Foffset%3D0"
    assert _goes_to_sign_in(browser, DOC_URL) == "/login?next=%2Fdocuments%2FS%2FRES%2F2786+%282025%29"
    assert _goes_to_sign_in(browser, "/") == "/login"
    form = browser.get("/login", params={"next": "/situations"})
    assert form.status_code == 200 and form.headers["cache-control"] == "no-store"
    assert re.search(r'<input id="key" name="key" type="password" autocomplete="off"', form.text)
    assert 'name="next" value="/situations"' in form.text
    assert 'href="/login"' in form.text  # the navigation offers signing in
    assert '<a href="/situations">open the page again' in form.text  # for links from other sites
    # API clients keep the JSON error, whatever they accept
    err = assert_error(browser.get("/api/documents"), 401, "unauthorized")
    assert "signing in at /login" in err["message"]
    assert_error(browser.get("/api/documents", headers=HTML), 401, "unauthorized")
    assert_error(browser.get("/documents"), 401, "unauthorized")
    assert browser.get("/api/documents", headers=api_env.auth("reader")).status_code == 200


def test_wrong_or_revoked_key_shows_the_form_again(browser: TestClient, api_env: ApiEnv) -> None:
    for key, words in (("r2p_0badc0de_not-a-real-secret", "not valid"), (api_env.keys["revoked"], "revoked"),
                       ("", "Enter your API key")):
        response = _sign_in(browser, key, "/documents")
        assert response.status_code == 401 and response.headers["content-type"].startswith("text/html")
        assert words in response.text and 'role="alert"' in response.text
        assert "set-cookie" not in response.headers
        assert not key or key not in response.text
        assert 'name="next" value="/documents"' in response.text
    assert not browser.cookies
    assert _goes_to_sign_in(browser, "/documents").startswith("/login")


def test_reader_signs_in_and_reads_pages_and_their_links(browser: TestClient, api_env: ApiEnv) -> None:
    key = api_env.keys["reader"]
    response = _sign_in(browser, key, "/documents?offset=0")
    assert response.status_code == 303 and response.headers["location"] == "/documents?offset=0"
    attrs = _cookie_attrs(response)
    token = attrs[COOKIE]
    assert token and token != key and key not in response.headers["set-cookie"]
    assert {"httponly", "path", "samesite", "max-age"} <= set(attrs) and "secure" not in attrs
    assert attrs["path"] == "/" and attrs["samesite"].lower() == "strict" and attrs["max-age"] == "43200"

    search = browser.get("/", params={"q": "Security Council decides"})
    assert search.status_code == 200 and 'class="hit"' in search.text
    assert 'action="/logout"' in search.text and 'href="/login"' not in search.text
    document = browser.get(DOC_URL)
    assert document.status_code == 200 and 'id="para-1"' in document.text
    assert "private" in document.headers["cache-control"]
    for label in ("Original PDF", "JSON"):
        link = re.search(r'<a [^>]*href="(/api/documents/[^"]+)">' + label, document.text)
        assert link, label
        linked = browser.get(link.group(1))
        assert linked.status_code == 200, (label, linked.text[:200])
    assert linked.json()["symbol"] == "S/RES/2786 (2025)"
    pdf = browser.get(re.search(r'href="(/api/documents/[^"]+/pdf)"', document.text).group(1))  # type: ignore[union-attr]
    assert pdf.headers["content-type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    for path in ("/documents", "/situations", "/recommendations"):
        assert browser.get(path).status_code == 200, path
    assert browser.get("/similar", params={"symbol": "S/RES/2786 (2025)", "paragraph": "1"}).status_code == 200


def test_cookie_is_secure_over_https(keyed_app: FastAPI, api_env: ApiEnv) -> None:
    client = TestClient(keyed_app, base_url="https://testserver", raise_server_exceptions=False)
    response = _sign_in(client, api_env.keys["curator"])
    assert response.status_code == 303 and "secure" in _cookie_attrs(response)
    assert client.get("/documents").status_code == 200


def test_revoking_the_key_ends_its_sessions_at_once(browser: TestClient, api_env: ApiEnv) -> None:
    keys = KeyStore(Path(api_env.settings.store))
    record, secret = keys.create(role="reader", name="revoked while signed in")
    assert _sign_in(browser, secret).status_code == 303
    assert browser.get("/documents").status_code == 200
    keys.revoke(record.id)
    assert _goes_to_sign_in(browser, "/documents") == "/login?next=%2Fdocuments"
    assert_error(browser.get("/api/documents"), 401, "unauthorized")
    assert _sign_in(browser, secret).status_code == 401


def test_sign_out_ends_the_session(browser: TestClient, api_env: ApiEnv) -> None:
    response = _sign_in(browser, api_env.keys["reader"])
    token = _cookie_attrs(response)[COOKIE]
    assert browser.get("/documents").status_code == 200
    out = browser.post("/logout", follow_redirects=False)
    assert out.status_code == 303 and out.headers["location"] == "/login"
    cleared = _cookie_attrs(out)
    assert cleared[COOKIE] in ("", '""') and cleared["max-age"] == "0"
    assert not browser.cookies.get(COOKIE)
    assert _goes_to_sign_in(browser, "/documents").startswith("/login")
    # the old token, sent again by hand, is dead on the server too
    stale = TestClient(browser.app, cookies={COOKIE: token}, raise_server_exceptions=False)
    assert _goes_to_sign_in(stale, "/documents").startswith("/login")


@pytest.mark.parametrize("target", ["//evil.example", "https://evil.example", "/\\evil.example",
                                    "///evil.example", "http:/evil.example", "javascript:alert(1)",
                                    "evil.example", "/\r\nLocation: https://evil.example", ""])
def test_no_open_redirect_after_sign_in(browser: TestClient, api_env: ApiEnv, target: str) -> None:
    response = _sign_in(browser, api_env.keys["reader"], target)
    assert response.status_code == 303 and response.headers["location"] == "/"
    form = browser.get("/login", params={"next": target})
    assert 'name="next" value="/"' in form.text


def test_local_next_paths_are_kept() -> None:
    assert safe_next("/documents/S/RES/2786%20%282025%29#para-1") == "/documents/S/RES/2786%20%282025%29#para-1"
    assert safe_next("/?q=protection+of+civilians&kind=operative") == "/?q=protection+of+civilians&kind=operative"
    assert safe_next(None) == "/" and safe_next("/x\\y") == "/"


def test_the_cookie_never_authorises_a_write(browser: TestClient, api_env: ApiEnv, corpus: Path) -> None:
    assert _sign_in(browser, api_env.keys["admin"]).status_code == 303
    assert browser.get("/documents").status_code == 200
    before = len(api_env.store.list_documents(limit=1000))
    pdf = ("letter.pdf", (corpus / UPLOAD_SAMPLE).read_bytes(), "application/pdf")
    assert_error(browser.post("/api/documents", files={"file": pdf}), 401, "unauthorized")
    assert_error(browser.delete("/api/documents/S/RES/2786 (2025)"), 401, "unauthorized")
    assert_error(browser.get("/api/keys"), 401, "unauthorized")  # reading keys is an admin's, not a reader's
    assert_error(browser.post("/api/keys", json={"role": "admin"}), 401, "unauthorized")
    keys = KeyStore(Path(api_env.settings.store))
    reader = next(k for k in keys.list() if k.active and k.role == "reader")
    assert_error(browser.delete(f"/api/keys/{reader.id}"), 401, "unauthorized")
    upload = browser.post("/upload", files={"file": pdf}, follow_redirects=False)
    assert upload.status_code == 401 and "enter your API key" in upload.text
    assert len(api_env.store.list_documents(limit=1000)) == before
    assert keys.get(reader.id) == reader
    assert browser.get(DOC_URL).status_code == 200


def test_open_reading_needs_no_sign_in(client: TestClient, api_env: ApiEnv) -> None:
    for path in ("/", "/documents", DOC_URL, "/api/documents/S/RES/2786 (2025)/pdf"):
        assert client.get(path, headers=HTML).status_code == 200, path
    page = client.get("/documents")
    assert 'href="/login"' not in page.text and 'action="/logout"' not in page.text
    assert "private" not in page.headers.get("cache-control", "")
    notice = client.get("/login")
    assert notice.status_code == 200 and "Reading is open" in notice.text and 'name="key"' not in notice.text
    response = client.post("/login", data={"key": api_env.keys["reader"], "next": "/documents"},
                           follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/documents"
    assert "set-cookie" not in response.headers


def test_sessions_expire_and_are_bounded(api_env: ApiEnv) -> None:
    keys = KeyStore(Path(api_env.settings.store))
    reader = next(k for k in keys.list() if k.active and k.role == "reader")
    expired = SessionStore(keys, lifetime_s=0)
    assert expired.key_for(expired.start(reader)) is None
    bounded = SessionStore(keys, limit=2)
    first, second, third = (bounded.start(reader) for _ in range(3))
    assert bounded.key_for(first) is None  # the oldest went first
    assert bounded.key_for(second) == reader and bounded.key_for(third) == reader
    assert bounded.key_for("not-a-token") is None
