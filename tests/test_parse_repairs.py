"""Parse repairs (quiquoi/nlp/repairs.py): the object the model reads as a modifier after a
time phrase ('a convoqué lundi 25 août l'ambassadeur'), a first name read as a noun apart
from its particle name ('Marine Le Pen'). Sentences written for the test."""


def _deps(doc, word):
    tok = next(t for t in doc if t.text == word)
    return tok.dep_, tok.head.text


def test_object_after_a_date_is_the_verbs_object(coder, code):
    doc = coder.nlp("La France a convoqué lundi 25 août l'ambassadeur américain à Paris.")
    assert _deps(doc, "ambassadeur") == ("obj", "convoqué")
    assert _deps(doc, "août")[1] != "ambassadeur"          # the date's words leave the object
    ev = next(e for e in code("La France a convoqué lundi 25 août l'ambassadeur américain à Paris.").events
              if e.trigger.text == "convoqué")
    assert ev.target is not None and ev.target.country == "USA"


def test_object_after_a_time_phrase_between_commas(coder):
    doc = coder.nlp("Le président de la région a critiqué, jeudi 18 juin, l'action du gouvernement.")
    assert _deps(doc, "action") == ("obj", "critiqué")
    assert all(t.dep_ == "punct" for t in doc if t.text == ",")


def test_an_inverted_subject_after_a_quotation_stays_the_subject(coder, code):
    text = "« Nous ne céderons pas », a souligné jeudi la chancelière allemande Angela Merkel."
    doc = coder.nlp(text)
    assert _deps(doc, "chancelière")[0] != "obj"
    rec = code(text)
    assert rec.quotes and rec.quotes[0].speaker is not None and rec.quotes[0].speaker.country == "DEU"


def test_a_first_name_read_as_a_noun_joins_its_particle_name(coder):
    # "Marine" is also a word (the navy): the tagger reads it as a noun apart from "Le Pen"
    doc = coder.nlp("Marine Le Pen a critiqué le gouvernement.")
    first = doc[0]
    assert first.pos_ == "PROPN" and first.dep_ == "nsubj" and first.head.text == "critiqué"
    assert [(t.text, t.dep_) for t in first.children] == [("Le", "flat:name"), ("Pen", "flat:name")]
    # an honorific is no first name; a lower-case article is no particle
    doc = coder.nlp("Mme Le Pen a critiqué le gouvernement. La Marine a tiré des missiles.")
    assert next(t for t in doc if t.text == "Mme").pos_ != "PROPN"
    assert next(t for t in doc if t.text == "Marine").dep_ == "nsubj"


def test_a_known_person_whose_first_name_is_a_role_word_is_that_person(code):
    # "Marine" alone is the navy (MIL); "Marine Le Pen" is in the person dictionary
    rec = code("Marine Le Pen a critiqué le gouvernement.", published="2019-01-01")
    ev = next(e for e in rec.events if e.type == "ACCUSE")
    assert (ev.source.name, ev.source.code, ev.source.kind) == ("Marine Le Pen", "FRAOPP", "person")
    rec = code("« C'est un échec », a déclaré Marine Le Pen.", published="2019-01-01")
    assert rec.quotes[0].speaker.code == "FRAOPP"
    assert [a.code for a in rec.actors] == ["FRAOPP"]
    rec = code("La Marine a tiré des missiles.", published="2019-01-01")
    assert rec.actors[0].role == "MIL"
