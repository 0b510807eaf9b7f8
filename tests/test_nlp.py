"""Parsing stage: paragraphs bound sentences and trees; sentence repair."""
import pytest

from quiquoi.nlp import PARAGRAPH_COMPONENT, load_pipeline, sentences

TEXT = ("Le ministre russe des Affaires étrangères a rencontré lundi son homologue américain à Vienne\n\n"
        "« Nous devons agir », a déclaré le porte-parole.\n\n"
        "L'armée syrienne a bombardé Alep mardi matin")


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline("fr")


def test_paragraph_component_runs_before_the_parser(nlp):
    names = nlp.pipe_names
    assert names.index(PARAGRAPH_COMPONENT) < names.index("parser")


def test_components_the_language_data_disables_do_not_run_and_lemmas_still_come(nlp):
    from quiquoi.lang import load_language
    disabled = load_language("fr").config.get("disable") or []
    assert "attribute_ruler" in disabled
    assert not set(disabled) & set(nlp.pipe_names)
    doc = nlp("L'armée syrienne a bombardé les quartiers rebelles.")
    # the French lemmatizer reads POS, not the TAG the attribute ruler would have written
    assert [t.lemma_ for t in doc if t.pos_ in ("VERB", "NOUN")] == ["armée", "bombarder", "quartier"]
    assert all(t.tag_ == "" for t in doc)


def test_no_sentence_or_tree_crosses_a_blank_line(nlp):
    doc = nlp(TEXT)
    assert doc.text == TEXT
    breaks = [t.i for t in doc if t.is_space and "\n\n" in t.text]
    assert len(breaks) == 2
    for b in breaks:
        assert doc[b + 1].is_sent_start
    for tok in doc:
        lo, hi = sorted((tok.i, tok.head.i))
        assert not any(lo < b < hi for b in breaks), (tok.text, tok.head.text)
    sents = sentences(doc)
    assert [s.paragraph for s in sents] == [1, 2, 3]
    assert all(TEXT[s.start_char:s.end_char] == s.text for s in sents)


def test_an_opening_mark_cut_off_by_the_parser_starts_the_next_sentence(nlp):
    # the parser sometimes ends a "sentence" right after an opening quote: it belongs to the next
    from spacy.tokens import Doc
    words = ["Il", "a", "parlé", ".", "\n\n", "“", "Il", "est", "détenu", "”", ",", "a", "dit", "X", "."]
    spaces = [True, True, False, False, False, False, True, True, False, False, True, True, True, False, False]
    starts = [True] + [False] * 4 + [True, True] + [False] * 8
    doc = Doc(nlp.vocab, words=words, spaces=spaces, sent_starts=starts)
    texts = [s.text for s in sentences(doc)]
    assert texts == ["Il a parlé.", "“Il est détenu”, a dit X."]
    assert [s.paragraph for s in sentences(doc)] == [1, 2]


def test_per_doc_arrays_say_what_the_tokens_say(nlp):
    from quiquoi.nlp import deps_of, heads_of, lemmas_of, offsets_of, pos_of, texts_of
    doc = nlp("Le ministre russe des Affaires étrangères, Sergueï Lavrov, a rencontré lundi "
              "son homologue américain à Genève.\n\nLes rebelles ont rejeté l'offre.")
    toks = list(doc)
    assert heads_of(doc) == [t.head.i for t in toks]
    assert any(h < i for i, h in enumerate(heads_of(doc)))      # heads before their word too
    assert lemmas_of(doc) == [t.lemma_ for t in toks]
    assert texts_of(doc) == [t.text for t in toks]
    assert pos_of(doc) == [t.pos_ for t in toks]
    assert deps_of(doc) == [t.dep_ for t in toks]
    assert offsets_of(doc) == [t.idx for t in toks]
    # read a second time from the Doc's memory, and the same for a new Doc of the vocabulary
    assert lemmas_of(doc) is lemmas_of(doc)
    other = nlp("Moscou a proposé des frappes communes.")
    assert lemmas_of(other) == [t.lemma_ for t in other]


def test_morph_reads_the_same_features_as_spacy_for_every_token(nlp):
    from quiquoi.nlp import morph
    doc = nlp(TEXT + ". Les manifestants auraient été arrêtés par la police, qui les avait encerclés.")
    fields = ("VerbForm", "Tense", "Mood", "Number", "Gender", "Person", "Definite", "Voice")
    for tok in doc:
        for field in fields:
            assert morph(tok, field) == tok.morph.get(field), (tok.text, field)
    verb = next(t for t in doc if t.text == "arrêtés")
    assert "Part" in morph(verb, "VerbForm") and morph(verb, "Number") == ["Plur"]


def test_children_are_spacys_and_are_forgotten_with_the_doc(nlp):
    from quiquoi.nlp import children, forget, text_of
    doc = nlp(TEXT)
    for tok in doc:
        assert [c.i for c in children(tok)] == [c.i for c in tok.children]
    assert children(doc[3]) is children(doc[3])          # made once
    text_of(doc)
    forget(doc)
    assert "quiquoi.tokens" not in doc.user_data and "quiquoi.text" in doc.user_data


def test_slotted_tokens_read_what_spacys_tokens_read_and_compare_equal(nlp):
    from spacy.tokens import Token

    from quiquoi.nlp import Tok, children, forget, tokens_of
    doc = nlp("Le porte-parole de la diplomatie américaine, Mark Toner, a exhorté Moscou à faire "
              "pression sur le régime.\n\nLes rebelles ont rejeté l'offre, a dit M. Toner.")
    toks = tokens_of(doc)
    assert len(toks) == len(doc) and tokens_of(doc) is toks
    for tok, t in zip(doc, toks):
        assert isinstance(t, Token) and type(t) is Tok
        assert (t.i, t.text, t.dep_, t.pos_, t.lemma_, t.idx) == (tok.i, tok.text, tok.dep_, tok.pos_, tok.lemma_, tok.idx)
        assert t.head.i == tok.head.i and type(t.head) is Tok
        assert [c.i for c in t.kids] == [c.i for c in tok.children]
        assert children(tok) is t.kids                  # a plain Token finds its slotted twin
        # the same token to spaCy either way: equality and hash, in sets and lists
        assert t == tok and tok == t and hash(t) == hash(tok) and tok in {t} and t in [tok]
        assert t.morph.get("Number") == tok.morph.get("Number")    # what has no slot is spaCy's
    forget(doc)
    # the slots that point at other Toks are gone with the table (no cycle keeps the Doc)
    with pytest.raises(AttributeError):
        toks[0].head


def test_coding_leaves_no_memo_that_holds_the_doc(coder):
    import gc
    import weakref

    from datetime import date

    from quiquoi.ingest.readers import InputArticle
    doc = coder.nlp(TEXT)
    coder.code_doc(doc, InputArticle(id="t", text=TEXT, published=date(2016, 5, 24)))
    assert not [k for k in doc.user_data if k != "quiquoi.text"]
    # no reference cycle is left: the Doc goes as soon as its last reference does
    gc.disable()
    try:
        gone = weakref.ref(doc)
        del doc
        assert gone() is None
    finally:
        gc.enable()
