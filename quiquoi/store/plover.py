"""PLOVER JSON records of a store's events (export format "plover").

One JSON object per line, as the PLOVER manual suggests ("Data Fields": newline-delimited
JSON), with the manual's field names: id, date (+ enddate for week/month/year dates),
actor and recipient (lists of entity objects: code, sector, entity_text, identifier_text),
event, mode, context, event_loc (the manual's location object), event_text, quad_code,
text_info, cite_info, coder, coded_date. Fields the manual does not have (CAMEO code,
Goldstein score, modality, negation, date precision, counts) are added under their own
names, as the manual allows ("Providers should feel free to include named fields").

Entity codes: PLOVER's 3-character entity code is the actor's country (ISO3) or, for
international organisations, UNO/EUR/IGO/NGO… (plover_entities.tsv); sectors follow PLOVER's
renamings of CAMEO roles (plover_sectors.tsv).
"""
from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

from quiquoi import __version__

HERE = Path(__file__).parent
CODEBOOK = "PLOVER (event types and modes) + CAMEO (cameo, goldstein)"

# fields every record carries, in the manual's table order (tests check them)
REQUIRED_FIELDS = ("id", "date", "actor", "event")
ENTITY_FIELDS = ("code", "sector", "entity_text", "identifier_text")


def _rows(name: str) -> list[dict]:
    with open(HERE / name, encoding="utf-8") as fh:
        return list(csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t"))


@lru_cache(maxsize=1)
def entity_codes() -> list[tuple[str, str]]:
    """(CAMEO code prefix, PLOVER entity code), longest prefix first."""
    rows = [(r["cameo_prefix"].strip(), r["plover_code"].strip()) for r in _rows("plover_entities.tsv")]
    return sorted(rows, key=lambda r: -len(r[0]))


@lru_cache(maxsize=1)
def sectors() -> dict[str, str]:
    return {r["cameo_role"].strip(): (r.get("plover_sector") or "").strip() for r in _rows("plover_sectors.tsv")}


def _lit(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def define_macros(con) -> None:
    cases = " ".join(f"WHEN starts_with(code, {_lit(p)}) THEN {_lit(c)}" for p, c in entity_codes())
    con.execute(f"CREATE OR REPLACE TEMP MACRO plover_entity(code, country) AS "
                f"CASE WHEN country IS NOT NULL THEN country {cases} END")
    sec = " ".join(f"WHEN {_lit(r)} THEN {_lit(s) if s else 'NULL'}" for r, s in sectors().items())
    con.execute(f"CREATE OR REPLACE TEMP MACRO plover_sector(role) AS CASE role {sec} ELSE role END")


def _entity(side: str) -> str:
    """A one-entity list, or an empty list when the side is not coded."""
    return (f"CASE WHEN {side}_code IS NULL AND {side}_name IS NULL THEN [] ELSE [struct_pack("
            f"code := plover_entity({side}_code, {side}_country), sector := plover_sector({side}_role), "
            f"entity_text := {side}_text, identifier_text := {side}_name, cameo_code := {side}_code)] END")


# last day of a week/month/year date, for PLOVER's enddate
_END = ("CASE date_precision WHEN 'week' THEN day + 6 "
        "WHEN 'month' THEN last_day(day) "
        "WHEN 'year' THEN CAST(day + INTERVAL 1 YEAR - INTERVAL 1 DAY AS DATE) END")

# the manual's location object; resolution 4 city, 2 province, 1 country
_LOC = ("CASE WHEN place_name IS NULL THEN NULL ELSE struct_pack("
        "extracted_place := place_text, resolved_place := place_name, geonameid := place_geonames_id, "
        "lat := place_lat, lon := place_lon, country_code := place_country, "
        "resolution := CASE place_feature WHEN 'country' THEN 1 WHEN 'region' THEN 2 "
        "WHEN 'city' THEN 4 WHEN 'site' THEN 4 END) END")


def plover_select(con, since: str | None = None, until: str | None = None) -> str:
    from quiquoi.store import gdelt
    from quiquoi.store.export import export_view

    define_macros(con)
    gdelt.define_macros(con)                  # country names, for the place's feature
    view = gdelt.with_feature(export_view(con, since, until))
    coder = _lit(f"quiquoi {__version__}")
    return f"""
    SELECT event_id AS id,
           strftime(day, '%Y-%m-%d') AS date,
           strftime({_END}, '%Y-%m-%d') AS enddate,
           {_entity('source')} AS actor,
           {_entity('target')} AS recipient,
           [plover_type] AS event,
           CASE WHEN plover_mode IS NULL THEN [] ELSE [plover_mode] END AS mode,
           []::VARCHAR[] AS context,
           {_LOC} AS event_loc,
           CASE WHEN sentence_text IS NULL THEN [] ELSE [sentence_text] END AS event_text,
           quad_class AS quad_code,
           struct_pack(sequence := sentence, start := sentence_start, "end" := sentence_end,
                       trigger := trigger_text, trigger_start := trigger_start, trigger_end := trigger_end)
               AS text_info,
           struct_pack(citation := article_id, url := url, title := title, language := language,
                       publication := publisher, coder := {coder}, codebook := {_lit(CODEBOOK)})
               AS cite_info,
           coalesce('quiquoi ' || coder_version, {coder}) AS coder,
           strftime(added_at, '%Y-%m-%d') AS coded_date,
           cameo, goldstein, modality, negated, date_value, date_precision, date_text,
           n_mentions, n_articles, n_sources, confidence
    FROM ({view})
    WHERE plover_type IS NOT NULL"""
