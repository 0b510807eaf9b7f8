"""Is the event done? Negation and modality read off the dependency tree.

"Moscou propose des frappes communes" is proposed, "il n'y aurait pas d'opérations
conjointes" is negated, "pour qu'il cesse de bombarder" is a bombing that is going on.
The words come from lang/<code>/modality.yaml.
"""
from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Token

from quiquoi.actors.dictionary import fold
from quiquoi.nlp import children, folded_texts_of, morph, tokens_of

# how far up the tree a governing verb or noun still decides the event's status
MAX_CLIMB = 4
EMBEDDING_DEPS = {"xcomp", "ccomp", "advcl", "acl", "obj", "nmod", "obl:arg", "csubj", "nsubj:pass", "nsubj"}


class Modality:
    def __init__(self, data: dict, config: dict | None = None):
        config = config or {}
        # (from the language's config.yaml) reflexive pronouns, left out of a multiword
        # governor's key ("se dire prêt"); the forms of "de", one word for the hypothetical
        # prepositions ("en cas de", "en cas d'une", "en cas du")
        reflexives = {fold(w) for w in config.get("reflexive_pronouns", [])}
        self.genitive = {fold(w) for w in config.get("genitive_prepositions", [])}
        self.negation = {fold(w) for w in data.get("negation", [])}
        self.needs_ne = {fold(w) for w in data.get("negation_requires_ne", [])}
        self.clitics = {fold(w) for w in data.get("negation_clitics", [])}
        self.negative_determiners = {fold(w) for w in data.get("negative_determiners", [])}
        self.governors = {fold(w): m for m, words in (data.get("governors") or {}).items() for w in words}
        self.nouns = {fold(w): m for m, words in (data.get("governing_nouns") or {}).items() for w in words}
        self.cessation = {fold(w) for w in data.get("cessation_verbs", [])}
        self.cessation_nouns = {fold(w) for w in data.get("cessation_nouns", [])}
        self.continuation = {fold(w) for w in data.get("continuation_verbs", [])}
        # "mettre en garde", "faire pression", "mettre fin", "se dire prêt": a verb and the words
        # after it, by the verb (the reflexive pronoun left out)
        self.multiword: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
        for key in [*self.governors, *self.cessation, *self.continuation]:
            words = _words(key)
            if words and words[0] in reflexives:
                words = words[1:]
            if len(words) > 1:
                self.multiword.setdefault(words[0], []).append((key, tuple(words[1:])))
        hyp = data.get("hypothetical_markers") or {}
        self.hyp_moods = set(hyp.get("mood", []))
        self.hyp_conjunctions = {fold(w) for w in hyp.get("conjunctions", [])}
        self.hyp_adverbs = {fold(w) for w in hyp.get("adverbs", [])}
        # "en cas de", "au risque de": word sequences, elided words without their apostrophe
        self.hyp_prepositions = [tuple(map(self._preposition_class, _words(p))) for p in hyp.get("prepositions", [])]
        future = data.get("future_markers") or {}
        self.future_tenses = set(future.get("tense", []))
        self.future_auxiliaries = {fold(w) for w in future.get("auxiliaries", [])}
        self.purpose_markers = {fold(w) for w in data.get("purpose_markers", [])}
        # "a échoué à prendre", "n'est pas parvenu à prendre", "ne peut pas accepter": the act
        # did not happen (a "ne pas ..." entry negates only when its verb is negated)
        failure = [fold(w) for w in data.get("failure_verbs", [])]
        self.failure_verbs = {w for w in failure if not w.startswith("ne pas ")}
        self.failure_when_negated = {w[len("ne pas "):] for w in failure if w.startswith("ne pas ")}
        # hearsay: "selon X", "d'après X", "à en croire X" (words in a row, each folded; an
        # elided word keeps its apostrophe), by their first word
        hearsay = data.get("reported_markers") or {}
        self.reported_markers: dict[str, list[tuple[str, ...]]] = {}
        for phrase in [*(data.get("governors") or {}).get("reported", []), *hearsay.get("prepositions", []),
                       *hearsay.get("phrases", [])]:
            words = _words(phrase)
            self.reported_markers.setdefault(words[0], []).append(words)
        # "a apparemment bombardé", "l'attaque présumée": alleged
        self.reported_adverbs = {fold(w) for w in hearsay.get("adverbs", [])}
        self.reported_adjectives = {fold(w) for w in hearsay.get("adjectives", [])}
        self.attempt_verbs = {fold(w) for w in data.get("attempt_verbs", [])}
        self.attempt_codes = {str(k): str(v) for k, v in (data.get("attempt_codes") or {}).items()}
        self.participation_verbs = {fold(w) for w in data.get("participation_verbs", [])}
        fip = data.get("future_in_past") or {}
        self.complementisers = {fold(w) for w in fip.get("complementisers", [])}
        self.own_side_roles = set(fip.get("own_side_roles", []))
        self.refusal_cameo = {str(k): str(v) for k, v in (fip.get("refusal_cameo") or {}).items()}
        # verbs of saying (lemmas): set by the coder from the speech lexicon
        self.speech_verbs: set[str] = set()
        # inflected forms the model leaves unlemmatised ("invite") -> lemma; set by the extractor
        self.surface_lemmas: dict[str, str] = {}
        # present participle the model tags as an adjective ("Sommant") -> its verb, or None;
        # set by the extractor, which knows the language's participle endings
        self.participle_verb = lambda word: None

    def negated(self, tok: Token) -> bool:
        if self._has_negation(tok):
            return True
        if tok.dep_ == "xcomp" and tok.pos_ in ("VERB", "AUX") and self._failed(tok.head):
            return True
        if tok.pos_ in ("NOUN", "PROPN"):
            if any(fold(c.text) in self.negative_determiners for c in children(tok) if c.dep_ == "det"):
                return True
            # "il n'y aurait pas d'opérations": the existential verb carries the negation
            if tok.dep_ in ("obj", "nsubj", "nsubj:pass") and tok.head.pos_ in ("VERB", "AUX"):
                return self._has_negation(tok.head)
            # "Moscou ne participerait pas aux négociations": the act taken part in
            if tok.dep_ == "obl:arg" and tok.head.pos_ == "VERB" and fold(tok.head.lemma_) in self.participation_verbs:
                return self._has_negation(tok.head)
        return False

    def attempt_code(self, tok: Token, code: str) -> str:
        """The CAMEO code of the act `tok` names when a verb of attempt governs it ("ont tenté
        de tuer le président": an attempted assassination), else `code`."""
        if tok.dep_ in ("xcomp", "obl:arg", "ccomp") and fold(tok.head.lemma_) in self.attempt_verbs:
            return self.attempt_codes.get(code, code)
        return code

    def future_in_past(self, tok: Token) -> Token | None:
        """The speech verb that makes the conditional of `tok`'s clause a future seen from the
        past ("M. Toner a réaffirmé qu'il n'y aurait pas d'opérations conjointes": there will
        be none, he says), or None: a conditional in a que-clause reported by a verb of saying
        in a past tense, with no "si" clause of its own. (A present speech verb, "il affirme
        qu'il n'y aurait pas", keeps the conditional's doubt.)"""
        verb = tok
        if tok.pos_ in ("NOUN", "PROPN"):
            if tok.dep_ not in ("obj", "nsubj", "nsubj:pass", "obl:arg") or tok.head.pos_ not in ("VERB", "AUX"):
                return None
            verb = tok.head
        if verb.pos_ not in ("VERB", "AUX") or verb.dep_ != "ccomp" or not self._mood(verb) & self.hyp_moods:
            return None
        kids = children(verb)
        if not any(c.dep_ == "mark" and fold(c.text) in self.complementisers for c in kids):
            return None
        if any(c.dep_ == "advcl" and any(m.dep_ == "mark" and fold(m.text) in self.hyp_conjunctions
                                         for m in children(c)) for c in kids):
            return None     # "il a dit que s'il le fallait, l'armée interviendrait": a condition
        speech = verb.head
        if fold(speech.lemma_) not in self.speech_verbs or not _past(speech):
            return None
        return speech

    def _has_negation(self, tok: Token, *more: Token) -> bool:
        words = {fold(c.text) for t in (tok, *more) for c in children(t)
                 if c.dep_ in ("advmod", "neg", "advmod:neg", "det")}
        strong = words & (self.negation - self.clitics - self.needs_ne)
        # "plus", "rien", "personne" negate only with "ne": "il parle plus" is no negation
        weak = words & self.needs_ne and words & self.clitics
        return bool(strong or weak)

    def _failed(self, verb: Token) -> bool:
        """Whether the verb says that the act it governs did not come about: a verb of
        failure ("échouer à"), or a verb of ability or success that is negated ("ne peut pas",
        "n'est pas parvenu à")."""
        lemma = fold(verb.lemma_)
        return lemma in self.failure_verbs or (lemma in self.failure_when_negated and self._has_negation(verb))

    def _declined(self, mode: str, governor: Token) -> str:
        """An intent, offer or plan that is itself negated ("ne veut pas discuter", "n'a
        aucune intention de négocier", "n'a plus intérêt à discuter") declines the act. A
        possibility denied ("ne peut pas accepter", not in the conditional) is no hypothesis:
        the act is said not to happen (negated, see `negated`)."""
        if mode == "proposed" and self.negated(governor):
            return "refused"
        if mode == "hypothetical" and self._failed(governor) and not self._mood(governor) & self.hyp_moods:
            return "asserted"
        return mode

    def _reported_markers_in(self, doc, start: int, end: int) -> list[int]:
        """Indices of the first words of the reported-speech markers among tokens [start, end):
        found once per Doc (every event of a sentence asks)."""
        found = doc.user_data.get("quiquoi.reported_markers")
        if found is None:
            markers = self.reported_markers
            words = folded_texts_of(doc)
            found = doc.user_data["quiquoi.reported_markers"] = [
                i for i, w in enumerate(words) if w in markers
                and any(tuple(words[i:i + len(p)]) == p for p in markers[w])]
        return found[bisect_left(found, start):bisect_left(found, end)]

    def _mood(self, tok: Token) -> set[str]:
        moods = set(morph(tok, "Mood"))
        for c in children(tok):
            if c.dep_.startswith("aux"):
                moods |= set(morph(c, "Mood"))
        return moods

    def modality(self, tok: Token, sent, told=...) -> str:
        """asserted | proposed | requested | refused | hypothetical | reported (`told`: what
        `future_in_past(tok)` gives, when the caller has it already)"""
        if told is ...:
            told = self.future_in_past(tok)
        if told is not None:
            # a future seen from the past: the speech verb's own meaning ("a annoncé qu'il se
            # rendrait": proposed), else not done yet; whose act it is, the extractor knows
            mode = self._climb(tok, sent, conditional=False)
            return "hypothetical" if mode in ("asserted", "reported") else mode
        return self._climb(tok, sent, conditional=True)

    def _climb(self, tok: Token, sent, conditional: bool) -> str:
        """The modality the words governing `tok` give it (`conditional`: whether a
        conditional mood makes it hypothetical)."""
        if conditional and self._mood(tok) & self.hyp_moods and tok.pos_ in ("VERB", "AUX"):
            # "l'armée aurait bombardé la ville": alleged; "..., selon l'OSDH": and told by whom
            return "reported" if self._reported(tok, sent) else "hypothetical"
        if tok.pos_ in ("VERB", "AUX") and any(c.dep_ == "advmod" and fold(c.text) in self.hyp_adverbs
                                               for c in children(tok)):
            return "hypothetical"      # "a probablement bombardé": not established
        if any((c.dep_ == "advmod" and fold(c.text) in self.reported_adverbs)
               or (c.dep_ == "amod" and fold(c.lemma_) in self.reported_adjectives) for c in children(tok)):
            return "reported"          # "a apparemment bombardé", "l'attaque présumée": alleged
        node = tok
        for _ in range(MAX_CLIMB):
            if node.dep_ == "conj" and node.pos_ in ("VERB", "AUX") and node.head.pos_ in ("VERB", "AUX") \
                    and "Inf" in morph(node, "VerbForm") and "Inf" in morph(node.head, "VerbForm"):
                # "appeler l'Iran à cesser son escalade et à conclure l'accord": a coordinated
                # infinitive shares the governor of the first one, not its meaning
                node = node.head
                continue
            if self.hyp_prepositions and self._hypothetical_preposition(node):
                return "hypothetical"      # "en cas d'attaque chimique": if there is one
            if node.dep_ not in EMBEDDING_DEPS or node.head.i == node.i:
                break
            gov = node.head
            lemma = fold(gov.lemma_)
            if lemma not in self.governors and lemma not in self.cessation and lemma not in self.continuation:
                lemma = self.surface_lemmas.get(fold(gov.text), lemma)   # "le gouvernement invite X à"
            if lemma in self.multiword and gov.pos_ in ("VERB", "AUX"):
                lemma = self._with_words_after(gov, lemma)      # "a mis en garde contre"
            gov_verb = gov.pos_ in ("VERB", "AUX")
            if not gov_verb and gov.pos_ == "ADJ" and lemma not in self.governors:
                # "Sommant le régime de se retirer": a participle tagged as an adjective
                lemma = self.participle_verb(gov.text) or lemma
                gov_verb = lemma in self.governors
            if gov.pos_ in ("VERB", "AUX") and lemma in self.cessation:
                return "asserted"            # "cesser de bombarder": the bombing goes on
            if gov.pos_ in ("VERB", "AUX") and lemma in self.continuation:
                # "pourrait continuer à bombarder": the bombing goes on, whatever governs its
                # continuation ("poursuit ses discussions, selon ses services": still hearsay)
                break
            if gov.pos_ == "NOUN" and lemma in self.cessation_nouns and node.dep_ == "nmod":
                break                        # "réclamer la fin des bombardements": they go on
            marks = {fold(c.text) for c in children(node) if c.dep_ == "mark"}
            if node.dep_ in ("advcl", "acl") and not marks and node.pos_ == "VERB" and node.i > 0 \
                    and node.doc[node.i - 1].text == "," and "Part" in morph(node, "VerbForm") \
                    and "Pres" in morph(node, "Tense"):
                # "il a demandé à Paris de retirer ses forces, qualifiant le retrait de
                # violation": a detached participle goes with its clause's verb, wherever
                # the parser hung it; it is not what that verb asks for
                node = _clause_verb(gov)
                continue
            if node.dep_ == "advcl" and not marks and node.pos_ in ("VERB", "AUX") and any(
                    c.dep_.startswith("aux") and "Ind" in morph(c, "Mood") for c in children(node)):
                break     # a clause of its own the parser hung on another verb: "X qui refuse ... a été arrêté"
            if node.dep_ == "acl" and node.pos_ == "VERB" and "Past" in morph(node, "Tense") \
                    and "Part" in morph(node, "VerbForm") and node.head.pos_ in ("NOUN", "PROPN"):
                break     # "refuser le report demandé par l'opposition": the request was made
            if node.dep_ == "advcl" and marks & self.hyp_conjunctions:
                return "hypothetical"
            if gov_verb and lemma in self.governors:
                if node.dep_ == "nsubj" and self.governors[lemma] == "refused":
                    break    # "des heurts ont opposé X à Y": the active subject is not what is refused
                return self._declined(self.governors[lemma], gov)
            if gov.pos_ == "NOUN" and lemma in self.nouns:
                return self._declined(self.nouns[lemma], gov)
            if gov_verb and node.dep_ in ("advcl", "xcomp", "obl:arg", "ccomp"):
                # "avoir l'intention de", "n'avoir plus intérêt à": the light verb's object
                # governs the infinitive the parser hung on the verb
                noun = next((c for c in children(gov) if c.dep_ == "obj" and fold(c.lemma_) in self.nouns), None)
                if noun is not None:
                    mode = self.nouns[fold(noun.lemma_)]
                    if mode == "proposed" and (self.negated(noun) or self._has_negation(gov, noun)):
                        return "refused"
                    return mode
            if node.dep_ == "advcl" and marks & self.purpose_markers:
                # "pour qu'il permette un accès": wanted of another, not done; "ont redoublé
                # d'efforts pour reprendre la ville" (no subject of its own): the doer's intent
                if any(c.dep_.startswith("nsubj") for c in children(node)):
                    return "requested"
                return "proposed"
            if conditional and node.pos_ in ("NOUN",) and gov.pos_ in ("VERB", "AUX") \
                    and self._mood(gov) & self.hyp_moods:
                return "hypothetical"
            if gov.pos_ in ("VERB", "AUX") and "Fin" in morph(gov, "VerbForm") and node.dep_ != "obj":
                break
            node = gov
        if self._reported(tok, sent):
            return "reported"
        if self._future(tok):
            # "si la trêve est rompue, la Russie frappera": only if
            return "hypothetical" if self._conditioned(tok) else "proposed"
        return "asserted"

    def _future(self, verb: Token) -> bool:
        """Whether the verb tells its act in the future ("lancera", "aura lancé", "va lancer")."""
        if verb.pos_ not in ("VERB", "AUX"):
            return False
        if self.future_tenses and (set(morph(verb, "Tense")) & self.future_tenses or any(
                c.dep_.startswith("aux") and set(morph(c, "Tense")) & self.future_tenses for c in children(verb))):
            return True
        return verb.dep_ == "xcomp" and "Inf" in morph(verb, "VerbForm") \
            and fold(verb.head.lemma_) in self.future_auxiliaries and verb.head.i < verb.i

    def _conditioned(self, verb: Token) -> bool:
        """Whether a "si" clause hangs on the verb (or on the verb of future it depends on)."""
        for v in (verb, verb.head):
            if any(c.dep_ == "advcl" and any(m.dep_ == "mark" and fold(m.text) in self.hyp_conjunctions
                                             for m in children(c)) for c in children(v)):
                return True
        return False

    def _with_words_after(self, verb: Token, lemma: str) -> str:
        """The multiword governor a verb starts ("mis en garde" -> "mettre en garde"), or its
        lemma when the words after it are not one's."""
        words = folded_texts_of(verb.doc)
        for key, rest in self.multiword[lemma]:
            if tuple(words[verb.i + 1: verb.i + 1 + len(rest)]) == rest:
                return key
        return lemma

    def _preposition_class(self, word: str) -> str:
        """A folded word, each form of "de" ("d'", "du", "des") as one."""
        return "de" if word in self.genitive else word

    def _hypothetical_preposition(self, node: Token) -> bool:
        """Whether the phrase of `node` is introduced by one of the hypothetical prepositions
        ("en cas d'une nouvelle attaque": its own "d'" and the words before it)."""
        case = next((c for c in children(node) if c.dep_ in ("case", "mark") and c.i < node.i), None)
        if case is None:
            return False
        words = folded_texts_of(node.doc)
        for phrase in self.hyp_prepositions:
            start = case.i - len(phrase) + 1
            if start >= 0 and tuple(map(self._preposition_class, words[start:case.i + 1])) == phrase:
                return True
        return False

    def _reported(self, tok: Token, sent) -> bool:
        """Whether a hearsay marker ("selon X", "d'après X") hangs on the event's word or on
        the sentence's root."""
        doc = sent.doc
        anchors = None      # Span.root walks the sentence: only when a marker is there
        for i in self._reported_markers_in(doc, sent.start, sent.end):
            anchors = anchors or (tok.i, sent.root.i)
            c = tokens_of(doc)[i]
            if c.head.i in anchors or c.head.head.i in anchors:
                return True
        return False


def _words(phrase: str) -> tuple[str, ...]:
    """A phrase of the data as the folded words the tokenizer makes of it ("d'après" ->
    ("d'", "après"))."""
    return tuple(fold(phrase).replace("'", "' ").split())


def _past(verb: Token) -> bool:
    """Whether a finite verb group is in a past tense: a compound past ("a réaffirmé", "avait
    dit": a past participle with its auxiliary), an imperfect or a simple past."""
    if "Part" in morph(verb, "VerbForm"):
        return "Past" in morph(verb, "Tense") and any(c.dep_.startswith("aux") for c in children(verb))
    return bool({"Imp", "Past"} & set(morph(verb, "Tense")))


def _clause_verb(tok: Token) -> Token:
    """The verb that heads the clause a token sits in: the first one up the tree with a
    subject or an auxiliary of its own (or the root)."""
    node = tok
    for _ in range(MAX_CLIMB):
        if node.pos_ in ("VERB", "AUX") and any(
                c.dep_.startswith(("nsubj", "aux")) for c in children(node)):
            return node
        if node.head.i == node.i:
            return node
        node = node.head
    return node
