"""Datelines of AFP, Reuters and AP wires, with and without a date."""
import datetime as dt

import pytest

from quiquoi.places.dateline import parse_dateline
from quiquoi.places.gazetteer import Gazetteer


@pytest.fixture(scope="module")
def gz():
    return Gazetteer.load("fr")


@pytest.mark.parametrize("text,place,country,date,agency", [
    ("BEYROUTH (Reuters) - Des frappes ont touché Alep.", "BEYROUTH", "LBN", None, "Reuters"),
    ("NATIONS UNIES, 28 mai 2014 (AFP) - Le Conseil de sécurité a voté.",
     "NATIONS UNIES", "USA", dt.date(2014, 5, 28), "AFP"),
    ("PARIS (AFP) — Le gouvernement a annoncé.", "PARIS", "FRA", None, "AFP"),
    ("WASHINGTON, 3 janvier (AP) - Le président a signé.", "WASHINGTON", "USA",
     dt.date(2016, 1, 3), "AP"),
    ("Moscou, 12 mars 2022 (AFP) - La Russie a rejeté.", "Moscou", "RUS",
     dt.date(2022, 3, 12), "AFP"),
    ("TRIPOLI, 1er septembre (AFP/Reuters) - Les milices.", "TRIPOLI", "LBY",
     dt.date(2015, 9, 1), "AFP/Reuters"),
    ("GENÈVE, le 5 MAI 2015 (Associated Press) : Les pourparlers.", "GENÈVE", "CHE",
     dt.date(2015, 5, 5), "AP"),
    ("LA NOUVELLE-ORLÉANS, 30 août 2005 (AP) -- Les digues.", "LA NOUVELLE-ORLÉANS", "USA",
     dt.date(2005, 8, 30), "AP"),
])
def test_wire_datelines(gz, text, place, country, date, agency):
    dl = parse_dateline(text, gazetteer=gz, published="2016-05-24")
    assert dl is not None
    assert (dl.place, dl.country, dl.date, dl.agency) == (place, country, date, agency)
    assert dl.start == 0
    # the dateline ends where the story starts
    assert text[dl.end:dl.end + 1].isupper()


def test_year_from_publication_date(gz):
    # "3 janvier" without a year: the publication year ...
    dl = parse_dateline("WASHINGTON, 3 janvier (AP) - x", gazetteer=gz, published="2016-01-05")
    assert dl.date == dt.date(2016, 1, 3)
    # ... or the year before when the date would be months after publication
    dl = parse_dateline("WASHINGTON, 30 décembre (AP) - x", gazetteer=gz,
                        published=dt.date(2016, 1, 2))
    assert dl.date == dt.date(2015, 12, 30)
    # no publication date: day and month only
    dl = parse_dateline("WASHINGTON, 3 janvier (AP) - x", gazetteer=gz)
    assert dl.date is None and (dl.day, dl.month, dl.year) == (3, 1, None)


def test_qualified_datelines(gz):
    dl = parse_dateline("PARIS, Texas (AP) - A tornado.", gazetteer=gz)
    assert (dl.place, dl.qualifier, dl.country, dl.geo.admin1) == ("PARIS", "Texas", "USA", "TX")
    dl = parse_dateline("SAINT-LOUIS (Sénégal), 2 mai 2015 (AFP) - x", gazetteer=gz)
    assert (dl.country, dl.date) == ("SEN", dt.date(2015, 5, 2))
    dl = parse_dateline("NATIONS UNIES (Etats-Unis), 28 mai 2014 (AFP) - x", gazetteer=gz)
    assert dl.country == "USA" and dl.place == "NATIONS UNIES"


def test_dateline_after_a_title(gz):
    text = "Syrie: Kerry presse Lavrov\n\nBEYROUTH (Reuters) - Le texte."
    dl = parse_dateline(text, gazetteer=gz)
    assert dl.place == "BEYROUTH" and text[dl.start:dl.end].startswith("BEYROUTH (Reuters)")


@pytest.mark.parametrize("text", [
    "Syrie: Kerry presse Lavrov\nLe texte commence ici.",
    "Le ministre a parlé (AFP) - pas une ligne de date.",
    "Moscou a rejeté la proposition (selon l'AFP).",
    "Paris, 3 mai - sans agence.",
    "",
])
def test_not_datelines(gz, text):
    assert parse_dateline(text, gazetteer=gz) is None


def test_seed_has_no_dateline(gz):
    from tests.conftest import SEED
    assert parse_dateline(SEED.read_text(encoding="utf-8"), gazetteer=gz) is None


def test_without_gazetteer_lookup():
    dl = parse_dateline("BEYROUTH (Reuters) - x", resolve=False)
    assert dl.place == "BEYROUTH" and dl.country is None and dl.agency == "Reuters"
