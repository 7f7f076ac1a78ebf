"""API keys: created once, shown once, kept only as a SHA-256 hash in ``<store>/api-keys.json``.

A key reads ``r2p_<id>_<secret>``: ``id`` (8 hex digits) names it in listings and revocation; the
secret is 32 random bytes. Checking a key hashes it and compares in constant time. The file lives in
the store directory next to the graph, never in the graph itself.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
import tempfile
import threading
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

from api.errors import KeyNotFoundError, KeyStoreError

ROLES = ("reader", "curator", "admin")
KEY_FILE = "api-keys.json"
_PREFIX = "r2p_"


@dataclass(frozen=True, slots=True)
class ApiKey:
    id: str
    role: str
    name: str | None
    created: str
    hash: str
    revoked: str | None = None

    @property
    def active(self) -> bool:
        return self.revoked is None


def role_at_least(role: str, needed: str) -> bool:
    """Whether ``role`` includes the rights of ``needed`` (reader < curator < admin)."""
    return ROLES.index(role) >= ROLES.index(needed)


def _digest(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


class KeyStore:
    """The key file of one store directory. Thread-safe; writes are atomic (temp file + rename)."""

    def __init__(self, store_dir: Path) -> None:
        self.path = Path(store_dir) / KEY_FILE
        self._lock = threading.Lock()

    def _load(self) -> list[ApiKey]:
        if not self.path.exists():
            return []
        try:
            rows = json.loads(self.path.read_text(encoding="utf-8"))
            return [ApiKey(**row) for row in rows["keys"]]
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise KeyStoreError(f"{self.path}: unreadable key file ({exc})") from exc

    def _save(self, keys: list[ApiKey]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".api-keys.")
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump({"keys": [asdict(k) for k in keys]}, out, indent=1)
        os.chmod(tmp, 0o600)
        os.replace(tmp, self.path)

    def create(self, *, role: str, name: str | None = None) -> tuple[ApiKey, str]:
        """Make a key with ``role``; answers the record and the secret key (shown once, never stored)."""
        if role not in ROLES:
            raise KeyStoreError(f"unknown role {role!r}; choose one of {', '.join(ROLES)}")
        with self._lock:
            keys = self._load()
            taken = {k.id for k in keys}
            key_id = secrets.token_hex(4)
            while key_id in taken:
                key_id = secrets.token_hex(4)
            secret = f"{_PREFIX}{key_id}_{secrets.token_urlsafe(32)}"
            created = datetime.now(UTC).isoformat(timespec="seconds")
            record = ApiKey(id=key_id, role=role, name=name, created=created, hash=_digest(secret))
            self._save([*keys, record])
        return record, secret

    def revoke(self, key_id: str) -> ApiKey:
        """Mark a key revoked (kept for the record); raises when there is no such key."""
        with self._lock:
            keys = self._load()
            found = next((k for k in keys if k.id == key_id), None)
            if found is None:
                raise KeyNotFoundError(f"no API key with id {key_id!r} in {self.path}", detail={"id": key_id})
            revoked = ApiKey(**{**asdict(found), "revoked": datetime.now(UTC).isoformat(timespec="seconds")})
            self._save([revoked if k.id == key_id else k for k in keys])
        return revoked

    def list(self) -> list[ApiKey]:
        """Every key ever created, revoked ones included."""
        with self._lock:
            return self._load()

    def get(self, key_id: str) -> ApiKey | None:
        """The key with this id (revoked or not), or None."""
        return next((k for k in self.list() if k.id == key_id), None)

    def verify(self, key: str) -> ApiKey | None:
        """The active key matching ``key``, or None. The hash is compared in constant time."""
        if not key.startswith(_PREFIX) or key.count("_") < 2:
            return None
        key_id = key[len(_PREFIX):].split("_", 1)[0]
        digest = _digest(key)
        for record in self.list():
            if record.id == key_id and hmac.compare_digest(record.hash, digest):
                return record if record.active else None
        return None
