"""An act said not to come about is negated: a verb of failure ("échouer à"), or a verb of
ability or success that is itself negated ("ne peut pas", "n'est pas parvenu à"); a denied
possibility is no longer hypothetical, unless it is in the conditional. The words come from
lang/fr/modality.yaml (failure_verbs). Sentences written for the test."""
import pytest

from conftest import only_event


@pytest.mark.parametrize("text, etype, negated, modality", [
    ("Les rebelles ont échoué à prendre la ville de Marib.", "COERCE", True, "asserted"),
    ("Les rebelles n'arrivent pas à prendre la ville de Marib.", "COERCE", True, "asserted"),
    ("Les rebelles ont pris la ville de Marib.", "COERCE", False, "asserted"),
    ("« Nous ne pouvons pas accepter ce scrutin », a déclaré le chef de l'opposition guinéenne.",
     "AGREE", True, "asserted"),
    ("Le gouvernement russe ne pourrait pas accepter les sanctions américaines.", "AGREE", True, "hypothetical"),
    ("Le gouvernement russe peut accepter les sanctions américaines.", "AGREE", False, "hypothetical"),
])
def test_an_act_that_did_not_come_about_is_negated(code, text, etype, negated, modality):
    e = only_event(code, text, etype)
    assert (e.negated, e.modality) == (negated, modality)
