"""Splitting the inputs into chunks of about `chunk_mb`: the unit of work of a Dask task.

A JSON Lines file (plain or gzipped) is cut into byte ranges that end on a line break; a
folder of .txt files is cut into runs of whole files. Each chunk is named by a hash of
what it holds (its bytes, where they come from, and the coder's fingerprint), so the
same input always gives the same chunk ids and a rerun can see which chunks already have
a Parquet part.
"""
from __future__ import annotations

import gzip
import hashlib
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

import zlib

from quiquoi.ingest.readers import decode, input_kind, read_inputs

READ_BLOCK = 1 << 20          # the planner streams files in 1 MiB reads


@dataclass
class Chunk:
    """One unit of coding work. `kind` is "lines" (a byte range of a JSON Lines file) or
    "files" (whole text files)."""
    id: str
    kind: str
    path: str = ""                     # lines: the JSON Lines file, as the user named it
    gzipped: bool = False
    offset: int = 0                    # lines: range in the (uncompressed) bytes
    length: int = 0
    first_line: int = 1                # lines: number of the range's first line (1-based)
    files: list[str] = field(default_factory=list)   # files: the text files, in input order
    size: int = 0                      # bytes of input it holds

    def label(self) -> str:
        """A human name for messages: which input this chunk holds."""
        if self.kind == "lines":
            return f"{self.path} (bytes {self.offset:,}-{self.offset + self.length:,} from line {self.first_line})"
        if len(self.files) == 1:
            return self.files[0]
        return f"{self.files[0]} … {self.files[-1]} ({len(self.files)} files)"

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Plan:
    chunks: list[Chunk]
    failures: list[tuple[str, str]]    # inputs refused before any chunking (missing paths…)


def is_jsonl(path: Path) -> bool:
    return input_kind(path) in ("jsonl", "jsonl.gz")


def input_files(paths: Iterable[str]) -> Iterator[Path | tuple[str, str]]:
    """The files to code, in the order (and spelt as) quiquoi.ingest.readers.read_inputs
    walks them; (origin, reason) for a path that gives nothing."""
    for p in paths:
        if p == "-":
            yield (p, "standard input cannot be split across workers; give files or folders")
            continue
        path = Path(p)
        files = sorted(f for f in path.rglob("*") if f.is_file() and input_kind(f) is not None) if path.is_dir() \
            else [path] if path.exists() else []
        if not files:       # a missing path or an empty folder: the reader's own message
            yield from ((bad.origin, bad.reason) for bad in read_inputs([p]))
        yield from files


def plan_chunks(paths: Iterable[str], chunk_mb: float = 32, fingerprint: str = "") -> Plan:
    """Chunks of about `chunk_mb` megabytes over all inputs, in input order."""
    if chunk_mb <= 0:
        raise ValueError(f"chunk size must be positive, got {chunk_mb} MB")
    target = max(1, int(chunk_mb * 1_000_000))
    chunks: list[Chunk] = []
    failures: list[tuple[str, str]] = []
    batch: list[tuple[str, str]] = []          # pending text files: (path, content hash)
    batch_size = 0

    def flush_files():
        nonlocal batch, batch_size
        if batch:
            ident = _chunk_id("files", fingerprint, batch)
            chunks.append(Chunk(id=ident, kind="files", files=[p for p, _ in batch], size=batch_size))
        batch, batch_size = [], 0

    for item in input_files(paths):
        if isinstance(item, tuple):
            failures.append(item)
            continue
        if is_jsonl(item):
            flush_files()          # keep input order: the files before this one form their own chunk
            done = len(chunks)
            try:
                chunks.extend(_line_chunks(item, target, fingerprint))
            except (OSError, EOFError, zlib.error) as exc:
                # a truncated or corrupt .gz: the lines before the damage are still coded
                line = chunks[-1].first_line + count_lines(read_chunk_bytes(chunks[-1]), chunks[-1].gzipped) \
                    if len(chunks) > done else 1
                failures.append((f"{item}:{line}", "unreadable gzip data, the rest of the file is skipped: "
                                                   f"{getattr(exc, 'strerror', None) or exc}"))
            continue
        try:
            raw = item.read_bytes()
        except OSError:
            raw = b""          # the reader reports it when the chunk is coded, as single-process ingest does
        batch.append((str(item), hashlib.sha1(raw).hexdigest()))
        batch_size += len(raw)
        if batch_size >= target:
            flush_files()
    flush_files()
    return Plan(chunks, failures)


def _line_chunks(path: Path, target: int, fingerprint: str) -> Iterator[Chunk]:
    """Byte ranges of about `target` bytes ending on a line break; a generator, so the
    ranges read before a decompression error are kept by the caller."""
    gzipped = path.name.lower().endswith(".gz")
    opener = gzip.open if gzipped else open
    offset, line = 0, 1
    with opener(path, "rb") as fh:
        while True:
            buf, error = _read_upto(fh, target)
            if not error and len(buf) >= target:
                # extend to the end of the current line so no JSON object is split
                try:
                    buf += fh.readline()
                except (OSError, EOFError, zlib.error) as exc:
                    error = exc
            if error is not None:     # keep the whole lines before the damage, as the reader does
                buf = _lines_before_damage(path, offset)
            if buf:
                yield Chunk(id=_chunk_id("lines", fingerprint, [str(path), line, hashlib.sha1(buf).hexdigest()]),
                            kind="lines", path=str(path), gzipped=gzipped, offset=offset, length=len(buf),
                            first_line=line, size=len(buf))
            if error is not None:
                raise error
            if len(buf) < target:
                break
            offset += len(buf)
            line += count_lines(buf, gzipped)


def _lines_before_damage(path: Path, offset: int) -> bytes:
    """From `offset` up to the last whole line that decompresses: a block read loses the
    block it fails in, a line-by-line read (the reader's) keeps every line before it."""
    got = []
    with gzip.open(path, "rb") as fh:
        fh.seek(offset)
        try:
            for raw in fh:
                got.append(raw)
        except (OSError, EOFError, zlib.error):
            pass
    data = b"".join(got)
    return data[: data.rfind(b"\n") + 1]


def _read_upto(fh, n: int) -> tuple[bytes, Exception | None]:
    """Up to n bytes, and the decompression error that stopped the read early, if any."""
    parts, got = [], 0
    try:
        while got < n:
            block = fh.read(min(READ_BLOCK, n - got))
            if not block:
                break
            parts.append(block)
            got += len(block)
    except (OSError, EOFError, zlib.error) as exc:
        return b"".join(parts), exc
    return b"".join(parts), None


def count_lines(raw: bytes, gzipped: bool = False) -> int:
    """Lines as the reader numbers them. A .gz is read line by line on b"\\n"; a plain file
    is decoded whole and cut with str.splitlines(), which also breaks on \\r, \\x1c… and
    U+2028, so counting b"\\n" there would drift."""
    text, _ = (None, None) if gzipped else decode(raw)
    if text is None:
        return raw.count(b"\n") + (0 if raw.endswith(b"\n") or not raw else 1)
    return len(text.splitlines())


def read_chunk_bytes(chunk: Chunk) -> bytes:
    """The bytes of a "lines" chunk (gzip seeks by decompressing up to the offset: cheap
    next to coding the chunk)."""
    opener = gzip.open if chunk.gzipped else open
    with opener(chunk.path, "rb") as fh:
        fh.seek(chunk.offset)
        return fh.read(chunk.length)


def _chunk_id(kind: str, fingerprint: str, content) -> str:
    key = json.dumps([kind, fingerprint, content], ensure_ascii=False)
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:24]
