"""The read endpoints: events, dyads, actors, quotes, articles, stats, network, map.

Every query goes through the Store's parameterised queries (or quiquoi/api/queries.py);
inputs the schema cannot check (an unknown actor, since after until) raise InvalidInput -> 422.
"""
from __future__ import annotations

import datetime as dt
import re
from enum import Enum
from typing import Annotated, Literal, Optional

from fastapi import APIRouter, HTTPException, Path, Query, Request
from pydantic import BeforeValidator

from quiquoi.api import models, queries
from quiquoi.api.errors import InvalidInput
from quiquoi.api.records import plain, rows
from quiquoi.api.vocabulary import cameo_roots, plover_types, quad_classes

router = APIRouter(prefix="/api", tags=["read"])

# Built from quiquoi/data/cameo.tsv so the documented enum is the coder's own vocabulary.
EventType = Enum("EventType", {t: t for t in plover_types()}, type=str)
CameoRoot = Enum("CameoRoot", {f"R{r}": r for r in cameo_roots()}, type=str)

MAX_PAGE = 1000
MAX_OFFSET = 10_000_000


ActorParam = Annotated[Optional[str], Query(min_length=1, max_length=100,
                                            description="CAMEO-style code or its prefix (RUS matches RUSGOV, RUSMIL), or a canonical name")]
Limit = Annotated[int, Query(ge=0, le=MAX_PAGE, description=f"page size (0 to {MAX_PAGE})")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="rows to skip")]
def _iso_day(value):
    """Days are written YYYY-MM-DD: pydantic would also take a number as a Unix time
    ("0" -> 1970-01-01), which no user of this API means."""
    if isinstance(value, str) and not _ISO_DAY.fullmatch(value):
        raise ValueError("a day is written YYYY-MM-DD")
    return value


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
Since = Annotated[Optional[dt.date], BeforeValidator(_iso_day),
                  Query(description="first day, YYYY-MM-DD (an event's date period starting on or after it)")]
Until = Annotated[Optional[dt.date], BeforeValidator(_iso_day), Query(description="last day, YYYY-MM-DD")]
TextParam = Annotated[Optional[str], Query(min_length=1, max_length=200)]


def _pool(request: Request):
    return request.app.state.pool


def _check_actor(request: Request, param: str, value: Optional[str]) -> Optional[str]:
    if value is None:
        return None
    value = value.strip()
    if not value:
        raise InvalidInput(param, "empty actor")
    index = request.app.state.actor_index
    if not index.knows(value):
        hint = ", ".join(index.suggest(value))
        raise InvalidInput(param, f"unknown actor {value!r}: no actor code starts with it and no actor has that name"
                                  + (f" (codes in this store include {hint})" if hint else ""))
    return value


def _check_dates(since: Optional[dt.date], until: Optional[dt.date]) -> tuple[Optional[str], Optional[str]]:
    if since and until and since > until:
        raise InvalidInput("until", f"{until.isoformat()} is before since={since.isoformat()}")
    return (since.isoformat() if since else None, until.isoformat() if until else None)


def _clean_text(param: str, value: Optional[str]) -> Optional[str]:
    if value is None:
        return None
    if "\x00" in value:
        raise InvalidInput(param, "contains a NUL character")
    return value.strip() or None


def _event_filters(request: Request, actor, source, target, type, cameo_root, quad_class, country, place,
                   since, until, q) -> dict:
    s, u = _check_dates(since, until)
    return {
        "actor": _check_actor(request, "actor", actor),
        "source": _check_actor(request, "source", source),
        "target": _check_actor(request, "target", target),
        "type": type.value if type else None,
        "cameo_root": cameo_root.value if cameo_root else None,
        "quad_class": quad_class,
        "country": country,
        "place": _clean_text("place", place),
        "since": s, "until": u,
        "text": _clean_text("q", q),
    }


@router.get("/events", response_model=models.EventPage, summary="Events matching the filters, newest first")
def list_events(
    request: Request,
    actor: ActorParam = None,
    source: ActorParam = None,
    target: ActorParam = None,
    type: Annotated[Optional[EventType], Query(description="PLOVER event type")] = None,
    cameo_root: Annotated[Optional[CameoRoot], Query(description="CAMEO root code, 01 to 20")] = None,
    quad_class: Annotated[Optional[int], Query(ge=1, le=4, description="1 verbal cooperation … 4 material conflict")] = None,
    country: Annotated[Optional[str], Query(pattern="^[A-Z]{3}$", description="ISO3 country of the source, target or place")] = None,
    place: Annotated[Optional[str], Query(min_length=1, max_length=100, description="place name (case-insensitive) or ISO3 country")] = None,
    since: Since = None,
    until: Until = None,
    q: Annotated[Optional[str], Query(min_length=1, max_length=200, description="words in the event's sentence")] = None,
    limit: Limit = 50,
    offset: Offset = 0,
    exact: Annotated[bool, Query(description="actor, source and target match the code itself (or the name), not codes starting with it")] = False,
    with_text: Annotated[bool, Query(description="add each event's sentence (`text`, from its best mention; slower on big stores)")] = False,
):
    filters = _event_filters(request, actor, source, target, type, cameo_root, quad_class, country, place, since, until, q)
    with _pool(request).store() as st:
        if exact or not with_text:
            total = queries.count_events(st.con, exact=exact, **filters)
        else:
            total = st.count_events(**filters)
        if not limit:
            items = []
        elif with_text and not exact:
            items = rows(st.events(limit=limit, offset=offset, **filters))
        else:
            items = rows(queries.events_page(st.con, limit, offset, exact=exact, **filters))
            if with_text:
                items = _with_text(st, items)
    return {"items": items, "total": total, "limit": limit, "offset": offset}


