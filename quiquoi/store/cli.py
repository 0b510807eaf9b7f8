"""`quiquoi ingest`, `quiquoi recode`, `quiquoi query …` (and `export`, from export_cli)."""
from __future__ import annotations

import json
import sys
import time

from quiquoi.store.render import FORMATS, print_article, write_frame, write_object
from quiquoi.store.store import DEFAULT_DB

SHOW_FAILURES = 20     # failures listed in the end summary (all are in the failures table)


def _db(sp) -> None:
    sp.add_argument("--db", default=DEFAULT_DB, help=f"store file (default: ./{DEFAULT_DB})")


def _wait(sp) -> None:
    sp.add_argument("--wait", type=float, default=0.0, metavar="SECONDS",
                    help="wait this long for another process holding the store (default: refuse at once)")


def _fmt(sp, default="table") -> None:
    sp.add_argument("--format", choices=FORMATS, default=default, help=f"output format (default: {default})")
    sp.add_argument("--output", "-o", help="write to this file (needed for parquet)")


def register(subparsers, common) -> None:
    p = subparsers.add_parser("ingest", help="code articles and store them in the event store (DuckDB)",
                              description="Code .txt/.jsonl(.gz)/.html inputs and store articles, deduplicated "
                                          "events, mentions and quotes. Safe to re-run and to interrupt.")
    p.add_argument("paths", nargs="+", help="files, folders, or - for JSON Lines on stdin")
    _db(p)
    p.add_argument("--published", help="publication date (YYYY-MM-DD) for inputs that carry none")
    p.add_argument("--workers", type=int, default=1, help="code on N local processes (Dask; default 1: in process)")
    p.add_argument("--scheduler", help="code on the Dask cluster at this address (tcp://host:8786)")
    p.add_argument("--chunk-mb", type=float, default=32, help="with --workers/--scheduler: chunk size (default 32)")
    p.add_argument("--parts-dir", help="with --workers/--scheduler: folder of the coded Parquet parts "
                                       "(default: <db>.parts; on a cluster, a folder every worker can write)")
    p.add_argument("--no-language-check", action="store_true", help="code texts even if they look like another language")
    p.add_argument("--format", choices=("text", "json"), default="text", help="json: print the report as JSON")
    _wait(p)
    common(p)
    p.set_defaults(func=cmd_ingest)

    r = subparsers.add_parser("recode", help="re-run the coder over the stored texts (after lexicon changes)")
    _db(r)
    r.add_argument("--all", action="store_true", help="recode every article, not only those coded by another version")
    r.add_argument("--format", choices=("text", "json"), default="text")
    _wait(r)
    common(r)
    r.set_defaults(func=cmd_recode)

    q = subparsers.add_parser("query", help="ask the store: events, dyad, actors, quotes, article, sql, stats")
    qs = q.add_subparsers(dest="what", required=True)

    e = qs.add_parser("events", help="deduplicated events, newest first")
    e.add_argument("--actor", help="source or target: code prefix (RUS, USAGOV) or canonical name")
    e.add_argument("--source", help="source actor (code prefix or name)")
    e.add_argument("--target", help="target actor (code prefix or name)")
    e.add_argument("--type", help="PLOVER type(s), comma-separated (REJECT,THREATEN)")
    e.add_argument("--cameo-root", help="CAMEO root (two digits, e.g. 11)")
    e.add_argument("--quad-class", type=int, choices=(1, 2, 3, 4))
    e.add_argument("--country", help="ISO3 code of the source, target or place")
    e.add_argument("--place", help="place name (Syrie, Aleppo) or ISO3 country of the place")
    e.add_argument("--since", help="YYYY-MM-DD")
    e.add_argument("--until", help="YYYY-MM-DD")
    e.add_argument("--text", help="words in a sentence reporting the event")
    e.add_argument("--limit", type=int, default=50)
    e.add_argument("--offset", type=int, default=0)
    e.set_defaults(func=cmd_query_events)

    d = qs.add_parser("dyad", help="events and mean Goldstein score per period between two actors, both directions")
    d.add_argument("a")
    d.add_argument("b")
    d.add_argument("--by", default="week", choices=("day", "week", "month", "quarter", "year"))
    d.add_argument("--since")
    d.add_argument("--until")
    d.set_defaults(func=cmd_query_dyad)

    a = qs.add_parser("actors", help="the most mentioned actors")
    a.add_argument("--top", type=int, default=20)
    a.set_defaults(func=cmd_query_actors)

    qq = qs.add_parser("quotes", help="quotations, newest first")
    qq.add_argument("--speaker", help="speaker's canonical name (or words of the speaker phrase, or a code)")
    qq.add_argument("--actor", help="speaker code prefix, or an actor named inside the quote")
    qq.add_argument("--text", help="words in the quotation")
    qq.add_argument("--limit", type=int, default=50)
    qq.add_argument("--offset", type=int, default=0)
    qq.set_defaults(func=cmd_query_quotes)

    ar = qs.add_parser("article", help="one article with its events and quotes highlighted")
    ar.add_argument("article_id")
    ar.set_defaults(func=cmd_query_article)

    ev = qs.add_parser("event", help="one event with all its mentions")
    ev.add_argument("event_id", type=int)
    ev.set_defaults(func=cmd_query_event)

    s = qs.add_parser("sql", help="any read-only SQL (SELECT) over the store's tables")
    s.add_argument("query")
    s.set_defaults(func=cmd_query_sql)

    st = qs.add_parser("stats", help="what the store holds")
    st.set_defaults(func=cmd_query_stats)

    for sp in (e, d, a, qq, ar, ev, s, st):
        _db(sp)
        _fmt(sp)
        _wait(sp)
        common(sp)

    try:
        from quiquoi.store import export_cli
    except ModuleNotFoundError as exc:
        if exc.name != "quiquoi.store.export_cli":
            raise
    else:
        export_cli.register(subparsers, common)


