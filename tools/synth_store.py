"""Build a synthetic quiquoi store of N events (default 10 million) from real coded records.

    python tools/synth_store.py --db /tmp/synth.duckdb --events 10000000

1. Real articles (tests/data/seed, tests/data/dev and a sample of ../shared/corpus) are coded
   with the Coder and split into the store's rows by quiquoi.store.rows, exactly as an
   ingest would: these are the templates.
2. DuckDB then writes, in bulk SQL (no Python loop over rows):
   - "stories": a template article republished 1 to 4 times (different publishers, on
     consecutive days) at a date drawn over --years; 30 % of stories have more than one
     article, so events have several mentions as after cross-article deduplication;
   - articles: the template's text, title, quotes and actors, with a unique id and a unique
     line appended to the text (so DuckDB cannot store copies as one dictionary entry and
     the file size stays that of distinct texts); the template's character spans still hold;
   - events (one per story and template event) and their mentions (one per article of the
     story): the template's coding, its dates moved by the story's date shift, and half of
     the source and target actors replaced by actors drawn from the real actor distribution
     (every actor the templates code, weighted by how often it is coded).
Ids are dense integers, so a later `quiquoi ingest` into the same file appends after them.
"""
from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

CORPUS = ROOT.parent / "shared" / "corpus" / "orangesum" / "orangesum_articles.jsonl.gz"
SHARE_MULTI = 3            # in 10 stories, this many are reported by more than one article
MAX_EXTRA = 3              # a multi-article story has 2 to 2 + MAX_EXTRA - 1 articles
ACTOR_SWAP = 2             # one actor in ACTOR_SWAP is replaced by a draw from the real distribution


# -- 1. real coded articles ---------------------------------------------------------------

