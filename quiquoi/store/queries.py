"""Read side: the common questions as SQL over plain columns, results as DataFrames.

Actor arguments are CAMEO-style code prefixes when written in capitals ("RUS" matches RUSGOV,
RUSMIL), canonical names otherwise ("John Kerry", exactly).
"""
from __future__ import annotations

from datetime import date

import duckdb
import pandas as pd

from quiquoi.ingest.readers import parse_date

EVENT_COLUMNS = ("event_id", "date", "date_precision", "day", "type", "mode", "cameo", "cameo_root", "quad_class",
                 "goldstein", "source_code", "source_name", "source_country", "source_role",
                 "target_code", "target_name", "target_country", "target_role",
                 "place_name", "place_country", "place_lat", "place_lon", "modality", "negated", "confidence",
                 "n_mentions", "n_articles", "first_seen", "last_seen", "article_id")
# DATE columns (pandas turns them into timestamps): written back as YYYY-MM-DD
DATE_COLUMNS = {"day", "published", "first_seen", "last_seen", "period"}
PERIODS = {"day": "day", "week": "week", "month": "month", "quarter": "quarter", "year": "year"}


def looks_like_code(value: str) -> bool:
    """RUS, USAGOV, IGOUNO: an upper-case word is a code prefix; anything else a name."""
    return value.isalpha() and value.isupper() and len(value) <= 15


def actor_clause(side: str, value: str, params: list, exact: bool = False) -> str:
    """SQL matching one side (source/target) to an actor: a code prefix ("RUS" matches
    RUSGOV, RUSMIL), the code itself when `exact`, or a canonical name exactly ("John
    Kerry"). Testing only the one that applies halves the cost of the scan over millions of
    events."""
    value = value.strip()
    if not value:
        raise ValueError("empty actor")
    if looks_like_code(value):
        params.append(value if exact else value + "%")
        return f"({side}_code {'=' if exact else 'LIKE'} ?)"
    params.append(value)
    return f"({side}_name = ?)"


def _day_range(where: list, params: list, since, until) -> None:
    """Add the conditions of a since/until range on the event's first day."""
    for value, what, op in ((since, "since", ">="), (until, "until", "<=")):
        d = _day(value, what)
        if d:
            where.append(f"day {op} ?")
            params.append(d)


def _day(value, what: str) -> date | None:
    try:
        return parse_date(value)
    except ValueError as exc:
        raise ValueError(f"{what}: {exc}") from None


def event_filters(actor=None, source=None, target=None, type=None, cameo_root=None, quad_class=None,
                  country=None, place=None, since=None, until=None, text=None) -> tuple[str, list]:
    where, params = [], []
    if actor:
        where.append(f"({actor_clause('source', actor, params)} OR {actor_clause('target', actor, params)})")
    if source:
        where.append(actor_clause("source", source, params))
    if target:
        where.append(actor_clause("target", target, params))
    if type:
        types = [t.strip().upper() for t in (type if isinstance(type, (list, tuple)) else str(type).split(","))]
        where.append(f"type IN ({', '.join('?' * len(types))})")
        params += types
    if cameo_root:
        where.append("cameo_root = ?")
        params.append(str(cameo_root).zfill(2))
    if quad_class:
        where.append("quad_class = ?")
        params.append(int(quad_class))
    if country:
        c = country.upper()
        where.append("(source_country = ? OR target_country = ? OR place_country = ?)")
        params += [c, c, c]
    if place:
        where.append("(place_name ILIKE ? OR place_country = ?)")
        params += [place, place.upper()]
    _day_range(where, params, since, until)
    if text:
        where.append("event_id IN (SELECT event_id FROM mentions WHERE sentence_text ILIKE ?)")
        params.append(f"%{text}%")
    return (" WHERE " + " AND ".join(where)) if where else "", params


def _df(con, sql: str, params: list) -> pd.DataFrame:
    return con.execute(sql, params).df()


