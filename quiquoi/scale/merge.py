"""Parts into the store: in plan order (= input order), so deduplication picks the same
article a single-process ingest would, and idempotent, so an interrupted merge can be run
again from the start and every article ends up in the store exactly once."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Iterable, Iterator

from quiquoi.scale.chunks import Chunk
from quiquoi.scale.parts import part_path, read_part


def coded_items(rows: Iterable[dict]) -> Iterator[dict]:
    for row in rows:
        if row["error"] is None:
            yield {"record": json.loads(row["record"]), "text": row["text"], "input": row["input"],
                   "published": row["published"], "heading": row["heading"], "coder_version": row["coder_version"]}
        else:   # the store's failures table gets it, as in a single-process ingest
            yield {"input": row["input"], "error": row["error"]}


def merge_parts(store, chunks: list[Chunk], parts_dir: str | Path):
    """Add every part's articles to `store`, one add_coded call per part (the store commits
    in small batches: an interruption loses at most the batch in flight, which the rerun
    adds). Returns one IngestReport for all parts, with the failures the parts hold."""
    from quiquoi.store import IngestReport

    total = IngestReport()
    for chunk in chunks:
        path = part_path(parts_dir, chunk)
        if not path.exists():
            continue
        total.merge(store.add_coded(coded_items(read_part(path))))
    return total
