"""Third round of general French patterns behind the event coder's accuracy: one test per
pattern, on short sentences written for the test (none taken from the evaluation articles)."""


def _types(rec):
    return sorted(e.type for e in rec.events)


# -- the second infinitive of a request is asked for as much as the first ----------------------
def test_second_infinitive_of_a_request_is_requested_too(code_asked):
    rec = code_asked("Les Nations unies ont appelé l'Éthiopie à cesser les combats et à signer un accord avec les rebelles.")
    signed = [e for e in rec.events if e.trigger.text == "signer"]
    assert signed and all(e.modality == "requested" for e in signed)


# -- "signer un accord": a verb and its object noun of the same type are one act ---------------
def test_verb_and_object_noun_of_the_same_type_are_one_event(code):
    rec = code("Le Soudan a signé un accord de paix avec les rebelles du Darfour.")
    assert len([e for e in rec.events if e.type == "SUPPORT" and e.source is not None
                and e.source.country == "SDN" and e.source.role == "GOV"]) == 1
    assert not [e for e in rec.events if e.trigger.text == "accord"]


# -- "les conditions ne sont pas réunies pour une trêve": the speaker turns it down -------------
def test_conditions_not_met_is_a_rejection_by_the_speaker(code):
    evs = [e for e in code("Le président ivoirien a déclaré lundi que les conditions n'étaient "
                           "pas réunies pour un cessez-le-feu.").events if e.type == "REJECT"]
    assert evs and evs[0].source.country == "CIV" and not evs[0].negated


def test_conditions_not_met_in_a_quotation_with_an_incise(code):
    evs = code("« Les conditions d'un dialogue ne sont pas remplies », a estimé le président ivoirien.").events
    assert [e.type for e in evs] == ["REJECT"] and evs[0].source.country == "CIV"


def test_clause_speaker_wins_over_a_later_incise(code):
    evs = [e for e in code("Le président malien a estimé que les conditions d'une trêve n'étaient pas réunies, "
                           "a indiqué la présidence française.").events if e.type == "REJECT"]
    assert evs and evs[0].source.country == "MLI"


# -- a copula the parser read as a tense auxiliary still carries its fixed phrase ---------------
def test_copula_read_as_auxiliary_keeps_etre_d_accord(code):
    evs = code("Le chef rebelle a admis qu'un dialogue était utile et qu'il était d'accord pour y prendre "
               "part au moment où la trêve serait respectée.").events
    assert [e.type for e in evs if e.type == "AGREE"] == ["AGREE"] and evs[0].source is not None


# -- "battu à l'élection": an electoral defeat is no beating -----------------------------------
def test_electoral_defeat_is_no_assault(code):
    evs = code("Battu pour la quatrième fois à l’élection présidentielle en décembre, Martin Fayulu, "
               "surnommé “MF”, refuse toujours de reconnaître le président Tshisekedi.").events
    assert not [e for e in evs if e.type == "ASSAULT"]


# -- a present participle with an object, tagged as an adjective, is still its verb -------------
def test_present_participle_read_as_adjective_is_a_request(code):
    evs = code("Le président nigérian, Bola Tinubu, a menacé, hier, d'intervenir rapidement au Niger, où des "
               "heurts ont opposé les soldats de Niamey à ceux de Cotonou.\n\nSommant une nouvelle fois la junte "
               "de libérer le président déchu d'ici à la fin du mois d'août, M. Tinubu a déclaré : \"Il s'agit "
               "de notre dernier avertissement\".").events
    req = [e for e in evs if e.type == "REQUEST"]
    assert req and req[0].source.country == "NGA" and req[0].target is not None


# -- "menacer de riposter par des tirs contre X": the threat aims at the target of its means ---
def test_threat_aims_at_the_target_of_the_threatened_means(code):
    evs = code("Le Hezbollah a menacé de riposter à ces frappes par des tirs de roquettes contre Israël et la Jordanie.").events
    assert sorted(e.target.country for e in evs if e.type == "THREATEN") == ["ISR", "JOR"]
    assert not [e for e in evs if e.type == "ASSAULT"]      # the shots are only threatened


