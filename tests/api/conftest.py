"""One real store for the API tests, built once per session (see ``helpers.build_env``)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.api.helpers import ApiEnv, build_env


@pytest.fixture(scope="session")
def api_env(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[ApiEnv]:
    env = build_env(corpus, tmp_path_factory.mktemp("api-store"))
    yield env
    env.store.close()


@pytest.fixture(scope="session")
def client(api_env: ApiEnv) -> TestClient:
    return api_env.client()
