"""Events from the dependency tree: a lexicon predicate, its source and its target.

Source: the active subject, the passive agent ("rejetée par le Pentagone"), or, for an
infinitive, the controller ("exhorter Lavrov à faire pression": Lavrov presses; "presser le
régime de cesser les frappes": the regime strikes). Target: the slots the lexicon entry
names (direct object, "à" complement, "sur"/"contre" complements...). Coordinated actors
give one event each.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Token

from quiquoi.actors.dictionary import fold
from quiquoi.actors.resolver import ArticleActors, nominal_participle
from quiquoi.events.lexicon import EventLexicon, Predicate
from quiquoi.events.modality import Modality
from quiquoi.lang import cameo_table
from quiquoi.model import Actor
from quiquoi.nlp import (children, deps_of, folded_lemmas_of, folded_texts_of, heads_of, morph, pos_of,
                         preposition_of, remembered, sent_starts_of, texts_of, tokens_of)

SUBJECT_DEPS = ("nsubj", "nsubj:pass")
SUBJECT_DOMESTIC_ROLES = {"GOV", "MIL", "COP", "JUD", "SPY"}
DOMESTIC_TARGET_ROLES = {"REB", "OPP", "CVL", "INS", "REF"}
# roles of bodies that belong to one country (not IGO, NGO, transnational groups)
DOMESTIC_ROLES = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY", "OPP", "REB", "CVL", "PTY", "MED", "BUS",
                  "LAB", "EDU", "REL", "REF", "INS", "HLH", "ELI", "AGR", "CRM"}


@dataclass
class RawEvent:
    """An event before dates and places are attached."""
    trigger: Token
    trigger_end: Token
    predicate: Predicate
    source: Actor | None
    target: Actor | None
    negated: bool
    modality: str


class EventExtractor:
    def __init__(self, lexicon: EventLexicon, modality: Modality, config: dict):
        self.lex = lexicon
        self.mod = modality
        self.mod.surface_lemmas = lexicon.surface_lemmas
        self.passive_agent = {fold(w) for w in config.get("passive_agent", ["par"])}
        self.state_verbs = {fold(w) for w in config.get("state_verbs") or []}
        self.announced_threats = {k: str(v) for k, v in (config.get("announced_threats") or {}).items()}
        self.first_person = {fold(w) for w in (config.get("first_person_pronouns") or [])
                             + (config.get("first_person_future_pronouns") or [])}
        self.support_verbs = {fold(w) for w in config.get("support_verbs", [])}
        self.reflexive = {fold(w) for w in config.get("reflexive_pronouns", [])}
        self.dative = {fold(w) for w in config.get("dative_prepositions", [])}
        self.genitive = {fold(w) for w in config.get("genitive_prepositions", [])}
        self.aspect_verbs = {fold(w) for w in config.get("aspect_verbs", [])}
        self.hitting_verbs = {fold(w) for w in config.get("hitting_verbs", [])}
        self.attribute_opinion = {fold(w) for w in config.get("attribute_opinion_verbs", [])}
        # verb lemma -> every attribute word its lexicon entries name ("juger": illégal, ...)
        self.attribute_words = {lemma: {a for p in preds for a in p.attributes}
                                for lemma, preds in lexicon.verbs.items() if any(p.attributes for p in preds)}
        self.document_nouns = {fold(w) for w in config.get("document_nouns", [])}
        self.deciding_verbs = {fold(w) for w in config.get("deciding_verbs", [])}
        self.object_clitics = {fold(w) for w in config.get("object_pronouns", [])}
        self.announced_codes = [str(c) for c in config.get("announced_act_codes", [])]
        self.announcer_roles = set(config.get("announcer_roles", []))
        self.force_types = set(config.get("state_force_types", []))
        self.state_kinds = set(config.get("state_kinds", []))
        self.fold_types = set(config.get("governing_fold_types", []))
        self.aim_preps = {fold(w) for w in config.get("governed_aim_prepositions", [])}
        self.aimed_types = set(config.get("aimed_types", []))
        self.purpose_types = set(config.get("purpose_types", []))
        self.participant_types = set(config.get("participant_types", []))
        self.holder_nouns = {fold(w) for w in config.get("holder_nouns", [])}
        self.holder_cases = {fold(w) for w in config.get("holder_cases", [])}
        self.addressing_verbs = {fold(w) for w in config.get("addressing_verbs", [])}
        self.addressed_types = set(config.get("addressed_types", []))
        self.counterpart_nouns = {fold(w) for w in config.get("counterpart_nouns", [])}
        self.meeting_types = set(config.get("meeting_types", []))
        self.act_window = int(config.get("demonstrated_act_window", 60))
        self.act_nouns = {fold(w) for w in config.get("act_nouns", [])}
        self.judging_types = set(config.get("judging_types", []))
        self.answering_verbs = {fold(w) for w in config.get("answering_verbs", [])}
        self.answered_types = set(config.get("answered_types", []))
        self.opposing_verbs = {fold(w) for w in config.get("opposing_verbs", [])}
        self.withdrawal_codes = [str(c) for c in config.get("withdrawal_codes", [])]
        self.requesting_types = set(config.get("requesting_fold_types", []))
        self.compliance_nouns = {fold(w) for w in config.get("compliance_nouns") or []}
        self.partner_preps = {fold(w) for w in config.get("partner_prepositions") or []}
        self.deal_nouns = {fold(w) for w in config.get("deal_nouns") or []}
        self.calendar_words = {fold(w) for w in config.get("calendar_words", [])}
        self.organiser_nouns = {fold(w) for w in config.get("organiser_nouns", [])}
        self.organiser_types = set(config.get("organiser_types", []))
        self.adjective_doer_types = set(config.get("adjective_doer_types", []))
        self.asking_types = set(config.get("object_control_types", []))
        self.noun_genders = {fold(k): v for k, v in (config.get("event_noun_genders") or {}).items()}
        self.genitive_relatives = {fold(w) for w in config.get("genitive_relatives", [])}
        self.adversary_words = {fold(w) for w in config.get("adversary_words", [])}
        self.adversary_types = set(config.get("adversary_types", []))
        self.reciprocal_adverbs = {fold(w) for w in config.get("reciprocal_adverbs", [])}
        self.reciprocal_phrases = [fold(w) for w in config.get("reciprocal_phrases", [])]
        # present participle endings -> infinitive endings, longest first ("çant" -> "cer")
        endings = config.get("participle_endings") or {}
        self.participle_endings = sorted(((fold(k), fold(v)) for k, v in endings.items()), key=lambda kv: -len(kv[0]))
        self.participle_tail = tuple({k[-3:] for k in endings}) or ("",)
        self.mod.participle_verb = self._infinitive_of_participle
        self.bare_intent_codes = {str(c) for c in config.get("bare_intent_codes", [])}
        self.implied_state_codes = [str(c) for c in config.get("implied_state_codes", [])]
        self.quantity_nouns = {fold(w) for w in config.get("quantity_nouns", [])}
        self.doer_nouns = {fold(w) for w in config.get("doer_nouns", [])}
        self.doer_noun_verbs = {fold(w) for w in config.get("doer_noun_verbs", [])}
        travel = config.get("travel_not_visit") or {}
        self.visit_codes = [str(c) for c in travel.get("codes", [])]
        self.travelling_roles = set(travel.get("roles", []))
        official = config.get("official_protest") or {}
        self.official_codes = {str(c) for c in official.get("codes", [])}
        self.official_roles = set(official.get("roles", []))
        self.official_to = str(official["to"]) if official.get("to") else None
        self._recoded: dict[tuple[Predicate, str], Predicate] = {}
        riot = config.get("riot_clash") or {}
        self.riot_codes = {str(c) for c in riot.get("codes", [])}
        self.riot_protesters = set(riot.get("protesters", []))
        self.riot_police = set(riot.get("police", []))
        self.riot_to = str(riot["to"]) if riot.get("to") else None
        crowd = config.get("crowd_anger") or {}
        self.crowd_objects = {fold(w) for w in crowd.get("objects", [])}
        self.crowd_roles = set(crowd.get("roles", []))
        self.crowd_to = str(crowd["to"]) if crowd.get("to") else None
        self.speech_verbs: set[str] = set()    # filled by the coder from the speech lexicon
        # acts whose object, when it is a place, stands for its state (the coder fills it in)
        self.place_target_types = set(config.get("place_target_types", []))
        ETRE_VERBS.update(fold(w) for w in config.get("etre_verbs", []))
        REFLEXIVES.update(fold(w) for w in config.get("reflexive_pronouns", []))

    # -- predicate matching -----------------------------------------------------------
    def _verb_predicate(self, tok: Token) -> Predicate | None:
        flemmas, ftexts = folded_lemmas_of(tok.doc), folded_texts_of(tok.doc)
        lemma = flemmas[tok.i]
        if lemma not in self.lex.verbs:
            lemma = self.lex.surface_lemmas.get(fold(tok.text), lemma)
        if lemma not in self.lex.verbs and tok.pos_ == "ADJ":
            lemma = self._infinitive_of_participle(tok.text) or lemma
        attributes = self._attributes(tok, lemma) \
            if lemma in self.attribute_opinion or lemma in self.attribute_words else set()
        if lemma in self.attribute_opinion and attributes:
            # "qu'ils jugent frauduleuse": an opinion, not a trial; a damning one accuses
            return next((p for p in self.lex.verbs.get(lemma, ())
                         if p.attributes and not attributes.isdisjoint(p.attributes)), None)
        objects = None      # the object words, read once for all of the lemma's entries
        cases = None        # the prepositions of the verb's complements, likewise
        for p in self.lex.verbs.get(lemma, ()):
            if p.attributes and attributes.isdisjoint(p.attributes):
                continue
            if p.negative_only and not self.mod.negated(tok):
                continue
            if p.obj:
                if objects is None:
                    objects = {w for c in self._object_candidates(tok) for w in (flemmas[c.i], ftexts[c.i])}
                if p.obj not in objects:
                    continue
            # "appeler les habitants à rester calmes": the infinitive may hang on the object
            # "appeler les Maliens AU calme": a contracted preposition is the same one; "appeler
            # les candidats et leurs partis à respecter": the infinitive may hang on a conjunct
            if p.prep and not p.prep_lemmas and cases is None:
                cases = {self._case(c) for c in children(tok)}
            if p.prep and not p.prep_lemmas and not self._prep_among(p.prep, cases) and not any(
                    self._prep_is(g, p.prep) for c in children(tok) if c.dep_ == "obj"
                    for o in (c, *(k for k in children(c) if k.dep_ == "conj"))
                    for g in children(o) if (g.dep_ in ("acl", "xcomp") and g.pos_ == "VERB")
                    or (g.dep_ == "nmod" and g.pos_ == "NOUN" and g.i > o.i and p.prep in self.dative)):
                continue
            # (a copula's complements hang on its attribute: "est responsable de cette impasse")
            if p.prep_lemmas and not any(
                    self._case(c) == p.prep and (fold(c.lemma_) in p.prep_lemmas or fold(c.text) in p.prep_lemmas)
                    for c in (*children(tok), *(children(tok.head) if tok.dep_ == "cop" else ()))):
                continue     # "qualifier X de violation" accuses; "qualifier X d'historique" does not
            if p.reflexive is not None:
                pronominal = any(fold(c.text) in self.reflexive for c in children(tok)
                                 if c.dep_.startswith("expl") or c.dep_ in ("obj", "iobj"))
                if pronominal != p.reflexive:
                    continue
            if p.fixed:
                words = p.fixed_words
                lo, hi = tok.i + 1, tok.i + 1 + len(words)
                if ftexts[lo:hi] != words and flemmas[lo:hi] != words:
                    continue
            return p
        return None

    def _attributes(self, tok: Token, lemma: str) -> set[str]:
        """The words of the verb's attribute ("juger la réélection frauduleuse"). The parser
        may hang the attribute on the object ("juger la décision de Washington illégale"):
        there only the lexicon's own attribute words count, as an adjective of the noun's own
        is more often than not just that."""
        found = {w for c in children(tok) if c.dep_ == "xcomp" and c.pos_ in ("ADJ", "NOUN")
                 for w in (fold(c.lemma_), fold(c.text))}
        own = self.attribute_words.get(lemma)
        if found or not own:
            return found
        nouns = [c for c in children(tok) if c.dep_ == "obj"]
        nouns += [n for c in nouns for n in children(c) if n.dep_ == "nmod"]
        return {w for c in nouns for a in children(c)
                if a.dep_ == "amod" and a.i > c.i for w in (fold(a.lemma_), fold(a.text))} & own

    def _prep_among(self, prep: str, cases: set[str]) -> bool:
        """Whether one of the prepositions `cases` is `prep`, contracted forms included (what
        `_prep_is` says of one complement, for all of a verb's at once)."""
        return prep in cases or (prep in self.dative and not cases.isdisjoint(self.dative)) or (
            prep in self.genitive and not cases.isdisjoint(self.genitive))

    def _prep_is(self, tok: Token, prep: str) -> bool:
        """Whether `tok`'s preposition is `prep`, contracted forms included (au = à, du = de)."""
        return self._prep_among(prep, {self._case(tok)})

    def _infinitive_of_participle(self, word: str) -> str | None:
        """The lexicon verb a present participle is a form of ("sommant" -> "sommer",
        "menaçant" -> "menacer"), by the language's suffix rewrites; None when there is none."""
        w = fold(word)
        for ending, infinitive in self.participle_endings:
            if w.endswith(ending):
                lemma = w[: len(w) - len(ending)] + infinitive
                if lemma in self.lex.verbs:
                    return lemma
        return None

    def _participle_read_as_adjective(self, tok: Token) -> bool:
        """"Sommant le régime de se retirer, M. Erdogan a déclaré": the model may tag a present
        participle that takes an object as an adjective of its own (lemma "sommant")."""
        return (tok.pos_ == "ADJ" and bool(self.participle_endings) and tok.text.endswith(self.participle_tail)
                and any(c.dep_ in ("obj", "xcomp") for c in children(tok))
                and self._infinitive_of_participle(tok.text) is not None)

    @classmethod
    def _misread_object(cls, c: Token, verb: Token, incise: bool = False) -> bool:
        """"Washington pousse Kiev à négocier", "a critiqué Israël", "a épinglé Washington": the
        model may label a proper-noun direct object xcomp (an attribute is a common noun or an
        adjective), or nmod with no preposition. Only for a verb with its subject before it, an
        infinitive or a gerund ("appelant Ankara à"): after a verb with no subject, the name is the speaker of an incise
        ("…, déplore X"), which `incise` asks about."""
        if not (c.pos_ == "PROPN" and c.i > verb.i and verb.pos_ == "VERB"
                and (c.dep_ == "xcomp" or (c.dep_ == "nmod" and not cls._case(c)))
                and not any(k.dep_ == "obj" for k in children(verb))):
            return False
        form = morph(verb, "VerbForm")
        return incise or "Inf" in form or ("Part" in form and "Pres" in morph(verb, "Tense")) or any(
            k.dep_ in ("nsubj", "nsubj:pass", "expl:subj") and k.i < verb.i for k in children(verb))

    def _objects(self, verb: Token) -> list[Token]:
        """The verb's direct objects, and bare nouns the parser took for adjuncts ("a lancé
        le 4 avril une offensive": "offensive" comes out as obl:mod)."""
        return self._through_quantity([c for c in children(verb) if c.dep_ == "obj" or (
            c.dep_ in ("obl:mod", "obl") and c.pos_ == "NOUN" and not self._case(c) and c.i > verb.i)])

    def _through_quantity(self, nouns: list[Token]) -> list[Token]:
        """"imposer une nouvelle série de sanctions", "décréter une mesure de couvre-feu": a
        noun of quantity or kind stands before the noun that names the act; that noun is the
        object too (after the quantity noun)."""
        if not self.quantity_nouns:
            return nouns
        out = list(nouns)
        for n in nouns:
            if n.pos_ == "NOUN" and fold(n.lemma_) in self.quantity_nouns:
                out += [c for c in children(n) if c.dep_ == "nmod" and c.pos_ == "NOUN" and c.i > n.i
                        and self._case(c) in self.genitive and not any(d.dep_ == "det" for d in children(c))]
        return out

    def _object_candidates(self, tok: Token) -> list[Token]:
        out = self._through_quantity([c for c in children(tok) if c.dep_ in ("obj", "nsubj:pass", "obl:arg", "obl:mod")])
        if any(c.dep_ == "aux:pass" for c in children(tok)) or any(
                c.dep_.startswith("expl") and c.dep_ != "expl:subj" and fold(c.text) in self.reflexive for c in children(tok)):
            # "les conditions ne sont pas remplies": the parser may call a passive's subject nsubj;
            # "l'accord s'est terminé": a pronominal verb's subject may be what undergoes it
            out += [c for c in children(tok) if c.dep_ == "nsubj"]
        if tok.dep_ == "acl" and tok.head.pos_ == "NOUN" and "Part" in morph(tok, "VerbForm") \
                and "Past" in morph(tok, "Tense"):
            out.append(tok.head)    # "des attaques revendiquées par l'EI": the noun is what is claimed
        return out

    def _noun_predicate(self, tok: Token) -> Predicate | None:
        gender = self.noun_genders.get(fold(tok.lemma_)) if self.noun_genders else None
        if gender and any(g != gender for t in (tok, *[c for c in children(tok) if c.dep_ in ("det", "amod")])
                          for g in morph(t, "Gender")):
            return None      # "le principal critique du Kremlin" is a person, "la critique" an act
        for p in self.lex.nouns.get(fold(tok.lemma_), ()):
            if p.requires_adj and not any(fold(c.lemma_) in p.requires_adj or fold(c.text) in p.requires_adj
                                          for c in children(tok) if c.dep_ in ("amod", "nmod", "acl")):
                continue
            if p.requires_of and not any(fold(c.lemma_) in p.requires_of for c in children(tok)
                                         if c.dep_ == "nmod" and self._case(c) in self.genitive):
                continue
            return p
        return None

    def _is_support(self, verb: Token) -> bool:
        """A verb that only carries its object noun's event ("mener des frappes")."""
        return fold(verb.lemma_) in self.support_verbs

    @staticmethod
    def _marked(verb: Token, preps: set[str]) -> bool:
        """Whether an infinitive is opened by one of these prepositions ("de", "à"; an elided
        "d'" counts as "d", as the config's preposition sets write it)."""
        return any(c.dep_ == "mark" and fold(c.text).rstrip("'’") in preps for c in children(verb))

    @staticmethod
    def _case(tok: Token) -> str:
        # asked for every complement of every candidate verb: remembered per Doc
        return remembered(tok, "quiquoi.case", preposition_of)

    # -- arguments --------------------------------------------------------------------
    def _arg_actors(self, tok: Token, actors: ArticleActors) -> list[Actor]:
        """Actors of an argument token and of the tokens coordinated with it."""
        out: list[Actor] = []
        # "les deux chefs de l'opposition Leopoldo Lopez et Antonio Ledezma": the parser hangs
        # the second name on the first, which names the title's holder
        near = [*children(tok), *[g for c in children(tok) if c.dep_ == "nmod" and c.pos_ == "NOUN" for g in children(c)]]
        names = [c for c in near if c.dep_ in ("appos", "nmod", "flat:name") and c.pos_ == "PROPN"
                 and c.i > tok.i and tok.pos_ == "NOUN" and not self._case(c)]
        conjs = [c for h in [tok, *names] for c in children(h) if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN", "PRON")]

        for t in [tok, *conjs]:
            if t.pos_ == "PRON":
                found = actors.pronoun(t)
            elif t.pos_ in ("NOUN", "PROPN", "ADJ") or nominal_participle(t):
                found = actors.actors(t)
            else:
                continue
            if t.i != tok.i and found and out and _is_apposition(t):
                # "Le président turc, Recep Tayyip Erdogan, a menacé": a name after a comma
                # with no "et" is the title's holder (the parser calls it a conjunct)
                holder = _title_holder(out[-1], found[0])
                if holder is not None:
                    out[-1] = holder
                    continue
            out += found
        return out

    def subjects(self, verb: Token, actors: ArticleActors, depth: int = 0) -> list[Actor]:
        """Who does what `verb` says, explicit or inherited from the governing verb."""
        if depth > 4:
            return []
        if self._is_passive(verb):
            for c in children(verb):
                if c.dep_ in ("obl:agent", "obl:arg", "obl:mod", "obl") and self._case(c) in self.passive_agent:
                    return self._arg_actors(c, actors)
            if verb.dep_ == "conj" and self._is_passive(verb.head) and verb.head.i != verb.i:
                return self.subjects(verb.head, actors, depth + 1)   # "arrêté par la police et accusé"
            asker = self._compliance_asker(verb.head) if verb.dep_ == "acl" else None
            if asker is not None:
                # "Moscou réclamant le respect d'un accord signé avec l'Onu": a party signed it
                return self.subjects(asker, actors, depth + 1)
            return []
        inverted = self._inverted_subject(verb)
        if inverted is not None:
            return self._arg_actors(inverted, actors)
        for c in children(verb):
            if c.pos_ == "PRON" and fold(c.text) in self.genitive_relatives:
                continue   # "le régime, dont l'opposition réclame le départ": "dont" is no subject
            # the French model labels many a personal "il" expl:subj ("pour qu'il cesse")
            if c.dep_ == "nsubj" or (c.dep_ == "expl:subj" and c.pos_ == "PRON") \
                    or (c.dep_ == "nsubj:pass" and _active_perfect(verb)):
                antecedent = verb.head if verb.dep_ in ("acl:relcl", "acl") else None
                if "Rel" in morph(c, "PronType") and antecedent is not None \
                        and antecedent.pos_ == "NOUN" and self._noun_predicate(antecedent) is not None:
                    return self._noun_source(antecedent, actors, depth + 1)   # "ses frappes qui tuent"
                found = self._arg_actors(c, actors)
                if not found and c.pos_ == "NOUN" and fold(c.lemma_) in self.document_nouns:
                    found = self._document_author(c, actors, depth + 1)   # "ce texte exhorte l'Iran"
                # "Le président turc, Recep Tayyip Erdogan, a menacé": the parser may give the
                # verb a second subject, the title's holder in apposition
                second = [d for d in children(verb) if d.dep_ == "nsubj" and d.i > c.i and _is_apposition(d)]
                if found and second:
                    named = actors.actors(second[0])
                    holder = _title_holder(found[0], named[0]) if named else None
                    if holder is not None:
                        found = [holder, *found[1:]]
                return found
        lost = self._subject_in_fronted_adjunct(verb, actors)
        if lost:
            return lost
        head = verb.head
        if head.i == verb.i:
            return []
        if verb.dep_ == "conj":
            return self.subjects(head, actors, depth + 1)
        if verb.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN"):
            found = actors.actors(head)
            if found:                  # "demander à Lavrov de presser": Lavrov presses
                return found
            # "la proposition de Moscou de mener...", "leur intention de rejeter": the doer
            # of an event or intention noun; a plain noun ("au risque de...") passes on none
            intent = self.mod.nouns.get(fold(head.lemma_)) in ("proposed", "requested", "refused")
            # "la décision de Paris d'expulser": the decision's owner; with none, the one who
            # takes or announces it ("a pris la décision de"), not one who denounces it
            decision = fold(head.lemma_) in self.doer_nouns
            if self._noun_predicate(head) is not None or intent or decision:
                found = self._noun_source(head, actors, depth + 1)
                if not found and head.dep_ == "obj" and head.head.pos_ in ("VERB", "AUX") and (
                        not decision or fold(head.head.lemma_) in self.doer_noun_verbs):
                    found = self.subjects(head.head, actors, depth + 1)
                return found
            if fold(head.lemma_) in self.document_nouns:
                return self._document_author(head, actors, depth + 1)   # "une résolution admonestant Téhéran"
            return []
        if "Part" in morph(verb, "VerbForm") and "Pres" in morph(verb, "Tense") \
                and head.pos_ not in ("VERB", "AUX", "NOUN", "PROPN"):
            # "tout en demandant à ses partisans": the parser hangs a gerund on "tout"; its
            # doer is the subject of the clause it belongs to
            node = head
            for _ in range(3):
                if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
                    break
                node = node.head
            return self.subjects(node, actors, depth + 1) if node.pos_ in ("VERB", "AUX") else []
        if verb.dep_ in ("xcomp", "advcl", "ccomp", "obl:arg"):
            owned = self._owning_noun(head, verb)
            if owned is not None:
                found = self._noun_source(owned, actors, depth + 1)
                if found or (fold(owned.lemma_) in self.doer_nouns and fold(head.lemma_) not in self.doer_noun_verbs):
                    return found
            # object control: "exhorter X à", "presser X de" -> X; otherwise the subject
            # ("donner à Israël un prétexte pour attaquer": the one given it; but "se rendre à
            # Moscou pour rencontrer X": a visit's "à" is where, and the traveller meets X)
            unknown = False
            for c in children(head):
                if (c.dep_ in ("obj", "iobj") or (self._misread_object(c, head) and c.i < verb.i)) and c.i != verb.i:
                    found = self._arg_actors(c, actors)
                    if found:
                        return found
                    unknown = unknown or (c.dep_ == "obj" and c.i < verb.i and c.pos_ in ("NOUN", "PROPN"))
            if unknown and verb.dep_ in ("xcomp", "obl:arg") and self._asks_its_object(head, verb):
                # "l'Ukraine a exhorté ses alliés à livrer des armes": the allies deliver,
                # whoever they are; not the one who asks
                return []
            for c in children(head):
                if c.dep_.startswith("obl") and self._case(c) in self.dative and c.i < verb.i \
                        and not (verb.dep_ == "advcl" and self._is_visit(head)):
                    found = self._arg_actors(c, actors) or self._counterpart(c, head, actors)
                    if found:
                        return found
            infinitive = "Inf" in morph(verb, "VerbForm") or any(
                c.dep_.startswith("aux") and "Inf" in morph(c, "VerbForm") for c in children(verb))
            if verb.dep_ == "advcl" and infinitive and (self._is_passive(head) or (
                    head.dep_ == "conj" and self._is_passive(head.head)
                    and not any(c.dep_.startswith(("nsubj", "aux")) for c in children(head)))):
                # "arrêté et accusé de trahison pour avoir perturbé le convoi": the one the
                # passive verb is done to did what the clause says, not its agent
                subject = next((c for c in children(head) if c.dep_ == "nsubj:pass"), None)
                patient = self._arg_actors(subject, actors) if subject is not None \
                    else self._passive_patient(head, actors)
                if patient:
                    return patient
            return self.subjects(head, actors, depth + 1)
        return []

    def _is_visit(self, verb: Token) -> bool:
        """Whether the verb is a visit of the lexicon ("se rendre à Moscou")."""
        pred = self._verb_predicate(verb) if verb.pos_ in ("VERB", "AUX") else None
        return pred is not None and _code_in(pred.cameo, self.visit_codes)

    def _subject_in_fronted_adjunct(self, verb: Token, actors: ArticleActors) -> list[Actor]:
        """"Au cours des débats à Vienne, Londres, Paris et Berlin (E3) ont dénoncé": a fronted
        adjunct ending in a place name, then the subject, coordinated names right before the
        verb; the parser takes the names for conjuncts of the place and leaves the finite verb
        with no subject. The conjuncts with no preposition of their own that end right before
        the verb group are its subject (a parenthesised name after them names them as one)."""
        if verb.dep_ not in ("ROOT", "ccomp", "parataxis") or verb.pos_ not in ("VERB", "AUX"):
            return []
        if "Fin" not in morph(verb, "VerbForm") and not any(
                c.dep_ == "aux:tense" and "Fin" in morph(c, "VerbForm") for c in children(verb)):
            return []
        first = min([verb, *(c for c in children(verb) if c.i < verb.i and (c.dep_.startswith("aux") or (
            c.dep_.startswith(("expl", "obj", "iobj")) and c.pos_ == "PRON") or c.dep_ == "advmod:neg"
            or fold(c.text) in self.mod.clitics))], key=lambda t: t.i)
        doc = verb.doc
        last = first.i - 1
        group = None
        if last > verb.sent.start and doc[last].text == ")":
            # "(E3)": the name the parenthesis gives the group
            inner = [t for t in tokens_of(doc)[max(verb.sent.start, last - 4): last] if t.pos_ == "PROPN" and t.dep_ == "appos"]
            opening = last - 1
            while opening > verb.sent.start and doc[opening].text != "(" and last - opening < 6:
                opening -= 1
            if doc[opening].text != "(":
                return []
            group = inner[-1] if inner else None
            last = opening - 1
        if last <= verb.sent.start:
            return []
        end = doc[last]
        if end.pos_ != "PROPN" or end.dep_ != "conj" or self._case(end):
            return []
        place = end.head
        if not self._case(place) or place.i >= end.i:
            return []
        node = place     # the place must sit in an adjunct of this verb before it
        for _ in range(5):
            if node.head.i == verb.i:
                break
            if node.head.i == node.i or not node.dep_.startswith(("nmod", "obl", "conj", "advmod")):
                return []
            node = node.head
        if node.head.i != verb.i or not node.dep_.startswith(("obl", "advmod")) or node.i > verb.i:
            return []
        if group is not None:
            found = actors.actors(group)
            if found:
                return found[:1]
        out: list[Actor] = []
        for c in children(place):
            if c.dep_ == "conj" and c.pos_ == "PROPN" and not self._case(c) and c.i > place.i:
                out += actors.actors(c)
        return out

    def _owning_noun(self, head: Token, verb: Token) -> Token | None:
        """"dénoncer la décision de Washington d'imposer des sanctions": the parser may hang a
        "de" infinitive on the verb when it belongs to the verb's object, a noun of decision or
        intention (config doer_nouns, modality.yaml governing_nouns) right before it."""
        if not self._marked(verb, self.genitive):
            return None
        for c in children(head):
            if c.dep_ == "obj" and c.pos_ == "NOUN" and c.i < verb.i and (
                    fold(c.lemma_) in self.doer_nouns or fold(c.lemma_) in self.mod.nouns) \
                    and all(t.pos_ not in ("VERB", "AUX") for t in tokens_of(verb.doc)[c.i + 1: verb.i]):
                return c
        return None

    def _asks_its_object(self, head: Token, verb: Token) -> bool:
        """A verb of asking ("exhorter X à", "sommer X de") whose infinitive, opened by "à" or
        "de", is its object's to do."""
        if not self._marked(verb, self.dative | self.genitive):
            return False
        pred = self._verb_predicate(head) if head.pos_ == "VERB" else None
        return pred is not None and pred.plover_type in self.asking_types

    @classmethod
    def _inverted_subject(cls, verb: Token) -> Token | None:
        """"…, ont mis en garde les soldats": in an incise the subject follows the verb and
        the parser takes it for an object."""
        if any(c.dep_ in ("nsubj", "nsubj:pass", "expl:subj") for c in children(verb)) or verb.pos_ not in ("VERB", "AUX"):
            return None
        finite = "Fin" in morph(verb, "VerbForm") or any(c.dep_.startswith("aux") for c in children(verb))
        if not finite or verb.dep_ in ("xcomp", "acl", "acl:relcl"):
            return None    # an infinitive or participle clause has no inverted subject
        # ", s'est indigné X": the reflexive clitic opens the verb group too
        first = min([verb] + [c for c in children(verb) if c.i < verb.i and (c.dep_.startswith("aux") or (
            c.dep_.startswith(("expl", "obj", "iobj")) and fold(c.text) in REFLEXIVES))], key=lambda t: t.i)
        prev = tokens_of(verb.doc)[first.i - 1] if first.i > 0 else None
        if prev is None or prev.text not in (",", "»", '"', "”"):
            return None
        objs = [c for c in children(verb) if (c.dep_ == "obj" or cls._misread_object(c, verb, True)) and c.i > verb.i]
        return objs[0] if objs else None

    @classmethod
    def _is_passive(cls, verb: Token, depth: int = 0) -> bool:
        if depth:
            return cls._passive_voice(verb, depth)
        # asked several times per verb (subjects, targets, agents): a pure function of the tree
        return remembered(verb, "quiquoi.passive", cls._passive_voice)

    @classmethod
    def _passive_voice(cls, verb: Token, depth: int = 0) -> bool:
        if fold(verb.lemma_) in ETRE_VERBS and sum(c.dep_.startswith("aux") for c in children(verb)) == 1:
            return False   # "ils sont convenus de": an active verb conjugated with "être"
        if _pronominal_perfect(verb):
            return False   # "des milliers de personnes se sont rassemblées": the parser's passive
        if any(c.dep_ == "aux:pass" for c in children(verb)):
            return True
        if "Part" in morph(verb, "VerbForm") and "Past" in morph(verb, "Tense") \
                and fold(verb.lemma_) not in ETRE_VERBS and not any(c.dep_.startswith("aux") for c in children(verb)) \
                and any(c.dep_ == "cop" and fold(c.lemma_) == "etre" for c in children(verb)) \
                and not any(c.dep_.startswith("expl") and fold(c.text) in REFLEXIVES for c in children(verb)):
            # "qui étaient assignés à résidence": être read as a copula before a participle is
            # still the passive auxiliary
            return True
        if "Part" in morph(verb, "VerbForm") and "Past" in morph(verb, "Tense") and \
                verb.dep_ in ("acl", "advcl", "ROOT") and any(c.dep_ == "obl:agent" for c in children(verb)) \
                and not any(c.dep_.startswith("aux") for c in children(verb)):
            # "le report demandé par l'opposition", "les frappes menées par Moscou", and a
            # participle heading the sentence: "Reçu par le président, le ministre a déclaré"
            return True
        if verb.i == sent_starts_of(verb.doc)[verb.i] and verb.dep_ in ("advcl", "ROOT") and "Part" in morph(verb, "VerbForm") \
                and "Past" in morph(verb, "Tense") and fold(verb.lemma_) not in ETRE_VERBS \
                and not any(c.dep_.startswith(("aux", "nsubj", "expl")) for c in children(verb)):
            # "Battu à l'élection, X refuse...": a bare past participle heading the sentence is
            # said of what the subject after it underwent
            return True
        if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN") and verb.head.i < verb.i \
                and "Part" in morph(verb, "VerbForm") and "Past" in morph(verb, "Tense") \
                and fold(verb.lemma_) not in ETRE_VERBS and not any(
                    c.dep_.startswith(("aux", "nsubj", "expl")) for c in children(verb)) \
                and fold(verb.head.head.lemma_) != "avoir":
            # "trois ministres, accusés de corruption": a bare past participle after a noun says
            # what the noun underwent, whoever did it (a verb of motion with "être" excepted;
            # "il a de son côté appelé" is a compound tense the parser hung on "côté", under "a")
            return True
        if any(c.dep_ == "nsubj:pass" for c in children(verb)):
            # "Les soldats ont mis en garde": the parser's passive subject under a bare "avoir"
            # is an active subject (a French passive needs "être")
            return not _active_perfect(verb)
        # "a été arrêté par la police et accusé de trahison": a bare participle coordinated
        # with a passive verb shares its auxiliary, hence its voice
        return (depth < 3 and verb.dep_ == "conj" and "Part" in morph(verb, "VerbForm")
                and not any(c.dep_.startswith(("aux", "nsubj")) for c in children(verb))
                and verb.head.i != verb.i and verb.head.pos_ in ("VERB", "AUX") and cls._is_passive(verb.head, depth + 1))

    def _passive_patient(self, verb: Token, actors: ArticleActors, depth: int = 0) -> list[Actor]:
        """Who undergoes a passive verb that has no subject of its own: the subject of the
        passive verb it is coordinated with, or, when the parser hung a finite clause on a
        relative clause ("X qui refuse de ... a été arrêté"), the subject of that clause's head."""
        if "Part" in morph(verb, "VerbForm") and not any(c.dep_.startswith("aux") for c in children(verb)) \
                and verb.i == sent_starts_of(verb.doc)[verb.i] and verb.dep_ in ("ROOT", "advcl"):
            # "Reçu par le président, le ministre a déclaré": a participle heading the sentence
            # is said of the subject of the clause after it (its head, or hung on it)
            clause = verb.head if verb.dep_ == "advcl" else next(
                (c for c in children(verb) if c.dep_ in ("parataxis", "conj", "ccomp") and c.pos_ in ("VERB", "AUX")), None)
            if clause is not None:
                for c in children(clause):
                    if c.dep_ in ("nsubj", "nsubj:pass") and c.i > verb.i:
                        return self._arg_actors(c, actors)
            return []
        if depth > 3 or verb.head.i == verb.i:
            return []
        head = verb.head
        if verb.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN"):
            return actors.actors(head)     # "Alton Sterling, abattu par un policier"
        if verb.dep_ == "conj" and head.pos_ in ("VERB", "AUX") and self._is_passive(head):
            for c in children(head):
                if c.dep_ in ("nsubj:pass", "nsubj"):
                    return self._arg_actors(c, actors)
            return self._passive_patient(head, actors, depth + 1)
        finite = any(c.dep_.startswith("aux") and "Ind" in morph(c, "Mood") for c in children(verb))
        if verb.dep_ == "advcl" and finite and not any(c.dep_ == "mark" for c in children(verb)):
            for c in children(head):
                if c.dep_ in ("nsubj", "nsubj:pass") and "Rel" not in morph(c, "PronType"):
                    return self._arg_actors(c, actors)
        return []

    def _targets(self, tok: Token, pred: Predicate, actors: ArticleActors) -> list[Actor]:
        passive = tok.pos_ in ("VERB", "AUX") and self._is_passive(tok)
        inverted = self._inverted_subject(tok) if tok.pos_ in ("VERB", "AUX") else None
        # a light verb's complements may hang on its noun ("faire pression sur", "lancer
        # une offensive contre")
        holders = [tok] + [c for c in self._objects(tok) if c.pos_ == "NOUN"] \
            if tok.pos_ in ("VERB", "AUX") else [tok]
        if pred.fixed:
            # "tirer à boulets rouges sur l'OTAN": the complement may hang on the fixed words
            span = tok.doc[tok.i + 1: min(tok.i + 1 + len(pred.fixed_words), tok.sent.end)]
            holders += [t for t in span if t.pos_ == "NOUN" and t not in holders]
        for slot in pred.target or ("obj",):
            slot_f = fold(slot)
            for holder in holders:
                for c in children(holder):
                    if c.i == tok.i or (inverted is not None and c.i == inverted.i):
                        continue
                    hit = False
                    if slot_f == "obj":
                        # "expulser des diplomates": the sense-giving object is the target when it
                        # names actors; "faire pression": a bare noun names none and is skipped
                        hit = (c.dep_ == "nsubj:pass" or (c.dep_ == "nsubj" and _copular_passive(tok))) if passive \
                            else (c.dep_ == "obj" and c.i > tok.i
                                  or c.pos_ == "PRON" and (c.dep_ == "obj" or c.dep_ == "mark" and _object_relative(c, tok))
                                  or self._object_clitic(c, tok)
                                  or self._misread_object(c, tok))
                    elif slot_f == "iobj":
                        hit = c.dep_ == "iobj" or (c.dep_.startswith("obl") and self._case(c) in self.dative)
                    elif c.dep_.startswith(("obl", "nmod", "iobj")):
                        hit = self._case(c) == slot_f or (slot_f in self.dative and self._case(c) in self.dative)
                    if hit and _object_relative(c, tok):
                        # "la réélection d'Alexandre Loukachenko, qu'ils jugent frauduleuse": an
                        # object relative stands for its antecedent
                        found = self._arg_actors(tok.head, actors)
                        if found:
                            return found
                    if hit:
                        # "condamner l'attaque de la Russie", "protester contre la décision des
                        # autorités françaises": an act aimed at a thing aims at its author
                        found = self._arg_actors(c, actors) or self._counterpart(c, tok, actors)
                        if not found and pred.plover_type not in self.participant_types:
                            found = self._author(c, actors, nested=pred.plover_type in self.judging_types)
                        if not found and pred.plover_type in self.judging_types:
                            found = self._demonstrated_act(c, tok, actors)
                        if found:
                            return found
                if holder.i != tok.i and slot_f in self.genitive and pred.plover_type not in self.participant_types \
                        and (inverted is None or holder.i != inverted.i) and not actors.actors(holder):
                    # "rejeter les accusations portées par Washington", "refuser le plan proposé
                    # par l'ONU": whose the object is may be said by a participle's agent
                    found = self._author(holder, actors)
                    if found:
                        return found
            if slot_f == "obj" and passive and not any(c.dep_ == "nsubj:pass" for c in children(tok)):
                found = self._passive_patient(tok, actors)
                if found:
                    return found
            if slot_f == "obj" and not passive and inverted is None:
                found = self._shared_object(tok, actors)
                if found:
                    return found
        antecedent = self._genitive_antecedent(tok) if (
            "obj" in pred.target or set(pred.target) & self.genitive) and pred.plover_type not in self.participant_types else None
        if antecedent is not None:
            # "le régime, dont l'opposition réclame le départ", "le gouvernement, dont il condamne
            # les agissements": the relative's antecedent owns the object
            found = actors.actors(antecedent)
            if found:
                return found
        if tok.pos_ in ("VERB", "AUX") and pred.plover_type in self.requesting_types:
            # "réclamer le respect de l'accord signé avec l'Onu": asked of the deal's partner
            for c in children(tok):
                if c.dep_ == "obj":
                    found = self._deal_partner(c, actors) or self._stopped_doer(c, actors)
                    if found:
                        return found
        if tok.pos_ in ("VERB", "AUX") and pred.plover_type in self.addressed_types:
            return self._addressee(tok, actors)
        return []

    def _stopped_doer(self, obj: Token, actors: ArticleActors) -> list[Actor]:
        """"réclamer la fin des bombardements russes", "l'arrêt des frappes de l'armée": an end
        asked for (modality.yaml cessation_nouns) is asked of whoever does the act that would
        end: its "de" complement's author, or the state its adjective names."""
        if obj.pos_ != "NOUN" or fold(obj.lemma_) not in self.mod.cessation_nouns:
            return []
        for act in children(obj):
            if act.dep_ != "nmod" or act.i < obj.i or act.pos_ != "NOUN" or self._case(act) not in self.genitive:
                continue
            pred = self._noun_predicate(act)
            if pred is None or not pred.is_event:
                continue
            return self._author(act, actors) or self._adjective_states(act, pred, actors)
        return []

    def _aimed_at_place(self, noun: Token, pred: Predicate) -> bool:
        """"les bombardements russes sur Alep": an attack noun whose target complement is a
        name (a place: the coder makes its state the target, config place_target_types)."""
        slots = {fold(x) for x in pred.target}
        return any(c.dep_.startswith(("nmod", "obl")) and c.i > noun.i and c.pos_ == "PROPN"
                   and self._case(c) in slots for c in children(noun))

    def _shared_object(self, verb: Token, actors: ArticleActors) -> list[Actor]:
        """"Les soldats ont arrêté et frappé des manifestants": two coordinated verbs with one
        object after the second; the parser hangs the object on the last verb only. A verb
        with no complement of its own shares the object of the verb coordinated after it by
        a conjunction, when that verb has no subject of its own."""
        if verb.pos_ not in ("VERB", "AUX") or any(
                c.dep_ in ("obj", "ccomp", "xcomp", "iobj") or c.dep_.startswith(("obl", "nsubj:pass"))
                for c in children(verb)):
            return []
        for conj in children(verb):
            if conj.dep_ != "conj" or conj.pos_ != "VERB" or conj.i <= verb.i or not any(
                    c.dep_ == "cc" for c in children(conj)) or any(
                    c.dep_.startswith(("nsubj", "expl", "aux:pass")) or (c.dep_ == "iobj" and c.i < conj.i)
                    for c in children(conj)):
                continue
            if any(t.pos_ in ("NOUN", "PROPN", "PRON") for t in tokens_of(verb.doc)[verb.i + 1: conj.i]):
                continue      # "a arrêté le suspect et frappé..." has its own words between
            for c in children(conj):
                if c.dep_ == "obj" and c.i > conj.i:
                    return self._arg_actors(c, actors)
        return []

    def _compliance(self, noun: Token) -> Token | None:
        """The deal whose keeping `noun` names ("le respect d'un accord"), or None."""
        if noun.pos_ != "NOUN" or fold(noun.lemma_) not in self.compliance_nouns:
            return None
        return next((c for c in children(noun) if c.dep_ == "nmod" and fold(c.lemma_) in self.deal_nouns), None)

    def _deal_partner(self, noun: Token, actors: ArticleActors) -> list[Actor]:
        """Whom the keeping of a deal is asked of: its partner, the "avec" complement of the
        deal or of the participle that made it ("le respect de l'accord signé avec l'Onu")."""
        deal = self._compliance(noun)
        if deal is None:
            return []
        holders = [deal] + [c for c in children(deal) if c.dep_ == "acl" and c.pos_ == "VERB"]
        return self._complement_actors(holders, ("obl", "nmod"), self.partner_preps, actors)

    def _complement_actors(self, heads, deps: tuple[str, ...], preps: set[str], actors: ArticleActors) -> list[Actor]:
        """The actors of the first complement of `heads` (a dependency starting with one of
        `deps`, introduced by one of `preps`) that names any."""
        for h in heads:
            for c in children(h):
                if c.dep_.startswith(deps) and self._case(c) in preps:
                    found = self._arg_actors(c, actors)
                    if found:
                        return found
        return []

    def _compliance_asker(self, deal: Token) -> Token | None:
        """The verb asking for the keeping of `deal` ("réclamer le respect de l'accord"), or None."""
        keeping = deal.head
        kept = self._compliance(keeping) if deal.dep_ == "nmod" else None
        if kept is None or kept.i != deal.i:
            return None
        verb = keeping.head
        return verb if keeping.dep_ == "obj" and verb.pos_ == "VERB" else None

    def _genitive_antecedent(self, verb: Token) -> Token | None:
        """The noun a "dont" clause is said of: the relative clause's head, or, where the parser
        hung the clause on the main verb, the noun right before "dont" (past its adjectives)."""
        # (the parser may hang "dont" on the clause's subject)
        near = [*children(verb), *[g for c in children(verb) if c.dep_ == "nsubj" for g in children(c)]]
        rel = next((c for c in near if c.pos_ == "PRON" and c.i < verb.i
                    and fold(c.text) in self.genitive_relatives), None)
        if rel is None:
            return None
        if verb.dep_ == "acl:relcl":
            return verb.head if verb.head.pos_ in ("NOUN", "PROPN") else None
        if verb.dep_ != "advcl":
            return None
        prev = tokens_of(verb.doc)[rel.i - 1] if rel.i > verb.sent.start else None
        if prev is not None and prev.pos_ == "PUNCT" and prev.i > verb.sent.start:
            prev = tokens_of(verb.doc)[prev.i - 1]
        while prev is not None and prev.pos_ == "ADJ" and prev.dep_ == "amod" and prev.head.i < prev.i:
            prev = prev.head
        return prev if prev is not None and prev.pos_ in ("NOUN", "PROPN") else None

    def _demonstrated_act(self, noun: Token, verb: Token, actors: ArticleActors) -> list[Actor]:
        """"La Russie a condamné cette décision", "Elle a condamné ce comportement": an act named
        by a demonstrative is the last one the article reported, a little before. Aimed at
        its doer; when that doer is the subject here (a criticism going on), at its target."""
        if noun.pos_ != "NOUN" or not (fold(noun.lemma_) in self.act_nouns or self._noun_predicate(noun) is not None) \
                or not any(c.dep_ == "det" and "Dem" in morph(c, "PronType") for c in children(noun)):
            return []
        acts = [a for a in actors.acts if 0 < verb.i - a[0] <= self.act_window]
        if not acts:
            return []
        _, src, tgt = acts[-1]
        subjects = self.subjects(verb, actors)
        doers = {a.key() for a in subjects}
        # (the same state under another name is the same doer: "un couvre-feu décrété" by the
        # Chilean state, "le président chilien a justifié ces mesures")
        states = {(a.country, a.role) for a in subjects if a.country and a.role}
        if src.key() in doers or (src.country, src.role) in states:
            return [tgt] if tgt is not None and tgt.key() not in doers else []
        return [src]

    def _answerer(self, participle: Token, actors: ArticleActors) -> list[Actor]:
        """"la Ceni a refusé le report du premier tour demandé par l'opposition": who refuses
        (grants, accepts...) what was asked is whom it was asked of."""
        node = participle.head
        for _ in range(3):
            if node.dep_ == "obj" and node.head.pos_ == "VERB" and fold(node.head.lemma_) in self.answering_verbs:
                return self.subjects(node.head, actors)
            if node.dep_ != "nmod" or node.head.i == node.i:
                break
            node = node.head
        return []

    def _counterpart(self, noun: Token, verb: Token, actors: ArticleActors) -> list[Actor]:
        """"Macron a demandé à son interlocuteur de...": the other side of the last meeting the
        article reported for the verb's subject."""
        if noun.pos_ != "NOUN" or fold(noun.lemma_) not in self.counterpart_nouns:
            return []
        meetings = actors.meetings
        if not meetings:
            return []
        doers = {a.key() for a in self.subjects(verb, actors)}
        for a, b in reversed(meetings):
            if a.key() in doers:
                return [b]
            if b.key() in doers:
                return [a]
        return []

    def _addressee(self, verb: Token, actors: ArticleActors) -> list[Actor]:
        """"a plaidé X dans un communiqué adressé aux factions armées": a statement made in a
        document addressed to someone is addressed to them."""
        addressing = [a for c in children(verb) if c.dep_.startswith("obl") and fold(c.lemma_) in self.document_nouns
                      for a in children(c) if a.dep_ == "acl" and fold(a.lemma_) in self.addressing_verbs]
        return self._complement_actors(addressing, ("obl", "iobj"), self.dative, actors)

    def _object_clitic(self, c: Token, verb: Token) -> bool:
        """"Elle l'a exhorté": the model may label a preverbal "l'"/"les" a second subject;
        a verb with another subject before it takes that clitic as its object."""
        return (c.pos_ == "PRON" and c.dep_ == "nsubj" and c.i < verb.i and fold(c.text) in self.object_clitics
                and any(d.dep_ == "nsubj" and d.i < c.i for d in children(verb)))

    def _armed_state(self, actor: Actor) -> Actor:
        """"Israël a attaqué Gaza", "Moscou bombarde Alep": a state named as the doer of an
        act of force acts through its armed forces."""
        if actor.kind not in self.state_kinds or actor.role != "GOV" or not actor.country:
            return actor
        return Actor(actor.text, actor.name, actor.country, "MIL", actor.country + "MIL", actor.start, actor.end, actor.kind)

    def _participle_read_as_preposition(self, tok: Token):
        """"une résolution admonestant Téhéran": the model may read a present participle as
        the preposition of the noun after it. Then that noun is its object and the noun the
        phrase hangs on (or the document's author) its doer. None when the parse is sound."""
        if tok.dep_ != "case" or tok.pos_ != "VERB" or "Part" not in morph(tok, "VerbForm"):
            return None
        obj, owner = tok.head, tok.head.head

        def args(actors: ArticleActors) -> tuple[list[Actor], list[Actor]]:
            targets = self._arg_actors(obj, actors) if obj.pos_ in ("NOUN", "PROPN", "PRON") else []
            sources: list[Actor] = []
            if owner.i != obj.i and owner.pos_ in ("NOUN", "PROPN"):
                if fold(owner.lemma_) in self.document_nouns:
                    sources = self._document_author(owner, actors, 1)
                else:
                    sources = actors.actors(owner)
            return sources, targets
        return args

    def _announced_act(self, pred: Predicate) -> bool:
        return _code_in(pred.cameo, self.announced_codes)

    def _withdrawal_target(self, tok: Token, sources: list[Actor], actors: ArticleActors) -> list[Actor]:
        """"le retrait des troupes françaises du Mali", "retirer ses soldats de Syrie": a
        withdrawal aims at the state left, named by a "de" complement of the phrase (or of
        the forces inside it) that is not the withdrawing side's own country."""
        own = {a.country for a in sources if a is not None and a.country}
        heads = [tok]
        if tok.pos_ in ("VERB", "AUX"):
            heads += [c for c in self._objects(tok) if c.pos_ == "NOUN"]
        found: list[Actor] = []
        for h in heads:
            for c in children(h):
                if not c.dep_.startswith(("nmod", "obl")) or self._case(c) not in self.genitive:
                    continue
                for t in (c, *[g for g in children(c) if g.dep_ == "nmod" and self._case(g) in self.genitive]):
                    if t.pos_ != "PROPN":
                        continue
                    left = [a for a in actors.actors(t) if a.kind in self.state_kinds and a.country
                            and a.country not in own]
                    if left:
                        found = left[:1]       # the last one: the forces come before the place left
        return found

    def _governing_verb(self, tok: Token) -> Token | None:
        """The verb an infinitive event depends on through "de" ("menacer DE riposter",
        "refuser DE reconnaître"), or None."""
        node = tok
        if node.pos_ == "NOUN" and node.head.pos_ == "VERB" and (node.dep_ == "obj" or (
                node.dep_ in ("obl:arg", "obl") and "Inf" in morph(node.head, "VerbForm"))):
            # "menacer de déclencher une offensive", "menacer de riposter par des tirs"
            node = node.head
        if node.dep_ == "conj" and node.head.pos_ == "VERB" and "Inf" in morph(node.head, "VerbForm"):
            node = node.head                       # "de riposter et de frapper"
        if "Inf" not in morph(node, "VerbForm") or node.dep_ not in ("xcomp", "obl:arg", "ccomp") \
                or node.head.i == node.i or node.head.pos_ != "VERB":
            return None
        if not self._marked(node, self.genitive):
            return None
        return node.head

    def _fold_governed(self, events: list[RawEvent], actors: ArticleActors) -> list[RawEvent]:
        """"Les Houthis ont menacé de riposter contre les ports saoudiens", "il refuse de
        reconnaître son rival": the threat or the refusal is what happened; the act it governs
        did not. Its target (or the infinitive's object) becomes the governor's target where
        that has none, and the governed act is not coded apart."""
        if not self.fold_types:
            return events
        governors: dict[int, list[RawEvent]] = {}
        for e in events:
            if e.predicate.plover_type in self.fold_types:
                governors.setdefault(e.trigger.i, []).append(e)
        if not governors:
            return events
        governed: dict[int, list[RawEvent]] = {}
        for e in events:
            gov = self._governing_verb(e.trigger)
            if gov is not None and gov.i in governors and not any(e is h for h in governors[gov.i]):
                governed.setdefault(gov.i, []).append(e)
        for i, heads in governors.items():
            if all(h.target is not None for h in heads):
                continue
            aims = [e.target for e in governed.get(i, ()) if e.target is not None]
            if not aims:
                # "refuser de reconnaître le président élu": the infinitive's object
                verb = heads[0].trigger
                for c in children(verb):
                    g = self._governing_verb(c)
                    if g is not None and g.i == verb.i:
                        # ... or its "contre"/"sur" complement ("menacer d'intervenir contre X")
                        # ... or that of its means ("riposter par des tirs contre les ports")
                        means = [g for o in children(c) if o.dep_.startswith("obl") and o.pos_ == "NOUN"
                                 for g in children(o) if g.dep_ == "nmod" and self._case(g) in self.aim_preps]
                        for o in [*sorted(children(c), key=lambda o: o.dep_ != "obj"), *means]:
                            if o.pos_ in ("NOUN", "PROPN", "ADJ") and (o.dep_ == "obj" or (
                                    o.dep_.startswith(("obl", "nmod")) and self._case(o) in self.aim_preps)):
                                aims = self._arg_actors(o, actors)
                                if not aims and o.dep_ == "obj":
                                    # "refuser de reconnaître la victoire de X": whose thing it is
                                    aims = self._author(o, actors)
                                if not aims and o.pos_ == "NOUN":
                                    # "menacer de frapper les ports saoudiens et émiratis"
                                    aims = self._adjective_countries(o, actors)
                                if aims:
                                    break
                        break
            focus = actors.focus_country()
            aims = [localise(a, focus) for a in aims]
            for h in heads:
                if h.target is not None:
                    continue
                mine = [a for a in aims if h.source is None or h.source.key() != a.key()]
                if mine:
                    # "menacer de frapper les ports saoudiens et émiratis": one threat per side
                    h.target = mine[0]
                    events += [replace(h, target=a) for a in mine[1:]]
        dropped = {id(e) for es in governed.values() for e in es}
        return [e for e in events if id(e) not in dropped] if dropped else events

    def _announcer(self, verb: Token, actors: ArticleActors) -> list[Actor]:
        """Who announces an agentless passive act ("Bazoum a été destitué, a annoncé un
        groupe de soldats"; "il a ajouté que les frontières avaient été fermées"): the
        speaker, when the act is one an authority performs by announcing it."""
        return [a for a in self._speaker(verb, actors) if a.role in self.announcer_roles]

    @staticmethod
    def _implied_state(tok: Token, actors: ArticleActors) -> list[Actor]:
        """"Un couvre-feu a été décrété", "les rassemblements ont été interdits": an act only a
        state performs, told in the passive with no agent, no announcer and no one it aims at,
        is the state's the article is about (none when no country dominates the article)."""
        focus = actors.focus_country()
        if not focus:
            return []
        name = actors.dic.country_names.get(focus, focus)
        # not written in the text: it spans the words that imply it
        return [Actor(name, name, focus, "GOV", focus + "GOV", tok.idx, tok.idx + len(tok.text), "country")]

    def _speaker(self, verb: Token, actors: ArticleActors) -> list[Actor]:
        """Who says the clause of `verb`: the subject of the speech verb it is reported by
        (before it, or in an incise after it), else the speaker of the quotation it is in."""
        if verb.dep_ == "ccomp" and fold(verb.head.lemma_) in self.speech_verbs:
            # "X a estimé que les conditions n'étaient pas réunies, a indiqué Y": the verb the
            # clause is the object of speaks it, not the incise about the whole sentence
            found = self.subjects(verb.head, actors, 1)
            if found:
                return found
        found = []
        for c in children(verb):
            if c.dep_ in ("conj", "parataxis") and c.i > verb.i and fold(c.lemma_) in self.speech_verbs:
                found = self.subjects(c, actors, 1)
                break
        node = verb
        for _ in range(4):
            if found or node.head.i == node.i or node.dep_ not in ("ccomp", "conj", "advcl", "parataxis"):
                break
            # the parser hangs the reported clause on the speech verb as ccomp, or as advcl /
            # parataxis when the speech verb comes after it in an incise
            if node.dep_ != "conj" and fold(node.head.lemma_) in self.speech_verbs:
                found = self.subjects(node.head, actors, 1)
            node = node.head
        if not found:
            found = [a for s, e, a in actors.quote_speakers if s <= verb.idx < e][:1]
        return found

    def _slot_actors(self, tok: Token, preps, actors: ArticleActors) -> list[Actor]:
        wanted = {fold(p) for p in preps}
        # "convoqué mercredi au ministère": the parser may hang the complement on the
        # date word before it, so the verb's obliques' own complements are looked at too
        cands = [c for c in children(tok) if c.dep_.startswith(("obl", "iobj"))]
        cands += [g for c in cands if c.dep_ == "obl:mod" for g in children(c) if g.dep_ == "nmod"]
        for c in cands:
            if self._case(c) in wanted:
                found = self._arg_actors(c, actors)
                if found:
                    return found
        return []

    def _document_author(self, doc_noun: Token, actors: ArticleActors, depth: int) -> list[Actor]:
        """Who speaks through a document ("la résolution", "ce texte", "le communiqué"): its
        "de" complement or possessive, the subject of the verb it is the object of ("ont
        déposé une résolution"), or else the author of the last document the article named."""
        found = self._author(doc_noun, actors)
        if not found:
            for c in children(doc_noun):
                if c.dep_ == "det" and "Yes" in morph(c, "Poss"):
                    found = actors.pronoun(c)
        if not found and doc_noun.dep_ == "obj" and doc_noun.head.pos_ in ("VERB", "AUX") and depth < 5:
            found = self.subjects(doc_noun.head, actors, depth + 1)
        memory = actors.document_authors
        if found:
            memory.append((doc_noun.i, found))
            return found
        earlier = [a for i, a in memory if i < doc_noun.i]
        return earlier[-1] if earlier else []

    def _author(self, thing: Token, actors: ArticleActors, depth: int = 0, nested: bool = False) -> list[Actor]:
        """Whose is the object? "condamner l'attaque de la Russie", "refuser le report demandé
        par l'opposition": the act aims at the author of what it acts on; "déplorer l'absence
        de réponses de l'Iran": with `nested`, at the named author (not a group of people:
        "lever l'interdiction des rassemblements de plus de dix personnes") of the thing its
        "de" complement names."""
        if thing.pos_ != "NOUN":
            return []
        # "forcer les accès à plusieurs hypermarchés": a way in is the way into its holder's
        holder = fold(thing.lemma_) in self.holder_nouns
        for c in children(thing):
            if c.dep_ == "nmod" and c.i > thing.i and (self._case(c) in self.genitive or self._case(c) in self.passive_agent
                                                       or (holder and self._case(c) in self.holder_cases)):
                found = self._arg_actors(c, actors)
                if found:
                    return found
            if c.dep_ == "acl" and c.pos_ == "VERB":
                for a in children(c):
                    if a.dep_ in ("obl:agent", "obl:arg", "obl") and self._case(a) in self.passive_agent:
                        found = self._arg_actors(a, actors)
                        if found:
                            return found
        # "le report du premier tour demandé par l'opposition": the participle may hang on
        # the object's complement
        for c in children(thing):
            if c.dep_ == "nmod" and c.i > thing.i and c.pos_ == "NOUN":
                for v in children(c):
                    if v.dep_ == "acl" and v.pos_ == "VERB":
                        for a in children(v):
                            if a.dep_ in ("obl:agent", "obl") and self._case(a) in self.passive_agent:
                                found = self._arg_actors(a, actors)
                                if found:
                                    return found
        if nested and depth == 0 and not _possessive_is_patient(self._noun_predicate(thing)):
            for c in children(thing):
                if c.dep_ == "nmod" and c.i > thing.i and c.pos_ == "NOUN" and self._case(c) in self.genitive \
                        and not _possessive_is_patient(self._noun_predicate(c)):
                    # ("la détention de binationaux d'autres pays": the detained, not the author)
                    found = [a for a in self._author(c, actors, 1) if a.kind != "group"]
                    if found:
                        return found
        # "condamner les frappes iraniennes", "rejeter les pressions américaines": the
        # nationality adjective of an act names its doer
        lemma = fold(thing.lemma_)
        pred = None if lemma in self.act_nouns or lemma in self.document_nouns else self._noun_predicate(thing)
        if pred is not None or lemma in self.act_nouns or lemma in self.document_nouns:
            return self._adjective_states(thing, pred, actors)
        return []

    def _noun_children(self, noun: Token) -> tuple:
        """The noun's children, and the complements the parser hung on a date just after it
        ("les expulsions en avril par la France de 41 Russes": "par" and "de" hang on "avril")."""
        kids = children(noun)
        for c in kids:
            if c.i > noun.i and c.dep_.startswith(("nmod", "obl")) and fold(c.lemma_) in self.calendar_words:
                hung = tuple(d for d in children(c) if d.i > c.i and d.pos_ in ("NOUN", "PROPN")
                             and d.dep_.startswith(("nmod", "obl")) and fold(d.lemma_) not in self.calendar_words)
                if hung:
                    return kids + hung
        return kids

    def _noun_source(self, noun: Token, actors: ArticleActors, depth: int = 0) -> list[Actor]:
        pred = self._noun_predicate(noun)
        preps = {fold(p) for p in pred.source} if pred else self.genitive | self.passive_agent
        for c in self._noun_children(noun):
            if (c.dep_ in ("nmod", "acl") or c.head.i != noun.i) and c.i > noun.i:
                case = self._case(c)
                if case in preps or (case in self.genitive and preps & self.genitive):
                    found = self._arg_actors(c, actors)
                    if found:
                        return found
            if c.dep_ == "det" and "Yes" in morph(c, "Poss") and not _possessive_is_patient(pred):
                found = actors.pronoun(c)   # "ses frappes": the owner's
                if found:
                    return found
        # "mener des frappes", "cesser les frappes": the doer of a support or aspect verb
        # ("rejeter l'offre" says nothing of who offered)
        if noun.dep_ == "obj" and noun.head.pos_ in ("VERB", "AUX") and depth < 4 and (
                self._is_support(noun.head) or fold(noun.head.lemma_) in self.mod.cessation
                or fold(noun.head.lemma_) in self.aspect_verbs
                # "annoncer l'expulsion de X": the announcer expels, unless the noun's own "de"
                # names its doer ("annoncer la démission de X": X resigns)
                or (fold(noun.head.lemma_) in self.deciding_verbs and not (pred and set(pred.source) & self.genitive))):
            return self.subjects(noun.head, actors, depth + 1)
        return []

    @staticmethod
    def _adjective_countries(tok: Token, actors: ArticleActors) -> list[Actor]:
        """"les aéroports et les ports saoudiens et émiratis": the countries the nationality
        adjectives of a phrase (and of its conjuncts) name, coded by country only (a place's
        state, like a place named as a target)."""
        found: list[Actor] = []
        for t in (tok, *[c for c in children(tok) if c.dep_ == "conj" and c.pos_ == "NOUN"]):
            for c in children(t):
                # the second adjective may hang on the first or on the noun ("saoudiens et émiratis")
                if c.dep_ not in ("amod", "conj") or c.i < t.i or c.pos_ != "ADJ":
                    continue
                for a in (c, *[d for d in children(c) if d.dep_ == "conj" and d.pos_ == "ADJ"]):
                    iso = actors.dic.demonym(a.text)
                    if iso and all(f.country != iso for f in found):
                        found.append(Actor(a.text, actors.dic.country_names.get(iso, a.text), iso, None, iso,
                                           a.idx, a.idx + len(a.text), "metonym"))
        return found

    def _adjective_states(self, noun: Token, pred: Predicate | None, actors: ArticleActors) -> list[Actor]:
        """"les sanctions américaines", "le projet israélien", "le communiqué nord-coréen": a
        nationality adjective of an act or a document names the state that does or writes it;
        of an event noun only for the types `adjective_doer_types` lists ("l'enquête russe" is
        about Russia, "le dialogue kosovar" among Kosovars)."""
        if pred is not None and pred.plover_type not in self.adjective_doer_types:
            return []
        found: list[Actor] = []
        for c in children(noun):
            if c.dep_ != "amod" or c.i < noun.i or c.pos_ != "ADJ":
                continue
            for a in (c, *[d for d in children(c) if d.dep_ == "conj" and d.pos_ == "ADJ"]):
                iso = actors.dic.demonym(a.text)
                if iso:
                    name = actors.dic.country_names.get(iso, a.text)
                    found.append(Actor(a.text, name, iso, "GOV", iso + "GOV", a.idx, a.idx + len(a.text), "country"))
            if found:
                break
        return found

    # -- extraction -------------------------------------------------------------------
    def extract(self, sent, actors: ArticleActors) -> list[RawEvent]:
        events: list[RawEvent] = self._verbless_repair(sent, actors)
        consumed: set[int] = set()    # event nouns already coded with their light verb
        obliged: dict[int, object] = {}  # "« X doit ... »": demand trigger -> the one it obliges
        doc = sent.doc
        pos, words, lemmas = pos_of(doc), texts_of(doc), folded_lemmas_of(doc)
        folded = folded_texts_of(doc)
        verbs, nouns, surface = self.lex.verbs, self.lex.nouns, self.lex.surface_lemmas
        # verbs whose object is a document ("déposer une résolution"): their subject wrote it
        deps, heads = deps_of(doc), heads_of(doc)
        toks = tokens_of(doc)
        writers = {heads[j] for j in range(sent.start, sent.end)
                   if deps[j] == "obj" and lemmas[j] in self.document_nouns}
        for i in range(sent.start, sent.end):
            # most words are no predicate: skip them before making a Token (a predicate's
            # lemma is in the lexicon, or its form is a known unlemmatised one)
            if pos[i] in ("VERB", "AUX", "NOUN"):
                lemma = lemmas[i]
                if lemma not in verbs and lemma not in nouns and i not in writers \
                        and folded[i] not in surface:
                    continue
            elif folded[i] not in surface \
                    and not (pos[i] == "ADJ" and self.participle_endings and words[i].endswith(self.participle_tail)):
                continue
            tok = toks[i]
            if i in writers and tok.pos_ == "VERB":
                # "les Etats-Unis ont déposé une résolution": remember who wrote it, for "ce texte"
                for c in children(tok):
                    if c.dep_ == "obj" and fold(c.lemma_) in self.document_nouns:
                        self._document_author(c, actors, 1)
            # "Le régime bombarde Alep": the model may tag an unlemmatised present as a noun
            # ("la Russie sera prête à": a word with a copula is an adjective, not "prêter")
            verb_like = (tok.pos_ in ("VERB", "AUX") and not nominal_participle(tok)) or (
                fold(tok.text) in self.lex.surface_lemmas and any(c.dep_ == "nsubj" for c in children(tok))
                and not any(c.dep_ == "cop" for c in children(tok))) or self._participle_read_as_adjective(tok)
            if verb_like:
                pred = self._verb_predicate(tok)
                if pred is None or ((pred.obligation or pred.speaker_judges) and not self._quoted(tok, actors)):
                    continue       # ("devoir", "être responsable" are read in quotations only)
                for c in self._objects(tok):
                    if c.pos_ == "NOUN":
                        noun_pred = self._noun_predicate(c)
                        if noun_pred is None:
                            continue
                        if self._is_support(tok):
                            # "lancer une offensive", "mener des frappes communes": one event,
                            # the noun's reading unless the verb entry was written for it
                            consumed.add(c.i)
                            if pred.obj != fold(c.lemma_) or noun_pred.requires_adj:
                                pred = noun_pred
                        elif pred.obj == fold(c.lemma_) or (noun_pred.plover_type == pred.plover_type
                                                            and pred.is_event):
                            # "imposer des sanctions": the entry says it all; "signer un accord":
                            # a noun of the verb's own type is the same act, said twice
                            consumed.add(c.i)
                # "qu'il était d'accord pour y participer": the parser may take the copula of a
                # fixed phrase for a tense auxiliary of the verb after it
                copula = tok.dep_ == "cop" or (pred.fixed is not None and tok.dep_.startswith("aux")
                                               and fold(tok.lemma_) == "etre")
                if copula and tok.head.i != tok.i:
                    # "la Russie sera prête à y revenir": the words after the copula carry the
                    # subject and the complements
                    sources, targets = self.subjects(tok.head, actors), self._targets(tok.head, pred, actors)
                    if pred.speaker_judges:
                        # "« il est responsable de cette impasse », a dit X": X blames the subject
                        sources, targets = self._said_of_subject(tok.head, sources, actors)
                    if tok.dep_ != "cop":
                        # misread as an auxiliary, the copula shares its verb's subjects: the
                        # one just before it is its own ("qu'il était d'accord")
                        own = [c for c in children(tok.head) if c.dep_.startswith(("nsubj", "expl:subj"))
                               and c.i < tok.i and tok.i - c.i <= 3]
                        if own:
                            sources = self._arg_actors(own[-1], actors)
                    if pred.is_event and (sources or targets):
                        end = tokens_of(tok.doc)[tok.i + len(pred.fixed_words)] if pred.fixed else tok
                        consumed.update(range(tok.i + 1, end.i + 1))    # "est en visite": one event
                        self._emit(events, tok, end, pred, sources, targets, sent, actors)
                    continue
                sources = self.subjects(tok, actors)
                misread = self._participle_read_as_preposition(tok)
                if misread is not None:
                    sources, targets = misread(actors)
                    end = tok
                    if not pred.is_event or not (sources or targets):
                        continue
                    self._emit(events, tok, end, pred, sources, targets, sent, actors)
                    continue
                if not sources and pred.source and self._is_passive(tok):
                    sources = self._slot_actors(tok, pred.source, actors)   # "convoqué au ministère"
                if not sources and self._announced_act(pred) and self._is_passive(tok):
                    sources = self._announcer(tok, actors)
                if not sources and pred.speaker_source:
                    sources = self._speaker(tok, actors)     # "a déclaré que les conditions n'étaient pas réunies"
                targets = self._targets(tok, pred, actors)
                if pred.obligation:
                    sources, targets = self._obligation(tok, sources, actors)
                    if targets:
                        obliged[tok.i] = targets[0].key()
                if not targets and pred.plover_type in self.answered_types and tok.dep_ == "acl":
                    targets = self._answerer(tok, actors)    # "X a refusé le report demandé par Y"
                if _code_in(pred.cameo, self.withdrawal_codes):
                    targets = self._withdrawal_target(tok, sources, actors) or targets
                if not sources and not targets and _code_in(pred.cameo, self.implied_state_codes) \
                        and self._is_passive(tok):
                    sources = self._implied_state(tok, actors)   # "un couvre-feu a été décrété à Santiago"
                end = tok
                if pred.fixed:
                    end = tokens_of(tok.doc)[tok.i + len(pred.fixed_words)]
            elif tok.pos_ == "NOUN" and tok.i not in consumed:
                pred = self._noun_predicate(tok)
                if pred is None:
                    continue
                sources, targets = self._noun_args(tok, pred, actors, sent)
                if not sources and (targets or (pred.plover_type in self.place_target_types
                                                and self._aimed_at_place(tok, pred))):
                    # "les sanctions américaines contre l'Iran", "les bombardements russes sur
                    # Alep": the adjective names the doer (alone, "les menaces turques" is a
                    # mention more than an event)
                    sources = self._adjective_states(tok, pred, actors)
                if not sources and pred.speaker_source and tok.dep_ in ("nsubj", "nsubj:pass") \
                        and tok.head.pos_ in ("VERB", "AUX"):
                    # "a annoncé que des troupes supplémentaires allaient participer aux combats":
                    # whoever announces them sends them
                    sources = self._speaker(tok.head, actors)
                if not targets and self._meeting_told_before(tok, pred, sources, actors):
                    continue
                if pred.between:
                    pred, sources, targets = self._riot(pred, sources, targets)
                if _code_in(pred.cameo, self.withdrawal_codes):
                    targets = self._withdrawal_target(tok, sources, actors) or targets
                end = tok
            else:
                continue
            if not pred.is_event:
                continue       # a statement sense (CAMEO 01x): a quote, not an event
            if not sources and not targets:
                continue       # an event with no actor at all says nothing about the system
            if sources and not targets and pred.plover_type in self.adversary_types:
                targets = self._adversary(sources[0], doc, actors)   # "les candidats opposés à X rejettent"
            if pred.needs_target and not targets and not any(s.role in pred.or_source_roles for s in sources):
                continue       # "se livrer à des activités" is no surrender: only "se livrer à la police" is
            if pred.needs_source and not sources:
                continue       # "les électeurs se sont déplacés à Conakry": a visit by nobody known
            if pred.source_roles:
                # "des milliers de personnes ont convergé": a crowd's act, not the troops'
                sources = [s for s in sources if s.role in pred.source_roles]
                if not sources:
                    continue
            if sources and _code_in(pred.cameo, self.visit_codes):
                # "les Guinéens se sont déplacés en masse à Conakry": people travel, officials visit
                sources = [s for s in sources if s.role not in self.travelling_roles]
                if not sources:
                    continue
            self._emit(events, tok, end, pred, sources, targets, sent, actors)
        if obliged:
            _ask_obliged(events, obliged)
        if self.announced_threats and actors.quoted_spans:
            events = [self._announced_threat(e, actors) for e in events]
        return self._drop_requested(self._drop_bare_intents(self._aim_by_purpose(
            self._organisers(self._fold_governed(events, actors), actors))))

    def _announced_threat(self, e: RawEvent, actors: ArticleActors) -> RawEvent:
        """"« On ne se soumettra pas, on manifestera »": what a speaker says, in a quotation,
        they will do to others is a threat of it (config announced_threats), made now."""
        code = self.announced_threats.get(e.predicate.plover_type)
        verb = e.trigger
        if code is None or e.negated or e.modality not in ("asserted", "proposed") or verb.pos_ != "VERB" \
                or "Fut" not in morph(verb, "Tense") or "Ind" not in morph(verb, "Mood") \
                or not self._quoted(verb, actors) \
                or not any(c.dep_.startswith("nsubj") and fold(c.text) in self.first_person for c in children(verb)):
            return e
        info = cameo_table().get(code)
        if info is None:
            return e
        threat = replace(e.predicate, cameo=code, plover_type=info["plover_type"],
                         plover_mode=info["plover_mode"], goldstein=info["goldstein"], symmetric=False)
        return replace(e, predicate=threat, modality="asserted")    # the threat is made now

    @staticmethod
    def _quoted(tok: Token, actors: ArticleActors) -> bool:
        """Whether the word stands inside quotation marks."""
        return any(s <= tok.idx < e for s, e in actors.quoted_spans)

    def _said_of_subject(self, word: Token, subjects: list[Actor], actors: ArticleActors):
        """(speaker, subjects) of what a quotation's speaker says of the clause's subject (a
        judgement, "« il est responsable de cette impasse »", or a demand, "« X doit partir »");
        ([], []) outside quotations or when the speakers speak of themselves."""
        if not subjects or not self._quoted(word, actors):
            return [], []
        subj = next((c for c in children(word) if c.dep_.startswith("nsubj")), None)
        if subj is not None and ("1" in morph(subj, "Person") or fold(subj.text) in self.first_person):
            return [], []
        speaker = self._speaker(word, actors)
        if not speaker or any(s.key() == speaker[0].key() or s.name == speaker[0].name for s in subjects):
            return [], []
        return speaker[:1], subjects

    def _obligation(self, verb: Token, subjects: list[Actor], actors: ArticleActors):
        """(sources, targets) of "« le régime doit cesser les frappes », a dit Kerry": the
        speaker demands it of the subject. Not when negated, nor for what is no demand."""
        if self.mod.negated(verb) or any(c.dep_.startswith("aux") for c in children(verb)) \
                or "Cnd" in morph(verb, "Mood") or verb.dep_ == "acl:relcl":
            # "la police a dû tirer", "aurait dû faire plus": a past need; "Cristobal devrait
            # s'affaiblir": a forecast; "toute personne qui doit quitter Pékin": a need
            return [], []
        # what the subject must do itself: "doit partir", not "devrait être sur la liste" or
        # "doit être sanctionné" (done to it, by someone else)
        act = next((c for c in children(verb) if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
        if act is None or fold(act.lemma_) in self.state_verbs or self._is_passive(act) \
                or any(c.dep_ == "cop" for c in children(act)):
            return [], []
        if any(fold(t.text) in self.calendar_words for t in act.subtree):
            return [], []      # "le président doit venir demain": a schedule
        if all(s.country is None and s.role == "CVL" for s in subjects):
            return [], []      # "les gens doivent savoir", "toute personne doit": people at large
        return self._said_of_subject(verb, subjects, actors)

    def _organisers(self, events: list[RawEvent], actors: ArticleActors) -> list[RawEvent]:
        """"À l'appel de la CGT, 4 000 personnes ont manifesté": who called the demonstration
        is a source of it too, beside the marchers (config organiser_nouns, organiser_types)."""
        if not self.organiser_nouns:
            return events
        added: list[RawEvent] = []
        calls: set[int] = set()     # the call is the organising of the act, not an event apart
        for e in events:
            if e.predicate.plover_type not in self.organiser_types or e.trigger.pos_ not in ("VERB", "AUX"):
                continue
            for c in children(e.trigger):
                if not c.dep_.startswith(("obl", "nmod")) or fold(c.lemma_) not in self.organiser_nouns \
                        or self._case(c) not in self.dative:
                    continue
                for d in children(c):
                    if d.dep_ != "nmod" or self._case(d) not in self.genitive:
                        continue
                    for org in self._arg_actors(d, actors):
                        calls.add(c.i)
                        if e.source is None or org.key() != e.source.key():
                            added.append(RawEvent(e.trigger, e.trigger_end, e.predicate, org, e.target,
                                                  e.negated, e.modality))
        if not calls:
            return events
        return [e for e in events if e.trigger.i not in calls] + added

    def _aim_by_purpose(self, events: list[RawEvent]) -> list[RawEvent]:
        """An act with no target (a demonstration called for) aims at the target of the
        denunciation its doer gives as its purpose in a clause below it."""
        for e in events:
            if e.target is not None or e.predicate.plover_type not in self.aimed_types:
                continue
            for p in events:
                if p.target is None or p.predicate.plover_type not in self.purpose_types or p.trigger.i <= e.trigger.i \
                        or (e.source is not None and p.source is not None and e.source.key() != p.source.key()):
                    continue
                node = p.trigger
                for _ in range(3):     # within a few steps of the tree: its own clause
                    if node.head.i == node.i:
                        break
                    node = node.head
                    if node.i == e.trigger.i:
                        e.target = p.target
                        break
                if e.target is not None:
                    break
        return events

    def _drop_requested(self, events: list[RawEvent]) -> list[RawEvent]:
        """"exhorter l'Iran à coopérer avec l'AIEA", "sommer le régime de se retirer": the
        request is what happened; the act asked for did not, and is not coded apart. An event
        whose modality is "requested" is dropped when a verb above it in the tree (within a
        few steps) is the trigger of an event of a requesting type whose target is this
        event's doer: the one asked ("exhorter Moscou à faire pression sur Damas": Moscow's
        pressure is only asked for). What a caller asks of nobody, or of others than the doer
        ("l'opposition appelle à manifester"), is the caller's own announced act and stays."""
        if not self.requesting_types:
            return events
        heads: dict[int, set] = {}
        for e in events:
            if e.predicate.plover_type in self.requesting_types:
                heads.setdefault(e.trigger.i, set()).add(e.target.key() if e.target is not None else None)
        if not heads:
            return events
        drop = set()     # trigger positions: a symmetric act asked for goes with its mirror
        for e in events:
            if e.modality != "requested" or e.source is None:
                continue
            node = e.trigger
            for _ in range(4):
                if node.head.i == node.i or node.dep_ not in REQUESTED_DEPS:
                    break
                node = node.head
                if node.i in heads:
                    if e.source.key() in heads[node.i]:     # the act of the one asked
                        drop.add(e.trigger.i)
                    break
        return [e for e in events if e.trigger.i not in drop] if drop else events

    def _drop_bare_intents(self, events: list[RawEvent]) -> list[RawEvent]:
        """"il s'est dit prêt à accepter une trêve": the bare intent (CAMEO 030) says less
        than the agreement it governs, made by the same doer; keep the governed one only."""
        bare = [e for e in events if e.predicate.cameo in self.bare_intent_codes]
        if not bare:
            return events
        drop = set()
        for b in bare:
            anchors = {b.trigger.i, b.trigger.head.i, b.trigger_end.i}
            for e in events:
                if e is not b and e.predicate.plover_type == b.predicate.plover_type \
                        and e.predicate.cameo not in self.bare_intent_codes and e.trigger.head.i in anchors \
                        and e.trigger.i != b.trigger.i \
                        and (e.source is None or b.source is None or e.source.key() == b.source.key()):
                    drop.add(id(b))
                    if e.source is None:
                        e.source = b.source      # "prêt à accepter": who is ready accepts
                    if b.target is not None and e.target is None:
                        e.target = b.target
                    break
        return [e for e in events if id(e) not in drop] if drop else events

    def _emit(self, events: list[RawEvent], tok: Token, end: Token, pred: Predicate, sources: list[Actor],
              targets: list[Actor], sent, actors: ArticleActors) -> None:
        """One event per source and target pair (two for a symmetric one), appended to `events`."""
        # "ne pas commenter", "les conditions ne sont pas réunies": the negation is the meaning
        negated = self.mod.negated(tok) and not pred.negative_only
        told = self.mod.future_in_past(tok)
        modality = self.mod.modality(tok, sent, told)
        if self.mod.attempt_codes:
            pred = self._recode(pred, self.mod.attempt_code(tok, pred.cameo))    # "tenter de tuer X"
        focus = actors.focus_country()
        if told is not None and modality in ("hypothetical", "proposed"):
            modality = self._told_future(events, tok, told, pred, sources, negated, modality, actors)
        for src in sources or [None]:
            for tgt in targets or [None]:
                if src is not None and tgt is not None and src.key() == tgt.key():
                    # a pronoun resolved back to the doer ("les forces ont tiré pour les
                    # disperser"): the target is someone the article did not name
                    tgt = None
                    if any(e.trigger.i == tok.i and e.source is not None and e.source.key() == src.key()
                           and e.target is None for e in events):
                        continue
                if tgt is not None and src is not None and tgt.country is None and tgt.role in DOMESTIC_TARGET_ROLES \
                        and src.role in SUBJECT_DOMESTIC_ROLES and src.country:
                    # a government acting on "l'opposition": the opposition of its own country
                    tgt = Actor(tgt.text, tgt.name, src.country, tgt.role, src.country + tgt.role,
                                tgt.start, tgt.end, tgt.kind)
                src, tgt = localise(src, focus), localise(tgt, focus)
                if src is not None and pred.plover_type in self.force_types:
                    src = self._armed_state(src)
                said = pred
                if src is not None and pred.cameo in self.official_codes and src.role in self.official_roles:
                    said = self._recode(pred, self.official_to)    # "Moscou a protesté contre": a complaint
                elif src is not None and pred.obj in self.crowd_objects and src.role in self.crowd_roles:
                    said = self._recode(pred, self.crowd_to)       # "des milliers ont exprimé leur colère"
                events.append(RawEvent(tok, end, said, src, tgt, negated, modality))
                if src is not None:
                    actors.acts.append((tok.i, src, tgt))   # for "cette décision"
                if said.plover_type in self.meeting_types and src is not None and tgt is not None:
                    actors.meetings.append((src, tgt))   # for "son interlocuteur"
                if pred.symmetric and src is not None and tgt is not None:
                    # meeting, talks, signing: each side does it with the other
                    events.append(RawEvent(tok, end, pred, tgt, src, negated, modality))
        if not targets and len(sources) == 2 and (pred.symmetric or self._reciprocal(tok)):
            # "Poutine et Erdogan se sont rencontrés", "X et Y s'accusent mutuellement"
            a, b = (localise(x, focus) for x in sources)
            events[:] = [e for e in events if e.trigger.i != tok.i]
            events += [RawEvent(tok, end, pred, a, b, negated, modality), RawEvent(tok, end, pred, b, a, negated, modality)]

    def _told_future(self, events: list[RawEvent], tok: Token, told: Token, pred: Predicate,
                     sources: list[Actor], negated: bool, modality: str, actors: ArticleActors) -> str:
        """The modality of an act told as a future from the past by the speech verb `told`
        ("M. Toner a réaffirmé qu'il n'y aurait pas d'opérations conjointes"). The speaker's
        own side's act is announced (proposed), or, negated, refused: the speaker rejects it,
        an event of its own (config future_in_past.refusal_cameo). Anyone else's stays a
        prediction."""
        speakers = self.subjects(told, actors, 1)
        clause = tok.head if tok.pos_ in ("NOUN", "PROPN") else tok
        if not speakers or not self._own_side(sources, speakers[0], clause, actors):
            return modality
        if not negated:
            return "proposed" if self.mod.governors.get(fold(told.lemma_)) in (None, "reported") else modality
        codes = self.mod.refusal_cameo
        code = codes.get(pred.cameo[:2]) or codes.get("default")
        speaker = localise(speakers[0], actors.focus_country())
        if code and not any(e.trigger.i == told.i and e.predicate.cameo == code for e in events):
            events.append(RawEvent(told, told, self._recode(pred, code), speaker, None, False, "asserted"))
        return "refused"

    def _own_side(self, sources: list[Actor], speaker: Actor, clause: Token, actors: ArticleActors) -> bool:
        """Whether the doers of an act are the speaker's side: the speaker, or a body of the
        same state (both of config future_in_past.own_side_roles); with no doer, an impersonal
        clause ("il n'y aurait pas d'opérations")."""
        if not sources:
            return fold(clause.lemma_) in actors.impersonal_verbs or any(
                fold(c.text) in actors.impersonal_clitics for c in children(clause))
        roles = self.mod.own_side_roles
        return all(s.key() == speaker.key() or (s.country is not None and s.country == speaker.country
                                                and s.role in roles and speaker.role in roles) for s in sources)

    def _adversary(self, doer: Actor, doc, actors: ArticleActors) -> list[Actor]:
        """"Les candidats opposés au président X rejettent les résultats", "les opposants au
        régime dénoncent", "le rival de X conteste": a doer described by whom it stands
        against aims its rejection or protest at them when the clause names no one else."""
        span = doc.char_span(doer.start, doer.end, alignment_mode="expand")
        if span is None or not self.adversary_words:
            return []
        root = span.root
        for w in (root, *[c for c in children(root) if c.dep_ in ("acl", "amod") and c.i > root.i]):
            if fold(w.lemma_) not in self.adversary_words and fold(w.text) not in self.adversary_words:
                continue
            for c in children(w):
                if c.i > w.i and c.dep_.startswith(("nmod", "obl")) and (
                        self._case(c) in self.dative or (w.pos_ == "NOUN" and self._case(c) in self.genitive)):
                    found = self._arg_actors(c, actors)
                    if found:
                        return found
        return []

    def _reciprocal(self, verb: Token) -> bool:
        """"Le Hamas et le Fatah s'accusent mutuellement", "se sont accusés l'un l'autre": a
        pronominal verb with a reciprocal adverb or phrase; each side does it to the other."""
        if verb.pos_ not in ("VERB", "AUX") or not self.reciprocal_adverbs and not self.reciprocal_phrases:
            return False
        if not any(fold(c.text) in self.reflexive for c in children(verb)
                   if c.i < verb.i and (c.dep_.startswith("expl") or c.dep_ in ("obj", "iobj"))):
            return False
        if any(c.dep_ == "advmod" and fold(c.text) in self.reciprocal_adverbs for c in children(verb)):
            return True
        # the phrase follows the verb within a few words ("se sont accusés l'un l'autre de")
        tail = " ".join(fold(w) for w in texts_of(verb.doc)[verb.i + 1: min(verb.i + 8, verb.sent.end)])
        return any(p in tail.replace("' ", "'") for p in self.reciprocal_phrases)

    def _meeting_told_before(self, noun: Token, pred: Predicate, sources: list[Actor], actors: ArticleActors) -> bool:
        """"À la fin de l'entretien, Macron a demandé...": a definite or demonstrative meeting
        noun with no other side named, whose doer already met someone earlier in the article,
        is that meeting mentioned again, not a new one."""
        if pred.plover_type not in self.meeting_types or not sources:
            return False
        if not any(c.dep_ == "det" and ("Def" in morph(c, "Definite") or "Dem" in morph(c, "PronType"))
                   for c in children(noun)):
            return False
        met = {a.key() for pair in actors.meetings for a in pair}
        return any(s.key() in met for s in sources)

    def _means_args(self, noun: Token, pred: Predicate, actors: ArticleActors) -> tuple[list[Actor], list[Actor]]:
        """"les forces de l'ordre ont répliqué aux protestataires avec des gaz lacrymogènes":
        an instrument's act is done by the subject of the verb it hangs on (directly or through
        the complement it qualifies), to that complement when it names actors, else to the
        verb's object or target-slot complement. Nothing when the verb is an event itself."""
        node, passed = noun, []
        for _ in range(3):
            if node.head.i == node.i or not node.dep_.startswith(("nmod", "obl", "conj", "obj", "nsubj")):
                return [], []
            if node.i != noun.i:
                passed.append(node)
            node = node.head
            if node.pos_ in ("VERB", "AUX"):
                break
        if node.pos_ not in ("VERB", "AUX") or self._verb_predicate(node) is not None:
            return [], []
        sources = self.subjects(node, actors)
        targets: list[Actor] = []
        for t in passed:
            if t.pos_ in ("NOUN", "PROPN"):
                targets = self._arg_actors(t, actors)
                if targets:
                    break
        if not targets:
            slots = {fold(s) for s in pred.target}
            for c in children(node):
                if c.i != noun.i and c.pos_ in ("NOUN", "PROPN", "PRON") and (
                        c.dep_ == "obj" or (c.dep_.startswith(("obl", "iobj")) and (
                            self._case(c) in slots or (slots & self.dative and self._case(c) in self.dative)))):
                    targets = self._arg_actors(c, actors) if c.pos_ != "PRON" else actors.pronoun(c)
                    if targets:
                        break
        return sources, targets

    def _recode(self, pred: Predicate, code: str | None) -> Predicate:
        """The predicate under another CAMEO code (its PLOVER type and Goldstein score with it)."""
        if code is None:
            return pred
        key = (pred, code)
        if key not in self._recoded:
            info = cameo_table()[code]
            self._recoded[key] = replace(pred, cameo=code, plover_type=info["plover_type"],
                                         plover_mode=info["plover_mode"], goldstein=info["goldstein"])
        return self._recoded[key]

    def _riot(self, pred: Predicate, sources: list[Actor], targets: list[Actor]):
        """"des affrontements entre manifestants et policiers": a clash between protesters and
        the police is the protesters' riot against the police, not a battle."""
        if pred.cameo not in self.riot_codes or len(sources) != 1 or len(targets) != 1:
            return pred, sources, targets
        if sources[0].role in self.riot_police and targets[0].role in self.riot_protesters:
            sources, targets = targets, sources
        if sources[0].role in self.riot_protesters and targets[0].role in self.riot_police:
            return self._recode(pred, self.riot_to), sources, targets
        return pred, sources, targets

    def _noun_args(self, noun: Token, pred: Predicate, actors: ArticleActors, sent) -> tuple[list[Actor], list[Actor]]:
        if pred.means:
            return self._means_args(noun, pred, actors)
        if pred.between:
            # "des heurts entre X et Y", and "des affrontements ont eu lieu entre X et Y" where
            # the parser hangs "entre" on the verb the noun is the subject of
            holders = [noun]
            if noun.dep_ in ("nsubj", "nsubj:pass") and noun.head.pos_ in ("VERB", "AUX"):
                holders.append(noun.head)
                if fold(noun.head.lemma_) in self.opposing_verbs:
                    # "des heurts ont opposé les manifestants à la police": the object and its
                    # "à" complement (hung on the verb or on the object)
                    for obj in (c for c in children(noun.head) if c.dep_ == "obj"):
                        one = self._arg_actors(obj, actors)[:1]
                        other = [a for c in (*children(obj), *children(noun.head))
                                 if c.dep_.startswith(("obl", "nmod", "iobj")) and self._case(c) in self.dative
                                 for a in self._arg_actors(c, actors) if a.kind != "capital"][:1]
                        if one and other and one[0].key() != other[0].key():
                            return one, other
            for h in holders:
                for c in children(h):
                    if c.dep_.startswith(("nmod", "obl")) and self._case(c) == "entre":
                        found = self._arg_actors(c, actors)
                        if len(found) == 1:
                            # "entre policiers et manifestants": the parser may hang the second
                            # side on the noun itself
                            other = [d for d in children(h) if d.dep_ == "conj" and d.i > c.i
                                     and d.pos_ in ("NOUN", "PROPN")]
                            found += self._arg_actors(other[0], actors)[:1] if other else []
                        if len(found) >= 2:
                            return [found[0]], [found[1]]
        sources = self._noun_source(noun, actors)
        if not sources and pred.plover_type == "CONSULT" and noun.dep_.startswith(("obl", "nmod")):
            # "X a estimé, lors d'un appel avec Y, que...", "a déclaré X à l'issue d'une réunion
            # avec Y": X takes part in the meeting of the clause it is said in
            node = noun
            for _ in range(3):
                if node.pos_ in ("VERB", "AUX") or node.head.i == node.i or not node.dep_.startswith(("obl", "nmod")):
                    break
                node = node.head
            if node.pos_ in ("VERB", "AUX"):
                sources = self.subjects(node, actors)
            if not sources and noun.dep_.startswith("obl"):
                sources = self.subjects(sent.root, actors)
        targets: list[Actor] = []
        for slot in pred.target:
            for c in self._noun_children(noun):
                if c.dep_.startswith(("nmod", "obl")) and self._case(c) == fold(slot):
                    targets = self._arg_actors(c, actors)
                    if targets:
                        break
            if targets:
                break
        if not targets and _possessive_is_patient(pred):
            # "son arrestation": the possessive of a noun whose "de" names the patient
            # ("l'arrestation de X") names the patient too
            for c in children(noun):
                if c.dep_ == "det" and "Yes" in morph(c, "Poss"):
                    targets = actors.pronoun(c)
        if not targets and noun.dep_ == "obj" and noun.head.pos_ in ("VERB", "AUX"):
            # "renforcer son blocus contre le Yémen": the parser hangs the noun's complement
            # on the verb whose object the noun is
            for slot in pred.target:
                for c in children(noun.head):
                    if c.i != noun.i and c.dep_.startswith("obl") and self._case(c) == fold(slot) and fold(slot) not in self.dative:
                        targets = self._arg_actors(c, actors)
                        if targets:
                            break
                if targets:
                    break
        if not targets and noun.dep_ == "nsubj" and fold(noun.head.lemma_) in self.hitting_verbs:
            # "des frappes ont visé le gouvernement": what the strikes hit is their target
            for c in children(noun.head):
                if c.dep_ == "obj":
                    targets = self._arg_actors(c, actors)
        return sources, targets

    def _verbless_repair(self, sent, actors: ArticleActors) -> list[RawEvent]:
        """"Le régime syrien bombarde les quartiers": when the model reads an unlemmatised
        present as a noun or adjective and the sentence is left without a verb, take the
        words before it as the doer and the phrase after it as the target."""
        pos = pos_of(sent.doc)
        if any(pos[i] in ("VERB", "AUX") for i in range(sent.start, sent.end)):
            return []
        out = []
        for tok in sent:
            lemma = self.lex.surface_lemmas.get(fold(tok.text))
            if not lemma or tok.i == sent.start:
                continue
            preds = [p for p in self.lex.verbs.get(lemma, ()) if not p.constraints and p.is_event]
            if not preds:
                continue
            before = [t for t in sent if t.i < tok.i and t.pos_ in ("NOUN", "PROPN") and t.dep_ in ("ROOT", "nsubj")]
            after = [t for t in sent if t.i > tok.i and t.pos_ in ("NOUN", "PROPN")]
            src = actors.actors(before[0]) if before else []
            tgt = next((found for t in after for found in [actors.actors(t)] if found), [])
            if src or tgt:
                out.append(RawEvent(tok, tok, preds[0], src[0] if src else None, tgt[0] if tgt else None,
                                    self.mod.negated(tok), "asserted"))
        return out


def _code_in(code: str, patterns: list[str]) -> bool:
    """True when a CAMEO code is one of the patterns ("16*": the code and its children)."""
    return any(code == c or (c.endswith("*") and code.startswith(c[:-1])) for c in patterns)


def _ask_obliged(events: list[RawEvent], obliged: dict[int, object]) -> None:
    """The act "« X doit faire Y »" demands of X is only asked for: marked requested, the
    request fold then drops it."""
    for e in events:
        node = e.trigger
        if node.dep_ == "conj":
            node = node.head          # "doit se retirer et cesser"
        # only the act it must do: in "doit cesser de bombarder", the bombing goes on
        if node.dep_ == "xcomp" and node.head.i in obliged and e.source is not None \
                and e.source.key() == obliged[node.head.i]:
            e.modality = "requested"


# the tree relations by which an infinitive or a noun hangs on the verb that asks for it
REQUESTED_DEPS = {"xcomp", "ccomp", "obl:arg", "obl", "obj", "conj", "acl", "nmod"}

REFLEXIVES: set[str] = set()   # filled from the language config by EventExtractor
ETRE_VERBS: set[str] = set()   # filled from the language config by EventExtractor


def _active_perfect(verb: Token) -> bool:
    """A compound tense with "avoir" and no "être", or a verb whose compound tenses take
    "être" ("ils sont convenus de"): active voice whatever the parser says."""
    auxes = [c for c in children(verb) if c.dep_.startswith("aux")]
    if auxes and fold(verb.lemma_) in ETRE_VERBS and len(auxes) == 1:
        return True
    if _pronominal_perfect(verb):
        return True
    return bool(auxes) and all(fold(a.lemma_) == "avoir" for a in auxes)


def _copular_passive(verb: Token) -> bool:
    """A participle whose "être" the parser called a copula (its subject then is nsubj)."""
    return any(c.dep_ == "cop" for c in children(verb)) and not any(c.dep_.startswith("aux") for c in children(verb))


def _pronominal_perfect(verb: Token) -> bool:
    """"ils se sont rassemblés", "elle s'est retirée": a pronominal verb's compound tense
    takes "être", which the parser reads as a passive ("se" expl:pass, "sont" aux:pass).
    One "être" auxiliary and a reflexive clitic: the subject does the act."""
    auxes = [c for c in children(verb) if c.dep_.startswith("aux")]
    if len(auxes) != 1 or fold(auxes[0].lemma_) != "etre":
        return False
    return any(c.dep_.startswith("expl") and c.dep_ != "expl:subj" and fold(c.text) in REFLEXIVES
               for c in children(verb) if c.i < verb.i)


def _possessive_is_patient(pred: Predicate | None) -> bool:
    """True for nouns whose "de" complement is who undergoes the act, not who does it
    ("l'arrestation de X", "sa libération"): their possessive is the patient as well."""
    return pred is not None and "de" in pred.target and "de" not in pred.source


def _object_relative(c: Token, verb: Token) -> bool:
    """A relative pronoun before the verb of its relative clause ("qu'ils jugent"; the parser
    may call it obj or mark), standing for the clause's antecedent."""
    return (c.pos_ == "PRON" and c.i < verb.i and verb.dep_ == "acl:relcl"
            and c.dep_ in ("obj", "mark", "nsubj", "nsubj:pass") and "Rel" in morph(c, "PronType"))


def _is_apposition(conj: Token) -> bool:
    """A conjunct with no coordinating word that follows a comma: an apposition."""
    return (not any(c.dep_ == "cc" for c in children(conj)) and conj.i > 0
            and tokens_of(conj.doc)[conj.i - 1].text == "," and conj.pos_ == "PROPN")


def _title_holder(title: Actor, person: Actor) -> Actor | None:
    """The person named in apposition to a title, with the title's country and role where
    the person's own entry has none; None when the two are not a title and a person."""
    if title.kind != "title" or person.kind != "person":
        return None
    return Actor(person.text, person.name, person.country or title.country, person.role or title.role,
                 person.code if person.country else (title.code or person.code), person.start, person.end, person.kind)


def localise(actor: Actor | None, focus: str | None) -> Actor | None:
    """A domestic body without a country ("la police", "le colonel Maïga") belongs to the
    article's country; a person known by name only keeps no country."""
    if actor is None or actor.country or not focus or actor.role not in DOMESTIC_ROLES:
        return actor
    return Actor(actor.text, actor.name, focus, actor.role, focus + actor.role, actor.start, actor.end, actor.kind)
