"""Second round of general French/world knowledge behind the event coder's accuracy: one test
per pattern or fact, on short sentences written for the test."""
import pytest


@pytest.fixture(scope="module")
def code(coder):
    def run(text, published="2022-08-02"):
        return coder.code(text, published=published)
    return run


def _of(evs, type_):
    return [e for e in evs if e.type == type_]


# -- Hong Kong and Macao are coded apart from China (CAMEO HKG, MAC) ---------------------------
def test_hong_kong_police_and_people_are_hkg(code):
    evs = _of(code("La police hongkongaise a arrêté huit militants prodémocratie à Hong Kong.").events, "COERCE")
    assert evs and evs[0].source.country == "HKG" and evs[0].source.role == "COP"


def test_hong_kong_as_a_place_name_is_hkg_not_china(code):
    rec = code("Pékin a durci sa loi sur la sécurité nationale à Hong Kong.")
    assert {p["country"] for p in rec.places if p["text"] == "Hong Kong"} == {"HKG"}
    assert any(a.text == "Pékin" and a.country == "CHN" for a in rec.actors)


# -- a known legislator keeps the legislature's role (Phoenix files them as GOV+LEG) ------------
def test_known_legislator_is_leg(code):
    rec = code("Nancy Pelosi a rencontré le président taïwanais à Taipei.")
    pelosi = [a for a in rec.actors if a.name == "Nancy Pelosi"]
    assert pelosi and pelosi[0].country == "USA" and pelosi[0].role == "LEG"


# -- a state's paramilitary force is MIL, even when it fights the regular army -----------------
def test_sudanese_rapid_support_forces_are_military(code):
    evs = code("Les Forces de soutien rapide ont attaqué l'aéroport de Khartoum.").events
    assert evs and (evs[0].source.country, evs[0].source.role) == ("SDN", "MIL")


# -- "accepter un cessez-le-feu": a verbal concession (AGREE), not the truce itself (RETREAT) ---
def test_accepting_a_ceasefire_is_agreeing(code):
    evs = code("Les rebelles ont accepté un cessez-le-feu de trois jours.").events
    assert [e.type for e in evs] == ["AGREE"] and evs[0].cameo == "0357"


def test_observing_a_ceasefire_is_still_a_retreat(code):
    evs = code("Les rebelles ont observé la trêve pendant trois jours.").events
    assert [e.type for e in evs] == ["RETREAT"]


# -- a capitalised demonym used as a noun names the country's people (CVL) -----------------------
def test_plural_demonym_noun_is_the_countrys_people(code):
    evs = _of(code("Les Maliens ont manifesté contre la junte à Bamako.").events, "PROTEST")
    assert evs and (evs[0].source.country, evs[0].source.role) == ("MLI", "CVL")


def test_counted_demonym_noun_is_a_target(code):
    evs = _of(code("La police a arrêté 41 Russes à Moscou.").events, "COERCE")
    assert evs and evs[0].target.code == "RUSCVL"


def test_demonym_before_a_name_is_not_a_crowd(code):
    rec = code("Le Russe Daniil Medvedev a critiqué le gouvernement.")
    assert not any(a.role == "CVL" for a in rec.actors)


# -- ordinary people going somewhere travel; officials visit -------------------------------------
def test_people_going_to_a_city_make_no_visit(code):
    assert not code("Les Maliens se sont rendus en masse à Bamako pour voter.").events


def test_an_official_going_abroad_still_visits(code):
    evs = _of(code("Le ministre malien s'est rendu à Paris.").events, "CONSULT")
    assert evs and evs[0].cameo == "042"


# -- "se sont rassemblés": a pronominal verb's "être" is no passive (the parser says aux:pass) ---
def test_pronominal_compound_tense_keeps_its_subject(code):
    evs = _of(code("Des milliers de personnes se sont rassemblées devant le Parlement.").events, "PROTEST")
    assert evs and evs[0].source is not None and evs[0].source.role in ("OPP", "CVL")


def test_pronominal_withdrawal_is_done_by_its_subject(code):
    evs = _of(code("Les troupes russes se sont retirées de la ville.").events, "RETREAT")
    assert evs and evs[0].source.code == "RUSMIL"


def test_true_passive_still_has_no_subject_source(code):
    evs = _of(code("Trois opposants ont été arrêtés par la police russe.").events, "COERCE")
    assert evs and evs[0].source.code == "RUSCOP" and evs[0].target.role == "OPP"


# -- "l'opposant": a noun the tagger reads as the participle of "opposer" -------------------------
def test_opposant_as_object_is_the_target(code):
    evs = code("La Cour suprême a condamné l'opposant.").events
    assert evs and evs[0].target is not None and evs[0].target.role == "OPP"


# -- "a lancé dimanche des frappes": the parser hangs the object on the day word ------------------
def test_partitive_after_a_day_word_is_the_verbs_object(coder):
    doc = coder.nlp("L'armée a lancé dimanche des frappes contre les rebelles.")
    frappes = next(t for t in doc if t.text == "frappes")
    assert frappes.dep_ == "obj" and frappes.head.text == "lancé"


def test_sanctions_adopted_on_a_day_keep_their_source(code):
    evs = _of(code("L'Union européenne a adopté lundi des sanctions contre la police iranienne.").events, "SANCTION")
    assert evs and evs[0].source is not None and evs[0].source.role == "IGO"
    assert evs[0].target.code == "IRNCOP"


def test_day_word_with_an_object_of_its_own_is_left_alone(coder):
    doc = coder.nlp("Le gouvernement a décrété samedi un couvre-feu.")
    assert next(t for t in doc if t.text == "couvre-feu").dep_ == "obj"


def test_preposition_before_an_article_is_not_a_partitive(coder):
    doc = coder.nlp("Le colonel, chargé mardi de la sécurité du palais, a démissionné.")
    assert next(t for t in doc if t.text == "sécurité").dep_ != "obj"


# -- "trois ministres, accusés de corruption": a bare participle after a noun is passive -----------
def test_bare_participle_after_a_noun_is_undergone_by_the_noun(code):
    evs = _of(code("Washington a sanctionné trois ministres vénézuéliens, accusés de corruption.").events, "ACCUSE")
    assert evs and evs[0].source is None and evs[0].target.code == "VENGOV"



# -- "prêt à accepter une trêve": one agreement, not a bare intent beside it ----------------------
def test_intent_governing_an_agreement_is_the_agreement(code):
    evs = code("Le gouvernement s'est dit prêt à accepter une médiation de l'Union africaine.").events
    assert [e.cameo for e in evs] == ["038"]
    assert evs[0].source is not None and evs[0].source.role == "GOV" and evs[0].target.code == "IGOAFRAFU"


def test_bare_intent_alone_is_kept(code):
    evs = _of(code("La Russie sera prête à revenir à l'accord.").events, "AGREE")
    assert evs and evs[0].cameo == "030"
