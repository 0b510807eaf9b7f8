"""`quiquoi ingest --workers N` / `--scheduler URL`: plan chunks, code them on Dask, merge.

The client process never loads spaCy: workers do, once each (a worker plugin loads the
Coder when the worker starts; the module cache in quiquoi.scale.parts keeps it).
"""
from __future__ import annotations

import importlib.util
import os
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from distributed.diagnostics.plugin import WorkerPlugin

import quiquoi
from quiquoi.scale.chunks import Chunk, plan_chunks
from quiquoi.scale.merge import merge_parts
from quiquoi.scale.parts import PartWriteError, code_chunk, get_coder, part_path

# A worker holds the model (~600 MB resident once coding). Dask pauses a worker at 80 % of
# its limit and kills it at 95 %, so the limit sits well above what a worker needs.
DEFAULT_MEMORY_LIMIT = "1.5GiB"
RETRIES = 2               # a task that raises is tried again this many times
CONNECT_TIMEOUT = "20s"   # to reach a --scheduler


class LoadCoder(WorkerPlugin):
    """Loads the Coder when a worker starts (or restarts), before its first task."""
    name = "quiquoi-coder"

    def __init__(self, options: dict | None):
        self.options = options or {}

    def setup(self, worker):
        get_coder(self.options)


@dataclass
class RunStats:
    """What a run did, for benchmarks and the command line's summary."""
    chunks: int = 0
    coded_chunks: int = 0
    skipped_chunks: int = 0
    failed_chunks: list[tuple[str, str]] = field(default_factory=list)
    write_errors: list[str] = field(default_factory=list)   # parts that could not be written
    tasks: list[dict] = field(default_factory=list)      # code_chunk summaries
    startup_s: float = 0.0
    coding_s: float = 0.0
    merge_s: float = 0.0
    dashboard: str | None = None
    parts_dir: str = ""


def fingerprint(options: dict | None) -> str:
    """What, besides the input, decides a part's content: a new coder version or other
    options give new chunk ids, so stale parts are never merged."""
    opts = sorted((options or {}).items())
    return f"quiquoi {quiquoi.__version__} {opts}"


def check_writable(folder: Path) -> None:
    """Fail early, naming the folder, if parts cannot be written there."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".probe-"):
            pass
    except OSError as exc:
        raise RuntimeError(f"cannot write Parquet parts in {folder}: {exc.strerror or exc} "
                           "(free some space, or give another folder as parts_dir)") from exc


def run(paths, db_path, workers: int = 2, scheduler: str | None = None, chunk_mb: float = 32,
        parts_dir: str | None = None, progress: bool = True, coder_options: dict | None = None):
    """Code `paths` on Dask into Parquet parts and merge them into the store at `db_path`.
    Returns the store's IngestReport (new/unchanged/replaced counts, failures, seconds)."""
    report, _ = execute(paths, db_path, workers=workers, scheduler=scheduler, chunk_mb=chunk_mb,
                        parts_dir=parts_dir, progress=progress, coder_options=coder_options)
    return report


