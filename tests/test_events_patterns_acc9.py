"""Event patterns added on 2026-12-07 (evening session)."""


def _code(actor):
    return actor.code if actor else None


# -- complements the parser hangs on a date inside an event noun ------------------------------
def test_agent_hung_on_a_date_inside_an_event_noun(code):
    evs = code("Le Mali a expulsé dix ressortissants, en représailles aux expulsions en juin "
               "par l'Algérie de 30 Maliens.").events
    nominal = [e for e in evs if e.trigger.text == "expulsions"]
    assert nominal and _code(nominal[0].source) == "DZAGOV"

