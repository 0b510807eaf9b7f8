"""An intent, offer or plan that is itself negated declines the act it governs (modality
'refused'), whether a verb or a light verb's noun says it. Sentences written for the test."""
import pytest


@pytest.mark.parametrize("text, modality", [
    ("La France ne veut pas discuter avec la Russie.", "refused"),
    ("Paris n'a aucune intention de négocier avec Moscou.", "refused"),
    ("Paris n'a plus intérêt à discuter avec Moscou.", "refused"),
    ("La France veut discuter avec la Russie.", "proposed"),
    ("Paris a l'intention de négocier avec Moscou.", "proposed"),
])
def test_negated_intent_declines_the_act(code, text, modality):
    evs = [e for e in code(text, published="2024-04-12").events if e.type == "CONSULT"]
    assert evs and {e.modality for e in evs} == {modality}
