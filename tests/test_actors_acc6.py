"""Actor resolution and quote speakers, round 6: names the parser cuts or reads as places,
speakers after the verb of an incise, pronoun speakers, titles of bodies the dictionaries
do not know, one coding per person. Every sentence here was written for these tests."""
from datetime import date

from conftest import actors_at as _at


def _speakers(record):
    return [(q.speaker.name, q.speaker.code) if q.speaker else None for q in record.quotes]


def test_speaker_name_across_a_sentence_start_the_parser_invented(code):
    # the parser starts a sentence at "Gallant": no punctuation there, the name goes on
    rec = code("«Les renforts vont arriver» à Jénine, a déclaré mardi Yoav Gallant lors d'une visite aux troupes.")
    assert _speakers(rec) == [("Yoav Gallant", "ISRGOV")]


def test_place_name_inside_a_person_name_is_the_person(code):
    rec = code("François Hollande a rencontré Angela Merkel. «Rien n'est réglé», a déclaré "
               "l'ancien président de la République François Hollande sur France Inter.")
    assert [s[0] for s in _speakers(rec)] == ["François Hollande"]
    assert all(s[1] != "NLDGOV" for s in _speakers(rec))


def test_standalone_quote_after_a_sentence_about_a_person_is_theirs(code):
    rec = code("Yoav Gallant a parlé à la presse. «Nous irons jusqu'au bout de cette opération "
               "et personne ne nous arrêtera.»")
    assert _speakers(rec) == [("Yoav Gallant", "ISRGOV")]


def test_standalone_quote_after_a_sentence_about_a_thing_has_no_speaker(code):
    rec = code("Le texte a été adopté mardi. «Nous allons réformer la police.»")
    assert _speakers(rec) == [None]


def test_incise_pronoun_after_a_title_subject_is_that_title(code):
    rec = code("Le ministre kényan des Affaires étrangères a reçu les ambassadeurs. "
               "«Nous ne tolérerons aucune ingérence», a-t-il ajouté.")
    assert [s[1] for s in _speakers(rec)] == ["KENGOV"]


def test_incise_pronoun_after_a_body_subject_is_that_body(code):
    rec = code("Le Kremlin a rejeté l'accord. «Ce texte est mort», a-t-il ajouté.")
    assert [s[1] for s in _speakers(rec)] == ["RUSGOV"]


def test_incise_pronoun_after_a_subject_that_speaks_for_no_one_has_no_speaker(code):
    rec = code("La situation reste tendue. «Ce texte est mort», a-t-il ajouté.")
    assert _speakers(rec) == [None]


def test_a_title_repeated_is_the_person_it_was_given_to(code):
    rec = code("La présidente de la Chambre des représentants Nancy Pelosi est arrivée à Taipei. "
               "«Nous ne céderons rien», a déclaré la présidente de la Chambre.")
    assert [s[0] for s in _speakers(rec)] == ["Nancy Pelosi"]


def test_a_name_cut_off_its_title_by_the_parser_is_the_title_holder(code):
    rec = code("Le président kényan William Ruto a reçu les ambassadeurs mardi. Les discussions ont "
               "duré trois heures. «Nous ne céderons rien», a déclaré le président kényan.")
    assert _speakers(rec) == [("William Ruto", "KENGOV")]


# ---- titles of bodies the dictionaries do not know --------------------------------


def test_president_of_an_unknown_organisation_is_not_the_government(resolve):
    doc, aa = resolve("Le président de l'Union des producteurs de lait a dénoncé la réforme.")
    assert [a.role for a in _at(doc, aa, "président")] == [None]


def test_president_of_the_republic_stays_the_government(resolve):
    doc, aa = resolve("Le président de la République a répondu aux syndicats.")
    assert [a.role for a in _at(doc, aa, "président")] == ["GOV"]


def test_secretary_general_is_no_general(resolve):
    doc, aa = resolve("Le secrétaire général de l'Alliance des planteurs de coton a quitté la réunion.")
    assert all(a.role != "MIL" for a in _at(doc, aa, "secrétaire"))


def test_french_unions_are_labour(resolve):
    doc, aa = resolve("Le président de la FNSEA et le secrétaire général de FO ont dénoncé l'accord.")
    assert [a.code for a in _at(doc, aa, "président")] == ["FRALAB"]
    assert [a.code for a in _at(doc, aa, "secrétaire")] == ["FRALAB"]


def test_personalities_of_a_country_are_its_officials(resolve):
    doc, aa = resolve("Bruxelles a gelé les avoirs de douze personnalités iraniennes.")
    assert [(a.country, a.role) for a in _at(doc, aa, "personnalités")] == [("IRN", "GOV")]


def test_a_personality_of_the_opposition_is_the_opposition(resolve):
    doc, aa = resolve("Une personnalité de l'opposition guinéenne a été arrêtée.")
    assert [(a.country, a.role) for a in _at(doc, aa, "personnalité")] == [("GIN", "OPP")]


def test_a_body_in_power_in_a_capital_is_that_state(resolve):
    doc, aa = resolve("La junte au pouvoir à Niamey a expulsé l'ambassadeur.")
    assert [a.country for a in _at(doc, aa, "junte")] == ["NER"]


def test_a_group_in_a_capital_belongs_to_its_country(resolve):
    doc, aa = resolve("Les manifestants à Minsk ont défilé dimanche.")
    assert [(a.country, a.role) for a in _at(doc, aa, "manifestants")] == [("BLR", "OPP")]


