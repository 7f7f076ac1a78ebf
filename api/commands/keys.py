"""``r2p keys create|revoke|list``: API keys kept hashed in the store directory."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from api.keys import KeyStore
from api.settings import Settings


def run(settings: Settings, *, action: str, role: str = "reader", name: str | None = None,
        key_id: str | None = None, as_json: bool = False) -> int:
    """Create (prints the key once), revoke, or list the keys of ``settings.store``."""
    keys = KeyStore(Path(settings.store))
    if action == "create":
        record, secret = keys.create(role=role, name=name)
        print(secret)
        print(f"created key {record.id} with role {record.role}; it is shown only now, keep it safe",
              file=sys.stderr)
        return 0
    if action == "revoke":
        record = keys.revoke(key_id or "")
        print(f"revoked key {record.id} ({record.role})")
        return 0
    rows = [{"id": k.id, "role": k.role, "name": k.name, "created": k.created, "revoked": k.revoked}
            for k in keys.list()]
    if as_json:
        print(json.dumps(rows, indent=1))
        return 0
    for row in rows:
        state = f"revoked {row['revoked']}" if row["revoked"] else "active"
        print(f"{row['id']}  {row['role']:<8} {state:<30} {row['name'] or ''}")
    if not rows:
        print(f"no API keys in {keys.path}")
    return 0
