"""The Store: one DuckDB file holding articles, deduplicated events, mentions, quotes."""
from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterable

import duckdb
import pandas as pd

from quiquoi.store import ingesting, queries
from quiquoi.store.connection import StoreError, connect
from quiquoi.store.writer import IngestReport, Writer

DEFAULT_DB = "quiquoi.duckdb"


class Store:
    """`quiquoi.open(path)`: ingest and query one store file (see docs/store.md)."""

    def __init__(self, path: str | Path = DEFAULT_DB, read_only: bool = False, wait: float = 0.0):
        self.path = Path(path)
        self.read_only = read_only
        self.con = connect(self.path, read_only=read_only, wait=wait)
        self._writer: Writer | None = None

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<quiquoi.Store {self.path}{' read-only' if self.read_only else ''}>"

    # -- writing ----------------------------------------------------------------------
    def _write(self) -> Writer:
        if self.read_only:
            raise StoreError(f"{self.path} was opened read-only: open it with read_only=False to write")
        if self._writer is None:
            self._writer = Writer(self.con, self.path)
        return self._writer

    @staticmethod
    def _coder(coder):
        if coder is not None:
            return coder
        from quiquoi.coder import Coder

        return Coder()

    def ingest(self, inputs: Iterable, coder=None, progress: Callable[[str], None] | None = None) -> IngestReport:
        """Code and store articles (InputArticle / BadInput, as read_inputs yields them).
        `progress(status)` is called once per input with new|unchanged|replaced|failed."""
        writer = self._write()
        coder = self._coder(coder)
        with self._one_thread():
            return ingesting.ingest(writer, inputs, coder, progress)

    def add_coded(self, items: Iterable[dict], progress: Callable[[str], None] | None = None) -> IngestReport:
        """Store already-coded articles: dicts {"record": ArticleRecord.to_dict(), "text", "input"}."""
        writer = self._write()
        with self._one_thread():
            return ingesting.add_coded(writer, items, progress)

    def recode(self, coder=None, progress: Callable[[str], None] | None = None, everything: bool = False) -> IngestReport:
        """Re-run the coder over stored texts coded by another coder version (or all of them)."""
        writer = self._write()
        coder = self._coder(coder)
        with self._one_thread():
            return ingesting.recode(writer, coder, everything, progress)

    @contextmanager
    def _one_thread(self):
        # the writes are small and frequent: DuckDB's worker threads would only spin beside
        # the coder, which needs the cores
        before = self.con.execute("SELECT current_setting('threads')").fetchall()[0][0]
        self.con.execute("SET threads = 1")
        try:
            yield
        finally:
            try:
                self.con.execute(f"SET threads = {int(before)}")
            except duckdb.Error:
                pass

    def optimize(self) -> None:
        """Rewrite the events in date order so date ranges skip most row groups (after big loads)."""
        w = self._write()
        w._execute("BEGIN TRANSACTION")
        try:
            w._execute("CREATE TEMP TABLE _ev AS SELECT * FROM events ORDER BY day, source_code")
            w._execute("DELETE FROM events")
            w._execute("INSERT INTO events SELECT * FROM _ev")
            w._execute("DROP TABLE _ev")
            w._execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        self.con.execute("CHECKPOINT")

    # -- reading ----------------------------------------------------------------------
    def events(self, actor=None, source=None, target=None, type=None, cameo_root=None, quad_class=None,
               country=None, place=None, since=None, until=None, text=None, limit=100, offset=0) -> pd.DataFrame:
        return queries.events(self.con, limit=limit, offset=offset, actor=actor, source=source, target=target,
                              type=type, cameo_root=cameo_root, quad_class=quad_class, country=country,
                              place=place, since=since, until=until, text=text)

    def count_events(self, **filters) -> int:
        return queries.count_events(self.con, **filters)

    def event(self, event_id: int) -> dict | None:
        return queries.event(self.con, event_id)

    def dyad(self, a: str, b: str, by: str = "week", since=None, until=None) -> pd.DataFrame:
        return queries.dyad(self.con, a, b, by=by, since=since, until=until)

    def network(self, since=None, until=None, type=None, min_events: int = 1) -> pd.DataFrame:
        return queries.network(self.con, since=since, until=until, type=type, min_events=min_events)

    def actors(self, top: int = 20) -> pd.DataFrame:
        return queries.actors(self.con, top)

    def actor(self, code: str) -> dict | None:
        return queries.actor(self.con, code)

    def quotes(self, speaker=None, actor=None, text=None, limit=100, offset=0) -> pd.DataFrame:
        return queries.quotes(self.con, speaker=speaker, actor=actor, text=text, limit=limit, offset=offset)

    def count_quotes(self, speaker=None, actor=None, text=None) -> int:
        return queries.count_quotes(self.con, speaker=speaker, actor=actor, text=text)

    def article(self, article_id: str) -> dict | None:
        return queries.article(self.con, article_id)

    def failures(self, limit: int = 100) -> pd.DataFrame:
        return self.con.execute('SELECT input, reason, "at" FROM failures ORDER BY "at" DESC LIMIT ?', [int(limit)]).df()

    def stats(self) -> dict:
        return queries.stats(self.con)

    def sql(self, query: str) -> pd.DataFrame:
        """Any read-only SQL over the tables (see docs/store.md); writes raise ValueError."""
        return queries.read_only_sql(self.con, query)

    def export(self, path, format: str = "jsonl", **options):
        try:
            from quiquoi.store import export as exporter
        except ModuleNotFoundError as exc:
            if exc.name != "quiquoi.store.export":
                raise
            raise StoreError("exports are not available in this installation (quiquoi.store.export missing)") from None
        return exporter.export(self, path, format, **options)

    def close(self) -> None:
        if self._writer is not None and self._writer._in_tx:
            self._writer.rollback()
        try:
            self.con.close()
        except duckdb.Error:
            pass


def open(path: str | Path = DEFAULT_DB, read_only: bool = False, wait: float = 0.0) -> Store:  # noqa: A001
    """Open (or create) a store file. `wait`: seconds to wait for another writer's lock."""
    return Store(path, read_only=read_only, wait=wait)
