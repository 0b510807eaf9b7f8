"""Tests for quiquoi.dates (French time expressions)."""
from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

import pytest

from quiquoi.dates import TimeExpr, TimeResolver

PUB = dt.date(2016, 5, 24)  # a Tuesday, ISO week 21
SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "kerry-lavrov-treve.fr.txt"
TIMEBANK = Path(__file__).resolve().parents[2] / "shared" / "eval" / "fr-timebank"


@pytest.fixture(scope="module")
def r() -> TimeResolver:
    return TimeResolver.from_language("fr")


def only(r: TimeResolver, text: str, published=PUB) -> TimeExpr:
    exprs = r.find(text, published)
    assert len(exprs) == 1, exprs
    e = exprs[0]
    assert text[e.start:e.end] == e.text
    return e


# (sentence, expected span text, value, precision)
CASES = [
    ("Il est arrivé aujourd'hui à Paris.", "aujourd'hui", "2016-05-24", "day"),
    ("Il est arrivé hier à Paris.", "hier", "2016-05-23", "day"),
    ("Il est arrivé avant-hier.", "avant-hier", "2016-05-22", "day"),
    ("Il partira demain.", "demain", "2016-05-25", "day"),
    ("Il partira après-demain.", "après-demain", "2016-05-26", "day"),
    ("Il a parlé ce matin à la radio.", "ce matin", "2016-05-24", "day"),
    ("Il parlera ce soir.", "ce soir", "2016-05-24", "day"),
    ("Des tirs ont eu lieu cette nuit.", "cette nuit", "2016-05-23", "day"),  # the night just past
    ("Il a parlé hier soir.", "hier soir", "2016-05-23", "day"),
    ("Attaque dans la nuit de dimanche à lundi à Alep.", "dans la nuit de dimanche à lundi", "2016-05-22", "day"),
    ("Kerry a exhorté lundi son homologue.", "lundi", "2016-05-23", "day"),
    ("Il a parlé mardi.", "mardi", "2016-05-24", "day"),  # the publication day itself (same-day wire copy)
    ("Il a parlé mardi dernier.", "mardi dernier", "2016-05-17", "day"),  # explicitly the one before
    ("Il a parlé dimanche dernier.", "dimanche dernier", "2016-05-22", "day"),
    ("Ils se verront lundi prochain.", "lundi prochain", "2016-05-30", "day"),
    ("Il a parlé vendredi soir.", "vendredi soir", "2016-05-20", "day"),
    ("Il est né le 3 janvier.", "le 3 janvier", "2016-01-03", "day"),
    ("Il est né 3 janvier 2016.", "3 janvier 2016", "2016-01-03", "day"),
    ("La trêve du 1er mars tient.", "1er mars", "2016-03-01", "day"),
    ("Il a parlé le 1er mars.", "le 1er mars", "2016-03-01", "day"),
    ("Il a parlé mardi 3 mai.", "mardi 3 mai", "2016-05-03", "day"),
    ("Le sommet du 10 août aura lieu à Vienne.", "10 août", "2016-08-10", "day"),  # < 4 months ahead
    ("L'attaque du 7 octobre a surpris.", "7 octobre", "2015-10-07", "day"),  # > 4 months ahead -> past
    ("La réunion du 20 décembre a échoué.", "20 décembre", "2015-12-20", "day"),  # > 6 months ahead -> past
    ("Les attentats du vendredi 13 novembre 2015.", "vendredi 13 novembre 2015", "2015-11-13", "day"),
    ("Le texte daté du 24/05/2016 a fuité.", "24/05/2016", "2016-05-24", "day"),
    ("Il a démissionné le 6 mai dernier.", "le 6 mai dernier", "2016-05-06", "day"),
    ("Il est arrivé en janvier.", "en janvier", "2016-01", "month"),
    ("Il est arrivé en janvier dernier.", "janvier dernier", "2016-01", "month"),
    ("Il est arrivé en novembre.", "en novembre", "2015-11", "month"),
    ("Il est arrivé en septembre.", "en septembre", "2015-09", "month"),  # 4 months ahead -> past
    ("Il viendra en juillet.", "en juillet", "2016-07", "month"),  # 2 months ahead
    ("Il viendra en juin prochain.", "juin prochain", "2016-06", "month"),
    ("Il est arrivé en octobre 98.", "octobre 98", "1998-10", "month"),
    ("Il est parti début mars.", "début mars", "2016-03", "month"),
    ("Il est parti mi-avril.", "mi-avril", "2016-04", "month"),
    ("Il est parti au début du mois de mars.", "début du mois de mars", "2016-03", "month"),
    ("Il partira d'ici à la fin du mois de juin.", "la fin du mois de juin", "2016-06", "month"),
    ("Il partira d'ici à la fin du mois de février.", "la fin du mois de février", "2017-02", "month"),  # not before
    ("Le GISS s'est réuni la semaine dernière.", "la semaine dernière", "2016-W20", "week"),
    ("Le GISS se réunit cette semaine.", "cette semaine", "2016-W21", "week"),
    ("Le GISS se réunira la semaine prochaine.", "la semaine prochaine", "2016-W22", "week"),
    ("Il a parlé le mois dernier.", "le mois dernier", "2016-04", "month"),
    ("Il a parlé ce mois-ci.", "ce mois-ci", "2016-05", "month"),
    ("Il a parlé l'an dernier.", "l'an dernier", "2015", "year"),
    ("Il a parlé l'année dernière.", "l'année dernière", "2015", "year"),
    ("Il a parlé l'an passé.", "l'an passé", "2015", "year"),
    ("Il votera l'an prochain.", "l'an prochain", "2017", "year"),
    ("Il a parlé cette année.", "cette année", "2016", "year"),
    ("Il a été élu en 2015.", "en 2015", "2015", "year"),
    ("La guerre dure depuis 2011.", "depuis 2011", "2011", "year"),
    ("Le pacte de 2015 (connu sous le nom de JCPOA) est mort.", "2015", "2015", "year"),
    ("Il est parti il y a deux jours.", "il y a deux jours", "2016-05-22", "day"),
    ("Il est parti il y a 2 jours.", "il y a 2 jours", "2016-05-22", "day"),
    ("Il est parti il y a trois semaines.", "il y a trois semaines", "2016-W18", "week"),
    ("Il est parti il y a vingt-deux ans.", "il y a vingt-deux ans", "1994", "year"),
    ("Il est parti il y a six mois.", "il y a six mois", "2015-11", "month"),
]


