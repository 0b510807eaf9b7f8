"""French constructions behind the event coder's accuracy on the development gold: one
test per pattern, on short sentences written for the test."""
import pytest

from conftest import actor_code as _code


@pytest.fixture(scope="module")
def events(coder):
    def run(text, published="2021-03-02"):
        return coder.code(text, published=published).events
    return run


def _of(evs, type_):
    return [e for e in evs if e.type == type_]


# -- "annoncer le retrait des troupes X du PAYS": the withdrawal aims at the state left ------
def test_nominal_withdrawal_aims_at_the_country_left(events):
    evs = _of(events("Le gouvernement belge a annoncé le retrait des soldats belges du Niger."), "RETREAT")
    assert evs and {(_code(e.source), _code(e.target)) for e in evs} == {("BELGOV", "NERGOV")}


def test_verbal_withdrawal_aims_at_the_country_left(events):
    evs = _of(events("Washington a décidé de retirer ses troupes d'Afghanistan."), "RETREAT")
    assert evs and _code(evs[0].target) == "AFGGOV"


# -- "menacer de + act", "refuser de + act": one threat / refusal, aimed at the act's target --
def test_threatened_act_is_folded_into_the_threat(events):
    evs = events("Les rebelles ont menacé de bombarder les positions de l'armée nigériane.")
    threats = _of(evs, "THREATEN")
    assert len(threats) == 1 and _code(threats[0].target) == "NGAMIL"
    assert not _of(evs, "ASSAULT")       # the bombing did not happen


def test_refused_act_is_folded_into_the_refusal(events):
    evs = events("L'opposant refuse toujours de reconnaître le président élu Joseph Kabila.")
    rejections = _of(evs, "REJECT")
    assert len(rejections) == 1 and (rejections[0].target.name, rejections[0].target.role) == ("Joseph Kabila", "GOV")
    assert len(evs) == 1                 # no separate "reconnaître" event marked refused


# -- "avec des gaz lacrymogènes", "à coups de matraque": the instrument makes the clause an act of force
def test_instrument_of_force_makes_the_clause_repression(events):
    evs = _of(events("La police a répondu aux manifestants avec des gaz lacrymogènes."), "ASSAULT")
    assert len(evs) == 1 and evs[0].cameo == "175"
    assert (evs[0].source.role, evs[0].target.role) == ("COP", "OPP") and evs[0].target.text.startswith("manifestants")


def test_instrument_under_an_event_verb_adds_nothing(events):
    evs = events("La police a dispersé les manifestants avec des gaz lacrymogènes.")
    assert len(_of(evs, "ASSAULT")) == 1 and evs[0].trigger.text == "dispersé"


# -- "être prêt à": a predicative adjective, not the verb "prêter" -------------------------------
def test_copula_with_pret_is_an_intent_not_a_loan(events):
    evs = events("Le Kremlin a assuré que la Russie sera prête à revenir à l'accord.")
    assert not _of(evs, "AID")
    agree = _of(evs, "AGREE")
    assert agree and _code(agree[0].source) == "RUSGOV"


def test_copula_predicate_gives_one_event(events):
    evs = events("Le ministre turc est en visite à Moscou.")
    assert len(_of(evs, "CONSULT")) == 1


# -- a state that "proteste contre" complains officially; crowds protest -------------------------
def test_state_protest_is_an_official_complaint(events):
    e = _of(events("La Chine a protesté contre la décision du gouvernement japonais."), "ACCUSE")
    assert e and e[0].cameo == "114" and (_code(e[0].source), _code(e[0].target)) == ("CHNGOV", "JPNGOV")


def test_crowd_protest_stays_a_protest(events):
    e = _of(events("Des milliers d'étudiants ont protesté contre la réforme du gouvernement."), "PROTEST")
    assert e and e[0].cameo == "140"


