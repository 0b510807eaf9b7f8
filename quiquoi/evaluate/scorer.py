"""Precision, recall and F1 of coded articles against gold files."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from quiquoi.actors.dictionary import fold
from quiquoi.evaluate.gold import GoldActor, GoldArticle, GoldEvent
from quiquoi.model import Actor, ArticleRecord, Event

# roles a gold file may use for the same kind of actor (the seed: "a REB/OPP pair is
# interchangeable for the Syrian armed opposition"; PETRARCH's UAF is an armed group too)
# Protesters: OPP in the Phoenix/PETRARCH agents, CVL for many human annotators.
EQUIVALENT_ROLES = [{"REB", "OPP", "UAF", "INS", "IMG"}, {"OPP", "CVL"}]
DONE = {"asserted", "reported"}



NEAR_KM = 25   # a city counts as right within this distance of the gold coordinates


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in kilometres between two (lat, lon) points."""
    import math
    p1, p2 = math.radians(a[0]), math.radians(b[0])
    d = math.radians(b[1] - a[1])
    c = math.sin(p1) * math.sin(p2) + math.cos(p1) * math.cos(p2) * math.cos(d)
    return 6371.0 * math.acos(max(-1.0, min(1.0, c)))

def roles_match(gold: str | None, pred: str | None) -> bool:
    if gold is None:
        return True
    if gold == pred:
        return True
    return any(gold in s and pred in s for s in EQUIVALENT_ROLES)


def actor_matches(gold: GoldActor | None, pred: Actor | None) -> bool:
    if gold is None:
        return True
    if pred is None:
        # an actor the gold leaves unnamed ("ont été arrêtés", a protest against the
        # government it does not name) is implied, not written: not coding it is no error
        return not gold.name
    
    if gold.country is None and gold.role is None:
        return bool(gold.name) and fold(gold.name) in fold(pred.text + " " + pred.name)
    if gold.country is not None and gold.country != pred.country:
        return False
    return roles_match(gold.role, pred.role)


def _forbidden_actor(gold: GoldActor | None, pred: Actor | None) -> bool:
    """A forbidden rule's actor: an event whose actor was not coded is not that actor
    (for a gold event, a missing implied actor is no error; here it is no hit either)."""
    if gold is not None and pred is None:
        return False
    return actor_matches(gold, pred)


def event_matches_lenient(g: GoldEvent, p: Event) -> bool:
    """Type and source right, target not checked: what an analyst asking "who did what"
    still gets from an event whose target was missed."""
    return g.sentence in (p.sentence, p.paragraph) and g.type == p.type and actor_matches(g.source, p.source)


def event_matches(g: GoldEvent, p: Event) -> bool:
    return (g.sentence in (p.sentence, p.paragraph) and g.type == p.type
            and actor_matches(g.source, p.source) and actor_matches(g.target, p.target))


_COORDINATION = re.compile(r"\bet\b|,")


def covered_by_coordination(g: GoldEvent, p: Event) -> bool:
    """A gold event written with coordinated actors ("Leopoldo Lopez et Antonio Ledezma")
    is one event per actor in the coder's contract: each further one that matches it and
    names one of those actors is no extra (nor a second hit)."""
    if not event_matches(g, p):
        return False
    for want, got in ((g.source, p.source), (g.target, p.target)):
        if want is not None and want.name and got is not None and _COORDINATION.search(want.name):
            last = fold(got.name).split()[-1:] or [""]
            if last[0] and last[0] in fold(want.name).split():
                return True
    return False


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: "Counts") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def as_dict(self) -> dict[str, Any]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 3),
                "recall": round(self.recall, 3), "f1": round(self.f1, 3)}


@dataclass
class ArticleScore:
    name: str
    events: Counts = field(default_factory=Counts)
    lenient: Counts = field(default_factory=Counts)
    by_level: dict[str, Counts] = field(default_factory=dict)
    quotes: Counts = field(default_factory=Counts)
    speakers_right: int = 0
    speakers_total: int = 0
    dates_right: int = 0
    dates_total: int = 0
    places_total: int = 0
    places_found: int = 0
    places_right: int = 0
    places_geo_total: int = 0       # gold cities with coordinates, found
    places_geo_near: int = 0        # ... resolved within NEAR_KM of them
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)
    forbidden_hits: list[str] = field(default_factory=list)


