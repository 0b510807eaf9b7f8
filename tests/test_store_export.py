"""Exports of a store built from real coded articles: GDELT rows, PLOVER JSON, JSONL, CSV, Parquet."""
import csv
import json
import re
from pathlib import Path

import pytest

from quiquoi.store import Store
from quiquoi.store import gdelt as gdelt_layout
from quiquoi.store.export import export
from quiquoi.store.plover import ENTITY_FIELDS, REQUIRED_FIELDS

DATA = Path(__file__).parent / "data"
GDELT_REFERENCE = Path(__file__).resolve().parents[2] / "shared" / "reference" / "gdelt-2.0-events-columns.csv"
ARTICLES = [("seed", "kerry-lavrov-treve", "2016-05-24"),
            ("dev", "civic-zambie-hichilema-arrete", "2023-01-01"),     # a negated event
            ("dev", "diplo-iran-aiea-resolution", "2022-06-07"),        # IGO actors
            ("dev", "diplo-idleb-erdogan-menace", "2020-02-05")]        # places


@pytest.fixture(scope="module")
def coded(coder):
    out = []
    for folder, name, published in ARTICLES:
        text = (DATA / folder / f"{name}.fr.txt").read_text(encoding="utf-8")
        out.append((coder.code(text, published=published, id=name, url=f"https://example.org/{name}").to_dict(), text))
    return out


@pytest.fixture(scope="module")
def store(coded, tmp_path_factory):
    path = tmp_path_factory.mktemp("export") / "store.duckdb"
    st = Store(path)
    st.add_coded([{"record": rec, "text": text, "input": rec["id"]} for rec, text in coded])
    yield st
    st.close()


@pytest.fixture(scope="module")
def events(store):
    cur = store.con.execute("SELECT * FROM events")
    names = [d[0] for d in cur.description]
    return {r[0]: dict(zip(names, r)) for r in cur.fetchall()}


def _gdelt_rows(store, tmp_path, **kw):
    out = tmp_path / "events.tsv"
    n = export(store, out, "gdelt", **kw)
    lines = out.read_text(encoding="utf-8").split("\n")
    assert lines[-1] == ""
    rows = [line.split("\t") for line in lines[:-1]]
    return n, rows


def test_gdelt_columns_follow_the_reference_file():
    names = gdelt_layout.column_names("gdelt")
    assert len(names) == 61 and names[0] == "GLOBALEVENTID" and names[-1] == "SOURCEURL"
    if GDELT_REFERENCE.exists():
        with open(GDELT_REFERENCE, encoding="utf-8") as fh:
            assert names == [row["tableId"] for row in csv.DictReader(fh)]
    extras = gdelt_layout.column_names("extra")
    assert {"PloverType", "PloverMode", "Modality", "Negated", "DatePrecision"} <= set(extras)


def test_gdelt_rows_carry_our_codes_in_gdelt_columns(store, events, coded, tmp_path):
    n, rows = _gdelt_rows(store, tmp_path)
    names = gdelt_layout.column_names()
    assert n == len(rows) == len(events) > 0
    assert all(len(r) == len(names) == 61 + len(gdelt_layout.column_names("extra")) for r in rows)
    by = [dict(zip(names, r)) for r in rows]
    for row in by:
        ev = events[int(row["QuiquoiEventId"])]
        assert row["GLOBALEVENTID"] == str(ev["event_id"])
        assert row["Actor1Code"] == (ev["source_code"] or "")
        assert row["Actor2Code"] == (ev["target_code"] or "")
        assert row["Actor1CountryCode"] == (ev["source_country"] or "")
        assert row["Actor1Type1Code"] == (ev["source_role"] or "")
        assert row["EventCode"] == ev["cameo"] and row["EventRootCode"] == ev["cameo"][:2]
        assert row["EventBaseCode"] == ev["cameo"][:3]
        assert row["QuadClass"] == str(ev["quad_class"])
        assert float(row["GoldsteinScale"]) == pytest.approx(ev["goldstein"])
        assert row["SQLDATE"] == ev["day"].strftime("%Y%m%d") and row["Year"] == ev["day"].strftime("%Y")
        assert row["NumMentions"] == str(ev["n_mentions"])
        assert row["PloverType"] == ev["type"] and row["Negated"] == ("1" if ev["negated"] else "0")
        assert re.fullmatch(r"\d{14}", row["DATEADDED"])
        assert row["AvgTone"] == ""
    # the article URL given at coding time is the SOURCEURL
    assert {r["SOURCEURL"] for r in by} == {f"https://example.org/{rec['id']}" for rec, _ in coded if rec["events"]}
    # IGO actors: the organisation's own code goes to KnownGroupCode
    igo = [r for r in by if r["Actor1Code"].startswith("IGO") and len(r["Actor1Code"]) >= 6]
    assert igo and all(r["Actor1KnownGroupCode"] == r["Actor1Code"][-3:] for r in igo)