def _with_text(st, items: list[dict]) -> list[dict]:
    # rare combination (exact + with_text): the sentence from each event's own record
    for item in items:
        ev = st.event(item["event_id"]) or {}
        mentions = ev.get("mentions") or [{}]
        item["text"] = mentions[0].get("text")
    return items


@router.get("/events/{event_id}", response_model=models.EventDetail, summary="One event with all its mentions and spans",
            responses={404: {"model": models.Problem}})
def get_event(request: Request, event_id: Annotated[int, Path(ge=0, le=2**63 - 1)]):
    with _pool(request).store() as st:
        ev = st.event(event_id)
    if ev is None:
        raise HTTPException(404, f"no event with id {event_id}")
    return plain(ev)


@router.get("/dyads/{a}/{b}", response_model=models.Dyad,
            summary="Events per period between two actors, both directions, with mean Goldstein")
def get_dyad(
    request: Request,
    a: Annotated[str, Path(min_length=1, max_length=100, description="actor code (prefix) or name")],
    b: Annotated[str, Path(min_length=1, max_length=100, description="actor code (prefix) or name")],
    by: Literal["day", "week", "month"] = "week",
    since: Since = None,
    until: Until = None,
):
    a = _check_actor(request, "a", a)
    b = _check_actor(request, "b", b)
    s, u = _check_dates(since, until)
    with _pool(request).store() as st:
        frame = st.dyad(a, b, by=by, since=s, until=u)
    return {"a": a, "b": b, "by": by, "items": rows(frame)}


@router.get("/actors", response_model=models.ActorList, summary="The most mentioned actors")
def list_actors(request: Request, top: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50):
    with _pool(request).store() as st:
        return {"items": rows(st.actors(top=top))}


@router.get("/actors/{code}", response_model=models.Actor, summary="One actor: names, counts, partners",
            responses={404: {"model": models.Problem}})
def get_actor(request: Request, code: Annotated[str, Path(min_length=1, max_length=100)]):
    with _pool(request).store() as st:
        found = st.actor(code) if code.strip() else None
    if found is None:
        raise HTTPException(404, f"no actor {code!r} in this store")
    return plain(found)


@router.get("/quotes", response_model=models.QuotePage, summary="Quotations, searchable by speaker and actor mentioned")
def list_quotes(
    request: Request,
    speaker: Annotated[Optional[str], Query(min_length=1, max_length=200, description="speaker's code, name, or words of the name as written")] = None,
    actor: ActorParam = None,
    q: TextParam = None,
    limit: Limit = 50,
    offset: Offset = 0,
):
    f = {"speaker": _clean_text("speaker", speaker), "actor": _check_actor(request, "actor", actor), "text": _clean_text("q", q)}
    with _pool(request).store() as st:
        total = queries.count_quotes(st.con, **f)
        items = rows(st.quotes(limit=limit, offset=offset, **f)) if limit else []
    return {"items": items, "total": total, "limit": limit, "offset": offset}


@router.get("/articles", response_model=models.ArticlePage, summary="Stored articles, newest first")
def list_articles(request: Request, limit: Limit = 50, offset: Offset = 0):
    with _pool(request).store() as st:
        frame, total = queries.articles(st.con, limit, offset)
    return {"items": rows(frame), "total": total, "limit": limit, "offset": offset}


@router.get("/articles/{article_id:path}", response_model=models.Article,
            summary="An article: its text, event mentions with spans, quotes, actors",
            responses={404: {"model": models.Problem}})
def get_article(request: Request, article_id: Annotated[str, Path(min_length=1, max_length=500)]):
    with _pool(request).store() as st:
        found = st.article(article_id)
    if found is None:
        raise HTTPException(404, f"no article with id {article_id!r}")
    return plain(found)


@router.get("/stats", summary="What the store holds")
def get_stats(request: Request) -> dict:
    with _pool(request).store() as st:
        return plain(st.stats())


@router.get("/network", response_model=models.Network,
            summary="Actor network: one edge per (source, target) pair with its count and mean Goldstein")
def get_network(
    request: Request,
    since: Since = None,
    until: Until = None,
    type: Annotated[Optional[EventType], Query(description="PLOVER event type")] = None,
    min_events: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
    max_edges: Annotated[int, Query(ge=1, le=2000, description="keep only the heaviest edges")] = 300,
):
    s, u = _check_dates(since, until)
    with _pool(request).store() as st:
        frame = st.network(since=s, until=u, type=type.value if type else None, min_events=min_events)
    edges = rows(frame)
    truncated = len(edges) > max_edges
    edges = edges[:max_edges]   # the store orders them heaviest first
    nodes: dict[str, dict] = {}
    for e in edges:
        for side in ("source", "target"):
            n = nodes.setdefault(e[side], {"code": e[side], "name": e.get(f"{side}_name"), "events": 0})
            n["events"] += e["events"]
    return {"nodes": list(nodes.values()), "edges": edges, "truncated": truncated}


@router.get("/map", response_model=models.MapPlaces, summary="Geocoded events grouped by place and quad class")
def get_map(
    request: Request,
    since: Since = None,
    until: Until = None,
    type: Annotated[Optional[EventType], Query(description="PLOVER event type")] = None,
):
    s, u = _check_dates(since, until)
    with _pool(request).store() as st:
        frame = queries.map_places(st.con, since=s, until=u, type=type.value if type else None)
    return {"items": rows(frame)}


@router.get("/vocabulary", response_model=models.Vocabulary, summary="Event types, quad classes and CAMEO roots the filters take")
def get_vocabulary() -> dict:
    return {"types": list(plover_types()), "quad_classes": quad_classes(), "cameo_roots": cameo_roots()}
