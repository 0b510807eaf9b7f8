"""Export a store's events as JSON Lines, CSV, Parquet, GDELT 2.0 rows or PLOVER JSON.

Every format is one DuckDB `COPY (SELECT …) TO file`: rows stream from the database file to
the output without passing through Python, so a store of ten million events exports in
bounded memory. All formats read one view of the store, export_view() below (one row per
deduplicated event with its counts and its best mention's spans, article and sentence);
gdelt.py and plover.py only say how to lay that view out.

    from quiquoi.store.export import export
    export(store_or_connection, "events.tsv", "gdelt", since="2016-01-01")
"""
from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path

FORMATS = ("jsonl", "csv", "parquet", "gdelt", "plover")

# Columns of the store's events table that export_view() reads when they exist: the place's
# feature, admin1 code, GeoNames id and text as written are not in schema version 1; until
# the store keeps them they are NULL (GDELT's geo type is then derived, see gdelt.py).
OPTIONAL_EVENT_COLUMNS = ("place_feature", "place_admin1", "place_geonames_id", "place_text")

# The best mention's sentence: the article text's span, or the stored sentence when the
# span could not be located (schema: mentions.sentence_text is only filled then).
_SENTENCE = ("coalesce(bm.sentence_text, substring(a.text, bm.sentence_start + 1, "
             "bm.sentence_end - bm.sentence_start))")


def connection(store):
    """The DuckDB connection of a Store, or the connection itself."""
    import duckdb

    if isinstance(store, duckdb.DuckDBPyConnection):
        return store
    for name in ("con", "conn", "connection", "db", "_con", "_conn"):
        con = getattr(store, name, None)
        if isinstance(con, duckdb.DuckDBPyConnection):
            return con
    raise TypeError(f"cannot export from {type(store).__name__}: expected a quiquoi Store or a DuckDB connection")


def table_columns(con, table: str) -> set[str]:
    rows = con.execute("SELECT column_name FROM information_schema.columns WHERE table_name = ?",
                       [table]).fetchall()
    return {r[0] for r in rows}


def export_view(con, since: str | None = None, until: str | None = None) -> str:
    """SQL of the one-row-per-event relation every format is laid out from."""
    cols = table_columns(con, "events")
    if not cols:
        raise ValueError("this database holds no events table: is it a quiquoi store?")
    article_cols = table_columns(con, "articles")
    optional = ", ".join(f"e.{c}" if c in cols else f"NULL AS {c}" for c in OPTIONAL_EVENT_COLUMNS)
    where = date_filter("e.day", since, until)
    # counts are recomputed from the mentions: n_sources needs the articles' publishers
    sql = f"""
    WITH counts AS (
        SELECT m.event_id, count(*) AS n_mentions, count(DISTINCT m.article_id) AS n_articles,
               greatest(count(DISTINCT ma.source), 1) AS n_sources,
               min(ma.coded_at) AS added_at
        FROM mentions m LEFT JOIN articles ma ON ma.article_id = m.article_id
        GROUP BY m.event_id
    )
    SELECT e.event_id AS event_num, CAST(e.event_id AS VARCHAR) AS event_id,
           e.day, e.date AS date_value, e.date_precision,
           e.type AS plover_type, e.mode AS plover_mode, e.cameo, e.quad_class, e.goldstein,
           e.source_code, e.source_name, e.source_country, e.source_role, bm.source_text,
           e.target_code, e.target_name, e.target_country, e.target_role, bm.target_text,
           e.place_name, e.place_country, e.place_lat, e.place_lon, {optional},
           e.modality, e.negated, e.confidence,
           coalesce(c.n_mentions, 0) AS n_mentions, coalesce(c.n_articles, 0) AS n_articles,
           coalesce(c.n_sources, 0) AS n_sources, c.added_at,
           coalesce(bm.paragraph = 1, FALSE) AS lead,
           bm.sentence, bm.paragraph, bm.sentence_start, bm.sentence_end, {_SENTENCE} AS sentence_text,
           bm.trigger_text, bm.trigger_start, bm.trigger_end, bm.date_text,
           e.article_id, a.published, a.title, a.url, a.source AS publisher, a.language,
           coalesce(a.url, e.article_id) AS source_url,
           {"a.coder_version" if "coder_version" in article_cols else "NULL"} AS coder_version
    FROM events e
    LEFT JOIN counts c ON c.event_id = e.event_id
    LEFT JOIN mentions bm ON bm.mention_id = e.best_mention_id
    LEFT JOIN articles a ON a.article_id = e.article_id
    {where}
    """
    return sql


def date_filter(column: str, since: str | None, until: str | None) -> str:
    """WHERE clause on an event day column; bad dates are refused with the option's name.

    The dates are inlined as DATE literals (DuckDB binds no parameters inside COPY); they
    are parsed first, so only YYYY-MM-DD values reach the SQL.
    """
    clauses = []
    for name, value, op in (("since", since, ">="), ("until", until, "<=")):
        if value is None:
            continue
        try:
            day = date.fromisoformat(str(value)[:10])
        except ValueError:
            raise ValueError(f"--{name}: unreadable date {value!r} (expected YYYY-MM-DD)") from None
        clauses.append(f"{column} {op} DATE '{day.isoformat()}'")
    return ("WHERE " + " AND ".join(clauses)) if clauses else ""


# -- plain formats: the store's own columns ---------------------------------------------

