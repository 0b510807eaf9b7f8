"""Response bodies, declared so that /openapi.json documents them and schemathesis checks them.

Records keep every column the store gives (extra fields allowed); the fields named here are the
ones the page and the docs rely on.
"""
from __future__ import annotations

from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field


class Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class Problem(BaseModel):
    """Every 4xx answer: a sentence naming the input and the reason."""
    detail: str = Field(description="what was wrong, naming the input")
    errors: Optional[list[dict]] = Field(None, description="one entry per invalid input (422 only)")


class Event(Open):
    event_id: int
    date: Optional[str] = None
    date_precision: Optional[str] = None
    type: Optional[str] = None
    cameo: Optional[str] = None
    quad_class: Optional[int] = None
    goldstein: Optional[float] = None
    source_code: Optional[str] = None
    source_name: Optional[str] = None
    target_code: Optional[str] = None
    target_name: Optional[str] = None
    place_name: Optional[str] = None
    n_articles: Optional[int] = None


class EventPage(BaseModel):
    items: list[Event]
    total: int = Field(description="events matching the filters, all pages together")
    limit: int
    offset: int


class Mention(Open):
    article_id: str


class EventDetail(Event):
    mentions: list[Mention] = []


class DyadPoint(BaseModel):
    period: str = Field(description="first day of the period, YYYY-MM-DD (weeks start on Monday)")
    direction: Literal["a->b", "b->a"]
    events: int
    goldstein_mean: Optional[float] = None


class Dyad(BaseModel):
    a: str
    b: str
    by: Literal["day", "week", "month"]
    items: list[DyadPoint]


class Actor(Open):
    code: Optional[str] = None
    name: Optional[str] = None


class ActorList(BaseModel):
    items: list[Actor]


class Quote(Open):
    quote_id: int
    article_id: str
    text: Optional[str] = None
    kind: Optional[str] = None
    speaker_code: Optional[str] = None


class QuotePage(BaseModel):
    items: list[Quote]
    total: int
    limit: int
    offset: int


class ArticleSummary(Open):
    article_id: str
    title: Optional[str] = None
    published: Optional[str] = None


class ArticlePage(BaseModel):
    items: list[ArticleSummary]
    total: int
    limit: int
    offset: int


class Article(Open):
    article_id: str
    text: str
    events: list[dict] = []
    quotes: list[dict] = []


class NetworkNode(BaseModel):
    code: str
    name: Optional[str] = None
    events: int = Field(description="events on the drawn edges this actor is source or target of")


class NetworkEdge(BaseModel):
    source: str
    target: str
    events: int
    goldstein_mean: Optional[float] = None
    source_name: Optional[str] = None
    target_name: Optional[str] = None


class Network(BaseModel):
    nodes: list[NetworkNode]
    edges: list[NetworkEdge]
    truncated: bool = Field(description="true when only the heaviest edges are returned (max_edges)")


class MapPlace(BaseModel):
    place_name: str
    place_country: Optional[str] = None
    lat: float
    lon: float
    quad_class: Optional[int] = None
    events: int


class MapPlaces(BaseModel):
    items: list[MapPlace]


class Vocabulary(BaseModel):
    types: list[str]
    quad_classes: dict[str, str]
    cameo_roots: dict[str, str]


class CodeRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str = Field(description="the article's text (plain text)")
    published: Optional[str] = Field(None, description="publication date, YYYY-MM-DD; dates in the text are resolved against it")
    id: Optional[str] = Field(None, max_length=200)
    title: Optional[str] = Field(None, max_length=1000)
