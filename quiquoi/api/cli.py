"""`quiquoi serve` and `quiquoi demo`: the HTTP API and the page over a store."""
from __future__ import annotations

import sys
from pathlib import Path

DEFAULT_DEMO_DB = "quiquoi-demo.duckdb"


def register(subparsers, common) -> None:
    s = subparsers.add_parser("serve", help="serve the HTTP API and the web page over a store (read-only)")
    s.add_argument("--db", default="quiquoi.duckdb", help="store file (default: ./quiquoi.duckdb)")
    _server_options(s)
    common(s)
    s.set_defaults(func=cmd_serve)

    d = subparsers.add_parser("demo", help="build a sample store from the bundled articles (once) and serve it")
    d.add_argument("--db", default=DEFAULT_DEMO_DB, help=f"sample store file (default: ./{DEFAULT_DEMO_DB}; built if missing)")
    d.add_argument("--data", help="folder holding seed/ and dev/ sample articles (default: the checkout's tests/data)")
    _server_options(d)
    common(d)
    d.set_defaults(func=cmd_demo)


def _server_options(sp) -> None:
    sp.add_argument("--host", default="127.0.0.1",
                    help="address to bind (default: 127.0.0.1, this machine only; 0.0.0.0 exposes it to the network)")
    sp.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    sp.add_argument("--connections", type=int, default=4, help="read-only store connections for parallel requests (default: 4)")
    sp.add_argument("--cache", type=int, default=4096, metavar="N",
                    help="API answers kept in memory (the store is read-only while served; 0: none; default: 4096)")


def _port(value: int) -> int:
    if not 0 < value < 65536:
        raise ValueError(f"--port: {value} is not a TCP port (1 to 65535)")
    return value


def _serve(db: Path, args) -> int:
    import uvicorn

    from quiquoi.api.app import create_app

    port = _port(args.port)
    if not db.exists():
        raise FileNotFoundError(f"--db: no store at {db} (create one with `quiquoi ingest`, or try `quiquoi demo`)")
    app = create_app(db, pool_size=max(1, args.connections), cache_entries=max(0, args.cache))
    shown = "localhost" if args.host in ("127.0.0.1", "::1") else args.host
    print(f"quiquoi: serving {db} at http://{shown}:{port}/  (API docs: http://{shown}:{port}/docs; Ctrl-C to stop)",
          file=sys.stderr, flush=True)
    try:
        uvicorn.run(app, host=args.host, port=port, log_level="warning" if args.quiet else "info")
    finally:
        app.state.pool.close()
    return 0


def cmd_serve(args) -> int:
    return _serve(Path(args.db), args)


def cmd_demo(args) -> int:
    from quiquoi.api.demo import build_sample_store

    db = Path(args.db)
    if not db.exists():
        print(f"quiquoi: building the sample store {db} (the reference article and the development articles)…",
              file=sys.stderr, flush=True)
        report = build_sample_store(db, Path(args.data) if args.data else None)
        print(f"quiquoi: {report.new} articles stored, {len(report.failed)} failed", file=sys.stderr)
        for origin, reason in report.failed:
            print(f"quiquoi: {origin}: {reason}", file=sys.stderr)
    return _serve(db, args)
