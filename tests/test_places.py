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


def test_sites_lie_in_the_town_of_the_story(coder):
    rec = coder.code("Des milliers de personnes ont manifesté jeudi à Lyon. Samedi, elles avaient convergé "
                     "place Bellecour, puis sur la place des Terreaux, où des incidents ont éclaté.",
                     published="2023-03-20")
    places = _places(rec)
    for site in ("place Bellecour", "place des Terreaux"):
        assert places[site]["feature"] == "site", site
        assert places[site]["country"] == "FRA" and abs(places[site]["lat"] - 45.76) < 0.2, site
    # "à la place de": instead of -- no site
    rec = coder.code("Le ministre a parlé à la place de Jean Dupont, lundi à Lyon.", published="2023-03-20")
    assert all(p["feature"] != "site" for p in rec.places)


def test_site_named_after_its_town_and_seat_of_power(coder):
    rec = coder.code("L'avion s'est posé à l'aéroport de Bagdad. Le ministre a été reçu au Quai d'Orsay.",
                     published="2020-01-05")
    places = _places(rec)
    assert places["aéroport de Bagdad"]["country"] == "IRQ"
    assert places["Quai d'Orsay"]["country"] == "FRA" and abs(places["Quai d'Orsay"]["lat"] - 48.86) < 0.2


def test_longer_gazetteer_name_and_object_of_a_strike(coder):
    rec = coder.code("L'armée israélienne a bombardé la bande de Gaza mardi.", published="2024-05-14")
    gaza = _places(rec)["bande de Gaza"]
    assert gaza["country"] == "PSE"
    strike = next(e for e in rec.events if e.type == "ASSAULT")
    assert strike.place is not None and strike.place["text"] == "bande de Gaza"


def test_part_of_a_country_and_a_road_to_a_town(coder):
    rec = coder.code("Le maréchal a reçu les chefs de l'Est libyen. L'opposant a été arrêté sur la route "
                     "de Limulunga, en Zambie.", published="2017-04-12")
    places = _places(rec)
    assert places["l'Est libyen"]["country"] == "LBY" and places["l'Est libyen"]["feature"] == "region"
    assert places["Limulunga"]["country"] == "ZMB"
    # "il est libyen" is no place
    rec = coder.code("Le maréchal Haftar est libyen.", published="2017-04-12")
    assert rec.places == []


def test_places_data_file_is_well_formed():
    from quiquoi.lang import LanguageData
    data = LanguageData("fr").places
    for key in ("site_nouns", "site_exclusions", "relation_nouns", "relation_prepositions",
                "place_object_verbs", "compass_nouns", "sites_named_after_their_town", "town_name_articles"):
        words = data[key]
        assert words and len(words) == len(set(words)), key
        assert all(isinstance(w, str) and w == w.lower() and w.strip() == w for w in words), key
    assert set(data["sites_named_after_their_town"]) <= set(data["site_nouns"])
    # every exclusion ends with a site noun, or it could never apply
    assert all(x.split()[-1] in data["site_nouns"] for x in data["site_exclusions"])


def test_a_part_of_a_country_is_a_place_whatever_the_phrase_does(coder):
    # the part noun is the subject, not after a preposition of place: its country is still a place
    rec = coder.code("Le nord de la Finlande a été touché par les inondations, tout comme une banlieue "
                     "de La Haye.", published="2020-01-10")
    places = _places(rec)
    assert places["Finlande"]["country"] == "FIN" and places["La Haye"]["country"] == "NLD"
    assert not {"Finlande", "La Haye"} & {a.text for a in rec.actors}


def test_where_someone_comes_from_is_a_place(coder):
    rec = coder.code("Des centaines de jeunes venus de Belgique ont rejoint le camp. Le ministre est rentré "
                     "de Moscou mardi.", published="2020-01-10")
    places = _places(rec)
    assert places["Belgique"]["country"] == "BEL" and places["Moscou"]["country"] == "RUS"
    assert not {"Belgique", "Moscou"} & {a.text for a in rec.actors}
    # a government's proposal is still an actor's
    rec = coder.code("Le ministre a rejeté la proposition de Moscou.", published="2020-01-10")
    assert "Moscou" not in _places(rec) and "Moscou" in {a.text for a in rec.actors}


def test_people_the_state_and_newspapers_are_not_places(coder):
    rec = coder.code("Selon un sondage publié dans Le Parisien, 60 % des Français soutiennent le projet. "
                     "La réforme a été présentée dans les colonnes du Point puis au Château. "
                     "Le ministre s'est rendu à Lyon.", published="2020-01-10")
    assert [p["text"] for p in rec.places] == ["Lyon"]

