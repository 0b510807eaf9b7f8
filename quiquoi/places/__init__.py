"""Where: place names a sentence ties to its events, geocoded offline.

A name is a place when a locative preposition introduces it ("à Alep", "dans les environs
de Damas", "en Syrie"); the same name as a subject or object is an actor ("Moscou a
rejeté"). "La capitale autrichienne" is the capital of the country its adjective names.
Names are resolved by the gazetteer (gazetteer.py: GeoNames cities and pycountry data
shipped in packages) with the article's context: the countries it mentions and its dateline.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from quiquoi.actors.dictionary import ActorDictionary, fold
from quiquoi.lang import LanguageData

PLACE_ENTS = {"LOC", "GPE"}


@dataclass
class Place:
    text: str
    name: str
    start: int
    end: int
    token: Token
    geo: object | None = None      # GeoPlace once geocoded

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
    def __init__(self, data: LanguageData, dictionary: ActorDictionary):
        cfg = data.config
        self.preps = {fold(p) for p in cfg.get("place_prepositions", [])}
        self.capital_nouns = {fold(w) for w in cfg.get("capital_nouns", [])}
        self.relation_nouns = {fold(w) for w in cfg.get("place_relation_nouns", [])}
        self.genitive = {fold(w) for w in cfg.get("genitive_prepositions", [])}
        self.dic = dictionary

    def _case(self, tok: Token) -> str:
        words = [fold(c.text) for c in tok.children if c.dep_ in ("case", "fixed") and c.i < tok.i]
        return " ".join(words)

    def is_locative(self, tok: Token) -> bool:
        return self._locative(tok)

    def _locative(self, tok: Token) -> bool:
        case = self._case(tok)
        if case in self.preps or case.split(" ")[0] in self.preps:
            return True
        # "dans les environs de Damas", "au nord d'Alep": the phrase's head has the preposition
        if case in self.genitive and tok.head.pos_ == "NOUN" and fold(tok.head.lemma_) in self.relation_nouns:
            return self._case(tok.head).split(" ")[0] in self.preps if self._case(tok.head) else False
        return False

    def in_sentence(self, doc: Doc, sent, actors) -> list[Place]:
        found: list[Place] = []
        seen: set[int] = set()
        for ent in doc.ents:
            if ent.start < sent.start or ent.end > sent.end or ent.label_ not in PLACE_ENTS:
                continue
            root = ent.root
            if self._locative(root):
                found.append(Place(ent.text, ent.text, ent.start_char, ent.end_char, root))
                seen.update(range(ent.start, ent.end))
        for tok in doc[sent.start:sent.end]:
            if tok.i in seen or fold(tok.lemma_) not in self.capital_nouns or not self._locative(tok):
                continue
            for c in tok.children:
                iso = self.dic.demonym(c.text) if c.dep_ == "amod" else None
                if iso and iso in self.dic.capitals:
                    first = min([tok] + [d for d in tok.children if d.dep_ == "det"], key=lambda t: t.i)
                    start, end = first.idx, c.idx + len(c)
                    found.append(Place(doc.text[start:end], self.dic.capitals[iso], start, end, tok))
                    break
        return found