@pytest.mark.parametrize("sentence,span,value,precision", CASES)
def test_cases(r, sentence, span, value, precision):
    e = only(r, sentence)
    assert e.text == span
    assert (e.value, e.precision) == (value, precision)


def test_offsets_in_longer_text(r):
    text = "Hier, le ministre a dit que le 3 janvier 2016 et mardi 3 mai étaient des dates clés."
    exprs = r.find(text, PUB)
    assert [e.text for e in exprs] == ["Hier", "le 3 janvier 2016", "mardi 3 mai"]
    for e in exprs:
        assert text[e.start:e.end] == e.text


def test_seed_expressions(r):
    text = (
        "Le secrétaire d'État américain John Kerry a exhorté lundi son homologue russe. "
        "La cessation des hostilités est en vigueur depuis fin février. "
        "Le GISS s'est encore réuni la semaine dernière dans la capitale autrichienne."
    )
    got = {e.text: e for e in r.find(text, PUB)}
    assert set(got) == {"lundi", "fin février", "la semaine dernière"}
    assert (got["lundi"].value, got["lundi"].precision) == ("2016-05-23", "day")
    fev = got["fin février"]
    assert (fev.value, fev.precision, fev.part) == ("2016-02", "month", "end")
    assert fev.mod == "since"  # from "depuis", which stays outside the span
    assert (got["la semaine dernière"].value, got["la semaine dernière"].precision) == ("2016-W20", "week")


@pytest.mark.skipif(not SEED.exists(), reason="seed article not available")
def test_seed_article_file(r):
    text = SEED.read_text(encoding="utf-8")
    values = {e.text: e.value for e in r.find(text, PUB)}
    assert values == {"lundi": "2016-05-23", "fin février": "2016-02", "la semaine dernière": "2016-W20"}


def test_parts_and_dayparts(r):
    assert only(r, "Il est parti mi-avril.").part == "mid"
    assert only(r, "Il est parti début mars.").part == "start"
    assert only(r, "Il est parti fin 2015.").value == "2015"
    assert only(r, "Il est parti fin 2015.").part == "end"
    assert only(r, "Il a parlé hier soir.").daypart == "EV"
    assert only(r, "Il a parlé lundi.").part is None


