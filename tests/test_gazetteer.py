"""Offline gazetteer: French exonyms, disambiguation by context, cache behaviour."""
import math
import pickle

import pytest
import yaml

from quiquoi.places import gazetteer as gzmod
from quiquoi.places.gazetteer import Gazetteer, GeoPlace, key
from tests.conftest import SEED_GOLD

# The seed article's context: a Syria story mentioning the US and Russia.
SYRIA_STORY = {"countries": {"SYR": 5, "USA": 3, "RUS": 3}, "dateline_country": None,
               "domestic": "FRA"}
FRENCH_REGIONAL = {"countries": {"FRA": 2}, "dateline_country": None, "domestic": "FRA"}


@pytest.fixture(scope="module")
def gz():
    return Gazetteer.load("fr")


def km(a: GeoPlace, lat: float, lon: float) -> float:
    p1, p2 = math.radians(a.lat), math.radians(lat)
    d = math.radians(lon - a.lon)
    return 6371 * math.acos(min(1.0, math.sin(p1) * math.sin(p2)
                                + math.cos(p1) * math.cos(p2) * math.cos(d)))


def test_key_folding():
    assert key("La Nouvelle-Orléans") == key("nouvelle orleans")
    assert key("St. Louis") == key("Saint-Louis")
    assert key("GENÈVE") == key("Geneve")


def test_alias_file_targets_all_resolve(gz):
    assert gz.warnings == []


def test_seed_expected_places(gz):
    gold = yaml.safe_load(SEED_GOLD.read_text(encoding="utf-8"))["places"]
    assert {k: v["country"] for k, v in gold.items()} == {
        "Alep": "SYR", "Damas": "SYR", "Vienne": "AUT", "Genève": "CHE"}
    for name, want in gold.items():
        place = gz.resolve(name, SYRIA_STORY)
        assert place is not None and place.country == want["country"], (name, place)
        assert place.feature == "city"
        assert km(place, want["lat"], want["lon"]) < 25, name
    alep = gz.resolve("Alep", SYRIA_STORY)
    assert alep.name == "Aleppo" and alep.geonames_id == 170063
    assert km(alep, 36.20, 37.16) < 25
    assert km(gz.resolve("Damas", SYRIA_STORY), 33.51, 36.29) < 25
    assert km(gz.resolve("Vienne", SYRIA_STORY), 48.21, 16.37) < 25
    assert km(gz.resolve("Genève", SYRIA_STORY), 46.20, 6.15) < 25


@pytest.mark.parametrize("name,target,country", [
    ("Pékin", "Beijing", "CHN"), ("Londres", "London", "GBR"), ("Kiev", "Kyiv", "UKR"),
    ("Kyiv", "Kyiv", "UKR"), ("Bagdad", "Baghdad", "IRQ"),
    ("La Nouvelle-Orléans", "New Orleans", "USA"), ("Nouvelle-Orléans", "New Orleans", "USA"),
    ("Moscou", "Moscow", "RUS"), ("BEYROUTH", "Beirut", "LBN"), ("Le Caire", "Cairo", "EGY"),
])
def test_french_exonyms(gz, name, target, country):
    place = gz.resolve(name)
    assert (place.name, place.country, place.feature) == (target, country, "city")


def test_countries_and_regions(gz):
    syria = gz.resolve("Syrie")
    assert (syria.feature, syria.country, syria.admin1) == ("country", "SYR", None)
    assert 32 < syria.lat < 37 and 35 < syria.lon < 42       # inside Syria
    assert gz.resolve("États-Unis").country == "USA"
    assert gz.resolve("Etats-Unis").country == "USA"
    assert gz.resolve("Russie").country == "RUS"
    texas = gz.resolve("Texas")
    assert (texas.feature, texas.country, texas.admin1) == ("region", "USA", "US-TX")
    assert 26 < texas.lat < 36 and -106 < texas.lon < -93
    bretagne = gz.resolve("Bretagne")
    assert (bretagne.feature, bretagne.country) == ("region", "FRA")
    assert gz.country_of("AUT").name == "Austria"


def test_vienne_by_context(gz):
    assert gz.resolve("Vienne").country == "AUT"                     # no context: the capital
    assert gz.resolve("Vienne", SYRIA_STORY).country == "AUT"        # international story
    regional = gz.resolve("Vienne", FRENCH_REGIONAL)
    assert regional.country == "FRA" and regional.feature == "city"
    # domestic alone (no country counted yet) is enough for a regional story
    assert gz.resolve("Vienne", {"domestic": "FRA"}).country == "FRA"
    # a French paper's foreign story is not a regional one
    assert gz.resolve("Vienne", {"countries": {"FRA": 1, "DEU": 1},
                                 "domestic": "FRA"}).country == "AUT"


def test_tripoli_by_context(gz):
    assert gz.resolve("Tripoli").country == "LBY"                    # the larger one
    assert gz.resolve("Tripoli", {"countries": {"LBN": 1}}).country == "LBN"
    assert gz.resolve("Tripoli", {"countries": {"LBY": 1}}).country == "LBY"
    assert gz.resolve("Tripoli", {"dateline_country": "LBN"}).country == "LBN"
    assert gz.resolve("Tripoli", {"countries": {"LBN": 4, "SYR": 2}}).country == "LBN"