def events(con, limit=100, offset=0, **filters) -> pd.DataFrame:
    where, params = event_filters(**filters)
    cols = ", ".join(EVENT_COLUMNS)
    order = "ORDER BY day DESC NULLS LAST, event_id DESC"
    # the page's ids and days first (a top-N over two columns), then its rows: an IN list
    # alone makes DuckDB read every column of every row; the page's day range lets it skip
    # the row groups outside it (events lie in date order after a bulk load or optimize())
    keys = con.execute(f"SELECT event_id, day FROM events{where} {order} LIMIT ? OFFSET ?",
                       params + [int(limit), int(offset)]).fetchall()
    id_list = ", ".join(str(int(i)) for i, _ in keys) or "NULL"
    days = [d for _, d in keys if d is not None]
    span, span_params = "", []
    if days:
        span = "(day BETWEEN ? AND ?" + (" OR day IS NULL)" if len(days) < len(keys) else ")") + " AND "
        span_params = [min(days), max(days)]
    page = _df(con, f"SELECT {cols}, best_mention_id FROM events WHERE {span}event_id IN ({id_list}) {order}",
               span_params)
    # then the sentence of each event's best mention, for this page only
    texts = sentence_texts(con, page["best_mention_id"].dropna().astype("int64").tolist(),
                           page["event_id"].astype("int64").tolist())
    page["text"] = page["best_mention_id"].map(texts)
    return page.drop(columns=["best_mention_id"])


def sentence_texts(con, mention_ids: list[int], event_ids: list[int]) -> dict:
    """{mention_id: its sentence} for a page of events' best mentions. A lone IN list on
    event_id is answered from the mentions_event index (any other predicate beside it
    turns the lookup into a scan of every mention); the article texts are not read."""
    if not mention_ids:
        return {}
    wanted = {int(i) for i in mention_ids}
    eids = ", ".join(str(int(i)) for i in event_ids)
    rows = con.execute(f"SELECT mention_id, sentence_text FROM mentions WHERE event_id IN ({eids})").fetchall()
    return {mid: text for mid, text in rows if mid in wanted}


def count_events(con, **filters) -> int:
    where, params = event_filters(**filters)
    return con.execute(f"SELECT count(*) FROM events{where}", params).fetchall()[0][0]


def event(con, event_id: int) -> dict | None:
    df = _df(con, f"SELECT {', '.join(EVENT_COLUMNS)} FROM events WHERE event_id = ?", [int(event_id)])
    if df.empty:
        return None
    out = _records(df)[0]
    mentions = _df(con, """
        SELECT m.mention_id, m.article_id, a.title, a.url, m.published, m.sentence, m.paragraph,
               m.sentence_text AS text,
               m.sentence_start, m.trigger_text, m.trigger_start, m.trigger_end,
               m.source_text, m.source_start, m.source_end, m.target_text, m.target_start, m.target_end,
               m.date_text, m.date, m.date_precision, m.cameo, m.modality, m.negated, m.confidence
        FROM mentions m JOIN articles a USING (article_id)
        WHERE m.event_id = ? ORDER BY m.published, m.mention_id""", [int(event_id)])
    out["mentions"] = _records(mentions)
    return out


def dyad(con, a: str, b: str, by: str = "week", since=None, until=None) -> pd.DataFrame:
    if by not in PERIODS:
        raise ValueError(f"by: one of {', '.join(PERIODS)}, not {by!r}")
    p: list = []
    a_src, b_tgt = actor_clause("source", a, p), actor_clause("target", b, p)
    b_src, a_tgt = actor_clause("source", b, p), actor_clause("target", a, p)
    # the CASE re-tests a->b: the WHERE and the CASE each need their own parameters
    case_p: list = []
    case = f"{actor_clause('source', a, case_p)} AND {actor_clause('target', b, case_p)}"
    where = [f"(({a_src} AND {b_tgt}) OR ({b_src} AND {a_tgt}))", "day IS NOT NULL"]
    _day_range(where, p, since, until)
    sql = f"""
        SELECT date_trunc('{PERIODS[by]}', day)::DATE AS period,
               CASE WHEN {case} THEN 'a->b' ELSE 'b->a' END AS direction,
               count(*)::BIGINT AS events, avg(goldstein) AS goldstein_mean
        FROM events WHERE {' AND '.join(where)}
        GROUP BY ALL ORDER BY period, direction"""
    return _df(con, sql, case_p + p)


def network(con, since=None, until=None, type=None, min_events=1) -> pd.DataFrame:
    where, params = event_filters(type=type, since=since, until=until)
    extra = " AND " if where else " WHERE "
    sql = f"""
        SELECT source_code AS source, target_code AS target, count(*)::BIGINT AS events,
               avg(goldstein) AS goldstein_mean, mode(source_name) AS source_name, mode(target_name) AS target_name
        FROM events{where}{extra}source_code IS NOT NULL AND target_code IS NOT NULL
        GROUP BY source_code, target_code HAVING count(*) >= ?
        ORDER BY events DESC, source, target"""
    return _df(con, sql, params + [int(min_events)])


