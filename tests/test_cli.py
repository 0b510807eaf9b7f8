"""The command line as a user runs it: JSON Lines out, one error line per bad input."""
import json
import subprocess
import sys
from pathlib import Path

from conftest import SEED

BAD_AND_GOOD = {
    "good.txt": SEED.read_text(encoding="utf-8"),
    "empty.txt": "",
    "english.txt": "The Russian foreign minister met his American counterpart on Monday in Geneva "
                   "to discuss the ceasefire in Syria, officials said.",
}


def _run(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "quiquoi", *args], capture_output=True, text=True,
                          input=stdin, timeout=600)


def test_code_batch_with_bad_inputs(tmp_path):
    for name, text in BAD_AND_GOOD.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 20)
    (tmp_path / "huge.txt").write_text("Le ministre a parlé. " * 260_000, encoding="utf-8")
    lines = tmp_path / "batch.jsonl"
    lines.write_text(json.dumps({"id": "j1", "text": "Le ministre français a condamné l'attaque contre l'ambassade.",
                                 "published": "2020-01-02"}) + "\n" + '{"id": "j2", "text": "coup', encoding="utf-8")
    res = _run("code", str(tmp_path), "--published", "2016-05-24", "--quiet")
    assert res.returncode == 0, res.stderr
    records = [json.loads(line) for line in res.stdout.splitlines()]
    assert sorted(r["id"] for r in records) == ["good", "j1"]
    good = next(r for r in records if r["id"] == "good")
    assert good["published"] == "2016-05-24" and good["events"] and good["quotes"]
    assert {"sentence", "type", "cameo", "goldstein", "source", "target", "trigger", "negated", "modality",
            "date", "date_precision", "places"} <= set(good["events"][0])
    err = res.stderr
    assert "empty.txt: empty" in err
    assert "english.txt: not français: the text looks en" in err
    assert "binary.txt: binary" in err
    assert "huge.txt: too large" in err
    assert "batch.jsonl:2: malformed JSON" in err


def test_nothing_coded_exits_non_zero(tmp_path):
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    res = _run("code", str(tmp_path / "empty.txt"), str(tmp_path / "missing.txt"))
    assert res.returncode == 1
    assert "missing.txt: no such file" in res.stderr and "empty.txt: empty" in res.stderr


def test_stdin_jsonl_and_eval_and_bench(tmp_path):
    res = _run("code", "-", "--quiet", stdin=json.dumps({"id": "s1", "text": "Moscou a rejeté l'offre de Washington."}) + "\n")
    rec = json.loads(res.stdout)
    assert rec["id"] == "s1" and rec["published"] is None
    rej = [e for e in rec["events"] if e["type"] == "REJECT"]
    assert rej and rej[0]["source"]["code"] == "RUSGOV" and rej[0]["date"] is None
    gold = Path(__file__).parent / "data" / "seed"
    res = _run("eval", str(gold), "--json")
    summary = json.loads(res.stdout)
    assert summary["articles"] == 1 and summary["events_by_level"]["must"]["recall"] == 1.0
    res = _run("bench", "--articles", "12", "--json", "--corpus", str(gold), "--rounds", "3")
    figures = json.loads(res.stdout)
    assert {"articles_per_s", "tokens_per_s", "spacy_articles_per_s", "ratio", "cpu_ratio", "peak_rss_mb",
            "quotes_share"} <= set(figures)
    assert figures["articles"] == 12 and 0 < figures["ratio"] < 2 and 0 < figures["cpu_ratio"] < 2
    assert figures["rounds"] == 3 and figures["errors"] == 0 and figures["events"] > 0
