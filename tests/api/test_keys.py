"""API keys: hashed at rest, shown once, revocable; the `r2p keys` commands."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from api.errors import KeyStoreError
from api.keys import KeyStore, role_at_least

REPO = Path(__file__).resolve().parents[2]


def test_key_is_stored_only_as_a_hash(tmp_path: Path) -> None:
    keys = KeyStore(tmp_path)
    record, secret = keys.create(role="curator", name="ingest bot")
    text = (tmp_path / "api-keys.json").read_text()
    assert secret.startswith(f"r2p_{record.id}_")
    assert secret not in text and secret.split("_", 2)[2] not in text
    assert record.hash in text
    assert (tmp_path / "api-keys.json").stat().st_mode & 0o077 == 0
    assert keys.verify(secret) == record


def test_wrong_and_revoked_keys_fail(tmp_path: Path) -> None:
    keys = KeyStore(tmp_path)
    record, secret = keys.create(role="reader")
    assert keys.verify(secret[:-1] + ("A" if secret[-1] != "A" else "B")) is None
    assert keys.verify("not-a-key") is None
    assert keys.verify(f"r2p_{record.id}_") is None
    keys.revoke(record.id)
    assert keys.verify(secret) is None
    assert keys.list()[0].revoked is not None


def test_bad_role_and_unknown_id_are_clear_errors(tmp_path: Path) -> None:
    keys = KeyStore(tmp_path)
    with pytest.raises(KeyStoreError, match="unknown role 'root'"):
        keys.create(role="root")
    with pytest.raises(KeyStoreError, match="no API key with id 'deadbeef'"):
        keys.revoke("deadbeef")


def test_corrupt_key_file_names_the_file(tmp_path: Path) -> None:
    (tmp_path / "api-keys.json").write_text("{not json")
    with pytest.raises(KeyStoreError, match="api-keys.json: unreadable key file"):
        KeyStore(tmp_path).list()


def test_roles_are_ordered() -> None:
    assert role_at_least("admin", "curator") and role_at_least("curator", "reader")
    assert not role_at_least("reader", "curator") and not role_at_least("curator", "admin")


def _r2p(*args: str, store: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "api.cli", *args, "--store", str(store)],
        check=False, cwd=REPO, env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"},
        capture_output=True, text=True, timeout=60,
    )


def test_cli_create_list_revoke(tmp_path: Path) -> None:
    made = _r2p("keys", "create", "--role", "curator", "--name", "desk", store=tmp_path)
    assert made.returncode == 0, made.stderr
    secret = made.stdout.strip()
    assert secret.startswith("r2p_") and "shown only now" in made.stderr
    listed = _r2p("keys", "list", "--json", store=tmp_path)
    rows = json.loads(listed.stdout)
    assert [(r["role"], r["name"], r["revoked"]) for r in rows] == [("curator", "desk", None)]
    assert secret not in listed.stdout
    revoked = _r2p("keys", "revoke", rows[0]["id"], store=tmp_path)
    assert revoked.returncode == 0 and "revoked" in revoked.stdout
    assert KeyStore(tmp_path).verify(secret) is None
    missing = _r2p("keys", "revoke", "00000000", store=tmp_path)
    assert missing.returncode == 2 and "no API key with id '00000000'" in missing.stderr
