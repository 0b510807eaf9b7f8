"""Scale-out end to end on a 2-process LocalCluster (one cluster for the module): the same
store as a single-process ingest, a worker killed mid-task, a rerun that codes nothing,
and an interrupted merge run again."""
import json
import os
import shutil
import signal
from pathlib import Path

import pytest

pytest.importorskip("distributed")

import quiquoi  # noqa: E402
from quiquoi.ingest.readers import read_inputs  # noqa: E402
from quiquoi.scale import merge as merge_module  # noqa: E402
from quiquoi.scale.parts import code_chunk  # noqa: E402
from quiquoi.scale.runner import execute  # noqa: E402

DATA = Path(__file__).parent / "data"
CHUNK_MB = 0.005          # a few articles a chunk: several chunks from a handful of articles
# what depends on when a row was written, not on what was coded
VOLATILE = {"articles": ["coded_at"], "failures": ["at"]}
TABLES = ("articles", "events", "mentions", "quotes", "article_actors", "failures")


def kill_once_then_code(chunk, parts_dir, options):
    """The first task to run anywhere kills its own worker process half-way through writing
    its part; Dask must run it again elsewhere."""
    marker = Path(parts_dir).parent / "killed-once"
    try:
        fd = os.open(marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
    except FileExistsError:
        return code_chunk(chunk, parts_dir, options)
    os.write(fd, f"{os.getpid()} {chunk.id}".encode())
    os.close(fd)
    import pyarrow.parquet as pq

    class DyingWriter(pq.ParquetWriter):
        def write_table(self, *args, **kwargs):      # the temporary file exists by now
            os.kill(os.getpid(), signal.SIGKILL)

    pq.ParquetWriter = DyingWriter                   # this process is about to die anyway
    return code_chunk(chunk, parts_dir, options)


def make_inputs(root: Path) -> list[str]:
    dev = sorted((DATA / "dev").glob("*.txt"))
    lines = [json.dumps({"id": t.name, "date": "2016-05-24", "article": t.read_text(encoding="utf-8")},
                        ensure_ascii=False) for t in dev[:5]]
    lines.insert(2, '{"id": "broken", "article": "Le ministre a')               # corrupt line
    lines.append(lines[0])                                                         # the same article twice
    (root / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    folder = root / "txt"
    folder.mkdir()
    for t in dev[5:8]:
        shutil.copy(t, folder / t.name)
    return [str(root / "feed.jsonl"), str(folder)]


def table(store, name: str) -> list[tuple]:
    cols = [c for c in store.sql(f"SELECT * FROM {name} LIMIT 0").columns if c not in VOLATILE.get(name, [])]
    quoted = ", ".join('"%s"' % c for c in cols)
    df = store.sql(f"SELECT {quoted} FROM {name} ORDER BY ALL")
    return [tuple(_plain(v) for v in r) for r in df.astype(object).itertuples(index=False)]


def _plain(v):
    """Comparable Python values: lists (arrays in pandas) as tuples, missing values as None."""
    if hasattr(v, "tolist"):
        v = v.tolist()
    if isinstance(v, (list, tuple)):
        return tuple(_plain(x) for x in v)
    if isinstance(v, dict):
        return tuple(sorted((k, _plain(x)) for k, x in v.items()))
    try:
        return None if v != v or v is None else v      # NaN / NaT / None
    except (TypeError, ValueError):
        return v


@pytest.fixture(scope="module")
def single(tmp_path_factory, coder):
    """The reference: a single-process ingest of the same inputs."""
    root = tmp_path_factory.mktemp("single")
    paths = make_inputs(root)
    st = quiquoi.open(str(root / "single.duckdb"), read_only=False)
    report = st.ingest(read_inputs(paths), coder=coder)
    content = {t: table(st, t) for t in TABLES}
    st.close()
    return paths, report, content


@pytest.fixture(scope="module")
def dask_run(tmp_path_factory):
    root = tmp_path_factory.mktemp("dask")
    paths = make_inputs(root)
    db = root / "scaled.duckdb"
    report, stats = execute(paths, str(db), workers=2, chunk_mb=CHUNK_MB, progress=False, task=kill_once_then_code)
    return root, paths, db, report, stats


def _content(db):
    st = quiquoi.open(str(db), read_only=True)
    try:
        return {t: table(st, t) for t in TABLES}
    finally:
        st.close()


def _relative(content, root):
    """Inputs are named by path: compare them relative to each run's folder."""
    def fix(v):
        return v.replace(str(root), "<root>") if isinstance(v, str) else v
    return {t: [tuple(fix(v) for v in row) for row in rows] for t, rows in content.items()}


def test_same_store_as_a_single_process_ingest(dask_run, single):
    root, _, db, report, stats = dask_run
    s_paths, s_report, s_content = single
    s_root = Path(s_paths[0]).parent
    assert stats.chunks >= 3
    scaled, reference = _relative(_content(db), root), _relative(s_content, s_root)
    for name in reference:
        assert scaled[name] == reference[name], name
    assert s_content["events"] and s_content["quotes"]                 # the comparison is not vacuous
    assert (report.new, report.unchanged) == (s_report.new, s_report.unchanged)
    assert [n for _, n in report.duplicates] == [n for _, n in s_report.duplicates]
    assert sorted(i.replace(str(root), "") for i, _ in report.failed) == \
        sorted(i.replace(str(s_root), "") for i, _ in s_report.failed)
    assert any("malformed JSON" in why for _, why in report.failed)
    assert scaled["failures"], "the bad line is kept in the failures table, as a single-process ingest keeps it"


def test_a_killed_worker_is_replaced_and_the_model_loads_once_per_process(dask_run):
    root, _, db, report, stats = dask_run
    killed_pid, killed_chunk = (root / "killed-once").read_text().split()
    assert not stats.failed_chunks and stats.coded_chunks == stats.chunks
    assert killed_chunk in {t["chunk"] for t in stats.tasks}            # coded again, elsewhere
    assert int(killed_pid) not in {t["pid"] for t in stats.tasks}
    assert all(t["coder_loads"] == 1 for t in stats.tasks)              # once per process, not per task
    assert len(stats.tasks) > len({t["pid"] for t in stats.tasks})
    leftovers = [p.name for p in Path(stats.parts_dir).iterdir() if not p.name.endswith(".parquet")]
    assert leftovers == []                                               # the dead task's temp file is gone
    assert stats.dashboard and stats.dashboard.startswith("http")


def test_a_rerun_codes_nothing_and_adds_nothing(dask_run):
    root, paths, db, first, _ = dask_run
    before = _content(db)
    report, stats = execute(paths, str(db), workers=2, chunk_mb=CHUNK_MB, progress=False)
    assert stats.coded_chunks == 0 and stats.skipped_chunks == stats.chunks and stats.dashboard is None
    assert report.new == 0 and report.unchanged == first.new + first.unchanged
    assert _content(db) == before


def test_an_interrupted_merge_run_again_stores_each_article_once(dask_run, monkeypatch):
    root, paths, db, _, stats = dask_run
    parts = root / "copy.parts"
    shutil.copytree(stats.parts_dir, parts)
    target = root / "interrupted.duckdb"
    real = merge_module.coded_items
    seen = []

    def dying(rows):
        for item in real(rows):
            if len(seen) == 4:
                raise KeyboardInterrupt("merge interrupted")
            seen.append(item)
            yield item

    monkeypatch.setattr(merge_module, "coded_items", dying)
    with pytest.raises(KeyboardInterrupt):
        execute(paths, str(target), workers=2, chunk_mb=CHUNK_MB, parts_dir=str(parts), progress=False)
    monkeypatch.setattr(merge_module, "coded_items", real)
    partial = _content(target)
    assert 0 < len(partial["articles"]) < len(_content(db)["articles"])
    report, rerun = execute(paths, str(target), workers=2, chunk_mb=CHUNK_MB, parts_dir=str(parts), progress=False)
    assert rerun.coded_chunks == 0
    assert _content(target) == _content(db)
    st = quiquoi.open(str(target), read_only=True)
    try:
        assert st.sql("SELECT count(*) AS n FROM articles GROUP BY article_id HAVING count(*) > 1").empty
    finally:
        st.close()


def test_a_scheduler_address_runs_on_that_cluster(tmp_path, coder, single):
    """--scheduler: an existing cluster (here in this process, its worker thread reusing the
    session's Coder) codes the chunks; the store is the same as a single-process ingest's."""
    from distributed import LocalCluster

    from quiquoi.scale import parts

    parts._CODERS[parts.coder_key(None)] = coder
    paths = make_inputs(tmp_path)
    try:
        with LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None) as cluster:
            report, stats = execute(paths, str(tmp_path / "s.duckdb"), scheduler=cluster.scheduler_address,
                                    chunk_mb=CHUNK_MB, progress=False)
    finally:
        parts._CODERS.pop(parts.coder_key(None), None)
    assert stats.coded_chunks == stats.chunks >= 3 and not stats.failed_chunks
    s_paths, s_report, s_content = single
    assert _relative(_content(tmp_path / "s.duckdb"), tmp_path) == _relative(s_content, Path(s_paths[0]).parent)
    assert report.new == s_report.new


def test_an_unreachable_scheduler_is_named(tmp_path, monkeypatch):
    from quiquoi.scale import runner

    monkeypatch.setattr(runner, "CONNECT_TIMEOUT", "1s")
    with pytest.raises(RuntimeError, match="cannot reach the Dask scheduler at tcp://127.0.0.1:9"):
        execute(make_inputs(tmp_path), str(tmp_path / "x.duckdb"), scheduler="tcp://127.0.0.1:9", progress=False)


def test_a_full_disk_stops_the_run_with_a_clear_message(tmp_path, coder):
    from distributed import LocalCluster

    from quiquoi.scale import parts

    parts._CODERS[parts.coder_key(None)] = coder
    paths = make_inputs(tmp_path)
    try:
        # in this process: signal handlers can only be set from the main thread, so the
        # worker thread's task relies on SIGXFSZ being ignored here first
        old = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        with LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None) as cluster:
            with pytest.raises(RuntimeError) as err:
                execute(paths, str(tmp_path / "full.duckdb"), scheduler=cluster.scheduler_address,
                        chunk_mb=1, progress=False, task=code_on_a_full_disk_thread)
    finally:
        signal.signal(signal.SIGXFSZ, old)
        parts._CODERS.pop(parts.coder_key(None), None)
    folder = tmp_path / "full.duckdb.parts"
    assert str(folder) in str(err.value) and "disk full" in str(err.value)
    assert list(folder.iterdir()) == []                     # no part, no temporary file
    assert not (tmp_path / "full.duckdb").exists()          # nothing merged


def code_on_a_full_disk_thread(chunk, parts_dir, options):
    """The kernel refuses to grow any file past 4 KiB while this task writes (EFBIG, as a
    full disk gives ENOSPC): a real write failure, not a mock."""
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (4096, hard))
    try:
        return code_chunk(chunk, parts_dir, options)
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))


def test_the_ingest_command_runs_on_workers_with_its_parts_where_told(tmp_path):
    from quiquoi.cli import main
    db, parts = tmp_path / "cli.duckdb", tmp_path / "my-parts"
    inputs = [str(p) for p in sorted((DATA / "dev").glob("*.fr.txt"))[:3]] + [str(tmp_path / "missing.txt")]
    code = main(["ingest", *inputs, "--db", str(db), "--workers", "2", "--chunk-mb", "0.002",
                 "--parts-dir", str(parts), "--published", "2016-05-24", "--quiet"])
    assert code == 0
    assert len(list(parts.glob("*.parquet"))) >= 2
    st = quiquoi.open(str(db), read_only=True)
    try:
        assert st.stats()["articles"] == 3
        # the missing input is a stored failure, as in a single-process ingest
        assert any("missing.txt" in i for i in st.failures().input)
    finally:
        st.close()
