"""Every error answers {"error": {"code", "message", "detail"}}: routing, validation, domain and bugs."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.api.helpers import ApiEnv, assert_error


def test_unknown_route_and_document(client: TestClient) -> None:
    assert_error(client.get("/api/nothing-here"), 404, "not_found")
    err = assert_error(client.get("/api/documents/S/9999/999"), 404, "not_found")
    assert "S/9999/999" in err["message"] and err["detail"] == {"symbol": "S/9999/999"}


def test_wrong_method(client: TestClient) -> None:
    err = assert_error(client.put("/api/search?q=x"), 405, "method_not_allowed")
    assert "PUT" in err["message"]


def test_validation_error_names_the_parameter(client: TestClient) -> None:
    err = assert_error(client.get("/api/search", params={"q": "x", "limit": 0}), 422, "invalid_request")
    assert err["message"].startswith("query.limit")
    assert err["detail"][0]["loc"] == ["query", "limit"]
    assert_error(client.get("/api/search"), 422, "invalid_request")
    assert_error(client.get("/api/documents", params={"offset": -1}), 422, "invalid_request")


def test_unexpected_error_hides_internals(api_env: ApiEnv) -> None:
    app = api_env.new_app()

    def broken() -> None:
        raise RuntimeError("secret internal detail")

    app.add_api_route("/api/broken", broken)
    response = TestClient(app, raise_server_exceptions=False).get("/api/broken")
    err = assert_error(response, 500, "internal_error")
    assert "secret" not in response.text and err["detail"] is None


def test_html_pages_answer_html_errors(client: TestClient) -> None:
    response = client.get("/documents/S/9999/999", headers={"Accept": "text/html"})
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert "S/9999/999" in response.text
