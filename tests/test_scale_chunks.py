"""Scale-out, no model and no cluster: splitting inputs into chunks, and reading a chunk back
exactly as single-process ingest reads the whole input."""
import gzip
import json
from pathlib import Path

import pytest

from quiquoi.ingest.readers import read_inputs
from quiquoi.scale.chunks import plan_chunks, read_chunk_bytes
from quiquoi.scale.parts import chunk_inputs

DEV = Path(__file__).parent / "data" / "dev"


def _jsonl(path: Path, n: int = 40) -> bytes:
    lines = []
    for i in range(n):
        lines.append(json.dumps({"id": f"a{i}", "date": "2020-07-0%d" % (1 + i % 9),
                                 "article": f"Article {i}. " + "Le ministre a parlé. " * (5 + i % 7)},
                                ensure_ascii=False))
    lines.insert(7, '{"id": "cut", "article": "tronqu')            # a truncated line
    lines.insert(12, "")                                          # a blank line still counts
    lines.insert(20, '{"article": "sans id\u2028ligne"}')      # a raw U+2028 ends a line for the reader
    lines.insert(25, json.dumps({"article": "Pas d'identifiant."}))  # default id "c.jsonl:<line>"
    raw = ("\n".join(lines) + "\n").encode("utf-8")
    path.write_bytes(raw)
    return raw


def _as_tuples(items):
    return [(type(i).__name__, i.origin, getattr(i, "id", None), getattr(i, "text", None) or getattr(i, "reason", None),
             getattr(i, "published", None)) for i in items]


def test_jsonl_chunks_read_like_the_whole_file(tmp_path):
    f = tmp_path / "c.jsonl"
    raw = _jsonl(f)
    plan = plan_chunks([str(f)], chunk_mb=0.0005)
    assert len(plan.chunks) > 3
    # the ranges tile the file, each ending on a line break
    assert b"".join(read_chunk_bytes(c) for c in plan.chunks) == raw
    assert all(read_chunk_bytes(c).endswith(b"\n") for c in plan.chunks)
    whole = _as_tuples(read_inputs([str(f)]))
    assert _as_tuples(i for c in plan.chunks for i in chunk_inputs(c)) == whole
    assert sum(t[0] == "BadInput" for t in whole) >= 2      # the corrupt lines are failures, not lost


def test_gzip_chunks_and_a_truncated_gzip(tmp_path):
    plain = tmp_path / "c.jsonl"
    raw = _jsonl(plain, 200)
    gz = tmp_path / "c.jsonl.gz"
    gz.write_bytes(gzip.compress(raw))
    plan = plan_chunks([str(gz)], chunk_mb=0.002)
    assert len(plan.chunks) > 2 and not plan.failures
    assert _as_tuples(i for c in plan.chunks for i in chunk_inputs(c)) == _as_tuples(read_inputs([str(gz)]))
    # cut the archive: the lines before the damage are kept, the rest is a named failure
    z = gzip.compress(raw)
    bad = tmp_path / "cut.jsonl.gz"
    bad.write_bytes(z[: len(z) * 2 // 3])
    plan = plan_chunks([str(bad)], chunk_mb=0.002)
    assert plan.chunks and len(plan.failures) == 1
    assert plan.failures[0][0].startswith(f"{bad}:") and "unreadable gzip data" in plan.failures[0][1]
    whole = [t for t in _as_tuples(read_inputs([str(bad)])) if "unreadable gzip" not in str(t[3])]
    assert _as_tuples(i for c in plan.chunks for i in chunk_inputs(c)) == whole


def test_text_folders_group_whole_files_in_reader_order(tmp_path):
    plan = plan_chunks([str(DEV), str(tmp_path / "missing")], chunk_mb=0.01)
    files = [f for c in plan.chunks for f in c.files]
    assert files == [i.origin for i in read_inputs([str(DEV)])]
    assert 1 < len(plan.chunks) < len(files)
    assert plan.failures == [(str(tmp_path / "missing"), "no such file or folder")]
    assert _as_tuples(i for c in plan.chunks for i in chunk_inputs(c)) == _as_tuples(read_inputs([str(DEV)]))


def test_chunk_ids_are_stable_and_follow_content(tmp_path):
    f = tmp_path / "c.jsonl"
    raw = _jsonl(f)
    ids = [c.id for c in plan_chunks([str(f)], 0.0005, "v1").chunks]
    assert ids == [c.id for c in plan_chunks([str(f)], 0.0005, "v1").chunks]
    assert len(set(ids)) == len(ids)
    # another coder version: every chunk is new
    assert not set(ids) & {c.id for c in plan_chunks([str(f)], 0.0005, "v2").chunks}
    # appending to the file keeps the earlier chunks
    f.write_bytes(raw + b'{"id": "late", "article": "Encore un texte."}\n')
    again = [c.id for c in plan_chunks([str(f)], 0.0005, "v1").chunks]
    assert again[:-1] == ids[:-1]
    # editing one line changes that chunk's id only
    f.write_bytes(raw.replace(b"Article 0.", b"Article Z."))
    edited = [c.id for c in plan_chunks([str(f)], 0.0005, "v1").chunks]
    assert edited[0] != ids[0] and edited[1:] == ids[1:]


def test_bad_arguments_are_named(tmp_path):
    with pytest.raises(ValueError, match="chunk size"):
        plan_chunks([str(DEV)], chunk_mb=0)
    plan = plan_chunks(["-"], 1)
    assert plan.failures and "standard input" in plan.failures[0][1]
    (tmp_path / "empty").mkdir()
    (bad,) = read_inputs([str(tmp_path / "empty")])
    assert plan_chunks([str(tmp_path / "empty")], 1).failures == [(bad.origin, bad.reason)]