def describe(e: Event) -> str:
    def a(x: Actor | None) -> str:
        return f"{x.name} [{x.code}]" if x else "-"
    flags = ("negated " if e.negated else "") + (e.modality if e.modality != "asserted" else "")
    return f"s{e.sentence}/p{e.paragraph} {e.type} {e.cameo} {a(e.source)} -> {a(e.target)} «{e.trigger.text}» {flags}".strip()


def describe_gold(g: GoldEvent) -> str:
    def a(x: GoldActor | None) -> str:
        return f"{x.name or ''} [{' '.join(v for v in (x.country, x.role) if v)}]" if x else "-"
    return f"s{g.sentence} {g.level} {g.type} {a(g.source)} -> {a(g.target)}"


def _norm_text(s: str) -> str:
    return re.sub(r"\s+", " ", fold(s).replace("«", "").replace("»", "").replace('"', "")).strip()


def best_matching(golds: list, preds: list, matches) -> dict[int, int]:
    """A maximum one-to-one matching {gold index: prediction index} (augmenting paths).
    Golds are taken in order and a matched gold stays matched, so earlier ones (the
    must-level) are never given up for later ones."""
    options = [[pi for pi, p in enumerate(preds) if matches(g, p)] for g in golds]
    owner: dict[int, int] = {}          # prediction -> gold

    def augment(gi: int, seen: set[int]) -> bool:
        for pi in options[gi]:
            if pi in seen:
                continue
            seen.add(pi)
            if pi not in owner or augment(owner[pi], seen):
                owner[pi] = gi
                return True
        return False

    for gi in range(len(golds)):
        augment(gi, set())
    return {gi: pi for pi, gi in owner.items()}