def test_prepositions_and_span(r):
    # a lone word keeps its preposition in the span; a longer phrase does not
    e = only(r, "La guerre dure depuis 2011.")
    assert e.text == "depuis 2011" and e.mod == "since"
    e = only(r, "Il est arrivé en janvier.")
    assert e.text == "en janvier" and e.mod is None
    e = only(r, "La trêve tient depuis fin février.")
    assert e.text == "fin février" and e.mod == "since"
    e = only(r, "Il est en résidence surveillée depuis avril 2015.")
    assert e.text == "avril 2015" and e.mod == "since"
    e = only(r, "Il partira d'ici à la fin du mois de juin.")
    assert e.mod == "until" and e.text == "la fin du mois de juin"


# --- publication 2016-05-24 is a Tuesday ----------------------------------------
NEW_CASES = [
    # the day after publication, named by its weekday, is that coming day
    ("Une manifestation est prévue mercredi à Caracas.", "mercredi", "2016-05-25", "day"),
    ("Il a parlé jeudi.", "jeudi", "2016-05-19", "day"),  # two days ahead: the past one
    # a preposition gives a direction
    ("Les rassemblements sont interdits jusqu'à lundi.", "jusqu'à lundi", "2016-05-30", "day"),
    ("Il est détenu depuis mercredi.", "depuis mercredi", "2016-05-18", "day"),
    ("Le cessez-le-feu tiendra jusqu'en avril.", "jusqu'en avril", "2017-04", "month"),
    ("Il est détenu depuis juin.", "depuis juin", "2015-06", "month"),
    ("Il attend jusqu'au 20 mai.", "20 mai", "2017-05-20", "day"),
    # times of day belong to the day
    ("Ils ont manifesté dimanche vers 18h.", "dimanche vers 18h", "2016-05-22", "day"),
    ("Il a été annoncé tard lundi soir.", "tard lundi soir", "2016-05-23", "day"),
    ("L'accord expire à minuit.", "minuit", "2016-05-24", "day"),
    ("Il est arrivé hier vers 18 h 45.", "hier vers 18 h 45", "2016-05-23", "day"),
    # anaphoric days: publication when nothing came before ...
    ("La veille, des centaines de personnes avaient manifesté.", "La veille", "2016-05-23", "day"),
    ("Le lendemain, il est reparti.", "Le lendemain", "2016-05-25", "day"),
    # ranges and periods
    ("Jeudi et vendredi, des milliers de personnes ont manifesté.", "Jeudi et vendredi", "2016-W20", "week"),
    ("Ils doivent partir d'ici deux semaines.", "d'ici deux semaines", "2016-06-07", "day"),
    ("Gaza est en guerre depuis plus de sept mois.", "depuis plus de sept mois", "2015-10", "month"),
    # (a few days up to Tuesday: centred on the Sunday before)
    ("L'opposition l'avait annoncé ces derniers jours.", "ces derniers jours", "2016-W20", "week"),
    ("Des combats ont eu lieu ces dernières semaines.", "ces dernières semaines", "2016-05", "month"),
    ("Les résultats seront connus en fin de semaine.", "en fin de semaine", "2016-W21", "week"),
    ("L'armée a repris ses tirs ce week-end.", "ce week-end", "2016-W20", "week"),  # Tuesday: the one past
]


@pytest.mark.parametrize("sentence,span,value,precision", NEW_CASES)
def test_new_cases(r, sentence, span, value, precision):
    e = only(r, sentence)
    assert e.text == span
    assert (e.value, e.precision) == (value, precision)


def test_sunday_paper_monday_is_past(r):
    # the next-day rule stays inside the publication's week
    assert only(r, "Lundi, la coalition a renforcé le blocus.", dt.date(2017, 11, 12)).value == "2017-11-06"
    assert only(r, "Il a parlé lundi.", dt.date(2017, 11, 12)).value == "2017-11-06"


def test_recent_days_later_in_week(r):
    e = only(r, "L'opposition l'avait annoncé ces derniers jours.", dt.date(2016, 5, 26))  # Thursday
    assert (e.value, e.precision) == ("2016-W21", "week")


def test_weekend_nearest(r):
    assert only(r, "Il viendra ce week-end.", dt.date(2016, 5, 26)).value == "2016-W21"  # Thursday
    assert only(r, "Il est venu ce week-end.", dt.date(2016, 5, 29)).value == "2016-W21"  # Sunday
    assert only(r, "Il est venu le week-end dernier.", dt.date(2016, 5, 30)).value == "2016-W21"


