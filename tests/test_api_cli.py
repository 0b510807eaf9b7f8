"""`quiquoi serve` and `quiquoi demo`: arguments, messages, and the app they would serve."""
from __future__ import annotations

import shutil

import pytest
from fastapi.testclient import TestClient

from quiquoi.cli import main

from conftest import DATA


@pytest.fixture
def served(monkeypatch):
    """uvicorn.run replaced by a probe: it asks the app what it serves instead of blocking."""
    calls = []
    import uvicorn

    def probe(app, host, port, **kw):
        with TestClient(app) as c:
            calls.append({"host": host, "port": port, "stats": c.get("/api/stats").json(),
                          "codes": {n["code"] for n in c.get("/api/network").json()["nodes"]}})

    monkeypatch.setattr(uvicorn, "run", probe)
    return calls


def test_serve_refuses_a_missing_store(tmp_path, capsys, served):
    assert main(["serve", "--db", str(tmp_path / "none.duckdb")]) == 2
    err = capsys.readouterr().err
    assert "none.duckdb" in err and "quiquoi demo" in err and not served


def test_serve_refuses_a_bad_port(tmp_path, capsys, served):
    assert main(["serve", "--db", str(tmp_path / "x.duckdb"), "--port", "70000"]) == 2
    assert "--port" in capsys.readouterr().err


def test_demo_builds_the_sample_store_once_and_serves_it(tmp_path, monkeypatch, coder, served, capsys):
    data = tmp_path / "data"
    (data / "dev").mkdir(parents=True)
    shutil.copytree(DATA / "seed", data / "seed")
    shutil.copy(DATA / "dev" / "diplo-idleb-erdogan-menace.fr.txt", data / "dev")
    monkeypatch.setattr("quiquoi.coder.Coder", lambda *a, **k: coder)   # the session's spaCy, not a new one
    db = tmp_path / "demo.duckdb"
    assert main(["demo", "--db", str(db), "--data", str(data), "--port", "8123"]) == 0
    assert db.exists() and "2 articles stored" in capsys.readouterr().err
    run = served[0]
    assert (run["host"], run["port"]) == ("127.0.0.1", 8123)   # this machine only, unless told otherwise
    assert run["stats"]["articles"] == 2 and run["stats"]["published_from"] == "2016-05-24"
    assert {"USAGOV", "RUSGOV", "SYRGOV", "SYRREB"} <= run["codes"]
    # a second demo serves the store as it is
    assert main(["demo", "--db", str(db), "--data", str(data)]) == 0
    assert "building" not in capsys.readouterr().err and served[1]["stats"] == run["stats"]
