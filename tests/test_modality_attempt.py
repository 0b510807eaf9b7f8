"""An attempt is the act done, coded as what was attempted ("ont tenté de tuer le président":
an attempted assassination, CAMEO 185, not a killing); seeking to do it is an intent. The
words come from lang/fr/modality.yaml (attempt_verbs, attempt_codes, governors.proposed).
Sentences written for the test."""
import pytest


def _events(code, text):
    return [e for e in code(text, published="2024-04-12").events]


@pytest.mark.parametrize("text, cameo", [
    ("Des hommes armés ont tenté de tuer le président malien.", "185"),
    ("Les rebelles ont tenté d'assassiner le président malien.", "185"),
    ("Les rebelles ont essayé de prendre la ville de Marib.", "190"),
])
def test_an_attempt_is_coded_as_the_attempt(code, text, cameo):
    evs = _events(code, text)
    assert [(e.cameo, e.modality, e.negated) for e in evs] == [(cameo, "asserted", False)]


def test_an_attempted_assassination_keeps_its_target(code):
    (e,) = _events(code, "Des hommes armés ont tenté de tuer le président malien.")
    assert e.type == "ASSAULT" and e.target is not None and e.target.code == "MLIGOV"


def test_a_done_act_keeps_its_code(code):
    (e,) = _events(code, "Des hommes armés ont tué le président malien.")
    assert e.cameo == "1823"


def test_seeking_to_do_is_an_intent(code):
    (e,) = _events(code, "L'opposition cherche à renverser le gouvernement.")
    assert e.modality == "proposed"