# -- "Reçu par X, Y a déclaré": a participle heading the sentence is passive, said of the subject after it
def test_fronted_participle_with_agent_is_passive_on_the_main_subject(events):
    e = _of(events("Reçu par Emmanuel Macron à l'Élysée, le président ivoirien a déclaré que la crise était finie."),
            "CONSULT")
    assert e and (e[0].source.name, _code(e[0].target)) == ("Emmanuel Macron", "CIVGOV")


# -- hosting and visiting need a host or a guest in person ---------------------------------------
def test_receiving_information_hosts_nobody(events):
    evs = events("\u00abNous avons reçu des informations des services de renseignement\u00bb, a indiqué la Cour suprême.")
    assert not _of(evs, "CONSULT")
    host = _of(events("Le président Erdogan a reçu lundi son homologue russe à Ankara."), "CONSULT")
    assert host and _code(host[0].target) == "RUSGOV"


def test_going_to_the_polls_is_no_visit(events):
    evs = events("L'opposition a demandé à ses partisans de se rendre en masse aux urnes.")
    assert not _of(evs, "CONSULT") and _of(evs, "REQUEST")
    visit = _of(events("Le ministre français s'est rendu à Moscou mardi."), "CONSULT")
    assert visit and _code(visit[0].target) == "RUSGOV"


# -- "des affrontements ont eu lieu entre X et Y"; protesters against police is a riot ------------
def test_clash_sides_hung_on_the_verb_and_riot_direction(events):
    e = _of(events("Des affrontements ont eu lieu entre manifestants et policiers sur la place centrale."), "PROTEST")
    assert e and e[0].cameo == "145" and (e[0].source.role, e[0].target.role) == ("OPP", "COP")
    e = _of(events("Des affrontements entre policiers et manifestants ont éclaté à Caracas."), "PROTEST")
    assert e and (e[0].source.role, e[0].target.role) == ("OPP", "COP")    # the protesters riot


def test_clash_between_armed_sides_stays_a_fight(events):
    e = _of(events("Des affrontements ont eu lieu entre l'armée et les rebelles dans le nord."), "ASSAULT")
    assert e and e[0].cameo == "190" and (e[0].source.role, e[0].target.role) == ("MIL", "REB")


# -- "dans un communiqué adressé à X": the statement is aimed at the document's addressee ---------
def test_statement_in_a_document_addressed_to_someone_targets_them(events):
    e = _of(events("Le ministre français a dénoncé les violences dans une lettre adressée au gouvernement malien."),
            "ACCUSE")
    assert e and (_code(e[0].source), _code(e[0].target)) == ("FRAGOV", "MLIGOV")


# -- "son interlocuteur": the other side of the last meeting of the subject -----------------------
def test_interlocutor_is_the_other_side_of_the_last_meeting(code_asked):
    evs = code_asked("Le président turc Recep Tayyip Erdogan a reçu mardi le Premier ministre irakien à Ankara. "
                 "À la fin de l'entretien, M. Erdogan a demandé à son interlocuteur de libérer les otages.").events
    req = _of(evs, "REQUEST")
    assert req and (_code(req[0].source), _code(req[0].target)) == ("TURGOV", "IRQGOV")
    freed = [e for e in evs if e.trigger.text == "libérer"]
    assert freed and _code(freed[0].source) == "IRQGOV"      # the interlocutor is asked to act


# -- "condamner cette décision": a demonstrative act noun names the act just reported -------------
def test_demonstrative_act_noun_aims_at_the_last_act_doer(events):
    evs = events("La France a annoncé l'expulsion de quatre diplomates russes. Moscou a vivement condamné cette décision.")
    e = _of(evs, "ACCUSE")
    assert e and (_code(e[0].source), _code(e[0].target)) == ("RUSGOV", "FRAGOV")


def test_demonstrative_act_noun_continues_the_same_speakers_criticism(events):
    evs = events("La Corée du Nord a condamné Séoul. Elle a également condamné ce comportement.")
    e = [x for x in _of(evs, "ACCUSE") if x.sentence == 2]
    assert e and _code(e[0].target) == "KORGOV"


