"""The store under bad input and faults: each failure named, nothing half-stored or lost."""
import json
import os
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import duckdb
import pytest

import quiquoi
from quiquoi.ingest.readers import InputArticle, read_inputs
from quiquoi.store import StoreError

from conftest import DATA, SEED
from test_store import consistent

PUB = date(2016, 5, 24)
ROOT = Path(__file__).resolve().parent.parent
KERRY = SEED.read_text(encoding="utf-8")
PARAS = KERRY.split("\n\n")


def test_bad_inputs_are_recorded_and_the_rest_goes_on(tmp_path, coder):
    d = tmp_path / "in"
    d.mkdir()
    (d / "empty.txt").write_bytes(b"")
    (d / "binary.txt").write_bytes(b"\x00\x01\x02\x03" * 50)
    (d / "latin1.txt").write_bytes(PARAS[0].encode("cp1252"))
    (d / "menu.html").write_text("<html><body><nav><a href='/'>Accueil</a></nav></body></html>", encoding="utf-8")
    (d / "feed.jsonl").write_text(
        json.dumps({"id": "j1", "text": PARAS[1], "date": "2016-05-24"}) + "\n"
        + '{"id": "j2", "text": "tronqu\n'
        + json.dumps({"id": "j1", "text": PARAS[2], "date": "2016-05-24"}) + "\n", encoding="utf-8")
    with quiquoi.open(tmp_path / "f.duckdb") as st:
        rep = st.ingest(read_inputs([str(d)], PUB), coder=coder)
        reasons = dict(rep.failed)
        assert reasons[str(d / "empty.txt")] == "empty input"
        assert "binary" in reasons[str(d / "binary.txt")]
        assert "no main content" in reasons[str(d / "menu.html")]
        assert "malformed JSON" in reasons[f"{d / 'feed.jsonl'}:2"]
        # the same id twice with different texts: the later replaces the earlier, and says so
        assert rep.replaced == 1 and any("j1" in note for _, note in rep.duplicates)
        assert st.article("j1")["text"] == PARAS[2]
        # Windows-1252 bytes are stored decoded
        assert st.article("latin1")["text"] == PARAS[0]
        stored = st.failures()
        assert set(stored.input) == set(reasons) and stored.reason.str.len().min() > 5
        assert st.stats()["articles"] == 2
        consistent(st)


def _hold(path, seconds, *extra):
    """A child process that opens the store for writing and keeps it for `seconds`."""
    code = ("import sys, time, quiquoi; st = quiquoi.open(sys.argv[1]); print('ready', flush=True); "
            "time.sleep(float(sys.argv[2])); st.close(); print('released', flush=True)")
    proc = subprocess.Popen([sys.executable, "-c", code, str(path), str(seconds)], stdout=subprocess.PIPE,
                            text=True, cwd=ROOT)
    assert proc.stdout.readline().strip() == "ready"
    return proc


def test_second_writer_refused_with_the_lock_named(tmp_path):
    path = tmp_path / "lock.duckdb"
    quiquoi.open(path).close()
    proc = _hold(path, 30)
    try:
        started = time.monotonic()
        with pytest.raises(StoreError) as err:
            quiquoi.open(path, wait=1.0)
        assert time.monotonic() - started >= 1.0
        msg = str(err.value)
        assert "locked" in msg and str(proc.pid) in msg and "--wait" in msg
        with pytest.raises(StoreError, match="locked"):
            quiquoi.open(path, read_only=True)
    finally:
        proc.kill()
        proc.wait()


def test_second_writer_waits_for_the_first(tmp_path):
    path = tmp_path / "wait.duckdb"
    quiquoi.open(path).close()
    proc = _hold(path, 1.5)
    try:
        with quiquoi.open(path, wait=20) as st:       # gets the store once the first lets go
            assert st.stats()["articles"] == 0
    finally:
        proc.wait(timeout=30)


CRASH_CHILD = """
import sys, quiquoi
from datetime import date
from quiquoi.ingest.readers import read_inputs
st = quiquoi.open(sys.argv[1])
st._write().batch_articles = 2          # commit often, so the kill lands between commits
st.ingest(read_inputs(sys.argv[2:], date(2016, 5, 24)), progress=lambda s: print(s, flush=True))
print("finished", flush=True)
"""


