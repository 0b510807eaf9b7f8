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
