"""Where: place names a sentence ties to its events, geocoded offline.

A name is a place when a locative preposition introduces it ("à Alep", "dans les environs
de Damas", "en Syrie"); the same name as a subject or object is an actor ("Moscou a
rejeté"). "La capitale autrichienne" is the capital of the country its adjective names.
Names are resolved by the gazetteer (gazetteer.py: GeoNames cities and pycountry data
shipped in packages) with the article's context: the countries it mentions and its dateline.
"""
from __future__ import annotations

import bisect

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from quiquoi.actors.dictionary import ActorDictionary, fold
from quiquoi.lang import LanguageData
from quiquoi.nlp import (children, ents_of, folded_lemmas_of, lowers_of, offsets_of, pos_of, remembered,
                         span_text, text_of, texts_of, tokens_of)

PLACE_ENTS = {"LOC", "GPE"}


@dataclass
class Place:
    text: str
    name: str
    start: int
    end: int
    token: Token
    geo: object | None = None      # GeoPlace once geocoded
    site: bool = False             # a site inside a town ("place de la Concorde")
    part: str | None = None        # a part of a country ("Est libyen"), named apart from it
    town: str | None = None        # the town a site is named after ("aéroport de Bagdad")

    def to_dict(self) -> dict:
        g = self.geo
        return {"text": self.text, "name": g.name if g else self.name, "country": g.country if g else None,
                "admin1": g.admin1 if g else None, "admin1_name": g.admin1_name if g else None,
                "lat": g.lat if g else None, "lon": g.lon if g else None,
                "feature": g.feature if g else None, "geonames_id": g.geonames_id if g else None,
                "start": self.start, "end": self.end}

    def attaches_to(self, trigger: Token) -> bool:
        """True when the place hangs (directly or through its phrase) under the trigger."""
        # a noun event's place may hang on its verb ("des frappes ont visé les rebelles à Alep")
        anchors = {trigger.i}
        if trigger.pos_ == "NOUN" and trigger.dep_ in ("nsubj", "obj", "nsubj:pass"):
            anchors.add(trigger.head.i)
        node = self.token
        for _ in range(12):
            if node.i in anchors:
                return True
            if node.head.i == node.i:
                return False
            node = node.head
        return False


