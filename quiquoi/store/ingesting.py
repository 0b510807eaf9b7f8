"""The ingest and recode loops: inputs -> coder (batched) -> Writer, with progress."""
from __future__ import annotations

import hashlib
import time
from collections import deque
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable, Iterator

from quiquoi.ingest.readers import BadInput, InputArticle
from quiquoi.store.rows import content_hash
from quiquoi.store.writer import IngestReport, Writer

LOOKUP_CHUNK = 64      # inputs checked against the store in one query


@lru_cache(maxsize=8)
def coder_version(lang: str) -> str:
    """quiquoi's version + a fingerprint of the language data: recoding is due when it changes."""
    import quiquoi

    root = Path(quiquoi.__file__).parent
    h = hashlib.sha1()
    for folder in (root / "lang" / lang, root / "data"):
        for f in sorted(folder.rglob("*")):
            if f.is_file() and f.suffix in (".yaml", ".tsv", ".txt", ".json"):
                h.update(f.name.encode())
                h.update(f.read_bytes())
    return f"{quiquoi.__version__}+{h.hexdigest()[:10]}"


@contextmanager
def _run(writer: Writer, report: IngestReport) -> Iterator[None]:
    """One ingest, add or recode loop: what it stored is committed at the end, what was left
    open is rolled back on any error or interrupt, and the report gets its duration."""
    started = time.perf_counter()
    try:
        yield
        writer.commit(report)
    except BaseException:
        writer.rollback()
        raise
    finally:
        report.seconds = time.perf_counter() - started


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    chunk = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def ingest(writer: Writer, inputs: Iterable, coder, progress: Callable[[str], None] | None = None) -> IngestReport:
    from quiquoi.coder import CodingError

    report = IngestReport()
    version = coder_version(coder.lang)
    waiting: deque = deque()            # (article, hash) handed to the coder, in order
    tick = progress or (lambda status: None)

    def to_code() -> Iterator[InputArticle]:
        # runs inside the coder's read-ahead: skips what is already stored before parsing it
        for chunk in _chunks(inputs, LOOKUP_CHUNK):
            arts = [a for a in chunk if isinstance(a, InputArticle)]
            hashes = [content_hash(a.text or "", a.published) for a in arts]
            by_id, by_hash = writer.known([a.id for a in arts], hashes)
            hash_of = dict(zip(map(id, arts), hashes))
            for item in chunk:
                if isinstance(item, BadInput):
                    writer.fail(item.origin, item.reason)
                    tick("failed")
                    continue
                h = hash_of[id(item)]
                if by_id.get(item.id) == h or (item.id not in by_id and h in by_hash):
                    writer.begin()
                    if item.id not in by_id:
                        writer.pending.duplicates.append((item.origin, f"same text as stored article {by_hash[h]!r}"))
                    writer._done("unchanged")
                    tick("unchanged")
                    continue
                waiting.append((item, h, item.published))
                yield item

    with _run(writer, report):
        for result in coder.code_many(to_code()):
            item, h, _ = waiting.popleft()
            if isinstance(result, CodingError):
                writer.fail(item.origin or item.id, result.reason)
                status = "failed"
            else:
                try:
                    status = writer.store(result.to_dict(), item.text, item.origin or item.id, h, version,
                                          heading=getattr(item, "heading", None))
                except (ValueError, TypeError, KeyError) as exc:
                    writer.fail(item.origin or item.id, f"cannot store the coded record: {exc}")
                    status = "failed"
            tick(status)
            writer.maybe_commit(report)
    return report


def add_coded(writer: Writer, items: Iterable[dict], progress: Callable[[str], None] | None = None) -> IngestReport:
    """Already-coded articles ({"record", "text", "input"[, "published", "heading", "coder_version"]}),
    or inputs that could not be coded ({"input", "error"}: kept in the failures table)."""
    report = IngestReport()
    tick = progress or (lambda status: None)
    def item_hash(item: dict) -> str:
        return item.get("content_hash") or content_hash(item["text"], item.get("published", item["record"].get("published")))

    def numbered() -> Iterator[tuple[int, object]]:
        # ask the store about a chunk of items at once (see Writer.known)
        n = 0
        for chunk in _chunks(items, LOOKUP_CHUNK):
            ids, hashes = [], []
            for item in chunk:
                try:
                    ids.append(str(item["record"]["id"]))
                    hashes.append(item_hash(item))
                except (KeyError, TypeError, AttributeError):
                    pass                       # a broken item: store() reports it
            writer.begin()
            writer.known(ids, hashes)
            for item in chunk:
                n += 1
                yield n, item

    with _run(writer, report):
        for n, item in numbered():
            name = str(item.get("input") or f"item {n}") if isinstance(item, dict) else f"item {n}"
            if isinstance(item, dict) and item.get("error"):
                # an input that could not be coded elsewhere (a scale-out worker): recorded as
                # a single-process ingest records it
                writer.fail(name, str(item["error"]))
                tick("failed")
                writer.maybe_commit(report)
                continue
            try:
                rec, text = item["record"], item["text"]
                if not isinstance(text, str) or not text.strip():
                    raise ValueError("no text")
                chash = item_hash(item)
                version = item.get("coder_version") or coder_version(rec.get("language") or "fr")
                status = writer.store(rec, text, name, chash, version, heading=item.get("heading"))
            except (ValueError, TypeError, KeyError, AttributeError) as exc:
                writer.fail(name, f"not a coded article: {exc!r}" if not isinstance(exc, ValueError) else str(exc))
                status = "failed"
            tick(status)
            writer.maybe_commit(report)
    return report


def recode(writer: Writer, coder, everything: bool = False, progress: Callable[[str], None] | None = None) -> IngestReport:
    """Re-run the coder over stored texts (those coded by another coder version, or all)."""
    from quiquoi.coder import CodingError
    from quiquoi.ingest.readers import parse_date

    report = IngestReport()
    version = coder_version(coder.lang)
    tick = progress or (lambda status: None)
    where = "" if everything else "WHERE coder_version IS DISTINCT FROM ?"
    params = [] if everything else [version]
    # the ids first (the loop writes to the same tables), the texts a chunk at a time
    ids = [r[0] for r in writer.con.execute(f"SELECT article_id FROM articles {where} ORDER BY article_id",
                                            params).fetchall()]
    waiting: deque = deque()

    def to_code():
        for chunk in _chunks(ids, LOOKUP_CHUNK):
            rows = writer.con.execute(
                "SELECT article_id, text, published, title, url, source, language, input, heading, content_hash "
                "FROM articles WHERE article_id IN (SELECT unnest(?)) ORDER BY article_id", [chunk]).fetchall()
            for aid, text, pub, title, url, source, lang, input_name, heading, chash in rows:
                art = InputArticle(id=aid, text=text, published=parse_date(pub), title=title, url=url,
                                   source=source, language=lang, origin=input_name or aid)
                waiting.append((art, input_name, heading, chash))
                yield art

    with _run(writer, report):
        for result in coder.code_many(to_code()):
            art, input_name, heading, chash = waiting.popleft()
            if isinstance(result, CodingError):
                writer.fail(input_name or art.id, f"recode: {result.reason}")
                status = "failed"
            else:
                status = writer.store(result.to_dict(), art.text, input_name, chash, version, heading, force=True)
            tick(status)
            writer.maybe_commit(report)
    return report
