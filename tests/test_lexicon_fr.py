"""Checks of the French event lexicon (quiquoi/lang/fr/{verbs,nouns,modality}.yaml).

The data files are read with yaml.safe_load only: these tests do not depend on the
matcher, so a broken or inconsistent lexicon fails here first.
"""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).parents[1]
LEX = ROOT / "quiquoi" / "lang" / "fr"
CAMEO_TSV = ROOT / "quiquoi" / "data" / "cameo.tsv"

# Where a target (or, for nouns, a source) may sit.
PREPOSITIONS = {
    "à", "de", "sur", "contre", "avec", "envers", "auprès de", "pour", "vers", "chez",
    "en", "dans", "entre", "devant", "face à", "en faveur de", "autour de", "près de",
    "à l'égard de", "à l'encontre de",
}
VERB_TARGETS = {"obj", "iobj"} | PREPOSITIONS
NOUN_SOURCES = PREPOSITIONS | {"par"}
NOUN_TARGETS = PREPOSITIONS

VERB_REQUIRED = {"lemma": str, "cameo": str, "target": list}
VERB_OPTIONAL = {
    "obj": str, "prep": str, "reflexive": bool, "fixed": str,
    "negative_only": bool, "symmetric": bool, "note": str,
    "source": list, "needs_target": bool, "needs_source": bool, "speaker_source": bool,
    "source_roles": list, "prep_lemmas": list, "attributes": list, "or_source_roles": list,
    "obligation": bool, "speaker_judges": bool,
}
NOUN_REQUIRED = {"lemma": str, "cameo": str, "source": list, "target": list}
NOUN_OPTIONAL = {"requires_adj": list, "requires_of": list, "between": bool, "marks": str, "means": bool,
                 "speaker_source": bool, "note": str}
MODALITIES = {"proposed", "requested", "refused", "hypothetical"}
CAMEO_CODE = re.compile(r"^(0[1-9]|1[0-9]|20)[0-9]{0,2}$")


