"""Attacks told by a noun: "les bombardements russes sur Alep" is Russia's attack on Syria
(the adjective names the doer, the place struck stands for its state); "réclamer la fin des
bombardements russes" asks it of Russia, and the bombing goes on; a multiword governor
("mettre en garde contre") sets the act's modality. Words from lang/fr/modality.yaml
(cessation_nouns, governors) and lang/fr/places.yaml (place_object_nouns). Sentences
written for the test."""


def _events(code, text):
    return code(text, published="2016-10-05").events


def test_an_attack_noun_on_a_place_is_an_attack_on_its_state(code):
    evs = _events(code, "Les bombardements russes sur Alep ont fait vingt morts.")
    (e,) = [e for e in evs if e.type == "ASSAULT"]
    assert e.source.country == "RUS" and e.target is not None and e.target.country == "SYR"
    assert e.modality == "asserted" and not e.negated


def test_the_place_struck_by_an_attack_noun_is_a_place(coder):
    rec = coder.code("Les bombardements russes sur Alep ont fait vingt morts.", published="2016-10-05")
    assert [p["country"] for p in rec.to_dict()["places"]] == ["SYR"]


def test_an_attack_noun_alone_is_a_mention(code):
    assert not [e for e in _events(code, "Les bombardements russes inquiètent les diplomates.")
                if e.type == "ASSAULT"]


def test_an_end_asked_for_is_asked_of_the_doer(code):
    evs = _events(code, "L'ONU a réclamé la fin des bombardements russes sur Alep.")
    (req,) = [e for e in evs if e.type == "REQUEST"]
    assert req.source.code == "IGOUNO" and req.target is not None and req.target.country == "RUS"
    (bombing,) = [e for e in evs if e.type == "ASSAULT"]
    assert bombing.modality == "asserted"        # it goes on


def test_an_end_of_an_acts_named_author(code):
    (req,) = [e for e in _events(code, "L'ONU a réclamé l'arrêt des frappes de l'armée syrienne.")
              if e.type == "REQUEST"]
    assert req.target is not None and req.target.code == "SYRMIL"


def test_a_multiword_governor_sets_the_modality(code):
    evs = _events(code, "Les États-Unis ont mis en garde contre une offensive turque contre la Syrie.")
    (attack,) = [e for e in evs if e.type == "ASSAULT"]
    assert attack.modality == "hypothetical"


def test_a_town_struck_named_after_its_noun_is_the_target(code):
    # (places.yaml settlement_nouns)
    (e,) = [e for e in _events(code, "L'armée syrienne a bombardé la ville de Homs.") if e.type == "ASSAULT"]
    assert e.target is not None and e.target.country == "SYR"


def test_victims_of_a_strike_abroad_are_of_the_country_struck(code):
    # civilians the text gives no country were given the attacker's (a state's acts on such
    # groups are mostly on its own); a strike on a place of another country hits that one's
    for text in ("Les frappes américaines contre Raqqa ont tué des civils.",
                 "L'aviation américaine a bombardé Raqqa, tuant des civils."):
        victims = [e.target for e in _events(code, text) if e.target is not None and e.target.role == "CVL"
                   and e.source is not None]
        assert victims and {v.country for v in victims} == {"SYR"}, text
    (e,) = [e for e in _events(code, "La police a dispersé les manifestants à Paris.") if e.type == "ASSAULT"]
    assert e.target.country == "FRA"