EVENT_COLUMNS = """event_num AS event_id, day, date_value AS date, date_precision, plover_type AS type, plover_mode AS mode,
    cameo, quad_class, goldstein, source_code, source_name, source_country, source_role,
    target_code, target_name, target_country, target_role, place_name, place_country,
    place_lat, place_lon, modality, negated, confidence, n_mentions, n_articles, n_sources,
    article_id, url, sentence_text AS text"""

MENTION_COLUMNS = """m.mention_id, m.event_id, m.article_id, m.published, m.sentence, m.paragraph,
    m.sentence_start, m.sentence_end, m.trigger_text, m.trigger_start, m.trigger_end,
    m.source_text, m.source_start, m.source_end, m.target_text, m.target_start, m.target_end,
    m.date_text, m.date, m.date_precision, m.type, m.mode, m.cameo, m.goldstein,
    m.source_code, m.target_code, m.place_name, m.place_country, m.modality, m.negated,
    m.confidence, a.url, a.title, a.source AS publisher"""


def plain_select(con, since, until, fmt: str, mentions: bool) -> str:
    if mentions:
        where = date_filter("e.day", since, until)
        sql = (f"SELECT {MENTION_COLUMNS} FROM mentions m JOIN events e ON e.event_id = m.event_id "
               f"LEFT JOIN articles a ON a.article_id = m.article_id {where}")
        return sql
    view = export_view(con, since, until)
    if fmt == "csv":              # flat: CSV has no nested values
        return f"SELECT {EVENT_COLUMNS} FROM ({view})"
    # JSON Lines and Parquet carry each event's mentions as a nested list
    nested = f"""
    SELECT v.* EXCLUDE (event_num), ms.mentions FROM (SELECT event_num, {EVENT_COLUMNS} FROM ({view})) v
    LEFT JOIN (
        SELECT m.event_id, list(struct_pack(article_id := m.article_id, published := m.published,
               url := a.url, sentence := m.sentence, paragraph := m.paragraph,
               trigger := m.trigger_text, trigger_start := m.trigger_start, trigger_end := m.trigger_end,
               source_text := m.source_text, target_text := m.target_text, date_text := m.date_text)
               ORDER BY m.mention_id) AS mentions
        FROM mentions m LEFT JOIN articles a ON a.article_id = m.article_id GROUP BY m.event_id
    ) ms ON ms.event_id = v.event_num"""
    return nested


# -- the one entry point ------------------------------------------------------------------

def export(store, path: str | os.PathLike, format: str = "jsonl", since: str | None = None,
           until: str | None = None, mentions: bool = False, header: bool | None = None) -> int:
    """Write the store's events to `path` ("-" = standard output) in `format`; returns the row count.

    mentions: one row per mention instead of one per event (jsonl, csv, parquet).
    header: a header line (csv: default on; gdelt: default off, as GDELT files have none).
    """
    fmt = (format or "").lower()
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {format!r} (choose from {', '.join(FORMATS)})")
    if mentions and fmt in ("gdelt", "plover"):
        raise ValueError(f"--mentions applies to jsonl, csv and parquet, not {fmt} (one record per event)")
    con = connection(store)
    if fmt == "gdelt":
        from quiquoi.store.gdelt import gdelt_select

        sql = gdelt_select(con, since, until)
        options = f"FORMAT csv, DELIMITER '\\t', QUOTE '', HEADER {'true' if header else 'false'}"
    elif fmt == "plover":
        from quiquoi.store.plover import plover_select

        sql = plover_select(con, since, until)
        options = "FORMAT json"
    else:
        sql = plain_select(con, since, until, fmt, mentions)
        options = {"jsonl": "FORMAT json", "parquet": "FORMAT parquet, COMPRESSION zstd",
                   "csv": f"FORMAT csv, HEADER {'false' if header is False else 'true'}"}[fmt]
    target = _target(path, fmt)
    return _copy(con, sql, target, options, path)


def _target(path, fmt: str) -> str:
    if str(path) == "-":
        if fmt == "parquet":
            raise ValueError("Parquet cannot be written to standard output: give --output FILE")
        sys.stdout.flush()
        return "/dev/stdout"
    out = Path(path)
    if out.is_dir():
        raise ValueError(f"{out}: is a folder; give a file name")
    if not out.parent.exists():
        raise ValueError(f"{out}: its folder {out.parent} does not exist")
    return str(out)


def _copy(con, sql: str, target: str, options: str, shown) -> int:
    import duckdb

    quoted = target.replace("'", "''")
    # rows need not keep the tables' order: without it DuckDB streams the joins with less memory
    keep_order, keep_bar = con.execute("SELECT current_setting('preserve_insertion_order'), "
                                       "current_setting('enable_progress_bar')").fetchone()
    try:
        con.execute("SET preserve_insertion_order = false")
        # DuckDB prints its progress bar on standard output, which may be the export itself
        con.execute("SET enable_progress_bar = false")
        row = con.execute(f"COPY ({sql}) TO '{quoted}' ({options})").fetchone()
    except duckdb.IOException as exc:
        if "broken pipe" in str(exc).lower():       # `quiquoi export … | head`: the reader left
            raise ValueError(f"{'standard output' if str(shown) == '-' else shown}: "
                             "the output was closed before the export finished") from None
        raise ValueError(f"{shown}: cannot write: {exc}") from None
    finally:
        con.execute(f"SET preserve_insertion_order = {'true' if keep_order else 'false'}")
        con.execute(f"SET enable_progress_bar = {'true' if keep_bar else 'false'}")
    return int(row[0]) if row else 0
