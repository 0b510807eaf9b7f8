"""Reported-speech lexicon loaded from quiquoi/lang/<lang>/speech.yaml."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

LANG_DIR = Path(__file__).parents[1] / "lang"


@lru_cache(maxsize=1 << 16)
def norm(s: str) -> str:
    """Lower-case, typographic apostrophe -> ASCII, hyphen of clitics removed."""
    return str(s).lower().replace("’", "'")


def _bare(lemma: str) -> str:
    lemma = norm(lemma).strip()
    for pre in ("se ", "s'"):
        if lemma.startswith(pre):
            return lemma[len(pre):].strip()
    return lemma


# endings of first-group (-er) verbs, used when the lemmatizer fails
_ER_ENDINGS = sorted({
    "er", "e", "es", "ent", "ons", "ez", "é", "ée", "és", "ées", "ant",
    "ait", "aient", "ais", "a", "as", "èrent", "ât", "era", "eront", "erait",
    "eraient", "erai", "erons", "erez", "iez", "ions", "ai",
}, key=len, reverse=True)


@dataclass
class SpeechLexicon:
    verbs: set[str]
    multiword: dict[str, list[tuple[str, ...]]]   # first lemma -> rests
    indirect_only: set[str]
    aux_fillers: set[str]
    clitic_fillers: set[str]
    adverb_fillers: set[str]
    third_person: set[str]
    masculine: set[str]
    feminine: set[str]
    unresolvable: set[str]
    preps: list[dict]
    channels: dict[tuple[str, ...], str]
    channel_introducers: set[str]
    channel_verbs: dict[str, str]
    pairs: list[tuple[str, str]]
    symmetric: list[str]
    strip_chars: str
    np_stop: set[str]
    np_inner: set[tuple[str, str]]
    np_stop_phrases: list[tuple[str, ...]]
    io_preps: set[str]
    honorifics: set[str]
    connectors: set[tuple[str, ...]]
    partial_introducers: set[str]
    scare_max_words: int
    scare_never_above: int
    det_contexts: set[str]
    prep_contexts: set[str]
    max_gap_after_verb: int
    que_blockers: set[str] = field(default_factory=set)
    relatives: set[str] = field(default_factory=set)
    filler_phrases: list[tuple[str, ...]] = field(default_factory=list)
    naming_verbs: set[str] = field(default_factory=set)
    er_stems: dict[str, str] = field(default_factory=dict)
    inner_symmetric: list[str] = field(default_factory=list)
    affiliation_nouns: set[str] = field(default_factory=set)
    dateline: "re.Pattern | None" = None
    indefinite_dets: set[str] = field(default_factory=set)
    infinitive_verbs: set[str] = field(default_factory=set)
    core_deps: set[str] = field(default_factory=set)
    impersonal_subjects: set[str] = field(default_factory=set)
    demonstratives: set[str] = field(default_factory=set)
    definite_dets: set[str] = field(default_factory=set)
    person_nouns: set[str] = field(default_factory=set)
    body_nouns: set[str] = field(default_factory=set)
    personal: set[str] = field(default_factory=set)
    former_prefixes: tuple = ()
    anaphora_max_paragraphs: int = 2
    recall_max_words: int = 6

    @classmethod
    def load(cls, path: Path) -> "SpeechLexicon":
        with open(path, encoding="utf-8") as fh:
            d = yaml.safe_load(fh)
        multi: dict[str, list[tuple[str, ...]]] = {}
        verbs: set[str] = set()
        for v in list(d.get("verbs", [])) + list(d.get("multiword_verbs", [])):
            b = _bare(v)
            words = tuple(b.split())
            if len(words) > 1:
                multi.setdefault(words[0], []).append(words[1:])
            else:
                verbs.add(b)
        for k in multi:
            multi[k].sort(key=len, reverse=True)
        fill = d.get("incise_fillers", {})
        pron = d.get("pronouns", {})
        qm = d.get("quote_marks", {})
        kinds = d.get("kinds", {})
        sc = d.get("scare_quotes", {})
        lex = cls(
            verbs=verbs,
            multiword=multi,
            indirect_only={_bare(v) for v in d.get("indirect_only_verbs", [])},
            aux_fillers={norm(x) for x in fill.get("auxiliaries", [])},
            clitic_fillers={norm(x) for x in fill.get("clitics", [])},
            adverb_fillers={norm(x) for x in fill.get("adverbs", [])},
            third_person={norm(x) for x in pron.get("third_person", [])},
            masculine={norm(x) for x in pron.get("masculine", [])},
            feminine={norm(x) for x in pron.get("feminine", [])},
            unresolvable={norm(x) for x in pron.get("unresolvable", [])},
            preps=[{"words": tuple(norm(w) for w in p["words"]),
                    "lemma": p.get("lemma", " ".join(p["words"])),
                    "strict": bool(p.get("strict", False))}
                   for p in d.get("attribution_prepositions", [])],
            channels={tuple(norm(k).split()): v for k, v in d.get("channels", {}).items()},
            channel_introducers={norm(x) for x in d.get("channel_introducers", [])},
            channel_verbs={_bare(k): v for k, v in d.get("channel_verbs", {}).items()},
            pairs=[tuple(p) for p in qm.get("pairs", [["«", "»"]])],
            symmetric=list(qm.get("symmetric", ['"'])),
            strip_chars=qm.get("strip", " \t\n\r\u00a0\u202f"),
            np_stop={norm(x) for x in d.get("speaker_np_stop_words", [])},
            np_inner={tuple(norm(w) for w in x) for x in d.get("speaker_np_inner", [])},
            np_stop_phrases=[tuple(norm(w) for w in x) for x in d.get("speaker_np_stop_phrases", [])],
            io_preps={norm(x) for x in d.get("indirect_object_prepositions", [])},
            honorifics={norm(x) for x in d.get("honorifics", [])},
            connectors={tuple(norm(x).split()) for x in kinds.get("sentence_initial_connectors", [])},
            partial_introducers={norm(x) for x in kinds.get("partial_introducers", [])},
            scare_max_words=int(sc.get("max_words", 6)),
            scare_never_above=int(sc.get("never_scare_above_words", 12)),
            det_contexts={norm(x).rstrip("'") for x in sc.get("determiner_contexts", [])},
            prep_contexts={norm(x).rstrip("'") for x in sc.get("preposition_contexts", [])},
            max_gap_after_verb=int(sc.get("max_gap_after_verb", 3)),
        )
        lex.filler_phrases = sorted({tuple(norm(x).split()) for x in fill.get("phrases", [])}, key=len, reverse=True)
        lex.naming_verbs = {_bare(x) for x in d.get("naming_verbs", [])}
        lex.relatives = {norm(x) for x in pron.get("relative", [])}
        lex.que_blockers = {norm(x) for x in d.get("indirect_que_blockers", [])}
        lex.inner_symmetric = list(qm.get("inner_symmetric", []))
        lex.affiliation_nouns = {norm(x) for x in d.get("speaker_affiliation_nouns", [])}
        ind = d.get("indirect", {}) or {}
        if ind.get("dateline_pattern"):
            lex.dateline = re.compile(ind["dateline_pattern"])
        lex.indefinite_dets = {norm(x) for x in ind.get("indefinite_determiners", [])}
        lex.infinitive_verbs = {_bare(x) for x in ind.get("infinitive_verbs", [])}
        lex.core_deps = {str(x) for x in ind.get("core_deps", [])}
        lex.impersonal_subjects = {norm(x) for x in ind.get("impersonal_subjects", [])}
        ana = d.get("anaphora", {}) or {}
        lex.demonstratives = {norm(x) for x in ana.get("demonstratives", [])}
        lex.definite_dets = {norm(x) for x in ana.get("definite", [])}
        lex.person_nouns = {norm(x) for x in ana.get("person_nouns", [])}
        lex.body_nouns = {norm(x) for x in ana.get("body_nouns", [])}
        lex.personal = {norm(x) for x in pron.get("personal", [])}
        lex.former_prefixes = tuple(norm(x) for x in ana.get("former_prefixes", []))
        lex.anaphora_max_paragraphs = int(ana.get("max_paragraphs", 2))
        lex.recall_max_words = int(ana.get("recall_max_words", 6))
        lex.er_stems = {v[:-2]: v for v in lex.verbs | lex.indirect_only | set(multi) if v.endswith("er")}
        return lex

    def channels_by_first(self) -> dict:
        """Channel phrases indexed by their first word (built once)."""
        idx = self.__dict__.get("_channels_by_first")
        if idx is None:
            idx = {}
            for words, label in self.channels.items():
                idx.setdefault(words[0], []).append((words, label))
            self.__dict__["_channels_by_first"] = idx
        return idx

    @classmethod
    def for_language(cls, lang: str) -> "SpeechLexicon":
        return cls.load(LANG_DIR / lang / "speech.yaml")

    # -- verb matching ---------------------------------------------------------
    def verb_lemma(self, lemma: str, text: str, vocab: set[str] | None = None) -> str | None:
        """The lexicon lemma matching a token (by lemma, else by -er inflection)."""
        vocab = self.verbs if vocab is None else vocab
        lem = norm(lemma)
        if lem in vocab:
            return lem
        t = norm(text).split("-")[0] if not norm(text).startswith("-") else norm(text)
        if t in vocab:
            return t
        for end in _ER_ENDINGS:
            if len(t) > len(end) + 1 and t.endswith(end):
                stem = t[: -len(end)]
                for cand in (stem, stem.replace("è", "é"), stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else None):
                    if cand and cand in self.er_stems and self.er_stems[cand] in vocab:
                        return self.er_stems[cand]
        return None
