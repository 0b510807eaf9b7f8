"""The evaluation's matching rules, on hand-made records (no model)."""
from pathlib import Path

import yaml

from quiquoi.evaluate.gold import GoldActor, load_gold
from quiquoi.evaluate.scorer import actor_matches, score_article
from quiquoi.model import Actor, ArticleRecord, Event, Quote, Span


def _event(sentence, type_, src, tgt, paragraph=None):
    return Event(sentence=sentence, paragraph=paragraph or sentence, text="", type=type_, mode=None, cameo="120",
                 goldstein=-4.0, source=src, target=tgt, trigger=Span("x", 0, 1))


USA = Actor("Washington", "Washington", "USA", "GOV", "USAGOV")
REB = Actor("les rebelles", "rebelles", "SYR", "REB", "SYRREB")


def test_actor_matching_rules():
    assert actor_matches(GoldActor.parse({"actor": "USA GOV"}), USA)
    assert not actor_matches(GoldActor.parse({"actor": "RUS GOV"}), USA)
    assert actor_matches(GoldActor.parse({"actor": "SYR OPP"}), REB)          # REB/OPP interchangeable
    assert not actor_matches(GoldActor.parse({"name": "X", "actor": "USA GOV"}), None)
    assert actor_matches(GoldActor.parse({"actor": "USA GOV"}), None)         # unnamed, implied actor
    assert actor_matches(GoldActor.parse({"actor": "IGO"}), Actor("ONU", "ONU", None, "IGO", "IGOUNO"))


def test_score_counts_and_paragraph_numbering(tmp_path: Path):
    (tmp_path / "a.fr.txt").write_text("Un.\n\nDeux.", encoding="utf-8")
    gold = {"article": {"file": "a.fr.txt", "published": "2016-05-24"},
            "events": [{"sentence": 2, "level": "must", "type": "REJECT", "source": {"name": "W", "actor": "USA GOV"}},
                       {"sentence": 1, "level": "should", "type": "ASSAULT", "source": {"name": "X", "actor": "SYR GOV"}}],
            "quotes": [{"speaker": "Mark Toner", "kind": "direct", "starts": "La Russie a"}],
            "not_quotes": ["pression"],
            "dates": {"lundi": "2016-05-23"}}
    path = tmp_path / "a.expected.yaml"
    path.write_text(yaml.safe_dump(gold, allow_unicode=True), encoding="utf-8")
    g = load_gold(path)
    rec = ArticleRecord("a", "fr", "2016-05-24",
                        events=[_event(3, "REJECT", USA, None, paragraph=2), _event(1, "ACCUSE", USA, None)],
                        quotes=[Quote("La Russie a une responsabilité", 0, 10, 1, "direct",
                                      Actor("M. Toner", "Mark Toner", "USA", "GOV", "USAGOV"), "affirmer"),
                                Quote("pression", 20, 28, 1, "partial", None, None)])
    sc = score_article(g, rec, {"lundi": "2016-05-23"})
    assert (sc.events.tp, sc.events.fp, sc.events.fn) == (1, 1, 1)
    assert sc.by_level["must"].tp == 1 and sc.by_level["should"].fn == 1
    assert sc.quotes.tp == 1 and sc.speakers_right == 1 and sc.quotes.fp == 1
    assert any("scare quote" in f for f in sc.forbidden_hits)
    assert sc.dates_right == 1


def test_city_places_are_scored_within_25_km(tmp_path):
    """A gold city with coordinates counts only when the coder puts it within 25 km."""
    from quiquoi.evaluate.scorer import NEAR_KM, km
    assert NEAR_KM == 25
    assert km((48.21, 16.37), (48.21, 16.37)) < 0.01
    # Vienna (AUT) to Vienne (Isère): ~830 km -- the wrong Vienne must fail the check
    assert km((48.21, 16.37), (45.52, 4.87)) > 800
    from quiquoi.evaluate.gold import load_gold
    text = tmp_path / "a.fr.txt"
    text.write_text("x", encoding="utf-8")
    gold = tmp_path / "a.expected.yaml"
    gold.write_text("places:\n  Vienne: {country: AUT, lat: 48.21, lon: 16.37}\n  Syrie: SYR\n",
                    encoding="utf-8")
    g = load_gold(gold)
    assert g.places == {"Vienne": "AUT", "Syrie": "SYR"}
    assert g.place_coords == {"Vienne": (48.21, 16.37)}
    vienna = {"text": "Vienne", "country": "AUT", "lat": 48.2085, "lon": 16.3721}
    isere = {"text": "Vienne", "country": "AUT", "lat": 45.52, "lon": 4.87}   # right country, wrong city
    for place, near in ((vienna, 1), (isere, 0)):
        rec = ArticleRecord("a", "fr", "2016-05-24", events=[], quotes=[], actors=[])
        rec.places = [place]
        sc = score_article(g, rec, {})
        assert (sc.places_right, sc.places_geo_total, sc.places_geo_near) == (1, 1, near)


