"""Schemathesis over every operation of the OpenAPI schema: no 500s, and every error in the one shape.

Bounded: a few generated examples per operation, on the real store. Writes carry a curator key so
that uploads and deletions get past the role check (random symbols match no stored document)."""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from tests.api.helpers import ApiEnv


@pytest.fixture(scope="session")
def api_schema(api_env: ApiEnv) -> Any:
    return schemathesis.openapi.from_asgi("/openapi.json", api_env.app)


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(max_examples=6, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_no_server_errors(case: Any, api_env: ApiEnv) -> None:
    headers = api_env.auth("curator") if case.method in ("POST", "DELETE") else None
    response = case.call(headers=headers)
    assert response.status_code < 500, f"{case.method} {case.formatted_path}: {response.text[:300]}"
    if response.status_code >= 400:
        body = response.json()
        assert set(body) == {"error"} and {"code", "message", "detail"} == set(body["error"])
