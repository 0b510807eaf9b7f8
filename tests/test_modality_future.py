"""An act told in the future is announced, not done (proposed); "en cas de", "au risque de"
make the act they introduce hypothetical. The words come from lang/fr/modality.yaml
(future_markers, hypothetical_markers.prepositions). Sentences written for the test."""
import pytest

from conftest import only_event


@pytest.mark.parametrize("text, etype, trigger, modality", [
    ("La Turquie lancera une offensive contre les milices kurdes.", "ASSAULT", None, "proposed"),
    ("Moscou va livrer des missiles à l'Iran.", "AID", None, "proposed"),
    ("Le gouvernement allait subventionner les agriculteurs maliens.", "AID", None, "proposed"),
    ("Moscou a livré des missiles à l'Iran.", "AID", None, "asserted"),
    ("La Russie fournit des missiles à l'Iran.", "AID", None, "asserted"),
    ("Les États-Unis frapperont la Syrie si le régime utilise des armes chimiques.", "ASSAULT", "frapperont",
     "hypothetical"),
])
def test_an_act_in_the_future_is_announced(code, text, etype, trigger, modality):
    assert only_event(code, text, etype, trigger).modality == modality


def test_an_attack_in_case_of_is_hypothetical(code):
    text = "Les États-Unis ont menacé la Syrie de sanctions en cas d'une nouvelle attaque chimique du régime syrien."
    assert only_event(code, text, "ASSAULT").modality == "hypothetical"
    assert only_event(code, "Le régime syrien a lancé une attaque chimique contre la Ghouta.", "ASSAULT").modality \
        == "asserted"


def test_a_quoted_first_person_future_is_still_a_threat_made_now(code):
    # (config announced_threats: "« on manifestera »" is a threat to protest, made when said)
    evs = code("« On ne se soumettra pas, on manifestera », a ajouté le chef de l'opposition guinéenne.").events
    (e,) = [e for e in evs if e.trigger.text == "manifestera"]
    assert e.type == "THREATEN" and e.modality == "asserted"


@pytest.mark.parametrize("text, modality", [
    ("La Russie pourrait continuer de bombarder Alep.", "asserted"),     # it goes on now
    ("Moscou pourrait bombarder Alep.", "hypothetical"),
])
def test_an_act_that_goes_on_is_asserted_whatever_governs_its_continuation(code, text, modality):
    # (modality.yaml continuation_verbs)
    assert only_event(code, text, "ASSAULT").modality == modality


def test_who_travels_to_meet_someone_is_the_one_who_meets(code):
    # "à Moscou" after a visit is where, not who meets ("donner à X un prétexte pour attaquer"
    # keeps X as the one who attacks: dev article diplo-abbas-hamas-rafah)
    evs = code("Le président américain se rendra lundi à Moscou pour rencontrer Vladimir Poutine.").events
    meets = [(e.source.code, e.target.name) for e in evs if e.trigger.text == "rencontrer" and e.source is not None]
    assert ("USAGOV", "Vladimir Poutine") in meets
    assert all("Moscou" not in e.source.text for e in evs if e.trigger.text == "rencontrer" and e.source)
