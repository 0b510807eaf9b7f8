"""Places in coded articles: locative names geocoded with the article's context."""
from conftest import SEED


def _places(record):
    return {p["text"]: p for p in record.places}


def test_seed_places(seed_record):
    places = _places(seed_record)
    assert places["Alep"]["country"] == "SYR" and places["Damas"]["country"] == "SYR"
    assert places["Genève"]["country"] == "CHE"
    vienna = next(p for p in seed_record.places if p["name"] == "Vienna")
    assert vienna["country"] == "AUT" and abs(vienna["lat"] - 48.2) < 0.3      # not Vienne (Isère)
    assert "Moscou" not in places          # "la proposition de Moscou": an actor, not a place
    giss = next(e for e in seed_record.events if e.type == "CONSULT" and e.source and e.source.role == "IGO")
    assert giss.place["country"] == "AUT"


def test_metonym_actor_is_not_a_place(coder):
    rec = coder.code("Moscou a rejeté l'offre de Washington. Le ministre est arrivé à Moscou lundi.",
                     published="2016-05-24")
    assert [p["text"] for p in rec.places] == ["Moscou"]
    rej = next(e for e in rec.events if e.type == "REJECT")
    assert rej.source.code == "RUSGOV" and rej.places == []


def test_regional_story_keeps_french_vienne(coder):
    rec = coder.code("Les agriculteurs ont manifesté mardi à Vienne contre la fermeture de l'abattoir, "
                     "a indiqué la préfecture de l'Isère.", published="2019-03-05")
    vienne = _places(rec)["Vienne"]
    assert vienne["country"] == "FRA"


def test_dateline_gives_place_and_date(coder):
    text = "BEYROUTH, 3 mai 2016 (AFP) - Des frappes aériennes du régime syrien ont visé les rebelles à Alep."
    rec = coder.code(text)
    assert rec.published == "2016-05-03"
    assert rec.dateline["country"] == "LBN" and rec.dateline["agency"] == "AFP"
    strike = next(e for e in rec.events if e.type == "ASSAULT")
    assert strike.place["country"] == "SYR"          # the sentence's own place beats the dateline


def test_person_named_like_a_town_is_not_a_place(coder):
    rec = coder.code("John Kerry est arrivé lundi à Genève pour rencontrer Sergueï Lavrov.", published="2016-05-24")
    assert [p["text"] for p in rec.places] == ["Genève"]        # County Kerry is no place here
    meet = next(e for e in rec.events if e.type == "CONSULT")
    assert meet.source.name == "John Kerry"
