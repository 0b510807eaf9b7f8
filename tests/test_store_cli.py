"""`quiquoi ingest`, `recode` and `query`: the command line over the store."""
import io
import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from quiquoi.cli import main

from conftest import DATA, SEED

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def use_coder(coder, monkeypatch):
    """The commands build their own Coder: hand them the session's (one spaCy load)."""
    monkeypatch.setattr("quiquoi.coder.Coder", lambda *a, **kw: coder)


@pytest.fixture(scope="module")
def db(tmp_path_factory, coder):
    import pytest as _pytest

    path = tmp_path_factory.mktemp("cli") / "q.duckdb"
    mp = _pytest.MonkeyPatch()
    mp.setattr("quiquoi.coder.Coder", lambda *a, **kw: coder)
    try:
        assert main(["ingest", str(SEED), str(DATA / "dev"), "--db", str(path), "--published", "2016-05-24",
                     "--quiet"]) == 0
    finally:
        mp.undo()
    return path


def test_ingest_summary_and_json_report(tmp_path, use_coder, capsys):
    bad = tmp_path / "vide.txt"
    bad.write_text("")
    path = tmp_path / "s.duckdb"
    rc = main(["ingest", str(SEED), str(bad), "--db", str(path), "--published", "2016-05-24"])
    err = capsys.readouterr().err
    assert rc == 0
    assert "1 new, 0 already stored, 0 replaced, 1 failed" in err
    assert f"failed: {bad}: empty input" in err
    main(["ingest", str(SEED), "--db", str(path), "--published", "2016-05-24", "--format", "json", "--quiet"])
    report = json.loads(capsys.readouterr().out)
    assert report["new"] == 0 and report["unchanged"] == 1


def test_everything_failed_is_an_error(tmp_path, use_coder, capsys):
    bad = tmp_path / "vide.txt"
    bad.write_text("")
    assert main(["ingest", str(bad), "--db", str(tmp_path / "e.duckdb"), "--quiet"]) == 1


def test_query_events_formats(db, capsys, tmp_path):
    assert main(["query", "events", "--db", str(db), "--actor", "RUS", "--format", "json", "--limit", "500"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows and all("RUS" in (r["source_code"] or "") + (r["target_code"] or "") or r["source_name"] == "RUS"
                        for r in rows)
    assert main(["query", "events", "--db", str(db), "--type", "REQUEST", "--format", "csv"]) == 0
    df = pd.read_csv(io.StringIO(capsys.readouterr().out))
    assert len(df) > 0 and set(df.type) == {"REQUEST"}
    assert main(["query", "events", "--db", str(db), "--source", "John Kerry"]) == 0
    table = capsys.readouterr().out
    assert "John Kerry" in table and "events" in table
    out = tmp_path / "ev.parquet"
    assert main(["query", "events", "--db", str(db), "--format", "parquet", "--output", str(out)]) == 0
    assert len(pd.read_parquet(out)) > 0
    assert main(["query", "events", "--db", str(db), "--format", "parquet"]) == 2
    assert "--output" in capsys.readouterr().err


def test_query_dyad_actors_quotes_article_stats(db, capsys):
    assert main(["query", "dyad", "USA", "RUS", "--by", "week", "--db", str(db), "--format", "json"]) == 0
    dy = json.loads(capsys.readouterr().out)
    assert dy and {"period", "direction", "events", "goldstein_mean"} == set(dy[0])
    assert dy[0]["period"] == "2016-05-23"
    assert main(["query", "actors", "--top", "3", "--db", str(db), "--format", "json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 3
    assert main(["query", "quotes", "--speaker", "Mark Toner", "--db", str(db), "--format", "json"]) == 0
    assert {q["speaker_name"] for q in json.loads(capsys.readouterr().out)} == {"Mark Toner"}
    assert main(["query", "article", "kerry-lavrov-treve", "--db", str(db)]) == 0
    shown = capsys.readouterr().out
    assert "John Kerry" in shown and "event" in shown and "quote (direct) Mark Toner" in shown
    assert main(["query", "article", "absent", "--db", str(db)]) == 1
    assert "no article 'absent'" in capsys.readouterr().err
    assert main(["query", "stats", "--db", str(db), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["articles"] == 17


def test_query_sql_reads_and_refuses_writes(db, capsys):
    assert main(["query", "sql", "SELECT count(*) AS n FROM articles", "--db", str(db), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == [{"n": 17}]
    assert main(["query", "sql", "DELETE FROM articles", "--db", str(db)]) == 2
    assert "DELETE statements are refused" in capsys.readouterr().err
    main(["query", "sql", "SELECT count(*) AS n FROM articles", "--db", str(db), "--format", "json"])
    assert json.loads(capsys.readouterr().out) == [{"n": 17}]


def test_query_missing_store(tmp_path, capsys):
    assert main(["query", "events", "--db", str(tmp_path / "none.duckdb")]) == 2
    assert "no store at" in capsys.readouterr().err


def test_recode_command(db, use_coder, capsys):
    assert main(["recode", "--db", str(db), "--format", "json", "--quiet"]) == 0
    assert json.loads(capsys.readouterr().out)["recoded"] == 0


def test_two_ingests_at_once(tmp_path, use_coder, capsys):
    path = tmp_path / "busy.duckdb"
    main(["ingest", str(SEED), "--db", str(path), "--quiet"])
    capsys.readouterr()
    code = "import sys, time, quiquoi; st = quiquoi.open(sys.argv[1]); print('ready', flush=True); time.sleep(30)"
    proc = subprocess.Popen([sys.executable, "-c", code, str(path)], stdout=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        assert proc.stdout.readline().strip() == "ready"
        assert main(["ingest", str(SEED), "--db", str(path), "--wait", "0.5", "--quiet"]) == 2
        err = capsys.readouterr().err
        assert "locked by process" in err and str(proc.pid) in err
    finally:
        proc.kill()
        proc.wait()


def test_export_is_registered():
    from quiquoi.cli import build_parser

    choices = build_parser()._subparsers._group_actions[0].choices
    assert {"ingest", "recode", "query"} <= set(choices)
    try:
        import quiquoi.store.export_cli  # noqa: F401
    except ModuleNotFoundError:
        return
    assert "export" in choices