def test_clock_time_and_range_end(r):
    e = only(r, "Ils ont manifesté dimanche vers 18h.")
    assert (e.time, e.daypart) == ("18:00", None)
    assert only(r, "Il arrive samedi 28 mai à 15 h 45.").time == "15:45"
    assert only(r, "L'accord expire à minuit.").time == "24:00"
    e = only(r, "Jeudi et vendredi, ils ont manifesté.")
    assert e.range_end == "2016-05-20"
    # across a week boundary: the first day, with the range end
    e = only(r, "Dimanche et lundi, ils ont manifesté.")
    assert (e.value, e.precision, e.range_end) == ("2016-05-22", "day", "2016-05-23")
    # "18 hommes" is no clock time
    assert [x.text for x in r.find("Dimanche à 18 hommes.", PUB)] == ["Dimanche"]


def test_anaphoric_follows_the_last_named_day(r):
    text = "Le 4 avril, il a lancé l'offensive. La veille, il avait prévenu. Le lendemain matin, il a parlé."
    got = {e.text: (e.value, e.daypart) for e in r.find(text, PUB)}
    assert got["La veille"] == ("2016-04-03", None)
    # chains: "le lendemain" counts from the last resolved day ("la veille")
    assert got["Le lendemain matin"] == ("2016-04-04", "MO")
    # "trois jours plus tard" needs an anchor
    assert only(r, "Trois jours plus tard, il est parti.").value is None
    text = "Il est arrivé le 3 mai. Trois jours plus tard, il est parti."
    assert [e.value for e in r.find(text, PUB)] == ["2016-05-03", "2016-05-06"]


def test_anaphoric_event_relative_not_found(r):
    # "la veille de l'élection" counts from an event, not from a day: not resolved
    assert r.find("Il a parlé à la veille de l'élection.", PUB) == []
    assert r.find("Au lendemain du vote, il est parti.", PUB) == []
    # "la veille sanitaire" is monitoring, not a day
    assert [e.text for e in r.find("La veille sanitaire continue. La veille, il a parlé.", PUB)] == ["La veille"]


def test_cette_nuit_and_night_phrase(r):
    e = only(r, "Il a été soumis dans la nuit de lundi à mardi.")
    assert (e.value, e.daypart) == ("2016-05-23", "NI")
    assert only(r, "Sept morts cette nuit.").daypart == "NI"


def test_ce_weekday_on_that_day(r):
    # "ce mardi" and a bare "mardi" in a Tuesday article are the publication day
    assert only(r, "Il parle ce mardi.").value == "2016-05-24"
    assert only(r, "Il a parlé mardi.").value == "2016-05-24"
    assert only(r, "Il a parlé mardi dernier.").value == "2016-05-17"


def test_aujourdhui_weekday(r):
    e = only(r, "Il parle aujourd'hui mardi.")
    assert (e.text, e.value) == ("aujourd'hui mardi", "2016-05-24")


def test_no_publication_date(r):
    for text in ["Il est arrivé hier.", "Il a parlé lundi.", "Il a parlé la semaine dernière.",
                 "Il est parti fin février.", "Il est né le 3 janvier.", "il y a deux jours"]:
        e = only(r, text, published=None)
        assert e.value is None, text
    # absolute expressions still resolve
    assert only(r, "Le 13 novembre 2015.", published=None).value == "2015-11-13"
    assert only(r, "Il a été élu en 2015.", published=None).value == "2015"
    assert only(r, "Il a parlé lundi.", published=None).precision == "day"


def test_datetime_published_accepted(r):
    assert only(r, "Il est arrivé hier.", dt.datetime(2016, 5, 24, 18, 30)).value == "2016-05-23"


@pytest.mark.parametrize("text", [
    "L'État islamique ou le Front al-Nosra combattent à Alep.",
    "Les deux ministres ont parlé au téléphone.",
    "La planète Mars est rouge.",
    "Le défilé de Mardi gras a eu lieu.",
    "Plus de 2000 personnes ont manifesté.",
    "Il a compté 1500 soldats et 300 chars.",
    "Il a reçu trois appels.",
])
def test_no_false_positives(r, text):
    assert r.find(text, PUB) == []


def test_invalid_date_not_a_day(r):
    assert all(e.precision != "day" for e in r.find("Le 31 février n'existe pas.", PUB))


