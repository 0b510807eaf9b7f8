"""Fifth round of general French patterns behind the event coder's accuracy: one test per
pattern, on short sentences written for the test (none taken from the evaluation articles)."""
import pytest
from spacy.tokens import Doc

from quiquoi.nlp.repairs import PartitiveAfterTime

CLAUSES = ["advcl", "obl", "obl:mod", "obl:arg"]


def _subject_of(doc, verb_text):
    verb = next(t for t in doc if t.text == verb_text)
    return [c.text for c in verb.children if c.dep_.startswith("nsubj")]


# -- "Interrogé par X, Mamadou Diallo, porte-parole, a dénoncé": the subject hung on the opening clause --
@pytest.mark.parametrize("text, verb, subject, title", [
    # the name and the title both hung on the clause's noun
    ("Interrogé par la radio publique, Mamadou Diallo, porte-parole de l'opposition guinéenne, "
     "a dénoncé les arrestations.", "dénoncé", "Mamadou", "porte-parole"),
    ("Selon la télévision d'Etat, Abdel Fattah al-Burhane, chef de l'armée soudanaise, a menacé "
     "les paramilitaires.", "menacé", "Abdel", "chef"),
    # the parser ended a sentence at the comma before the verb
    ("Arrêté dimanche à l'aéroport de la capitale, Ousmane Sonko, chef de l'opposition, a accusé "
     "le gouvernement de complot.", "accusé", "Ousmane", "chef"),
    # the main verb a conjunct of the opening participle
    ("Condamné à dix ans de prison par un tribunal militaire, Moussa Kaboré, chef d'un parti "
     "d'opposition, a dénoncé un procès politique.", "dénoncé", "Moussa", "chef"),
])
def test_main_verb_gets_back_the_subject_hung_on_an_opening_clause(coder, text, verb, subject, title):
    doc = coder.nlp(text)
    assert _subject_of(doc, verb) == [subject]
    name = next(t for t in doc if t.text == subject)
    assert [c.text for c in name.children if c.dep_ == "appos"] == [title]    # the title stays his
    assert len(list(doc.sents)) == 1


def test_repaired_subject_is_the_events_source(code):
    evs = [e for e in code("Interrogé par la radio publique, Mamadou Diallo, porte-parole de l'opposition "
                           "guinéenne, a dénoncé les arrestations.").events if e.type == "ACCUSE"]
    assert evs and evs[0].source is not None
    assert (evs[0].source.name, evs[0].source.country, evs[0].source.role) == ("Mamadou Diallo", "GIN", "OPP")


def _doc(nlp, rows, spaces=None):
    """A Doc with the parse written out: rows of (word, pos, dep, head, morph)."""
    words = [r[0] for r in rows]
    spaces = spaces or [i + 1 < len(rows) and rows[i + 1][0] not in (",", ".") for i in range(len(rows))]
    return Doc(nlp.vocab, words=words, spaces=spaces, pos=[r[1] for r in rows], deps=[r[2] for r in rows],
               heads=[r[3] for r in rows], morphs=[r[4] for r in rows])