def actors(con, top: int = 20) -> pd.DataFrame:
    # one row per named actor (code + canonical name): "John Kerry" and "Barack Obama" are
    # both USAGOV but two rows
    sql = """
        WITH src AS (SELECT source_code AS code, source_name AS name, count(*) AS n FROM events
                     WHERE source_name IS NOT NULL GROUP BY ALL),
             tgt AS (SELECT target_code AS code, target_name AS name, count(*) AS n FROM events
                     WHERE target_name IS NOT NULL GROUP BY ALL),
             men AS (SELECT code, name, mode(country) AS country, mode(role) AS role, count(*) AS n
                     FROM article_actors WHERE name IS NOT NULL GROUP BY code, name)
        SELECT men.code, men.name, men.country, men.role,
               coalesce(src.n, 0)::BIGINT AS as_source, coalesce(tgt.n, 0)::BIGINT AS as_target,
               men.n::BIGINT AS mentions
        FROM men
        LEFT JOIN src ON src.code IS NOT DISTINCT FROM men.code AND src.name = men.name
        LEFT JOIN tgt ON tgt.code IS NOT DISTINCT FROM men.code AND tgt.name = men.name
        ORDER BY mentions DESC, as_source + as_target DESC, men.name
        LIMIT ?"""
    return _df(con, sql, [int(top)])


def actor(con, code: str) -> dict | None:
    # a full code is that actor only (IGOUNO, not IGOUNOIAE too); a prefix gathers its codes
    exact = bool(con.execute("SELECT count(*) FROM article_actors WHERE code = ?",
                             [code.strip()]).fetchall()[0][0])
    p: list = []
    clause = actor_clause("x", code, p, exact).replace("x_code", "code").replace("x_name", "name")
    names = _df(con, f"""SELECT code, name, mode(country) AS country, mode(role) AS role, count(*)::BIGINT AS mentions,
                               count(DISTINCT article_id)::BIGINT AS articles
                        FROM article_actors WHERE {clause} GROUP BY code, name ORDER BY mentions DESC""", p)
    if names.empty:
        return None
    p2: list = []
    s = actor_clause("source", code, p2, exact)
    p3: list = []
    t = actor_clause("target", code, p3, exact)
    as_source = con.execute(f"SELECT count(*) FROM events WHERE {s}", p2).fetchall()[0][0]
    as_target = con.execute(f"SELECT count(*) FROM events WHERE {t}", p3).fetchall()[0][0]
    partners = _df(con, f"""SELECT target_code AS partner, 'as source' AS role, count(*)::BIGINT AS events,
                                   avg(goldstein) AS goldstein_mean
                            FROM events WHERE {s} AND target_code IS NOT NULL GROUP BY target_code
                            UNION ALL
                            SELECT source_code, 'as target', count(*)::BIGINT, avg(goldstein)
                            FROM events WHERE {t} AND source_code IS NOT NULL GROUP BY source_code
                            ORDER BY events DESC LIMIT 20""", p2 + p3)
    first = names.iloc[0]
    return {"code": first["code"], "name": first["name"], "country": first["country"], "role": first["role"],
            "names": _records(names), "as_source": int(as_source), "as_target": int(as_target),
            "mentions": int(names["mentions"].sum()), "partners": _records(partners)}


def quote_filters(speaker=None, actor=None, text=None) -> tuple[str, list]:
    """The WHERE clause (with its parameters) of a quote search: by speaker (name, words of
    the name as written, or code), by an actor who speaks or is named, by words."""
    where, params = [], []
    if speaker:
        where.append("(speaker_name ILIKE ? OR speaker_text ILIKE ? OR speaker_code = ?)")
        params += [speaker, f"%{speaker}%", speaker.upper()]
    if actor:
        where.append(f"({actor_clause('speaker', actor, params)} OR list_contains(about_codes, ?))")
        params.append(actor.upper())
    if text:
        where.append("text ILIKE ?")
        params.append(f"%{text}%")
    return (" WHERE " + " AND ".join(where)) if where else "", params


def count_quotes(con, speaker=None, actor=None, text=None) -> int:
    w, params = quote_filters(speaker, actor, text)
    return int(con.execute(f"SELECT count(*) FROM quotes{w}", params).fetchall()[0][0])


