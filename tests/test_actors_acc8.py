"""Actor resolution, round 8: who-is-who inside an article (a rival named before, a title
out of the government that the article gives a known person, a name the parser cut from its
title).
Every sentence here was written for these tests."""
from conftest import actors_at as _at


def test_bare_rival_is_the_person_of_the_other_camp_named_before(resolve):
    doc, aa = resolve("Le président gabonais Ali Bongo a été réélu en août. Le chef de l'opposition "
                      "gabonaise, Jean Ping, refuse toujours de reconnaître son rival.")
    (rival,) = _at(doc, aa, "rival")
    assert (rival.name, rival.code) == ("Ali Bongo", "GABGOV")
    # nobody of another camp named before: nobody
    doc, aa = resolve("Le chef de l'opposition gabonaise, Jean Ping, refuse de reconnaître son rival.")
    assert _at(doc, aa, "rival") == []


def test_rival_of_the_incumbent_is_the_opposition_leader(code):
    rec = code("Le chef de l'opposition gabonaise, Jean Ping, a contesté les résultats. Le président "
               "gabonais Ali Bongo a accusé son adversaire de vouloir semer le chaos.")
    assert any(e.type == "ACCUSE" and e.source.code == "GABGOV" and e.target is not None
               and e.target.name == "Jean Ping" for e in rec.events)


def test_opposition_title_wins_over_the_dictionary_coding(resolve):
    # the shared person list codes Raila Odinga GOV or ELI; the article says what he is now
    doc, aa = resolve("Le chef de l'opposition kényane, Raila Odinga, a dénoncé des fraudes.")
    (odinga,) = _at(doc, aa, "Odinga")
    assert odinga.code == "KENOPP"


def test_member_of_parliament_title_wins_over_an_old_government_coding(resolve):
    doc, aa = resolve("Le député Raila Odinga a voté contre le texte.")
    (odinga,) = _at(doc, aa, "Odinga")
    assert odinga.code == "KENLEG"
    # a government title is not trusted over the dictionaries ("alors ministre", "le président
    # X" in a retrospective name an office of the past)
    doc, aa = resolve("Le général Abdel Fattah al-Sissi a reçu le ministre.")
    (sissi,) = _at(doc, aa, "Sissi")
    assert sissi.code == "EGYGOV"


def test_deposed_president_is_a_former_one(resolve):
    doc, aa = resolve("Le président guinéen déchu a été libéré.")
    (pres,) = _at(doc, aa, "président")
    assert pres.code == "GINELI"


def test_owner_of_a_title_hung_on_a_coordinated_portfolio(resolve):
    doc, aa = resolve("Les chefs d'État et de gouvernement de l'UE ont condamné Minsk.")
    (chefs,) = _at(doc, aa, "chefs")
    assert chefs.code == "IGOEUREEC"


def test_member_states_of_an_organisation_are_the_organisation(resolve):
    doc, aa = resolve("Les pays membres de l'Otan ont condamné Moscou. Les États membres de l'UE se sont tus.")
    assert _at(doc, aa, "pays")[0].code == "IGOWSTNAT"
    assert _at(doc, aa, "États")[0].code == "IGOEUREEC"


def test_organisation_name_read_as_a_pronoun_is_the_organisation(code):
    rec = code("Les Vingt-Sept ont adopté lundi de nouvelles sanctions contre Moscou.")
    assert [(e.type, e.source and e.source.code) for e in rec.events] == [("SANCTION", "IGOEUREEC")]


def test_name_read_as_a_pronoun_resolves_but_a_role_word_does_not(resolve):
    doc, aa = resolve("Les Vingt-Sept ont adopté le texte et personne ne s'y est opposé.")
    word = {t.text: t for t in doc}
    assert [a.code for a in aa.pronoun(word["Vingt-Sept"])] == ["IGOEUREEC"]
    assert aa.pronoun([t for t in doc if t.text == "personne"][0]) == []


def test_head_of_state_is_the_president_named_before(resolve):
    doc, aa = resolve("Le président chilien Sebastian Piñera a décrété l'état d'urgence. Plus tard, le chef "
                      "de l'État a repris la parole.")
    (chef,) = _at(doc, aa, "chef")
    assert (chef.name, chef.code) == ("Sebastian Piñera", "CHLGOV")