class PlaceFinder:
    def __init__(self, data: LanguageData, dictionary: ActorDictionary, gazetteer=None):
        cfg = data.config
        extra = data.places
        self.preps = {fold(p) for p in cfg.get("place_prepositions", [])}
        self.capital_nouns = {fold(w) for w in cfg.get("capital_nouns", [])}
        self.relation_nouns = {fold(w) for w in cfg.get("place_relation_nouns", [])
                               + extra.get("relation_nouns", [])}
        self.genitive = {fold(w) for w in cfg.get("genitive_prepositions", [])}
        self.site_nouns = {w.lower() for w in extra.get("site_nouns", [])}
        self.town_sites = {w.lower() for w in extra.get("sites_named_after_their_town", [])}
        self.town_articles = {fold(w) for w in extra.get("town_name_articles", [])}
        self.site_exclusions = [fold(w).split() for w in extra.get("site_exclusions", [])]
        self.object_verbs = {fold(w) for w in extra.get("place_object_verbs", [])}
        self.object_nouns = {fold(w) for w in extra.get("place_object_nouns", [])}
        self.settlement_nouns = {fold(w) for w in extra.get("settlement_nouns", [])}
        self.object_noun_preps = {fold(w) for w in extra.get("place_object_noun_preps", [])}
        self.compass = {fold(w) for w in extra.get("compass_nouns", [])}
        # a cheap first test on the lower-cased word, before folding it
        self.compass_forms = self.compass | {w.lower() for w in extra.get("compass_nouns", [])}
        self.relation_preps = {fold(w) for w in extra.get("relation_prepositions", [])}
        self.part_nouns = {fold(w) for w in extra.get("part_nouns", [])}
        self.not_places = {fold(w) for w in extra.get("not_places", [])}
        self.origin_verbs = {fold(w) for w in extra.get("origin_verbs", [])}
        self.dic = dictionary
        self.gazetteer = gazetteer     # optional: names longer than the parser's entity

    def _case(self, tok: Token) -> str:
        # asked for every mention of an actor (is it a place after "à"?): remembered per Doc
        return remembered(tok, "quiquoi.place_case", lambda t: " ".join(
            fold(c.text) for c in children(t) if c.dep_ in ("case", "fixed") and c.i < t.i))

    def is_locative(self, tok: Token) -> bool:
        return self._locative(tok)

    def _locative(self, tok: Token, depth: int = 0) -> bool:
        case = self._case(tok)
        if case in self.preps or case.split(" ")[0] in self.preps:
            return True
        if case not in self.genitive:
            return False
        head = tok.head
        if head.pos_ == "NOUN":
            lemma = fold(head.lemma_)
            # "le nord de la Finlande", "une banlieue de La Haye": a part of a place
            if lemma in self.part_nouns:
                return True
            # "bombarder la ville de Homs": the town struck
            if lemma in self.settlement_nouns and self.struck(head):
                return True
            # "dans les environs de Damas", "au nord d'Alep": the phrase's head has the preposition
            if lemma in self.relation_nouns:
                head_case = self._case(head).split(" ")[0]
                # (or a place through a chain: "dans le secteur de l'aéroport de Riyadh")
                return head_case in self.preps or head_case in self.relation_preps \
                    or (depth < 3 and self._locative(head, depth + 1))
        # "venus de France", "rentré de Moscou": where someone comes from
        return head.pos_ == "VERB" and fold(head.lemma_) in self.origin_verbs

    def _not_a_place(self, doc: Doc, start: int, end: int, text: str) -> bool:
        """A name the model took for a place that the gazetteer does not know and that names
        people or an institution: a nationality ("les Français"), or a word of places.yaml
        not_places ("l'État", "le Château" for the Élysée, "au Parisien" the newspaper).
        (The name: tokens [start, end) of `doc`, whose text is `text`.)"""
        if self.gazetteer is None or self.gazetteer.candidates(text):
            return False
        head = doc[start:end].root.text
        return bool(self.dic.demonym(head)) or fold(head) in self.not_places

    def _extend(self, doc: Doc, start: int, end: int) -> int:
        """Where a place name really starts: "la bande de Gaza" when the parser's entity is
        "Gaza" and the gazetteer knows the longer name."""
        if self.gazetteer is None:
            return start
        best = start
        for first in range(start - 1, max(start - 4, -1), -1):
            tok = tokens_of(doc)[first]
            if tok.pos_ in ("PUNCT", "VERB", "AUX") or tok.is_sent_start and first != start - 1:
                break
            if tok.pos_ in ("NOUN", "PROPN") and self.gazetteer.candidates(span_text(doc, first, end)):
                best = first
        return best

    def _object_place(self, tok: Token, name: str) -> bool:
        """The direct object of a verb that acts on a place ("attaquer la bande de Gaza"), or
        the "sur"/"contre" complement of an attack noun, when the gazetteer knows the name
        (the parser's entities include institutions)."""
        return self.struck(tok) and (self.gazetteer is None or bool(self.gazetteer.candidates(name)))

    def struck(self, tok: Token) -> bool:
        """Whether the phrase is what a verb or noun of attack or movement acts on ("attaquer
        la bande de Gaza", "les bombardements russes sur Alep")."""
        head = tok.head
        return (tok.dep_ == "obj" and head.pos_ == "VERB" and fold(head.lemma_) in self.object_verbs) or (
            tok.dep_ == "nmod" and head.pos_ == "NOUN" and fold(head.lemma_) in self.object_nouns
            and self._case(tok) in self.object_noun_preps)

    def _sites(self, doc: Doc, sent, seen: set[int]) -> list[Place]:
        """Sites inside a town: a site noun followed by its proper name ("place de la
        Concorde", "Plaza Italia"), used bare or after a preposition, not "à la place de"."""
        out: list[Place] = []
        lower = lowers_of(doc)
        i = sent.start
        while i < sent.end:
            if i in seen or lower[i] not in self.site_nouns or i + 1 >= sent.end:
                i += 1
                continue
            tok = tokens_of(doc)[i]
            before = [fold(t.text) for t in tokens_of(doc)[max(sent.start, i - 3):i + 1]]
            if any(before[-len(x):] == x for x in self.site_exclusions if len(x) <= len(before)):
                i += 1
                continue
            prev = tokens_of(doc)[i - 1] if i > sent.start else None
            after_prep = prev is not None and (prev.pos_ == "ADP" or (
                prev.pos_ == "DET" and i - 2 >= sent.start and tokens_of(doc)[i - 2].pos_ == "ADP"))
            bare = prev is None or prev.pos_ not in ("DET", "ADP")
            if not (after_prep or bare or tok.text[:1].isupper()):
                i += 1
                continue
            # the name: capitalised words, with the "de la"/"des"/"d'" between them
            j, end = i + 1, None
            while j < sent.end:
                t = tokens_of(doc)[j]
                if t.text[:1].isupper() and t.pos_ in ("PROPN", "NOUN", "ADJ", "X"):
                    end = j + 1
                elif fold(t.text) in self.genitive or t.pos_ == "DET" or t.text in ("-", "‐"):
                    if end is None and j > i + 3:
                        break
                else:
                    break
                j += 1
            if end is None:
                i += 1
                continue
            start_char, end_char = tok.idx, tokens_of(doc)[end - 1].idx + len(tokens_of(doc)[end - 1])
            place = Place(text_of(doc)[start_char:end_char], text_of(doc)[start_char:end_char],
                          start_char, end_char, tok, site=True)
            if tok.text.lower() in self.town_sites:      # "l'aéroport de Bagdad" is at Bagdad
                place.town = doc[i + 1:end].text.split("'", 1)[-1].split("’", 1)[-1]
                words = place.town.split()
                if words and fold(words[0]) in self.genitive | self.town_articles:
                    place.town = " ".join(words[1:])
            out.append(place)
            seen.update(range(i, end))
            i = end
        return out

    def _compass(self, doc: Doc, sent, seen: set[int]) -> list[Place]:
        """"l'Est libyen": a part of the country its adjective names."""
        out: list[Place] = []
        lower = lowers_of(doc)
        for i in range(sent.start + 1, sent.end - 1):
            # read on the words, not the tree: the parser often hangs the adjective elsewhere;
            # a determiner before keeps out the verb ("il est libyen")
            if lower[i] not in self.compass_forms or i in seen:
                continue
            tok = tokens_of(doc)[i]
            if fold(tok.text) not in self.compass:
                continue
            prev, nxt = tokens_of(doc)[tok.i - 1], tokens_of(doc)[tok.i + 1]
            if prev.pos_ != "DET":
                continue
            iso = self.dic.demonym(nxt.text)
            if iso:
                start, end = prev.idx, nxt.idx + len(nxt)
                out.append(Place(text_of(doc)[start:end], iso, start, end, tok, part=f"{tok.text} {nxt.text}"))
                seen.update(range(prev.i, nxt.i + 1))
        return out

    def geocode(self, place: Place, context: dict, state: dict) -> None:
        """Resolve a place with the gazetteer; a site, or a locative name the gazetteer
        does not know ("aux Halles"), takes the coordinates of the town the article is in:
        the last town it placed something in, else its dateline's, else its country's
        capital when it speaks of "la capitale". `state` carries that town across sentences."""
        gz = self.gazetteer
        if gz is None:
            return
        iso = place.name if len(place.name) == 3 and place.name.isupper() else None
        geo = gz.country_of(iso) if iso else gz.resolve(place.name, context)
        if geo is None and place.site:
            town = None
            if place.town:
                town = gz.resolve(place.town, context)
                town = town if town is not None and town.feature == "city" else None
            # a seat of power named as a site ("place Beauvau", "au Quai d'Orsay"): its capital
            entry = self.dic.lookup("metonym", place.text) if town is None else None
            seat = entry.country if entry is not None else None
            if seat and seat in self.dic.capitals:
                town = gz.resolve(self.dic.capitals[seat], {"countries": {seat: 1}})
            town = town or state.get("town")
            if town is not None:
                from dataclasses import replace
                place.geo = replace(town, text=place.text, name=f"{place.text}, {town.name}",
                                    feature="site", geonames_id=None, population=None)
            return
        if geo is not None:
            if geo.feature == "city":
                state["town"] = geo
            if place.part:     # the country's coordinates, under the part's own name
                from dataclasses import replace
                geo = replace(geo, text=place.text, name=f"{place.part}, {geo.name}", feature="region")
            place.geo = geo

    def article_state(self, doc: Doc, dateline_geo, focus_country: str | None) -> dict:
        """The town an article's sites lie in before any town is named in its sentences."""
        state: dict = {}
        if dateline_geo is not None and dateline_geo.feature == "city":
            state["town"] = dateline_geo
        elif focus_country and self.gazetteer is not None and focus_country in self.dic.capitals:
            # "La capitale a connu trois soirées de tensions": the story is in the capital
            lemmas = folded_lemmas_of(doc)
            for tok in (tokens_of(doc)[i] for i in range(len(doc)) if lemmas[i] in self.capital_nouns):
                if not any(
                        c.dep_ == "amod" and self.dic.demonym(c.text) for c in children(tok)) and not any(
                        fold(c.text) in self.genitive for c in children(tok) if c.dep_ == "case"):
                    state["town"] = self.gazetteer.resolve(self.dic.capitals[focus_country],
                                                           {"countries": {focus_country: 1}})
                    break
        return state

    @staticmethod
    def _place_ents(doc: Doc, sent) -> list:
        """The place entities inside the sentence (the Doc's are sorted once per Doc, so
        that each sentence does not walk all of them)."""
        found = doc.user_data.get("quiquoi.place_ents")
        if found is None:
            found = [(e.start, e.end, e) for e in ents_of(doc) if e.label_ in PLACE_ENTS]
            doc.user_data["quiquoi.place_ents"] = found
        lo = bisect.bisect_left(found, (sent.start,))
        out = []
        for start, end, ent in found[lo:]:
            if start >= sent.end:
                break
            if end <= sent.end:
                out.append(ent)
        return out

    def in_sentence(self, doc: Doc, sent, actors) -> list[Place]:
        found: list[Place] = []
        seen: set[int] = set()
        for ent in self._place_ents(doc, sent):
            start = max(sent.start, self._extend(doc, ent.start, ent.end))
            if start < ent.start:     # the longer name's head noun carries the syntax
                root = tokens_of(doc)[start]
            else:
                start, root = ent.start, tokens_of(doc)[ent.root.i]
            if root.text.lower() in self.site_nouns:
                continue              # "la place de la Concorde": a site, found below
            # (the name as token indices [s, e), its text sliced from the Doc's: a Span's text
            # costs a few µs)
            s, e = start, ent.end
            if self._locative(root) or self._object_place(root, span_text(doc, s, e)):
                # the model's entity may take in the preposition before the name ("de Belgique")
                # or a dash after it
                pos = pos_of(doc)
                while e - s > 1 and pos[s] == "ADP" and s != root.i:
                    s += 1
                while e - s > 1 and pos[e - 1] == "PUNCT" and e - 1 != root.i:
                    e -= 1
                text = span_text(doc, s, e)
                if self._not_a_place(doc, s, e, text):
                    continue
                start_char = offsets_of(doc)[s]
                end_char = offsets_of(doc)[e - 1] + len(texts_of(doc)[e - 1])
                found.append(Place(text, text, start_char, end_char, root))
                seen.update(range(s, e))
        found += self._sites(doc, sent, seen)
        found += self._compass(doc, sent, seen)
        lemmas = folded_lemmas_of(doc)
        for i in range(sent.start, sent.end):
            if i in seen or lemmas[i] not in self.capital_nouns:
                continue
            tok = tokens_of(doc)[i]
            if not self._locative(tok):
                continue
            for c in children(tok):
                iso = self.dic.demonym(c.text) if c.dep_ == "amod" else None
                if iso and iso in self.dic.capitals:
                    first = min([tok] + [d for d in children(tok) if d.dep_ == "det"], key=lambda t: t.i)
                    start, end = first.idx, c.idx + len(c)
                    found.append(Place(text_of(doc)[start:end], self.dic.capitals[iso], start, end, tok))
                    break
        return found
