"""An act told again without its doer, after its full report, is the same event."""
from quiquoi.events.restated import drop_restated, same_actor
from quiquoi.model import Actor, Event, Span


def _actor(name, code, kind="person"):
    return Actor(text=name, name=name, code=code, kind=kind, country=code[:3] if len(code) > 3 else None)


def _event(sentence, type_, source, target, negated=False):
    return Event(sentence=sentence, paragraph=sentence, text="", type=type_, mode=None, cameo="173",
                 goldstein=-5.0, source=source, target=target, trigger=Span("x", 0, 1), negated=negated)


POLICE = _actor("police", "ZMBCOP", "group")
HH = _actor("Hakainde Hichilema", "ZMBOPP")


def test_sourceless_restatement_of_a_sourced_act_is_dropped():
    full = _event(1, "COERCE", POLICE, HH)
    again = _event(2, "COERCE", None, HH)
    assert drop_restated([full, again]) == [full]


def test_other_acts_and_other_actors_stay():
    full = _event(1, "COERCE", POLICE, HH)
    other_person = _event(2, "COERCE", None, _actor("Jack Mwiimbu", "ZMBOPP"))
    other_type = _event(2, "ACCUSE", None, HH)
    negated = _event(2, "COERCE", None, HH, negated=True)
    same_sentence = _event(1, "COERCE", None, HH)
    before = _event(1, "COERCE", None, HH)
    evs = [before, full, other_person, other_type, negated, same_sentence]
    assert drop_restated(evs) == evs


def test_groups_are_the_same_by_code_persons_by_name():
    assert same_actor(_actor("41 diplomates russes", "RUSGOV", "group"), _actor("diplomates russes", "RUSGOV", "group"))
    assert not same_actor(_actor("Leopoldo Lopez", "VENOPP"), _actor("Antonio Ledezma", "VENOPP"))
    # a bare role with no country is too vague to be one actor
    assert not same_actor(_actor("des femmes", "CVL", "group"), _actor("des passants", "CVL", "group"))


def test_restated_arrest_in_an_article(code):
    rec = code("L'opposant Hakainde Hichilema a été arrêté mardi par la police zambienne. "
               "« Il est détenu à Lusaka », a expliqué son avocat.")
    arrests = [e for e in rec.events if e.type == "COERCE"]
    assert len(arrests) == 1 and arrests[0].source is not None and arrests[0].source.role == "COP"