# -- a crowd converging on a square demonstrates; troops converging do not ---------------------
def test_crowd_converging_is_a_demonstration(code):
    evs = code("Samedi, à l'appel des syndicats, 5.000 personnes ont convergé vers la place de la République.").events
    converged = [e for e in evs if e.trigger.text == "convergé"]
    assert {e.type for e in converged} == {"PROTEST"}
    # the marchers, and the unions that called them (test_events_patterns_acc9.py)
    assert sorted(e.source.role for e in converged) == ["CVL", "LAB"]


def test_troops_converging_is_no_demonstration(code):
    evs = code("Les troupes russes ont convergé vers Kiev.").events
    assert not [e for e in evs if e.type == "PROTEST"]


# -- the police stopping a march is a restriction (CAMEO 172), done by the passive agent ---------
def test_march_stopped_by_the_police_is_coercion(code):
    evs = code("Une tentative de marche vers la préfecture a été empêchée par les gendarmes.").events
    assert [e.type for e in evs] == ["COERCE"] and evs[0].source.role == "COP"


def test_demonstration_prevented_is_coercion_of_the_marchers(code):
    evs = [e for e in code("La police a empêché la manifestation des enseignants à Dakar.").events if e.type == "COERCE"]
    assert evs and evs[0].cameo == "1721" and evs[0].target is not None and evs[0].target.role == "EDU"


# -- an unlemmatised governor ("invite") still makes its complement requested --------------------
def test_unlemmatised_request_verb_still_governs(code_asked):
    evs = code_asked("« Au vu de ces violations, le gouvernement invite les autorités russes à retirer, sans délai, "
               "les soldats Wagner du territoire national », a déclaré le porte-parole.").events
    assert all(e.modality == "requested" for e in evs if e.trigger.text == "retirer")
    assert [e for e in evs if e.trigger.text == "retirer"]


# -- "justifier" defends someone's act; justifying one's own measures is only a statement --------
def test_justifying_ones_own_measures_is_no_support(code):
    evs = code("« La nation doit se défendre », a déclaré lundi le président péruvien pour justifier ces "
               "mesures d'exception. Le Kremlin a justifié l'intervention de l'armée biélorusse.").events
    sup = [e for e in evs if e.type == "SUPPORT"]
    assert len(sup) == 1 and sup[0].target.country == "BLR"


# -- "l'offensive en Ukraine": the country an offensive is waged in is its target -----------------
def test_offensive_in_a_country_targets_that_country(code):
    evs = code("Moscou a expulsé dix diplomates lettons, dans la foulée de l'offensive en Ukraine.").events
    off = [e for e in evs if e.trigger.text == "offensive"]
    assert off and off[0].type == "ASSAULT" and off[0].target.country == "UKR"


# -- "à la fin de l'entretien": a meeting already reported is not a new one ----------------------
def test_meeting_mentioned_again_is_not_a_new_meeting(code):
    evs = code("Le président turc Recep Tayyip Erdogan a reçu mardi à Ankara le Premier ministre irakien, lors "
               "d'un entretien avec Mohamed Chia al-Soudani.\n\nÀ la fin de l'entretien, M. Erdogan a demandé à "
               "son interlocuteur de fermer les bases du PKK.").events
    assert [e for e in evs if e.paragraph == 1 and e.type == "CONSULT"]
    assert not [e for e in evs if e.paragraph == 2 and e.type == "CONSULT"]


# -- "assigné à résidence" is a house arrest; "qui étaient assignés": être read as a copula -------
def test_house_arrest_of_the_relative_clause_antecedent(code):
    evs = code("L'opposant tunisien Rached Ghannouchi, qui était assigné à résidence depuis avril, a été "
               "transféré en prison.").events
    arrest = [e for e in evs if e.trigger.text.startswith("assigné")]
    assert arrest and arrest[0].type == "COERCE" and arrest[0].source is None
    assert arrest[0].target is not None and arrest[0].target.country == "TUN"


# -- "l'accord s'est terminé", said by a party: it lets the deal go (REJECT by the speaker) -------
def test_agreement_declared_over_is_a_rejection_by_the_speaker(code):
    evs = code("« L'accord sur le gaz s'est terminé aujourd'hui », a déclaré le porte-parole du Kremlin, "
               "Dmitri Peskov.").events
    assert [e.type for e in evs] == ["REJECT"] and evs[0].source.country == "RUS"
