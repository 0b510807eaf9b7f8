"""News datelines: where (and sometimes when) a wire story was filed.

"BEYROUTH (Reuters) -", "NATIONS UNIES, 28 mai 2014 (AFP) -", "PARIS (AFP) —",
"WASHINGTON, 3 janvier (AP) -", "Moscou, 12 mars 2022 (AFP) -", "PARIS, Texas (AP) -".

The pattern's vocabulary (agencies, months, dashes) is in ``lang/<lang>/datelines.yaml``.
A dateline starts a line near the top of the text and must name an agency between
parentheses: without one, "Syrie, 3 mai" could be a headline. The place is resolved
through the gazetteer for its country; a date without a year takes the year of the
publication date when one is given (the year before when that would put it more than a
month after publication).
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

import yaml

from quiquoi.lang import LANG_DIR

if TYPE_CHECKING:
    from quiquoi.places.gazetteer import Gazetteer, GeoPlace


@dataclass
class Dateline:
    place: str                      # as written ("BEYROUTH", "NATIONS UNIES")
    country: str | None             # ISO3, through the gazetteer
    date: dt.date | None
    agency: str | None              # canonical ("AFP", "Reuters", "AP", "AFP/Reuters")
    start: int                      # character offsets of the whole dateline in the text
    end: int
    qualifier: str | None = None    # "Texas" in "PARIS, Texas (AP)", "Etats-Unis" in
                                    # "NATIONS UNIES (Etats-Unis)"
    date_text: str | None = None    # "28 mai 2014", "3 janvier"
    day: int | None = None
    month: int | None = None
    year: int | None = None
    geo: "GeoPlace | None" = None   # the resolved place


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def _alts(words) -> str:
    """Regex alternation, longest first, with flexible inner spaces."""
    out = []
    for w in sorted({str(w) for w in words}, key=len, reverse=True):
        out.append(r"\s+".join(re.escape(p) for p in w.split()))
    return "|".join(out)


class DatelineParser:
    def __init__(self, lang: str = "fr"):
        with open(LANG_DIR / lang / "datelines.yaml", encoding="utf-8") as fh:
            cfg = yaml.safe_load(fh)
        self.lang = lang
        self.max_offset = int(cfg.get("max_offset", 1200))
        self.particles = {_fold(w) for w in cfg.get("place_particles", [])}
        self.months = {_fold(k): int(v) for k, v in cfg["months"].items()}
        self.agency_of = {}
        for canon, spellings in cfg["agencies"].items():
            for s in [canon] + list(spellings or []):
                self.agency_of[_fold(s)] = canon
        agency = _alts([s for c, sp in cfg["agencies"].items() for s in [c] + list(sp or [])])
        seps = _alts(cfg.get("agency_separators", ["/"]))
        dashes = _alts(cfg.get("dashes", ["-"]))
        months = _alts(cfg["months"])
        weekdays = _alts(cfg.get("weekdays", []))
        first = _alts(cfg.get("first_day", ["1er"]))
        prefixes = _alts(cfg.get("date_prefixes", []))
        nwords = int(cfg.get("max_place_words", 4)) - 1
        word = r"[^\W\d_][\w'’.\-]*"
        place = rf"(?P<place>[^\W\d_][\w'’.\-]*(?:[ \u00a0]{word}){{0,{nwords}}})"
        qualifier = (rf"(?:\s*\((?P<qparen>[^()\d]{{2,40}})\)"
                     rf"|\s*,\s*(?P<qcomma>[^\W\d_][\w'’.\-]*(?:[ \u00a0]{word}){{0,2}})"
                     rf"(?=\s*[,(]))?")
        date = (rf"(?:\s*,?\s*(?P<date>(?i:(?:{prefixes})\s+)?(?i:(?:{weekdays})\s+)?"
                rf"(?P<day>\d{{1,2}}|{first})\s+(?P<month>(?i:{months}))\.?"
                rf"(?:\s+(?P<year>\d{{4}}))?))?")
        agencies = (rf"\(\s*(?P<agency>(?i:{agency})(?:\s*(?i:{seps})\s*(?i:{agency}))*)"
                    rf"\s*\)")
        self.pattern = re.compile(
            rf"(?m)^[ \t\u00a0]*{place}{qualifier}{date}\s*{agencies}"
            rf"(?:[ \t\u00a0]*(?:{dashes}))?[ \t\u00a0]*")
        self._agency_re = re.compile(agency, re.IGNORECASE)

    def parse(self, text: str, gazetteer: "Gazetteer | None" = None,
              published: dt.date | str | None = None,
              resolve: bool = True) -> Dateline | None:
        if not text:
            return None
        head = text[: self.max_offset + 200]
        for m in self.pattern.finditer(head):
            if m.start("place") > self.max_offset:
                break
            if not self._place_like(m.group("place")):
                continue
            return self._build(m, gazetteer, published, resolve)
        return None

    def _place_like(self, place: str) -> bool:
        """Capitalised words, lowercase particles inside ("Rio de Janeiro")."""
        words = place.split()
        if not words or not words[0][0].isupper():
            return False
        return all(w[0].isupper() or _fold(w) in self.particles for w in words[1:])

    def _agency(self, raw: str) -> str:
        names = []
        for a in self._agency_re.findall(raw):
            canon = self.agency_of.get(_fold(" ".join(a.split())), a)
            if canon not in names:
                names.append(canon)
        return "/".join(names)

    def _build(self, m: re.Match, gz, published, resolve: bool) -> Dateline:
        place = m.group("place").strip()
        qualifier = (m.group("qparen") or m.group("qcomma") or "").strip() or None
        day = month = year = None
        date = None
        if m.group("date"):
            raw_day = m.group("day")
            day = int(raw_day) if raw_day.isdigit() else 1
            month = self.months.get(_fold(m.group("month")))
            year = int(m.group("year")) if m.group("year") else None
            date = _make_date(day, month, year, published)
        dl = Dateline(place=place, country=None, date=date,
                      agency=self._agency(m.group("agency")), start=m.start("place"),
                      end=m.end(), qualifier=qualifier,
                      date_text=m.group("date").strip() if m.group("date") else None,
                      day=day, month=month, year=year)
        if resolve:
            if gz is None:
                from quiquoi.places.gazetteer import Gazetteer
                gz = Gazetteer.load(self.lang)
            geo = None
            if qualifier:
                geo = gz.resolve(f"{place} ({qualifier})")
                if geo is None:   # an unknown town in a known country
                    q = gz.resolve(qualifier)
                    if q is not None and q.feature == "country":
                        dl.country = q.country
            if geo is None:
                geo = gz.resolve(place)
            if geo is not None:
                dl.geo = geo
                dl.country = geo.country
        return dl


def _make_date(day, month, year, published) -> dt.date | None:
    if not (day and month):
        return None
    if isinstance(published, str):
        try:
            published = dt.date.fromisoformat(published[:10])
        except ValueError:
            published = None
    if isinstance(published, dt.datetime):
        published = published.date()
    try:
        if year is not None:
            return dt.date(year, month, day)
        if published is None:
            return None
        guess = dt.date(published.year, month, day)
        if guess - published > dt.timedelta(days=31):
            guess = dt.date(published.year - 1, month, day)
        return guess
    except ValueError:
        return None


@lru_cache(maxsize=None)
def get_parser(lang: str = "fr") -> DatelineParser:
    return DatelineParser(lang)


def parse_dateline(text: str, gazetteer: "Gazetteer | None" = None,
                   published: dt.date | str | None = None, lang: str = "fr",
                   resolve: bool = True) -> Dateline | None:
    """The dateline at the top of ``text``, or None.

    gazetteer: used to find the place's country (default: ``Gazetteer.load(lang)``);
    published: the publication date, which gives a year to "3 janvier";
    resolve=False skips the gazetteer (country stays None)."""
    return get_parser(lang).parse(text, gazetteer, published, resolve)
