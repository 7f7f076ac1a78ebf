"""API keys over HTTP (admin role): list, create (the key is answered once), revoke."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from api.auth import require_admin
from api.keys import ApiKey, KeyStore

router = APIRouter(prefix="/api/keys", tags=["keys"], dependencies=[Depends(require_admin)])


class NewKey(BaseModel):
    role: Literal["reader", "curator", "admin"] = "reader"
    name: str | None = Field(default=None, max_length=100)


def _public(key: ApiKey) -> dict[str, Any]:
    return {"id": key.id, "role": key.role, "name": key.name, "created": key.created, "revoked": key.revoked}


def _keys(request: Request) -> KeyStore:
    return request.app.state.keys


@router.get("", summary="Every API key (never the secrets)")
def list_keys(request: Request) -> dict[str, Any]:
    items = [_public(k) for k in _keys(request).list()]
    return {"items": items, "offset": 0, "limit": len(items), "total": len(items)}


@router.post("", status_code=201, summary="Create a key; the secret is in this answer only")
def create_key(request: Request, body: NewKey) -> JSONResponse:
    record, secret = _keys(request).create(role=body.role, name=body.name)
    return JSONResponse({**_public(record), "key": secret}, status_code=201)


@router.delete("/{key_id}", summary="Revoke a key")
def revoke_key(request: Request, key_id: Annotated[str, Path(max_length=16)]) -> dict[str, Any]:
    return _public(_keys(request).revoke(key_id))
