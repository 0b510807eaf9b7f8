"""The coder: articles in, sourced events, quotes and actors out.

Stages, each its own package: ingest (readers) -> language (identification) -> nlp (parse)
-> actors (who) -> events and quotes (what) -> dates and places (when, where).
"""
from __future__ import annotations

import gc
import traceback
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Iterable, Iterator

from spacy.tokens import Doc

from quiquoi.actors.dictionary import ActorDictionary, fold
from quiquoi.actors.resolver import ArticleActors
from quiquoi.dates import TimeResolver
from quiquoi.dates.tense import clause_tense, directed_value
from quiquoi.events.extractor import DOMESTIC_TARGET_ROLES, EventExtractor, RawEvent, localise
from quiquoi.events.lexicon import EventLexicon
from quiquoi.events.modality import Modality
from quiquoi.events.restated import drop_restated
from quiquoi.ingest.readers import BadInput, InputArticle, check_text, parse_date
from quiquoi.lang import load_language
from quiquoi.language import identify
from quiquoi.model import Actor, ArticleRecord, Event, Quote, Span
from quiquoi.nlp import (Sentence, children, forget, load_pipeline, offsets_of, parse_many, sentences,
                         tokens_of)
from quiquoi.places import PlaceFinder
from quiquoi.places.dateline import parse_dateline
from quiquoi.places.gazetteer import Gazetteer
from quiquoi.quotes import QuoteExtractor


@dataclass
class CodingError:
    """An input that could not be coded, with the reason, for the caller to report."""
    origin: str
    reason: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


