"""Lexicon senses added from a reading of corpus output: feminine diplomats, and figurative uses
that are no events. Sentences written for the test."""
import pytest


def test_recalling_or_summoning_an_ambassadress_is_the_diplomatic_act(code):
    rec = code("La France a rappelé son ambassadrice en Azerbaïdjan.", published="2024-04-16")
    ev = next(e for e in rec.events if e.trigger.text == "rappelé")
    assert (ev.cameo, ev.source.code, ev.target.code) == ("161", "FRAGOV", "AZEGOV")
    rec = code("Moscou a convoqué l'ambassadrice de France.", published="2024-04-16")
    assert [e.cameo for e in rec.events if e.trigger.text == "convoqué"] == ["114"]


@pytest.mark.parametrize("text", [
    "Le chef de l'Etat, qui tire sa légitimité du peuple, a parlé.",
    "Le candidat réunit 4,5 % des intentions de vote.",
    "« C'est pour éviter que je me barre », a dit le ministre.",
])
def test_figurative_uses_are_no_events(code, text):
    assert code(text, published="2019-01-01").events == []


@pytest.mark.parametrize("text, cameo", [
    ("L'armée a tiré sur les manifestants.", "190"),
    ("Le président a réuni les chefs des partis.", "044"),
    ("Les manifestants ont barré la route.", "144"),
])
def test_the_plain_senses_stay(code, text, cameo):
    assert [e.cameo for e in code(text, published="2019-01-01").events] == [cameo]
