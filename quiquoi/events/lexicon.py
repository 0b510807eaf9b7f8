"""The event lexicon of one language: verb and noun predicates -> CAMEO code -> PLOVER.

Entries come from lang/<code>/verbs.yaml and nouns.yaml; this module only indexes them
and checks each against the CAMEO table, so a bad code is an error at load, not a silent
event of unknown type.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from quiquoi.actors.dictionary import fold
from quiquoi.lang import LanguageData, cameo_table


@dataclass(frozen=True)
class Predicate:
    lemma: str
    cameo: str
    plover_type: str
    plover_mode: str | None
    goldstein: float
    target: tuple[str, ...] = ()
    source: tuple[str, ...] = ()
    obj: str | None = None
    prep: str | None = None
    prep_lemmas: tuple[str, ...] = ()  # verbs: the `prep` complement must have one of these lemmas
    attributes: tuple[str, ...] = ()   # verbs: the attribute (an adjective or noun xcomp) must have
                                       # one of these lemmas ("juger la réélection frauduleuse")
    reflexive: bool | None = None      # True: must be pronominal; False: must not be
    fixed: str | None = None
    requires_adj: tuple[str, ...] = ()
    between: bool = False
    symmetric: bool = False
    negative_only: bool = False
    needs_target: bool = False         # no event unless the target slot names an actor
    or_source_roles: tuple[str, ...] = ()  # with needs_target: a doer of these roles will do instead
                                           # ("l'accusé, jugé par la cour d'assises")
    needs_source: bool = False         # no event unless its doer is known (a visit needs its visitor)
    requires_of: tuple[str, ...] = ()  # nouns: the "de" complement must have one of these lemmas
    source_roles: tuple[str, ...] = ()  # only doers of these roles make it an event
    speaker_source: bool = False       # the act is done by saying it: its doer is the speaker of the
                                       # clause ("X a déclaré que les conditions n'étaient pas réunies")
    obligation: bool = False           # verbs: "« X doit cesser les frappes »" in a quotation: the
                                       # speaker asks it of the subject (subject = target, speaker = source)
    speaker_judges: bool = False       # verbs (a copula's fixed attribute): in a quotation, the
                                       # speaker passes it on the subject ("« il est responsable de
                                       # cette impasse »": speaker = source, subject = target)
    means: bool = False                # nouns: an instrument ("avec des gaz lacrymogènes"); the act is
                                       # its clause's: the verb's subject does it to the verb's object

    @property
    def is_event(self) -> bool:
        """False for the statement senses (CAMEO 01x) that have no PLOVER event type."""
        return bool(self.plover_type)

    @cached_property
    def fixed_words(self) -> list[str]:
        """The fixed words, split once (asked for each candidate verb of each article)."""
        return self.fixed.split() if self.fixed else []

    @property
    def constraints(self) -> int:
        return sum(bool(x) for x in (self.obj, self.prep, self.reflexive is not None, self.fixed, self.requires_adj,
                                     self.requires_of, self.negative_only, self.prep_lemmas, self.attributes))


@dataclass
class EventLexicon:
    verbs: dict[str, list[Predicate]] = field(default_factory=dict)
    nouns: dict[str, list[Predicate]] = field(default_factory=dict)
    # inflected forms the model leaves unlemmatised ("bombarde", "tue") -> verb lemma
    surface_lemmas: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_language(cls, data: LanguageData) -> "EventLexicon":
        lex = cls()
        table = cameo_table()
        raw = data._yaml("verbs.yaml").get("surface_lemmas") or {}
        lex.surface_lemmas = {fold(k): fold(v) for k, v in raw.items()}
        for kind, entries, index in (("verb", data.verbs, lex.verbs), ("noun", data.nouns, lex.nouns)):
            for e in entries:
                code = str(e["cameo"])
                if code not in table:
                    raise ValueError(f"{data.path.name}/{kind}s.yaml: {e['lemma']!r} has unknown CAMEO code {code!r}")
                info = table[code]
                # CAMEO 01x statements are quotes, not events: their entries stay in the index
                # so that they win over the verb's plainer senses ("revendiquer l'attaque" is a
                # claim of responsibility, not a demand) and then give no event
                p = Predicate(
                    lemma=fold(e["lemma"]), cameo=code, plover_type=info["plover_type"],
                    plover_mode=info["plover_mode"], goldstein=info["goldstein"],
                    target=tuple(_as_list(e.get("target"))), source=tuple(_as_list(e.get("source"))),
                    obj=fold(e["obj"]) if e.get("obj") else None, prep=fold(e["prep"]) if e.get("prep") else None,
                    prep_lemmas=tuple(fold(a) for a in _as_list(e.get("prep_lemmas"))),
                    attributes=tuple(fold(a) for a in _as_list(e.get("attributes"))),
                    reflexive=e.get("reflexive"), fixed=fold(e["fixed"]) if e.get("fixed") else None,
                    requires_adj=tuple(fold(a) for a in _as_list(e.get("requires_adj"))),
                    between=bool(e.get("between")), symmetric=bool(e.get("symmetric")),
                    negative_only=bool(e.get("negative_only")), needs_target=bool(e.get("needs_target")),
                    or_source_roles=tuple(_as_list(e.get("or_source_roles"))),
                    needs_source=bool(e.get("needs_source")),
                    requires_of=tuple(fold(a) for a in _as_list(e.get("requires_of"))),
                    means=bool(e.get("means")), speaker_source=bool(e.get("speaker_source")),
                    source_roles=tuple(_as_list(e.get("source_roles"))),
                    obligation=bool(e.get("obligation")), speaker_judges=bool(e.get("speaker_judges")),
                )
                index.setdefault(p.lemma, []).append(p)
        # the most specific reading of a word is tried first (stable for equal specificity)
        for index in (lex.verbs, lex.nouns):
            for lemma in index:
                index[lemma].sort(key=lambda p: -p.constraints)
        return lex


def _as_list(value) -> list[str]:
    if value is None:
        return []
    return [str(v) for v in (value if isinstance(value, list) else [value])]