def test_forbidden_events_rule_without_actor_text_and_uncoded_actors(tmp_path):
    """A machine-read forbidden rule needs no `actor_text`; an event whose source was not
    coded is not the forbidden source (no hit), while the named one is."""
    (tmp_path / "b.fr.txt").write_text("Un.", encoding="utf-8")
    gold = {"article": {"file": "b.fr.txt", "published": "2016-05-24"},
            "forbidden_events": [{"type": "ASSAULT", "source": {"actor": "USA GOV"}, "why": "no attack"}]}
    path = tmp_path / "b.expected.yaml"
    path.write_text(yaml.safe_dump(gold, allow_unicode=True), encoding="utf-8")
    g = load_gold(path)
    uncoded = ArticleRecord("b", "fr", "2016-05-24", events=[_event(1, "ASSAULT", None, REB)])
    assert score_article(g, uncoded, {}).forbidden_hits == []
    coded = ArticleRecord("b", "fr", "2016-05-24", events=[_event(1, "ASSAULT", USA, REB)])
    assert [h for h in score_article(g, coded, {}).forbidden_hits if "no attack" in h]


def test_matching_is_one_to_one_and_maximal():
    """Gold A accepts predictions 0 and 1, gold B only 0: a greedy matcher gives 0 to A and
    misses B; the largest matching gives 1 to A and 0 to B."""
    from quiquoi.evaluate.scorer import best_matching
    golds = ["A", "B"]
    preds = ["p0", "p1"]
    ok = {("A", "p0"), ("A", "p1"), ("B", "p0")}
    pairs = best_matching(golds, preds, lambda g, p: (g, p) in ok)
    assert pairs == {0: 1, 1: 0}
    # an earlier gold is never given up for a later one
    assert best_matching(["A", "B"], ["p0"], lambda g, p: True) == {0: 0}


def test_coordinated_gold_actor_covers_one_event_per_actor(tmp_path: Path):
    """The contract codes "X et Y ont été arrêtés" as two events; a gold event written with
    both names counts once, and its second event is no extra. Another actor still is."""
    (tmp_path / "a.fr.txt").write_text("Un.", encoding="utf-8")
    gold = {"article": {"file": "a.fr.txt", "published": "2017-08-01"},
            "events": [{"sentence": 1, "level": "must", "type": "COERCE",
                        "target": {"name": "Leopoldo Lopez et Antonio Ledezma", "actor": "VEN OPP"}}]}
    path = tmp_path / "a.expected.yaml"
    path.write_text(yaml.safe_dump(gold, allow_unicode=True), encoding="utf-8")
    g = load_gold(path)
    lopez = Actor("Leopoldo Lopez", "Leopoldo Lopez", "VEN", "OPP", "VENOPP")
    ledezma = Actor("Antonio Ledezma", "Antonio Ledezma", "VEN", "OPP", "VENOPP")
    other = Actor("Henrique Capriles", "Henrique Capriles", "VEN", "OPP", "VENOPP")
    rec = ArticleRecord("a", "fr", "2017-08-01", events=[_event(1, "COERCE", None, lopez),
                                                          _event(1, "COERCE", None, ledezma),
                                                          _event(1, "COERCE", None, other)])
    sc = score_article(g, rec, {})
    assert (sc.events.tp, sc.events.fp, sc.events.fn) == (1, 1, 0)
    assert any("Capriles" in x for x in sc.extras)