def _load(name: str) -> dict:
    with open(LEX / name, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@pytest.fixture(scope="module")
def verbs() -> list[dict]:
    return _load("verbs.yaml")["verbs"]


@pytest.fixture(scope="module")
def verbs_doc() -> dict:
    return _load("verbs.yaml")


@pytest.fixture(scope="module")
def nouns() -> list[dict]:
    return _load("nouns.yaml")["nouns"]


@pytest.fixture(scope="module")
def modality() -> dict:
    return _load("modality.yaml")


def _key(e: dict) -> tuple:
    return (e["lemma"], e.get("obj"), e.get("prep"), e.get("reflexive"), e.get("fixed"),
            e.get("negative_only"), tuple(e.get("attributes", [])))


def _first_match(verbs: list[dict], lemma: str, **constraints) -> dict | None:
    """The entry a first-match matcher would pick for a predicate with these features."""
    for e in verbs:
        if e["lemma"] != lemma:
            continue
        ok = True
        for k in ("obj", "prep", "fixed"):
            if k in e and e[k] != constraints.get(k):
                ok = False
        if "reflexive" in e and e["reflexive"] != constraints.get("reflexive", False):
            ok = False
        if e.get("negative_only") and not constraints.get("negated", False):
            ok = False
        if ok:
            return e
    return None


# ----------------------------------------------------------------------------- sizes


def test_sizes(verbs, nouns):
    assert len(verbs) >= 450
    assert len(nouns) >= 80


# ----------------------------------------------------------------------------- codes


def test_codes_are_cameo_shaped(verbs, nouns):
    for e in verbs + nouns:
        assert isinstance(e["cameo"], str), e
        assert CAMEO_CODE.match(e["cameo"]), e


def test_codes_exist_in_cameo_table(verbs, nouns):
    if not CAMEO_TSV.exists():
        pytest.skip(f"{CAMEO_TSV} not shipped yet")
    known = set()
    for line in CAMEO_TSV.read_text(encoding="utf-8").splitlines():
        first = line.split("\t", 1)[0].strip()
        if first.isdigit():
            known.add(first)
    assert len(known) > 200, "cameo.tsv looks truncated"
    unknown = sorted({e["cameo"] for e in verbs + nouns} - known)
    assert not unknown, f"codes absent from cameo.tsv: {unknown}"


def test_all_twenty_roots_covered(verbs):
    roots = {e["cameo"][:2] for e in verbs}
    assert roots == {f"{i:02d}" for i in range(1, 21)}


# ----------------------------------------------------------------------------- shape


@pytest.mark.parametrize("kind", ["verbs", "nouns"])
def test_entry_shape(kind, verbs, nouns):
    entries = verbs if kind == "verbs" else nouns
    required = VERB_REQUIRED if kind == "verbs" else NOUN_REQUIRED
    optional = VERB_OPTIONAL if kind == "verbs" else NOUN_OPTIONAL
    for e in entries:
        assert isinstance(e, dict), e
        for k, t in required.items():
            assert k in e, (k, e)
            assert isinstance(e[k], t), (k, e)
        for k, v in e.items():
            assert k in required or k in optional, f"unknown key {k!r} in {e}"
            if k in optional:
                assert isinstance(v, optional[k]), (k, e)
        assert e["lemma"] and e["lemma"] == e["lemma"].strip(), e
        for k in ("obj", "prep", "fixed"):
            if k in e:
                assert e[k].strip(), e
        for t in e["target"]:
            assert isinstance(t, str)


def test_verb_targets_vocabulary(verbs):
    for e in verbs:
        bad = [t for t in e["target"] if t not in VERB_TARGETS]
        assert not bad, (bad, e)
        assert len(set(e["target"])) == len(e["target"]), e
        if "prep" in e:
            assert e["prep"] in PREPOSITIONS, e


def test_noun_sources_targets_vocabulary(nouns):
    for e in nouns:
        assert all(s in NOUN_SOURCES for s in e["source"]), e
        assert all(t in NOUN_TARGETS for t in e["target"]), e
        if "marks" in e:
            assert e["marks"] in MODALITIES, e
        for a in e.get("requires_adj", []):
            assert isinstance(a, str) and a, e


def test_no_duplicate_verb_keys(verbs):
    dup = [k for k, c in Counter(_key(e) for e in verbs).items() if c > 1]
    assert not dup, dup


def test_no_duplicate_noun_keys(nouns):
    keys = Counter((e["lemma"], tuple(e.get("requires_adj", [])), tuple(e.get("requires_of", []))) for e in nouns)
    assert not [k for k, c in keys.items() if c > 1]


def test_no_verb_entry_is_shadowed(verbs):
    """First match wins: an entry must not be hidden by an earlier, less constrained one."""
    def constraints(e):
        return {k: e[k] for k in ("obj", "prep", "reflexive", "fixed", "negative_only", "attributes") if k in e}

    for i, late in enumerate(verbs):
        for early in verbs[:i]:
            if early["lemma"] != late["lemma"]:
                continue
            ce, cl = constraints(early), constraints(late)
            if all(k in cl and cl[k] == v for k, v in ce.items()):
                pytest.fail(f"{late} is unreachable behind {early}")


def test_no_noun_entry_is_shadowed(nouns):
    for i, late in enumerate(nouns):
        for early in nouns[:i]:
            if early["lemma"] == late["lemma"] and "requires_adj" not in early and "requires_of" not in early:
                pytest.fail(f"{late} is unreachable behind {early}")


def test_no_pure_speech_verbs(verbs):
    speech = {"dire", "déclarer", "affirmer", "estimer", "ajouter", "souligner", "indiquer",
              "expliquer"}
    for e in verbs:
        if e["lemma"] in speech:
            # only constrained multi-word predicates (se dire préoccupé, déclarer la guerre,
            # estimer une décision illégale)
            assert {"obj", "fixed", "attributes"} & set(e), e


# ----------------------------------------------------------------------------- content


MUST_VERBS = {
    # lemma (or (lemma, obj)) -> expected CAMEO root of the plain use
    "exhorter": "02", "presser": "02", ("faire", "pression"): "10", "condamner": "11",
    "accuser": "11", "rejeter": "12", "refuser": "12", "menacer": "13", "bombarder": "19",
    "frapper": "19", "attaquer": "19", "tuer": "18", "arrêter": "17", "sanctionner": "16",
    "expulser": "17", "rencontrer": "04", "signer": "05", "proposer": "03", "promettre": "03",
    "aider": "07", "livrer": "07", "retirer": "08", "libérer": "08", "manifester": "14",
}


@pytest.mark.parametrize("item", list(MUST_VERBS), ids=str)
def test_must_have_verbs(verbs, item):
    lemma, obj = (item, None) if isinstance(item, str) else item
    e = _first_match(verbs, lemma, obj=obj)
    assert e is not None, item
    assert e["cameo"][:2] == MUST_VERBS[item], (item, e)


def test_more_required_predicates(verbs):
    def code(lemma, **kw):
        e = _first_match(verbs, lemma, **kw)
        assert e is not None, (lemma, kw)
        return e["cameo"]

    assert code("appeler", prep="à") == "020"
    assert code("appeler") == "041"                      # plain appeler = telephone
    assert code("demander")[:2] == "02"
    assert code("mettre", fixed="en garde")[:2] == "13"
    assert code("lancer", obj="ultimatum") == "139"
    assert code("rappeler", obj="ambassadeur") == "161"
    assert code("rompre", obj="relation") == "161"
    assert code("entretenir", reflexive=True) == "040"
    assert code("réunir", reflexive=True) == "040"
    assert code("rendre", reflexive=True, prep="à") == "042"
    assert code("opposer", obj="veto") == "128"
    assert code("imposer", obj="sanction") == "166"
    assert code("condamner", prep="à") == "173"        # condamner à dix ans de prison
    assert code("violer", obj="cessez-le-feu") == "196"
    assert code("arrêter", obj="frappe")[:2] == "08"   # stop the strikes, not an arrest
    assert code("lever", obj="sanction") == "085"
    assert code("parvenir", fixed="à un accord") == "057"
    assert code("engager", reflexive=True, prep="à") == "030"
    assert code("commenter", negated=True) == "011"
    assert _first_match(verbs, "commenter") is None    # plain commenter is not an event
    assert _first_match(verbs, "appuyer", reflexive=True) is None  # s'appuyer sur
    assert _first_match(verbs, "allier") is None         # "allié de Moscou" apposition


def test_symmetric_meeting_verbs(verbs):
    for lemma, kw in [("rencontrer", {}), ("négocier", {}), ("signer", {}),
                      ("entretenir", {"reflexive": True}), ("réunir", {"reflexive": True})]:
        assert _first_match(verbs, lemma, **kw).get("symmetric") is True, lemma


MUST_NOUNS = {
    "frappe": "19", "bombardement": "19", "raid": "19", "attaque": "19", "attentat": "18",
    "offensive": "19", "assaut": "19", "tir": "19", "pilonnage": "19", "massacre": "20",
    "enlèvement": "18", "arrestation": "17", "expulsion": "17", "sanction": "16",
    "embargo": "16", "blocus": "19", "manifestation": "14", "grève": "14",
    "rassemblement": "14", "émeute": "14", "rencontre": "04", "entretien": "04",
    "réunion": "04", "sommet": "04", "visite": "04", "négociation": "04", "pourparler": "04",
    "accord": "05", "traité": "05", "aide": "07", "soutien": "05", "condamnation": "11",
    "accusation": "11", "menace": "13", "ultimatum": "13", "rejet": "12", "refus": "12",
    "veto": "12", "appel": "02", "demande": "02", "exigence": "10", "libération": "08",
    "retrait": "08", "déploiement": "15", "offre": "03", "proposition": "03",
    "promesse": "03", "enquête": "09", "procès": "17",
}


def _noun(nouns, lemma, adjs=()):
    for e in nouns:
        if e["lemma"] != lemma:
            continue
        req = e.get("requires_adj")
        if req and not set(req) & set(adjs):
            continue
        if e.get("requires_of"):
            continue        # a refinement by the noun's complement, not the plain use
        return e
    return None


@pytest.mark.parametrize("lemma", list(MUST_NOUNS))
def test_must_have_nouns(nouns, lemma):
    e = _noun(nouns, lemma)
    assert e is not None, lemma
    assert e["cameo"][:2] == MUST_NOUNS[lemma], e


def test_noun_adjective_refinements(nouns):
    assert _noun(nouns, "frappe", ["aérien"])["cameo"] == "195"
    assert _noun(nouns, "appel", ["téléphonique"])["cameo"] == "041"
    assert _noun(nouns, "appel", ["téléphonique"]).get("between") is True
    assert _noun(nouns, "appel")["cameo"][:2] == "02"
    assert _noun(nouns, "aide", ["humanitaire"])["cameo"] == "073"
    assert _noun(nouns, "attaque", ["chimique"])["cameo"] == "2041"
    assert _noun(nouns, "proposition")["marks"] == "proposed"
    assert _noun(nouns, "offre")["marks"] == "proposed"


def test_standing_truce_is_not_a_nominal_event(nouns):
    lemmas = {e["lemma"] for e in nouns}
    assert not {"trêve", "cessez-le-feu", "cessation"} & lemmas


# ----------------------------------------------------------------------------- modality


def test_modality_shape(modality):
    neg = modality["negation"]
    assert isinstance(neg, list)
    assert {"pas", "jamais", "aucun", "ni", "sans", "n'"} <= set(neg)
    assert set(modality["negation_requires_ne"]) <= set(neg)
    gov = modality["governors"]
    assert {"proposed", "requested", "refused", "hypothetical", "reported"} <= set(gov)
    assert all(isinstance(v, list) and v for v in gov.values())
    assert "Cnd" in modality["hypothetical_markers"]["mood"]
    assert "si" in modality["hypothetical_markers"]["conjunctions"]
    assert {"cesser", "arrêter", "mettre fin"} <= set(modality["cessation_verbs"])
    gn = modality["governing_nouns"]
    assert {"proposition", "offre"} <= set(gn["proposed"])
    assert {"appel", "demande", "exigence"} <= set(gn["requested"])
    assert {"refus", "rejet"} <= set(gn["refused"])


def test_modality_categories_are_disjoint(modality):
    for table in ("governors", "governing_nouns"):
        seen: dict[str, str] = {}
        for cat, words in modality[table].items():
            for w in words:
                assert w not in seen, f"{w!r} in both {seen[w]} and {cat} ({table})"
                seen[w] = cat
    # a stopping verb cannot also be a continuation verb
    assert not set(modality["cessation_verbs"]) & set(modality["continuation_verbs"])


def test_seed_governors(modality):
    gov = modality["governors"]
    assert {"exhorter", "presser", "demander", "appeler"} <= set(gov["requested"])
    assert {"proposer", "offrir"} <= set(gov["proposed"])
    assert {"refuser", "rejeter"} <= set(gov["refused"])
    assert {"pouvoir", "menacer", "risquer"} <= set(gov["hypothetical"])
    assert {"selon", "d'après"} <= set(gov["reported"])


def test_requesting_governors_are_request_events(verbs, modality):
    """A verb that marks its complement as requested is itself an appeal/demand."""
    for lemma in ("exhorter", "presser", "demander", "réclamer", "exiger", "implorer",
                  "supplier", "sommer", "enjoindre"):
        e = _first_match(verbs, lemma)
        assert e is not None, lemma
        assert e["cameo"][:2] in {"02", "10"}, e
        assert lemma in modality["governors"]["requested"]


def test_noun_marks_agree_with_modality(nouns, modality):
    for e in nouns:
        if "marks" in e:
            assert e["lemma"] in modality["governing_nouns"][e["marks"]], e


def test_surface_lemmas(verbs_doc, verbs, modality):
    """Inflected forms the model fails to lemmatise map onto lemmas of the lexicon (or of
    the verbs that govern an event's modality)."""
    aliases = verbs_doc.get("surface_lemmas", {})
    assert isinstance(aliases, dict) and aliases
    lemmas = {e["lemma"] for e in verbs} | {w for ws in modality["governors"].values() for w in ws} \
        | set(modality["attempt_verbs"])
    for form, lemma in aliases.items():
        assert form == form.lower() and " " not in form
        assert lemma in lemmas, (form, lemma)
    assert aliases.get("bombarde") == "bombarder"
    assert aliases.get("tue") == "tuer"


# ----------------------------------------------------------------------------- model lemmas


@pytest.fixture(scope="module")
def nlp():
    spacy = pytest.importorskip("spacy")
    try:
        return spacy.load("fr_core_news_md")
    except OSError:
        pytest.skip("fr_core_news_md not installed")


SEED_SENTENCES = [
    # (sentence, token text, expected lemma, which lexicon)
    ("John Kerry a exhorté lundi son homologue russe à faire pression sur le régime.",
     "exhorté", "exhorter", "verbs"),
    ("Le département d'État a pressé ses alliés de continuer à respecter la trêve.",
     "pressé", "presser", "verbs"),
    ("John Kerry a demandé à Sergueï Lavrov de presser le régime.", "demandé", "demander", "verbs"),
    ("L'offre avait déjà été rejetée par le Pentagone.", "rejetée", "rejeter", "verbs"),
    ("Le régime a bombardé l'opposition à Alep.", "bombardé", "bombarder", "verbs"),
    ("Les rebelles ont été arrêtés et expulsés.", "expulsés", "expulser", "verbs"),
    ("Le ministre s'est entretenu avec son homologue.", "entretenu", "entretenir", "verbs"),
    ("Le GISS s'est réuni la semaine dernière à Vienne.", "réuni", "réunir", "verbs"),
    ("Moscou a livré des armes à Damas.", "livré", "livrer", "verbs"),
    ("Il a cessé les frappes aériennes contre des civils.", "frappes", "frappe", "nouns"),
    ("Dans un nouvel appel téléphonique entre les deux ministres.", "appel", "appel", "nouns"),
    ("Les pourparlers politiques entre les belligérants ont échoué.", "pourparlers",
     "pourparler", "nouns"),
    ("Les négociations indirectes n'ont produit aucune avancée.", "négociations",
     "négociation", "nouns"),
]


def test_model_lemmas_are_in_lexicon(nlp, verbs, nouns):
    verb_lemmas = {e["lemma"] for e in verbs}
    noun_lemmas = {e["lemma"] for e in nouns}
    for sent, text, lemma, kind in SEED_SENTENCES:
        tok = next(t for t in nlp(sent) if t.text == text)
        assert tok.lemma_ == lemma, (sent, tok.lemma_)
        assert lemma in (verb_lemmas if kind == "verbs" else noun_lemmas), lemma


def test_model_adjective_lemma_for_air_strikes(nlp, nouns):
    doc = nlp("Les frappes aériennes russes ont repris.")
    adj = next(t for t in doc if t.text == "aériennes")
    assert adj.lemma_ in _noun(nouns, "frappe", [adj.lemma_])["requires_adj"]


def test_noun_complement_refinement_and_passive_sources(verbs, nouns):
    # "l'expulsion de diplomates" cuts diplomatic relations; plain expulsion is a coercion
    refined = [e for e in nouns if e["lemma"] == "expulsion" and "diplomate" in e.get("requires_of", [])]
    assert refined and refined[0]["cameo"] == "161"
    for e in nouns:
        for k in ("source", "target"):
            assert set(e.get(k, [])) <= NOUN_SOURCES, e
    # a passive without agent: "convoqué au ministère" names the summoner
    summon = [e for e in verbs if e["lemma"] == "convoquer" and e.get("obj") == "ambassadeur"]
    assert summon and "à" in summon[0]["source"]
    for e in verbs:
        assert set(e.get("source", [])) <= PREPOSITIONS | {"au", "aux", "par"}, e


def test_political_verbs_added_for_the_dev_set(verbs):
    assert _first_match(verbs, "destituer")["cameo"][:2] == "17"
    assert _first_match(verbs, "renverser")["cameo"][:2] == "17"
    assert _first_match(verbs, "admonester")["cameo"][:2] == "11"
    assert _first_match(verbs, "appeler", obj="manifestation", prep="à")["cameo"][:2] == "14"
    assert _first_match(verbs, "appeler", obj="grève", prep="à")["cameo"] == "143"
    assert _first_match(verbs, "appeler", prep="à")["cameo"][:2] == "02"
    surrender = _first_match(verbs, "livrer", reflexive=True)
    assert surrender["needs_target"] is True
    assert _first_match(verbs, "arrêter")["needs_target"] is True


def test_future_in_past_refusals_are_reject_codes(modality):
    """Every code a refused future is coded with is a CAMEO rejection (root 12)."""
    from quiquoi.lang import cameo_table

    fip = modality["future_in_past"]
    assert {"que", "qu'"} <= set(fip["complementisers"])
    assert "default" in fip["refusal_cameo"]
    for root, code in fip["refusal_cameo"].items():
        assert root == "default" or re.fullmatch(r"\d\d", root), root
        assert cameo_table()[code]["plover_type"] == "REJECT", code
    assert {"GOV", "MIL"} <= set(fip["own_side_roles"])


def test_conditional_stems_are_future_stems():
    """A future stem ends in r ("ser", "viendr"), and the endings are the conditional's."""
    config = _load("config.yaml")
    assert set(config["conditional_endings"]) == {"ais", "ait", "ions", "iez", "aient"}
    for lemma, stem in {**config["conditional_stems"], **config["conditional_stem_endings"]}.items():
        assert stem.endswith("r") and lemma.endswith(("er", "ir", "re", "oir")), (lemma, stem)
