"""Which way a time phrase points, from the tense of the clause it belongs to.

A bare weekday, day or month ("lundi", "le 21 juin", "en octobre") names a day before or
after publication, and its words do not say which: "Kerry a rencontré Lavrov lundi" is the
last Monday, "Kerry rencontrera Lavrov lundi" the next one. The resolver keeps both readings
(TimeExpr.ahead / .behind); the clause's tense, read from the parser's Universal
Dependencies morphology, picks one. A present tense keeps the resolver's news-style guess.
The morphology (Tense=Fut, Tense=Past, VerbForm=Part with a tense auxiliary) is
language-neutral; the verbs that make a periphrastic future ("aller", "devoir" + infinitive)
are language data (time.yaml future_auxiliaries).
"""
from __future__ import annotations

import dataclasses

from spacy.tokens import Doc, Token

from quiquoi.nlp import children, morph
from quiquoi.dates.resolver import TenseWords, TimeExpr, _norm

FUTURE, PAST = "future", "past"


def clause_verb(tok: Token) -> Token | None:
    """The verb whose tense dates `tok`: itself if it is one, a copular predicate's copula
    ("sont incertains samedi"), else the verb it hangs on. A phrase that hangs on a noun
    ("un appel à manifester, la manifestation de mercredi") has that noun's own time,
    which no tense tells: None."""
    for t in (tok, tok.head):
        if t.pos_ in ("VERB", "AUX"):
            return t
        cop = next((c for c in children(t) if c.dep_ == "cop"), None)
        if cop is not None:
            return cop
    return None


def clause_tense(tok: Token, words: TenseWords) -> str | None:
    """FUTURE, PAST or None (present, or nothing to tell) for the clause of `tok`."""
    verb = clause_verb(tok)
    if verb is None:
        return None
    auxes = [c for c in children(verb) if c.dep_.startswith("aux")]
    tenses = set(morph(verb, "Tense"))
    for a in auxes:
        tenses.update(morph(a, "Tense"))
    if "Fut" in tenses:                       # "rencontrera", "aura rencontré", "sera reçu"
        return FUTURE
    form = morph(verb, "VerbForm")
    if "Inf" in form:
        # "va rencontrer lundi", "doit se rendre jeudi": the governing verb's tense decides
        gov = next((a for a in auxes if _norm(a.lemma_) in words.future_auxiliaries), None)
        if gov is None and verb.dep_ == "xcomp" and _norm(verb.head.lemma_) in words.future_auxiliaries:
            gov = verb.head
        if gov is not None:
            gov_tense = morph(gov, "Tense")
            return FUTURE if ("Pres" in gov_tense or "Fut" in gov_tense) else None
        return None
    if "Part" in form and any(a.dep_ == "aux:tense" for a in auxes):
        return PAST                           # "a rencontré", "avait annoncé"
    if "Part" in form and auxes and _norm(verb.lemma_) in words.perfect_with_etre:
        return PAST                           # "est arrivé", "était revenu"
    if "Fin" in form and ("Past" in tenses or "Imp" in tenses):
        return PAST                           # "rencontra", "rencontrait"
    return None


def directed_value(expr: TimeExpr, tense: str | None) -> str | None:
    """The expression's value read in the direction the clause's tense gives."""
    if tense == FUTURE and expr.ahead:
        return expr.ahead
    if tense == PAST and expr.behind:
        return expr.behind
    return expr.value


def directed(exprs: list[TimeExpr], doc: Doc, words: TenseWords) -> list[TimeExpr]:
    """The expressions of a parsed text, each read the way its clause's tense points."""
    out = []
    for e in exprs:
        span = doc.char_span(e.start, e.end, alignment_mode="expand") if (e.ahead or e.behind) else None
        if span is not None:
            e = dataclasses.replace(e, value=directed_value(e, clause_tense(span.root, words)))
        out.append(e)
    return out
