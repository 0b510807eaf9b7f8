"""Events from the dependency tree: a lexicon predicate, its source and its target.

Source: the active subject, the passive agent ("rejetée par le Pentagone"), or, for an
infinitive, the controller ("exhorter Lavrov à faire pression": Lavrov presses; "presser le
régime de cesser les frappes": the regime strikes). Target: the slots the lexicon entry
names (direct object, "à" complement, "sur"/"contre" complements...). Coordinated actors
give one event each.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from quiquoi.actors.dictionary import fold
from quiquoi.actors.resolver import ArticleActors
from quiquoi.events.lexicon import EventLexicon, Predicate
from quiquoi.events.modality import Modality
from quiquoi.model import Actor

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
        self.passive_agent = {fold(w) for w in config.get("passive_agent", ["par"])}
        self.support_verbs = {fold(w) for w in config.get("support_verbs", [])}
        self.reflexive = {fold(w) for w in config.get("reflexive_pronouns", [])}
        self.dative = {fold(w) for w in config.get("dative_prepositions", [])}
        self.genitive = {fold(w) for w in config.get("genitive_prepositions", [])}
        self.aspect_verbs = {fold(w) for w in config.get("aspect_verbs", [])}
        self.hitting_verbs = {fold(w) for w in config.get("hitting_verbs", [])}

    # -- predicate matching -----------------------------------------------------------
    def _verb_predicate(self, tok: Token) -> Predicate | None:
        lemma = fold(tok.lemma_)
        if lemma not in self.lex.verbs:
            lemma = self.lex.surface_lemmas.get(fold(tok.text), lemma)
        for p in self.lex.verbs.get(lemma, ()):
            if p.negative_only and not self.mod.negated(tok):
                continue
            if p.obj and not any(fold(c.lemma_) == p.obj or fold(c.text) == p.obj
                                 for c in tok.children if c.dep_ in ("obj", "nsubj:pass", "obl:arg", "obl:mod")):
                continue
            if p.prep and not any(self._case(c) == p.prep for c in tok.children):
                continue
            if p.reflexive is not None:
                pronominal = any(fold(c.text) in self.reflexive for c in tok.children
                                 if c.dep_.startswith("expl") or c.dep_ in ("obj", "iobj"))
                if pronominal != p.reflexive:
                    continue
            if p.fixed:
                words = p.fixed.split()
                following = tok.doc[tok.i + 1: tok.i + 1 + len(words)]
                if [fold(t.text) for t in following] != words and [fold(t.lemma_) for t in following] != words:
                    continue
            return p
        return None

    def _noun_predicate(self, tok: Token) -> Predicate | None:
        for p in self.lex.nouns.get(fold(tok.lemma_), ()):
            if p.requires_adj and not any(fold(c.lemma_) in p.requires_adj or fold(c.text) in p.requires_adj
                                          for c in tok.children if c.dep_ in ("amod", "nmod", "acl")):
                continue
            return p
        return None

    def _is_support(self, verb: Token) -> bool:
        """A verb that only carries its object noun's event ("mener des frappes")."""
        return fold(verb.lemma_) in self.support_verbs

    @staticmethod
    def _case(tok: Token) -> str:
        for c in tok.children:
            if c.dep_ in ("case", "mark") and c.i < tok.i:
                # elided forms ("d'", "qu'") compare without their apostrophe
                return fold(c.text).rstrip("'")
        return ""

    # -- arguments --------------------------------------------------------------------
    def _arg_actors(self, tok: Token, actors: ArticleActors) -> list[Actor]:
        """Actors of an argument token and of the tokens coordinated with it."""
        out: list[Actor] = []
        for t in [tok, *[c for c in tok.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN", "PRON")]]:
            if t.pos_ == "PRON":
                out += actors.pronoun(t)
            elif t.pos_ in ("NOUN", "PROPN", "ADJ"):
                out += actors.actors(t)
        return out

    def subjects(self, verb: Token, actors: ArticleActors, depth: int = 0) -> list[Actor]:
        """Who does what `verb` says, explicit or inherited from the governing verb."""
        if depth > 4:
            return []
        if self._is_passive(verb):
            for c in verb.children:
                if c.dep_ in ("obl:agent", "obl:arg", "obl:mod", "obl") and self._case(c) in self.passive_agent:
                    return self._arg_actors(c, actors)
            return []
        inverted = self._inverted_subject(verb)
        if inverted is not None:
            return self._arg_actors(inverted, actors)
        for c in verb.children:
            # the French model labels many a personal "il" expl:subj ("pour qu'il cesse")
            if c.dep_ == "nsubj" or (c.dep_ == "expl:subj" and c.pos_ == "PRON"):
                antecedent = verb.head if verb.dep_ in ("acl:relcl", "acl") else None
                if "Rel" in c.morph.get("PronType") and antecedent is not None \
                        and antecedent.pos_ == "NOUN" and self._noun_predicate(antecedent) is not None:
                    return self._noun_source(antecedent, actors, depth + 1)   # "ses frappes qui tuent"
                return self._arg_actors(c, actors)
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
            if self._noun_predicate(head) is not None or intent:
                found = self._noun_source(head, actors, depth + 1)
                if not found and head.dep_ == "obj" and head.head.pos_ in ("VERB", "AUX"):
                    found = self.subjects(head.head, actors, depth + 1)
                return found
            return []
        if verb.dep_ in ("xcomp", "advcl", "ccomp", "obl:arg"):
            # object control: "exhorter X à", "presser X de" -> X; otherwise the subject
            for c in head.children:
                if c.dep_ in ("obj", "iobj") and c.i != verb.i:
                    found = self._arg_actors(c, actors)
                    if found:
                        return found
            for c in head.children:
                if c.dep_.startswith("obl") and self._case(c) in self.dative and c.i < verb.i:
                    found = self._arg_actors(c, actors)
                    if found:
                        return found
            return self.subjects(head, actors, depth + 1)
        return []

    @staticmethod
    def _inverted_subject(verb: Token) -> Token | None:
        """"…, ont mis en garde les soldats": in an incise the subject follows the verb and
        the parser takes it for an object."""
        if any(c.dep_ in ("nsubj", "nsubj:pass", "expl:subj") for c in verb.children) or verb.pos_ not in ("VERB", "AUX"):
            return None
        finite = "Fin" in verb.morph.get("VerbForm") or any(c.dep_.startswith("aux") for c in verb.children)
        if not finite or verb.dep_ in ("xcomp", "acl", "acl:relcl"):
            return None    # an infinitive or participle clause has no inverted subject
        first = min([verb] + [c for c in verb.children if c.dep_.startswith("aux") and c.i < verb.i], key=lambda t: t.i)
        prev = verb.doc[first.i - 1] if first.i > 0 else None
        if prev is None or prev.text not in (",", "»", '"', "”"):
            return None
        objs = [c for c in verb.children if c.dep_ == "obj" and c.i > verb.i]
        return objs[0] if objs else None

    @staticmethod
    def _is_passive(verb: Token) -> bool:
        return any(c.dep_ in ("aux:pass", "nsubj:pass") for c in verb.children)

    def _targets(self, tok: Token, pred: Predicate, actors: ArticleActors) -> list[Actor]:
        passive = tok.pos_ in ("VERB", "AUX") and self._is_passive(tok)
        inverted = self._inverted_subject(tok) if tok.pos_ in ("VERB", "AUX") else None
        # a light verb's complements may hang on its noun ("faire pression sur", "lancer
        # une offensive contre")
        holders = [tok] + [c for c in tok.children if c.dep_ == "obj" and c.pos_ == "NOUN"] \
            if tok.pos_ in ("VERB", "AUX") else [tok]
        for slot in pred.target or ("obj",):
            slot_f = fold(slot)
            for holder in holders:
                for c in holder.children:
                    if c.i == tok.i or (inverted is not None and c.i == inverted.i):
                        continue
                    hit = False
                    if slot_f == "obj":
                        # "expulser des diplomates": the sense-giving object is the target when it
                        # names actors; "faire pression": a bare noun names none and is skipped
                        hit = (c.dep_ == "nsubj:pass") if passive else c.dep_ == "obj"
                    elif slot_f == "iobj":
                        hit = c.dep_ == "iobj" or (c.dep_.startswith("obl") and self._case(c) in self.dative)
                    elif c.dep_.startswith(("obl", "nmod", "iobj")):
                        hit = self._case(c) == slot_f or (slot_f in self.dative and self._case(c) in self.dative)
                    if hit:
                        found = self._arg_actors(c, actors) or (
                            self._author(c, actors) if slot_f == "obj" else [])
                        if found:
                            return found
        return []

    def _author(self, thing: Token, actors: ArticleActors) -> list[Actor]:
        """Whose is the object? "condamner l'attaque de la Russie", "refuser le report demandé
        par l'opposition": the act aims at the author of what it acts on."""
        if thing.pos_ != "NOUN":
            return []
        for c in thing.children:
            if c.dep_ == "nmod" and c.i > thing.i and (self._case(c) in self.genitive or self._case(c) in self.passive_agent):
                found = self._arg_actors(c, actors)
                if found:
                    return found
            if c.dep_ == "acl" and c.pos_ == "VERB":
                for a in c.children:
                    if a.dep_ in ("obl:agent", "obl:arg", "obl") and self._case(a) in self.passive_agent:
                        found = self._arg_actors(a, actors)
                        if found:
                            return found
        return []

    def _noun_source(self, noun: Token, actors: ArticleActors, depth: int = 0) -> list[Actor]:
        pred = self._noun_predicate(noun)
        preps = {fold(p) for p in pred.source} if pred else self.genitive | self.passive_agent
        for c in noun.children:
            if c.dep_ in ("nmod", "acl") and c.i > noun.i:
                case = self._case(c)
                if case in preps or (case in self.genitive and preps & self.genitive):
                    found = self._arg_actors(c, actors)
                    if found:
                        return found
            if c.dep_ == "det" and "Yes" in c.morph.get("Poss"):
                found = actors.pronoun(c)   # "ses frappes": the owner's
                if found:
                    return found
        # "mener des frappes", "cesser les frappes": the doer of a support or aspect verb
        # ("rejeter l'offre" says nothing of who offered)
        if noun.dep_ == "obj" and noun.head.pos_ in ("VERB", "AUX") and depth < 4 and (
                self._is_support(noun.head) or fold(noun.head.lemma_) in self.mod.cessation
                or fold(noun.head.lemma_) in self.aspect_verbs):
            return self.subjects(noun.head, actors, depth + 1)
        return []

    # -- extraction -------------------------------------------------------------------
    def extract(self, sent, actors: ArticleActors) -> list[RawEvent]:
        events: list[RawEvent] = self._verbless_repair(sent, actors)
        consumed: set[int] = set()    # event nouns already coded with their light verb
        for tok in sent:
            # "Le régime bombarde Alep": the model may tag an unlemmatised present as a noun
            verb_like = tok.pos_ in ("VERB", "AUX") or (
                fold(tok.text) in self.lex.surface_lemmas and any(c.dep_ == "nsubj" for c in tok.children))
            if verb_like:
                pred = self._verb_predicate(tok)
                if pred is None:
                    continue
                for c in tok.children:
                    if c.dep_ == "obj" and c.pos_ == "NOUN":
                        noun_pred = self._noun_predicate(c)
                        if noun_pred is None:
                            continue
                        if self._is_support(tok):
                            # "lancer une offensive", "mener des frappes communes": one event,
                            # the noun's reading unless the verb entry was written for it
                            consumed.add(c.i)
                            if pred.obj != fold(c.lemma_) or noun_pred.requires_adj:
                                pred = noun_pred
                        elif pred.obj == fold(c.lemma_):
                            consumed.add(c.i)   # "imposer des sanctions": the entry says it all
                sources = self.subjects(tok, actors)
                targets = self._targets(tok, pred, actors)
                end = tok
                if pred.fixed:
                    end = tok.doc[tok.i + len(pred.fixed.split())]
            elif tok.pos_ == "NOUN" and tok.i not in consumed:
                pred = self._noun_predicate(tok)
                if pred is None:
                    continue
                sources, targets = self._noun_args(tok, pred, actors, sent)
                end = tok
            else:
                continue
            if not sources and not targets:
                continue       # an event with no actor at all says nothing about the system
            negated = self.mod.negated(tok)
            modality = self.mod.modality(tok, sent)
            focus = actors.focus_country()
            for src in sources or [None]:
                for tgt in targets or [None]:
                    if src is not None and tgt is not None and src.key() == tgt.key() and src.start == tgt.start:
                        continue
                    if tgt is not None and src is not None and tgt.country is None and tgt.role in DOMESTIC_TARGET_ROLES \
                            and src.role in SUBJECT_DOMESTIC_ROLES and src.country:
                        # a government acting on "l'opposition": the opposition of its own country
                        tgt = Actor(tgt.text, tgt.name, src.country, tgt.role, src.country + tgt.role,
                                    tgt.start, tgt.end, tgt.kind)
                    src, tgt = _localise(src, focus), _localise(tgt, focus)
                    events.append(RawEvent(tok, end, pred, src, tgt, negated, modality))
                    if pred.symmetric and src is not None and tgt is not None:
                        # meeting, talks, signing: each side does it with the other
                        events.append(RawEvent(tok, end, pred, tgt, src, negated, modality))
            if pred.symmetric and not targets and len(sources) == 2:
                # "Poutine et Erdogan se sont rencontrés"
                a, b = (_localise(x, focus) for x in sources)
                events = [e for e in events if e.trigger.i != tok.i]
                events += [RawEvent(tok, end, pred, a, b, negated, modality), RawEvent(tok, end, pred, b, a, negated, modality)]
        return events

    def _noun_args(self, noun: Token, pred: Predicate, actors: ArticleActors, sent) -> tuple[list[Actor], list[Actor]]:
        if pred.between:
            for c in noun.children:
                if c.dep_.startswith(("nmod", "obl")) and self._case(c) == "entre":
                    found = self._arg_actors(c, actors)
                    if len(found) >= 2:
                        return [found[0]], [found[1]]
        sources = self._noun_source(noun, actors)
        if not sources and pred.plover_type == "CONSULT" and noun.dep_.startswith("obl"):
            # "X a estimé, lors d'un appel avec Y, que...": X takes part in the call
            sources = self.subjects(sent.root, actors)
        targets: list[Actor] = []
        for slot in pred.target:
            for c in noun.children:
                if c.dep_.startswith(("nmod", "obl")) and self._case(c) == fold(slot):
                    targets = self._arg_actors(c, actors)
                    if targets:
                        break
            if targets:
                break
        if not targets and noun.dep_ == "nsubj" and fold(noun.head.lemma_) in self.hitting_verbs:
            # "des frappes ont visé le gouvernement": what the strikes hit is their target
            for c in noun.head.children:
                if c.dep_ == "obj":
                    targets = self._arg_actors(c, actors)
        return sources, targets

    def _verbless_repair(self, sent, actors: ArticleActors) -> list[RawEvent]:
        """"Le régime syrien bombarde les quartiers": when the model reads an unlemmatised
        present as a noun or adjective and the sentence is left without a verb, take the
        words before it as the doer and the phrase after it as the target."""
        if any(t.pos_ in ("VERB", "AUX") for t in sent):
            return []
        out = []
        for tok in sent:
            lemma = self.lex.surface_lemmas.get(fold(tok.text))
            if not lemma or tok.i == sent.start:
                continue
            preds = [p for p in self.lex.verbs.get(lemma, ()) if not p.constraints]
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


def _localise(actor: Actor | None, focus: str | None) -> Actor | None:
    """A domestic body without a country ("la police", "le colonel Maïga") belongs to the
    article's country; a person known by name only keeps no country."""
    if actor is None or actor.country or not focus or actor.role not in DOMESTIC_ROLES:
        return actor
    return Actor(actor.text, actor.name, focus, actor.role, focus + actor.role, actor.start, actor.end, actor.kind)
