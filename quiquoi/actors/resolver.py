"""Actors of one article: every noun phrase that names an actor, resolved to a canonical
actor (name, country, CAMEO role and code), with the article's memory of who is who.

Reading order matters: an article introduces "le porte-parole de la diplomatie américaine,
Mark Toner" before it says "M. Toner" or "le responsable américain", so mentions are
resolved once, in text order, and later mentions look back at the earlier ones.
"""
from __future__ import annotations

from types import SimpleNamespace

from datetime import date

from spacy.tokens import Doc, Token

from quiquoi.actors.dictionary import ActorDictionary, Entry, fold
from quiquoi.model import Actor
from quiquoi.nlp import (children, deps_of, ents_of, folded_lemmas_of, folded_texts_of, heads_of, morph,
                         offsets_of, pos_of, remembered, sent_starts_of, span_text, texts_of, tokens_of)

NAME_DEPS = {"flat:name", "flat", "fixed"}
# children whose words are not part of the actor's own phrase
NON_STATE = {"REB", "OPP", "UAF", "INS", "IMG", "CVL"}
ARMED = {"MIL", "UAF", "REB"}
# roles of a title that puts someone out of the government (the opposition, a former
# official, a member of parliament, a party's candidate or leader)
OUT_OF_POWER = NON_STATE | {"ELI", "LEG", "PTY"}
# a noun that is a predicate ("X et Y sont deux chefs de l'opposition") governs its clause's
# subject, copula and auxiliaries: none of them is part of its phrase
PREDICATE_DEPS = {"cop", "nsubj", "nsubj:pass", "aux", "aux:tense", "aux:pass", "expl:subj"}
CLAUSE_DEPS = {"acl:relcl", "acl", "advcl", "dep", "ccomp", "xcomp", "parataxis", "conj", "cc"}
# the children a noun phrase does not take in (see _phrase_span)
_OUT_OF_PHRASE = frozenset(CLAUSE_DEPS | PREDICATE_DEPS | {"punct"})


def _first_case(tok: Token) -> str:
    """The token's first case or mark word before it, folded; "" if none."""
    for c in children(tok):
        if c.dep_ in ("case", "mark") and c.i < tok.i:
            return fold(c.text)
    return ""


def nominal_participle(tok: Token) -> bool:
    """"l'opposant", "les manifestants": a noun the tagger read as a present participle
    (of "opposer", "manifester"); a determiner says it is a noun."""
    doc = tok.doc
    if pos_of(doc)[tok.i] != "VERB":
        return False
    # the words with a determiner before them, read once per Doc from its arrays
    determined = doc.user_data.get("quiquoi.determined")
    if determined is None:
        heads = heads_of(doc)
        determined = doc.user_data["quiquoi.determined"] = {
            h for j, (h, d) in enumerate(zip(heads, deps_of(doc))) if d == "det" and h > j}
    return tok.i in determined


_SETTINGS: dict[int, tuple[dict, dict]] = {}
_NOUN_KEYS: dict[tuple[int, int], tuple] = {}     # (dictionary, config) -> the nouns that may name an actor


def _settings(config: dict) -> dict:
    """The resolver's word sets read from a language's config, built once per config."""
    hit = _SETTINGS.get(id(config))
    if hit is not None and hit[0] is config:
        return hit[1]
    s = SimpleNamespace()
    # "l'ancien président": a title that is not held at the article's date
    s.not_current = {fold(w) for w in config.get("office_not_current", [])}
    s.honorifics = {fold(h) for h in config.get("honorifics", [])}
    s.descriptions = {fold(w) for w in config.get("person_descriptions", [])}
    s.relation_nouns = {fold(w) for w in config.get("relation_nouns", [])}
    s.collective_nouns = {fold(w) for w in config.get("collective_nouns", [])}
    s.of_preps = {fold(w) for w in config.get("of_prepositions", [])}
    s.particles = {fold(w) for w in config.get("name_particles", [])}
    s.subject_pronouns = {fold(w) for w in config.get("subject_pronouns", [])}
    s.relative_pronouns = {fold(w) for w in config.get("relative_pronouns", [])}
    s.plural_pronouns = {fold(w) for w in config.get("plural_pronouns", [])}
    s.first_person = {fold(w) for w in config.get("first_person_pronouns", [])}
    s.first_person_future = {fold(w) for w in config.get("first_person_future_pronouns", [])}
    s.demonstratives = {fold(w) for w in config.get("demonstrative_pronouns", [])}
    s.leading_verbs = {fold(w) for w in config.get("leading_verbs", [])}
    s.kinship_nouns = {fold(w) for w in config.get("kinship_nouns", [])}
    s.object_pronouns = {fold(w) for w in config.get("object_pronouns", [])}
    s.rival_nouns = {fold(w) for w in config.get("rival_nouns", [])}
    s.control_verbs = {fold(w) for w in config.get("control_verbs", [])}
    s.holding_roles = set(config.get("holding_roles") or [])
    s.domain_roles = set(config.get("domain_owner_roles") or [])
    s.paired_names: dict[str, tuple[str, set[str]]] = {
        name: (iso, set(spec.get("with") or []))
        for iso, spec in (config.get("paired_country_names") or {}).items() for name in spec.get("names") or []}
    s.paired_articles = {fold(w) for w in config.get("paired_name_articles", [])}
    s.passive_preps = {fold(w) for w in config.get("passive_agent", [])}
    s.title_synonyms: dict[str, tuple[str, ...]] = {}
    for group in config.get("title_synonyms") or []:
        keys = tuple(fold(w) for w in group)
        for k in keys:
            s.title_synonyms[k] = keys
    # adjectives that make a group of protesters or activists private citizens
    s.civilian_adjectives = {fold(w) for w in config.get("civilian_adjectives", [])}
    s.civilian_from = set(config.get("civilian_roles_from") or [])
    s.impersonal_verbs = {fold(w) for w in config.get("impersonal_verbs", [])}
    s.impersonal_clitics = {fold(w) for w in config.get("impersonal_clitics", [])}
    s.possessives = {fold(k): v for k, v in (config.get("possessives") or {}).items()}
    s.people_role = config.get("demonym_people_role")
    s.regions = {fold(w): code for code, words in (config.get("region_adjectives") or {}).items()
                    for w in words}
    # a people or region inside one country: read like the regions, but it is that country
    s.regional = {fold(w): iso for iso, words in (config.get("regional_adjectives") or {}).items()
                     for w in words}
    s.opposing = {fold(w) for w in config.get("opposing_participles", [])}
    s.state_roles = set(config.get("state_roles", []))
    s.in_country_preps = {fold(w) for w in config.get("in_country_prepositions", [])}
    s.seat_preps = {fold(w) for w in config.get("seat_prepositions", [])}
    s.name_preps = {fold(w) for w in config.get("name_complement_prepositions", [])}
    s.region_codes = set(s.regions.values())
    s.power_nouns = {fold(w) for w in config.get("in_power_nouns", [])}
    s.calendar_words = {fold(w) for w in config.get("calendar_words", [])}
    s.country_nouns = {fold(w) for w in config.get("country_nouns", [])}
    s.state_nouns = {fold(w) for w in config.get("state_nouns", [])}
    s.organisation_nouns = {fold(w) for w in config.get("organisation_nouns", [])}
    s.cabinet_titles = {fold(w) for w in config.get("cabinet_titles", [])}
    s.former = {fold(w) for w in config.get("former_words", [])}
    s.former_prefixes = tuple(fold(w) for w in s.former if w.endswith("-"))
    s.age_words = {fold(w) for w in config.get("age_words", [])}
    s.age_role = config.get("age_role")
    s.definite = {fold(w) for w in config.get("definite_articles", [])}
    _SETTINGS[id(config)] = (config, vars(s))
    return vars(s)