def execute(paths, db_path, workers: int = 2, scheduler: str | None = None, chunk_mb: float = 32,
            parts_dir: str | None = None, progress: bool = True, coder_options: dict | None = None,
            memory_limit: str = DEFAULT_MEMORY_LIMIT, merge: bool = True,
            task: Callable = code_chunk):
    """run(), also returning RunStats. `task` is the function each chunk runs (tests wrap
    it to inject faults); `merge=False` stops after coding (benchmarks)."""
    t0 = time.perf_counter()
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    paths = [str(p) for p in paths]
    if scheduler is None and workers < 1:
        raise ValueError(f"--workers must be at least 1, got {workers}")
    folder = Path(parts_dir) if parts_dir else Path(f"{db_path}.parts")
    check_writable(folder)
    options = dict(coder_options or {})
    plan = plan_chunks(paths, chunk_mb, fingerprint(options))
    stats = RunStats(chunks=len(plan.chunks), parts_dir=str(folder))
    todo = [c for c in plan.chunks if not part_path(folder, c).exists()]
    stats.skipped_chunks = len(plan.chunks) - len(todo)
    for chunk in todo:        # what a killed task left half-written: never read, now removed
        for stale in folder.glob(f".{chunk.id}.*.tmp"):
            stale.unlink(missing_ok=True)
    if todo:
        _code_on_dask(todo, folder, options, workers, scheduler, memory_limit, progress, task, stats)
        for chunk in todo:    # a killed attempt's temporary file, once another attempt wrote the part
            if part_path(folder, chunk).exists():
                for stale in folder.glob(f".{chunk.id}.*.tmp"):
                    stale.unlink(missing_ok=True)
    if stats.write_errors:
        raise RuntimeError(f"{len(stats.write_errors)} chunk(s) could not be written to {folder}: "
                           f"{stats.write_errors[0]}")

    from quiquoi.store import IngestReport

    report = IngestReport()
    if merge:
        m0 = time.perf_counter()
        store = quiquoi.open(str(db_path), read_only=False)
        try:
            # inputs refused before coding, and chunks that failed every try, come first
            early = list(plan.failures) + list(stats.failed_chunks)
            report = store.add_coded({"input": name, "error": why} for name, why in early)
            report.merge(merge_parts(store, plan.chunks, folder))
        finally:
            store.close()
        stats.merge_s = time.perf_counter() - m0
    else:
        report.failed[:0] = list(plan.failures) + list(stats.failed_chunks)
    report.seconds = time.perf_counter() - t0
    return report, stats


def _code_on_dask(todo: list[Chunk], folder: Path, options: dict, workers: int, scheduler: str | None,
                  memory_limit: str, progress: bool, task: Callable, stats: RunStats) -> None:
    from distributed import Client, LocalCluster, as_completed
    from tqdm import tqdm

    s0 = time.perf_counter()
    cluster = None
    if scheduler:
        try:
            client = Client(scheduler, timeout=CONNECT_TIMEOUT)
        except (OSError, TimeoutError) as exc:
            raise RuntimeError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from exc
    else:
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                               memory_limit=memory_limit, dashboard_address=":0", silence_logs=40)
        client = Client(cluster)
    try:
        stats.dashboard = client.dashboard_link
        if progress:
            # the dashboard is served only where bokeh is installed (dask[diagnostics])
            note = "" if scheduler or importlib.util.find_spec("bokeh") else " (served only if bokeh is installed)"
            print(f"quiquoi: Dask dashboard at {stats.dashboard}{note}", file=sys.stderr)
        if progress:
            print(f"quiquoi: {len(todo)} of {stats.chunks} chunks to code; workers are loading the model…",
                  file=sys.stderr)
        client.register_plugin(LoadCoder(options))
        stats.startup_s = time.perf_counter() - s0
        c0 = time.perf_counter()
        # biggest chunks first: the last task to finish is then a small one
        order = sorted(todo, key=lambda c: -c.size)
        futures = {client.submit(task, chunk, str(folder), options, key=f"quiquoi-chunk-{chunk.id}",
                                 retries=RETRIES, pure=False): chunk for chunk in order}
        bar = tqdm(total=stats.chunks, initial=stats.skipped_chunks, desc="chunks", unit="chunk",
                   disable=not progress, file=sys.stderr)
        for fut in as_completed(futures):
            chunk = futures[fut]
            if fut.status == "finished":
                stats.tasks.append(fut.result())
                stats.coded_chunks += 1
            else:
                exc = fut.exception()
                if isinstance(exc, PartWriteError):
                    stats.write_errors.append(str(exc))
                else:
                    stats.failed_chunks.append((chunk.label(), f"{type(exc).__name__}: {exc}"))
            bar.update(1)
            fut.release()
        bar.close()
        stats.coding_s = time.perf_counter() - c0
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
