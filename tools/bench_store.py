"""Benchmark the event store: query latency, file size, ingest overhead over bare coding.

    python tools/synth_store.py --db /tmp/synth.duckdb --events 10000000 --lean
    python tools/bench_store.py --db /tmp/synth.duckdb [--size-db /tmp/synth-full.duckdb] [--json]

Figures (issue #5 goals in brackets):
- `dyad USA RUS --by week` [< 300 ms] and `events --actor RUS --since 2016-01-01` [< 500 ms]:
  median of --runs runs after one warm-up, through the Store API (open store, call) and
  through the CLI path (quiquoi.cli.main in this process: argument parsing, opening the
  file read-only, the queries, rendering); plus one `python -m quiquoi …` subprocess run,
  which adds the interpreter's start and imports;
- the file's size and the projected size for 1,000,000 articles [< 2 GB] (bytes per stored
  article × 10^6; give --size-db a store built with texts, quotes and actors, i.e. not --lean),
  also with the synthetic copies' text cost replaced by that of distinct real corpus texts
  stored the same way (zstd makes copies nearly free; see real_text_bytes);
- ingest overhead [≤ 10 %]: the same real articles coded bare (Coder.code_many) and ingested
  into a fresh store (Store.ingest) with the same loaded coder, alternately, best of --rounds.
"""
from __future__ import annotations

import argparse
import contextlib
import gzip
import io
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

CORPUS = ROOT.parent / "shared" / "corpus" / "orangesum" / "orangesum_articles.jsonl.gz"
GOALS_MS = {"dyad": 300, "events": 500}


def _median_ms(fn, runs: int) -> tuple[float, list[float]]:
    fn()                                   # warm-up: file pages, DuckDB caches
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), times


def query_latency(db: str, runs: int = 7, since: str = "2016-01-01") -> dict:
    from quiquoi.cli import main as cli_main
    from quiquoi.store import Store

    out = {}
    with Store(db, read_only=True) as st:
        st.con.execute("SET enable_progress_bar = false")     # it prints on stdout
        out["store_events"] = st.con.execute("SELECT count(*) FROM events").fetchone()[0]
        api = {
            "dyad": lambda: st.dyad("USA", "RUS", by="week"),
            "events": lambda: st.events(actor="RUS", since=since),
        }
        for name, fn in api.items():
            med, times = _median_ms(fn, runs)
            out[f"{name}_api_ms"] = round(med, 1)
            out[f"{name}_api_runs_ms"] = [round(t, 1) for t in times]
        out["dyad_rows"] = len(st.dyad("USA", "RUS", by="week"))
        out["events_matching"] = st.count_events(actor="RUS", since=since)
    argv = {
        "dyad": ["query", "dyad", "USA", "RUS", "--by", "week", "--db", db, "--format", "json"],
        "events": ["query", "events", "--actor", "RUS", "--since", since, "--db", db, "--format", "json"],
    }
    for name, args in argv.items():
        def run(args=args):
            with contextlib.redirect_stdout(io.StringIO()):
                rc = cli_main(args)
            if rc != 0:
                raise RuntimeError(f"quiquoi {' '.join(args)} exited {rc}")
        med, times = _median_ms(run, runs)
        out[f"{name}_cli_ms"] = round(med, 1)
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "quiquoi", *args], check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
        out[f"{name}_subprocess_ms"] = round((time.perf_counter() - t0) * 1000, 1)
    return out


def explain(db: str, since: str = "2016-01-01") -> dict:
    """EXPLAIN ANALYZE of the two queries as the Store issues them (for when a goal is missed)."""
    from quiquoi.store import Store, queries

    plans = {}
    with Store(db, read_only=True) as st:
        where, params = queries.event_filters(actor="RUS", since=since)
        sql_events = f"SELECT * FROM events {where} ORDER BY day DESC NULLS LAST LIMIT 50"
        p: list = []
        a = queries.actor_clause("source", "USA", p) + " AND " + queries.actor_clause("target", "RUS", p)
        b = queries.actor_clause("source", "RUS", p) + " AND " + queries.actor_clause("target", "USA", p)
        sql_dyad = (f"SELECT date_trunc('week', day) AS period, count(*), avg(goldstein) FROM events "
                    f"WHERE (({a}) OR ({b})) AND day IS NOT NULL GROUP BY ALL")
        for name, sql, prm in (("events", sql_events, params), ("dyad", sql_dyad, p)):
            plans[name] = st.con.execute("EXPLAIN ANALYZE " + sql, prm).fetchall()[0][1]
    return plans


def _column_bytes(con, table: str, column: str | None = None) -> int:
    """Bytes of the blocks holding a table's (or one column's) segments, overflow blocks included."""
    block = con.execute("SELECT block_size FROM pragma_database_size()").fetchone()[0]
    where = "WHERE column_name = ?" if column else ""
    params = [column, column] if column else []
    n = con.execute(f"""SELECT count(DISTINCT b) FROM (
            SELECT block_id AS b FROM pragma_storage_info('{table}') {where}
            UNION ALL SELECT unnest(additional_block_ids) FROM pragma_storage_info('{table}') {where})
            WHERE b >= 0""", params).fetchone()[0]
    return n * block


