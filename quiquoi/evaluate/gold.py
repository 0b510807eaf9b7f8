"""Gold files: the format of tests/data/seed/kerry-lavrov-treve.expected.yaml.

    article: {file, language, published, source, url}
    events: [{sentence, level: must|should, type, source: {name, actor: "USA GOV"}, target, date, places}]
    quotes: [{speaker, kind, starts}]
    not_quotes: ["..."]
    dates: {"lundi": 2016-05-23}
    places: {"Alep": SYR} or {"Alep": {country: SYR, lat: 36.20, lon: 37.16}} (city within 25 km)
    forbidden: ["prose rules"]             # read by people
    forbidden_events: [{type, source, target, allow_modality: [...]}]   # read by the scorer

The gold's `sentence` numbers may count sentences or paragraphs (the seed counts
paragraphs); the scorer accepts an event in either.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from quiquoi.ingest.readers import parse_date


@dataclass
class GoldActor:
    name: str | None
    country: str | None
    role: str | None

    @classmethod
    def parse(cls, value: Any) -> "GoldActor | None":
        if not value:
            return None
        if isinstance(value, str):
            value = {"actor": value}
        words = str(value.get("actor") or "").split()
        country = role = None
        for w in words:
            if len(w) == 3 and w.isupper() and w not in ROLE_WORDS:
                country = w
            elif w in ROLE_WORDS or w.isupper():
                role = w
        return cls(value.get("name"), country, role)


# CAMEO roles (and IGO-level words) that may stand alone in a gold actor string
ROLE_WORDS = {"GOV", "MIL", "REB", "OPP", "CVL", "COP", "JUD", "LEG", "MED", "BUS", "IGO", "NGO", "PTY",
              "LAB", "EDU", "REL", "REF", "SPY", "UAF", "INS", "IMG", "HLH", "ELI", "AGR", "MNC", "CRM"}


@dataclass
class GoldEvent:
    sentence: int
    level: str
    type: str
    source: GoldActor | None
    target: GoldActor | None
    date: str | None = None
    places: list[str] = field(default_factory=list)
    raw: dict = field(default_factory=dict)


@dataclass
class GoldArticle:
    path: Path
    text_path: Path
    published: Any
    events: list[GoldEvent]
    quotes: list[dict]
    not_quotes: list[str]
    dates: dict[str, str]
    places: dict[str, str]                 # name as written -> ISO3
    forbidden_events: list[dict]
    raw: dict
    place_coords: dict[str, tuple[float, float]] = field(default_factory=dict)   # cities: (lat, lon)


def load_gold(path: Path) -> GoldArticle:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    art = data.get("article") or {}
    text_path = path.parent / art.get("file", path.name.replace(".expected.yaml", ".fr.txt"))
    events = []
    for e in data.get("events") or []:
        events.append(GoldEvent(
            sentence=int(e["sentence"]), level=e.get("level", "must"), type=e["type"],
            source=GoldActor.parse(e.get("source")), target=GoldActor.parse(e.get("target")),
            date=str(e["date"]) if e.get("date") else None, places=list(e.get("places") or []), raw=e,
        ))
    return GoldArticle(
        path=path, text_path=text_path, published=parse_date(art.get("published")), events=events,
        quotes=list(data.get("quotes") or []), not_quotes=[str(q) for q in data.get("not_quotes") or []],
        dates={str(k): str(v) for k, v in (data.get("dates") or {}).items()},
        places={str(k): _place_country(v) for k, v in (data.get("places") or {}).items()},
        forbidden_events=list(data.get("forbidden_events") or []), raw=data,
        place_coords={str(k): (float(v["lat"]), float(v["lon"]))
                      for k, v in (data.get("places") or {}).items()
                      if isinstance(v, dict) and v.get("lat") is not None},
    )


def _place_country(value) -> str:
    """A gold place is `Name: ISO3` or, for a city, `Name: {country: ISO3, lat: .., lon: ..}`."""
    return str(value["country"]) if isinstance(value, dict) else str(value)


def gold_files(paths: list[str]) -> list[Path]:
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out += sorted(p.rglob("*.expected.yaml"))
        else:
            out.append(p)
    return out
