"""The actor stage on its own: dictionaries + the article's memory of who is who."""
from datetime import date

import pytest

from quiquoi.actors.resolver import ArticleActors
from quiquoi.nlp import parse_many


@pytest.fixture(scope="module")
def resolve(coder):
    def run(text, published=date(2016, 5, 24)):
        doc = next(parse_many(coder.nlp, [text]))
        return doc, ArticleActors(doc, coder.dictionary, coder.data.config, published)
    return run


def _by_text(doc, actors, word):
    tok = next(t for t in doc if t.text == word)
    return actors.actors(tok)


def test_title_with_name_and_later_mentions(resolve):
    doc, aa = resolve("Le porte-parole de la diplomatie américaine, Mark Toner, a parlé. "
                      "M. Toner a ajouté une phrase. Le responsable américain a conclu.")
    names = [(a.name, a.code) for _i, a in aa.mentions if a.kind == "person"]
    assert names.count(("Mark Toner", "USAGOV")) >= 3
    assert all(code == "USAGOV" for n, code in names if n == "Mark Toner")


def test_etat_inside_titles_is_no_actor(resolve):
    doc, aa = resolve("Le secrétaire d'État américain John Kerry et le département d'État ont réagi.")
    kerry = _by_text(doc, aa, "secrétaire")
    assert kerry[0].name == "John Kerry" and kerry[0].code == "USAGOV"
    assert _by_text(doc, aa, "État") == []
    assert all(a.text != "État" for a in aa.all_actors())


def test_capital_as_actor_and_as_place(resolve, coder):
    doc, aa = resolve("Moscou a rejeté la proposition. Le ministre est arrivé à Moscou.")
    first, second = [t for t in doc if t.text == "Moscou"]
    assert aa.actors(first)[0].code == "RUSGOV"
    listed = aa.all_actors(skip=coder.places.is_locative)
    assert all(a.start != second.idx for a in listed)


def test_country_from_adjective_complement_and_memory(resolve):
    doc, aa = resolve("Le régime syrien a bombardé Alep. Les forces armées du président Bachar al-Assad avancent. "
                      "Le régime a nié.")
    regimes = [a for i, a in aa.mentions if doc[i].lemma_ == "régime"]
    assert [a.code for a in regimes] == ["SYRGOV", "SYRGOV"]
    forces = _by_text(doc, aa, "forces")
    assert forces[0].code == "SYRMIL"


def test_title_from_complement_and_coordinated_adjectives(resolve):
    doc, aa = resolve("Le chef de l'opposition zambienne, Hakainde Hichilema, a été arrêté. "
                      "Les deux ministres américain et russe se sont parlé.")
    chef = _by_text(doc, aa, "chef")
    assert (chef[0].name, chef[0].country, chef[0].role) == ("Hakainde Hichilema", "ZMB", "OPP")
    ministers = _by_text(doc, aa, "ministres")
    assert {a.code for a in ministers} == {"USAGOV", "RUSGOV"}


def test_organisations_and_aliases(resolve):
    doc, aa = resolve("Le Groupe international de soutien à la Syrie (GISS) se réunit. Daech et l'État islamique "
                      "sont un seul groupe. L'ONU a parlé.")
    giss = [a for i, a in aa.mentions if doc[i].text in ("Groupe", "GISS")]
    assert len({a.code for a in giss}) == 1 and giss[0].role == "IGO"
    isis = {a.code for i, a in aa.mentions if doc[i].text in ("Daech", "État")}
    assert len(isis) == 1
    assert _by_text(doc, aa, "ONU")[0].code == "IGOUNO"


def test_person_office_depends_on_date(coder):
    kerry_2016 = coder.dictionary.person("John Kerry", date(2016, 5, 24))
    assert kerry_2016.code == "USAGOV"


def test_unknown_proper_noun_is_not_guessed(resolve):
    doc, aa = resolve("Le texte a été relayé sur Twitter.")
    assert _by_text(doc, aa, "Twitter") == []


def test_title_after_the_name_and_later_title_with_surname(resolve):
    doc, aa = resolve("Amadou Abdramane, porte-parole des militaires nigériens, a parlé. "
                      "Le colonel Abdramane a ensuite accusé le régime.", date(2023, 7, 27))
    people = [a for _i, a in aa.mentions if a.kind == "person"]
    assert people and all((a.name, a.code) == ("Amadou Abdramane", "NERMIL") for a in people)