def quotes(con, speaker=None, actor=None, text=None, limit=100, offset=0) -> pd.DataFrame:
    w, params = quote_filters(speaker, actor, text)
    sql = f"""SELECT quote_id, article_id, published, sentence, start, "end", kind, text, speaker_text, speaker_name,
                     speaker_code, speaker_country, speaker_role, verb, channel, about_codes, about_names
              FROM quotes{w} ORDER BY published DESC NULLS LAST, quote_id DESC LIMIT ? OFFSET ?"""
    return _df(con, sql, params + [int(limit), int(offset)])


def article(con, article_id: str) -> dict | None:
    df = _df(con, """SELECT article_id, input, title, heading, url, source, published, language, dateline,
                            dateline_country, coded_at, coder_version, content_hash, text
                     FROM articles WHERE article_id = ?""", [str(article_id)])
    if df.empty:
        return None
    out = _records(df)[0]
    out["events"] = _records(_df(con, """
        SELECT m.mention_id, m.event_id, e.n_mentions, e.n_articles, m.sentence, m.paragraph, m.sentence_start,
               m.sentence_end, m.type, m.mode, m.cameo, m.goldstein, m.source_code, m.source_name, m.source_text,
               m.source_start, m.source_end, m.target_code, m.target_name, m.target_text, m.target_start,
               m.target_end, m.trigger_text, m.trigger_start, m.trigger_end, m.date, m.date_precision, m.date_text,
               m.place_name, m.place_country, m.modality, m.negated
        FROM mentions m LEFT JOIN events e USING (event_id)
        WHERE m.article_id = ? ORDER BY m.mention_id""", [str(article_id)]))
    out["quotes"] = _records(_df(con, """SELECT quote_id, sentence, start, "end", kind, text, speaker_text,
        speaker_name, speaker_code, speaker_start, speaker_end, verb, channel, about_codes
        FROM quotes WHERE article_id = ? ORDER BY start""", [str(article_id)]))
    out["actors"] = _records(_df(con, """SELECT position, code, name, country, role, kind, text, start, "end"
        FROM article_actors WHERE article_id = ? ORDER BY position""", [str(article_id)]))
    return out


def stats(con) -> dict:
    counts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0]
              for t in ("articles", "events", "mentions", "quotes", "article_actors", "failures")}
    first, last = con.execute("SELECT min(published), max(published) FROM articles").fetchall()[0]
    merged = con.execute("SELECT count(*) FROM events WHERE n_articles > 1").fetchall()[0][0]
    types = dict(con.execute("SELECT type, count(*) FROM events GROUP BY type ORDER BY 2 DESC").fetchall())
    return {**counts, "events_from_several_articles": merged, "published_from": _iso(first),
            "published_to": _iso(last), "event_types": types}


def _iso(value):
    return value.isoformat() if hasattr(value, "isoformat") else value


def _records(df: pd.DataFrame) -> list[dict]:
    """DataFrame rows as plain Python values (JSON-ready: NaN/NaT -> None, dates -> ISO)."""
    out = []
    for rec in df.to_dict(orient="records"):
        clean = {}
        for k, v in rec.items():
            if hasattr(v, "tolist") and not isinstance(v, (str, bytes)):
                v = v.tolist()
            if v is pd.NaT or (isinstance(v, float) and v != v):
                v = None
            elif isinstance(v, pd.Timestamp) and k in DATE_COLUMNS:
                v = v.date().isoformat()
            elif hasattr(v, "isoformat"):
                v = v.isoformat()
            elif v is not None and not isinstance(v, (list, dict, str, bool, int, float)):
                try:
                    if pd.isna(v):
                        v = None
                except (TypeError, ValueError):
                    pass
            clean[k] = v
        out.append(clean)
    return out


def read_only_sql(con, query: str) -> pd.DataFrame:
    """Run a query that only reads; anything else is refused before it runs."""
    allowed = {duckdb.StatementType.SELECT, duckdb.StatementType.EXPLAIN}
    try:
        statements = con.extract_statements(query)
    except duckdb.Error as exc:
        raise ValueError(f"SQL error: {exc}") from None
    if not statements:
        raise ValueError("no SQL statement given")
    if len(statements) > 1:
        raise ValueError("one statement at a time")
    kind = statements[0].type
    if kind not in allowed:
        raise ValueError(f"read-only: {kind.name} statements are refused (only SELECT, WITH … SELECT and EXPLAIN)")
    try:
        return con.execute(query).df()
    except duckdb.Error as exc:
        raise ValueError(f"SQL error: {exc}") from None