def test_a_title_country_wins_over_a_namesake_in_the_dictionaries(resolve):
    doc, aa = resolve("Le chef de la diplomatie malien, Abdoulaye Diop, a reçu l'ambassadeur. "
                      "M. Diop a ensuite accusé Paris.")
    assert [a.code for a in _at(doc, aa, "chef")] == ["MLIGOV"]
    assert [a.code for a in _at(doc, aa, "Diop", 1)] == ["MLIGOV"]


def test_family_name_written_first_with_an_honorific(code):
    rec = code("La présidente taïwanaise Tsai Ing-wen a reçu la délégation. "
               "«Nous ne céderons pas», a affirmé Mme Tsai.")
    assert _speakers(rec) == [("Tsai Ing-wen", "TWNGOV")]


def test_one_person_one_coding_across_mentions(code):
    rec = code("«Je quitte le parti», a déclaré Kofi Mensah. Le député ghanéen Kofi Mensah a ensuite "
               "quitté la salle.")
    assert _speakers(rec) == [("Kofi Mensah", "GHALEG")]


def test_lower_case_nationality_tagged_as_a_name_is_no_person(resolve):
    doc, aa = resolve("Le chef de la junte birmane, le général Min Aung Hlaing, a promis des élections.")
    assert [(a.country, a.kind) for a in _at(doc, aa, "junte")] == [("MMR", "body")]
    assert _at(doc, aa, "birmane") == []


def test_a_body_name_keeps_its_portfolio(code):
    rec = code("«Cette visite est une provocation», a déclaré le ministère chinois des Affaires étrangères.")
    assert _speakers(rec) == [("ministère chinois des Affaires étrangères", "CHNGOV")]


def test_a_group_name_keeps_what_it_opposes(resolve):
    doc, aa = resolve("Des centaines d'opposants au projet de barrage ont défilé samedi.")
    assert [a.name for a in _at(doc, aa, "opposants")] == ["opposants au projet de barrage"]


def test_a_complement_that_is_an_actor_stays_out_of_the_name(resolve):
    doc, aa = resolve("Les forces de Damas ont bombardé Idleb.")
    assert [(a.name, a.code) for a in _at(doc, aa, "forces")] == [("forces", "SYRMIL")]


def test_a_body_named_right_after_its_kind_however_parsed(resolve):
    doc, aa = resolve("La coalition de l'opposition Table de l'unité démocratique (MUD) a appelé à manifester.")
    assert [(a.name, a.code) for a in _at(doc, aa, "coalition")] == [("Table de l'unité démocratique", "VENOPP")]


def test_a_capitalised_particle_goes_on_the_name(code):
    rec = code("«Les commerces rouvriront le 11 mai», indique Bruno Le Maire\n\n"
               "Le ministre de l'Economie Bruno Le Maire a parlé jeudi.", published="2020-04-23")
    assert [s[0] for s in _speakers(rec)] == ["Bruno Le Maire"]


def test_a_role_word_inside_a_name_is_no_actor(resolve):
    doc, aa = resolve("Bruno Le Maire a parlé. Bruno Le Maire a ensuite quitté Bercy.", published=date(2020, 4, 23))
    assert _at(doc, aa, "Maire", 1) and all(a.kind == "person" for a in _at(doc, aa, "Maire", 1))


def test_speaker_before_the_channel_in_an_incise(code):
    rec = code("Le Premier ministre arménien Nikol Pachinian a annoncé sa démission. "
               "«Je quitte mes fonctions», a écrit M. Pachinian sur Facebook.")
    assert [s[0] for s in _speakers(rec)] == ["Nikol Pachinian"]


def test_channel_first_in_an_incise_gives_its_owner(code):
    rec = code("«Rien n'est décidé», a précisé le communiqué de la diplomatie russe.")
    assert [s[1] for s in _speakers(rec)] == ["RUSGOV"]


def test_cited_by_a_medium_is_not_the_speaker(code):
    rec = code("«La situation est grave», a déclaré Mohamed Hamdan Daglo, cité par l'agence Suna.")
    assert all(s is None or "Suna" not in s[0] for s in _speakers(rec))


def test_a_person_named_after_the_title_in_apposition_is_the_speaker(code):
    rec = code("«La situation est grave», a déclaré à la presse le porte-parole de l'armée, "
               "le général Nabil Abdallah.")
    assert [s[0] for s in _speakers(rec)] == ["Nabil Abdallah"]


def test_incise_with_an_auxiliary_the_tagger_gave_up_on(code):
    rec = code("«L'élection doit être annulée», a tweeté le chef de la diplomatie américaine Antony Blinken.")
    assert [s[0] for s in _speakers(rec)] == ["Antony Blinken"]


def test_selon_lui_after_a_title_subject(code):
    rec = code("Le chef de l'armée soudanaise a rejeté la trêve. Selon lui, «les rebelles ne respectent rien».")
    assert [s[1] for s in _speakers(rec)] == ["SDNMIL"]


def test_standalone_quote_after_a_sentence_with_a_term_in_quotation_marks(code):
    rec = code("Le ministre tchadien a quitté la salle où se tenait le « dialogue national ». "
               "« Je ne reviendrai pas. »")
    assert [s[1] for s in _speakers(rec)] == ["TCDGOV"]


def test_ex_prefixed_title_is_a_former_office_holder(resolve):
    doc, aa = resolve("L'ex-ministre ivoirien a quitté le parti au pouvoir.")
    assert [(a.country, a.role) for a in _at(doc, aa, "ex-ministre")] == [("CIV", "ELI")]


def test_incise_pronoun_after_an_ex_prefixed_title(code):
    rec = code("L'ex-chef de l'État a fait une confession. « Je n'ai jamais eu ce diplôme », a-t-il déclaré.")
    assert [s[1] for s in _speakers(rec)] == ["ELI"]