def score_article(gold: GoldArticle, rec: ArticleRecord, found_dates: dict[str, str]) -> ArticleScore:
    sc = ArticleScore(gold.path.name)
    # events: the largest one-to-one matching (a greedy one can spend a prediction on the
    # wrong gold event and count a right one as extra), must-level gold served first
    golds = sorted(gold.events, key=lambda g: g.level != "must")
    pairs = best_matching(golds, rec.events, event_matches)
    matched = set(pairs.values())
    for gi, g in enumerate(golds):
        lvl = sc.by_level.setdefault(g.level, Counts())
        if gi in pairs:
            sc.events.tp += 1
            lvl.tp += 1
        else:
            sc.events.fn += 1
            lvl.fn += 1
            sc.misses.append(describe_gold(g))
    remaining = [p for pi, p in enumerate(rec.events) if pi not in matched
                 and not any(covered_by_coordination(golds[gi], p) for gi in pairs)]
    sc.events.fp = len(remaining)
    lenient = best_matching(golds, rec.events, event_matches_lenient)
    sc.lenient.tp = len(lenient)
    sc.lenient.fn = len(golds) - len(lenient)
    sc.lenient.fp = len(rec.events) - len(lenient)
    sc.extras = [describe(p) for p in remaining]
    for rule in gold.forbidden_events:
        allowed = set(rule.get("allow_modality") or [])
        for p in rec.events:
            if rule.get("type") and p.type != rule["type"]:
                continue
            src_ok = any(_forbidden_actor(GoldActor.parse(s), p.source) for s in _as_list(rule.get("source")))
            tgt_ok = any(_forbidden_actor(GoldActor.parse(t), p.target) for t in _as_list(rule.get("target")))
            if src_ok and tgt_ok and not (p.negated and "negated" in allowed) and p.modality not in allowed:
                sc.forbidden_hits.append(f"{rule.get('why', rule)}: {describe(p)}")
        for word in rule.get("actor_text") and _as_list(rule.get("actor_text")) or []:
            for a in rec.actors:
                if fold(a.text) == fold(word) or fold(a.name) == fold(word):
                    sc.forbidden_hits.append(f"actor {a.text!r}: {rule.get('why', '')}")
    # quotes: a predicted quote matches a gold quote when it starts with the gold's words
    if gold.raw.get("quotes") is not None:
        preds = list(rec.quotes)
        for gq in gold.quotes:
            starts = _norm_text(str(gq.get("starts", "")))
            hit = next((q for q in preds if _norm_text(q.text).startswith(starts)
                        or starts.startswith(_norm_text(q.text)[:40]) and len(_norm_text(q.text)) >= 10), None)
            if hit is None:
                sc.quotes.fn += 1
                sc.misses.append(f"quote «{gq.get('starts')}…» ({gq.get('speaker')})")
                continue
            preds.remove(hit)
            sc.quotes.tp += 1
            sc.speakers_total += 1
            want = _bare_name(str(gq.get("speaker") or ""))
            got = _bare_name(hit.speaker.name) if hit.speaker else ""
            if want and got and (want == got or want.split()[-1] == got.split()[-1]):
                sc.speakers_right += 1
            else:
                sc.misses.append(f"speaker of «{gq.get('starts')}…»: want {gq.get('speaker')!r}, got {got or None!r}")
        sc.quotes.fp = len(preds)
        sc.extras += [f"quote «{q.text[:50]}…» ({q.kind})" for q in preds]
        for nq in gold.not_quotes:
            for q in rec.quotes:
                if _norm_text(q.text) == _norm_text(nq):
                    sc.forbidden_hits.append(f"scare quote emitted as a quote: «{nq}»")
    # places: {name as written: ISO3}; a predicted place (or the dateline) with that text
    found_places: dict[str, str | None] = {}
    found_coords: dict[str, tuple] = {}
    for p in rec.places:
        found_places.setdefault(fold(p["text"]), p.get("country"))
        if p.get("lat") is not None:
            found_coords.setdefault(fold(p["text"]), (p["lat"], p["lon"]))
    if rec.dateline:
        found_places.setdefault(fold(rec.dateline["place"]), rec.dateline.get("country"))
        geo = rec.dateline.get("geo") or {}
        if geo.get("lat") is not None:
            found_coords.setdefault(fold(rec.dateline["place"]), (geo["lat"], geo["lon"]))
    # a place name used as an actor ("la Russie a rejeté") is resolved by the actor dictionaries
    for a in rec.actors:
        if a.kind in ("country", "capital"):
            found_places.setdefault(fold(a.text), a.country)
    for name, iso in gold.places.items():
        sc.places_total += 1
        key = fold(name)
        got = found_places.get(key, next((c for t, c in found_places.items() if key in t), "-"))
        if got == "-":
            sc.misses.append(f"place {name!r} ({iso}) not found")
            continue
        sc.places_found += 1
        if got == iso:
            sc.places_right += 1
        else:
            sc.misses.append(f"place {name!r}: want {iso}, got {got}")
        # the city check applies to names read as places; a capital read only as an actor
        # ("Londres a déposé") has its country checked above and no coordinates
        where = found_coords.get(key) or next((c for t, c in found_coords.items() if key in t), None)
        if name in gold.place_coords and where is not None:
            sc.places_geo_total += 1
            dist = km(gold.place_coords[name], where)
            if dist <= NEAR_KM:
                sc.places_geo_near += 1
            else:
                sc.misses.append(f"place {name!r}: {dist:.0f} km from the gold city (> {NEAR_KM} km)")
    for phrase, value in gold.dates.items():
        sc.dates_total += 1
        got = found_dates.get(fold(phrase))
        if got is not None and str(got) == value:
            sc.dates_right += 1
        else:
            sc.misses.append(f"date {phrase!r}: want {value}, got {got}")
    return sc


_ARTICLE = re.compile(r"^(?:le|la|les|l'|un|une|des|du|de la|de l'|m\.|mme)\s*")


def _bare_name(name: str) -> str:
    """A name without its article or honorific: "l'opposition" -> "opposition"."""
    return _ARTICLE.sub("", fold(name)).strip()


def _as_list(v) -> list:
    if v is None:
        return [None]
    return v if isinstance(v, list) else [v]
