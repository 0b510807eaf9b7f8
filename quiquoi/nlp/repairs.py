"""Repairs of the parser's systematic misreadings, run as the last pipeline component.

"Les États-Unis ont annoncé mardi des sanctions", "l'armée a lancé dimanche des frappes":
after a day word, the French model reads the partitive article "des"/"de" as the
preposition "de" + "les" and hangs the verb's object on the day ("dimanche" obj, "frappes"
nmod of it). The repair gives the verb its object back and makes the day a modifier.
The words come from the language's config.yaml (time_object_words, partitive_articles).

"Il a qualifié le retrait annoncé par le président français de « violation flagrante »":
the model hangs the attribute "de violation" on the object's last noun, so that the
president's phrase swallows it. Verbs of naming (config attribute_verbs) get back their
"de" attribute: the first bare noun or adjective (no article) after their object.
"""
from __future__ import annotations

from spacy.attrs import LEMMA, LOWER
from spacy.language import Language
from spacy.tokens import Doc

from quiquoi.actors.dictionary import fold
from quiquoi.nlp import preposition_of


class PartitiveAfterTime:
    def __init__(self, time_words: list[str], partitives: list[str], attribute_verbs: list[str] = (),
                 attribute_preps: list[str] = ()):
        self.time_words = {fold(w) for w in time_words}
        self.partitives = {fold(w) for w in partitives}
        self.attribute_preps = {fold(w).rstrip("'’") for w in attribute_preps}
        self.attribute_verbs = {fold(w) for w in attribute_verbs}
        self.attribute_forms = set(attribute_verbs) | {w.lower() for w in attribute_verbs}

    def __call__(self, doc: Doc) -> Doc:
        if self.attribute_verbs:
            self._attributes(doc)
        n = len(doc)
        strings = doc.vocab.strings
        lowers = doc.to_array(LOWER).tolist()     # no Token made for the other words
        for i, low in enumerate(lowers):
            if i + 2 >= n or strings[low] not in self.time_words:
                continue
            t = doc[i]
            verb = t.head
            art = doc[t.i + 1]
            if verb.pos_ not in ("VERB", "AUX") or verb.i > t.i or fold(art.text) not in self.partitives \
                    or art.dep_ != "case":
                continue
            if doc[t.i + 2].pos_ == "DET":
                continue          # "chargé vendredi de la sécurité": a preposition before an article
            noun = art.head
            if noun.pos_ != "NOUN" or noun.i <= art.i or not (noun.head.i == t.i or noun.head.i == verb.i):
                continue
            if noun.head.i == verb.i and noun.dep_ == "obj":
                continue
            if any(c.dep_ == "obj" and c.i != t.i for c in verb.children):
                continue          # the verb has an object of its own: nothing to give back
            noun.head = verb
            noun.dep_ = "obj"
            art.dep_ = "det"
            art.pos_ = "DET"
            if t.dep_ == "obj":
                t.dep_ = "obl:mod"
        return doc


    def _attributes(self, doc: Doc) -> None:
        strings = doc.vocab.strings
        wanted = {strings[w] for w in self.attribute_forms}     # lemma hashes: no string per word
        for i, lemma in enumerate(doc.to_array(LEMMA).tolist()):
            if lemma not in wanted:
                continue
            verb = doc[i]
            if verb.pos_ != "VERB" or any(c.dep_.startswith("obl") and c.i > i
                                          and preposition_of(c) in self.attribute_preps for c in verb.children):
                continue
            obj = next((c for c in verb.children if c.dep_ == "obj" and c.i > i), None)
            if obj is None:
                continue
            for d in obj.subtree:
                if d.i > obj.i and d.dep_ == "nmod" and d.pos_ in ("NOUN", "ADJ") \
                        and preposition_of(d) in self.attribute_preps and not any(c.dep_ == "det" for c in d.children):
                    d.head = verb
                    d.dep_ = "obl:arg"
                    break


@Language.factory("quiquoi_partitive_after_time",
                  default_config={"time_words": [], "partitives": [], "attribute_verbs": [],
                                  "attribute_preps": []})
def make_partitive_after_time(nlp: Language, name: str, time_words: list[str], partitives: list[str],
                              attribute_verbs: list[str], attribute_preps: list[str]):
    return PartitiveAfterTime(time_words, partitives, attribute_verbs, attribute_preps)
