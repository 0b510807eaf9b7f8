"""The event stage: predicates, their actors from the tree, negation and modality."""
import pytest


@pytest.fixture(scope="module")
def events(coder):
    def run(text, published="2016-05-24"):
        return coder.code(text, published=published).events
    return run


def _one(evs, type_):
    found = [e for e in evs if e.type == type_]
    assert found, f"no {type_} in {[(e.type, e.trigger.text) for e in evs]}"
    return found[0]


def _code(actor):
    return actor.code if actor else None


def test_passive_agent_is_the_source(events):
    e = _one(events("L'offre a été rejetée par le Pentagone."), "REJECT")
    assert _code(e.source) == "USAMIL" and e.cameo.startswith("12")


def test_indirect_object_request_and_controlled_infinitive(events):
    evs = events("Le ministre russe a demandé à Washington de lever les sanctions contre Moscou.")
    req = _one(evs, "REQUEST")
    assert (_code(req.source), _code(req.target)) == ("RUSGOV", "USAGOV")
    assert req.goldstein == pytest.approx(float(req.goldstein))


def test_coordinated_sources_give_one_event_each(events):
    evs = [e for e in events("La France et l'Allemagne ont condamné la Russie.") if e.type == "ACCUSE"]
    assert {_code(e.source) for e in evs} == {"FRAGOV", "DEUGOV"}
    assert {_code(e.target) for e in evs} == {"RUSGOV"}


def test_negation(events):
    e = _one(events("La Russie n'a pas attaqué l'Ukraine."), "ASSAULT")
    assert e.negated and (_code(e.source), _code(e.target)) == ("RUSGOV", "UKRGOV")
    assert not _one(events("La Russie a attaqué l'Ukraine."), "ASSAULT").negated


def test_hypothetical_and_requested(events):
    e = _one(events("La Turquie pourrait attaquer les forces syriennes."), "ASSAULT")
    assert e.modality == "hypothetical"
    evs = events("Washington a exhorté Moscou à faire pression sur Damas.")
    press = [e for e in evs if e.trigger.text == "faire"]
    assert press and press[0].modality == "requested" and _code(press[0].source) == "RUSGOV"


def test_source_stays_null_when_unknown(events):
    e = _one(events("Des frappes aériennes ont visé le gouvernement syrien à Alep."), "ASSAULT")
    assert e.source is None


def test_nominal_event_with_complements(events):
    e = _one(events("Les frappes de la Russie contre les rebelles syriens continuent."), "ASSAULT")
    assert (_code(e.source), e.target.country, e.target.role) == ("RUSGOV", "SYR", "REB")


def test_present_tense_the_model_does_not_lemmatise(events):
    e = _one(events("Le régime syrien bombarde les quartiers rebelles."), "ASSAULT")
    assert _code(e.source) == "SYRGOV"


def test_symmetric_meeting(events):
    evs = [e for e in events("Vladimir Poutine a rencontré Recep Tayyip Erdogan à Sotchi.") if e.type == "CONSULT"]
    pairs = {(_code(e.source), _code(e.target)) for e in evs}
    assert ("RUSGOV", "TURGOV") in pairs


def test_date_and_place_of_the_clause(events):
    e = _one(events("Le régime syrien a bombardé lundi des positions rebelles à Alep."), "ASSAULT")
    assert (e.date, e.date_precision, e.date_text) == ("2016-05-23", "day", "lundi")
    assert [(p["text"], p["country"]) for p in e.places] == [("Alep", "SYR")]
    assert e.place["name"] == "Aleppo"


def test_plover_and_cameo_agree(events, coder):
    from quiquoi.lang import cameo_table
    table = cameo_table()
    for e in events("La France a condamné l'attaque. Le Pentagone a rejeté l'offre. Les manifestants ont protesté."):
        assert table[e.cameo]["plover_type"] == e.type
        assert table[e.cameo]["goldstein"] == e.goldstein


def test_first_person_inside_a_quote_is_the_speaker(events):
    evs = events("«Nous condamnons fermement l'attaque de la Russie», a déclaré le ministre français "
                 "des Affaires étrangères.")
    e = _one(evs, "ACCUSE")
    assert _code(e.source) == "FRAGOV" and _code(e.target) == "RUSGOV"