def test_resolve_for_span(r):
    text = "Lundi, il a parlé. Le 3 janvier, puis hier, il a agi. Rien ici."
    exprs = r.find(text, PUB)
    s2_start = text.index("Le 3")
    s2_end = text.index(" Rien")
    near_hier = text.index("il a agi")
    e = r.resolve_for_span(exprs, s2_start, s2_end, anchor=near_hier)
    assert e is not None and e.text == "hier"
    e = r.resolve_for_span(exprs, s2_start, s2_end, anchor=s2_start + 3)
    assert e is not None and e.text == "Le 3 janvier"
    assert r.resolve_for_span(exprs, s2_start, s2_end).text == "Le 3 janvier"
    assert r.resolve_for_span(exprs, s2_end, len(text)) is None
    assert r.resolve_for_span(exprs, 0, s2_start).text == "Lundi"


def test_language_neutral_tiny_english(tmp_path):
    """A different language file drives the same code."""
    (tmp_path / "time.yaml").write_text(
        """
lexicon:
  weekday: {monday: 0, tuesday: 1}
  month: {january: 1, may: 5}
  rel: {last: -1, next: 1}
  num: {two: 2}
  unit: {days: day, weeks: week}
prepositions: {since: since, in: null}
patterns:
  - {template: "yesterday", rule: relative, unit: day, n: -1}
  - {template: "{rel} {weekday}", rule: weekday}
  - {template: "{weekday}", rule: weekday}
  - {template: "{month} {day} {year}?", rule: date}
  - {template: "{rel} week", rule: relative, unit: week}
  - {template: "{num} {unit} ago", rule: relative, sign: -1}
  - {template: "{year}", rule: year, needs_context: true}
""", encoding="utf-8")
    en = TimeResolver.from_file(tmp_path / "time.yaml")
    text = "Yesterday and last week, since 2011, two days ago, on May 3 and next Monday."
    got = [(e.text, e.value) for e in en.find(text, PUB)]
    assert got == [("Yesterday", "2016-05-23"), ("last week", "2016-W20"), ("2011", "2011"),
                   ("two days ago", "2016-05-22"), ("May 3", "2016-05-03"),
                   ("next Monday", "2016-05-30")]


@pytest.mark.skipif(not TIMEBANK.exists(), reason="French TimeBank not available")
def test_timebank_evaluation():
    from quiquoi.dates.timebank import evaluate_timebank

    res = evaluate_timebank(TIMEBANK)
    assert res["documents"] > 100
    assert res["gold_date"] > 200
    assert res["date_recall"] > 0.8
    assert res["precision"] > 0.9
    assert res["value_accuracy"] > 0.85


def test_parse_tml_offsets():
    from quiquoi.dates.timebank import parse_tml

    raw = ('<TimeML><DCT><TIMEX3 functionInDocument="CREATION_TIME" tid="t1" type="DATE" '
           'value="1999-05-20" /></DCT><TEXT>Il est venu <TIMEX3 tid="t2" type="DATE" '
           'value="1999-05-19">hier</TIMEX3> &amp; <EVENT eid="e1">parti</EVENT>.</TEXT></TimeML>')
    text, dct, golds = parse_tml(raw)
    assert text == "Il est venu hier & parti."
    assert dct == dt.date(1999, 5, 20)
    assert [(g.text, g.value, g.type) for g in golds] == [("hier", "1999-05-19", "DATE")]


# --- anchored scanning is a pure speed-up ----------------------------------------

SCAN_TEXTS = [
    "Avant-hier soir, puis AVANT -HIER, le 3\xa0MARS 2016 ; il y a  deux   semaines",
    "le 12/03/2016 et le 2016-03-12 ; d’ici à trois mois ; mi-juillet ; le jour même",
    "  Lundi, en 2015 ;\n\n depuis le 1ER MAI ! vingt-et-un jours plus tard, dans  \n trois ans",
    "(jeudi et vendredi prochains) ; à partir de la fin du mois de février 2017 vers 18 h 45",
    "dans la nuit de samedi à dimanche ; la veille au soir ; le lendemain de l'élection ; 2016",
    # characters that IGNORECASE equates with others ("ſ" ~ "s", "İ" ~ "i"): plain scan
    "ſept jours plus tard, mardi 12 µs ; İl y a deux jours, le 14 juillet",
]
SCAN_PUBS = [PUB, dt.date(2019, 12, 29), dt.date(2012, 2, 29), None]