# -- ingest / recode ------------------------------------------------------------------
class _Progress:
    """A tqdm bar (articles/s) with the running counts; silent under --quiet."""

    def __init__(self, quiet: bool, desc: str):
        from tqdm import tqdm

        self.counts = {"new": 0, "unchanged": 0, "replaced": 0, "recoded": 0, "failed": 0}
        self.bar = tqdm(desc=desc, unit="art", disable=quiet, delay=1.0, file=sys.stderr)

    def __call__(self, status: str) -> None:
        self.counts[status] = self.counts.get(status, 0) + 1
        self.bar.update(1)
        if self.bar.n % 16 == 0:
            self.bar.set_postfix({k: v for k, v in self.counts.items() if v}, refresh=False)

    def close(self) -> None:
        self.bar.close()


def _summary(report, args, verb: str) -> None:
    if args.format == "json":
        print(json.dumps(report.to_dict(), ensure_ascii=False))
    if args.quiet:
        return
    done = report.new + report.unchanged + report.replaced + report.recoded + len(report.failed)
    rate = done / report.seconds if report.seconds else 0.0
    parts = [f"{report.new} new", f"{report.unchanged} already stored", f"{report.replaced} replaced"]
    if report.recoded:
        parts.append(f"{report.recoded} recoded")
    parts.append(f"{len(report.failed)} failed")
    print(f"quiquoi {verb}: {', '.join(parts)} ({report.seconds:.1f} s, {rate:.1f} art/s) -> {args.db}",
          file=sys.stderr)
    for name, note in report.duplicates[:SHOW_FAILURES]:
        print(f"  note: {name}: {note}", file=sys.stderr)
    for name, reason in report.failed[:SHOW_FAILURES]:
        print(f"  failed: {name}: {reason}", file=sys.stderr)
    if len(report.failed) > SHOW_FAILURES:
        print(f"  … and {len(report.failed) - SHOW_FAILURES} more: quiquoi query sql "
              f"\"SELECT * FROM failures ORDER BY \\\"at\\\" DESC\" --db {args.db}", file=sys.stderr)


def _exit_code(report) -> int:
    stored = report.new + report.unchanged + report.replaced + report.recoded
    return 1 if report.failed and not stored else 0


def cmd_ingest(args) -> int:
    from quiquoi.ingest.readers import parse_date, read_inputs

    try:
        published = parse_date(args.published)
    except ValueError as exc:
        print(f"quiquoi ingest: --published: {exc}", file=sys.stderr)
        return 2
    if args.workers > 1 or args.scheduler:
        return _ingest_scaled(args)
    import quiquoi.store as store_pkg
    from quiquoi.coder import Coder

    with store_pkg.open(args.db, wait=args.wait) as st:
        coder = Coder(lang=args.lang, check_language=not args.no_language_check)
        bar = _Progress(args.quiet or args.format == "json", "ingest")
        try:
            report = st.ingest(read_inputs(args.paths, published), coder=coder, progress=bar)
        finally:
            bar.close()
    _summary(report, args, "ingest")
    return _exit_code(report)


