"""Hearsay: "selon X", "d'après X", "à en croire X", "apparemment" make an act reported
(told by someone, not established by the reporter). The words come from
lang/fr/modality.yaml (reported_markers, governors.reported). Sentences written for the
test."""
import pytest


@pytest.mark.parametrize("text, modality", [
    ("Selon l'OSDH, l'armée syrienne a bombardé la ville de Homs.", "reported"),
    ("D'après l'OSDH, l'armée syrienne a bombardé la ville de Homs.", "reported"),
    ("À en croire l'OSDH, l'armée syrienne a bombardé la ville de Homs.", "reported"),
    ("L'armée syrienne a apparemment bombardé la ville de Homs.", "reported"),
    ("L'armée syrienne a officiellement bombardé la ville de Homs.", "asserted"),
    ("L'armée syrienne a bombardé la ville de Homs.", "asserted"),
])
def test_hearsay_makes_an_act_reported(code, text, modality):
    (e,) = [e for e in code(text, published="2016-10-05").events if e.type == "ASSAULT"]
    assert e.modality == modality