def real_text_bytes(compression: str | None, n: int = 20000) -> float | None:
    """Bytes per article text stored as the store stores them, measured on n distinct real texts.

    The synthetic store's texts are copies of ~140 templates: FSST compresses each string
    alone, so copies cost what distinct texts would, but zstd compresses runs of rows and
    would make copies look almost free. This figure replaces them in the projection.
    """
    import duckdb
    import pyarrow as pa

    if not CORPUS.exists():
        return None
    texts = []
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        for line in fh:
            text = json.loads(line).get("article") or ""
            if text.strip():
                texts.append(text)
            if len(texts) >= n:
                break
    using = " USING COMPRESSION zstd" if compression and "ZSTD" in compression.upper() else ""
    with tempfile.TemporaryDirectory() as tmp:
        con = duckdb.connect(str(Path(tmp) / "texts.duckdb"))
        try:
            con.execute(f"CREATE TABLE t (text VARCHAR{using})")
            con.register("texts_arrow", pa.table({"text": texts}))
            con.execute("INSERT INTO t SELECT text FROM texts_arrow")
            con.execute("CHECKPOINT")
            size = _column_bytes(con, "t", "text")
        finally:
            con.close()
    return size / len(texts)


def store_size(db: str, real_texts: int = 20000) -> dict:
    import duckdb

    size = os.path.getsize(db)
    wal = Path(str(db) + ".wal")
    size += wal.stat().st_size if wal.exists() else 0
    con = duckdb.connect(db, read_only=True)
    try:
        con.execute("SET enable_progress_bar = false")       # it prints on stdout
        n_art, avg_text = con.execute("SELECT count(*), avg(length(text)) FROM articles").fetchone()
        counts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                  for t in ("events", "mentions", "quotes", "article_actors")}
        tables = {t: round(_column_bytes(con, t) / 1e6, 1)
                  for t in ("articles", "events", "mentions", "quotes", "article_actors")}
        text_bytes = _column_bytes(con, "articles", "text")
        compression = con.execute("SELECT string_agg(DISTINCT compression, ',') FROM pragma_storage_info('articles') "
                                  "WHERE column_name = 'text' AND segment_type = 'VARCHAR'").fetchone()[0]
    finally:
        con.close()
    per_article = size / n_art if n_art else float("nan")
    out = {"file_bytes": size, "articles": n_art, **counts, "avg_text_chars": round(avg_text or 0),
           "bytes_per_article": round(per_article), "projected_1m_articles_gb": round(per_article * 1e6 / 1e9, 2),
           "table_mb": tables, "has_texts": bool(avg_text and avg_text > 100), "text_compression": compression,
           "synthetic_text_bytes_per_article": round(text_bytes / n_art) if n_art else None}
    real = real_text_bytes(compression, real_texts) if out["has_texts"] and real_texts else None
    if real is not None:
        # the same store with each copied text costing what a distinct real text costs
        corrected = (size - text_bytes) / n_art + real
        out.update(real_text_bytes_per_article=round(real), real_texts_measured=real_texts,
                   projected_1m_articles_real_texts_gb=round(corrected * 1e6 / 1e9, 2))
    return out


def corpus_articles(n: int, skip: int = 7) -> list:
    """n real corpus articles (every `skip`-th from line 1000, away from synth_store's templates)."""
    from quiquoi.ingest.readers import InputArticle, parse_date

    arts = []
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i < 1000 or i % skip:
                continue
            obj = json.loads(line)
            if (obj.get("article") or "").strip():
                arts.append(InputArticle(id=f"orangesum-{obj['id']}", text=obj["article"], title=obj.get("title"),
                                         published=parse_date(obj.get("date")), origin=f"corpus:{i + 1}"))
            if len(arts) >= n:
                break
    return arts


def ingest_overhead(n: int = 150, rounds: int = 2) -> dict:
    from quiquoi.coder import Coder
    from quiquoi.ingest.readers import InputArticle
    from quiquoi.store import Store

    arts = corpus_articles(n)

    def fresh():       # code_many mutates nothing we reuse, but give each run its own objects
        return [InputArticle(id=a.id, text=a.text, title=a.title, published=a.published, origin=a.origin) for a in arts]

    coder = Coder()
    list(coder.code_many(fresh()[:8]))                     # warm-up
    bare, stored = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for r in range(rounds):
            t0 = time.perf_counter()
            coded = sum(1 for _ in coder.code_many(fresh()))
            bare.append(time.perf_counter() - t0)
            db = Path(tmp) / f"ingest{r}.duckdb"
            t0 = time.perf_counter()
            with Store(db) as st:
                rep = st.ingest(fresh(), coder=coder)
            stored.append(time.perf_counter() - t0)
    b, s = min(bare), min(stored)
    return {"ingest_articles": len(arts), "coded": coded, "stored_new": rep.new,
            "bare_articles_per_s": round(len(arts) / b, 2), "store_articles_per_s": round(len(arts) / s, 2),
            "ingest_overhead": round(s / b - 1, 4), "bare_s": [round(x, 2) for x in bare],
            "store_s": [round(x, 2) for x in stored]}


