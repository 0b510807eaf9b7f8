"""Fourth round of general French patterns behind the event coder's accuracy: one test per
pattern, on short sentences written for the test (none taken from the evaluation articles)."""
import pytest


# -- "forcer les accès à X": an act on the way into something aims at its holder --------------
def test_way_into_a_place_aims_at_its_holder(code):
    evs = [e for e in code("Au Pérou, les accès à trois supermarchés ont été forcés par des "
                           "manifestants en colère.").events if e.type == "COERCE"]
    assert evs and evs[0].target is not None and evs[0].target.role == "BUS"
    assert "supermarchés" in evs[0].target.text


def test_way_in_without_a_holder_names_no_target(code):
    evs = [e for e in code("Au Pérou, les accès ont été forcés par des manifestants en colère.").events
           if e.type == "COERCE"]
    assert all(e.target is None for e in evs)


# -- "appeler à manifester afin de dénoncer X": the demonstration is against X ---------------------
def test_demonstration_aims_at_what_its_purpose_denounces(code):
    rec = code("Le principal parti d'opposition bolivien a appelé à une grande manifestation samedi à "
               "La Paz afin de dénoncer la décision du gouvernement.")
    protests = [e for e in rec.events if e.type == "PROTEST"]
    assert protests and protests[0].target is not None
    assert (protests[0].target.country, protests[0].target.role) == ("BOL", "GOV")


def test_purpose_of_someone_else_gives_no_target(code):
    # the denunciation is the unions', not the students' who march
    rec = code("Les étudiants boliviens ont manifesté samedi, alors que les syndicats ont dénoncé "
               "la décision du gouvernement.")
    protests = [e for e in rec.events if e.type == "PROTEST"]
    assert protests and all(e.target is None for e in protests)


# -- an actor's words stop where a clause hung on it begins -----------------------------------
def test_actor_text_stops_before_the_clause_hung_on_it(code):
    rec = code("Le gouvernement tchadien invite les autorités soudanaises à retirer, sans délai, "
               "les milices armées de la frontière.")
    req = [e for e in rec.events if e.type == "REQUEST"]
    assert req and req[0].target is not None
    assert req[0].target.text == "les autorités soudanaises"


def test_actor_text_keeps_the_closing_bracket_of_its_acronym(code):
    rec = code("La coalition Alliance pour la démocratie (APD) a dénoncé les arrestations ordonnées par "
               "le gouvernement malien.")
    sources = [e.source.text for e in rec.events if e.source is not None]
    assert any(s.endswith("(APD)") for s in sources), sources


# -- a group of states under its own name -----------------------------------------------------
def test_e3_is_a_european_group_of_governments(code):
    rec = code("L'E3 a appelé l'Iran à reprendre sa coopération avec les inspecteurs.")
    req = [e for e in rec.events if e.type == "REQUEST"]
    assert req and req[0].source is not None and req[0].source.code == "EURGOV"
    assert req[0].target.country == "IRN"


# -- "menacer de lancer une offensive à X": the threat is aimed at X's state ----------------
def test_threat_of_an_offensive_on_a_foreign_place_aims_at_its_state(code):
    evs = [e for e in code("Le président turc a menacé mardi de lancer une offensive militaire à Alep, "
                           "dans le nord de la Syrie.").events if e.type == "THREATEN"]
    assert evs and evs[0].target is not None
    assert (evs[0].target.country, evs[0].target.role) == ("SYR", "GOV")


def test_threat_to_act_at_home_names_no_target(code):
    evs = [e for e in code("Les syndicats turcs ont menacé mardi de manifester à Ankara.").events
           if e.type == "THREATEN"]
    assert all(e.target is None or e.target.country != "TUR" for e in evs)


# -- held ground stands for whoever holds it ---------------------------------------------------
def test_held_ground_stands_for_its_holder(code):
    evs = [e for e in code("L'armée birmane a bombardé les positions rebelles près de la frontière.").events
           if e.type == "ASSAULT"]
    assert evs and evs[0].target is not None and evs[0].target.role == "REB"
    evs = [e for e in code("Les insurgés ont attaqué les positions de l'armée malienne.").events
           if e.type == "ASSAULT"]
    assert evs and evs[0].target is not None and (evs[0].target.country, evs[0].target.role) == ("MLI", "MIL")


