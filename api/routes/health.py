"""``GET /healthz``: the process answers and the store is open (``HEAD`` too, for monitors)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request, Response

router = APIRouter(tags=["health"])


@router.get("/healthz", summary="Liveness: the app answers and holds an open store")
def healthz(request: Request) -> dict[str, Any]:
    return {"status": "ok", "store": request.app.state.store is not None}


@router.head("/healthz", include_in_schema=False)
def healthz_head() -> Response:
    return Response(status_code=200)
