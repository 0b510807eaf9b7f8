"""Scale-out, one chunk coded in this process (the session's Coder, no cluster): the part's
content, its atomic writing, and a full or read-only output folder."""
import json
import resource
import shutil
import signal
import subprocess
from pathlib import Path

import pytest

from quiquoi.coder import CodingError
from quiquoi.scale import parts
from quiquoi.scale.chunks import plan_chunks
from quiquoi.scale.parts import chunk_inputs, code_chunk, part_path, read_part

SEED = Path(__file__).parent / "data" / "seed" / "kerry-lavrov-treve.fr.txt"
DEV = Path(__file__).parent / "data" / "dev"


@pytest.fixture()
def worker_coder(coder):
    """This process plays the worker: its Coder cache holds the session's Coder."""
    key = parts.coder_key(None)
    parts._CODERS[key] = coder
    yield coder
    parts._CODERS.pop(key, None)


def _corpus(path: Path) -> Path:
    texts = sorted(DEV.glob("*.txt"))[:3] + [SEED]
    lines = [json.dumps({"id": t.name, "date": "2016-05-24", "article": t.read_text(encoding="utf-8")},
                        ensure_ascii=False) for t in texts]
    lines.insert(2, '{"id": "broken", "article": "Le minis')       # corrupt: cut in the middle
    lines.append(json.dumps({"id": "en", "article": "The minister said on Monday that the talks had failed "
                             "and that the government would now consider sanctions against the country."}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_chunk_codes_into_one_part_with_its_failures(tmp_path, worker_coder):
    f = _corpus(tmp_path / "in.jsonl")
    (chunk,) = plan_chunks([str(f)], chunk_mb=10).chunks
    out = tmp_path / "parts"
    out.mkdir()
    summary = code_chunk(chunk, str(out), None)
    assert summary["coded_now"] and summary["articles"] == 4 and summary["failures"] == 2
    rows = read_part(part_path(out, chunk))
    assert [r["seq"] for r in rows] == list(range(6))
    expected = list(worker_coder.code_many(chunk_inputs(chunk)))
    for row, want in zip(rows, expected):
        if isinstance(want, CodingError):
            assert row["record"] is None and row["error"] == want.reason and row["input"] == want.origin
        else:
            assert row["error"] is None and json.loads(row["record"]) == json.loads(json.dumps(want.to_dict()))
            assert row["published"] == "2016-05-24" and row["text"].strip() and row["coder_version"]
    assert "malformed JSON" in rows[2]["error"] and rows[2]["input"].endswith("in.jsonl:3")
    assert rows[-1]["input"].endswith("in.jsonl:6")          # refused by the language check
    assert [p.name for p in out.iterdir()] == [part_path(out, chunk).name]      # no temporary file left
    # a second call (a retry after the rename) does not code again
    assert code_chunk(chunk, str(out), None)["coded_now"] is False


def test_a_full_disk_leaves_no_part(tmp_path, worker_coder):
    f = _corpus(tmp_path / "in.jsonl")
    (chunk,) = plan_chunks([str(f)], chunk_mb=10).chunks
    out = tmp_path / "parts"
    out.mkdir()
    # a real write failure: the kernel refuses to grow any file past 4 KiB (EFBIG), as a
    # full disk would (ENOSPC); the part of this chunk is far bigger
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    old = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (4096, hard))
    try:
        with pytest.raises(OSError) as err:
            code_chunk(chunk, str(out), None)
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, old)
    message = str(err.value)
    assert str(out) in message and "in.jsonl" in message and "disk full" in message
    assert list(out.iterdir()) == []                          # neither a part nor a temporary file


def test_a_read_only_parts_folder_is_refused_by_name(tmp_path):
    from quiquoi.scale.runner import check_writable

    ro = tmp_path / "ro"
    ro.mkdir()
    # root ignores permission bits: make the folder immutable instead where the file system allows it
    locked = bool(shutil.which("chattr")) and subprocess.run(["chattr", "+i", str(ro)], capture_output=True).returncode == 0
    if not locked:
        ro.chmod(0o555)
    try:
        probe = ro / "x"
        try:
            probe.write_text("x")
            probe.unlink()
            pytest.skip("cannot make a read-only folder here")
        except OSError:
            pass
        with pytest.raises(RuntimeError, match="cannot write Parquet parts in .*ro"):
            check_writable(ro)
    finally:
        if locked:
            subprocess.run(["chattr", "-i", str(ro)])
        ro.chmod(0o755)
    with pytest.raises(RuntimeError, match="cannot write Parquet parts"):
        check_writable(Path(__file__) / "sub")      # a file where a folder should be
