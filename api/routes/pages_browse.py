"""The web UI, part 2: situations (mechanisms on a timeline) and recommendations by addressee and
by recommender."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse

from api.auth import require_reader
from api.deps import CatalogueDep, PageDep, StoreDep
from api.errors import NotFoundError
from api.jsonable import jsonable
from api.routes.pages import page
from graph.responses import OFFERED, filtered_recommendations
from ingest.link.recommendations import theme_names

router = APIRouter(include_in_schema=False, dependencies=[Depends(require_reader)])


@router.get("/situations", response_class=HTMLResponse)
def situations_page(request: Request, store: StoreDep) -> HTMLResponse:
    return page(request, "situations.html", situations=jsonable(_all_situations(store)))


def _all_situations(store: Any) -> list[Any]:
    found: list[Any] = []
    while page_ := store.list_situations(offset=len(found), limit=500):
        found += page_
    return found


@router.get("/situations/{situation_id:path}", response_class=HTMLResponse)
def situation_page(request: Request, situation_id: str, store: StoreDep) -> HTMLResponse:
    trace = store.trace(situation_id)
    if trace is None:
        raise NotFoundError(f"no situation {situation_id!r} in the store")
    iso3 = next((s.iso3 for s in _all_situations(store) if s.id == trace.situation_id), None)
    recs = store.recommendations(to=f"state/{iso3}", limit=100) if iso3 else []
    mechanisms = sorted(jsonable(trace.mechanisms), key=lambda m: (m["first_date"] or "9999", m["name"]))
    span = timeline(mechanisms)
    for mech in mechanisms:
        mech["by_document"] = _by_document(mech["evidence"])
    return page(request, "situation.html", trace=jsonable(trace), mechanisms=mechanisms, span=span,
                recommendations=jsonable(recs))


def _day(value: str | None) -> date | None:
    """A date's day on the timeline; a date of year precision ("2025") stands at the start of its year."""
    if not value:
        return None
    try:
        return date(int(value), 1, 1) if value.isdigit() else date.fromisoformat(value[:10])
    except ValueError:
        return None


def timeline(mechanisms: list[dict[str, Any]]) -> dict[str, str] | None:
    """Scale the mechanisms' first-to-last dates onto one axis: sets ``left`` and ``width`` (percent)
    on each mechanism and answers the axis' end labels, or None when no date is known."""
    days = [d for m in mechanisms for d in (_day(m["first_date"]), _day(m["last_date"])) if d]
    if not days:
        return None
    start, end = min(days), max(days)
    total = max((end - start).days, 1)
    for mech in mechanisms:
        first = _day(mech["first_date"]) or start
        last = _day(mech["last_date"]) or first
        mech["left"] = round(100 * (first - start).days / total, 1)
        mech["width"] = max(round(100 * (last - first).days / total, 1), 1.5)
        mech["left"] = min(mech["left"], 100 - mech["width"])
    return {"start": start.isoformat(), "end": end.isoformat()}


def _by_document(evidence: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Evidence paragraphs grouped by document, in order of date."""
    groups: dict[str, dict[str, Any]] = {}
    for ref in evidence:
        group = groups.setdefault(ref["symbol"], {"symbol": ref["symbol"], "date": ref.get("date"), "refs": []})
        group["refs"].append(ref)
    return sorted(groups.values(), key=lambda g: (g["date"] or "", g["symbol"]))


@router.get("/recommendations", response_class=HTMLResponse)
def recommendations_page(
    request: Request, store: StoreDep, catalogue: CatalogueDep, paging: PageDep,
    to: Annotated[str | None, Query(max_length=200)] = None,
    by: Annotated[str | None, Query(max_length=200)] = None,
    mechanism: Annotated[str | None, Query(max_length=200)] = None,
    theme: Annotated[str | None, Query(max_length=100)] = None,
    response: Annotated[str | None, Query(max_length=20)] = None,
) -> HTMLResponse:
    snap = catalogue.snapshot()
    addressees = sorted((e for e in snap.actors.values() if e.addressed), key=lambda e: -e.addressed)
    recommenders = sorted((e for e in [*snap.actors.values(), *snap.mechanisms.values()] if e.recommended),
                          key=lambda e: -e.recommended)
    mechanisms = sorted((e for e in snap.mechanisms.values() if e.under), key=lambda e: -e.under)
    names = theme_names()
    themes = [{"id": t, "name": names.get(t, t), "count": n} for t, n in snap.themes.most_common()]
    chosen = {"to": to or None, "by": by or None, "mechanism": mechanism or None, "theme": theme or None}
    records = []
    if any(chosen.values()) and not paging.beyond(snap.recommendations):
        records = jsonable(filtered_recommendations(store, response, offset=paging.offset, limit=paging.limit,
                                                    **chosen))
    shown = {"mechanism": snap.mechanisms[mechanism].entity.name if mechanism in snap.mechanisms else mechanism,
             "theme": names.get(theme or "", theme)}
    return page(request, "recommendations.html", to=to, by=by, mechanism=shown["mechanism"], theme=shown["theme"],
                filtered=any(chosen.values()), response=response or None, records=records,
                responses=OFFERED, paging=paging,
                addressees=[e.to_json() for e in addressees],
                recommenders=[e.to_json() for e in recommenders],
                mechanisms=[e.to_json() for e in mechanisms], themes=themes)
