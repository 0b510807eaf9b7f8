"""One chunk coded disk-to-disk into one Parquet part: what a Dask task runs on a worker.

A part holds one row per input, in input order: a coded article (`record` as JSON, the
text, the input it came from) or a failure (`error` says why). It is written under a
temporary name and renamed when complete, so a task killed half-way leaves no file that
looks like a part, and a part that exists is always whole.
"""
from __future__ import annotations

import errno
import itertools
import json
import os
import resource
import time
import uuid
import zlib
from collections import deque
from pathlib import Path
from typing import Iterator

import pyarrow as pa
import pyarrow.parquet as pq

from quiquoi.ingest.readers import BadInput, InputArticle, decode, parse_date, read_file, read_jsonl_lines
from quiquoi.scale.chunks import Chunk, read_chunk_bytes
from quiquoi.store.ingesting import coder_version

SCHEMA = pa.schema([
    ("seq", pa.int32()),          # position in the chunk: the merge keeps input order
    ("input", pa.string()),       # file (and line) the article came from
    ("id", pa.string()),
    ("record", pa.string()),      # ArticleRecord.to_dict() as JSON; null for a failure
    ("text", pa.string()),
    ("error", pa.string()),       # why the input could not be coded; null when coded
    # what the store hashes and records, taken from the input *before* coding (the coder
    # may fill a missing date from the dateline), as single-process ingest does
    ("published", pa.string()),
    ("heading", pa.string()),
    ("coder_version", pa.string()),
])
ROWS_PER_GROUP = 256              # flushed as it goes: a worker never holds a whole chunk's output
ZONE_ARTICLES = 200               # articles coded in one spaCy memory zone (see _coded_in_zones)

# One Coder per worker process, whatever the number of tasks it runs (spaCy takes ~7 s
# and ~550 MB to load). `LOADS` counts real loads so tests can check it.
_CODERS: dict[str, object] = {}
LOADS = {"count": 0}


class PartWriteError(OSError):
    """A part could not be written (full disk, read-only folder): no retry will help, the
    run stops with this message."""


# A worker parses WORKER_BATCH_SIZE articles at a time (Coder's batch_size). spaCy's peak
# memory grows with the batch: 128 long paragraphs' worth of text took the process from 0.5
# to 1.5 GB, 16 (about 4 articles) to 0.66 GB, for ~5 % more CPU time (docs/scale.md).
WORKER_BATCH_SIZE = 4


def coder_options(options: dict | None) -> dict:
    """The Coder's arguments for these run options (the date default is for the reader)."""
    opts = {k: v for k, v in (options or {}).items() if k in ("lang", "batch_size", "check_language")}
    opts.setdefault("batch_size", WORKER_BATCH_SIZE)
    return opts


def coder_key(options: dict | None) -> str:
    return json.dumps(coder_options(options), sort_keys=True)


def get_coder(options: dict | None = None):
    key = coder_key(options)
    coder = _CODERS.get(key)
    if coder is None:
        from quiquoi.coder import Coder

        coder = Coder(**coder_options(options))
        _CODERS[key] = coder
        LOADS["count"] += 1
    return coder


def part_path(parts_dir: str | Path, chunk: Chunk) -> Path:
    return Path(parts_dir) / f"{chunk.id}.parquet"


def chunk_inputs(chunk: Chunk, published=None) -> Iterator[InputArticle | BadInput]:
    """The chunk's articles and bad inputs, parsed by the same reader functions as
    single-process ingest, with the same origins ("file:line") and default ids."""
    if chunk.kind == "files":
        for f in chunk.files:
            yield from read_file(Path(f), published)
        return
    try:
        raw = read_chunk_bytes(chunk)
    except (OSError, EOFError, zlib.error) as exc:      # a .gz damaged since it was planned
        yield BadInput(chunk.label(), f"cannot read: {getattr(exc, 'strerror', None) or exc}")
        return
    if chunk.gzipped:
        # the reader streams a .gz line by line (b"\\n"), decoding each line on its own
        lines = _gz_lines(raw)
    else:
        text, why = decode(raw)
        if text is None:
            yield BadInput(chunk.label(), why)
            return
        lines = text.splitlines()
    # the chunk keeps the file's line numbers, so origins and default ids match a whole-file read
    yield from read_jsonl_lines(lines, chunk.path, published, first_line=chunk.first_line)


