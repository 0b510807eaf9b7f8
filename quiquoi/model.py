"""The records quiquoi produces: the output contract documented in the README.

Plain dataclasses so every stage can build them without knowing the others; `to_dict`
gives the JSON shape that later tools (store, API, exports) read.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Actor:
    text: str                      # as written in the article
    name: str                      # canonical name
    country: str | None = None     # ISO 3166 alpha-3
    role: str | None = None        # CAMEO role: GOV, MIL, REB, OPP, CVL, IGO, ...
    code: str | None = None        # CAMEO-style code, e.g. USAGOV, IGOUNO
    start: int | None = None
    end: int | None = None
    kind: str | None = None        # person | country | organisation | group | title | place-metonym

    def key(self) -> tuple:
        return (self.name, self.code)

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if k != "kind" or v is not None}


@dataclass
class Span:
    text: str
    start: int
    end: int


@dataclass
class Event:
    sentence: int                  # 1-based sentence index in the article
    paragraph: int                 # 1-based paragraph index (blank-line separated)
    text: str                      # the sentence
    type: str                      # PLOVER event type
    mode: str | None
    cameo: str
    goldstein: float
    source: Actor | None
    target: Actor | None
    trigger: Span
    negated: bool = False
    modality: str = "asserted"     # asserted | proposed | requested | refused | hypothetical | reported
    date: str | None = None
    date_precision: str | None = None
    date_text: str | None = None
    places: list[dict] = field(default_factory=list)   # geocoded places tied to the event
    place: dict | None = None                         # the main one, else the dateline's

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["source"] = self.source.to_dict() if self.source else None
        d["target"] = self.target.to_dict() if self.target else None
        return d


@dataclass
class Quote:
    text: str
    start: int
    end: int
    sentence: int
    kind: str                      # direct | partial | indirect
    speaker: Actor | None
    verb: str | None
    source_channel: str | None = None
    about: list[Actor] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["speaker"] = self.speaker.to_dict() if self.speaker else None
        d["about"] = [a.to_dict() for a in self.about]
        return d


@dataclass
class ArticleRecord:
    id: str
    language: str
    published: str | None
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    title: str | None = None
    url: str | None = None
    source: str | None = None
    places: list[dict] = field(default_factory=list)   # every place of the article, with mentions
    dateline: dict | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "language": self.language,
            "published": self.published,
            "title": self.title,
            "url": self.url,
            "source": self.source,
            "events": [e.to_dict() for e in self.events],
            "quotes": [q.to_dict() for q in self.quotes],
            "actors": [a.to_dict() for a in self.actors],
            "places": self.places,
            "dateline": self.dateline,
        }