def test_a_phrase_with_a_definite_article_after_a_name_is_the_subject_not_an_apposition(coder):
    # "Selon le porte-parole, Ali Rezaï, l'explosion, qui a tout détruit, s'est produite":
    # the name is the spokesman's; the explosion is what happened
    rows = [("Selon", "ADP", "case", 2, ""), ("le", "DET", "det", 2, "Definite=Def"),
            ("porte-parole", "NOUN", "obl:mod", 17, ""), (",", "PUNCT", "punct", 4, ""),
            ("Ali", "PROPN", "appos", 2, ""), ("Rezaï", "PROPN", "flat:name", 4, ""),
            (",", "PUNCT", "punct", 2, ""), ("l'", "DET", "det", 8, "Definite=Def"),
            ("explosion", "NOUN", "appos", 2, ""), (",", "PUNCT", "punct", 12, ""),
            ("qui", "PRON", "nsubj", 12, "PronType=Rel"), ("a", "AUX", "aux:tense", 12, "VerbForm=Fin"),
            ("détruit", "VERB", "acl:relcl", 8, "VerbForm=Part"), ("tout", "PRON", "obj", 12, ""),
            (",", "PUNCT", "punct", 17, ""), ("s'", "PRON", "expl:comp", 17, ""),
            ("est", "AUX", "aux:tense", 17, "VerbForm=Fin"), ("produite", "VERB", "ROOT", 17, "VerbForm=Part"),
            (".", "PUNCT", "punct", 17, "")]
    doc = _doc(coder.nlp, rows)
    PartitiveAfterTime([], [], detached_clauses=CLAUSES)(doc)
    assert _subject_of(doc, "produite") == ["explosion"]
    assert doc[4].head.text == "porte-parole"


@pytest.mark.parametrize("first_words", [
    # "parmi eux des membres": a phrase opened by a preposition is no subject
    [("parmi", "ADP", "case", 6, ""), ("eux", "PRON", "nmod", 6, "")],
    # "66 ans": an age alone is no subject
    [("66", "NUM", "nummod", 5, ""), ("ans", "NOUN", "nmod", 6, "")],
])
def test_phrases_that_cannot_be_subjects_are_left_alone(coder, first_words):
    rows = [("Réunis", "VERB", "advcl", 9, "VerbForm=Part"), ("à", "ADP", "case", 2, ""),
            ("Paris", "PROPN", "obl:mod", 0, ""), (",", "PUNCT", "punct", 6, ""), *first_words,
            ("membres", "NOUN", "appos", 2, ""), (",", "PUNCT", "punct", 9, ""),
            ("ont", "AUX", "aux:tense", 9, "VerbForm=Fin"), ("condamné", "VERB", "ROOT", 9, "VerbForm=Part"),
            ("le", "DET", "det", 11, "Definite=Def"), ("texte", "NOUN", "obj", 9, ""), (".", "PUNCT", "punct", 9, "")]
    doc = _doc(coder.nlp, rows)
    PartitiveAfterTime([], [], detached_clauses=CLAUSES)(doc)
    assert _subject_of(doc, "condamné") == []
    assert doc[6].head.text == "Paris"


def test_without_the_config_the_repair_is_off(coder):
    rows = [("Battu", "VERB", "advcl", 8, "VerbForm=Part"), ("à", "ADP", "case", 2, ""),
            ("Lusaka", "PROPN", "obl:arg", 0, ""), (",", "PUNCT", "punct", 4, ""),
            ("Hakainde", "PROPN", "appos", 2, ""), ("Hichilema", "PROPN", "flat:name", 4, ""),
            (",", "PUNCT", "punct", 8, ""), ("n'", "ADV", "advmod", 8, ""),
            ("accepte", "VERB", "ROOT", 8, "VerbForm=Fin"), ("rien", "PRON", "obj", 8, ""), (".", "PUNCT", "punct", 8, "")]
    off = _doc(coder.nlp, rows)
    PartitiveAfterTime([], [])(off)
    assert _subject_of(off, "accepte") == []
    on = _doc(coder.nlp, rows)
    PartitiveAfterTime([], [], detached_clauses=CLAUSES)(on)
    assert _subject_of(on, "accepte") == ["Hakainde"]


# -- "insister sur X" only stresses X; "insister pour que" demands ------------------------------
def test_insisting_on_a_point_is_no_demand(code):
    assert not [e for e in code("La ministre insiste sur le travail accompli par son gouvernement.").events
                if e.type == "REQUEST"]


def test_insisting_that_something_be_done_is_a_demand(code):
    evs = [e for e in code("Le ministre a insisté pour que l'armée se retire de la ville.").events
           if e.type == "REQUEST"]
    assert evs and evs[0].cameo == "100"