class Coder:
    """Codes articles of one language. Loads the spaCy model and the language data once."""

    def __init__(self, lang: str = "fr", batch_size: int = 32, check_language: bool = True):
        self.lang = lang
        self.data = load_language(lang)
        self.nlp = load_pipeline(lang)
        self.batch_size = batch_size
        self.check_language = check_language
        self.dictionary = ActorDictionary(self.data, self.nlp.tokenizer)
        self.extractor = EventExtractor(EventLexicon.from_language(self.data), Modality(self.data.modality, self.data.config),
                                        self.data.config)
        # speech verbs tell who announces an agentless act ("a été destitué, a annoncé X")
        self.extractor.speech_verbs = {fold(v.split(" ", 1)[-1].split("'", 1)[-1])
                                       for v in self.data._yaml("speech.yaml").get("verbs") or []}
        self.extractor.mod.speech_verbs = self.extractor.speech_verbs    # (a future told in the past)
        self.times = TimeResolver.from_language(lang)
        self.quotes = QuoteExtractor.from_language(lang)
        self.gazetteer = Gazetteer.load(lang)
        self.places = PlaceFinder(self.data, self.dictionary, self.gazetteer)
        # event types whose object, when it is a place, is a target standing for its country
        self.place_target_types = set(self.data.config.get("place_target_types", []))
        # a sourceless act told again after its full report is the same event (events/restated.py)
        self.drop_restated = bool(self.data.config.get("drop_restated_events", True))
        self.physical_act_types = set(self.data.config.get("physical_act_types", []))
        self.threat_place_types = set(self.data.config.get("threat_place_types", []))
        self.projectile_nouns = {fold(w) for w in self.data.config.get("projectile_nouns") or []}
        self.min_confidence = float(self.data.config.get("min_language_confidence", 0.5))
        self.own_words = frozenset(w.lower() for w in self.data.config.get("language_own_words") or [])
        self.own_min = int(self.data.config.get("language_own_min", 3))
        # The model, vocabulary and lexicons live as long as the process. Coding makes many
        # short-lived objects, so the collector runs often, and each older-generation pass
        # would walk the ~0.5 M objects loaded above: freeze them out of its way.
        gc.collect()
        gc.freeze()

    # -- public API -------------------------------------------------------------------
    def code(self, text: str, published: date | str | None = None, id: str = "article", **meta) -> ArticleRecord:
        """Code one article. Raises ValueError if it cannot be coded (empty, other language...)."""
        art = InputArticle(id=id, text=text, published=parse_date(published), origin=id,
                           title=meta.get("title"), url=meta.get("url"), source=meta.get("source"),
                           language=meta.get("language"))
        for result in self.code_many([art]):
            if isinstance(result, CodingError):
                raise ValueError(str(result))
            return result
        raise AssertionError("unreachable")

    def code_many(self, items: Iterable[InputArticle | BadInput]) -> Iterator[ArticleRecord | CodingError]:
        """Code a stream of articles; bad ones come out as CodingError in their place."""
        pending: list[InputArticle] = []

        def accepted() -> Iterator[InputArticle | CodingError]:
            for item in items:
                if isinstance(item, BadInput):
                    yield CodingError(item.origin, item.reason)
                    continue
                reason = self.refusal(item)
                if reason:
                    yield CodingError(item.origin or item.id, reason)
                else:
                    yield item

        # keep input order: errors wait for the articles parsed before them
        def texts() -> Iterator[str]:
            for item in stream:
                queue.append(item)
                if not isinstance(item, CodingError):
                    pending.append(item)
                    yield item.text

        stream = accepted()
        queue: list[InputArticle | CodingError] = []
        for doc in parse_many(self.nlp, texts(), batch_size=self.batch_size):
            art = pending.pop(0)
            while queue and queue[0] is not art:
                yield queue.pop(0)
            queue.pop(0)
            try:
                yield self.code_doc(doc, art)
            except Exception as exc:   # noqa: BLE001
                # a fault of quiquoi's on one odd article must not end a run of a million:
                # the article is reported like a bad input, with what went wrong
                where = traceback.extract_tb(exc.__traceback__)[-1]
                yield CodingError(art.origin or art.id,
                                  f"internal error while coding ({type(exc).__name__}: {exc}, "
                                  f"at {Path(where.filename).name}:{where.lineno}); please report it")
        yield from queue

    def refusal(self, art: InputArticle) -> str | None:
        """Why an article cannot be coded by this coder, or None."""
        reason = check_text(art)
        if reason:
            return reason
        if art.language and art.language.split("-")[0].lower() != self.lang:
            return f"declared language {art.language!r}, this coder reads {self.lang!r}"
        if self.check_language:
            found, prob = identify(art.text, expected=self.lang, own_words=self.own_words, own_min=self.own_min)
            if found != self.lang and prob >= self.min_confidence:
                return f"not {self.data.config.get('name', self.lang)}: the text looks {found} (p={prob:.2f})"
        return None

    # -- one parsed article -----------------------------------------------------------
    def code_doc(self, doc: Doc, art: InputArticle) -> ArticleRecord:
        try:
            return self._code_doc(doc, art)
        finally:
            forget(doc)      # the stages' memos hold the Doc in reference cycles: end them

    def _code_doc(self, doc: Doc, art: InputArticle) -> ArticleRecord:
        doc.user_data["quiquoi.text"] = art.text     # the Doc is built on this exact text
        sents = sentences(doc)
        # "BEYROUTH, 3 mai (AFP) -": the place of filing, and a date when the input has none
        dateline = parse_dateline(art.text, self.gazetteer, art.published, self.lang)
        if art.published is None and dateline is not None and dateline.date is not None:
            art.published = dateline.date
        actors = ArticleActors(doc, self.dictionary, self.data.config, art.published, art.text)
        times = self.times.find(art.text, art.published)
        record = ArticleRecord(id=art.id, language=self.lang,
                               published=art.published.isoformat() if art.published else None,
                               title=art.title, url=art.url, source=art.source)
        geo_context = self._geo_context(actors, dateline)
        if dateline is not None:
            record.dateline = {"place": dateline.place, "country": dateline.country, "agency": dateline.agency,
                               "date": dateline.date.isoformat() if dateline.date else None,
                               "start": dateline.start, "end": dateline.end,
                               "geo": dateline.geo.as_dict() if dateline.geo else None}
        dateline_place = None
        if dateline is not None and dateline.geo is not None:
            dateline_place = {**dateline.geo.as_dict(), "text": dateline.place,
                              "start": dateline.start, "end": dateline.start + len(dateline.place)}
            dateline_place.pop("population", None)
        summary: dict[tuple, dict] = {}
        # the town the article's sites ("place de la Concorde") lie in, until one is named
        site_state = self.places.article_state(doc, dateline.geo if dateline else None,
                                               actors.focus_country())
        raw_quotes = self.quotes.extract(doc, art.text)
        record.quotes = [self._quote(q, doc, sents, actors) for q in raw_quotes]
        # a speech verb in an incise ("a mis en garde le responsable américain") has its
        # speaker after it, where the parser sees an object: the quote knows better
        speakers = {q.verb_start: rec.speaker for q, rec in zip(raw_quotes, record.quotes)
                    if q.verb_start is not None and rec.speaker is not None}
        # the words inside quotation marks (a reported clause without them is no quotation)
        actors.quoted_spans = [(q.start, q.end) for q in record.quotes if q.kind != "indirect"]
        actors.quote_speakers = [(q.start, q.end, q.speaker) for q in record.quotes
                                 if q.speaker is not None and q.speaker.kind != "unresolved"]
        for s in sents:
            raw = self.extractor.extract(doc[s.start:s.end], actors)
            places = self.places.in_sentence(doc, s, actors)
            for p in places:
                self.places.geocode(p, geo_context, site_state)
                d = p.to_dict()
                key = (d["name"], d["country"])
                if key in summary:
                    summary[key]["mentions"] += 1
                else:
                    summary[key] = {**d, "mentions": 1}
            for ev in raw:
                if ev.target is None and ev.predicate.plover_type in self.place_target_types:
                    ev.target = self._place_target(ev, places)
                if ev.target is None and ev.predicate.plover_type in self.threat_place_types:
                    ev.target = self._threatened_state(ev, places)
                if ev.target is not None and ev.predicate.plover_type in self.place_target_types:
                    ev.target = self._victims_where_struck(ev, places, actors)
                speaker = speakers.get(ev.trigger.idx)
                if speaker is not None and ev.predicate.plover_type in self.physical_act_types:
                    continue      # '« ... », a jugé M. X': a verb introducing a quote is speech, not an act
                if speaker is not None:
                    if ev.target is not None and ev.target.name == speaker.name:
                        ev.target = None
                    ev.source = localise(speaker, actors.focus_country())
                record.events.append(self._event(ev, s, times, places, art, dateline_place))
        if self.drop_restated:
            record.events = drop_restated(record.events)
        record.places = list(summary.values())
        record.actors = [a for a in actors.all_actors(skip=self.places.is_locative)]
        return record

    def _place_target(self, ev: RawEvent, places) -> Actor | None:
        """"Israël a attaqué la bande de Gaza": a place that is the very object of an attack
        stands for its country (CAMEO codes the target by country, with no role)."""
        trig, slots = ev.trigger, {fold(x) for x in ev.predicate.target} or {"obj"}
        objects = [c for c in children(trig)
                   if (c.dep_ in ("obj", "nsubj:pass") and "obj" in slots and c.i > trig.i)
                   or (c.dep_.startswith(("obl", "nmod")) and self.extractor._case(c) in slots)]
        # "bombarder la ville de Homs": the town named after its noun
        objects += [n for o in objects if fold(o.lemma_) in self.places.settlement_nouns
                    for n in children(o) if n.dep_ == "nmod" and n.i > o.i]
        found = _state_of_place(objects, places)
        if found is None and trig.pos_ == "NOUN" and trig.dep_ in ("nsubj", "nsubj:pass") \
                and ev.source is not None and ev.source.country:
            # "des troupes supplémentaires vont participer aux combats à Rafah": the foreign
            # place where the force sent goes
            verbs = [trig.head, *(c for c in children(trig.head) if c.dep_ == "xcomp")]   # "vont entrer"
            found = _state_of_place(_clause_places(verbs), places, foreign_to=ev.source.country)
        if found is None and trig.dep_ == "acl" and ev.source is not None \
                and (fold(trig.head.lemma_) in self.projectile_nouns
                     or fold(trig.head.text) in self.projectile_nouns):   # (the model: obus -> "obu")
            # "un missile tiré par les rebelles", intercepted or fallen "dans le secteur de
            # l'aéroport de Riyadh": where the fired thing went is the foreign state struck
            found = _state_of_place(_clause_places([trig.head.head]), places, foreign_to=ev.source.country)
        return found

    def _victims_where_struck(self, ev: RawEvent, places, actors: ArticleActors) -> Actor:
        """"Les frappes américaines contre Raqqa ont tué des civils": civilians (rebels, an
        opposition) the text gives no country were given the attacker's, as a state's acts on
        such groups are mostly on its own; a strike on a place of another country hits that
        country's."""
        tgt, src = ev.target, ev.source
        if src is None or tgt.country != src.country or tgt.role not in DOMESTIC_TARGET_ROLES \
                or any(actors.dic.demonym(w) for w in tgt.text.split()):
            return tgt
        where = _state_of_place(list(ev.trigger.subtree), places, foreign_to=src.country)
        if where is not None:
            country = where.country
        else:
            # "a bombardé Raqqa, tuant des civils": the one foreign country the sentence's places lie in
            states = {p.geo.country for p in places if p.geo is not None and p.geo.country and not p.site}
            if len(states) != 1 or src.country in states:
                return tgt
            country = states.pop()
        return Actor(tgt.text, tgt.name, country, tgt.role, country + tgt.role, tgt.start, tgt.end, tgt.kind)

    def _threatened_state(self, ev: RawEvent, places) -> Actor | None:
        """The state of the foreign place that the act a threat governs would strike
        ("menacer de frapper Idleb", "menacer de lancer une offensive à Idleb")."""
        governed = [c for c in children(ev.trigger) if c.pos_ == "VERB" and c.i > ev.trigger.i
                    and c.dep_ in ("xcomp", "obl:arg", "ccomp", "advcl")]
        spots = [o for v in governed for o in children(v) if o.dep_ in ("obj", "obl:arg", "obl:mod", "obl")]
        spots += [n for o in spots for n in children(o) if n.dep_ == "nmod"]
        return _state_of_place(spots, places, role="GOV", foreign_to=ev.source.country if ev.source else None)

    def _geo_context(self, actors: ArticleActors, dateline) -> dict:
        # a capital read as a place ("à Vienne") must not vote for its own country
        counts = actors.country_counts(skip=lambda tok, a: a.kind == "capital" and self.places.is_locative(tok))
        return {"countries": counts, "dateline_country": dateline.country if dateline else None,
                "domestic": self.data.config.get("domestic_country")}

    def _event(self, ev: RawEvent, s: Sentence, times, places, art: InputArticle, dateline_place) -> Event:
        trig_start = ev.trigger.idx
        trig_end = ev.trigger_end.idx + len(ev.trigger_end)
        when = self._time_of(ev.trigger, [t for t in times if s.start_char <= t.start < s.end_char])
        if when is not None and when.value:
            date_, precision, date_text = when.value, when.precision, when.text
            if when.ahead or when.behind:     # "lundi": the last one or the next, by the verb's tense
                date_ = directed_value(when, clause_tense(ev.trigger, self.times.tense_words))
        else:
            date_ = art.published.isoformat() if art.published else None
            precision, date_text = ("reported" if date_ else None), None
        own = [p.to_dict() for p in places if p.attaches_to(ev.trigger)]
        main = next((p for p in own if p["country"]), None) or dateline_place
        return Event(
            sentence=s.index, paragraph=s.paragraph, text=s.text,
            type=ev.predicate.plover_type, mode=ev.predicate.plover_mode,
            cameo=ev.predicate.cameo, goldstein=ev.predicate.goldstein,
            source=ev.source, target=ev.target,
            trigger=Span(art.text[trig_start:trig_end], trig_start, trig_end),
            negated=ev.negated, modality=ev.modality,
            date=date_, date_precision=precision, date_text=date_text, places=own, place=main,
        )

    @staticmethod
    def _time_of(trigger, exprs):
        """The time phrase that belongs to the trigger's own clause: from the phrase's
        words, climbing the tree, the trigger is reached before any other verb."""
        doc = trigger.doc
        for expr in exprs:
            span = doc.char_span(expr.start, expr.end, alignment_mode="expand")
            if span is None:
                continue
            node = tokens_of(doc)[span.root.i]
            for _ in range(10):
                if node.i == trigger.i:
                    return expr
                if node.head.i == node.i or (node.i not in range(span.start, span.end)
                                          and node.pos_ in ("VERB", "AUX") and node.i != trigger.i):
                    break
                node = node.head
        return None

    def _quote(self, q, doc: Doc, sents: list[Sentence], actors: ArticleActors) -> Quote:
        sentence = next((s.index for s in sents if s.start_char <= q.start < s.end_char + 2), q.sentence)
        speaker = None
        if q.speaker_is_pronoun and getattr(q, "antecedent_start", None) is not None:
            speaker = self._actor_at(doc, actors, q.antecedent_start, q.antecedent_end)
        elif q.speaker_start is not None:
            speaker = self._actor_at(doc, actors, q.speaker_start, q.speaker_end, q.speaker_head)
        about = []
        seen = set()
        offsets = offsets_of(doc)
        for tok_i, actor in actors.mentions:
            if q.start <= offsets[tok_i] < q.end and actor.key() not in seen:
                seen.add(actor.key())
                about.append(actor)
        return Quote(text=q.text, start=q.start, end=q.end, sentence=sentence, kind=q.kind,
                     speaker=speaker, verb=q.verb, source_channel=q.source_channel, about=about)

    @staticmethod
    def _actor_at(doc: Doc, actors: ArticleActors, start: int, end: int, head: int | None = None) -> Actor | None:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return None
        toks = tokens_of(doc)
        candidates = ([toks[head]] if head is not None else []) + [toks[span.root.i]] + toks[span.start:span.end]
        for tok in candidates:
            found = actors.pronoun(tok) if tok.pos_ == "PRON" else actors.actors(tok)
            if found:
                a = found[0]
                return Actor(span.text, a.name, a.country, a.role, a.code, span.start_char, span.end_char, a.kind)
        if span.root.pos_ in ("NOUN", "PROPN"):
            # a speaker the dictionaries do not know ("une source à la présidence française"):
            # keep the words, and a country if the phrase names one
            isos = [iso for t in span for iso in [actors.dic.demonym(t.text)] if iso]
            name = " ".join(t.text for t in span if t.pos_ not in ("DET", "PUNCT")).strip()
            return Actor(span.text, name or span.text, isos[0] if isos else None, None,
                         isos[0] if isos else None, span.start_char, span.end_char, "unresolved")
        return None


def _clause_places(verbs) -> list:
    """The obliques of these verbs and their "de" complements two deep, where a place of the
    clause is named ("dans le secteur de l'aéroport de Riyadh")."""
    spots = [c for v in verbs for c in children(v) if c.dep_.startswith("obl")]
    for _depth in range(2):
        spots += [n for o in spots for n in children(o) if n.dep_ == "nmod" and n not in spots]
    return spots


def _state_of_place(tokens, places, role: str | None = None, foreign_to: str | None = None) -> Actor | None:
    """The country of the first geocoded place (not a site) one of `tokens` falls in, as an
    actor with `role`; a place of the country `foreign_to` does not count."""
    for c in tokens:
        for p in places:
            country = p.geo.country if p.geo is not None else None
            if country and country != foreign_to and p.start <= c.idx < p.end and not p.site:
                return Actor(p.text, p.geo.name, country, role, country + (role or ""), p.start, p.end, "metonym")
    return None
