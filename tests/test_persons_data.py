"""Tests for tools/build_persons.py and the two person lists it feeds.

* quiquoi/data/persons.tsv     generated from the Phoenix actor dictionaries
* quiquoi/lang/fr/persons.tsv  hand-written French supplement
"""

from __future__ import annotations

import csv
import datetime as dt
import importlib.util
import sys
from collections import defaultdict
from pathlib import Path

import pycountry
import pytest

ROOT = Path(__file__).resolve().parents[1]
BUILDER = ROOT / "tools" / "build_persons.py"
DATA_TSV = ROOT / "quiquoi" / "data" / "persons.tsv"
FR_TSV = ROOT / "quiquoi" / "lang" / "fr" / "persons.tsv"
PHOENIX_DIR = Path("/work/shared/reference/phoenix-actor-dictionaries")
COLUMNS = ["name", "aliases", "code", "country", "role", "start", "end"]
ISO3 = {c.alpha_3 for c in pycountry.countries}


@pytest.fixture(scope="module")
def bp():
    spec = importlib.util.spec_from_file_location("build_persons", BUILDER)
    mod = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("build_persons", mod)  # dataclasses need it registered
    spec.loader.exec_module(mod)
    return mod


def read_tsv(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        lines = [l for l in fh if not l.startswith("#")]
    assert lines, f"{path} is empty"
    header = lines[0].rstrip("\n").split("\t")
    # the French list adds an "office" column (the office held over the row's period)
    allowed = [COLUMNS + ["office"]] if path == FR_TSV else [COLUMNS]
    assert header in allowed, f"{path}: bad header {header}"
    rows = []
    for n, line in enumerate(lines[1:], start=2):
        cells = line.rstrip("\n").split("\t")
        if len(cells) == len(header) - 1 and header[-1] == "office":
            cells.append("")     # a row with no office may leave the last cell out
        assert len(cells) == len(header), f"{path} data line {n}: {len(cells)} columns: {line!r}"
        rows.append(dict(zip(header, cells)))
    return rows


def as_date(s: str) -> dt.date | None:
    return dt.date.fromisoformat(s) if s else None


def covers(row: dict, day: dt.date) -> bool:
    start, end = as_date(row["start"]), as_date(row["end"])
    return (start is None or start <= day) and (end is None or day <= end)


# --------------------------------------------------------------------------- builder

SNIPPET = """\
# A tiny TABARI actor file for the tests.
#
# The MIT License (MIT)
#
# Copyright (c) 2014 Test Alliance
#
# Permission is hereby granted, free of charge, to anyone.
#

UNITED_STATES_  [USA]
+AMERICA_

US_STATE_DEPARTMENT_
+DEPARTMENT_OF_STATE_
\t[USAGOV]

JOHN_KERRY_ # just KERRY is somewhat vague
+SECRETARY_KERRY_
+SENATOR_JOHN_KERRY_
+KERRY_
\t[USAGOVLEG 850103-130201]
\t[USAGOV >130201]

SERGEY_LAVROV_  # CountryInfo.txt
+SERGEI_LAVROV
\t[RUSGOV 19940922-20040712] # Amb. to UN
\t[RUSGOV >20040309]  # Foreign Minister

SECRETARY-GENERAL_BAN_KI-MOON
+BAN_KI-MOON
\t[IGOUNO >20070101]
\t[KORGOV 040117-061109]

BASHAR_AL-ASSAD
+ASSAD
+ASSAD_REGIME_
\t[SYRGOV]

HAFIZULLAH_AMIN_  # CountryInfo.txt
\t[AFGELI 470101-790327]
\t[AFGGOV 790916-791227]

ROBERT_MCNAMARA_ [USAGOV <19681231] [IGOUNODEVWBK 680401-20010630]

MARIO_DRAGHI_ [IGOEUREEC 111101-191031] [ELI] [---]

ABU_NIDAL_ORGANIZATION [IMGMUSALQ]
+FATAH_REVOLUTIONARY_COUNCIL_

ANGRY_BRIGADE_ [ITAREB]
"""


@pytest.fixture(scope="module")
def built(bp, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("persons")
    src = tmp / "Test.actors.txt"
    src.write_text(SNIPPET, encoding="utf-8")
    (tmp / "ignored.txt").write_text("NOT_READ_ [USAGOV]\n", encoding="utf-8")
    out = tmp / "out.tsv"
    assert bp.main([str(tmp), str(out)]) == 0
    rows = read_tsv(out)
    by_name = defaultdict(list)
    for r in rows:
        by_name[r["name"]].append(r)
    return out, by_name


def test_dates(bp):
    assert bp.parse_date("850103") == dt.date(1985, 1, 3)
    assert bp.parse_date("130201") == dt.date(2013, 2, 1)  # YY <= 30 -> 20YY
    assert bp.parse_date("19940922") == dt.date(1994, 9, 22)
    assert bp.parse_date("201005011") == dt.date(2010, 5, 1)  # junk after YYYYMMDD
    assert bp.parse_date("130231") is None
    p = bp.parse_code("USAGOV >130201")
    assert (p.code, p.start, p.end, p.dated) == ("USAGOV", dt.date(2013, 2, 1), None, True)
    p = bp.parse_code("USAGOV <19681231")
    assert (p.start, p.end) == (None, dt.date(1968, 12, 31))
    p = bp.parse_code("RUSGOV 19940922-20040712")
    assert (p.start, p.end) == (dt.date(1994, 9, 22), dt.date(2004, 7, 12))
    p = bp.parse_code("SYRGOV")
    assert (p.start, p.end, p.dated) == (None, None, False)
    assert bp.parse_code("---") is None
    assert bp.parse_code("ELI") is None  # bare role, not an actor
    assert bp.parse_code("KORGOVBUS 2004017-20061201") is None  # start after end


def test_code_split(bp):
    assert bp.code_split("USAGOV") == ("USA", "GOV")
    assert bp.code_split("USAGOVLEG") == ("USA", "LEG")    # a legislator
    assert bp.code_split("USAGOVBUS") == ("USA", "GOV")
    assert bp.code_split("GBRVGBGOV") == ("GBR", "GOV")
    assert bp.code_split("IGOUNO") == ("", "")


def test_names(bp):
    assert bp.pretty_name(["JOHN", "KERRY"]) == "John Kerry"
    assert bp.pretty_name(["BAN", "KI-MOON"], korean=True) == "Ban Ki-moon"
    assert bp.pretty_name(["JEAN-MARC", "AYRAULT"]) == "Jean-Marc Ayrault"
    assert bp.pretty_name(["BASHAR", "AL-ASSAD"]) == "Bashar al-Assad"
    assert bp.pretty_name(["STAFFAN", "DE", "MISTURA"]) == "Staffan de Mistura"
    assert bp.pretty_name(["JOHN", "MCCAIN"]) == "John McCain"
    assert bp.pretty_name(["CONOR", "O'BRIEN"]) == "Conor O'Brien"
    assert bp.pretty_name(["ABDUL", "MAJID", "AL", "QA'UD"]) == "Abdul Majid al Qa'ud"
    assert bp.pretty_name(["ABDULLAH", "II"]) == "Abdullah II"


def test_builder_persons(built):
    _, by_name = built
    kerry = by_name["John Kerry"]
    assert {(r["code"], r["country"], r["role"], r["start"], r["end"]) for r in kerry} == {
        ("USAGOVLEG", "USA", "LEG", "1985-01-03", "2013-02-01"),
        ("USAGOV", "USA", "GOV", "2013-02-01", ""),
    }
    aliases = kerry[0]["aliases"].split("|")
    assert "Kerry" in aliases
    assert not any("Secretary" in a or "Senator" in a for a in aliases)

    lavrov = by_name["Sergey Lavrov"]
    assert "Sergei Lavrov" in lavrov[0]["aliases"].split("|")
    assert sorted((r["start"], r["end"]) for r in lavrov) == [
        ("1994-09-22", "2004-07-12"), ("2004-03-09", "")]

    ban = by_name["Ban Ki-moon"]  # title stripped, Korean hyphenation
    assert {r["code"] for r in ban} == {"IGOUNO", "KORGOV"}
    assert {r["country"] for r in ban} == {"", "KOR"}

    assad = by_name["Bashar al-Assad"]
    assert assad[0]["aliases"].split("|") == ["Assad"]  # "Assad regime" dropped
    assert (assad[0]["start"], assad[0]["end"]) == ("", "")

    mcnamara = by_name["Robert McNamara"]  # codes on the name line, "<" dates
    assert {(r["code"], r["start"], r["end"]) for r in mcnamara} == {
        ("USAGOV", "", "1968-12-31"), ("IGOUNODEVWBK", "1968-04-01", "2001-06-30")}

    assert [r["code"] for r in by_name["Mario Draghi"]] == ["IGOEUREEC"]  # [ELI] [---] dropped


def test_builder_skips_non_persons(built):
    _, by_name = built
    names = set(by_name)
    assert not names & {"United States", "America", "Us State Department",
                        "Abu Nidal Organization", "Angry Brigade", "Not Read"}
    assert "Hafizullah Amin" not in names  # all periods end before 1995
    assert names == {"John Kerry", "Sergey Lavrov", "Ban Ki-moon", "Bashar al-Assad",
                     "Robert McNamara", "Mario Draghi"}


def test_builder_header_and_determinism(bp, built, tmp_path):
    out, _ = built
    text = out.read_text(encoding="utf-8")
    header = [l for l in text.splitlines() if l.startswith("#")]
    assert any("MIT License" in l for l in header)
    assert any("Copyright (c) 2014 Test Alliance" in l for l in header)
    assert any("build_persons.py" in l for l in header)
    out2 = tmp_path / "again.tsv"
    bp.main([str(out.parent / "Test.actors.txt"), str(out2)])
    assert out2.read_text(encoding="utf-8") == text


# --------------------------------------------------------------------------- shipped files

@pytest.fixture(scope="module", params=[DATA_TSV, FR_TSV], ids=["data", "fr"])
def shipped(request):
    return request.param, read_tsv(request.param)


def test_shipped_rows_valid(shipped):
    path, rows = shipped
    assert len(rows) > 100
    for r in rows:
        where = f"{path.name}: {r}"
        assert r["name"] and r["name"] == r["name"].strip(), where
        assert r["code"] and r["code"].isalnum() and r["code"].isupper(), where
        if r["country"]:
            assert r["country"] in ISO3, where
            assert r["code"].startswith(r["country"]), where
        else:
            assert r["code"][:3] not in ISO3, where
        if r["role"]:
            assert len(r["role"]) == 3 and r["role"] in r["code"][3:], where
        start, end = as_date(r["start"]), as_date(r["end"])  # raises if invalid
        if start and end:
            assert start <= end, where
        aliases = r["aliases"].split("|") if r["aliases"] else []
        assert all(a and a == a.strip() for a in aliases), where
        assert r["name"] not in aliases, where


def test_shipped_headers():
    data_header = [l for l in DATA_TSV.read_text(encoding="utf-8").splitlines() if l.startswith("#")]
    assert any("MIT License" in l for l in data_header)
    assert any("Open Event Data Alliance" in l for l in data_header)
    assert any("tools/build_persons.py" in l for l in data_header)
    assert DATA_TSV.stat().st_size < 3_000_000


@pytest.mark.parametrize("path", [DATA_TSV, FR_TSV], ids=["data", "fr"])
def test_kerry_2016(path):
    rows = [r for r in read_tsv(path) if r["name"] == "John Kerry"]
    assert any(r["code"] == "USAGOV" and covers(r, dt.date(2016, 5, 24)) for r in rows)
    assert "Kerry" in rows[0]["aliases"].split("|")


def test_french_key_persons():
    rows = read_tsv(FR_TSV)
    by_name = defaultdict(list)
    for r in rows:
        by_name[r["name"]].append(r)
    assert len(by_name) >= 120
    lavrov = by_name["Sergueï Lavrov"]
    assert any(r["code"] == "RUSGOV" and covers(r, dt.date(2016, 1, 1))
               and covers(r, dt.date(2016, 12, 31)) for r in lavrov)
    assert "Lavrov" in lavrov[0]["aliases"].split("|")
    poutine = by_name["Vladimir Poutine"]
    assert any(r["code"] == "RUSGOV" and covers(r, dt.date(2016, 5, 24)) for r in poutine)
    assert "Poutine" in poutine[0]["aliases"].split("|")
    assad = by_name["Bachar al-Assad"]
    assert {"Bachar el-Assad", "Assad"} <= set(assad[0]["aliases"].split("|"))
    # the article's other actors, with the office they held in May 2016
    for name, code in [("Mark Toner", "USAGOV"), ("Michael Ratney", "USAGOV"),
                       ("Bachar al-Assad", "SYRGOV"), ("François Hollande", "FRAGOV"),
                       ("Staffan de Mistura", "IGOUNO"), ("Ban Ki-moon", "IGOUNO")]:
        assert any(r["code"] == code and covers(r, dt.date(2016, 5, 24))
                   for r in by_name[name]), name
    # a period ends where the next office begins: Hollande is no longer GOV in 2018
    assert not any(r["role"] == "GOV" and covers(r, dt.date(2018, 1, 1))
                   for r in by_name["François Hollande"])


def test_persons_added_for_the_dev_set():
    # Kim Jong-un's sister speaks for Pyongyang as a party official (Central Committee department)
    by_name = defaultdict(list)
    for r in read_tsv(FR_TSV):
        by_name[r["name"]].append(r)
    assert any(r["code"] == "PRKGOV" and covers(r, dt.date(2024, 5, 29)) for r in by_name["Kim Yo-jong"])


def test_french_aliases_unambiguous():
    rows = read_tsv(FR_TSV)
    owners = defaultdict(set)
    aliases_of = defaultdict(set)
    for r in rows:
        owners[r["name"].casefold()].add(r["name"])
        for a in filter(None, r["aliases"].split("|")):
            owners[a.casefold()].add(r["name"])
            aliases_of[r["name"]].add(a)
    clashes = {k: v for k, v in owners.items() if len(v) > 1}
    assert not clashes, clashes
    # every row of one person repeats the same aliases
    for r in rows:
        assert set(filter(None, r["aliases"].split("|"))) == aliases_of[r["name"]], r["name"]


@pytest.mark.skipif(not PHOENIX_DIR.is_dir(), reason="Phoenix dictionaries not available")
def test_data_file_up_to_date(bp, tmp_path):
    out = tmp_path / "persons.tsv"
    bp.main([str(PHOENIX_DIR), str(out)])
    assert out.read_text(encoding="utf-8") == DATA_TSV.read_text(encoding="utf-8"), (
        "quiquoi/data/persons.tsv is stale: rerun tools/build_persons.py")


def test_french_offices_have_exact_tenures():
    rows = [r for r in read_tsv(FR_TSV) if r.get("office")]
    assert len(rows) >= 20
    for r in rows:
        assert r["start"] and r["country"], f"an office row needs a start and a country: {r}"
    # one holder per office and country on any day: tenures of the same office never overlap
    by_office = defaultdict(list)
    for r in rows:
        for office in r["office"].split("|"):
            by_office[(r["country"], office.casefold())].append(r)
    for key, periods in by_office.items():
        periods.sort(key=lambda r: r["start"])
        for a, b in zip(periods, periods[1:]):
            assert a["end"] and a["end"] <= b["start"], (key, a["name"], b["name"])
    gallant = [r for r in rows if r["name"] == "Yoav Gallant"]
    assert gallant and gallant[0]["office"] == "ministre de la Défense" and gallant[0]["end"] == "2024-11-05"