def test_gdelt_negated_event_carries_its_flag(store, coded, tmp_path):
    negated = [e["text"] for rec, _ in coded for e in rec["events"] if e["negated"]]
    assert negated, "the Zambia article should give a negated event"
    _, rows = _gdelt_rows(store, tmp_path)
    names = gdelt_layout.column_names()
    by_text = {}
    for r in rows:
        d = dict(zip(names, r))
        by_text.setdefault(" ".join(d["EventText"].split()), []).append(d["Negated"])
    for text in negated:
        assert "1" in by_text.get(" ".join(text.split()), []), text


def test_gdelt_places_use_fips_country_codes(store, events, tmp_path):
    _, rows = _gdelt_rows(store, tmp_path)
    names = gdelt_layout.column_names()
    placed = [dict(zip(names, r)) for r in rows if r[names.index("ActionGeo_CountryISO3")]]
    assert placed
    fips = {"SYR": "SY", "TUR": "TU", "RUS": "RS", "USA": "US", "AUT": "AU", "CHE": "SZ", "FRA": "FR", "DEU": "GM"}
    for row in placed:
        ev = events[int(row["QuiquoiEventId"])]
        assert row["ActionGeo_CountryISO3"] == ev["place_country"]
        if ev["place_country"] in fips:
            assert row["ActionGeo_CountryCode"] == fips[ev["place_country"]]
        assert row["ActionGeo_Type"] in {"1", "2", "3", "4", "5"}
        assert float(row["ActionGeo_Lat"]) == pytest.approx(ev["place_lat"])
    assert any(row["ActionGeo_CountryISO3"] in fips for row in placed)
    unplaced = [r for r in rows if not r[names.index("ActionGeo_CountryISO3")]]
    assert all(r[names.index("ActionGeo_Type")] == "0" for r in unplaced)


def test_gdelt_header_option_and_date_filter(store, events, tmp_path):
    out = tmp_path / "h.tsv"
    export(store, out, "gdelt", header=True, since="2020-01-01")
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0].split("\t") == gdelt_layout.column_names()
    expected = sum(1 for e in events.values() if e["day"] is not None and str(e["day"])[:10] >= "2020-01-01")
    assert len(lines) - 1 == expected < len(events)