def _ingest_scaled(args) -> int:
    try:
        import quiquoi.scale as scale
    except ModuleNotFoundError as exc:
        if not (exc.name or "").startswith("quiquoi.scale"):
            raise
        print("quiquoi ingest: --workers/--scheduler need quiquoi.scale (the Dask scale-out), "
              "which is not installed here; run without them", file=sys.stderr)
        return 2
    options = {"lang": args.lang, "check_language": not args.no_language_check}
    if args.published:
        options["published"] = args.published
    report = scale.run(args.paths, args.db, workers=max(1, args.workers), scheduler=args.scheduler,
                       chunk_mb=args.chunk_mb, parts_dir=args.parts_dir, progress=not args.quiet,
                       coder_options=options)
    _summary(report, args, "ingest")
    return _exit_code(report)


def cmd_recode(args) -> int:
    import quiquoi.store as store_pkg
    from quiquoi.coder import Coder

    with store_pkg.open(args.db, wait=args.wait) as st:
        coder = Coder(lang=args.lang)
        bar = _Progress(args.quiet or args.format == "json", "recode")
        try:
            report = st.recode(coder=coder, progress=bar, everything=args.all)
        finally:
            bar.close()
    _summary(report, args, "recode")
    return _exit_code(report)


# -- query ----------------------------------------------------------------------------
def _open_ro(args):
    import quiquoi.store as store_pkg

    return store_pkg.open(args.db, read_only=True, wait=args.wait)


EVENT_TABLE = ["event_id", "date", "type", "cameo", "source_code", "source_name", "target_code", "target_name",
               "place_name", "goldstein", "modality", "n_articles", "text"]


def cmd_query_events(args) -> int:
    with _open_ro(args) as st:
        df = st.events(actor=args.actor, source=args.source, target=args.target, type=args.type,
                       cameo_root=args.cameo_root, quad_class=args.quad_class, country=args.country,
                       place=args.place, since=args.since, until=args.until, text=args.text,
                       limit=args.limit, offset=args.offset)
        total = st.count_events(actor=args.actor, source=args.source, target=args.target, type=args.type,
                                cameo_root=args.cameo_root, quad_class=args.quad_class, country=args.country,
                                place=args.place, since=args.since, until=args.until, text=args.text)
    title = f"{len(df)} of {total} events" if args.format == "table" else None
    write_frame(df, args.format, args.output, title, EVENT_TABLE)
    return 0


def cmd_query_dyad(args) -> int:
    with _open_ro(args) as st:
        df = st.dyad(args.a, args.b, by=args.by, since=args.since, until=args.until)
    title = f"{args.a} -> {args.b} (a->b) and {args.b} -> {args.a} (b->a), by {args.by}"
    write_frame(df, args.format, args.output, title)
    return 0


def cmd_query_actors(args) -> int:
    with _open_ro(args) as st:
        df = st.actors(top=args.top)
    write_frame(df, args.format, args.output, f"top {args.top} actors")
    return 0


def cmd_query_quotes(args) -> int:
    with _open_ro(args) as st:
        df = st.quotes(speaker=args.speaker, actor=args.actor, text=args.text, limit=args.limit, offset=args.offset)
    write_frame(df, args.format, args.output, "quotes",
                ["article_id", "published", "kind", "speaker_name", "speaker_code", "verb", "text"])
    return 0


def _one(obj, args, what: str, show) -> int:
    if obj is None:
        print(f"quiquoi query: no {what} in {args.db}", file=sys.stderr)
        return 1
    if args.format in ("json", "csv", "parquet"):
        if args.format != "json":
            print(f"quiquoi query: {what} is one record: printed as JSON", file=sys.stderr)
        write_object(obj, "json", args.output)
    else:
        show(obj)
    return 0


def cmd_query_article(args) -> int:
    with _open_ro(args) as st:
        art = st.article(args.article_id)
    return _one(art, args, f"article {args.article_id!r}", print_article)


def cmd_query_event(args) -> int:
    with _open_ro(args) as st:
        ev = st.event(args.event_id)
    return _one(ev, args, f"event {args.event_id}", lambda o: write_object(o, "pretty"))


def cmd_query_sql(args) -> int:
    with _open_ro(args) as st:
        df = st.sql(args.query)
    write_frame(df, args.format, args.output)
    return 0


def cmd_query_stats(args) -> int:
    with _open_ro(args) as st:
        stats = st.stats()
    write_object(stats, "json" if args.format == "json" else "pretty", args.output)
    return 0
