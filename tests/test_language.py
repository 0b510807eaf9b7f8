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


# the same news in other languages a feed may carry (written for this test)
OTHERS = {
    "es": "El ministro de Asuntos Exteriores ruso se reunió el lunes en Ginebra con su homólogo "
          "estadounidense para discutir el alto el fuego en Siria, al sur del país, dijeron.",
    "ca": "El ministre d'Afers Exteriors rus es va reunir dilluns a Ginebra amb el seu homòleg "
          "nord-americà per parlar de l'alto el foc a Síria, segons van dir els funcionaris.",
    "it": "Il ministro degli Esteri russo ha incontrato lunedì a Ginevra il suo omologo americano "
          "per discutere del cessate il fuoco in Siria, ne hanno parlato i funzionari.",
    "pt": "O ministro dos Negócios Estrangeiros russo reuniu-se na segunda-feira em Genebra com o "
          "seu homólogo americano para discutir o cessar-fogo na Síria, disseram.",
    "nl": "De Russische minister van Buitenlandse Zaken heeft maandag pas in Genève zijn "
          "Amerikaanse ambtgenoot ontmoet om het staakt-het-vuren in Syrië te bespreken.",
    "de": DE, "en": EN,
}


def _french_words():
    from quiquoi.lang import load_language
    cfg = load_language("fr").config
    return frozenset(cfg["language_own_words"]), int(cfg["language_own_min"])


def test_french_function_words_settle_french_without_the_model(monkeypatch):
    import quiquoi.language as lid
    words, least = _french_words()
    monkeypatch.setattr(lid, "_identifier", lambda: (_ for _ in ()).throw(AssertionError("model used")))
    assert identify(FR, expected="fr", own_words=words, own_min=least) == ("fr", 1.0)


def test_no_other_language_reaches_the_french_function_word_count():
    words, least = _french_words()
    import re
    for lang, text in OTHERS.items():
        seen = {w for w in re.findall(r"\w+", text[:QUICK_CHARS].lower()) if w in words}
        assert len(seen) < least, (lang, seen)
        assert identify(text, expected="fr", own_words=words, own_min=least)[0] == lang


def test_too_few_function_words_leave_it_to_the_model(monkeypatch):
    import quiquoi.language as lid
    words, least = _french_words()
    calls = []
    real = lid._identifier

    def spy():
        calls.append(1)
        return real()

    monkeypatch.setattr(lid, "_identifier", spy)
    text = "Vladimir Poutine et Recep Tayyip Erdogan à Sotchi : accord sur Idleb, selon Moscou."
    assert identify(text, expected="fr", own_words=words, own_min=least)[0] == "fr"
    assert calls      # one function word ("selon") is not enough: the model decided


def test_dispatch_dates_count_as_french_words(monkeypatch):
    # a dateline and a weekday are often all a wire dispatch's first lines share with French
    # grammar; without them the model had to be asked for a third of the corpus
    import quiquoi.language as lid
    words, least = _french_words()
    monkeypatch.setattr(lid, "_identifier", lambda: (_ for _ in ()).throw(AssertionError("model used")))
    text = ("BERLIN, 12 octobre (Reuters) - Le président Alexandre Loukachenko a reçu jeudi "
            "l'ambassadeur de Russie, deux jours après les élections. " * 3)
    assert identify(text, expected="fr", own_words=words, own_min=least) == ("fr", 1.0)