def test_held_ground_alone_is_no_actor(code):
    evs = [e for e in code("L'armée birmane a bombardé les positions près de la frontière.").events
           if e.type == "ASSAULT"]
    assert evs and all(e.target is None or e.target.role != "GOV" for e in evs)
    evs = [e for e in code("L'aviation russe a bombardé les quartiers d'Alep.").events if e.type == "ASSAULT"]
    assert all(e.target is None or e.target.role is None for e in evs)


# -- "la Douma" is Russia's parliament; Douma, without its article, a Syrian town -------------
def test_duma_needs_its_article(code):
    evs = code("La Douma a condamné les sanctions américaines.").events
    assert evs and evs[0].source.code == "RUSLEG"
    evs = [e for e in code("Les forces syriennes ont bombardé le bastion rebelle de Douma.").events
           if e.type == "ASSAULT"]
    assert evs and evs[0].target is not None and evs[0].target.country == "SYR"


# -- "qualifier X de violation": a name of blame is a criticism of X's author ----------------------
def test_naming_an_act_a_violation_accuses_its_author(code):
    evs = [e for e in code("Le ministre burkinabè a qualifié le retrait annoncé par le président ivoirien "
                           "de « violation flagrante » des accords.").events if e.type == "ACCUSE"]
    assert evs and (evs[0].source.country, evs[0].target.country) == ("BFA", "CIV")
    assert evs[0].target.text == "le président ivoirien"      # the attribute is not the president's


def test_naming_without_blame_is_no_event(code):
    assert not [e for e in code("Le ministre burkinabè a qualifié la rencontre avec le président ivoirien "
                                "d'historique.").events if e.type == "ACCUSE"]


def test_calling_someone_a_criminal_accuses_him(code):
    evs = [e for e in code("Le président turc a traité le Premier ministre israélien de terroriste.").events
           if e.type == "ACCUSE"]
    assert evs and (evs[0].target.country, evs[0].target.role) == ("ISR", "GOV")


def test_naming_verb_gets_its_attribute_back_from_the_object(coder):
    doc = coder.nlp("Le ministre a qualifié le retrait annoncé par le président français de « violation flagrante ».")
    verb = next(t for t in doc if t.lemma_ == "qualifier")
    attr = next(t for t in doc if t.text == "violation")
    assert attr.head.i == verb.i


# -- "celles de Damas": a demonstrative stands for the role noun said just before --------------------
def test_demonstrative_takes_the_role_of_the_noun_before_and_its_owner_country(code):
    evs = [e for e in code("Les soldats maliens ont attaqué ceux du Burkina Faso.").events if e.type == "ASSAULT"]
    assert evs and evs[0].target is not None
    assert (evs[0].target.country, evs[0].target.role) == ("BFA", "MIL")


def test_demonstrative_without_owner_is_no_actor(code):
    evs = [e for e in code("Les soldats maliens ont attaqué ceux qui fuyaient.").events if e.type == "ASSAULT"]
    assert all(e.target is None for e in evs)


# -- a participle tagged as an adjective still governs its infinitive's modality ------------------
def test_participle_read_as_adjective_makes_its_infinitive_requested(code_asked):
    rec = code_asked('Sommant encore le régime birman de se retirer de plusieurs villages à Sagaing avant la fin du '
               'mois, le chef rebelle a déclaré : "Ce sont nos derniers avertissements."')
    assert rec.events and rec.events[0].trigger.text == "Sommant"
    acts = [e for e in rec.events if e.trigger.text == "retirer"]
    assert acts and all(e.modality == "requested" for e in acts)
    assert [e for e in rec.events if e.type == "REQUEST"]