def _scan_texts() -> list[str]:
    data_dir = Path(__file__).resolve().parent / "data"
    return [p.read_text(encoding="utf-8") for p in sorted(data_dir.glob("*/*.fr.txt"))] + SCAN_TEXTS


def _diverging(fast: TimeResolver, slow: TimeResolver, texts: list[str]) -> int:
    return sum(fast.find(t, pub) != slow.find(t, pub) for t in texts for pub in SCAN_PUBS)


def test_anchored_scan_never_changes_the_result():
    texts = _scan_texts()
    fast = TimeResolver.from_language("fr")
    slow = TimeResolver.from_language("fr")
    slow.anchored_scan = False  # every regex over the whole text
    # every template (and the exclusion list) is scanned by anchors, or this tests nothing
    assert all(p.scan is not None for p in fast.patterns) and fast._exclude_scan is not None
    assert sum(fast._word_index(t) is not None for t in texts) >= len(texts) - 1
    assert _diverging(fast, slow, texts) == 0
    assert sum(len(fast.find(t, PUB)) for t in texts) > 50


def test_anchored_scan_comparison_catches_a_wrong_bound():
    # the test above would notice a scan trying too few words before its anchors
    texts = _scan_texts()
    broken = TimeResolver.from_language("fr")
    for p in broken.patterns:
        p.scan = dataclasses.replace(
            p.scan, anchors=tuple(dataclasses.replace(a, back=0) for a in p.scan.anchors))
    slow = TimeResolver.from_language("fr")
    slow.anchored_scan = False
    assert _diverging(broken, slow, texts) > 0


def test_safe_characters_match_case_insensitively_by_lower_case():
    # anchored scanning compares words in lower case; for the characters it accepts that
    # must be exactly IGNORECASE matching, and keep word characters word characters
    from quiquoi.dates.resolver import _UNSAFE

    safe = "".join(chr(c) for c in range(0x3000) if not _UNSAFE.match(chr(c)))
    assert "é" in safe and "’" in safe and "ſ" not in safe and "İ" not in safe
    by_lower: dict[str, set[str]] = {}
    for ch in safe:
        by_lower.setdefault(ch.lower(), set()).add(ch)
    word = re.compile(r"\w")
    for ch in safe:
        low = ch.lower()
        assert len(low) == 1 and not _UNSAFE.match(low), ch
        assert bool(word.match(ch)) == bool(word.match(low)), ch
        assert set(re.findall(re.escape(ch), safe, re.IGNORECASE)) == by_lower[low], ch


def test_scan_plan_anchors(r):
    plans = {p.template: p.scan for p in r.patterns}
    il_y_a = plans["il_y_a {num} {unit}"]
    # each word of a literal is an anchor; a preposition ("à partir de") may come first
    assert ((frozenset({"il"}), False), 3) in [(a.words, a.back) for a in il_y_a.anchors]
    assert ((frozenset({"a"}), False), 5) in [(a.words, a.back) for a in il_y_a.anchors]
    # a slot's values, or any number for a numeric slot
    weekdays = plans["{weekday:a} et|ou {weekday:b} {rel}?"]
    assert any("lundi" in a.words[0] for a in weekdays.anchors)
    assert plans["{year}"].anchors[0].words == (frozenset(), True)
    # a match starts with a preposition or the template's first word
    assert {"depuis", "jusqu", "hier"} <= il_y_a.first[0] | plans["hier {daypart}? vers_{clock}|à_{clock}?"].first[0]
    assert "hier" not in il_y_a.first[0]


@pytest.mark.parametrize("text", ["Il est arrivé le 3 janvıer.", "Il est reparti lundı.",
                                  "le 3 JANVİER", "en févrıer dernier"])
def test_a_word_matching_only_by_ignorecase_is_no_date_and_no_crash(r, text):
    # Python's IGNORECASE equates i, I, ı and İ: the regex matches words the lexicon lacks
    assert [e for e in r.find(text, PUB) if e.value and len(e.value) > 4] == []


def test_a_well_spelt_date_beside_an_odd_one_still_resolves(r):
    found = r.find("Le 3 janvıer ou le 3 janvier 2016 ?", dt.date(2016, 5, 24))
    assert [(e.text, e.value) for e in found] == [("le 3 janvier 2016", "2016-01-03")]