def test_kill_9_mid_ingest_then_resume(tmp_path, coder):
    path = tmp_path / "crash.duckdb"
    inputs = [str(SEED), str(DATA / "dev")]
    proc = subprocess.Popen([sys.executable, "-c", CRASH_CHILD, str(path), *inputs], stdout=subprocess.PIPE,
                            text=True, cwd=ROOT)
    seen = 0
    while seen < 7:
        line = proc.stdout.readline()
        assert line and line.strip() != "finished", "the child ended before it could be killed"
        seen += 1
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    with quiquoi.open(path) as st:
        kept = st.stats()["articles"]
        assert 2 <= kept < 17            # whole batches survived, the open one did not
        consistent(st)                   # and no article is half-stored
        rep = st.ingest(read_inputs(inputs, PUB), coder=coder)
        assert rep.unchanged == kept and rep.new == 17 - kept and not rep.failed
        assert st.stats()["articles"] == 17
        consistent(st)
        ids = st.sql("SELECT count(*) - count(DISTINCT mention_id) d FROM mentions").d[0]
        assert ids == 0


class _DiskFull:
    """A connection whose disk fills up when the mentions of the second batch are written."""

    def __init__(self, con):
        self._con = con
        self.inserts = 0

    def execute(self, sql, *args):
        if sql.startswith("INSERT INTO mentions"):
            self.inserts += 1
            if self.inserts == 2:
                raise duckdb.IOException('Could not write file "q.duckdb.wal": No space left on device')
        return self._con.execute(sql, *args)

    def __getattr__(self, name):
        return getattr(self._con, name)


def test_disk_full_rolls_back_the_batch_with_a_clear_message(tmp_path, coder):
    path = tmp_path / "full.duckdb"
    arts = [InputArticle(id=f"p{i}", text=p, published=PUB, origin=f"p{i}") for i, p in enumerate(PARAS[:3])]
    with quiquoi.open(path) as st:
        w = st._write()
        w.batch_articles = 1
        w.con = _DiskFull(w.con)
        with pytest.raises(StoreError, match="disk is full") as err:
            st.ingest(arts, coder=coder)
        assert "re-run" in str(err.value)
    with quiquoi.open(path) as st:
        assert st.stats()["articles"] == 1       # the first batch, whole; the second not at all
        consistent(st)
        rep = st.ingest(arts, coder=coder)
        assert (rep.unchanged, rep.new) == (1, 2)
        consistent(st)


def _chattr(flag, path):
    subprocess.run(["chattr", flag, str(path)], check=True)


def test_read_only_database_file(tmp_path, coder):
    path = tmp_path / "ro.duckdb"
    with quiquoi.open(path) as st:
        st.ingest([InputArticle(id="k", text=PARAS[0], published=PUB, origin="k")], coder=coder)
    size = path.stat().st_size
    _chattr("+i", path)                  # immutable even for root: a read-only file
    try:
        with pytest.raises(StoreError, match="read-only") as err:
            quiquoi.open(path)
        assert str(path) in str(err.value)
        with quiquoi.open(path, read_only=True) as st:     # queries still work
            assert st.stats()["articles"] == 1
    finally:
        _chattr("-i", path)
    assert path.stat().st_size == size


def test_read_only_folder(tmp_path, coder):
    folder = tmp_path / "ro"
    folder.mkdir()
    path = folder / "q.duckdb"
    quiquoi.open(path).close()
    _chattr("+i", folder)                # the write-ahead log cannot be created next to it
    try:
        with quiquoi.open(path) as st:
            with pytest.raises(StoreError, match="read-only"):
                st.ingest([InputArticle(id="k", text=PARAS[0], published=PUB, origin="k")], coder=coder)
        with quiquoi.open(path, read_only=True) as st:
            assert st.stats()["articles"] == 0
            assert st.sql("SELECT count(*) n FROM mentions").n[0] == 0
    finally:
        _chattr("-i", folder)
    with quiquoi.open(path) as st:
        assert st.ingest([InputArticle(id="k", text=PARAS[0], published=PUB, origin="k")], coder=coder).new == 1


def test_not_a_store_and_newer_schema(tmp_path):
    other = tmp_path / "other.duckdb"
    con = duckdb.connect(str(other))
    con.execute("CREATE TABLE t (a INT)")
    con.close()
    with pytest.raises(StoreError, match="not a quiquoi store"):
        quiquoi.open(other, read_only=True)
    path = tmp_path / "new.duckdb"
    quiquoi.open(path).close()
    con = duckdb.connect(str(path))
    con.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    con.close()
    with pytest.raises(StoreError, match="schema version 99"):
        quiquoi.open(path)
    with pytest.raises(StoreError, match="does not exist"):
        quiquoi.open(tmp_path / "missing-folder" / "q.duckdb")