# -- verbs whose plain sense needs a named victim or doer --------------------------------------------
@pytest.mark.parametrize("text", [
    "Le Congrès veut punir les responsables chinois qui violent les obligations internationales de la Chine.",
    "Les Pays-Bas apportent une aide pour affronter la crise.",
    "Des propos qui ciblent les Etats-Unis ont choqué.",
    "La surprise s'est emparée du parti.",
    "Le réquisitoire, consulté par l'AFP, est long.",
    "La maison avait été visitée par le suspect.",
])
def test_figurative_uses_are_no_violence_and_no_meeting(code, text):
    assert not [e for e in code(text).events if e.type in ("ASSAULT", "CONSULT", "COERCE")], text


def test_violence_against_named_people_still_counts(code):
    evs = code("Un soldat a violé une femme dans le village. Les rebelles se sont emparés de la ville de Goma. "
               "Le ministre a consulté ses homologues européens.").events
    assert {e.cameo for e in evs} >= {"1821", "192", "040"}
    rape = [e for e in evs if e.cameo == "1821"]
    assert rape[0].target is not None and rape[0].target.role == "CVL"


def test_actor_text_starts_at_its_own_preposition(code):
    evs = [e for e in code("La marche avait été interdite il y a deux jours par les autorités, pour la "
                           "première fois depuis 1990.").events if e.source is not None]
    assert evs and evs[0].source.text == "les autorités"


@pytest.mark.parametrize("text", [
    "Les candidats du parti se dispersent au gré des alliances.",
    "Le parti a perdu les villes qu'il détenait.",
    "Le gouvernement veut combattre l'épidémie.",
    "La zone doit accueillir les gens.",
])
def test_ordinary_uses_of_force_verbs_are_no_events(code, text):
    assert not [e for e in code(text).events if e.type in ("ASSAULT", "COERCE", "CONSULT")], text


def test_force_verbs_with_named_people_still_count(code):
    evs = code("La police a dispersé les manifestants. Trois journalistes sont détenus par les rebelles. "
               "L'armée combat les jihadistes. Le président malien a accueilli son homologue nigérien.").events
    assert {e.cameo for e in evs} >= {"175", "173", "190", "043"}


@pytest.mark.parametrize("text", [
    "Le président n'a guère tiré de bénéfices politiques de la crise.",
    "Le syndicat a tiré les leçons de la grève.",
    "Le maire s'est rendu sur place dimanche.",
    "Des défilés de groupes armés ont eu lieu à Tripoli.",
    "Ces tensions pourraient pousser le président à démissionner.",
    "Le commentateur juge que la presse va mal.",
])
def test_idioms_of_force_words_are_no_violence_no_surrender_no_aid(code, text):
    assert not [e for e in code(text).events if e.type in ("ASSAULT", "RETREAT", "AID", "REQUEST", "COERCE")], text


def test_shots_surrender_and_arms_with_their_actors_still_count(code):
    evs = code("La police a tiré sur les manifestants. Les rebelles se sont rendus. "
               "Moscou a armé les séparatistes.").events
    assert {e.cameo for e in evs} >= {"190", "0874", "072"}


def test_ground_retaken_is_taken_from_its_holder(code):
    evs = [e for e in code("L'armée nigériane a repris le dernier bastion jihadiste de la région.").events
           if e.cameo == "192"]
    assert evs and evs[0].target is not None and evs[0].target.role == "UAF"


# -- "appeler X au calme", "appeler X et Y à respecter": still a call, not a phone call --------------
def test_call_with_a_contracted_preposition_is_a_request(code):
    evs = code("Le président nigérien a appelé les Nigériens au calme.").events
    assert [e.cameo for e in evs] == ["020"]


def test_call_whose_infinitive_hangs_on_a_conjunct_is_a_request(code):
    evs = code("Le secrétaire général de l'ONU a appelé les candidats et leurs partis à respecter les résultats.").events
    assert evs and all(e.cameo == "020" for e in evs)


def test_plain_call_to_someone_is_still_a_phone_call(code):
    evs = code("Le président américain a appelé son homologue russe mardi.").events
    assert evs and evs[0].cameo == "041"
