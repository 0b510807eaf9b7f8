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

"La France a convoqué lundi 25 août l'ambassadeur américain", "a critiqué, jeudi soir,
l'action du gouvernement": after a time phrase, the model reads the object as a modifier
(obl:mod) and may hang the date's words on it. An active verb with no object gets it back
when only the time phrase (config time_object_words, time_phrase_words, numbers, commas)
stands between them.

"Marine Le Pen a critiqué": a first name that is also a word ("Marine", the navy) is read as
a noun apart from the rest of the name; a capitalised word, a capitalised particle (config
name_particles) and a proper noun in a row are made one name, as "Bruno Le Maire" is parsed.

"Battu à l'élection présidentielle en août, Hakainde Hichilema, surnommé « HH », refuse
toujours de reconnaître son rival": after a detached opening clause, the model often hangs
the subject on that clause (here in apposition to "élection") and leaves the finite main
verb with no subject. A main verb without one gets back the phrase that stands between
two commas right before it, if that phrase hangs inside a clause opening the sentence
(config detached_clause_deps names those clauses).

"la Russie bombarderait Alep", "Moscou ne participerait pas": the model often tags a
conditional as an imperfect (or a present). A finite verb in the indicative whose form is its future stem and a
conditional ending (config conditional_endings, conditional_stems, conditional_stem_endings)
is given the conditional mood (Mood=Cnd, Tense=Pres, as the model tags "pourrait").
"""
from __future__ import annotations

from itertools import compress, repeat

import numpy
from spacy.attrs import DEP, LEMMA, POS
from spacy.language import Language
from spacy.symbols import AUX, VERB
from spacy.tokens import Doc

from quiquoi.actors.dictionary import fold
from quiquoi.nlp import lowers_of, preposition_of, texts_of


class PartitiveAfterTime:
    def __init__(self, time_words: list[str], partitives: list[str], attribute_verbs: list[str] = (),
                 attribute_preps: list[str] = (), detached_clauses: list[str] = (),
                 time_phrase_words: list[str] = (), name_particles: list[str] = (),
                 honorifics: list[str] = (), conditional_endings: list[str] = (),
                 conditional_stems: dict[str, str] | None = None,
                 conditional_stem_endings: dict[str, str] | None = None):
        # longest first: "bombarderaient" ends in "aient", not "ait"
        self.cond_endings = tuple(sorted({fold(e) for e in conditional_endings}, key=len, reverse=True))
        self.cond_stems = {fold(k): fold(v) for k, v in (conditional_stems or {}).items()}
        self.cond_stem_endings = sorted(((fold(k), fold(v)) for k, v in (conditional_stem_endings or {}).items()),
                                        key=lambda kv: -len(kv[0]))
        self.detached_clauses = set(detached_clauses)
        # words a time phrase between a verb and its object is made of (with the day words
        # and numbers): "a convoqué lundi 25 août l'ambassadeur", "a critiqué, jeudi soir, l'action"
        self.time_phrase_words = {fold(w) for w in time_phrase_words}
        # capitalised particles inside a person's name ("Marine Le Pen", "Bruno Le Maire")
        self.name_particles = {w[:1].upper() + w[1:] for w in name_particles}
        self.honorifics = {w.lower().rstrip(".") for w in honorifics}     # "Mme Le Pen": not a first name
        self.time_words = {fold(w) for w in time_words}
        self.partitives = {fold(w) for w in partitives}
        self.attribute_preps = {fold(w).rstrip("'’") for w in attribute_preps}
        self.attribute_verbs = {fold(w) for w in attribute_verbs}
        self.attribute_forms = set(attribute_verbs) | {w.lower() for w in attribute_verbs}

    def __call__(self, doc: Doc) -> Doc:
        if self.cond_endings:
            self._conditionals(doc)
        if self.name_particles:
            self._particle_names(doc)
        if self.attribute_verbs:
            self._attributes(doc)
        if self.detached_clauses:
            self._detached_subjects(doc)
        n = len(doc)
        # the per-Doc array the later stages read too (no Token made for the other words)
        lowers = lowers_of(doc)
        # (each pass picks its few candidate words at C speed: a Python loop over every
        # token, seven times, cost more than the repairs themselves)
        for i in compress(range(n - 2), map(self.time_words.__contains__, lowers)):
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
        if self.time_phrase_words:
            self._objects_after_time(doc, lowers)
        self._object_after_adjunct(doc, lowers)
        self._object_hung_too_high(doc, lowers)
        return doc

    def _object_hung_too_high(self, doc: Doc, lowers: list[str]) -> None:
        """'arrêté ... pour avoir perturbé dimanche le convoi du chef de l'État': after a day
        word, the model hangs the object of a subordinate verb on the verb that governs it
        (obl:mod of "arrêté"). A verb with no object of its own, right before the time words,
        gets it back when it hangs, directly or not, on the verb the noun was given."""
        obl_mod = doc.vocab.strings["obl:mod"]
        time_words = self.time_words
        for i in _where(doc, DEP, obl_mod):
            # (a day word just before the noun's article, checked on the words first: most
            # modifiers have none, and making their Tokens is what costs)
            if i < 3 or (fold(lowers[i - 2]) not in time_words
                                           and fold(lowers[i - 3]) not in time_words):
                continue
            noun = doc[i]
            dets = [c for c in noun.children if c.dep_ == "det" and c.i < i]
            if noun.pos_ != "NOUN" or not dets or any(c.dep_ == "case" for c in noun.children):
                continue
            k = dets[0].i - 1
            while k > 0 and (fold(lowers[k]) in self.time_words or fold(lowers[k]) in self.time_phrase_words):
                k -= 1
            if k == dets[0].i - 1 or fold(lowers[k + 1]) not in self.time_words:
                continue
            verb = doc[k]
            if verb.pos_ != "VERB" or verb.i == noun.head.i or any(
                    c.dep_ in ("obj", "aux:pass", "expl:pass", "ccomp", "xcomp") for c in verb.children):
                continue
            up, steps = verb.head, 0
            while up.i != noun.head.i and up.head.i != up.i and steps < 4:
                up, steps = up.head, steps + 1
            if up.i != noun.head.i:
                continue
            noun.head, noun.dep_ = verb, "obj"

    def _object_after_adjunct(self, doc: Doc, lowers: list[str]) -> None:
        """'a déploré lundi, à l'ouverture de la réunion, l'absence de réponses': after a day
        word and an adjunct set off by commas, the model takes the day for the object and
        hangs the real one on the adjunct's last noun (appos). The verb gets it back."""
        n = len(doc)
        for i in compress(range(n - 3), map(self.time_words.__contains__, lowers)):
            if lowers[i + 1] != ",":
                continue
            day = doc[i]
            verb = day.head
            if day.dep_ != "obj" or verb.pos_ != "VERB" or verb.i > i or doc[i + 2].pos_ != "ADP":
                continue
            close = next((k for k in range(i + 3, n) if lowers[k] == "," or doc[k].is_sent_start), None)
            if close is None or lowers[close] != "," or close + 1 >= n:
                continue
            noun = doc[close + 1].head if doc[close + 1].dep_ == "det" else doc[close + 1]
            # hung on the adjunct's noun, or left a bare modifier of the verb
            hung = (noun.dep_ == "appos" and i + 2 <= noun.head.i < close) \
                or (noun.dep_ in ("obl:mod", "obl") and noun.head.i == verb.i)
            if noun.pos_ != "NOUN" or not hung or any(c.dep_ == "case" for c in noun.children):
                continue
            noun.head, noun.dep_ = verb, "obj"
            day.dep_ = "obl:mod"

    def _conditionals(self, doc: Doc) -> None:
        endings = self.cond_endings
        lowers = lowers_of(doc)
        for i in compress(range(len(lowers)), map(str.endswith, lowers, repeat(endings))):
            low = lowers[i]
            tok = doc[i]
            if tok.pos_ not in ("VERB", "AUX"):
                continue
            feats = tok.morph.to_dict()
            if feats.get("Mood", "Ind") != "Ind" or feats.get("VerbForm") != "Fin":
                continue      # (tagged an imperfect, and at times a present: the stem decides)
            word = fold(low)
            ending = next(e for e in endings if word.endswith(e))
            stems = _future_stems(fold(tok.lemma_), self.cond_stems, self.cond_stem_endings)
            if word[: len(word) - len(ending)] in stems:
                feats.update(Mood="Cnd", Tense="Pres")
                tok.set_morph("|".join(f"{k}={v}" for k, v in sorted(feats.items())))

    def _particle_names(self, doc: Doc) -> None:
        """'Marine Le Pen a critiqué': the tagger may read a first name that is also a word
        ("Marine": the navy) as a noun apart from the rest of the name, which it hangs on the
        capitalised particle's last word. A capitalised word, a capitalised particle (config
        name_particles) and a capitalised proper noun in a row are one name, headed by its
        first word, as the parser gives other names ("Bruno Le Maire")."""
        words = texts_of(doc)
        for i in compress(range(len(doc) - 2), map(self.name_particles.__contains__, words[1:])):
            first, particle, last = doc[i], doc[i + 1], doc[i + 2]
            if first.pos_ not in ("NOUN", "PROPN") or not words[i][:1].isupper() or not words[i].isalpha() \
                    or (particle.head.i == i and particle.dep_ == "flat:name") \
                    or words[i].lower() in self.honorifics \
                    or last.pos_ != "PROPN" or not words[i + 2][:1].isupper():
                continue
            if last.head.i not in (i, i + 1, i + 2):
                # the name's place in the sentence is the one its last word was given
                first.head, first.dep_ = (last.head, last.dep_)
            elif first.head.i in (i + 1, i + 2):
                first.head, first.dep_ = first, "ROOT"
            first.pos_ = "PROPN"
            particle.head, particle.dep_ = first, "flat:name"
            last.head, last.dep_ = first, "flat:name"

    def _objects_after_time(self, doc: Doc, lowers: list[str]) -> None:
        """'a convoqué lundi 25 août l'ambassadeur': after a time phrase the model reads the
        object as a modifier (obl:mod, with the date's words hung on it); an active verb with
        no object gets it back, and the date's words go back to the time phrase."""
        obl_mod = doc.vocab.strings["obl:mod"]
        for i in _where(doc, DEP, obl_mod):
            if fold(lowers[i]) in self.time_phrase_words or fold(lowers[i]) in self.time_words:
                continue
            noun = doc[i]
            verb = noun.head
            if noun.pos_ not in ("NOUN", "PROPN") or verb.pos_ != "VERB" or verb.i >= noun.i \
                    or any(c.dep_ == "case" for c in noun.children):
                continue
            dets = [c for c in noun.children if c.dep_ == "det" and c.i < noun.i]
            if not dets or any(c.dep_ in ("obj", "aux:pass", "expl:pv", "expl:pass", "expl:comp")
                               for c in verb.children):
                continue
            # a verb with no subject before it may have it after ("», a souligné jeudi la
            # chancelière"): that phrase is the subject, not an object
            if not any(c.dep_.startswith("nsubj") and c.i < verb.i for c in verb.children) \
                    or any(lowers[k] in _CLOSING_QUOTES and lowers[k + 1] == ","
                           for k in range(max(0, verb.i - 5), verb.i - 1)):
                continue          # (a quotation's words are often taken for the incise's subject)
            start = dets[0].i
            between = range(verb.i + 1, start)
            days = [k for k in between if fold(lowers[k]) in self.time_words
                    or fold(lowers[k]) in self.time_phrase_words and doc[k].pos_ == "NOUN"]
            if not days or not all(fold(lowers[k]) in self.time_words or fold(lowers[k]) in self.time_phrase_words
                                   or lowers[k] == "," or doc[k].like_num for k in between):
                continue
            anchor = doc[days[0]]
            for k in between:
                if doc[k].head.i == noun.i:      # "25 août" hung on the object
                    doc[k].head = anchor
                    doc[k].dep_ = "punct" if lowers[k] == "," else "nmod"
            noun.dep_ = "obj"


    def _attributes(self, doc: Doc) -> None:
        strings = doc.vocab.strings
        wanted = {strings[w] for w in self.attribute_forms}     # lemma hashes: no string per word
        lemmas = doc.to_array(LEMMA).tolist()
        for i in compress(range(len(lemmas)), map(wanted.__contains__, lemmas)):
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


    def _detached_subjects(self, doc: Doc) -> None:
        root, conj = doc.vocab.strings["ROOT"], doc.vocab.strings["conj"]
        verbs = set(_where(doc, POS, VERB, AUX))
        for i in _where(doc, DEP, root, conj):
            if i in verbs:
                self._detached_subject(doc, doc[i])

    def _detached_subject(self, doc: Doc, verb) -> None:
        if verb.pos_ not in ("VERB", "AUX") or any(c.dep_ in _SUBJECTS for c in verb.children):
            return
        if not ("Fin" in verb.morph.get("VerbForm") or any(c.dep_.startswith("aux") for c in verb.children)):
            return
        # the verb group's first word: "HH, n'a pas reconnu" -> "n'"
        first = verb
        while first.i > 0 and doc[first.i - 1].head.i == verb.i and (
                doc[first.i - 1].dep_.split(":")[0] in _VERB_GROUP or doc[first.i - 1].pos_ == "PRON"
                and doc[first.i - 1].dep_ in ("obj", "iobj")):
            first = doc[first.i - 1]
        if first.i < 3 or doc[first.i - 1].text != ",":
            return
        opening = None        # a participle opening the sentence that the parser made the main word
        if verb.dep_ == "conj":
            # "Battu à l'élection, John Mahama, ancien chef de l'Etat, conteste": the verb is
            # a conjunct (no "et") of the opening participle
            head = verb.head
            if head.dep_ != "ROOT" or head.i > verb.i or any(c.dep_ == "cc" for c in verb.children) \
                    or not _opening_participle(head):
                return
            clauses = [c for c in head.children if c.i < first.i]
        else:
            clauses = [c for c in verb.children if c.i < first.i and c.dep_ in self.detached_clauses]
            before = doc[first.i - 2] if doc[first.i - 1].is_sent_start else None
            if not clauses and before is not None:
                # "Arrêté dimanche à l'aéroport, Ousmane Sonko, chef de l'opposition, a accusé":
                # the parser ended a sentence at the comma before the verb
                opening = before.sent.root
                if not _fragment(opening) or "\n" in doc[opening.sent.start:first.i].text:
                    return
                clauses = [opening]
        candidates = []
        for c in clauses:
            for t in c.subtree:
                if t.pos_ not in ("PROPN", "NOUN") or t.right_edge.i != first.i - 2 \
                        or any(d.dep_ == "cc" for d in t.children):
                    continue
                # "Mamadou Diallo, porte-parole de l'opposition, a dénoncé", "Mme Traoré, 66 ans,
                # insiste": the parser hung the name and what follows it on a word before them;
                # the name is the subject, with what follows it in apposition
                t_start = _after_comma(doc, t)
                if t_start is None:
                    continue
                names = []
                if not any(d.dep_ == "det" and "Def" in d.morph.get("Definite") for d in t.children):
                    # (a phrase with a definite article is no apposition: "Selon le porte-parole,
                    # Jalal Maléki, l'explosion s'est produite")
                    between = {d.i for c2 in t.head.children if c2.dep_ in ("punct", "acl", "acl:relcl")
                               for d in c2.subtree}
                    names = [u for u in t.head.children if u.i < t.i and u.dep_ in ("appos", "conj")
                             and u.pos_ in ("PROPN", "NOUN")
                             and all(k in between or doc[k].text == "," for k in range(u.right_edge.i + 1, t_start))]
                for u in [t] + names:
                    start = _after_comma(doc, u)
                    # not "parmi lesquels 27 membres", nor an age alone ("66 ans")
                    if start is not None and doc[start].pos_ not in ("ADP", "NUM") \
                            and not any(d.dep_ == "case" and d.i >= start for d in u.children):
                        candidates.append((start, u, t))
        if not candidates:
            return
        _, subject, last = min(candidates, key=lambda c: c[0])    # the whole phrase between the commas
        if opening is not None:
            opening.head = verb
            opening.dep_ = "advcl"
        subject.head = verb
        passive = any(c.dep_ == "aux:pass" for c in verb.children)
        subject.dep_ = "nsubj:pass" if passive else "nsubj"
        if last.i != subject.i and _after_comma(doc, last) == subject.right_edge.i + 2:
            last.head = subject          # the title next to the name is its apposition
            last.dep_ = "appos"


