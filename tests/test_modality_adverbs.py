"""An adverb of likelihood on the verb ("probablement", "peut-être") makes the act
hypothetical: the text does not establish it (hypothetical_markers.adverbs in
lang/fr/modality.yaml). Sentences written for the test."""
import pytest


@pytest.mark.parametrize("text, modality", [
    ("Moscou a probablement bombardé Alep.", "hypothetical"),
    ("L'armée a peut-être tiré sur les manifestants.", "hypothetical"),
    ("Moscou a bombardé Alep.", "asserted"),
    ("Moscou a encore bombardé Alep.", "asserted"),
])
def test_an_adverb_of_likelihood_makes_the_act_hypothetical(code, text, modality):
    evs = [e for e in code(text, published="2024-04-12").events if e.type == "ASSAULT"]
    assert len(evs) == 1 and evs[0].modality == modality