def test_plover_records_have_the_manual_fields(store, events, tmp_path):
    out = tmp_path / "events.plover.jsonl"
    n = export(store, out, "plover")
    recs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert n == len(recs) == sum(1 for e in events.values() if e["type"])
    types = {"ACCUSE", "AGREE", "AID", "ASSAULT", "COERCE", "CONCEDE", "CONSULT", "COOPERATE", "MOBILIZE",
             "PROTEST", "REJECT", "REQUEST", "RETREAT", "SANCTION", "SUPPORT", "THREATEN"}
    for rec in recs:
        assert all(rec.get(f) is not None for f in REQUIRED_FIELDS)
        ev = events[int(rec["id"])]
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", rec["date"])
        assert rec["event"] == [ev["type"]] and set(rec["event"]) <= types
        assert rec["mode"] == ([ev["mode"]] if ev["mode"] else [])
        assert rec["quad_code"] in (1, 2, 3, 4)
        assert isinstance(rec["actor"], list) and isinstance(rec["recipient"], list)
        for ent in rec["actor"] + rec["recipient"]:
            assert set(ENTITY_FIELDS) <= set(ent)
        if ev["source_code"]:
            ent = rec["actor"][0]
            assert ent["cameo_code"] == ev["source_code"]
            assert ent["code"] == (ev["source_country"] or ent["code"])
            if ev["source_code"].startswith("IGOUNO"):
                assert ent["code"] == "UNO"
            if ev["source_role"] == "MED":
                assert ent["sector"] == "JRN"         # PLOVER's renaming of CAMEO's media code
        if ev["place_name"]:
            loc = rec["event_loc"]
            assert loc["resolved_place"] == ev["place_name"] and loc["country_code"] == ev["place_country"]
            assert {"lat", "lon", "geonameid", "resolution"} <= set(loc)
            assert loc["resolution"] in (1, 2, 4)
        if ev["date_precision"] in ("week", "month", "year"):
            assert rec["enddate"] > rec["date"]
        assert rec["cite_info"]["url"].startswith("https://example.org/")
        assert rec["text_info"]["sequence"] >= 1 and rec["event_text"]


def test_parquet_is_readable_with_nested_mentions(store, events, tmp_path):
    import pyarrow.parquet as pq

    out = tmp_path / "events.parquet"
    assert export(store, out, "parquet") == len(events)
    table = pq.read_table(out)
    assert table.num_rows == len(events)
    assert {"event_id", "date", "type", "cameo", "source_code", "target_code", "goldstein", "negated",
            "n_mentions", "mentions"} <= set(table.column_names)
    for row in table.to_pylist():
        assert len(row["mentions"]) == events[row["event_id"]]["n_mentions"]
        assert all(m["article_id"] for m in row["mentions"])
    n_mentions = store.con.execute("SELECT count(*) FROM mentions").fetchone()[0]
    out_m = tmp_path / "mentions.parquet"
    assert export(store, out_m, "parquet", mentions=True) == n_mentions
    assert pq.read_table(out_m).num_rows == n_mentions


def test_jsonl_and_csv_round_trip(store, events, tmp_path):
    out = tmp_path / "e.jsonl"
    export(store, out, "jsonl")
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert {r["event_id"] for r in rows} == set(events)
    for r in rows:
        assert r["cameo"] == events[r["event_id"]]["cameo"] and len(r["mentions"]) == r["n_mentions"]
    out_csv = tmp_path / "e.csv"
    export(store, out_csv, "csv")
    with open(out_csv, encoding="utf-8", newline="") as fh:
        table = list(csv.DictReader(fh))
    assert len(table) == len(events)
    for r in table:
        ev = events[int(r["event_id"])]
        assert r["source_code"] == (ev["source_code"] or "") and r["negated"] == str(ev["negated"]).lower()


def test_bad_requests_are_refused_clearly(store, tmp_path):
    with pytest.raises(ValueError, match="unknown export format 'xml'"):
        export(store, tmp_path / "x", "xml")
    with pytest.raises(ValueError, match="--since: unreadable date '2016-13-45'"):
        export(store, tmp_path / "x", "csv", since="2016-13-45")
    with pytest.raises(ValueError, match="standard output"):
        export(store, "-", "parquet")
    with pytest.raises(ValueError, match="does not exist"):
        export(store, tmp_path / "missing" / "x.tsv", "gdelt")
    with pytest.raises(ValueError, match="--mentions"):
        export(store, tmp_path / "x", "gdelt", mentions=True)


def test_cli_export_writes_the_file(store, events, tmp_path, capsys):
    from quiquoi.cli import main

    db = tmp_path / "copy.duckdb"
    store.con.execute("CHECKPOINT")
    db.write_bytes(Path(store.path).read_bytes())
    out = tmp_path / "cli.tsv"
    assert main(["export", "--db", str(db), "--format", "gdelt", "--output", str(out)]) == 0
    assert len(out.read_text(encoding="utf-8").splitlines()) == len(events)
    assert f"{len(events):,} events written" in capsys.readouterr().err
