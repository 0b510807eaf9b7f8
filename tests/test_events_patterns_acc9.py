"""Event patterns added on 2026-12-07 (evening session)."""
from conftest import actor_code as _code


# -- complements the parser hangs on a date inside an event noun ------------------------------
def test_agent_hung_on_a_date_inside_an_event_noun(code):
    evs = code("Le Mali a expulsé dix ressortissants, en représailles aux expulsions en juin "
               "par l'Algérie de 30 Maliens.").events
    nominal = [e for e in evs if e.trigger.text == "expulsions"]
    assert nominal and _code(nominal[0].source) == "DZAGOV"


# -- "à l'appel de X": who called the demonstration is a source of it ----------------------------
def test_caller_of_a_demonstration_is_a_source_of_it(code):
    evs = code("Des milliers de personnes ont défilé dimanche à Lyon à l'appel des syndicats.").events
    protests = [e for e in evs if e.type == "PROTEST"]
    assert sorted(e.source.role for e in protests) == ["CVL", "LAB"]
    assert all(e.trigger.text == "défilé" for e in protests)
    # the call is the organising of the march, not a request of its own
    assert not [e for e in evs if e.trigger.text == "appel"]


def test_cgt_is_a_french_union(code):
    evs = code("Samedi, à l'appel de la CGT, 4.000 personnes ont manifesté à Paris.").events
    assert "FRALAB" in {e.source.code for e in evs if e.type == "PROTEST" and e.source}


# -- a purpose with no subject of its own is the doer's intent; with one, a wish of another ------
def test_purpose_of_ones_own_act_is_an_intent(code):
    evs = code("Les forces de Damas ont mis les bouchées doubles pour reprendre ce dernier bastion rebelle.").events
    retake = [e for e in evs if e.trigger.text == "reprendre"]
    assert retake and retake[0].modality == "proposed"


def test_purpose_clause_with_its_own_subject_is_wanted_of_another(code):
    evs = code("Washington fait pression sur Damas pour qu'il autorise l'accès humanitaire.").events
    allowed = [e for e in evs if e.trigger.text == "autorise"]
    assert allowed and allowed[0].modality == "requested"


# -- "juger X illégal": a damning opinion accuses; a bare one is no event, a trial is COERCE -----
def test_damning_opinion_accuses_the_author(code):
    evs = code("Le gouvernement iranien a jugé la décision de Washington illégale.").events
    assert [(e.type, _code(e.source), _code(e.target)) for e in evs] == [("ACCUSE", "IRNGOV", "USAGOV")]


def test_neutral_opinion_is_no_accusation(code):
    evs = code("Le gouvernement iranien a jugé la proposition de Washington intéressante.").events
    assert not [e for e in evs if e.type == "ACCUSE"]


def test_trial_is_still_a_trial(code):
    evs = code("Le tribunal a jugé trois militants de l'opposition.").events
    assert [e.type for e in evs if e.trigger.text == "jugé"] == ["COERCE"]


# -- an object relative stands for its antecedent ------------------------------------------------
def test_object_relative_stands_for_its_antecedent(code):
    evs = code("Les dirigeants européens ont dénoncé la réélection d'Alexandre Loukachenko, "
               "qu'ils jugent frauduleuse.").events
    judged = [e for e in evs if e.trigger.text == "jugent"]
    assert judged and judged[0].type == "ACCUSE" and _code(judged[0].target) == "BLRGOV"


def test_opinion_on_a_thing_is_no_trial(code):
    assert not code("Le ministre a jugé la situation préoccupante.").events
    evs = code("Le tribunal de Paris a jugé l'ancien ministre pour corruption.").events
    assert [(e.type, e.source.role) for e in evs] == [("COERCE", "JUD")]


def test_a_court_trying_someone_unnamed_is_a_trial(code):
    evs = code("L'accusé, jugé par la cour d'assises de Paris, nie tout.").events
    assert [(e.cameo, e.source.role) for e in evs if e.trigger.text == "jugé"] == [("173", "JUD")]