def test_paris_flips_only_with_the_dateline(gz):
    assert gz.resolve("Paris").country == "FRA"
    # however much the article talks about the US, Paris is Paris, France ...
    assert gz.resolve("Paris", {"countries": {"USA": 50}}).country == "FRA"
    # ... and a US dateline alone does not make it Texas
    assert gz.resolve("Paris", {"dateline_country": "USA"}).country == "FRA"
    # a US dateline in a US story does
    texas = gz.resolve("Paris", {"countries": {"USA": 5}, "dateline_country": "USA"})
    assert (texas.country, texas.admin1) == ("USA", "TX")
    # unless France is in the story too
    assert gz.resolve("Paris", {"countries": {"USA": 5, "FRA": 2},
                                "dateline_country": "USA"}).country == "FRA"
    # an explicit qualifier decides
    for text in ("Paris (Texas)", "Paris, Texas"):
        place = gz.resolve(text)
        assert (place.country, place.admin1) == ("USA", "TX"), text


def test_saint_louis_by_context(gz):
    assert gz.resolve("Saint-Louis", {"countries": {"SEN": 2}}).country == "SEN"
    us = gz.resolve("Saint-Louis", {"countries": {"USA": 2}})
    assert (us.country, us.admin1) == ("USA", "MO")
    assert gz.resolve("St. Louis", {"countries": {"USA": 1}}).admin1 == "MO"
    assert gz.resolve("Saint-Louis (Sénégal)").country == "SEN"


def test_unknown_names(gz):
    assert gz.resolve("") is None
    assert gz.resolve("Xqzwvbn") is None


def test_index_is_compact_and_ranked(gz):
    ranked = gz.scored("Vienne", SYRIA_STORY)
    assert len(ranked) >= 3 and ranked[0][0] > ranked[1][0]
    assert len(gz) > 60000                     # cities5000 + countries + subdivisions


def test_cache_round_trip(gz, tmp_path, monkeypatch):
    monkeypatch.setenv("QUIQUOI_CACHE_DIR", str(tmp_path))
    assert gzmod._write_cache(gzmod.cache_path("fr"), gz.data())
    with open(gzmod.cache_path("fr"), "rb") as fh:
        again = Gazetteer(pickle.load(fh))
    assert again.resolve("Alep") == gz.resolve("Alep")


def test_no_writable_cache(gz, tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("QUIQUOI_CACHE_DIR", str(blocker / "cache"))
    built = []
    monkeypatch.setattr(gzmod._Builder, "build", lambda self: built.append(1) or gz.data())
    gzmod._load_cached.cache_clear()
    try:
        fresh = Gazetteer.load("fr")
    finally:
        gzmod._load_cached.cache_clear()
    assert built == [1] and fresh.source == "memory"
    assert fresh.resolve("Damas").country == "SYR"


def test_areas_from_the_alias_file(gz):
    west_bank = gz.resolve("Cisjordanie")
    assert (west_bank.name, west_bank.country, west_bank.feature) == ("West Bank", "PSE", "region")
    assert km(west_bank, 31.9, 35.2) < 50
    gulf = gz.resolve("Golfe")          # the Gulf, not the Angolan town called Golfe
    assert gulf.name == "Persian Gulf" and gulf.country is None
    assert gz.resolve("la bande de Gaza").name == "Gaza Strip"
    assert gz.resolve("Gaza").feature == "city"


def test_project_country_names_win_ties(gz):
    # countries.tsv: "Congo" alone is the Republic of the Congo; the RDC is written "RDC"
    assert gz.resolve("Congo").country == "COG"
    assert gz.resolve("RDC").country == "COD"
    # ISO sorting forms are made readable
    assert gz.resolve("Wallonie").name == "Région wallonne"
    assert gz.resolve("Catalogne").name == "Catalunya"


def test_stale_cache_files_are_removed(gz, tmp_path, monkeypatch):
    monkeypatch.setenv("QUIQUOI_CACHE_DIR", str(tmp_path))
    stale = tmp_path / "gazetteer-fr-0123456789abcdef.pickle"
    stale.write_bytes(b"old")
    other = tmp_path / "gazetteer-de-0123456789abcdef.pickle"
    other.write_bytes(b"other language")
    assert gzmod._write_cache(gzmod.cache_path("fr"), {"x": 1})
    assert not stale.exists() and other.exists() and gzmod.cache_path("fr").exists()


def test_admin1_names_for_cities_and_regions(gz):
    # cities carry their first-level region's name, not only GeoNames' opaque code
    assert gz.resolve("Alep", SYRIA_STORY).admin1_name == "Aleppo"
    assert gz.resolve("Vienne", SYRIA_STORY).admin1_name == "Vienna"
    texas = gz.resolve("Paris (Texas)")
    assert (texas.admin1, texas.admin1_name) == ("TX", "Texas")
    assert gz.resolve("Lyon").admin1_name.endswith("Rhone-Alpes")
    # a region is its own first-level region; a country has none
    assert gz.resolve("Texas").admin1_name == "Texas"
    assert gz.resolve("Syrie").admin1_name is None


def test_admin1_file_is_well_formed():
    from quiquoi.lang import read_tsv
    rows = read_tsv(gzmod.ADMIN1_FILE)
    assert len(rows) > 3000
    seen = set()
    for r in rows:
        assert len(r["country"]) == 2 and r["country"].isupper(), r
        assert r["admin1"] and r["name"], r
        assert (r["country"], r["admin1"]) not in seen, r
        seen.add((r["country"], r["admin1"]))