def _where(doc: Doc, attr: int, *values: int) -> list[int]:
    """Indices of the tokens whose `attr` (a spaCy attribute id, read now: the repairs change
    the parse as they go) is one of `values`, in order."""
    column = doc.to_array(attr)
    hit = column == values[0]
    for v in values[1:]:
        hit |= column == v
    return numpy.flatnonzero(hit).tolist()


def _future_stems(lemma: str, stems: dict[str, str], stem_endings: list[tuple[str, str]]) -> set[str]:
    """The stems a verb's future and conditional are made on (folded): the infinitive (an
    -re verb's without its e), or what the language's data lists for it or its ending."""
    found = {lemma[:-1] if lemma.endswith("re") else lemma}
    if lemma in stems:
        found.add(stems[lemma])
    for ending, stem in stem_endings:
        if lemma.endswith(ending):
            found.add(lemma[: len(lemma) - len(ending)] + stem)
            break
    return found


def _fragment(tok) -> bool:
    """A sentence's root with no subject and no finite verb (the tagger may take the opening
    participle for a noun: "Arrêté dimanche à l'aéroport,")."""
    return "Fin" not in tok.morph.get("VerbForm") and not any(
        c.dep_.startswith("aux") or c.dep_ in _SUBJECTS or c.dep_ == "cop" for c in tok.children)


