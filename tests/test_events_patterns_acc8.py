"""Eighth round of general French patterns behind the event coder's accuracy: one test per
pattern, on short sentences written for the test (none taken from the evaluation articles)."""
import pytest
from conftest import events_of as _events


def _codes(evs):
    return {(e.source.code if e.source else None, e.target.code if e.target else None) for e in evs}


# -- "Les soldats ont arrêté et frappé des manifestants": one object for two verbs --------
@pytest.mark.parametrize("text, trigger, target", [
    ("Les soldats ont arrêté et frappé des manifestants.", "arrêté", "des manifestants"),
    ("La police a interpellé puis relâché trois opposants.", "interpellé", "trois opposants"),
])
def test_coordinated_verbs_share_the_object_after_the_last(code, text, trigger, target):
    evs = [e for e in code(text).events if e.trigger.text == trigger]
    assert evs and evs[0].target is not None and evs[0].target.text == target
    # a verb with an object of its own keeps it
    own = [e for e in code("Les soldats ont arrêté le journaliste et frappé des manifestants.").events
           if e.trigger.text == "arrêté"]
    assert all(e.target is None or e.target.text != "des manifestants" for e in own)


# -- "À Vienne, Londres, Paris et Berlin ont dénoncé": a subject the fronted adjunct swallowed
def test_subject_swallowed_by_a_fronted_place_adjunct(code):
    evs = _events(code, "Lors du sommet à Bruxelles, Paris et Berlin ont condamné la Russie.", "ACCUSE")
    assert _codes(evs) == {("FRAGOV", "RUSGOV"), ("DEUGOV", "RUSGOV")}
    # with a subject of its own, the place list stays a place list
    evs = _events(code, "Lors du sommet à Bruxelles, Paris et Berlin, les ministres ont condamné la Russie.",
                  "ACCUSE")
    assert all(e.source is None or e.source.code not in ("FRAGOV", "DEUGOV") for e in evs)


def test_parenthesised_name_of_the_swallowed_group_is_the_subject(code):
    evs = _events(code, "Au cours des débats à Vienne, Londres, Paris et Berlin (E3) ont dénoncé "
                        "les activités nucléaires de l'Iran.", "ACCUSE")
    assert evs and {e.source.text for e in evs if e.source} == {"E3"}


# -- "se protéger du virus": a reflexive protection aids no one ------------------------------
def test_reflexive_protection_is_no_aid(code):
    assert not _events(code, "Les manifestants portaient un masque pour se protéger du virus.", "AID")
    assert _events(code, "La France protégera le gouvernement malien.", "AID")


# -- "imposer une nouvelle série de sanctions": a noun of quantity before the act's noun ----
@pytest.mark.parametrize("text", [
    "L'Union européenne a imposé une nouvelle série de sanctions contre la Russie.",
    "Washington a imposé un nouveau train de sanctions contre Moscou.",
])
def test_quantity_noun_passes_the_object_on_to_the_act(code, text):
    evs = _events(code, text, "SANCTION")
    assert evs and all(e.source is not None for e in evs), [(e.source, e.trigger.text) for e in evs]


# -- "un couvre-feu a été décrété à Santiago": the place is where, the state does it ---------
def test_curfew_place_is_no_target_and_agentless_curfew_is_the_state_s(code):
    evs = _events(code, "Le gouvernement chilien a décrété un couvre-feu à Santiago.", "COERCE")
    assert evs and all(e.target is None for e in evs)
    text = ("Les manifestations se poursuivent au Chili. Le président chilien a dénoncé les pillages. "
            "Un couvre-feu a été décrété à Santiago.")
    evs = [e for e in code(text).events if e.trigger.text == "décrété"]
    assert evs and evs[0].source is not None and evs[0].source.code == "CHLGOV" and evs[0].target is None


# -- "la décision de Washington d'imposer des sanctions": the decision's owner does it -------
def test_owner_of_a_decision_does_its_infinitive(code):
    evs = _events(code, "Le Kremlin a dénoncé la décision de Washington d'imposer des sanctions.", "SANCTION")
    assert evs and all(e.source is not None and e.source.code == "USAGOV" for e in evs)
    # with no owner, those who denounce an attempt do not make it
    evs = [e for e in code("Plusieurs ministres russes ont dénoncé une tentative de censurer la presse.").events
           if e.trigger.text == "censurer"]
    assert all(e.source is None for e in evs)
