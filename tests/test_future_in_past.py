"""The conditional: the model's misread conditionals put right (nlp/repairs.py), a future told
from the past (events/modality.py future_in_past, events/extractor.py _told_future), the
journalistic conditional with its source, and the negation of an act taken part in. The
words come from lang/fr/config.yaml (conditional_*) and lang/fr/modality.yaml
(future_in_past, participation_verbs). Sentences written for the test."""
import pytest

from quiquoi.nlp.repairs import _future_stems


def _mood(coder, text, word):
    return next(t for t in coder.nlp(text) if t.text == word).morph.get("Mood")


@pytest.mark.parametrize("text, word", [
    ("Le ministre a affirmé que la Russie bombarderait Alep.", "bombarderait"),
    ("Il a dit que les rebelles ne participeraient pas aux négociations.", "participeraient"),
    ("Washington a prévenu que les États-Unis frapperaient la Syrie et interviendraient.", "interviendraient"),
    ("Ils prendraient la ville si la trêve était rompue.", "prendraient"),
])
def test_a_conditional_the_model_reads_as_an_indicative_is_a_conditional(coder, text, word):
    assert _mood(coder, text, word) == ["Cnd"]


@pytest.mark.parametrize("text, word", [
    ("Les soldats tiraient sur la foule.", "tiraient"),
    ("Les manifestants entraient dans la ville.", "entraient"),
    ("Il courait vers la frontière.", "courait"),
])
def test_an_imperfect_stays_an_imperfect(coder, text, word):
    assert _mood(coder, text, word) == ["Ind"]


def test_future_stems_come_from_the_infinitive_or_the_data(coder):
    stems = coder.data.config["conditional_stems"]
    endings = sorted(coder.data.config["conditional_stem_endings"].items(), key=lambda kv: -len(kv[0]))
    assert _future_stems("bombarder", stems, endings) == {"bombarder"}
    assert _future_stems("prendre", stems, endings) == {"prendr"}
    assert "interviendr" in _future_stems("intervenir", stems, endings)
    assert "ser" in _future_stems("être", stems, endings)


def _events(code, text, published="2016-05-24"):
    return code(text, published=published).events


def test_a_negated_future_of_the_speakers_own_side_is_refused_by_the_speaker(code):
    evs = _events(code, "Le ministre russe des Affaires étrangères a affirmé que Moscou ne participerait pas "
                        "aux négociations de Genève.")
    talks = next(e for e in evs if e.trigger.text == "négociations")
    assert talks.negated and talks.modality == "refused"
    rejection = next(e for e in evs if e.type == "REJECT")
    assert rejection.trigger.text == "affirmé" and rejection.cameo == "124"     # CONSULT refused
    assert rejection.source.code == "RUSGOV" and rejection.modality == "asserted" and not rejection.negated


def test_there_would_be_none_said_by_an_official_is_a_rejection(code):
    text = ("Le porte-parole du département d'État, Mark Toner, a réaffirmé qu'il n'y aurait pas "
            "d'opérations conjointes avec l'armée russe.")
    evs = _events(code, text)
    rejection = [e for e in evs if e.type == "REJECT"]
    assert len(rejection) == 1 and rejection[0].source.code == "USAGOV"
    assert rejection[0].trigger.text == "réaffirmé"


def test_an_affirmative_future_of_the_speakers_own_side_is_announced(code):
    evs = _events(code, "Le Kremlin a indiqué que la Russie livrerait des armes à l'Iran.")
    aid = next(e for e in evs if e.type == "AID")
    assert (aid.modality, aid.negated) == ("proposed", False)
    assert not any(e.type == "REJECT" for e in evs)


@pytest.mark.parametrize("text", [
    # someone else's act: a prediction
    "Le ministre turc a affirmé que la Russie ne livrerait pas d'armes à l'Iran.",
    # a speech verb in the present: the conditional keeps its doubt
    "Le Kremlin affirme que la Russie ne livrerait pas d'armes à l'Iran.",
    # a condition
    "Le Kremlin a indiqué que si Téhéran le demandait, la Russie ne livrerait pas d'armes à l'Iran.",
])
def test_other_conditionals_stay_hypothetical(code, text):
    evs = _events(code, text)
    aid = next(e for e in evs if e.type == "AID")
    assert aid.negated and aid.modality == "hypothetical"
    assert not any(e.type == "REJECT" for e in evs)


def test_the_journalistic_conditional_with_its_source_is_reported(code):
    bombing = next(e for e in _events(code, "L'aviation russe bombarderait Alep depuis lundi, selon l'OSDH.")
                   if e.type == "ASSAULT")
    assert bombing.modality == "reported"
    alleged = next(e for e in _events(code, "L'aviation russe aurait bombardé Alep.") if e.type == "ASSAULT")
    assert alleged.modality == "hypothetical"


def test_an_act_not_taken_part_in_is_negated(code):
    talks = next(e for e in _events(code, "La Russie n'a pas participé aux négociations de Genève.")
                 if e.trigger.text == "négociations")
    assert talks.negated
    talks = next(e for e in _events(code, "La Russie a participé aux négociations de Genève.")
                 if e.trigger.text == "négociations")
    assert not talks.negated
