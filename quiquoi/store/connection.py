"""Opening a store file: the schema, the single-writer lock, and clear errors.

DuckDB lets one process write a file (and then nobody else may open it); a second writer
waits up to `wait` seconds for the lock, then gives up with a message naming the holder.
"""
from __future__ import annotations

import re
import time
from pathlib import Path

import duckdb

SCHEMA_VERSION = 2

# What turns a store of an older schema version into the current one (each step idempotent).
MIGRATIONS = {
    # DuckDB alters no table an index depends on: the index is dropped, and the schema's
    # DDL, run after the migrations, builds it again
    2: ["DROP INDEX IF EXISTS mentions_event"] + [f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS {column}"
        for table in ("events", "mentions")
        for column in ("place_text VARCHAR", "place_feature VARCHAR", "place_admin1 VARCHAR",
                       "place_geonames_id BIGINT")],
}
TABLES = ("meta", "articles", "events", "mentions", "quotes", "article_actors", "failures")


class StoreError(RuntimeError):
    """A store problem the user can act on (lock held, read-only file, disk full…)."""


def explain_io_error(path: Path, exc: Exception, doing: str) -> str:
    msg = str(exc)
    low = msg.lower()
    if "lock" in low:
        holder = re.search(r"PID (\d+)", msg)
        who = f" by process {holder.group(1)}" if holder else ""
        return (f"{path} is locked{who}: another quiquoi (ingest, recode or query) has it open, and DuckDB "
                f"allows one writer. Wait for it to finish, or pass --wait SECONDS to wait for the lock.")
    if "permission denied" in low or "not permitted" in low or "read-only file system" in low or "read only" in low:
        return (f"cannot {doing} {path}: permission denied (the file or its folder is read-only). "
                f"Queries can still open it read-only; nothing was changed.")
    if "no space" in low or "disk is full" in low or "disk full" in low:
        return f"cannot {doing} {path}: the disk is full. The interrupted batch was rolled back; free space and re-run."
    return f"cannot {doing} {path}: {msg}"


IO_WORDS = ("cannot open file", "no space", "permission denied", "not permitted", "read-only file system",
            "disk is full", "io error", "could not write", "could not set lock")


def is_io_failure(exc: Exception) -> bool:
    low = str(exc).lower()
    return any(w in low for w in IO_WORDS)


def connect(path: str | Path, read_only: bool = False, wait: float = 0.0) -> duckdb.DuckDBPyConnection:
    path = Path(path)
    if read_only and not path.exists():
        raise StoreError(f"no store at {path} (run `quiquoi ingest` first, or give --db)")
    if not read_only and not path.parent.exists():
        raise StoreError(f"cannot create {path}: folder {path.parent} does not exist")
    deadline = time.monotonic() + max(0.0, wait)
    while True:
        try:
            con = duckdb.connect(str(path), read_only=read_only)
            break
        except (duckdb.IOException, duckdb.Error) as exc:
            if "lock" in str(exc).lower() and time.monotonic() < deadline:
                time.sleep(0.25)
                continue
            raise StoreError(explain_io_error(path, exc, "open")) from None
    try:
        con.execute("SET enable_progress_bar = false")     # DuckDB's own bar would garble ours
        if read_only:
            check_schema(con, path)
        else:
            create_schema(con, path)
    except Exception:
        con.close()
        raise
    return con


def create_schema(con, path: Path) -> None:
    ddl = Path(__file__).with_name("schema.sql").read_text(encoding="utf-8")
    try:
        version = _version(con)
        if version is not None and version > SCHEMA_VERSION:
            raise StoreError(f"{path} has schema version {version}; this quiquoi reads up to {SCHEMA_VERSION}: upgrade quiquoi")
        con.execute("BEGIN")
        for step in range((version or SCHEMA_VERSION) + 1, SCHEMA_VERSION + 1):
            for statement in MIGRATIONS.get(step, ()):
                con.execute(statement)
        con.execute(ddl)      # every statement is IF NOT EXISTS: a no-op on an up-to-date store
        if version != SCHEMA_VERSION:
            con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])
        con.execute("COMMIT")
    except duckdb.Error as exc:
        try:
            con.execute("ROLLBACK")
        except duckdb.Error:
            pass
        if isinstance(exc, duckdb.IOException) or is_io_failure(exc):
            raise StoreError(explain_io_error(path, exc, "write to")) from None
        raise


def check_schema(con, path: Path) -> None:
    version = _version(con)
    if version is None:
        raise StoreError(f"{path} is not a quiquoi store (no meta table)")
    if version > SCHEMA_VERSION:
        raise StoreError(f"{path} has schema version {version}; this quiquoi reads up to {SCHEMA_VERSION}")


def _version(con) -> int | None:
    exists = con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 'meta'").fetchall()[0][0]
    if not exists:
        return None
    rows = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchall()
    return int(rows[0][0]) if rows else None
