"""Actor resolution, round 3: regions, number agreement in the article's memory, the
country a bare "le pays" means, non-state groups placed in a country, adjectives before
complements, calendar words. Every sentence here was written for these tests."""
from datetime import date

import pytest

from quiquoi.actors.resolver import ArticleActors
from quiquoi.nlp import parse_many


@pytest.fixture(scope="module")
def resolve(coder):
    def run(text, published=date(2021, 3, 10)):
        doc = next(parse_many(coder.nlp, [text]))
        return doc, ArticleActors(doc, coder.dictionary, coder.data.config, published)
    return run


def _at(doc, aa, word, nth=0):
    tok = [t for t in doc if t.text == word][nth]
    return aa.actors(tok)


def test_region_adjective_gives_a_region_code(resolve):
    doc, aa = resolve("Les deux pays africains ont condamné mardi le coup d'État au Soudan.")
    found = _at(doc, aa, "pays")
    assert [(a.country, a.role) for a in found] == [("AFR", "GOV")]


def test_region_is_not_the_article_focus(resolve):
    doc, aa = resolve("Les dirigeants européens ont écrit aux dirigeants européens. "
                      "Les pays européens ont répondu au Brésil.")
    assert aa.focus_country() != "EUR"


def test_plural_body_is_not_remembered_for_a_singular_mention(resolve):
    doc, aa = resolve("Les pays européens ont saisi l'ONU. Le texte vise l'Irak, et le pays a protesté.")
    pays = _at(doc, aa, "pays", 1)
    assert pays and pays[0].country == "IRQ"


def test_bare_definite_country_noun_is_the_country_named_last(resolve):
    doc, aa = resolve("Les violences se poursuivent au Pérou. Pour le ministre, le pays traverse une crise.")
    pays = _at(doc, aa, "pays")
    assert (pays[0].country, pays[0].role) == ("PER", "GOV")


def test_country_noun_with_a_complement_is_not_the_last_country(resolve):
    doc, aa = resolve("Le Pérou a voté. Le pays hôte du sommet a protesté.")
    assert all(a.country != "PER" for a in _at(doc, aa, "pays"))


def test_non_state_group_in_a_country_belongs_to_it(resolve):
    doc, aa = resolve("L'opposition en Iran a dénoncé la répression des étudiants.")
    opp = _at(doc, aa, "opposition")
    assert (opp[0].country, opp[0].role) == ("IRN", "OPP")


def test_adjective_country_wins_over_the_place_complement(resolve):
    doc, aa = resolve("Le président kényan a reçu les soldats américains du Niger.")
    soldiers = _at(doc, aa, "soldats")
    assert [(a.country, a.role) for a in soldiers] == [("USA", "MIL")]


def test_day_name_before_a_title_is_no_person(resolve):
    doc, aa = resolve("Samedi, le chancelier allemand Olaf Scholz avait estimé que la réforme était nécessaire.")
    assert _at(doc, aa, "Samedi") == []
    assert all(a.name != "Samedi" for _i, a in aa.mentions)
