"""`quiquoi export`: the store's events as JSON Lines, CSV, Parquet, GDELT 2.0 or PLOVER JSON.

Registered by quiquoi/store/cli.py through `register(subparsers, common)`.
"""
from __future__ import annotations

import sys

from quiquoi.store.export import FORMATS


def register(subparsers, common) -> None:
    p = subparsers.add_parser(
        "export", help="write the stored events as jsonl, csv, parquet, gdelt (GDELT 2.0 rows) or plover (PLOVER JSON)",
        description="Write the store's events, one per row (or one per mention with --mentions). "
                    "gdelt: GDELT 2.0 event columns, tab-separated, no header, quiquoi's columns appended; "
                    "plover: one PLOVER JSON record per line.")
    p.add_argument("--format", choices=FORMATS, default="jsonl", help="output format (default: jsonl)")
    p.add_argument("--db", default="quiquoi.duckdb", help="store file (default: ./quiquoi.duckdb)")
    p.add_argument("--output", "-o", default="-", help="output file (default: standard output; Parquet needs a file)")
    p.add_argument("--since", help="events on or after this date (YYYY-MM-DD)")
    p.add_argument("--until", help="events on or before this date (YYYY-MM-DD)")
    p.add_argument("--mentions", action="store_true", help="one row per mention (jsonl, csv, parquet)")
    p.add_argument("--header", action="store_true", help="gdelt: write a header line (GDELT files have none)")
    p.add_argument("--no-header", action="store_true", help="csv: no header line")
    common(p)
    p.set_defaults(func=cmd_export)


def cmd_export(args) -> int:
    from quiquoi.store.connection import connect
    from quiquoi.store.export import export

    if args.format == "parquet" and args.output == "-":
        print("quiquoi export: Parquet cannot go to standard output: give --output FILE", file=sys.stderr)
        return 2
    header = True if args.header else (False if args.no_header else None)
    con = connect(args.db, read_only=True)
    try:
        n = export(con, args.output, args.format, since=args.since, until=args.until,
                   mentions=args.mentions, header=header)
    finally:
        con.close()
    if not args.quiet:
        where = "standard output" if args.output == "-" else args.output
        unit = "mentions" if args.mentions else ("records" if args.format == "plover" else "events")
        print(f"quiquoi export: {n:,} {unit} written to {where} ({args.format})", file=sys.stderr)
    return 0
