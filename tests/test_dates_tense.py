"""A bare weekday, day or month points the way its clause's tense does (quiquoi.dates.tense)."""
import datetime as dt

import pytest

from quiquoi.dates import TimeResolver
from quiquoi.dates.tense import FUTURE, PAST, clause_tense, directed

PUB = dt.date(2016, 5, 24)  # a Tuesday


@pytest.fixture(scope="module")
def r() -> TimeResolver:
    return TimeResolver.from_language("fr")


def _one(r, text):
    (e,) = r.find(text, PUB)
    return e


def test_free_phrases_keep_both_readings(r):
    e = _one(r, "lundi")
    assert (e.value, e.ahead, e.behind) == ("2016-05-23", "2016-05-30", "2016-05-23")
    e = _one(r, "le 21 juin")
    assert (e.ahead, e.behind) == ("2016-06-21", "2015-06-21")
    e = _one(r, "en janvier")
    assert (e.ahead, e.behind) == ("2017-01", "2016-01")


@pytest.mark.parametrize("text", ["lundi dernier", "lundi prochain", "depuis lundi", "le 21 juin 2016",
                                  "en janvier 2017", "mardi"])
def test_phrases_whose_words_give_the_direction_have_one_reading(r, text):
    e = _one(r, text)
    assert e.ahead is None and e.behind is None


@pytest.mark.parametrize("sentence, tense", [
    ("Kerry rencontrera Lavrov lundi.", FUTURE),
    ("Le texte sera examiné lundi par le Conseil.", FUTURE),
    ("Kerry va rencontrer Lavrov lundi.", FUTURE),
    ("Le ministre doit se rendre jeudi à Moscou.", FUTURE),
    ("Kerry a rencontré Lavrov lundi.", PAST),
    ("Le ministre est arrivé jeudi à Moscou.", PAST),
    ("Le ministre rencontre jeudi son homologue.", None),           # present: the news guess stays
])
def test_clause_tense(coder, r, sentence, tense):
    doc = coder.nlp(sentence)
    day = next(t for t in doc if t.lower_ in ("lundi", "jeudi"))
    assert clause_tense(day, r.tense_words) == tense


def test_a_phrase_on_a_noun_has_the_nouns_own_time(coder, r):
    # the demonstration is on the coming Wednesday whatever the tense of the call to it
    text = "L'opposition a appelé à une manifestation mercredi."
    (e,) = directed(r.find(text, PUB), coder.nlp(text), r.tense_words)
    assert e.value == "2016-05-25"


def test_event_dates_follow_the_verbs_tense(code):
    rec = code("Le ministre russe rencontrera lundi son homologue américain à Genève. Le président russe a reçu "
               "samedi le ministre syrien.", published="2016-05-24")
    meet = next(e for e in rec.events if e.trigger.text.startswith("rencontrera"))
    assert meet.date == "2016-05-30" and meet.date_precision == "day"
    received = next(e for e in rec.events if e.trigger.text == "reçu")
    assert received.date == "2016-05-21"