def test_surname_alone_takes_the_country_given_later_to_the_full_name(resolve):
    doc, aa = resolve("Pour le président Piñera, le pays est en guerre. « La démocratie doit se défendre », "
                      "a déclaré dimanche le président chilien Sebastian Piñera.")
    (first,) = _at(doc, aa, "Piñera")
    assert first.code == "CHLGOV"
    assert first.text == "le président Piñera"      # the preposition is no part of the title


def test_peaceful_demonstrators_are_civilians(resolve):
    doc, aa = resolve("Des centaines de manifestants pacifiques ont été arrêtés par la police biélorusse.")
    (crowd,) = _at(doc, aa, "manifestants")
    assert crowd.role == "CVL"


def test_state_body_in_a_city_an_armed_group_holds_is_the_group(resolve):
    doc, aa = resolve("Des avions ont frappé le ministère de l'Intérieur à Kaboul, capitale de l'Afghanistan "
                      "contrôlée par les talibans. L'aviation avait déjà visé le ministère de l'Intérieur.")
    first, second = (aa.actors(t)[0] for t in doc if t.text == "ministère")
    assert first.code == "AFGREB"
    assert second.code == "AFGREB"      # the same body, named again
    # a city the government holds: the state
    doc, aa = resolve("Des avions ont frappé le ministère de l'Intérieur à Kaboul, capitale de l'Afghanistan "
                      "contrôlée par le gouvernement.")
    (body,) = [aa.actors(t)[0] for t in doc if t.text == "ministère"]
    assert body.role != "REB"


def test_incise_speaker_with_a_quoted_title_after_the_comma_does_not_crash(code):
    # the speaker phrase ends on the comma before the quoted title: no name after it
    rec = code('"Portez un masque", a plaidé jeudi Jerome Adams, le "médecin de l\'Amérique".')
    first = rec.quotes[0]
    assert first.text.startswith("Portez un masque") and first.speaker.name == "Jerome Adams"


def test_known_name_the_recogniser_cut_is_whole(resolve):
    doc, aa = resolve("La cote de confiance d'Emmanuel Macron chute de cinq points.")
    (macron,) = _at(doc, aa, "Emmanuel")
    assert (macron.name, macron.code) == ("Emmanuel Macron", "FRAGOV")


def test_former_minister_is_an_elite_after_the_office(resolve):
    from datetime import date
    doc, aa = resolve("Agnès Buzyn a critiqué la réforme.", published=date(2021, 6, 1))
    assert _at(doc, aa, "Agnès")[0].code == "FRAELI"
    doc, aa = resolve("Agnès Buzyn a défendu la réforme.", published=date(2019, 6, 1))
    assert _at(doc, aa, "Agnès")[0].code == "FRAGOV"
    # the press still writes of the office in the days after it ends
    doc, aa = resolve("Mohamed Bazoum a été renversé par l'armée.", published=date(2023, 7, 28))
    assert _at(doc, aa, "Mohamed")[0].code == "NERGOV"
    # a government title the article gives wins over that made-up ELI (the list knows no
    # office of Kabila's after 2019)
    doc, aa = resolve("Le pays reconnaît le président élu Joseph Kabila.", published=date(2021, 6, 1))
    assert _at(doc, aa, "président")[0].code == "CODGOV"


def test_the_south_is_south_korea_once_the_north_is_named(code):
    rec = code("Pyongyang a envoyé des ballons vers le Sud. Le Sud a protesté.")
    assert any(a.text == "Le Sud" and a.code == "KORGOV" for a in rec.actors)
    # without its pair, "le Sud" is a region, no actor
    rec = code("Les orages ont frappé le Sud dimanche.")
    assert not any(a.code == "KORGOV" for a in rec.actors)


def test_people_an_office_serves_are_not_whose_it_is(resolve):
    doc, aa = resolve("Le juge des enfants a ordonné le placement. Le président des Français a appelé au calme.")
    assert _at(doc, aa, "juge")[0].code == "JUD"
    assert _at(doc, aa, "président")[0].code == "FRAGOV"