def report(res: dict) -> str:
    lines = [f"store: {res.get('store_events', 0):,} events ({res.get('db')}); {res.get('machine')}, "
             f"load average {res.get('load_avg_start')} -> {res.get('load_avg_end')}", "",
             f"{'figure':58} {'value':>12}  goal"]

    def row(name, value, goal=""):
        lines.append(f"{name:58} {value:>12}  {goal}")

    for q, label in (("dyad", "dyad USA RUS --by week"), ("events", "events --actor RUS --since 2016-01-01")):
        if f"{q}_api_ms" in res:
            ok = "ok" if res[f"{q}_api_ms"] < GOALS_MS[q] else "MISSED"
            row(f"{label} (Store API)", f"{res[f'{q}_api_ms']:.0f} ms", f"< {GOALS_MS[q]} ms {ok}")
            row(f"{label} (CLI, in process)", f"{res[f'{q}_cli_ms']:.0f} ms")
            row(f"{label} (python -m quiquoi)", f"{res[f'{q}_subprocess_ms']:.0f} ms", "incl. start + imports")
    if "file_bytes" in res:
        row(f"store file ({res.get('size_db', res.get('db'))})", f"{res['file_bytes'] / 1e9:.2f} GB",
            f"{res['articles']:,} articles, {res['mentions']:,} mentions")
        row("bytes per article", f"{res['bytes_per_article']:,}")
        note = "" if res["has_texts"] else " (store WITHOUT texts: understated)"
        if "projected_1m_articles_real_texts_gb" in res:
            row("projected for 1,000,000 articles, as built", f"{res['projected_1m_articles_gb']:.2f} GB",
                f"texts {res['text_compression']}, {res['synthetic_text_bytes_per_article']:,} B/text (copies)")
            ok = "ok" if res["projected_1m_articles_real_texts_gb"] < 2 else "MISSED"
            row("projected for 1,000,000 articles, real texts", f"{res['projected_1m_articles_real_texts_gb']:.2f} GB",
                f"< 2 GB {ok} ({res['real_text_bytes_per_article']:,} B/text over "
                f"{res['real_texts_measured']:,} distinct corpus texts)")
        else:
            ok = "ok" if res["projected_1m_articles_gb"] < 2 else "MISSED"
            row("projected file for 1,000,000 articles", f"{res['projected_1m_articles_gb']:.2f} GB", f"< 2 GB {ok}{note}")
    if "ingest_overhead" in res:
        row("bare coding", f"{res['bare_articles_per_s']:.1f} art/s", f"{res['ingest_articles']} articles")
        row("ingest into the store", f"{res['store_articles_per_s']:.1f} art/s")
        ok = "ok" if res["ingest_overhead"] <= 0.10 else "MISSED"
        row("ingest overhead over bare coding", f"{res['ingest_overhead']:.1%}", f"<= 10 % {ok}")
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", required=True, help="store to query (e.g. a synthetic store of 10 M events)")
    ap.add_argument("--size-db", help="store to measure the size of (default: --db)")
    ap.add_argument("--runs", type=int, default=7, help="timed runs per query (median; default 7)")
    ap.add_argument("--ingest-articles", type=int, default=150, help="real articles for the overhead figure (0: skip)")
    ap.add_argument("--rounds", type=int, default=2, help="bare/store alternations for the overhead (best of)")
    ap.add_argument("--explain", action="store_true", help="print EXPLAIN ANALYZE of both queries")
    ap.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    args = ap.parse_args(argv)
    if not Path(args.db).exists():
        print(f"bench_store: no store at {args.db} (build one with tools/synth_store.py)", file=sys.stderr)
        return 2
    # the machine is shared: the load average says how much the figures may be inflated
    res = {"db": args.db, "size_db": args.size_db or args.db, "machine": f"{os.cpu_count()} cores",
           "load_avg_start": round(os.getloadavg()[0], 2)}
    res.update(query_latency(args.db, args.runs))
    res.update(store_size(args.size_db or args.db))
    if args.ingest_articles > 0:
        res.update(ingest_overhead(args.ingest_articles, args.rounds))
    res["load_avg_end"] = round(os.getloadavg()[0], 2)
    if args.json:
        print(json.dumps(res))
    else:
        print(report(res))
    if args.explain:
        for name, plan in explain(args.db).items():
            print(f"\n-- {name}\n{plan}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