def _gz_lines(raw: bytes) -> Iterator[str]:
    """A gzipped chunk's lines as the reader gives them: cut after each b"\\n" (kept, as
    iterating a file keeps it), each decoded on its own (UTF-8, else Windows-1252)."""
    pieces = raw.split(b"\n")
    for n, piece in enumerate(pieces):
        last = n == len(pieces) - 1
        if last and not piece:
            break
        raw_line = piece if last else piece + b"\n"
        try:
            yield raw_line.decode("utf-8")
        except UnicodeDecodeError:
            yield raw_line.decode("cp1252", errors="replace")


def _coded_in_zones(coder, feed, inputs) -> Iterator:
    """code_many over `inputs`, ZONE_ARTICLES at a time inside a spaCy memory zone: the
    words a zone adds to the model's vocabulary are dropped when it ends, so a worker's
    memory stays flat however many articles it codes (records leave the zone as plain
    Python values; nothing of spaCy's is kept)."""
    inputs = iter(inputs)
    while True:
        group = list(itertools.islice(inputs, ZONE_ARTICLES))
        if not group:
            return
        with coder.nlp.memory_zone():
            yield from coder.code_many(feed(group))


def code_chunk(chunk: Chunk, parts_dir: str, options: dict | None = None) -> dict:
    """Code one chunk into its part; returns a summary (counts, time, worker pid and memory)."""
    target = part_path(parts_dir, chunk)
    if target.exists():                        # a retry after the rename, or a concurrent duplicate
        return summary_of(chunk, target, coded_now=False)
    t0, cpu0 = time.perf_counter(), time.process_time()
    coder = get_coder(options)
    published = parse_date((options or {}).get("published"))
    version = coder_version(coder.lang)
    from quiquoi.coder import CodingError

    tmp = target.with_name(f".{chunk.id}.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp")
    articles = failures = 0
    writer = None

    def on_disk(action, *args):
        """A file operation on the part; its failure (full disk, read-only folder) is a
        PartWriteError naming the chunk and the folder."""
        try:
            return action(*args)
        except OSError as exc:
            full = " (disk full?)" if exc.errno in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT) else ""
            raise PartWriteError(exc.errno, f"cannot write the part of chunk {chunk.label()} in {parts_dir}: "
                                            f"{exc.strerror or exc}{full}") from exc

    try:
        writer = on_disk(lambda: pq.ParquetWriter(tmp, SCHEMA, compression="zstd"))
        rows: list[dict] = []
        # code_many gives one result per input, in input order: pair them through a queue
        fed: deque = deque()

        def feed(group):
            for item in group:
                pub = getattr(item, "published", None)
                fed.append((item, pub.isoformat() if pub else None))
                yield item

        for seq, result in enumerate(_coded_in_zones(coder, feed, chunk_inputs(chunk, published))):
            item, pub = fed.popleft()
            if isinstance(result, CodingError):
                rows.append({"seq": seq, "input": result.origin, "error": result.reason})
                failures += 1
            else:
                rows.append({"seq": seq, "input": item.origin or item.id, "id": result.id,
                             "record": json.dumps(result.to_dict(), ensure_ascii=False),
                             "text": item.text, "published": pub, "heading": getattr(item, "heading", None),
                             "coder_version": version})
                articles += 1
            if len(rows) >= ROWS_PER_GROUP:
                on_disk(writer.write_table, pa.Table.from_pylist(rows, schema=SCHEMA))
                rows = []
        on_disk(writer.write_table, pa.Table.from_pylist(rows, schema=SCHEMA))
        on_disk(writer.close)
        writer = None
        on_disk(os.replace, tmp, target)
    finally:
        if writer is not None:
            try:
                writer.close()
            except Exception:       # already failing: the first error is the one to report
                pass
        if tmp.exists():
            tmp.unlink()
    return {"chunk": chunk.id, "articles": articles, "failures": failures, "coded_now": True,
            "seconds": time.perf_counter() - t0, "cpu_seconds": time.process_time() - cpu0,
            "pid": os.getpid(), "coder_loads": LOADS["count"],
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def read_part(path: str | Path) -> list[dict]:
    """A part's rows in input order."""
    rows = pq.read_table(path, schema=SCHEMA).to_pylist()
    rows.sort(key=lambda r: r["seq"])
    return rows


def summary_of(chunk: Chunk, path: Path, coded_now: bool) -> dict:
    errors = pq.read_table(path, columns=["error"]).column("error")
    failures = len(errors) - errors.null_count
    return {"chunk": chunk.id, "articles": len(errors) - failures, "failures": failures, "coded_now": coded_now,
            "seconds": 0.0, "cpu_seconds": 0.0, "pid": os.getpid(), "coder_loads": LOADS["count"],
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}