class ArticleActors:
    # what a body's name in apposition may be ("l'ONG Amnesty International"): not a
    # person ("le gouvernement Castex" is the government, not Castex)
    NAMED_BODY_KINDS = ("organisation", "metonym")
    def __init__(self, doc: Doc, dictionary: ActorDictionary, config: dict, published: date | None,
                 text: str | None = None):
        self.doc = doc
        self.toks = tokens_of(doc)     # the Doc's tokens with their parse in slots (quiquoi.nlp.Tok)
        self.flemmas, self.ftexts = folded_lemmas_of(doc), folded_texts_of(doc)
        self.dic = dictionary
        self.when = published
        self.cfg = config
        # the config's word sets, compiled once per config (not once per article)
        self.__dict__.update(_settings(config))
        self.held_keys: set[str] = set()     # memory keys of bodies a seat's holder coded
        # (start, end, speaker) of the article's quotations, set once quotes are known
        self.quote_speakers: list[tuple[int, int, Actor]] = []
        self.quoted_spans: list[tuple[int, int]] = []     # (start, end) of words in quotation marks
        # what the events stage coded, for later back-references (it writes them):
        # (one side, other side) of each meeting, in article order:
        # "son interlocuteur" is the other side of the last one
        self.meetings: list[tuple[Actor, Actor]] = []
        # (trigger index, doer, target) of each act coded, for "cette décision"; (document noun
        # index, authors) of each document someone wrote, for "ce texte"
        self.acts: list[tuple[int, Actor, Actor | None]] = []
        self.document_authors: list = []
        self.text = doc.text if text is None else text   # Doc.text joins every token on each access
        self.matches = dictionary.matches(doc)
        # first token of each token's sentence (Token.sent walks the whole doc every call)
        self.sent_start = sent_starts_of(doc)
        self.cache: dict[int, list[Actor]] = {}
        self._phrases: dict[int, tuple[int, int]] = {}    # token -> its phrase's characters
        self._roots: dict[tuple[int, int], int] = {}      # a dictionary name's span -> its root token
        self._names: dict[int, int | None] = {}           # title token -> its holder's name token
        self._not_currents: dict[int, bool] = {}            # token -> _not_current's answer
        self.mentions: list[tuple[int, Actor]] = []       # (head token index, actor) in text order
        self.people: dict[str, Actor] = {}                 # folded full name / surname -> person
        self.first_names: dict[str, Actor] = {}            # folded first word of a name -> person
        self.last_by_head: dict[str, Actor] = {}           # folded head lemma -> last actor
        self.last_plural: dict[str, bool] = {}              # same key -> whether that mention was plural
        self._in_progress: set[int] = set()
        self.last_pos: dict[str, int] = {}                  # memory key -> token of that mention
        self.titled: dict[str, tuple[int, Actor]] = {}      # title key -> (token, person it titled)
        self._focus: tuple[int, str | None] | None = None
        # a lower-case common noun outside every dictionary name can only name an actor
        # through these words (checked on its lemma and its form): skip the others unmade
        # (every word set _resolve tests a common noun's lemma or form against belongs here)
        keys = _NOUN_KEYS.get((id(dictionary), id(config)))
        if keys is None or keys[0] is not dictionary or keys[1] is not config:
            keys = _NOUN_KEYS[(id(dictionary), id(config))] = (dictionary, config, frozenset(
                dictionary.role_lemmas.keys() | self.honorifics | self.descriptions | self.relation_nouns
                | self.collective_nouns | self.kinship_nouns | self.state_nouns | self.organisation_nouns
                | self.country_nouns | self.rival_nouns))
        keys = keys[2]
        pos, deps, words = pos_of(doc), deps_of(doc), texts_of(doc)
        lemmas, folded = folded_lemmas_of(doc), folded_texts_of(doc)
        matches = self.matches
        former_prefixes = self.former_prefixes
        for i in range(len(doc)):
            p = pos[i]
            if p not in ("NOUN", "PROPN", "VERB"):
                if p in ("PRON", "NUM") and i in matches and self._named_pronoun(self.toks[i]):
                    self.actors(self.toks[i])
                continue
            if p != "PROPN" and i not in matches and not words[i][:1].isupper() \
                    and lemmas[i] not in keys and folded[i] not in keys \
                    and not (former_prefixes and folded[i].startswith(former_prefixes)):
                continue
            if p == "VERB":
                if nominal_participle(self.toks[i]):
                    self.actors(self.toks[i])
            elif deps[i] not in NAME_DEPS:
                self.actors(self.toks[i])
        self._consolidate_people()

    def _consolidate_people(self) -> None:
        """One person, one coding: a mention that left a person without a country ("le
        général Min Aung Hlaing" in apposition to "le chef de la junte birmane") takes the
        country and role another mention of the same name gave ("Pavel Latouchko ...")."""
        best: dict[str, Actor] = {}
        for _i, a in self.mentions:
            if a.kind == "person" and a.country and fold(a.name) not in best:
                best[fold(a.name)] = a
        if not best:
            return
        # "le président Piñera ... le président chilien Sebastian Piñera": a surname alone is
        # the one person of that surname given a country (none when two share it)
        surnames: dict[str, Actor | None] = {}
        for key, a in best.items():
            last = key.split()[-1]
            if " " in key:
                surnames[last] = a if last not in surnames else None
        fixed: dict[int, Actor] = {}
        for i, found in self.cache.items():
            for n, a in enumerate(found):
                if a.kind != "person" or a.country:
                    continue
                b = best.get(fold(a.name))
                if b is None and " " not in fold(a.name):
                    b = surnames.get(fold(a.name))
                if b is None:
                    continue
                if id(a) not in fixed:
                    fixed[id(a)] = Actor(a.text, b.name, b.country, a.role or b.role,
                                         b.code if not a.role or a.role == b.role else b.country + a.role,
                                         a.start, a.end, "person")
                found[n] = fixed[id(a)]
        if fixed:
            self.mentions = [(i, fixed.get(id(a), a)) for i, a in self.mentions]
            for key, a in list(self.people.items()):
                if id(a) in fixed:
                    self.people[key] = fixed[id(a)]

    # -- public ---------------------------------------------------------------------
    def actors(self, tok: Token) -> list[Actor]:
        """The actor(s) a noun phrase headed by `tok` names; [] if it names none.
        Two actors for coordinated adjectives ("les ministres américain et russe")."""
        if tok.i in self.cache:
            return self.cache[tok.i]
        if tok.i in self._in_progress:      # a cycle in a bad parse
            return []
        self._in_progress.add(tok.i)
        try:
            found = self._resolve(tok)
        finally:
            self._in_progress.discard(tok.i)
        self.cache[tok.i] = found
        for actor in found:
            self._remember(tok, actor)
        if found and found[0].kind in ("title", "group") and any(c.dep_ == "cop" for c in children(tok)):
            self._predicate_title(tok, found[0])
        return found

    def _predicate_title(self, tok: Token, title: Actor) -> None:
        """"Carlos Quispora et Luis Mamanita sont deux chefs de l'opposition": persons the
        dictionaries do not know take the title they are given, for their later mentions."""
        if not (title.country or title.role):
            return
        subjects = [c for c in children(tok) if c.dep_ in ("nsubj", "nsubj:pass") and c.i < tok.i]
        subjects += [cc for c in subjects for cc in children(c) if cc.dep_ == "conj"]
        for subj in subjects:
            for person in self.cache.get(subj.i, []):
                if person.kind != "person" or person.country or person.role:
                    continue
                titled = Actor(person.text, person.name, title.country, title.role, title.code,
                               person.start, person.end, "person")
                self.people[fold(person.name)] = titled
                self.people[fold(person.name.split()[-1])] = titled

    def _demonstrative(self, tok: Token) -> list[Actor]:
        """"celles de Damas" after "les forces d'Ankara": the role noun said last before it
        in the sentence, owned by the demonstrative's "de" complement."""
        owners = [a for c in children(tok) if c.dep_ == "nmod" and c.i > tok.i for a in self.actors(c)
                  if a.country]
        if not owners:
            return []
        plural = "Plur" in morph(tok, "Number")
        for j in range(tok.i - 1, self.sent_start[tok.i] - 1, -1):
            noun = self.toks[j]
            if noun.pos_ != "NOUN" or ("Plur" in morph(noun, "Number")) != plural:
                continue
            role = self.dic.role(noun.lemma_) or self.dic.role(noun.text)
            if role is None or role.role == "INHERIT" or role.kind == "held":
                continue
            o = owners[0]
            start, end = self._phrase_span(tok)
            text = self.text[start:end]
            return [Actor(text, f"{noun.text} ({o.name})", o.country, role.role, o.country + role.role,
                          start, end, role.kind)]
        return []

    def pronoun(self, tok: Token) -> list[Actor]:
        """The antecedent of a relative or subject pronoun."""
        if "Rel" in morph(tok, "PronType") or fold(tok.text) in self.relative_pronouns:
            verb = tok.head
            if verb.dep_ in ("acl:relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN"):
                return self.actors(verb.head) or self._from_complement(verb.head)
            return []
        if self._named_pronoun(tok):
            return self.actors(tok)
        word = fold(tok.text)
        if word in self.demonstratives:
            return self._demonstrative(tok)
        if word in self.first_person or (word in self.first_person_future and "Fut" in morph(tok.head, "Tense")):
            # "nous" inside a quotation is whoever says it
            return [a for s, e, a in self.quote_speakers if s <= tok.idx < e][:1]
        # "Elle l'a exhorté": the model may call a preverbal clitic a second subject
        misread = tok.dep_ == "nsubj" and tok.i < tok.head.i and any(
            c.dep_ == "nsubj" and c.i < tok.i for c in children(tok.head))
        if word in self.object_pronouns and (tok.dep_ in ("obj", "iobj") or misread):
            # "Elle l'a exhorté à arrêter": the object is someone other than the subject
            plural = "Plur" in morph(tok, "Number") or word in self.plural_pronouns
            subject = [c for c in children(tok.head) if c.dep_ in ("nsubj", "expl:subj") and c.i != tok.i
                       and fold(c.text) not in self.object_pronouns]
            excluded = {a.key() for c in subject for a in (self.pronoun(c) if c.pos_ == "PRON" else self.actors(c))}
            return self.nearest(tok.i, plural, None, excluded)
        if word in self.possessives:
            plural = self.possessives[word] == "Plur"
        elif word in self.subject_pronouns:
            plural = word in self.plural_pronouns
            verb = tok.head
            if fold(verb.lemma_) in self.impersonal_verbs or any(
                    fold(c.text) in self.impersonal_clitics for c in children(verb)):
                return []      # "il faut", "il n'y aurait pas": nobody
        else:
            return []
        # a subject pronoun also agrees in gender with a common-noun antecedent ("la police"
        # is never "il"); possessives agree with the thing owned, not the owner
        gender = set(morph(tok, "Gender")) if word in self.subject_pronouns else set()
        return self.nearest(tok.i, plural, gender)

    def _named_pronoun(self, tok: Token) -> bool:
        """"Les Vingt-Sept ont adopté": a dictionary name (not a role word: "personne ne")
        the tagger read as a pronoun or a number."""
        m = self.matches.get(tok.i)
        return m is not None and m[0].category in ("organisation", "metonym", "country", "capital") \
            and tok.text[:1].isupper()

    def nearest(self, before: int, plural: bool, gender: set[str] | None = None,
                excluded: set | None = None) -> list[Actor]:
        """The nearest actor mentioned before token `before` that agrees in number (and in
        gender with a common noun, when `gender` is given)."""
        tok = self.toks[before]
        sent_start = self.sent_start[tok.i]
        # the nearest earlier actor of the same number, in this sentence or the one before
        limit = max(0, sent_start - 80)
        for head_i, actor in reversed(self.mentions):
            if head_i >= tok.i:
                continue
            if head_i < limit:
                break
            head = self.toks[head_i]
            if head.dep_ in ("nmod", "obl:mod") and head.head.pos_ in ("NOUN", "PROPN", "VERB"):
                continue   # "allié de Moscou": a modifier, not the thing talked about
            if gender and head.pos_ == "NOUN" and morph(head, "Gender") and not gender & set(morph(head, "Gender")) \
                    and fold(head.lemma_) not in self.collective_nouns:   # "des centaines de manifestants ... ils"
                continue
            if excluded and actor.key() in excluded:
                continue
            if ("Plur" in morph(head, "Number")) == plural or not morph(head, "Number"):
                if head_i < sent_start and tok.dep_ == "nsubj" and tok.i - sent_start <= 1 and not excluded:
                    # "X a condamné Séoul. Elle l'a exhorté...": a sentence-initial subject
                    # pronoun continues the previous sentence's subject rather than its object
                    subj = self._previous_subject(head_i, limit, plural, gender)
                    if subj is not None:
                        return [subj]
                return [actor]
        return []

    def _previous_subject(self, upto: int, limit: int, plural: bool, gender: set[str] | None) -> Actor | None:
        """The last mention at or before `upto` that is its clause's subject, in that
        sentence, agreeing in number (and gender for a common noun)."""
        start = self.sent_start[upto]
        for head_i, actor in reversed(self.mentions):
            if head_i > upto:
                continue
            if head_i < max(start, limit):
                break
            head = self.toks[head_i]
            if head.dep_ not in ("nsubj", "nsubj:pass"):
                continue
            if gender and head.pos_ == "NOUN" and morph(head, "Gender") and not gender & set(morph(head, "Gender")) \
                    and fold(head.lemma_) not in self.collective_nouns:
                continue
            if ("Plur" in morph(head, "Number")) == plural or not morph(head, "Number"):
                return actor
        return None

    def all_actors(self, skip=None) -> list[Actor]:
        """Distinct actors of the article, in order of first mention (`skip(token)`:
        mentions to leave out, such as place names after "à")."""
        seen, out = set(), []
        for i, actor in self.mentions:
            if skip is not None and skip(self.toks[i]):
                continue
            if actor.key() not in seen:
                seen.add(actor.key())
                out.append(actor)
        return out

    # -- resolution -----------------------------------------------------------------
    def _root_of(self, start: int, end: int) -> int:
        """The root of the dictionary name at [start, end): asked for each of its words."""
        if end - start == 1:
            return start          # (a one-word name is its own root: no Span to make)
        found = self._roots.get((start, end))
        if found is None:
            found = self._roots[(start, end)] = self.doc[start:end].root.i
        return found

    def _resolve(self, tok: Token) -> list[Actor]:
        match = self.matches.get(tok.i)
        if match and self._root_of(match[1], match[2]) != tok.i:
            return []  # a word inside a name ("État" in "secrétaire d'État") is no actor
        # read once: the tests below ask for these again and again
        pos, text = tok.pos_, tok.text
        flemma, ftext = self.flemmas[tok.i], self.ftexts[tok.i]
        # "Mohamed Bazoum": the tagger may read a first name as a common noun; the entity
        # recogniser and the name's flat parts still say it is a person's name
        propn = pos == "PROPN" or (
            pos == "NOUN" and tok.ent_type_ == "PER" and text[:1].isupper()
            and ftext not in self.honorifics
            and any(c.dep_ == "flat:name" and c.pos_ == "PROPN" for c in children(tok)))
        if match is None and self.people_role and text[:1].isupper():
            people = self._people(tok)
            if people is not None:
                return people
        if match is None and text in self.paired_names:
            paired = self._paired_country(tok)
            if paired is not None:
                return [paired]
        if match is None and flemma in self.state_nouns:
            # "la République syrienne", "le royaume jordanien" (either tagged as a name)
            state = self._state(tok)
            if state or not propn:
                return state
        if propn and self._lower_demonym(tok):
            return []      # "la junte birmane" with the adjective tagged as a name: no person
        if propn and ftext in self.calendar_words:
            return []      # "Samedi, le président russe ...": a day, not a person with a title
        if propn and match is not None and match[0].category in ("country", "capital") \
                and self._place_in_name(tok, match):
            match = None     # "François Hollande", "George Washington": a person, not the place
        if propn and match is not None and match[0].category == "role" and self._known_name(tok):
            match = None     # "Marine Le Pen": a person the dictionaries know, not the navy
        if propn and (match is None or match[0].category == "person"):
            # "Amadou Abdramane, porte-parole des militaires": a title in apposition after the name
            title = None
            for c in children(tok):
                if c.dep_ == "appos" and c.pos_ == "NOUN" and c.i > tok.i:
                    role = self.dic.role(c.lemma_) or self.dic.role(c.text)
                    if role is not None and role.kind == "title":
                        title = (c, role)
                        break
            found = self._person(tok, title)
            head = tok.head
            if tok.dep_ == "conj" and found and found[0].country is None and head.i in self.cache and self.cache[head.i]:
                # "les chefs de l'opposition X et Y": Y shares X's title
                a, t = found[0], self.cache[head.i][0]
                if t.kind == "person" and (t.country or t.role):
                    found = [Actor(a.text, a.name, t.country, t.role, t.code, a.start, a.end, "person")]
            return found
        if ftext in self.honorifics:       # "M. Toner" with "M." read as a noun
            names = [c for c in children(tok) if c.pos_ == "PROPN"]
            return self._person(names[0], None) if names else []
        if match and match[0].category in ("organisation", "metonym", "country", "capital"):
            entry, start, end = match
            return [self._from_entry(entry, start, end)]
        if match is None and flemma in self.organisation_nouns and self._bare_definite(tok):
            named = self._named_before(tok, ("organisation",))
            if named is not None:
                start, end = self._phrase(tok)
                return [Actor(self.text[start:end], named.name, named.country, named.role, named.code,
                              start, end, named.kind)]
        role = None
        if match and match[0].category == "role":
            role = match[0]
        role = role or self.dic.role(tok.lemma_) or self.dic.role(tok.text)
        if role is None and self._former_prefixed(tok):
            role = self.dic.role(self._former_prefixed(tok))    # "l'ex-président"
        if role is not None and pos == "NOUN" and any(c.dep_ == "cop" for c in children(tok)) \
                and not any(c.dep_ in ("det", "nummod") for c in children(tok)):
            return []     # "il est responsable de cette impasse", "elle est ministre": an attribute
        is_title = role is not None or flemma in self.descriptions
        name_tok = self._attached_name(tok) if is_title else None
        if name_tok is not None:
            found = self._person(name_tok, (tok, role))
            if found and name_tok.dep_ == "conj" and name_tok.head.i == tok.i:
                # "le chef de l'opposition, Jean Ping, refuse": the name the parser made a
                # conjunct of its title is no second actor beside it, but stays a mention of
                # the person a later pronoun may take up ("le discours du président du groupe,
                # Christian Jacob, ... qu'il accuse")
                s, e = self._raw_name_span(name_tok)
                for i in range(s, e):
                    self.cache[i] = []
                self.mentions.append((name_tok.i, found[0]))
            if found and role is not None and (found[0].country or found[0].role):
                # "le président chilien Sebastian Piñera ... le président": that person
                self.titled[self._memory_key(tok)] = (tok.i, found[0])
            return found
        if role is not None:
            return self._role_actor(tok, role)
        if flemma in self.relation_nouns or flemma in self.collective_nouns:
            return self._from_complement(tok)
        if flemma in self.kinship_nouns:
            return self._kin(tok)
        if flemma in self.rival_nouns or ftext in self.rival_nouns:
            return self._rival(tok)
        return []

    def _paired_country(self, tok: Token) -> Actor | None:
        """"le Sud" in a story that named North Korea before: South Korea (config
        paired_country_names)."""
        iso, pairs = self.paired_names[tok.text]
        if tok.i == 0 or fold(self.toks[tok.i - 1].text) not in self.paired_articles:
            return None
        if any(c.dep_ in ("nmod", "amod", "flat:name") and c.i > tok.i for c in children(tok)):
            return None      # "le Sud du pays", "le Sud libanais": a region
        if not any(a.country in pairs for i, a in self.mentions if i < tok.i):
            return None
        prev = self.toks[tok.i - 1]
        start = prev.idx if prev.pos_ == "DET" else tok.idx     # "vers le Sud"; "du Sud": the name
        end = tok.idx + len(tok.text)
        name = self.dic.country_names.get(iso, tok.text)
        return Actor(self.text[start:end], name, iso, "GOV", iso + "GOV", start, end, "country")

    def _lower_demonym(self, tok: Token) -> bool:
        """A nationality adjective in lower case the tagger read as a proper noun."""
        return tok.text[:1].islower() and self.dic.demonym(tok.text) is not None

    def _known_name(self, tok: Token) -> bool:
        """Whether `tok` and its name parts spell a person of the dictionaries."""
        parts = [c for c in children(tok) if c.dep_ == "flat:name" and c.i > tok.i]
        if not parts:
            return False
        last = max(parts, key=lambda t: t.i)
        return self.dic.person(self.text[tok.idx:last.idx + len(last)], self.when) is not None

    def _place_in_name(self, tok: Token, match: tuple[Entry, int, int]) -> bool:
        """Whether a place name is a word of a person's name: the entity recogniser's person
        name goes on past it over another name word ("François Hollande"), or, with no
        article, it is the surname of a person the article named ("Hollande a dit")."""
        _entry, start, end = match
        if tok.ent_type_ == "PER":
            for ent in ents_of(self.doc):
                if ent.start <= tok.i < ent.end:
                    if any(self.toks[j].pos_ == "PROPN" for j in range(ent.start, ent.end)
                           if not start <= j < end):
                        return True
                    break
        if end - start == 1 and not any(c.dep_ == "det" for c in children(tok)) \
                and not self._case(tok) in self.in_country_preps:
            person = self.people.get(fold(tok.text))
            return person is not None and fold(person.name.split()[-1]) == fold(tok.text)
        return False

    def _people(self, tok: Token) -> list[Actor] | None:
        """"les Guinéens", "41 Russes", "des milliers de Birmans": a demonym written as a
        noun (capitalised, unlike the adjective) names people of that country. Not when it
        stands before a person's name ("le Russe Daniil Medvedev"): that is the person."""
        iso = self.dic.demonym(tok.text)
        if iso is None or tok.dep_ in NAME_DEPS:
            return None
        if tok.i == self.sent_start[tok.i] and tok.pos_ == "ADJ":
            return None
        if any(c.pos_ == "PROPN" and c.dep_ in ("appos", "flat:name") for c in children(tok)):
            return None
        start, end = self._phrase(tok)
        text = self.text[start:end]
        role = self.people_role
        return [Actor(text, text, iso, role, iso + role, start, end, "group")]

    def _state(self, tok: Token) -> list[Actor]:
        """"la République syrienne", "le royaume saoudien": the state its adjective names."""
        for c in children(tok):
            if c.dep_ == "amod" and c.i > tok.i:
                iso = self.dic.demonym(c.text)
                if iso:
                    start, end = tok.idx, c.idx + len(c.text)
                    name = self.dic.country_names.get(iso, self.text[start:end])
                    return [Actor(self.text[start:end], name, iso, "GOV", iso + "GOV", start, end, "country")]
        return []

    def _kin(self, tok: Token) -> list[Actor]:
        """"La sœur de Kim Jong-un": a relative of a leader belongs to the leader's side
        (country and role), under a name of her own (the phrase), not the leader's."""
        owners = [a for a in self._owners(tok) if a.kind == "person" and a.country]
        if not owners:
            return []
        o = owners[0]
        start, end = self._phrase(tok)
        end = max(end, o.end)           # the parse may leave the name's last piece out
        text = self.text[start:end]
        return [Actor(text, text, o.country, o.role, o.code, start, end, "title")]

    def _rival(self, tok: Token) -> list[Actor]:
        """"son rival", "le rival de X" with no name given: the person of the owner's
        country named last before, in another role than the owner's (the incumbent for an
        opposition leader). A name in apposition is the rival ("son rival Donald Trump")
        and resolves on its own."""
        if self._attached_name(tok) is not None or "Plur" in morph(tok, "Number"):
            return []
        owners: list[Actor] = []
        for c in children(tok):
            if c.dep_ in ("det", "nmod:poss") and c.i < tok.i and fold(c.text) in self.possessives:
                owners = self.pronoun(c)
                break
        if not owners:
            owners = self._owners(tok)
        owner = owners[0] if owners else None
        if owner is None or owner.kind != "person" or not owner.role:
            return []
        for head_i, a in reversed(self.mentions):
            if head_i >= tok.i or a.kind != "person" or not a.role or a.role == owner.role \
                    or a.key() == owner.key() or fold(a.name) == fold(owner.name):
                continue
            if owner.country and a.country and a.country != owner.country:
                continue
            start, end = self._phrase(tok)
            return [Actor(self.text[start:end], a.name, a.country or owner.country, a.role,
                          (a.country or owner.country or "") + a.role, start, end, "person")]
        return []

    def _attached_name(self, tok: Token) -> Token | None:
        """A person's name given in apposition to a title ("le porte-parole, Mark Toner")."""
        # asked again for each mention of the title: remembered as an index (a Token kept
        # in this article's memory would hold the Doc in a reference cycle)
        if tok.i in self._names:
            i = self._names[tok.i]
            return None if i is None else self.toks[i]
        found = self._attached_name_of(tok)
        self._names[tok.i] = None if found is None else found.i
        return found

    def _attached_name_of(self, tok: Token) -> Token | None:
        for child in children(tok):
            if child.dep_ == "amod" and child.i > tok.i and child.pos_ == "PROPN" and child.ent_type_ == "PER":
                return child     # a name the parser hung as an adjective
            if child.dep_ in ("appos", "flat:name", "nmod") and self._name_head(child) and child.i > tok.i \
                    and not self._lower_demonym(child):      # ("la junte birmane": an adjective)
                m = self.matches.get(child.i)
                if m and m[0].category != "person" and not (
                        m[0].category in ("country", "capital") and self._place_in_name(child, m)):
                    continue
                if child.ent_type_ in ("PER", "") and child.dep_ != "nmod" or child.ent_type_ == "PER":
                    return child
                if child.i == tok.i + 1 and not self._case(child):
                    return child     # "le président Macron": the name right after the title
        nxt = self.toks[tok.i + 1] if tok.i + 1 < len(self.doc) else None
        if nxt is not None and nxt.pos_ != "PROPN" and self._namey(nxt) and self.dic.person(nxt.text, self.when):
            return nxt               # a known surname the tagger read as an adverb
        # "son homologue sud-africain Cyril Ramaphosa": a person's name right after the title
        # and its adjectives, whatever the parser attached it to
        for j in range(tok.i + 1, min(len(self.doc), tok.i + 4)):
            t = self.toks[j]
            if t.ent_type_ == "PER" and t.pos_ == "PROPN":
                return t
            if t.pos_ == "PROPN" and j > tok.i + 1 and j not in self.matches and t.text[:1].isupper():
                # a name of two words or more the recogniser missed and the parser cut off
                # ("le président kényan William Ruto"), or one the dictionaries know
                s, e = self._raw_name_span(t)
                if s == j and (e - s > 1 and not any(k in self.matches for k in range(s, e))
                               or self.dic.person(self.doc[s:e].text, self.when)):
                    return t
            if not (t.pos_ in ("ADJ",) or self.dic.demonym(t.text)):
                break
        # "l'envoyé spécial des États-Unis pour la Syrie, Michael Ratney": the parser may hang
        # the name on the title's last complement; a comma and a person's name right after
        # the title phrase still name its holder
        doc = self.doc
        # (read on the Doc's arrays: this walks up to 15 words for every title)
        # (the entity label from the Token, and only once the cheaper tests have passed)
        pos, words, deps, heads = pos_of(doc), texts_of(doc), deps_of(doc), heads_of(doc)
        sent_start = self.sent_start
        for j in range(tok.i + 1, min(len(doc), tok.i + 16)):
            if pos[j] in ("VERB", "AUX") or sent_start[j] == j or words[j] in (";", ":", "«", "»", '"'):
                break       # (sent_start[j] == j: Token.is_sent_start)
            if deps[j] in ("appos", "amod") and tok.i <= heads[j] < j and self.toks[j].ent_type_ == "PER" and (
                    words[j - 1] == "," or self._complement_of(self.toks[heads[j]], tok)):
                # "l'émissaire de l'ONU pour la Libye Ghassan Salamé": hung on the last complement
                return self.toks[j]
            if pos[j] == "PROPN" and words[j - 1] == "," and self.toks[j].ent_type_ == "PER" and (
                    deps[j] == tok.dep_ == "nsubj" and heads[j] == tok.head.i
                    or deps[j] == "conj" and heads[j] == tok.i and self._lone_conjunct(self.toks[j], tok)):
                # "Le chef de l'opposition kényane, Raila Odinga, a dénoncé": the parser made the
                # name a second subject of the verb, or a conjunct of the title; a name set off
                # by commas right after the title phrase is its holder's
                return self.toks[j]
        return None

    def _lone_conjunct(self, name: Token, title: Token) -> bool:
        """Whether a name the parser made a conjunct of a title stands alone between commas
        ("le chef de l'opposition, Jean Ping, refuse"), not in a list ("le président turc,
        Vladimir Poutine et Angela Merkel")."""
        if any(c.dep_ == "conj" and c.i != name.i for c in children(title)):
            return False
        if any(c.dep_ in ("conj", "cc") for c in children(name)):
            return False
        _s, end = self._raw_name_span(name)
        return end < len(self.doc) and self.toks[end].text == ","

    def _complement_of(self, t: Token, tok: Token) -> bool:
        """Whether `t` is a "de" complement of `tok`, or of one of its complements ("la
        présidente de la Chambre des représentants")."""
        for _ in range(4):
            if t.dep_ != "nmod":
                return False
            t = t.head
            if t.i == tok.i:
                return True
        return False

    def _name_head(self, t: Token) -> bool:
        """A name's first word: a proper noun, or a first name the tagger read as a common
        noun while the entity recogniser and the name's flat part say it is a person
        ("le directeur général de l'agence Rafael Grossi")."""
        return t.pos_ == "PROPN" or (t.pos_ == "NOUN" and t.ent_type_ == "PER" and t.text[:1].isupper()
                                     and any(c.dep_ == "flat:name" and c.pos_ == "PROPN" for c in children(t)))

    def _name_span(self, tok: Token) -> tuple[int, int]:
        """Token range of a personal name (honorifics left out: "M. Toner" -> "Toner")."""
        start, end = self._raw_name_span(tok)
        while start < end - 1 and (fold(self.toks[start].text) in self.honorifics or self.toks[start].pos_ != "PROPN"):
            start += 1
        return start, end

    def _namey(self, t: Token) -> bool:
        """A word of a personal name: a proper noun, or a capitalised word the tagger took
        for something else when the paragraph was short ("Yoav Gallant", "le président Macron")."""
        if t.pos_ == "PROPN":
            return True
        return (t.text[:1].isupper() and t.pos_ in ("ADJ", "ADV", "NOUN", "VERB")
                and (not t.is_sent_start or self._glued_start(t))
                and t.i not in self.matches and not self.dic.demonym(t.text)
                and fold(t.text) not in self.honorifics)

    def _glued_start(self, t: Token) -> bool:
        """A sentence start the parser put right after a proper noun, with no punctuation
        or break between them ("a déclaré Yoav | Gallant lors de"): no real sentence starts
        there, the word goes on the name."""
        if t.i == 0:
            return False
        prev = self.toks[t.i - 1]
        return prev.pos_ == "PROPN" and not prev.is_punct and "\n" not in prev.whitespace_ \
            and bool(prev.whitespace_)

    def _raw_name_span(self, tok: Token) -> tuple[int, int]:
        if tok.ent_type_ == "PER":
            for ent in ents_of(self.doc):
                if ent.start <= tok.i < ent.end:
                    end = self._hyphen_end(ent.end)
                    last = self.toks[end - 1]
                    if end < len(self.doc) and end - ent.start > 1 and fold(last.text) in self.particles \
                            and last.text[:1].isupper() and self.toks[end].text[:1].isupper() \
                            and self.toks[end].is_alpha:
                        end += 1      # "Bruno Le | Maire": the recogniser stopped at the particle
                    elif end + 1 < len(self.doc) and fold(self.toks[end].text) in self.particles \
                            and self.toks[end].text[:1].isupper() and self.toks[end + 1].text[:1].isupper() \
                            and self.toks[end + 1].is_alpha and self.toks[end].whitespace_ \
                            and self.toks[end - 1].whitespace_:
                        end += 2      # "Bruno | Le Maire": or before it
                    while end < len(self.doc) and self.toks[end].pos_ == "PROPN" and self.toks[end - 1].whitespace_ \
                            and self.dic.person(self.doc[ent.start:end + 1].text, self.when) is not None:
                        end += 1      # "d'Emmanuel | Macron": the recogniser stopped inside a known name
                    return ent.start, end
        start = end = tok.i
        end += 1
        doc = self.doc
        while start > 0 and (self.toks[start - 1].pos_ == "PROPN" or (self.toks[start - 1].text == "-" and start > 1 and self.toks[start - 2].pos_ == "PROPN")):
            if fold(self.toks[start - 1].text) in self.honorifics:
                break
            start -= 1
        while end < len(doc):
            if self._namey(self.toks[end]) or self.toks[end].text == "-" or (
                    fold(self.toks[end].text) in self.particles and end + 1 < len(doc) and self.toks[end + 1].pos_ == "PROPN"):
                end += 1
            elif fold(self.toks[end].text) in self.particles and self.toks[end].text[:1].isupper() and end + 1 < len(doc) \
                    and self.toks[end + 1].text[:1].isupper() and self.toks[end + 1].is_alpha and self.toks[end].whitespace_:
                end += 2       # "Bruno Le Maire": a capitalised particle and the word it goes with
            else:
                break
        while end > tok.i + 1 and self.toks[end - 1].text == "-":
            end -= 1
        return start, end

    def _hyphen_end(self, end: int) -> int:
        """A name's end moved past a hyphenated last part the entity recogniser cut off
        ("Nana Akufo" + "-Addo")."""
        doc = self.doc
        while end + 1 < len(doc) and self.toks[end].text == "-" and not self.toks[end - 1].whitespace_ \
                and not self.toks[end].whitespace_ and self.toks[end + 1].text[:1].isupper() and self.toks[end + 1].is_alpha:
            end += 2
        return end

    def _person(self, name_tok: Token, title: tuple[Token, Entry | None] | None) -> list[Actor]:
        start, end = self._name_span(name_tok)
        name = span_text(self.doc, start, end).replace(" - ", "-").replace(" -", "-").replace("- ", "-")
        known = self.people.get(fold(name))
        entry = self.dic.person(name, self.when)
        if known is None and entry is None and fold(name) in self.people:
            known = self.people[fold(name)]
        if known is None and entry is None:
            # a surname alone ("Toner", "M. Toner") refers back to the person already named
            known = self.people.get(fold(name.split()[-1]))
        if known is None and entry is None and len(name.split()) == 1 and start > 0 \
                and fold(self.toks[start - 1].text) in self.honorifics:
            # "Mme Tsai", "M. Abiy": a family name written first, or a name used first
            known = self.first_names.get(fold(name))
        title_actor = None
        if title is not None:
            title_tok, role = title
            if role is not None:
                # a role word may name no actor here ("les positions"): then no title
                title_actor = next(iter(self._role_actor(title_tok, role, allow_memory=False)), None)
            else:
                owners = self._owners(title_tok)
                title_actor = owners[0] if owners else None
        if known is None and entry is None and (title_actor is None or title_actor.country is None):
            # "le colonel Abdoulaye Maïga, porte-parole du gouvernement malien": a title in
            # apposition after the name says who the person works for, whatever the parse
            after = self._title_after(end)
            if after is not None and (after.country or title_actor is None and after.role):
                title_actor = after      # (a role alone: "Jack Mwinda, son avocat" is JUD)
            elif title_actor is None and self.age_role and self._age_after(end):
                # "Pierre Durand, 24 ans": a private citizen
                title_actor = Actor("", "", None, self.age_role, self.age_role, None, None, "title")
        span_start = title[0].left_edge.i if title else start
        while title and span_start < title[0].i and (fold(self.toks[span_start].text) in self.calendar_words
                                                     or self.toks[span_start].is_punct
                                                     or self.toks[span_start].pos_ == "ADP"):
            span_start += 1       # "Dimanche, le président ...": the day is no part of the title
        text = span_text(self.doc, min(span_start, start) if title else start, end)
        if known is not None and (title_actor is None or title_actor.country is None):
            # "le colonel Abdramane" after "Amadou Abdramane, porte-parole des militaires nigériens"
            actor = Actor(text, known.name, known.country, known.role, known.code,
                          self.toks[start].idx, self.toks[end - 1].idx + len(self.toks[end - 1]), "person")
            for i in range(start + 1, end):
                if i in self.matches:
                    # a dictionary word inside the name ("Maire" in "Bruno Le Maire") is no
                    # actor of its own
                    self.cache.setdefault(i, [actor])
            return [actor]
        country = role_code = None
        if entry is not None:
            country, role_code = entry.country, entry.role
            name = entry.name if fold(entry.name) != fold(name) and len(name.split()) == 1 else name
        if entry is not None and title_actor is not None and title_actor.country and entry.country \
                and title_actor.country != entry.country and title_actor.country not in self.region_codes:
            # "le chef de la diplomatie malien, Abdoulaye Diop": the title's country names this
            # person, not a namesake of another country in the dictionaries
            country, role_code = title_actor.country, title_actor.role or role_code
        retitled = False
        if entry is not None and title_actor is not None and title_actor.role and entry.country \
                and title_actor.role != role_code and title_actor.country in (None, country) \
                and (title_actor.role in OUT_OF_POWER or entry.lapsed) and title_actor.kind == "title":
            # "le chef de l'opposition Raila Odinga", "l'ancien Premier ministre X", "le député
            # X": a title out of the government says what the person is at the article's date
            # better than the dictionaries' coding, often left open long after an office ended
            # (a government title is not trusted over their dated codings: "alors ministre",
            # "le président Chirac" in a story of 2019 name an office held in the past; it is
            # over a former official's ELI that only says the list knows no later office)
            role_code, retitled = title_actor.role, True
        if title_actor is not None and not (entry is not None and entry.code and not entry.country):
            # (a person the dictionary codes as an international body's keeps that code:
            # "le directeur général de l'instance onusienne Rafael Grossi" is not GOV)
            country = country or title_actor.country
            role_code = role_code or title_actor.role
        if entry is None and title_actor is None:
            if self.toks[start].ent_type_ not in ("PER",) :
                return []   # an unknown proper noun that is not a person: no guessed actor
        code = (country or "") + (role_code or "") or None
        if entry is not None and entry.code and not retitled and (title_actor is None or entry.country == country):
            code = entry.code
        s_tok = self.toks[min(span_start, start)]
        actor = Actor(text, name, country, role_code, code, s_tok.idx,
                      self.toks[end - 1].idx + len(self.toks[end - 1]), "person")
        for i in range(start, end):
            self.cache.setdefault(i, [actor])
        return [actor]

    def _age_after(self, end: int) -> bool:
        """", 24 ans," right after a name."""
        doc = self.doc
        return (end + 2 < len(doc) and self.toks[end].text == "," and self.toks[end + 1].like_num
                and fold(self.toks[end + 2].text) in self.age_words)

    def _title_after(self, end: int) -> Actor | None:
        """The actor of a title phrase right after a name and a comma ("X, porte-parole du
        gouvernement malien, ...")."""
        doc = self.doc
        if end + 1 >= len(doc) or self.toks[end].text != ",":
            return None
        j = end + 1
        if self.toks[j].pos_ == "DET":
            j += 1
        if j >= len(doc) or self.toks[j].pos_ != "NOUN" or j in self._in_progress:
            return None
        role = self.dic.role(self.toks[j].lemma_) or self.dic.role(self.toks[j].text)
        if role is None or role.kind != "title":
            return None
        self._in_progress.add(j)
        try:
            found = self._role_actor(self.toks[j], role, allow_memory=False)
        finally:
            self._in_progress.discard(j)
        return found[0] if found else None

    def _from_entry(self, entry: Entry, start: int, end: int) -> Actor:
        doc = self.doc
        start_char = self.toks[start].idx
        end_char = self.toks[end - 1].idx + len(self.toks[end - 1])
        return Actor(span_text(doc, start, end), entry.name, entry.country, entry.role, entry.code or
                     ((entry.country or "") + (entry.role or "")) or None,
                     start_char, end_char, entry.category)

    def _phrase(self, tok: Token) -> tuple[int, int]:
        """Character span of the phrase headed by tok, without its clauses and without
        the preposition that introduces it ("sur le régime" -> "le régime")."""
        found = self._phrases.get(tok.i)
        if found is None:
            found = self._phrases[tok.i] = self._phrase_span(tok)
        return found

    def _phrase_span(self, tok: Token) -> tuple[int, int]:
        ti = lo = hi = tok.i
        own = children(tok)
        # a noun phrase does not go on after a clause hung on it: what the parser hangs there
        # ("invite les autorités françaises à retirer, sans délai, les forces") is the clause's
        cut = min((c.i for c in own if c.i > ti and c.dep_ in CLAUSE_DEPS), default=len(self.doc))
        # ... nor does it start before its own preposition ("interdit il y a quelques jours par
        # les autorités": what the parser hangs before "par" is not the authorities')
        opening = max((c.i for c in own if c.i < ti and c.dep_ in ("case", "mark")), default=-1)
        # the head's own children first (they have the extra tests), then the words below them
        stack = []
        for c in own:
            dep, ci = c.dep_, c.i
            if dep in _OUT_OF_PHRASE or c.is_space or (dep in ("case", "mark") and ci < ti) or ci > cut or ci < opening:
                continue
            if ci < lo:
                lo = ci
            elif ci > hi:
                hi = ci
            stack.append(c)
        while stack:
            for c in children(stack.pop()):
                if c.dep_ in _OUT_OF_PHRASE or c.is_space:
                    continue
                ci = c.i
                if ci < lo:
                    lo = ci
                elif ci > hi:
                    hi = ci
                stack.append(c)
        # "Table de l'unité démocratique (MUD)": a bracket opened inside the phrase closes in it
        words, offsets = texts_of(self.doc), offsets_of(self.doc)
        if hi + 1 < len(words) and words[hi + 1] == ")" and "(" in words[lo:hi]:
            hi += 1
        return offsets[lo], offsets[hi] + len(words[hi])

    def _owners(self, tok: Token) -> list[Actor]:
        """Actors of the phrase's "de" complements ("les forces de l'opposition")."""
        out: list[Actor] = []
        m = self.matches.get(tok.i)
        # "les États membres de l'UE": a complement hung on another word of a title's name
        words = [tok, *(self.toks[i] for i in range(m[1], m[2]) if i != tok.i)] if m else [tok]
        for c in (c for w in words for c in children(w)):
            if m and m[1] <= c.i < m[2]:
                continue
            if c.dep_ == "nmod" and c.i > tok.i and self._case(c) in self.of_preps:
                found = self.actors(c)
                if not found and c.pos_ == "NOUN":
                    # "les ministres des Affaires étrangères des Vingt-Sept": the parser hangs
                    # the owner on the portfolio, which names no actor ("les chefs d'État et de
                    # gouvernement de l'UE": or on the portfolio coordinated with it)
                    found = [a for h in [c, *[x for x in children(c) if x.dep_ == "conj" and x.i > c.i
                                              and x.pos_ == "NOUN"]]
                             for g in children(h) if g.dep_ == "nmod" and g.i > h.i
                             and self._case(g) in self.of_preps for a in self.actors(g)]
                out += found
        return out

    def country_counts(self, skip=None) -> dict[str, int]:
        """How often each country is named through the article's actors (`skip(token, actor)`:
        mentions not to count)."""
        counts: dict[str, int] = {}
        for i, a in self.mentions:
            if a.country and not (skip is not None and skip(self.toks[i], a)):
                counts[a.country] = counts.get(a.country, 0) + 1
        return counts

    def focus_country(self) -> str | None:
        """The country the article is mostly about (most actor mentions), for domestic
        bodies the text leaves without a country ("la police", "la Cour suprême").
        Asked for every event: recomputed only when new mentions were resolved."""
        if self._focus is not None and self._focus[0] == len(self.mentions):
            return self._focus[1]
        regions = set(self.regions.values())
        counts = self.country_counts(skip=lambda _t, a: a.country in regions) if regions else self.country_counts()
        best = self._best_country(counts)
        self._focus = (len(self.mentions), best)
        return best

    @staticmethod
    def _best_country(counts: dict[str, int]) -> str | None:
        if not counts:
            return None
        best = max(counts, key=counts.get)
        return best if counts[best] * 3 >= sum(counts.values()) else None

    def _short_name(self, tok: Token) -> str:
        """A role actor's name: its noun with its adjectives ("régime syrien")."""
        keep = {tok.i}
        m = self.matches.get(tok.i)
        if m:
            keep.update(range(m[1], m[2]))
        for i in list(keep):
            keep.update(c.i for c in children(self.toks[i]) if c.dep_ == "amod" or (c.dep_ == "conj" and c.pos_ == "ADJ"))
        if self.name_preps:
            # "ministère chinois des Affaires étrangères", "opposants à la réforme": a short
            # complement that names no actor is part of the name
            for c in children(tok):
                if c.dep_ != "nmod" or c.i < tok.i or self._case(c) not in self.name_preps:
                    continue
                lo, hi = c.left_edge.i, c.right_edge.i
                if lo != max(keep) + 1 or hi - lo > 5 or any(
                        t.is_punct or t.dep_ in CLAUSE_DEPS or self.dic.demonym(t.text)
                        for t in self.toks[lo:hi + 1]):
                    break
                if self.actors(c) or any(t.pos_ in ("PROPN", "NUM") for t in self.toks[lo:hi + 1]):
                    break
                keep.update(range(lo, hi + 1))
                break
        words = [self.toks[i] for i in sorted(keep)]
        return "".join(t.text + t.whitespace_ for t in words).strip()

    def _countries(self, tok: Token, role: Entry) -> list[str]:
        """Countries named by the phrase's adjectives or 'de' complements."""
        isos: list[str] = []
        scope = [tok]
        m = self.matches.get(tok.i)
        if m:
            scope += [self.toks[i] for i in range(m[1], m[2]) if i != tok.i]
        for head in scope:
            for c in children(head):
                if c.dep_ in ("amod", "nmod", "appos") or (c.dep_ == "conj" and c.pos_ == "ADJ"):
                    iso = self.dic.demonym(c.text)
                    if iso:
                        isos.append(iso)
                        isos += [self.dic.demonym(cc.text) for cc in c.conjuncts if self.dic.demonym(cc.text)]
                        continue
                    pref = self.dic.prefixed_countries(c.text)
                    if pref:
                        isos += pref
                        continue
                    if c.dep_ == "nmod" and self._case(c) in self.of_preps and c.i > tok.i and not isos:
                        # "les troupes françaises du Mali": the adjective names whose they are,
                        # the complement where they are
                        for a in self.actors(c):
                            if a.country:
                                isos.append(a.country)
                        if not isos and c.pos_ == "NOUN" and not self.actors(c):
                            # "les autorités de transition maliennes", "le ministre des Affaires
                            # étrangères russe": the parser hangs the adjective on the complement
                            isos += [iso for g in children(c) if g.dep_ == "amod" and g.i > c.i
                                     for iso in [self.dic.demonym(g.text)] if iso][:1]
                        if isos:
                            break
                if c.dep_ == "acl" and fold(c.lemma_) in self.leading_verbs and c.i > tok.i:
                    # "la coalition dirigée par l'Arabie saoudite": the leader's country
                    for a in children(c):
                        if a.dep_ in ("obl:agent", "obl", "obl:mod") and self._case(a) == "par":
                            isos += [x.country for x in self.actors(a) if x.country]
        if not isos:
            # the parser sometimes hangs the adjective elsewhere or tags it as punctuation
            # ("son homologue sud-africain"): the words right after the noun still say it
            for t in self.toks[tok.i + 1: tok.i + 3]:
                iso = self.dic.demonym(t.text)
                if iso:
                    isos.append(iso)
                    break
                if t.pos_ not in ("ADJ", "PUNCT") or t.text in (",", ";", ":"):
                    break
        if not isos and role.role in NON_STATE:
            # "l'opposition en Biélorussie", "les manifestants au Chili": where a non-state
            # group is, it belongs
            for c in children(tok):
                if c.dep_ == "nmod" and c.i > tok.i and self._case(c) in self.in_country_preps:
                    isos += [a.country for a in self.actors(c) if a.kind in ("country", "capital") and a.country]
                    if isos:
                        break
        if not isos and role.kind in ("body", "group") and self.seat_preps:
            # "le pouvoir à Niamey", "les manifestants à Minsk": a body in a capital is that
            # state's; "la junte au pouvoir à Bamako": the capital where it holds power
            for c in children(tok):
                if c.i < tok.i or c.dep_ not in ("nmod", "acl", "obl:mod"):
                    continue
                seats = [c] if self._case(c) in self.seat_preps and c.dep_ != "acl" else \
                    [g for g in children(c) if g.i > c.i and self._case(g) in self.seat_preps] \
                    if fold(c.lemma_) in self.power_nouns else []
                for g in seats:
                    isos += [a.country for a in self.actors(g) if a.kind == "capital" and a.country]
                if isos:
                    break
        if not isos and (self.regions or self.regional):
            # "les trois pays européens": a region's adjective when no country is named;
            # "les rebelles tigréens": a people of one country
            for c in children(tok):
                word = fold(c.text)
                if c.dep_ == "amod" and (word in self.regions or word in self.regional):
                    isos.append(self.regions.get(word) or self.regional[word])
                    break
        return list(dict.fromkeys(isos))

    def _case(self, tok: Token) -> str:
        # asked for every complement of every phrase resolved: remembered per Doc
        return remembered(tok, "quiquoi.actor_case", _first_case)

    def _role_actor(self, tok: Token, role: Entry, allow_memory: bool = True) -> list[Actor]:
        start, end = self._phrase(tok)
        text = self.text[start:end]
        if role.kind != "title":
            # "l'ONG Foro Penal", "le parti Ennahda": the body's own name follows its kind
            nxt = self.matches.get(tok.i + 1)
            if nxt is not None and nxt[1] == tok.i + 1 and nxt[0].category in self.NAMED_BODY_KINDS \
                    and self.toks[self._root_of(nxt[1], nxt[2])].head.i == tok.i:
                # (however the parser cut the name: "l'opposition Table de l'unité démocratique")
                a = self._from_entry(*nxt)
                end = max(a.end, tok.idx + len(tok.text))
                return [Actor(self.text[start:end], a.name, a.country, a.role, a.code, start, end, a.kind)]
            for c in children(tok):
                if c.i > tok.i and c.pos_ == "PROPN" and (c.dep_ in ("appos", "flat:name", "flat")
                                                         or c.dep_ == "nmod" and not self._case(c)):
                    m = self.matches.get(c.i)
                    if m is not None and m[0].category in self.NAMED_BODY_KINDS:
                        a = self._from_entry(*m)
                        end = max(a.end, tok.idx + len(tok.text))
                        return [Actor(self.text[start:end], a.name, a.country, a.role, a.code, start, end, a.kind)]
                    break
        owners = self._owners(tok)
        if owners and owners[0].role in NON_STATE and role.role in ARMED:
            o = owners[0]      # "les forces de l'opposition" are the opposition's
            return [Actor(text, o.name, o.country, o.role, o.code, start, end, o.kind)]
        if owners and fold(tok.lemma_) in self.cabinet_titles and owners[0].kind == "body" \
                and owners[0].role != "IGO" and not owners[0].country:
            owners = []    # "la ministre (française) des Armées": a portfolio, not whose minister
        if owners and role.role != "INHERIT" and owners[0].role in self.domain_roles and any(
                c.dep_ == "nmod" and c.i > tok.i and owners[0] in self.cache.get(c.i, ()) for c in children(tok)):
            # "le juge des enfants", "le président des Français": the people an office serves
            # are not whose it is (a title of its own role keeps it; the people's country stays).
            # Only the title's own complement: "le président de l'Auberge des migrants" is not
            # the state's
            owners = []
        if owners and owners[0].role and owners[0].kind != "person" and (
                role.kind == "title" or (role.kind == "group" and owners[0].role == "IGO")):
            # "les dirigeants des Vingt-Sept", "les ministres de l'OTAN": an organisation's members
            o = owners[0]      # "le président de la Cour suprême", "le chef de l'opposition"
            return [Actor(text, text, o.country, o.role, o.code, start, end, "title")]
        if role.kind == "body" and role.role in self.state_roles and not owners:
            holder = self._seat_holder(tok, start, end)
            if holder is not None:
                # "le ministère de la Défense à Sanaa, ... contrôlée par les rebelles": a state
                # body in a city an armed group holds is that group's
                self.held_keys.add(self._memory_key(tok))
                return [Actor(text, self._short_name(tok), holder.country, holder.role,
                              (holder.country or "") + holder.role, start, end, role.kind)]
        isos = self._countries(tok, role)
        role_code = role.role
        if role.kind in ("group", "body") and role_code not in self.state_roles \
                and self._opposed_to_state(tok):
            role_code = "OPP"       # "les sept candidats opposés au président"
        elif role_code in self.civilian_from and role.kind == "group" and any(
                c.dep_ == "amod" and fold(c.text) in self.civilian_adjectives for c in children(tok)):
            role_code = "CVL"       # "des manifestants pacifiques": private citizens
        if role_code == "GOV" and role.kind in ("title", "group") and (any(
                fold(c.text) in self.former for c in children(tok) if c.dep_ in ("amod", "advmod", "nmod", "acl"))
                or self._former_prefixed(tok)):
            role_code = "ELI"       # "l'ancien président américain"
        if role_code == "INHERIT":   # "le porte-parole de la diplomatie américaine"
            inherited = [a for c in children(tok) if c.dep_ == "nmod" for a in self.actors(c)
                         # "les quartiers d'Alep": held ground of a place is a place
                         if role.kind != "held" or a.kind not in ("country", "capital", "metonym")]
            if inherited:
                base = inherited[0]
                if base.role == "GOV" and self._former_prefixed(tok):
                    # "l'ex-chef de l'État": a former leader
                    return [Actor(text, text, base.country, "ELI", (base.country or "") + "ELI", start, end, "title")]
                return [Actor(text, text, base.country, base.role, base.code, start, end, "title")]
            # "le chef rebelle", "le chef militaire": the adjective says whose
            # (an adjective of the title itself is not one: "secrétaire général" is no general)
            m = self.matches.get(tok.i)
            own = range(m[1], m[2]) if m else range(tok.i, tok.i + 1)
            adjectival = [r.role for c in children(tok) if c.dep_ == "amod" and c.i not in own
                          for r in [self.dic.role(c.lemma_) or self.dic.role(c.text)] if r is not None and r.role != "INHERIT"]
            if role.kind == "held" and not adjectival:
                return []       # "les positions", "les positions syriennes": whose is not said
            role_code = adjectival[0] if adjectival else "GOV"
            if role_code == "GOV" and self._former_prefixed(tok):
                role_code = "ELI"       # "l'ex-chef de l'État"
        if role_code == "GOV" and role.kind == "title" and not owners \
                and fold(tok.lemma_) not in self.cabinet_titles and self._unknown_body_owner(tok):
            role_code = None     # "président de la FNSEA": whose, we do not know; not the state's
        if role.kind == "title" and allow_memory:
            p = self._titled_before(tok, text)
            if p is not None:
                # "le président kényan William Ruto ... le président kényan": that person
                return [Actor(text, p.name, p.country, p.role, p.code, start, end, "person")]
        if not isos and allow_memory and not owners and not self._not_current(tok):
            key = self._memory_key(tok)
            prev = self.last_by_head.get(key)
            if prev is not None and morph(tok, "Number") and \
                    self.last_plural.get(key) != ("Plur" in morph(tok, "Number")):
                prev = None      # "les pays européens ... le pays": not the same body
            person = self._titled_as(key) if role.kind == "title" and self._bare_definite(tok) else None
            if person is not None and person[0] < tok.i and (prev is None or person[0] > self.last_pos.get(key, -1)):
                # "le président chilien Sebastian Piñera ... le président": the person last
                # given that title, unless a nameless one came after
                p = person[1]
                return [Actor(text, p.name, p.country, p.role, p.code, start, end, "person")]
            if prev is not None and (prev.role == role_code or key in self.held_keys):
                return [Actor(text, prev.name, prev.country, prev.role, prev.code, start, end, prev.kind)]
        name = self._short_name(tok)
        if not isos and not owners and fold(tok.lemma_) in self.country_nouns:
            named = self._country_named_before(tok)
            if named is not None:
                return [Actor(text, named.name, named.country, role_code, named.country + (role_code or ""),
                              start, end, role.kind)]
        if not isos:
            return [Actor(text, name, None, role_code, role_code, start, end, role.kind)]
        short = not any(c.dep_ == "nmod" for c in children(tok))
        if fold(tok.lemma_) in self.descriptions and len(isos) == 1 and short:
            # "le responsable américain": the last person of that country named before
            for _i, a in reversed(self.mentions):
                if a.kind == "person" and a.country == isos[0]:
                    return [Actor(text, a.name, a.country, a.role, a.code, start, end, "person")]
        holder = self._office_holder(tok, isos[0], start, end) if len(isos) == 1 and role.kind == "title" else None
        if holder is not None:
            # "le ministre israélien de la Défense" with no name given: who held it that day
            held = Actor(text, holder.name, holder.country, holder.role, holder.code, start, end, "title")
            self.titled[self._memory_key(tok)] = (tok.i, held)
            return [held]
        return [Actor(text, name if len(isos) == 1 else f"{name} ({iso})", iso, role_code,
                      iso + (role_code or ""), start, end, role.kind) for iso in isos]

    def _seat_holder(self, tok: Token, start: int, end: int) -> Actor | None:
        """The non-state group holding the place a body sits in: "le ministère de la Défense à
        Sanaa, capitale du Yémen contrôlée par les rebelles" (the place right after the body's
        phrase, or its "à" complement; "contrôlée par" on the place or its apposition)."""
        if not self.control_verbs:
            return None
        doc = self.doc
        j = tok.i + 1
        while j < len(doc) and self.toks[j].idx < end:
            j += 1
        places = [c for c in children(tok) if c.i > tok.i and self._case(c) in self.seat_preps]
        if j + 1 < len(doc) and fold(self.toks[j].text) in self.seat_preps:
            places.append(self.toks[j + 1])
        for place in places:
            m = self.matches.get(place.i)
            if m is None or m[0].category not in ("capital", "country"):
                continue
            # (the apposition that describes the place may hang on the body: "le ministère à
            # Kaboul, capitale contrôlée par ...")
            described = [c for h in (place, tok) for c in children(h) if c.dep_ == "appos" and c.i > place.i]
            for w in [place, *described]:
                for v in children(w):
                    if v.dep_ not in ("acl", "amod") or fold(v.lemma_) not in self.control_verbs:
                        continue
                    for a in children(v):
                        if a.dep_.startswith("obl") and self._case(a) in self.passive_preps:
                            for h in self.actors(a):
                                if h.role in self.holding_roles:
                                    return h if h.country else Actor(h.text, h.name, m[0].country, h.role,
                                                                     (m[0].country or "") + h.role,
                                                                     h.start, h.end, h.kind)
        return None

    def _unknown_body_owner(self, tok: Token) -> bool:
        """Whether the title's "de" complement names an organisation the dictionaries do not
        know: the entity recogniser's organisation or an acronym, with no nationality
        adjective and no state noun ("président de la FNSEA", "président d'Action praticiens
        hôpital"; not "président de la République", "président du Conseil italien")."""
        for c in children(tok):
            if c.dep_ != "nmod" or c.i < tok.i or self._case(c) not in self.of_preps:
                continue
            if not (c.ent_type_ in ("ORG",) or c.pos_ == "PROPN" and c.text.isupper() and len(c.text) > 1):
                continue
            if fold(c.lemma_) in self.state_nouns or fold(c.lemma_) in self.country_nouns:
                continue
            if any(self.dic.demonym(t.text) or self.dic.prefixed_countries(t.text) for t in c.subtree):
                continue
            if self.actors(c):
                continue
            return True
        return False

    def _titled_as(self, key: str) -> tuple[int, Actor] | None:
        """The person last given the title `key` or one of its synonyms ("le président chilien
        Sebastian Piñera ... le chef de l'État")."""
        found = [self.titled[k] for k in self.title_synonyms.get(key, (key,)) if k in self.titled]
        return max(found, key=lambda f: f[0]) if found else None

    def _titled_before(self, tok: Token, text: str) -> Actor | None:
        """The person an earlier mention gave this whole title to: "la présidente de la
        Chambre" after "la présidente de la Chambre des représentants Nancy Pelosi". Only
        for a singular, definite title with words after its noun (a bare "le président" is
        the memory's business in _role_actor)."""
        got = self.titled.get(self._memory_key(tok))
        if got is None or got[0] >= tok.i or "Plur" in morph(tok, "Number"):
            return None
        if not any(c.dep_ == "det" and fold(c.text) in self.definite for c in children(tok)):
            return None
        words = fold(text).split()
        if words and words[0] in self.definite:
            words = words[1:]
        elif words and words[0][:2] in ("l'",):
            words[0] = words[0][2:]
        if len(words) < 2:
            return None
        earlier = fold(got[1].text).split()
        if earlier and earlier[0] in self.definite:
            earlier = earlier[1:]
        elif earlier and earlier[0][:2] == "l'":
            earlier[0] = earlier[0][2:]
        if earlier[:len(words)] != words or len(earlier) == len(words):
            return None
        return got[1]

    def _opposed_to_state(self, tok: Token) -> bool:
        """Whether a group is set, by a participle, against a government actor ("opposés au
        président Alpha Condé", "hostiles au régime")."""
        for c in children(tok):
            if c.dep_ in ("acl", "amod") and c.i > tok.i and fold(c.lemma_) in self.opposing:
                for o in children(c):
                    if o.dep_.startswith("obl") or o.dep_ == "nmod":
                        found = self.actors(o) if o.pos_ in ("NOUN", "PROPN") else []
                        if any(a.role == "GOV" for a in found):
                            return True
        return False

    def _not_current(self, tok: Token) -> bool:
        """"l'ancien président", "leur futur président": not the one in office now."""
        # asked for every mention remembered and every role actor: a pure function of the parse
        found = self._not_currents.get(tok.i)
        if found is None:
            found = self._not_currents[tok.i] = bool(self._former_prefixed(tok)) or any(
                fold(c.text) in self.not_current for c in children(tok)
                if c.dep_ in ("amod", "advmod", "det", "nmod", "acl"))
        return found

    def _former_prefixed(self, tok: Token) -> str:
        """The noun a former-prefix is written on ("ex-président" -> "président"), or ""."""
        word = fold(tok.text)
        for p in self.former_prefixes:
            if word.startswith(p) and len(word) > len(p) + 2:
                return word[len(p):]
        return ""

    def _bare_definite(self, tok: Token) -> bool:
        """"le président", "la ministre": singular, with a definite article, and nothing
        after the noun that tells which one ("le président du Sénat")."""
        if "Plur" in morph(tok, "Number"):
            return False
        m = self.matches.get(tok.i)
        span_end = m[2] if m else tok.i + 1
        if any(c.i >= span_end and c.dep_ in ("amod", "nmod", "appos", "flat:name", "acl") for c in children(tok)):
            return False
        return any(c.dep_ == "det" and fold(c.text) in self.definite for c in children(tok))

    def _country_named_before(self, tok: Token) -> Actor | None:
        """"Au Chili ... le pays": a bare, singular, definite country noun is the country
        named last, in its sentence or the one before."""
        if "Plur" in morph(tok, "Number") or not any(
                c.dep_ == "det" and fold(c.text) in self.definite for c in children(tok)):
            return None
        if any(c.dep_ in ("amod", "nmod", "appos") and c.i > tok.i for c in children(tok)):
            return None      # "le pays hôte", "le pays du Cèdre": described, not bare
        named = self._named_before(tok, ("country", "capital"))
        if named is None or not named.country:
            return None
        name = self.dic.country_names.get(named.country, named.name)
        return Actor(named.text, name, named.country, named.role, named.code, named.start, named.end, named.kind)

    def _named_before(self, tok: Token, kinds: tuple[str, ...]) -> Actor | None:
        """The last actor of one of `kinds` mentioned before `tok`, in its sentence or the
        one before."""
        limit = self.sent_start[max(0, self.sent_start[tok.i] - 1)]
        for head_i, actor in reversed(self.mentions):
            if head_i >= tok.i or head_i < limit:
                continue
            if actor.kind in kinds:
                return actor
        return None

    def _office_holder(self, tok: Token, iso: str, start: int, end: int):
        """The holder at the article's date of the office a title phrase names: its words
        without determiners, the country's adjective or its "de" complement; none for
        "l'ancien président" and the like."""
        if any(c.pos_ == "PROPN" and c.i > tok.i and c.dep_ in ("appos", "flat:name", "nmod")
               and not any(g.dep_ == "case" for g in children(c)) for c in children(tok)):
            return None          # a name is given ("le président turc Erdogan"): it is that person
        if self._not_current(tok):
            return None          # "le président guinéen déchu": the participle is outside the phrase
        skip: set[int] = set()
        for c in children(tok):
            if c.dep_ == "nmod" and any(a.kind == "country" for a in self.actors(c)):
                skip |= {t.i for t in c.subtree}
        words = []
        for t in tok.doc.char_span(start, end, alignment_mode="expand") or []:
            if t.i in skip or t.pos_ == "PUNCT" or (t.pos_ == "DET" and t.i < tok.i):
                continue
            if fold(t.text) in self.not_current:
                return None
            if t.pos_ == "ADJ" and self.dic.demonym(t.text):
                continue
            words.append(t.text)
        return self.dic.office_holder(iso, " ".join(words), self.when) if words else None

    def _from_complement(self, tok: Token) -> list[Actor]:
        """"ses alliés parmi les groupes rebelles", "le mouvement islamiste Hamas": the actor
        of the complement or of the name in apposition."""
        cands = [c for c in children(tok) if c.dep_ in ("appos", "flat:name") and c.pos_ == "PROPN" and c.i > tok.i]
        cands += [c for c in children(tok) if c.dep_ in ("nmod", "amod") and c.i > tok.i]
        if tok.head.pos_ == "VERB":   # "a pressé ses alliés parmi les groupes" (parser attaches to verb)
            cands += [c for c in children(tok.head) if c.dep_.startswith("obl") and self._case(c) == "parmi"]
        for c in cands:
            if c.dep_ == "nmod" and self._case(c) not in self.of_preps and c.pos_ != "PROPN":
                continue
            if c.dep_ == "nmod" and c.pos_ == "PROPN" and self._case(c) and self._case(c) not in self.of_preps:
                continue
            found = self.actors(c) if c.pos_ in ("NOUN", "PROPN") else []
            if not found and c.pos_ in ("ADJ", "NOUN"):
                role = self.dic.role(c.lemma_) or self.dic.role(c.text)
                if role:
                    found = self._role_actor(c, role)
            if found:
                start, end = self._phrase(tok)
                return [Actor(self.text[start:end], a.name, a.country, a.role, a.code, start, end, a.kind)
                        for a in found]
        return []

    def _remember(self, tok: Token, actor: Actor) -> None:
        self.mentions.append((tok.i, actor))
        if actor.kind == "person":
            self.people.setdefault(fold(actor.name), actor)
            self.people.setdefault(fold(actor.name.split()[-1]), actor)
            if " " in actor.name:
                self.first_names.setdefault(fold(actor.name.split()[0]), actor)
        elif actor.role and not self._not_current(tok):
            plural = "Plur" in morph(tok, "Number")
            key = self._memory_key(tok)
            self.last_by_head[key] = actor
            self.last_plural[key] = plural
            self.last_pos[key] = tok.i
            m = self.matches.get(tok.i)
            if m and m[1] == tok.i:
                # "le ministre de l'Intérieur" is later "le ministre"; "le Premier ministre" is not
                self.last_by_head[fold(tok.lemma_)] = actor
                self.last_plural[fold(tok.lemma_)] = plural

    def _memory_key(self, tok: Token) -> str:
        """What a later bare mention must repeat to mean the same body: the head noun, or the
        whole title when the dictionary knows it as one ("le Premier ministre" is not "le
        ministre de l'Intérieur" named before)."""
        m = self.matches.get(tok.i)
        if m and m[0].category == "role" and m[2] - m[1] > 1:
            return fold(span_text(self.doc, m[1], m[2]))
        return fold(tok.lemma_)
