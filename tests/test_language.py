"""Language identification: the quick look never accepts a text of another language."""
from quiquoi.language import QUICK_CHARS, identify

FR = ("Le ministre des Affaires étrangères a exhorté lundi Moscou à faire pression sur le régime "
      "syrien pour qu'il cesse de bombarder l'opposition, a indiqué le porte-parole du département "
      "d'État lors de son point de presse quotidien à Washington. ") * 3
EN = ("The foreign minister urged Moscow on Monday to press the Syrian government to stop bombing "
      "the opposition, the State Department spokesman told reporters at his daily briefing. ") * 3
DE = ("Der Außenminister forderte Moskau am Montag auf, Druck auf die syrische Regierung auszuüben, "
      "damit sie die Bombardierung der Opposition einstellt, sagte der Sprecher. ") * 3


def test_expected_language_is_found_on_the_quick_sample():
    assert len(FR) > QUICK_CHARS
    lang, prob = identify(FR, expected="fr")
    assert lang == "fr" and prob >= 0.99
    assert identify(FR)[0] == "fr"


def test_other_languages_are_named_even_when_french_is_expected():
    assert identify(EN, expected="fr")[0] == "en"
    assert identify(DE, expected="fr")[0] == "de"