def real_articles(n_corpus: int = 120, corpus: Path = CORPUS) -> list:
    """InputArticles: the seed and dev articles (with their gold's date) + every k-th corpus article."""
    import yaml

    from quiquoi.ingest.readers import InputArticle, parse_date

    arts = []
    data = ROOT / "tests" / "data"
    for txt in sorted([*(data / "seed").glob("*.fr.txt"), *(data / "dev").glob("*.fr.txt")]):
        gold = txt.with_name(txt.name[: -len(".fr.txt")] + ".expected.yaml")
        meta = {}
        if gold.exists():
            meta = (yaml.safe_load(gold.read_text(encoding="utf-8")) or {}).get("article") or {}
        arts.append(InputArticle(id=txt.name[: -len(".fr.txt")], text=txt.read_text(encoding="utf-8"),
                                 published=parse_date(str(meta.get("published") or "2016-05-24")),
                                 url=meta.get("url"), source=meta.get("source"), origin=str(txt)))
    if n_corpus > 0 and corpus.exists():
        # the corpus holds ~36,000 articles: take every k-th one for a spread of years and topics
        step = max(1, 36000 // n_corpus)
        with gzip.open(corpus, "rt", encoding="utf-8") as fh:
            for i, line in enumerate(fh):
                if i % step:
                    continue
                obj = json.loads(line)
                if not (obj.get("article") or "").strip():
                    continue
                arts.append(InputArticle(id=f"orangesum-{obj['id']}", text=obj["article"],
                                         published=parse_date(obj.get("date")), title=obj.get("title"),
                                         source="Orange Actu", origin=f"{corpus}:{i + 1}"))
                if len(arts) >= n_corpus + 17:
                    break
    return arts


def code_articles(arts, coder=None) -> list[tuple[dict, str]]:
    from quiquoi.coder import Coder, CodingError

    coder = coder or Coder()
    texts = {a.id: a.text for a in arts}
    out = []
    for rec in coder.code_many(arts):
        if isinstance(rec, CodingError):
            continue
        d = rec.to_dict()
        out.append((d, texts[d["id"]]))
    return out


# -- 2. template tables --------------------------------------------------------------------

def template_tables(records: list[tuple[dict, str]]) -> dict:
    """pyarrow tables of the templates' rows (articles, mentions, quotes, actors) + the actor urn."""
    import pyarrow as pa

    from quiquoi import __version__
    from quiquoi.store.rows import article_row, content_hash, split_record

    arts, ments, quotes, actors, urn = [], [], [], [], []
    for t, (rec, text) in enumerate(records):
        row = article_row(rec, text, "synthetic", content_hash(text, rec.get("published")), __version__)
        row["t"] = t
        arts.append(row)
        m_rows, q_rows, a_rows = split_record(rec, text)
        for k, m in enumerate(m_rows):
            m.update(t=t, k=k)
            ments.append(m)
            for side in ("source", "target"):
                if m[f"{side}_code"]:
                    urn.append({"code": m[f"{side}_code"], "name": m[f"{side}_name"],
                                "country": m[f"{side}_country"], "role": m[f"{side}_role"]})
        for q in q_rows:
            q["t"] = t
            quotes.append(q)
        for a in a_rows:
            a["t"] = t
            actors.append(a)
    if not ments:
        raise ValueError("the real articles gave no events to replicate")
    for i, u in enumerate(urn):
        u["u"] = i
    return {"tpl_articles": pa.Table.from_pylist(arts), "tpl_mentions": pa.Table.from_pylist(ments),
            "tpl_quotes": pa.Table.from_pylist(quotes) if quotes else None,
            "tpl_actors": pa.Table.from_pylist(actors) if actors else None,
            "tpl_urn": pa.Table.from_pylist(urn)}


# -- 3. bulk generation -------------------------------------------------------------------

def _date_str(day: str, precision: str) -> str:
    """The coded date string of a shifted day, at the template's precision."""
    return (f"CASE {precision} WHEN 'week' THEN strftime({day}, '%G-W%V') "
            f"WHEN 'month' THEN strftime({day}, '%Y-%m') WHEN 'year' THEN strftime({day}, '%Y') "
            f"ELSE strftime({day}, '%Y-%m-%d') END")


def _match_keys(con):
    import pyarrow as pa

    from quiquoi.store.dedup import match_key

    cols = ("type", "cameo_root", "source_code", "target_code", "modality", "negated")
    rows = con.execute(f"SELECT DISTINCT {', '.join(cols)} FROM syn_events").fetchall()
    out = [dict(zip(cols, r)) for r in rows]
    for d in out:
        d["match_key"] = match_key(d)
    return pa.Table.from_pylist(out)


def generate(con, tables: dict, n_events: int, years: tuple[int, int] = (2010, 2024), seed: int = 1,
             text: bool = True, order: str = "random", log=print) -> dict:
    """Write about n_events events (and their articles, mentions, quotes, actors) into `con`."""
    for name, table in tables.items():
        if table is not None:
            con.register(f"{name}_arrow", table)
            con.execute(f"CREATE OR REPLACE TEMP TABLE {name} AS SELECT * FROM {name}_arrow")
            con.unregister(f"{name}_arrow")
    n_tpl, n_ment = con.execute("SELECT (SELECT count(*) FROM tpl_articles), (SELECT count(*) FROM tpl_mentions)").fetchone()
    n_urn = con.execute("SELECT count(*) FROM tpl_urn").fetchone()[0]
    k_max = con.execute("SELECT max(k) + 1 FROM tpl_mentions").fetchone()[0]
    n_stories = max(1, round(n_events * n_tpl / n_ment))
    start = date(years[0], 1, 1)
    span = (date(years[1], 12, 31) - start).days
    base_ids = {t: con.execute(f"SELECT coalesce(max({c}), 0) + 1 FROM {t}").fetchone()[0]
                for t, c in (("events", "event_id"), ("mentions", "mention_id"), ("quotes", "quote_id"))}
    timings = {}

    def step(name, sql):
        t0 = time.perf_counter()
        con.execute(sql)
        timings[name] = round(time.perf_counter() - t0, 2)
        log(f"  {name}: {timings[name]} s")

    S = seed
    step("stories", f"""
        CREATE OR REPLACE TEMP TABLE stories AS
        SELECT s, CAST(hash(s, {S}, 1) % {n_tpl} AS INTEGER) AS t,
               DATE '{start.isoformat()}' + CAST(hash(s, {S}, 2) % {span} AS INTEGER) AS base,
               CASE WHEN hash(s, {S}, 3) % 10 < {SHARE_MULTI} THEN 2 + CAST(hash(s, {S}, 4) % {MAX_EXTRA} AS INTEGER)
                    ELSE 1 END AS size
        FROM range({n_stories}) r(s)""")
    # the story's events: template coding, dates shifted, half of the actors redrawn
    # random: stories in the order they were drawn (no sort: a 10 M-row sort would spill to disk)
    order_events = "ORDER BY e.day, e.s, e.k" if order == "date" else ""
    order_mentions = "ORDER BY e.day, e.s, e.k, j" if order == "date" else ""
    step("events", f"""
        CREATE OR REPLACE TEMP TABLE syn_events AS
        SELECT st.s, m.k, st.t, st.size, st.base,
               {base_ids['events']} + st.s * {k_max} + m.k AS event_id,
               m.day + CAST(st.base - ta.published AS INTEGER) AS day, m.date_precision,
               m.type, m.mode, m.cameo, m.cameo_root, m.quad_class, m.goldstein,
               CASE WHEN m.source_code IS NOT NULL AND hash(st.s, m.k, {S}, 5) % {ACTOR_SWAP} = 0 THEN us.code ELSE m.source_code END AS source_code,
               CASE WHEN m.source_code IS NOT NULL AND hash(st.s, m.k, {S}, 5) % {ACTOR_SWAP} = 0 THEN us.name ELSE m.source_name END AS source_name,
               CASE WHEN m.source_code IS NOT NULL AND hash(st.s, m.k, {S}, 5) % {ACTOR_SWAP} = 0 THEN us.country ELSE m.source_country END AS source_country,
               CASE WHEN m.source_code IS NOT NULL AND hash(st.s, m.k, {S}, 5) % {ACTOR_SWAP} = 0 THEN us.role ELSE m.source_role END AS source_role,
               CASE WHEN m.target_code IS NOT NULL AND hash(st.s, m.k, {S}, 7) % {ACTOR_SWAP} = 0 THEN ut.code ELSE m.target_code END AS target_code,
               CASE WHEN m.target_code IS NOT NULL AND hash(st.s, m.k, {S}, 7) % {ACTOR_SWAP} = 0 THEN ut.name ELSE m.target_name END AS target_name,
               CASE WHEN m.target_code IS NOT NULL AND hash(st.s, m.k, {S}, 7) % {ACTOR_SWAP} = 0 THEN ut.country ELSE m.target_country END AS target_country,
               CASE WHEN m.target_code IS NOT NULL AND hash(st.s, m.k, {S}, 7) % {ACTOR_SWAP} = 0 THEN ut.role ELSE m.target_role END AS target_role,
               m.place_name, m.place_country, m.place_lat, m.place_lon, m.modality, m.negated, m.confidence
        FROM stories st
        JOIN tpl_articles ta ON ta.t = st.t
        JOIN tpl_mentions m ON m.t = st.t
        LEFT JOIN tpl_urn us ON us.u = hash(st.s, m.k, {S}, 6) % {n_urn}
        LEFT JOIN tpl_urn ut ON ut.u = hash(st.s, m.k, {S}, 8) % {n_urn}""")
    # the same match keys as an ingest (dedup.match_key), computed once per distinct coding
    keys = _match_keys(con)
    con.register("syn_keys_arrow", keys)
    con.execute("CREATE OR REPLACE TEMP TABLE syn_keys AS SELECT * FROM syn_keys_arrow")
    con.unregister("syn_keys_arrow")
    step("match keys", """
        CREATE OR REPLACE TEMP TABLE syn_events2 AS
        SELECT e.*, k.match_key FROM syn_events e LEFT JOIN syn_keys k
          ON k.type IS NOT DISTINCT FROM e.type AND k.cameo_root IS NOT DISTINCT FROM e.cameo_root
         AND k.source_code IS NOT DISTINCT FROM e.source_code AND k.target_code IS NOT DISTINCT FROM e.target_code
         AND k.modality IS NOT DISTINCT FROM e.modality AND k.negated IS NOT DISTINCT FROM e.negated""")
    con.execute("DROP TABLE syn_events")
    con.execute("ALTER TABLE syn_events2 RENAME TO syn_events")
    match_key = "e.match_key"
    step("insert events", f"""
        INSERT INTO events BY NAME
        SELECT e.event_id, e.day, {_date_str('e.day', 'e.date_precision')} AS date, e.date_precision,
               e.type, e.mode, e.cameo, e.cameo_root, e.quad_class, e.goldstein,
               e.source_code, e.source_name, e.source_country, e.source_role,
               e.target_code, e.target_name, e.target_country, e.target_role,
               e.place_name, e.place_country, e.place_lat, e.place_lon, e.modality, e.negated, e.confidence,
               e.size AS n_mentions, e.size AS n_articles, e.base AS first_seen, e.base + (e.size - 1) AS last_seen,
               {base_ids['mentions']} + (e.event_id - {base_ids['events']}) * 8 AS best_mention_id,
               'syn-' || e.s || '-0' AS article_id, {match_key} AS match_key
        FROM syn_events e {order_events}""")
    # one mention per article of the story; the template's spans, the event's coding
    step("insert mentions", f"""
        INSERT INTO mentions BY NAME
        SELECT {base_ids['mentions']} + (e.event_id - {base_ids['events']}) * 8 + j AS mention_id,
               e.event_id, 'syn-' || e.s || '-' || j AS article_id, e.base + j AS published,
               m.sentence, m.paragraph, m.sentence_start, m.sentence_end, m.sentence_text,
               m.trigger_text, m.trigger_start, m.trigger_end, m.source_text, m.source_start, m.source_end,
               m.target_text, m.target_start, m.target_end, m.date_text,
               e.day, {_date_str('e.day', 'e.date_precision')} AS date, e.date_precision,
               e.type, e.mode, e.cameo, e.cameo_root, e.quad_class, e.goldstein,
               e.source_code, e.source_name, e.source_country, e.source_role,
               e.target_code, e.target_name, e.target_country, e.target_role,
               e.place_name, e.place_country, e.place_lat, e.place_lon, e.modality, e.negated, e.confidence,
               {match_key} AS match_key
        FROM (SELECT *, CAST(unnest(range(size)) AS INTEGER) AS j FROM syn_events) e
        JOIN tpl_mentions m ON m.t = e.t AND m.k = e.k
        {order_mentions}""")
    body = "ta.text || chr(10) || '[synthetic copy ' || sa.s || '-' || sa.j || ']'" if text else "''"
    step("insert articles", f"""
        INSERT INTO articles BY NAME
        SELECT 'syn-' || sa.s || '-' || sa.j AS article_id, md5('syn-' || sa.s || '-' || sa.j) AS content_hash,
               'synthetic' AS input, ta.title, ta.heading,
               'https://synthetic.invalid/' || sa.s || '/' || sa.j AS url,
               coalesce(ta.source, 'synthetic') || CASE WHEN sa.j > 0 THEN ' ' || sa.j ELSE '' END AS source,
               sa.base + sa.j AS published, ta.language, {body} AS text, ta.dateline, ta.dateline_country,
               ta.n_events, ta.n_quotes, now()::TIMESTAMP AS coded_at, ta.coder_version
        FROM (SELECT s, t, base, CAST(unnest(range(size)) AS INTEGER) AS j FROM stories) sa
        JOIN tpl_articles ta ON ta.t = sa.t""")
    counts = {"stories": n_stories}
    if text and tables.get("tpl_quotes") is not None:
        cols = [c for c in tables["tpl_quotes"].column_names if c not in ("t", "article_id", "published")]
        sel = ", ".join(f'q."{c}"' for c in cols)
        step("insert quotes", f"""
            INSERT INTO quotes BY NAME
            SELECT {base_ids['quotes']} + row_number() OVER () - 1 AS quote_id,
                   'syn-' || sa.s || '-' || sa.j AS article_id, sa.base + sa.j AS published, {sel}
            FROM (SELECT s, t, base, CAST(unnest(range(size)) AS INTEGER) AS j FROM stories) sa
            JOIN tpl_quotes q ON q.t = sa.t""")
    if text and tables.get("tpl_actors") is not None:
        cols = [c for c in tables["tpl_actors"].column_names if c not in ("t", "article_id")]
        sel = ", ".join(f'a."{c}"' for c in cols)
        step("insert actors", f"""
            INSERT INTO article_actors BY NAME
            SELECT 'syn-' || sa.s || '-' || sa.j AS article_id, {sel}
            FROM (SELECT s, t, base, CAST(unnest(range(size)) AS INTEGER) AS j FROM stories) sa
            JOIN tpl_actors a ON a.t = sa.t""")
    for t in ("articles", "events", "mentions", "quotes", "article_actors"):
        counts[t] = con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
    con.execute("DROP TABLE IF EXISTS syn_events")
    con.execute("DROP TABLE IF EXISTS stories")
    return {"counts": counts, "timings": timings, "templates": n_tpl, "template_events": n_ment,
            "actor_draws": n_urn}


def build(db: str | Path, n_events: int, records: list[tuple[dict, str]], years=(2010, 2024), seed: int = 1,
          text: bool = True, order: str = "random", memory_limit: str | None = None, log=print) -> dict:
    """Create (or extend) the store at `db` with about n_events synthetic events from `records`."""
    from quiquoi.store.connection import connect

    tables = template_tables(records)
    con = connect(db)
    try:
        if memory_limit:
            con.execute(f"SET memory_limit = '{memory_limit}'")
        con.execute("SET preserve_insertion_order = true")
        t0 = time.perf_counter()
        con.execute("BEGIN")
        res = generate(con, tables, n_events, years=years, seed=seed, text=text, order=order, log=log)
        con.execute("COMMIT")
        con.execute("CHECKPOINT")
        res["seconds"] = round(time.perf_counter() - t0, 1)
    finally:
        con.close()
    res["file_bytes"] = Path(db).stat().st_size
    return res


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", required=True, help="store file to create or extend")
    ap.add_argument("--events", type=int, default=10_000_000, help="about how many events (default 10,000,000)")
    ap.add_argument("--real", type=int, default=120, help="corpus articles to code as templates, besides seed+dev (default 120)")
    ap.add_argument("--corpus", default=str(CORPUS), help="OrangeSum JSONL.gz to sample (default ../shared/corpus)")
    ap.add_argument("--records", help="use these coded records (JSONL of {record, text}) instead of coding; "
                                      "--save-records writes them")
    ap.add_argument("--save-records", help="write the coded templates here (JSONL) for later runs")
    ap.add_argument("--years", default="2010-2024", help="span of the event dates (default 2010-2024)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--lean", action="store_true", help="no article texts, quotes or actors (query benchmarks only)")
    ap.add_argument("--order", choices=("random", "date"), default="random",
                    help="physical order of the events: random (as stories arrive; default) or by date")
    ap.add_argument("--memory-limit", default="6GB", help="DuckDB memory limit (default 6GB)")
    ap.add_argument("--json", action="store_true", help="print the summary as JSON")
    args = ap.parse_args(argv)
    y0, _, y1 = args.years.partition("-")
    log = (lambda *a: print(*a, file=sys.stderr))
    t0 = time.perf_counter()
    if args.records:
        with open(args.records, encoding="utf-8") as fh:
            records = [(o["record"], o["text"]) for o in map(json.loads, fh)]
    else:
        log(f"coding {args.real} corpus articles + seed/dev as templates…")
        records = code_articles(real_articles(args.real, Path(args.corpus)))
        if args.save_records:
            with open(args.save_records, "w", encoding="utf-8") as fh:
                for rec, text in records:
                    fh.write(json.dumps({"record": rec, "text": text}, ensure_ascii=False) + "\n")
    coding = round(time.perf_counter() - t0, 1)
    log(f"{len(records)} templates, {sum(len(r['events']) for r, _ in records)} events; generating…")
    res = build(args.db, args.events, records, years=(int(y0), int(y1 or y0)), seed=args.seed,
                text=not args.lean, order=args.order, memory_limit=args.memory_limit, log=log)
    res["coding_seconds"] = coding
    if args.json:
        print(json.dumps(res))
    else:
        c = res["counts"]
        print(f"{args.db}: {c['events']:,} events, {c['mentions']:,} mentions, {c['articles']:,} articles, "
              f"{c['quotes']:,} quotes; {res['file_bytes'] / 1e9:.2f} GB; built in {res['seconds']} s "
              f"(+ {coding} s coding {res['templates']} templates)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