def _opening_participle(tok) -> bool:
    """A past participle with no auxiliary opening its sentence ("Battu à l'élection, ...")."""
    return tok.pos_ == "VERB" and "Part" in tok.morph.get("VerbForm") and tok.i == tok.sent.start \
        and not any(c.dep_.startswith("aux") for c in tok.children)


def _after_comma(doc: Doc, tok) -> int | None:
    """Where `tok`'s phrase starts if a comma opens it (its words before that comma, which
    a bad parse may give it, left out); None if no comma does."""
    comma = next((j for j in range(tok.i - 1, tok.left_edge.i - 2, -1) if j >= 0 and doc[j].text == ","), None)
    if comma is None:
        return None
    start = min((d.i for d in tok.subtree if d.i > comma), default=tok.i)
    return start if start == comma + 1 else None


_SUBJECTS = ("nsubj", "nsubj:pass", "expl:subj", "csubj")
_CLOSING_QUOTES = {'"', "»", "”", "'"}
# words of a verb group that stand between its subject and the verb
# (and clitic pronouns: "HH, le lui a dit")
_VERB_GROUP = ("aux", "advmod", "expl")


@Language.factory("quiquoi_partitive_after_time",
                  default_config={"time_words": [], "partitives": [], "attribute_verbs": [],
                                  "attribute_preps": [], "detached_clauses": [], "time_phrase_words": [],
                                  "name_particles": [], "honorifics": [], "conditional_endings": [],
                                  "conditional_stems": {}, "conditional_stem_endings": {}})
def make_partitive_after_time(nlp: Language, name: str, time_words: list[str], partitives: list[str],
                              attribute_verbs: list[str], attribute_preps: list[str],
                              detached_clauses: list[str], time_phrase_words: list[str],
                              name_particles: list[str], honorifics: list[str], conditional_endings: list[str],
                              conditional_stems: dict[str, str], conditional_stem_endings: dict[str, str]):
    return PartitiveAfterTime(time_words, partitives, attribute_verbs, attribute_preps, detached_clauses,
                              time_phrase_words, name_particles, honorifics, conditional_endings,
                              conditional_stems, conditional_stem_endings)