def test_demonstrative_thing_that_is_no_act_is_not_resolved(events):
    evs = events("La France a annoncé l'expulsion de quatre diplomates russes. Moscou a condamné ce bâtiment.")
    e = [x for x in _of(evs, "ACCUSE") if x.sentence == 2]
    assert e and e[0].target is None


# -- "sa sortie de prison": a release; the possessive is who is freed -----------------------------
def test_release_from_prison_noun_with_possessive_patient(events):
    evs = events("L'opposant russe Ilia Iachine a été assigné à résidence depuis sa sortie de prison le 8 juillet.")
    e = [x for x in _of(evs, "RETREAT") if x.trigger.text == "sortie"]
    assert e and e[0].cameo == "0841" and e[0].target.name == "Ilia Iachine"
    assert not _of(events("La sortie du livre de l'opposant est prévue lundi."), "RETREAT")


# -- "X a refusé le report demandé par Y": Y asked X -----------------------------------------------
def test_request_in_a_participle_is_addressed_to_who_answers_it(events):
    evs = events("La commission électorale a refusé le report du premier tour demandé par l'opposition ivoirienne.")
    req = _of(evs, "REQUEST")
    assert req and (_code(req[0].source), _code(req[0].target)) == ("CIVOPP", "CIVGOV")
    req = _of(events("Le gouvernement a annoncé le report demandé par l'opposition ivoirienne."), "REQUEST")
    assert req and req[0].target is None       # announcing is no answer to the request


# -- a crowd that "exprime sa colère" demonstrates; a minister who does disapproves --------------
def test_crowd_anger_is_a_demonstration(events):
    e = _of(events("Plusieurs milliers de personnes ont exprimé leur colère place de la Concorde."), "PROTEST")
    assert e and e[0].cameo == "141"
    e = _of(events("Le ministre allemand a exprimé sa colère contre Moscou."), "ACCUSE")
    assert e and (_code(e[0].source), _code(e[0].target)) == ("DEUGOV", "RUSGOV")


def test_etre_d_accord_pour_is_an_agreement(events):
    e = _of(events("Le chef rebelle a affirmé qu'il était d'accord pour participer aux négociations."), "AGREE")
    assert e and e[0].source.role == "REB" and e[0].trigger.text.startswith("était")


def test_threat_aims_at_the_complement_of_a_plain_infinitive(events):
    e = _of(events("L'armée malienne a menacé d'intervenir contre les rebelles touaregs."), "THREATEN")
    assert e and (_code(e[0].source), _code(e[0].target)) == ("MLIMIL", "MLIREB")


# -- "pousser X à": urging needs its "à"; people pushed somewhere are urged by nobody -------------
def test_pousser_urges_only_with_a(events):
    e = _of(events("Washington a poussé Kiev à négocier avec Moscou."), "REQUEST")
    assert e and (_code(e[0].source), _code(e[0].target)) == ("USAGOV", "UKRGOV")
    assert not _of(events("Des milliers de civils syriens ont été poussés vers le sud par les combats."), "REQUEST")


def test_a_visit_needs_its_visitor(events):
    assert not _of(events("Les électeurs se sont déplacés en masse à Conakry pour voter."), "CONSULT")


# -- "des heurts ont opposé X à Y": the two sides of a clash; the clash itself is asserted --------
def test_clash_opposing_two_sides(events):
    e = _of(events("Des affrontements ont opposé l'armée malienne aux rebelles touaregs dans le nord."), "ASSAULT")
    assert e and (_code(e[0].source), _code(e[0].target), e[0].modality) == ("MLIMIL", "MLIREB", "asserted")
    e = _of(events("De violents heurts ont opposé les manifestants à la police à Caracas."), "PROTEST")
    assert e and (e[0].source.role, e[0].target.role) == ("OPP", "COP")
