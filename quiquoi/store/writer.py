"""Writing coded articles: idempotence, replacement, dedup into events, batches.

Articles are written in small batches, each one DuckDB transaction: a batch is committed
whole or not at all, so an interrupted run (Ctrl-C, kill -9, disk full) leaves only whole
articles, and a re-run skips what was committed (same id and content hash) and codes the
rest. Mentions, quotes and actors are buffered for the batch and appended in bulk through
Arrow; the events they touch are re-derived from their mentions just before the commit.
"""
from __future__ import annotations

import time
import warnings
from dataclasses import dataclass, field
from datetime import datetime, timezone

import duckdb
import pyarrow as pa

from quiquoi.store import dedup
from quiquoi.store.connection import StoreError, explain_io_error, is_io_failure
from quiquoi.store.rows import article_row, split_record

STATUSES = ("new", "unchanged", "replaced", "failed")


@dataclass
class IngestReport:
    new: int = 0
    unchanged: int = 0
    replaced: int = 0
    failed: list = field(default_factory=list)       # (input, reason)
    seconds: float = 0.0
    duplicates: list = field(default_factory=list)   # (input, note): same text under another id, or an id seen twice
    recoded: int = 0

    def count(self, status: str) -> None:
        setattr(self, status, getattr(self, status) + 1)

    def merge(self, other: "IngestReport") -> None:
        for name in ("new", "unchanged", "replaced", "recoded"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.failed += other.failed
        self.duplicates += other.duplicates

    def to_dict(self) -> dict:
        return {"new": self.new, "unchanged": self.unchanged, "replaced": self.replaced, "recoded": self.recoded,
                "failed": [{"input": i, "reason": r} for i, r in self.failed],
                "duplicates": [{"input": i, "note": n} for i, n in self.duplicates],
                "seconds": round(self.seconds, 3)}


def _arrow_schema(con, table: str) -> pa.Schema:
    # the table's own types, so a batch where a column is all null still inserts
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")     # "extra copy" advice: zero rows here
        return con.execute(f"SELECT * FROM {table} LIMIT 0").to_arrow_table().schema


def now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


class Writer:
    """Writes into one open read-write connection; one Writer at a time per store."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path, batch_articles: int = 32, batch_seconds: float = 2.0):
        self.con = con
        self.path = path
        self.batch_articles = batch_articles
        self.batch_seconds = batch_seconds
        self._schemas = {t: _arrow_schema(con, t) for t in ("mentions", "quotes", "article_actors")}
        self._in_tx = False
        self.absent_ids: set[str] = set()      # ids and hashes known not to be stored
        self.absent_hashes: set[str] = set()
        self._reset_batch()

    # -- batches ----------------------------------------------------------------------
    def _reset_batch(self) -> None:
        self.rows = {"mentions": [], "quotes": [], "article_actors": []}
        self.affected: set[int] = set()
        self.batch_events: dict[int, list[dict]] = {}   # match_key -> events created in this batch
        self.pending = IngestReport()
        self.batch_size = 0
        self.batch_started = time.monotonic()

    def begin(self) -> None:
        if self._in_tx:
            return
        self._execute("BEGIN TRANSACTION")
        self._in_tx = True
        self._next_ids()
        self.batch_started = time.monotonic()

    def _next_ids(self) -> None:
        q = "SELECT coalesce(max({c}), 0) + 1 FROM {t}"
        self.next_event = self.con.execute(q.format(c="event_id", t="events")).fetchall()[0][0]
        self.next_event = max(self.next_event, self.con.execute(q.format(c="event_id", t="mentions")).fetchall()[0][0])
        self.next_mention = self.con.execute(q.format(c="mention_id", t="mentions")).fetchall()[0][0]
        self.next_quote = self.con.execute(q.format(c="quote_id", t="quotes")).fetchall()[0][0]

    def maybe_commit(self, report: IngestReport) -> None:
        if self.batch_size >= self.batch_articles or time.monotonic() - self.batch_started >= self.batch_seconds:
            self.commit(report)

    def commit(self, report: IngestReport) -> None:
        if not self._in_tx:
            return
        try:
            self.flush()
            self._execute("COMMIT")
        except BaseException:
            self.rollback()
            raise
        self._in_tx = False
        report.merge(self.pending)
        self._reset_batch()

    def rollback(self) -> None:
        self.absent_ids.clear()        # what the rolled-back batch stored is absent again:
        self.absent_hashes.clear()     # ask the database from now on
        if self._in_tx:
            try:
                self.con.execute("ROLLBACK")
            except duckdb.Error:
                pass
        self._in_tx = False
        self._reset_batch()

    def _execute(self, sql: str, params=None):
        try:
            return self.con.execute(sql, params) if params is not None else self.con.execute(sql)
        except duckdb.Error as exc:
            # a failed COMMIT reports file trouble as a TransactionException
            if isinstance(exc, duckdb.IOException) or is_io_failure(exc):
                raise StoreError(explain_io_error(self.path, exc, "write to")) from None
            raise

    def flush(self) -> None:
        """Append the buffered rows and re-derive the events they touched (same transaction)."""
        for table, rows in self.rows.items():
            if rows:
                tbl = pa.Table.from_pylist(rows, schema=self._schemas[table])
                self.con.register("_quiquoi_rows", tbl)
                try:
                    self._execute(f"INSERT INTO {table} BY NAME SELECT * FROM _quiquoi_rows")
                finally:
                    self.con.unregister("_quiquoi_rows")
                rows.clear()
        if self.affected:
            rederive_events(self, sorted(self.affected))
            self.affected.clear()
        self.batch_events.clear()

    # -- one article ------------------------------------------------------------------
    def known(self, ids: list[str], hashes: list[str]) -> tuple[dict, dict]:
        """({article_id: hash}, {hash: article_id}) of stored articles among these. What is
        found absent is remembered, so that store() need not ask again (on a store of a
        million articles each question is a scan)."""
        if not ids:
            return {}, {}
        rows = self.con.execute(
            "SELECT article_id, content_hash FROM articles WHERE article_id IN (SELECT unnest(?)) "
            "OR content_hash IN (SELECT unnest(?))", [ids, hashes]).fetchall()
        by_id, by_hash = {a: h for a, h in rows}, {h: a for a, h in rows}
        self.absent_ids.update(i for i in ids if i not in by_id)
        self.absent_hashes.update(h for h in hashes if h not in by_hash)
        return by_id, by_hash

    def fail(self, input_name: str, reason: str) -> None:
        self.begin()
        # one row per input and reason, with the latest time: re-running a batch adds nothing
        self._execute("DELETE FROM failures WHERE input = ? AND reason = ?", [input_name, reason])
        self._execute("INSERT INTO failures VALUES (?, ?, ?)", [input_name, reason, now()])
        self.pending.failed.append((input_name, reason))
        self.batch_size += 1

    def store(self, rec: dict, text: str, input_name: str, chash: str, coder_version: str,
              heading: str | None = None, force: bool = False) -> str:
        """Store one coded article; returns new | unchanged | replaced (| recoded with force)."""
        art = article_row(rec, text, input_name, chash, coder_version, heading)
        mentions, quotes, actors = split_record(rec, text)      # may raise: nothing written yet
        self.begin()
        aid = art["article_id"]
        row = None
        if aid not in self.absent_ids:
            found = self.con.execute("SELECT article_id, content_hash, input FROM articles WHERE article_id = ?",
                                     [aid]).fetchall()
            row = found[0] if found else None
        if row is None and art["url"]:
            found = self.con.execute("SELECT article_id, content_hash, input FROM articles WHERE url = ? LIMIT 1",
                                     [art["url"]]).fetchall()
            row = found[0] if found else None
        status = "new"
        if row is not None:
            if row[1] == chash and not force:
                return self._done("unchanged")
            if row[0] != aid:               # same url under another id: that article, updated
                aid = art["article_id"] = row[0]
                for r in mentions + quotes + actors:
                    r["article_id"] = aid
            if not force:
                self.pending.duplicates.append((input_name, f"id {aid!r} was stored from {row[2]}; this text replaces it"))
            self.remove_records([aid])
            self._update_article(art)
            status = "recoded" if force else "replaced"
        else:
            dup = None
            if chash not in self.absent_hashes:
                found = self.con.execute("SELECT article_id FROM articles WHERE content_hash = ? LIMIT 1",
                                         [chash]).fetchall()
                dup = found[0] if found else None
            if dup is not None:
                self.pending.duplicates.append((input_name, f"same text as stored article {dup[0]!r}; not stored twice"))
                return self._done("unchanged")
            self._insert_article(art)
        # stored now: no longer absent (a later input with this id or text must see it)
        self.absent_ids.discard(aid)
        self.absent_hashes.discard(chash)
        self._add_mentions(mentions)
        for q in quotes:
            q["quote_id"] = self.next_quote
            self.next_quote += 1
        self.rows["quotes"] += quotes
        self.rows["article_actors"] += actors
        return self._done(status)

    def _done(self, status: str) -> str:
        self.pending.count(status)
        self.batch_size += 1
        return status

    def _insert_article(self, art: dict) -> None:
        art = {**art, "coded_at": now()}
        cols = ", ".join(f'"{c}"' for c in art)
        self._execute(f"INSERT INTO articles ({cols}) VALUES ({', '.join('?' * len(art))})", list(art.values()))

    def _update_article(self, art: dict) -> None:
        art = {**art, "coded_at": now()}
        aid = art.pop("article_id")
        sets = ", ".join(f'"{c}" = ?' for c in art)
        self._execute(f"UPDATE articles SET {sets} WHERE article_id = ?", list(art.values()) + [aid])

    def remove_records(self, article_ids: list[str]) -> None:
        """Drop the mentions, quotes and actors of these articles; their events get re-derived."""
        self.flush()   # rows of this batch may belong to them
        ids = list(article_ids)
        for (eid,) in self.con.execute("SELECT DISTINCT event_id FROM mentions WHERE article_id IN (SELECT unnest(?))",
                                       [ids]).fetchall():
            self.affected.add(eid)
        for table in ("mentions", "quotes", "article_actors"):
            self._execute(f"DELETE FROM {table} WHERE article_id IN (SELECT unnest(?))", [ids])

    def _add_mentions(self, mentions: list[dict]) -> None:
        if not mentions:
            return
        keys = sorted({m["match_key"] for m in mentions})
        days = dedup.candidate_days(mentions)
        stored = []
        if days is not None:
            # the day range lets DuckDB skip row groups by their min/max: news arrive roughly
            # in date order, so a lookup reads a few row groups, not the whole events table
            stored = self.con.execute(
                "SELECT event_id, match_key, day, date, date_precision, place_name, place_country FROM events "
                "WHERE day BETWEEN ? AND ? AND match_key IN (SELECT unnest(?))", [days[0], days[1], keys]).fetchall()
        cols = ("event_id", "match_key", "day", "date", "date_precision", "place_name", "place_country")
        candidates: dict[int, list[dict]] = {}
        for r in stored:
            candidates.setdefault(r[1], []).append(dict(zip(cols, r)))
        for m in mentions:
            pool = candidates.get(m["match_key"], []) + self.batch_events.get(m["match_key"], [])
            match = dedup.best_match(m, pool)
            if match is None:
                m["event_id"] = self.next_event
                self.next_event += 1
                self.batch_events.setdefault(m["match_key"], []).append({c: m.get(c) for c in cols})
            else:
                m["event_id"] = match["event_id"]
            m["mention_id"] = self.next_mention
            self.next_mention += 1
            self.affected.add(m["event_id"])
        self.rows["mentions"] += mentions


# the event shows its best mention's coding: highest confidence, then the earliest mention
_EVENT_CODING = ("day", "date", "date_precision", "type", "mode", "cameo", "cameo_root", "quad_class", "goldstein",
                 "source_code", "source_name", "source_country", "source_role",
                 "target_code", "target_name", "target_country", "target_role",
                 "place_name", "place_country", "place_lat", "place_lon", "place_text", "place_feature",
                 "place_admin1", "place_geonames_id", "modality", "negated", "confidence")


def rederive_events(writer: Writer, event_ids: list[int]) -> None:
    ids = ", ".join(str(int(i)) for i in event_ids)
    coding = ", ".join(f"m.{c}" for c in _EVENT_CODING)
    writer._execute(f"DELETE FROM events WHERE event_id IN ({ids})")
    writer._execute(f"""
        INSERT INTO events BY NAME
        SELECT a.event_id, {coding}, a.n_mentions, a.n_articles, a.first_seen, a.last_seen,
               m.mention_id AS best_mention_id, m.article_id, m.match_key
        FROM (SELECT event_id,
                     arg_max(mention_id, confidence::BIGINT * 1000000000000 - mention_id) AS best,
                     count(*)::INTEGER AS n_mentions, count(DISTINCT article_id)::INTEGER AS n_articles,
                     min(published) AS first_seen, max(published) AS last_seen
              FROM mentions WHERE event_id IN ({ids}) GROUP BY event_id) a
        JOIN mentions m ON m.mention_id = a.best AND m.event_id IN ({ids})
        ORDER BY a.event_id""")
