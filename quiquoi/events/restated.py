"""Events an article tells twice.

A wire story gives an act once in full ("X a été arrêté mardi par la police") and then comes
back to it without its doer ("Il est détenu", a lawyer says; "X est accusé de...", an analyst
says). The later mention is the same event seen again, not a second one: coded apart it would
count one arrest twice and carry no source. Such a sourceless restatement is dropped when an
earlier sentence of the article already coded an act of the same type, with a source, done
to the same actor.
"""
from __future__ import annotations

from quiquoi.model import Actor, Event


def same_actor(a: Actor, b: Actor) -> bool:
    """One actor under two mentions: the same canonical name, or, for groups and states
    (never persons), the same CAMEO code with a country ("41 diplomates russes" ... "les
    diplomates russes"; a bare role, "des femmes" CVL, says too little to be the same)."""
    if a.name == b.name and a.code == b.code:
        return True
    return (a.code is not None and a.code == b.code and a.country is not None
            and a.kind != "person" and b.kind != "person" and a.kind is not None and b.kind is not None)


def drop_restated(events: list[Event]) -> list[Event]:
    kept: list[Event] = []
    for e in events:
        if e.source is None and e.target is not None and any(
                p.source is not None and p.target is not None and p.sentence < e.sentence
                and p.type == e.type and p.negated == e.negated and same_actor(p.target, e.target)
                for p in kept):
            continue
        kept.append(e)
    return kept
