"""Schemathesis over every operation of the OpenAPI schema: no 500s, and every error in the one shape.

Bounded: a few generated examples per operation, on the real store. Writes carry a curator key so
that uploads and deletions get past the role check (random symbols match no stored document)."""

from __future__ import annotations

from typing import Any

import schemathesis
from hypothesis import HealthCheck, given, settings

from tests.api.helpers import ApiEnv

EXAMPLES = 6


def _check_operation(operation: Any, api_env: ApiEnv) -> None:
    headers = api_env.auth("curator") if operation.method.upper() in ("POST", "DELETE") else None

    @given(case=operation.as_strategy())
    @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck),
              derandomize=True, database=None)
    def run(case: Any) -> None:
        response = case.call(headers=headers)
        where = f"{case.method} {case.formatted_path} {case.query}"
        assert response.status_code < 500, f"{where}: {response.text[:300]}"
        if response.status_code >= 400:
            body = response.json()
            assert set(body) == {"error"} and set(body["error"]) == {"code", "message", "detail"}, where

    run()


def test_no_server_errors_on_any_operation(api_env: ApiEnv) -> None:
    schema = schemathesis.openapi.from_asgi("/openapi.json", api_env.app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 15
    for operation in operations:
        _check_operation(operation, api_env)
