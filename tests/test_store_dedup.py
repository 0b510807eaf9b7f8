"""When two mentions are one event: the rules of quiquoi/store/dedup.py (no model needed)."""
from datetime import date

from quiquoi.store import dedup
from quiquoi.store.rows import content_hash, locate_sentence, mention_row


def m(date_="2016-05-23", precision="day", place=None, **kw):
    ev = {"type": "REQUEST", "cameo": "020", "goldstein": 3.0, "sentence": 1, "paragraph": 1,
          "text": "Kerry a exhorté Lavrov.", "trigger": {"text": "exhorté", "start": 8, "end": 15},
          "source": {"code": "USAGOV", "name": "John Kerry", "country": "USA", "role": "GOV"},
          "target": {"code": "RUSGOV", "name": "Sergueï Lavrov", "country": "RUS", "role": "GOV"},
          "date": date_, "date_precision": precision, "modality": "asserted", "negated": False,
          "place": {"name": place, "country": "AUT"} if place else None}
    ev.update(kw)
    row = mention_row(ev, "Kerry a exhorté Lavrov.", "a", date(2016, 5, 24))
    row["event_id"] = kw.get("event_id", 1)
    return row


def test_same_day_merges_other_day_does_not():
    assert dedup.best_match(m(), [m()]) is not None
    assert dedup.best_match(m("2016-05-22"), [m()]) is None


def test_reported_dates_merge_within_one_day():
    assert dedup.best_match(m("2016-05-24", "reported"), [m("2016-05-23")]) is not None
    assert dedup.best_match(m("2016-05-25", "reported"), [m("2016-05-23")]) is None
    assert dedup.best_match(m("2016-05-25", "reported"), [m("2016-05-24", "reported")]) is not None


def test_coarse_precisions_need_the_same_period():
    assert dedup.best_match(m("2016-W20", "week"), [m("2016-W20", "week")]) is not None
    assert dedup.best_match(m("2016-W20", "week"), [m("2016-W21", "week")]) is None
    assert dedup.best_match(m("2016-05", "month"), [m("2016-05-23")]) is None
    assert dedup.period_start("2016-W20", "week") == date(2016, 5, 16)
    assert dedup.period_start("2016-02", "month") == date(2016, 2, 1)
    assert dedup.period_start("2016", "year") == date(2016, 1, 1)


def test_actors_type_modality_negation_and_place_must_agree():
    base = m()
    assert dedup.best_match(m(target=None), [base]) is None
    assert dedup.best_match(m(type="REJECT", cameo="120"), [base]) is None
    assert dedup.best_match(m(modality="refused"), [base]) is None
    assert dedup.best_match(m(negated=True), [base]) is None
    assert dedup.best_match(m(place="Vienne"), [m(place="Genève")]) is None
    assert dedup.best_match(m(place="Vienne"), [base]) is not None       # one place unknown


def test_closest_candidate_wins():
    near = m("2016-05-24", "reported", event_id=7)
    far = m("2016-05-25", "reported", event_id=3)
    assert dedup.best_match(m("2016-05-24", "reported"), [far, near])["event_id"] == 7


def test_confidence_prefers_resolved_actors_and_explicit_dates():
    assert dedup.confidence(m()) > dedup.confidence(m(target=None))
    assert dedup.confidence(m()) > dedup.confidence(m("2016-05-24", "reported"))
    assert dedup.confidence(m(place="Vienne")) > dedup.confidence(m())


def test_quad_class_from_cameo_root():
    assert dedup.quad_class("020") == 1 and dedup.quad_class("0871") == 2
    assert dedup.quad_class("112") == 3 and dedup.quad_class("190") == 4 and dedup.quad_class(None) is None


def test_sentence_offsets_and_hash():
    text = "Titre.\n\nKerry a exhorté Lavrov. Lavrov a refusé."
    assert locate_sentence(text, "Lavrov a refusé.", 35) == text.index("Lavrov a refusé.")
    assert locate_sentence(text, "absent", 3) is None
    assert content_hash("a", "2016-05-24") == content_hash("a", date(2016, 5, 24)) != content_hash("a", None)


def test_undated_mentions_never_merge():
    assert dedup.best_match(m(None, None), [m(None, None)]) is None
    lo, hi = dedup.candidate_days([m("2016-05-23"), m("2016-05-24", "reported"), m(None, None)])
    assert (lo, hi) == (date(2016, 5, 22), date(2016, 5, 25))
    assert dedup.candidate_days([m(None, None)]) is None
