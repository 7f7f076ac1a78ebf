"""A real store for the API and browser tests: a few small real UN PDFs ingested through the same
wiring the server uses, the real embedder, and API keys of every role."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.testclient import TestClient

from api.app import create_app, open_settings_store
from api.keys import KeyStore
from api.settings import Settings
from api.uploads import ingest_pdf

# Small real documents: two Security Council resolutions and a one-page letter.
SAMPLES = ("un-mixed-2025/S_RES_2786 (2025).en.pdf", "un-mixed-2025/S_RES_2768 (2025).en.pdf",
           "un-mixed-2025/S_2025_206.en.pdf")
UPLOAD_SAMPLE = "un-mixed-2025/S_2025_117.en.pdf"


@dataclass
class ApiEnv:
    settings: Settings
    store: Any
    embedder: Any
    app: FastAPI
    keys: dict[str, str]  # role -> secret; "revoked" -> a revoked curator key
    symbols: list[str]

    def client(self) -> TestClient:
        return TestClient(self.app, raise_server_exceptions=False)

    def auth(self, role: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.keys[role]}"}

    def new_app(self, **api: Any) -> FastAPI:
        """Another app over the same open store, with some API settings changed."""
        settings = self.settings.model_copy(deep=True)
        for name, value in api.items():
            setattr(settings.api, name, value)
        return create_app(settings, store=self.store, embedder=self.embedder)


def _make_keys(store_dir: Path) -> dict[str, str]:
    keys = KeyStore(store_dir)
    made = {role: keys.create(role=role, name=f"test {role}")[1] for role in ("reader", "curator", "admin")}
    record, made["revoked"] = keys.create(role="curator", name="revoked")
    keys.revoke(record.id)
    return made


def build_env(corpus: Path, store_dir: Path) -> ApiEnv:
    """Open a store in ``store_dir``, ingest the samples, make keys, build the app."""
    from search.embed import load_embedder

    settings = Settings(store=store_dir)
    store = open_settings_store(settings)
    embedder = load_embedder()
    symbols = [ingest_pdf(corpus / name, store=store, embedder=embedder).symbol for name in SAMPLES]
    keys = _make_keys(store_dir)
    app = create_app(settings, store=store, embedder=embedder)
    return ApiEnv(settings=settings, store=store, embedder=embedder, app=app, keys=keys, symbols=symbols)


def assert_error(response: Any, status: int, code: str) -> dict[str, Any]:
    """The one error shape, with the given status and code."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message", "detail"}
    assert body["error"]["code"] == code
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]
    return body["error"]
