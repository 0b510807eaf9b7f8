"""Rule-based time-expression finder and resolver.

The code here knows nothing about a particular language: every word (weekday
and month names, relative words, number words, prepositions) and every
surface pattern comes from ``quiquoi/lang/<lang>/time.yaml``.  The YAML
templates are compiled to regular expressions here, and each template names a
*rule* whose calendar arithmetic is implemented below.

Resolution is relative to the publication date, with a news-style past bias:
a bare weekday is the publication day itself when it names that day, the next
day when it names the day after publication (wire copy announces tomorrow's
events by weekday), and otherwise the most recent such day before publication.
A preceding preposition may carry a direction ("depuis": not after
publication, "jusqu'à": not before it), which overrides that bias.
"Anaphoric" expressions ("la veille", "le lendemain", "trois jours plus tard")
count from the nearest day mentioned shortly before them, or from the
publication date when there is none.
"""
from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import re
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path
from typing import Any, Iterable, NamedTuple

import yaml

__all__ = ["TimeExpr", "TimeResolver"]

Date = dt.date

# Built-in numeric slots (language-neutral).  A lexicon entry of the same name
# adds word forms ("1er", "deux") to them.
_BUILTIN_SLOTS = {
    "day": r"(?:3[01]|[12][0-9]|0?[1-9])",
    "monthnum": r"(?:1[0-2]|0?[1-9])",
    "year": r"(?:1[5-9][0-9]{2}|20[0-9]{2})",
    "yy": r"(?:[0-9]{2})",
    "num": r"(?:[0-9]{1,3})",
}
# hour and minutes of a clock time ("18h", "18 h 45", "18H00"); the hour marks
# themselves ("h", "heures") come from the language file (key clock_marks)
_HOUR = r"(?:2[0-3]|[01]?[0-9])"
_MINUTE = r"(?:[0-5][0-9])"
# the most runs of word characters a value of a built-in slot has (digits only: one)
_BUILTIN_RUNS = {"day": 1, "monthnum": 1, "year": 1, "yy": 1, "num": 1}

# How far in the future (days / months) a date without a year may lie.
# (French TimeBank: future day-month dates without a year lie at most ~70 days
# ahead, future bare months at most 2 months ahead; past ones go back a year.)
_MAX_FUTURE_DAYS = 120
_MAX_FUTURE_MONTHS = 3
# A bare weekday naming a day at most this many days after publication, in the
# same ISO week, is that coming day rather than the one almost a week before
# (TimeBank: 3 of 3 such weekdays; a Sunday paper's "lundi" is the past Monday).
_WEEKDAY_AHEAD_DAYS = 1
# An anaphoric expression looks this far back (characters) for its anchor day.
_ANAPHOR_WINDOW = 1500
# the precision of a relative expression whose unit is not itself a precision
_UNIT_PRECISION = {"weekend": "week", "hour": "day"}

_PUNCT_AFTER = set(".,;:!?()[]»\"”…-–/")


@dataclass(frozen=True)
class TenseWords:
    """Lemmas (time.yaml) by which dates.tense reads a clause's tense: verbs that make a future
    of the infinitive they govern ("va/doit rencontrer"), verbs whose compound past takes the
    auxiliary the parser labels passive ("est arrivé")."""
    future_auxiliaries: frozenset[str] = frozenset()
    perfect_with_etre: frozenset[str] = frozenset()


@dataclass(frozen=True)
class TimeExpr:
    """A time expression found in a text.

    ``value`` is an ISO-like string whose form depends on ``precision``:
    "2016-05-23" (day), "2016-W20" (week), "2016-02" (month), "2016" (year);
    it is None when the expression cannot be resolved (e.g. a relative
    expression without a publication date).
    ``part`` is "start", "mid" or "end" for "début/mi-/fin ...";
    ``mod`` is the modifier contributed by a preceding preposition
    ("since" for "depuis", "until", "before", "after", "approx");
    ``daypart`` is a TimeML time-of-day code (MO, AF, EV, NI, MI);
    ``time`` a clock time "HH:MM" ("dimanche vers 18h" -> "18:00");
    ``range_end`` the last day of a range of days ("jeudi et vendredi":
    value "2023-W11", range_end "2023-03-17").
    A preposition is outside the span (its meaning goes to ``mod``), except
    before a lone word ("en août", "depuis 2015", "jusqu'à mardi") when the
    language file asks for it (option keep_preposition_with_single_word).
    """

    text: str
    start: int
    end: int
    value: str | None
    precision: str | None
    part: str | None = None
    mod: str | None = None
    daypart: str | None = None
    rule: str | None = None
    time: str | None = None
    range_end: str | None = None
    # A bare weekday, day or month has two readings when nothing in its words gives the
    # direction: the one at or after publication and the one at or before it. ``value``
    # is the news-style guess; the clause's tense picks one of these (dates.tense).
    ahead: str | None = None
    behind: str | None = None


# --------------------------------------------------------------------------
# template compilation
# --------------------------------------------------------------------------

def _norm(s: str) -> str:
    """Normalise a surface form for lexicon look-up."""
    s = s.lower().replace("’", "'")
    return re.sub(r"[\s_\-‐‑]+", " ", s).strip()


def _literal_regex(word: str) -> str:
    out = []
    for ch in word:
        if ch in "'’":
            out.append("['’]")
        elif ch in "-‐‑":
            out.append(r"(?:[-‐‑]\s*|\s+)")
        elif ch in " _":
            out.append(r"\s+")
        else:
            out.append(re.escape(ch))
    return "".join(out)


def _alternation(words: Iterable[str]) -> str:
    words = sorted(set(words), key=lambda w: (-len(w), w))
    return "(?:" + "|".join(_literal_regex(w) for w in words) + ")"


_WORD_RUN = re.compile(r"\w+")
_SLOT_RE = re.compile(r"\{(\w+)(?::(\w+))?\}")

# --------------------------------------------------------------------------
# anchored scanning
#
# Running every template's regex over a whole text is the costly part of
# ``find``: the leading look-behind and optional preposition leave ``re`` no
# prefix to skip ahead with, so each regex is tried at every character.  Every
# match, though, starts at a word that a preposition or the template can start
# with, and holds, a bounded number of words after its start, one word of a
# known set (a literal of the template, a value of a slot, or any number for a
# digit slot).  The text is cut into words once; for each template only such
# start words a little before such an anchor word are tried (``re.match``), in
# text order, skipping those inside the previous match: the same matches
# ``finditer`` gives, found by trying a few positions instead of thousands.
#
# Words are compared in lower case.  That equals IGNORECASE matching only for
# characters whose lower case is one character and which ``re`` does not equate
# with another letter (it matches "ı" with "i", "ſ" with "s", "µ" with "μ"):
# the ranges below (Latin-1, Latin Extended-A, punctuation, symbols) are checked,
# character by character, in tests/test_dates.py.  A text with any other
# character, and a template word with one, is scanned the plain way.
# --------------------------------------------------------------------------

_SAFE_CHARS = (r"\x00-\xb4\xb6-\u012f\u0132-\u017e"
               r"\u2000-\u206f\u20a0-\u20cf\u2190-\u23ff\u25a0-\u27bf")
_UNSAFE = re.compile(f"[^{_SAFE_CHARS}]")
_WORD_SPLIT = re.compile(r"(\W+)")


# A set of words of a text: (lower-case words, whether every word starting with
# an ASCII digit belongs to it too).
_Words = tuple[frozenset[str], bool]


@dataclass(frozen=True)
class _SlotScan:
    """What anchored scanning needs to know of a slot."""

    runs: int | None  # most runs of word characters in a value (None: unknown)
    first_word: bool  # every value starts with a word character
    words: _Words | None  # one run of each value (None: not all known)
    words_at: int  # the most runs before that run in its value
    firsts: _Words | None  # the first run of each value
    firsts_alone: bool  # some value is one run: its first run ends where the slot does


@dataclass(frozen=True)
class _Anchor:
    """A text word of ``words`` lies in every match, at most ``back`` words after its
    first word."""

    words: _Words
    back: int


@dataclass(frozen=True)
class _ScanPlan:
    """How to scan a text for a template: try the words shortly before the words of
    one of ``anchors`` and, when ``first`` is known, only those in ``first`` (the
    words a match can start with)."""

    anchors: tuple[_Anchor, ...]
    first: _Words | None


def _safe_word(w: str) -> bool:
    return bool(w) and _UNSAFE.search(w) is None


def _pieces(alt: str) -> list[tuple[bool, str]]:
    """An alternative of a template token as (is_slot, literal text or slot name) pieces."""
    out: list[tuple[bool, str]] = []
    pos = 0
    for m in _SLOT_RE.finditer(alt):
        if m.start() > pos:
            out.append((False, alt[pos:m.start()]))
        out.append((True, m.group(1)))
        pos = m.end()
    if pos < len(alt):
        out.append((False, alt[pos:]))
    return out


def _literal_runs(lit: str) -> list[str]:
    """The runs of word characters of any text a literal matches ("_" stands for a space)."""
    return _WORD_RUN.findall(lit.replace("_", " "))


def _slot_scan(values: list[str], builtin_runs: int | None, builtin: bool) -> _SlotScan:
    """``_SlotScan`` of a slot with these lexicon values (and, when ``builtin``, numbers
    of at most ``builtin_runs`` runs, None: unknown)."""
    value_runs = [_literal_runs(v) for v in values]
    runs: int | None = max(map(len, value_runs), default=0)
    if builtin:
        runs = None if builtin_runs is None else max(runs, builtin_runs)
    known = all(r and all(map(_safe_word, r)) for r in value_runs)
    longest = [max(range(len(r)), key=lambda i: len(r[i])) for r in value_runs] if known else []
    return _SlotScan(
        runs=runs,
        first_word=all(v[:1].isalnum() for v in values),
        words=(frozenset(r[i].lower() for r, i in zip(value_runs, longest)), builtin) if known else None,
        words_at=max(longest, default=0),
        firsts=(frozenset(r[0].lower() for r in value_runs), builtin) if known else None,
        firsts_alone=any(_WORD_RUN.fullmatch(v) for v in values),
    )


@dataclass(frozen=True)
class _AltScan:
    runs: int | None  # None: unknown
    first_word: bool  # starts with a word character
    first: _Words | None  # its first word (None: unknown)
    anchors: list[tuple[_Words, int]]  # (words, most runs before such a word), best first


def _alt_scan(pieces: list[tuple[bool, str]], slots: dict[str, _SlotScan]) -> _AltScan:
    """Scanning facts of one alternative of a template token.

    An anchor is a set of words one of which is a whole word of any text the
    alternative matches: a run of a literal not glued to a slot, or the values of a
    slot with non-word characters (or the alternative's ends) on both sides.  The best
    anchor comes first: the longest literal word, else a slot without numbers."""
    runs = 0
    lits: list[tuple[str, int]] = []
    slot_anchors: list[tuple[_Words, int]] = []
    last = len(pieces) - 1

    def glued_left(k: int) -> bool:
        return k > 0 and (pieces[k - 1][0] or pieces[k - 1][1][-1:].isalnum())

    def glued_right(k: int) -> bool:
        return k < last and (pieces[k + 1][0] or pieces[k + 1][1][:1].isalnum())

    for k, (is_slot, val) in enumerate(pieces):
        if not is_slot:
            lit = val.replace("_", " ")
            for m in _WORD_RUN.finditer(lit):
                glued = (m.start() == 0 and k > 0) or (m.end() == len(lit) and k < last)
                if not glued and _safe_word(m.group()):
                    lits.append((m.group().lower(), runs))
                runs += 1
            continue
        info = slots.get(val)
        if info is None or info.runs is None:
            return _AltScan(None, False, None, [])
        if not glued_left(k) and not glued_right(k) and info.words is not None:
            slot_anchors.append((info.words, runs + info.words_at))
        runs += info.runs
    lits.sort(key=lambda a: -len(a[0]))
    slot_anchors.sort(key=lambda a: a[0][1])
    anchors = [((frozenset({w}), False), at) for w, at in lits] + slot_anchors

    first_slot, val = pieces[0]
    first: _Words | None = None
    if first_slot:
        info = slots[val]
        first_word = info.first_word
        if info.firsts is not None and not (info.firsts_alone and glued_right(0)):
            first = info.firsts
    else:
        lit = val.replace("_", " ")
        first_word = lit[:1].isalnum()
        m = _WORD_RUN.match(lit)
        if m and _safe_word(m.group()) and not (m.end() == len(lit) and last > 0):
            first = (frozenset({m.group().lower()}), False)
    return _AltScan(runs, first_word, first, anchors)


def _join(sets: list[_Words | None]) -> _Words | None:
    if not sets or any(x is None for x in sets):
        return None
    return frozenset().union(*(x[0] for x in sets)), any(x[1] for x in sets)


def _scan_plan(tokens: list[tuple[bool, list[list[tuple[bool, str]]]]],
               slots: dict[str, _SlotScan], prep: tuple[int, _Words | None] | None
               ) -> _ScanPlan | None:
    """How to scan for a template given as (optional, alternatives) tokens, or None when
    it must be scanned the plain way.  ``prep``: (most word runs of a preposition, their
    first words: None when one does not start with a word character); None without
    prepositions."""
    back, prep_first = prep if prep else (0, (frozenset(), False))
    if prep_first is None:
        return None
    firsts: list[_Words | None] = [prep_first]
    starts_known = False
    out: list[_Anchor] = []
    for optional, alts in tokens:
        scans = [_alt_scan(a, slots) for a in alts]
        if any(a.runs is None for a in scans):
            break
        if not starts_known:
            # a match starts with this token (or a later one, when it is optional)
            if not all(a.first_word for a in scans):
                return None
            firsts += [a.first for a in scans]
            starts_known = not optional
        if not optional:
            if len(scans) == 1:
                out += [_Anchor(words, back + at) for words, at in scans[0].anchors]
            elif all(a.anchors for a in scans):
                words = _join([a.anchors[0][0] for a in scans])
                out.append(_Anchor(words, back + max(a.anchors[0][1] for a in scans)))
        back += max(a.runs for a in scans)
    if not out or not starts_known:
        return None
    return _ScanPlan(tuple(out), _join(firsts))


class _Pattern:
    """One compiled template."""

    def __init__(self, spec: dict, slot_regex: dict[str, str], prep_regex: str | None,
                 slots: dict[str, _SlotScan] | None = None,
                 prep: tuple[int, _Words | None] | None = None):
        self.spec = spec
        self.rule = spec["rule"]
        self.template = spec["template"]
        self.groups: dict[str, tuple[str, str]] = {}  # group name -> (slot, label)
        body = self._compile_body(self.template, slot_regex)
        prep_re = rf"(?:(?P<prep>{prep_regex})\s+)?" if prep_regex else ""
        self.regex = re.compile(
            rf"(?<![\w]){prep_re}(?P<core>{body})(?![\w])", re.IGNORECASE
        )
        tokens = []
        for tok in self.template.split():
            optional = tok.endswith("?") and len(tok) > 1
            tokens.append((optional, [_pieces(a) for a in (tok[:-1] if optional else tok).split("|")]))
        # the anchors of anchored scanning (None: plain scan)
        self.scan: _ScanPlan | None = (
            _scan_plan(tokens, slots, prep if prep_regex else None) if slots is not None else None
        )

    def _compile_body(self, template: str, slot_regex: dict[str, str]) -> str:
        parts: list[str] = []
        seen_required = False
        for tok in template.split():
            optional = tok.endswith("?") and len(tok) > 1
            if optional:
                tok = tok[:-1]
            alts = [self._compile_alt(a, slot_regex) for a in tok.split("|")]
            tok_re = "(?:" + "|".join(alts) + ")"
            if not seen_required:
                # tokens before the first required one carry the space after them
                parts.append(f"(?:{tok_re}\\s+)?" if optional else tok_re)
                seen_required = not optional
            else:
                parts.append(f"(?:\\s+{tok_re})?" if optional else f"\\s+{tok_re}")
        if not seen_required:
            raise ValueError(f"template {template!r} has no required token")
        return "".join(parts)

    def _compile_alt(self, alt: str, slot_regex: dict[str, str]) -> str:
        out = []
        pos = 0
        for m in _SLOT_RE.finditer(alt):
            if m.start() > pos:
                out.append(_literal_regex(alt[pos:m.start()]))
            slot, label = m.group(1), m.group(2) or m.group(1)
            if slot not in slot_regex:
                raise ValueError(f"unknown slot {{{slot}}} in template {self.template!r}")
            name = f"g{len(self.groups)}"
            self.groups[name] = (slot, label)
            out.append(f"(?P<{name}>{slot_regex[slot]})")
            pos = m.end()
        if pos < len(alt):
            out.append(_literal_regex(alt[pos:]))
        return "".join(out)


class _WordIndex(NamedTuple):
    """The words of a text (see ``TimeResolver._word_index``)."""

    words: list[str]  # lower case
    starts: list[int]  # where each starts in the text
    hits: dict[str, list[int]]  # anchor word -> the numbers of the words it is
    digits: list[int]  # the numbers of the words starting with a digit


# --------------------------------------------------------------------------
# calendar helpers
# --------------------------------------------------------------------------

def _iso_week(d: Date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _shift_month(year: int, month: int, n: int) -> tuple[int, int]:
    k = year * 12 + (month - 1) + n
    return k // 12, k % 12 + 1


def _safe_date(y: int, m: int, d: int) -> Date | None:
    try:
        return Date(y, m, d)
    except ValueError:
        return None


def _format(d: Date, precision: str) -> str:
    if precision == "day":
        return d.isoformat()
    if precision == "week":
        return _iso_week(d)
    if precision == "month":
        return f"{d.year:04d}-{d.month:02d}"
    return f"{d.year:04d}"


def _expand_yy(yy: int, pub: Date | None) -> int:
    """Two-digit year: the century putting it at most ~10 years ahead."""
    ref = (pub or Date.today()).year
    year = ref - ref % 100 + yy
    return year - 100 if year > ref + 10 else year


class _Drop(Exception):
    """Raised by a rule when the match is not a valid time expression."""


# --------------------------------------------------------------------------
# resolver
# --------------------------------------------------------------------------

class TimeResolver:
    """Find and normalise time expressions using a language's time.yaml."""

    def __init__(self, data: dict):
        lex = data.get("lexicon", {}) or {}
        self.lexicon: dict[str, dict[str, Any]] = {
            slot: {_norm(str(k)): v for k, v in (entries or {}).items()}
            for slot, entries in lex.items()
        }
        builtin = dict(_BUILTIN_SLOTS)
        marks = [str(m) for m in data.get("clock_marks", []) or []]
        if marks:
            builtin["clock"] = rf"(?:{_HOUR}\s?{_alternation(marks)}(?:\s?{_MINUTE})?(?!\w))"
        slot_regex: dict[str, str] = {}
        for slot, entries in lex.items():
            words = [str(k) for k in (entries or {})]
            alt = _alternation(words) if words else None
            if slot in builtin:
                slot_regex[slot] = f"(?:{builtin[slot]}|{alt})" if alt else builtin[slot]
            elif alt:
                slot_regex[slot] = alt
        for slot, rx in builtin.items():
            slot_regex.setdefault(slot, rx)
        self._builtin = builtin

        # preposition -> (modifier, direction): a plain value is the modifier;
        # a mapping may add "bias": -1 (not after publication) / +1 (not before)
        preps = data.get("prepositions", {}) or {}
        self.prepositions: dict[str, tuple[str | None, int | None]] = {}
        for k, v in preps.items():
            if isinstance(v, dict):
                self.prepositions[_norm(str(k))] = (v.get("mod"), v.get("bias"))
            else:
                self.prepositions[_norm(str(k))] = (v, None)
        prep_regex = _alternation(str(k) for k in preps) if preps else None
        self.keep_prep_single = bool(data.get("keep_preposition_with_single_word", False))
        # the verbs that tell a clause's tense beyond its morphology (dates.tense)
        self.tense_words = TenseWords(
            future_auxiliaries=frozenset(_norm(str(w)) for w in data.get("future_auxiliaries", []) or []),
            perfect_with_etre=frozenset(_norm(str(w)) for w in data.get("perfect_with_etre", []) or []))

        self.year_context = {_norm(str(w)) for w in data.get("year_context", []) or []}
        # what anchored scanning needs to know of each slot and of the prepositions
        builtin_runs = dict(_BUILTIN_RUNS)
        if marks:
            builtin_runs["clock"] = 2 + max(len(_literal_runs(m)) for m in marks)
        slots = {
            slot: _slot_scan([str(w) for w in (lex.get(slot) or {})], builtin_runs.get(slot),
                             slot in builtin)
            for slot in slot_regex
        }
        prep_words = [str(k) for k in preps]
        prep_runs = [_literal_runs(w) for w in prep_words]
        prep_firsts = (
            (frozenset(r[0].lower() for r in prep_runs), False)
            if all(w[:1].isalnum() and r and _safe_word(r[0]) for w, r in zip(prep_words, prep_runs))
            else None
        )
        prep_scan = (max(map(len, prep_runs), default=0), prep_firsts)
        self.patterns = [_Pattern(p, slot_regex, prep_regex, slots, prep_scan)
                         for p in data.get("patterns", [])]
        excl = [str(x) for x in data.get("exclude", []) or []]
        self.exclude = (
            re.compile(rf"(?<!\w){_alternation(excl)}(?!\w)", re.IGNORECASE) if excl else None
        )
        self._exclude_scan = (
            _scan_plan([(False, [[(False, x)] for x in excl])], slots, None) if excl else None
        )
        # every word an anchor may be (the text's other words need no index)
        self._anchor_words = frozenset(
            w for plan in [p.scan for p in self.patterns] + [self._exclude_scan] if plan
            for a in plan.anchors for w in a.words[0]
        )
        #: False: run every template's regex over the whole text (the reference behaviour
        #: anchored scanning must reproduce; see tests/test_dates.py)
        self.anchored_scan = True

    @classmethod
    def from_language(cls, lang: str) -> "TimeResolver":
        path = Path(__file__).parents[1] / "lang" / lang / "time.yaml"
        return cls.from_file(path)

    @classmethod
    def from_file(cls, path: str | Path) -> "TimeResolver":
        with open(path, encoding="utf-8") as fh:
            return cls(yaml.safe_load(fh))

    # ------------------------------------------------------------------
    def find(self, text: str, published: Date | None = None) -> list[TimeExpr]:
        """All non-overlapping time expressions of ``text``, in text order."""
        if isinstance(published, dt.datetime):
            published = published.date()
        index = self._word_index(text) if self.anchored_scan else None
        excluded = ([m.span() for m in self._scan(self.exclude, self._exclude_scan, text, index)]
                    if self.exclude else [])
        cands: list[tuple[int, int, int, TimeExpr, dict]] = []
        for idx, pat in enumerate(self.patterns):
            for m in self._scan(pat.regex, pat.scan, text, index):
                start, end = m.span("core")
                if any(s < end and start < e for s, e in excluded):
                    continue
                if pat.spec.get("needs_context") and not self._has_context(text, m):
                    continue
                prep = m.group("prep")
                mod, bias = self.prepositions.get(_norm(prep), (None, None)) if prep else (None, None)
                try:
                    slots = self._slots(pat, m)
                    res = self._apply(pat, slots, published, bias)
                except _Drop:
                    continue
                if prep and self.keep_prep_single and not re.search(r"\s", m.group("core")):
                    start = m.start("prep")
                expr = TimeExpr(
                    text=text[start:end], start=start, end=end, value=res["value"],
                    precision=res["precision"], part=res.get("part"),
                    mod=mod or pat.spec.get("mod"), daypart=res.get("daypart"),
                    rule=pat.rule, time=res.get("time"), range_end=res.get("range_end"),
                    ahead=res.get("ahead"), behind=res.get("behind"),
                )
                cands.append((start, end, idx, expr, res))
        # longest first, then leftmost, then YAML order
        cands.sort(key=lambda c: (-(c[1] - c[0]), c[0], c[2]))
        chosen: list[tuple[TimeExpr, dict]] = []
        for start, end, _, expr, res in cands:
            if all(end <= e.start or start >= e.end for e, _ in chosen):
                chosen.append((expr, res))
        chosen.sort(key=lambda c: c[0].start)
        out: list[TimeExpr] = []
        for expr, res in chosen:
            if "anaphor" in res:
                expr = self._resolve_anaphor(expr, res["anaphor"], out, published)
            out.append(expr)
        return out

    def _word_index(self, text: str) -> _WordIndex | None:
        """The words of ``text`` for anchored scanning, None when it must be scanned the
        plain way.  Words are the runs of word characters, numbered in text order (number
        0 may be an empty word before a leading separator)."""
        if _UNSAFE.search(text):
            return None
        pieces = _WORD_SPLIT.split(text.lower())  # word, separator, word, ..., word
        words = pieces[::2]
        starts = [0]
        starts += list(accumulate(map(len, pieces)))[1::2]
        vocab = self._anchor_words
        hits: dict[str, list[int]] = {}
        for i in [i for i, w in enumerate(words) if w in vocab]:
            hits.setdefault(words[i], []).append(i)
        digits = [i for i, w in enumerate(words) if "0" <= w[:1] <= "9"]
        return _WordIndex(words, starts, hits, digits)

    @staticmethod
    def _scan(regex: re.Pattern, plan: _ScanPlan | None, text: str,
              index: _WordIndex | None) -> list[re.Match]:
        """``list(regex.finditer(text))``, trying only the words shortly before anchors.

        ``finditer`` returns the match at the first position (from the end of the last
        match) where the regex matches.  Every match starts at a word in ``plan.first``
        at most ``anchor.back`` words before a word of the anchor's set, so trying those
        words in text order, skipping those before the end of the last match, finds the
        same matches.  Of the plan's anchors (each enough on its own) the one with the
        fewest words to try in this text is used; an anchor absent from the text means
        no match."""
        if plan is None or index is None:
            return list(regex.finditer(text))
        hits = index.hits
        best = None
        for anchor in plan.anchors:
            words, digits = anchor.words
            # (most anchors are absent from a text: the disjointness test makes no set)
            found = [] if hits.keys().isdisjoint(words) else [hits[w] for w in hits.keys() & words]
            if digits and index.digits:
                found.append(index.digits)
            n = sum(map(len, found))
            if not n:
                return []
            cost = n * (anchor.back + 1)
            if best is None or cost < best[0]:
                best = (cost, found, anchor.back)
        _, found, back = best
        tried: set[int] = set()
        for at in found:
            for i in at:
                tried.update(range(i - back if i > back else 0, i + 1))
        if plan.first is not None:
            first, digits = plan.first
            words = index.words
            tried = {i for i in tried if words[i] in first or (digits and "0" <= words[i][:1] <= "9")}
        starts = index.starts
        out: list[re.Match] = []
        pos = 0
        for i in sorted(tried):
            start = starts[i]
            if start < pos:
                continue
            m = regex.match(text, start)
            if m is not None:
                if m.end() == start:  # an empty match: leave finditer's rules to finditer
                    return list(regex.finditer(text))
                out.append(m)
                pos = m.end()
        return out

    def resolve_for_span(
        self, exprs: list[TimeExpr], start: int, end: int, anchor: int | None = None
    ) -> TimeExpr | None:
        """The expression lying within [start, end) nearest to ``anchor``.

        Resolved expressions (value not None) are preferred; without an
        anchor the first one in the span is returned.
        """
        inside = [e for e in exprs if e.start >= start and e.end <= end]
        if not inside:
            return None
        resolved = [e for e in inside if e.value is not None]
        pool = resolved or inside
        if anchor is None:
            return min(pool, key=lambda e: e.start)

        def dist(e: TimeExpr) -> int:
            if e.start <= anchor < e.end:
                return 0
            return e.start - anchor if e.start > anchor else anchor - e.end + 1

        return min(pool, key=lambda e: (dist(e), e.start))

    # ------------------------------------------------------------------
    def _has_context(self, text: str, m: re.Match) -> bool:
        if m.group("prep"):
            return True
        before = re.search(r"([\w'’]+)\W*$", text[max(0, m.start() - 40):m.start()])
        if before and _norm(before.group(1)) in self.year_context:
            return True
        rest = text[m.end("core"):].lstrip(" \t")
        return not rest or rest[0] in _PUNCT_AFTER or rest[0] == "\n"

    def _slots(self, pat: _Pattern, m: re.Match) -> dict[str, Any]:
        slots: dict[str, Any] = {}
        for name, (slot, label) in pat.groups.items():
            raw = m.group(name)
            if raw is None:
                continue
            key = _norm(raw)
            table = self.lexicon.get(slot, {})
            if key in table:
                slots[label] = table[key]
            elif slot == "clock":
                digits = [int(x) for x in re.findall(r"[0-9]+", raw)]
                slots[label] = f"{digits[0]:02d}:{(digits[1] if len(digits) > 1 else 0):02d}"
            elif slot in self._builtin and raw.isdigit():
                slots[label] = int(raw)
            else:
                # the regex matched a word its lexicon does not hold: IGNORECASE lets
                # "janvıer" (dotless ı) or "JANVİER" match "janvier"; no reading, no expression
                raise _Drop
        return slots

    def _apply(self, pat: _Pattern, slots: dict, pub: Date | None, bias: int | None) -> dict:
        spec = pat.spec
        part = slots.get("part", spec.get("part"))
        daypart = slots.get("daypart", spec.get("daypart"))
        out: dict[str, Any] = {"time": slots.get("clock", spec.get("time"))}
        rule = pat.rule
        if rule == "relative":
            value, precision = self._relative(spec, slots, pub)
            if precision == "day" and daypart is None and part is not None:
                part = None  # "hier en début d'après-midi": part of the daypart
        elif rule == "anaphoric":
            unit, n = self._offset(spec, slots)
            value, precision = None, spec.get("precision", _UNIT_PRECISION.get(unit, unit))
            out["anaphor"] = (unit, n, precision, bool(spec.get("needs_anchor")))
        elif rule == "weekday":
            value, precision = self._weekday(slots, spec.get("rel"), pub, bias), "day"
            out["ahead"], out["behind"] = self._weekday_readings(slots, spec.get("rel"), pub, bias)
        elif rule == "weekdays":
            first = self._weekday({"weekday": slots["a"], **({"rel": slots["rel"]} if "rel" in slots else {})},
                                  spec.get("rel"), pub, bias)
            precision = "day"
            value = first
            if first is not None:
                d1 = Date.fromisoformat(first)
                d2 = d1 + dt.timedelta(days=(slots["b"] - slots["a"]) % 7 or 7)
                out["range_end"] = d2.isoformat()
                if d1.isocalendar()[:2] == d2.isocalendar()[:2]:
                    value, precision = _iso_week(d1), "week"
        elif rule == "night":
            value, precision = self._night(slots, pub), "day"
            daypart = daypart or "NI"
        elif rule == "date":
            value, precision = self._date(slots, pub, bias), "day"
            if "year" not in slots and "rel" not in slots and bias is None and value is not None:
                out["ahead"] = self._date({**slots, "rel": 1}, pub)
                out["behind"] = self._date({**slots, "rel": -1}, pub)
        elif rule == "month":
            value, precision = self._month(slots, pub, bias), "month"
            if "year" not in slots and "rel" not in slots and bias is None and value is not None:
                out["ahead"] = self._month(slots, pub, 1)
                out["behind"] = self._month(slots, pub, -1)
        elif rule == "year":
            value, precision = str(slots["year"]), "year"
        else:
            raise ValueError(f"unknown rule {rule!r}")
        out.update(value=value, precision=precision, part=part, daypart=daypart)
        return out

    # --- rules ----------------------------------------------------------
    @staticmethod
    def _offset(spec: dict, slots: dict) -> tuple[str, int]:
        unit = slots.get("unit") or spec.get("unit")
        if unit is None:
            raise _Drop
        if "rel" in slots:
            n = slots["rel"]
        elif "n" in spec:
            n = spec["n"]
        elif "num" in slots and slots["num"] is not None:
            n = slots["num"] * spec.get("sign", -1)
        else:
            raise _Drop
        return unit, n

    @classmethod
    def _relative(cls, spec: dict, slots: dict, pub: Date | None):
        unit, n = cls._offset(spec, slots)
        precision = spec.get("precision", _UNIT_PRECISION.get(unit, unit))
        if pub is None:
            return None, precision
        return _format(_shift(pub, unit, n), precision), precision

    def _resolve_anaphor(self, expr: TimeExpr, how: tuple, before: list[TimeExpr],
                         pub: Date | None) -> TimeExpr:
        """Count from the nearest day named shortly before, else from publication."""
        unit, n, precision, needs_anchor = how
        base = None if needs_anchor else pub
        for prev in reversed(before):
            if expr.start - prev.end > _ANAPHOR_WINDOW:
                break
            if prev.precision == "day" and prev.value and prev.range_end is None:
                base = Date.fromisoformat(prev.value)
                break
        if base is None:
            return expr
        return dataclasses.replace(expr, value=_format(_shift(base, unit, n), precision))

    @staticmethod
    def _weekday_readings(slots: dict, default_rel: int | None, pub: Date | None,
                          bias: int | None) -> tuple[str | None, str | None]:
        """(next such day, last such day) for a weekday whose words give no direction."""
        if pub is None or slots.get("rel", default_rel) is not None or bias is not None:
            return None, None
        ahead = (slots["weekday"] - pub.weekday()) % 7
        if ahead == 0:
            return None, None         # the publication day itself
        return (pub + dt.timedelta(days=ahead)).isoformat(), (pub - dt.timedelta(days=7 - ahead)).isoformat()

    @staticmethod
    def _weekday(slots: dict, default_rel: int | None, pub: Date | None,
                 bias: int | None = None) -> str | None:
        if pub is None:
            return None
        wd = slots["weekday"]
        rel = slots.get("rel", default_rel)
        ahead = (wd - pub.weekday()) % 7  # days to the next such day (0: today)
        if rel == 0 and ahead == 0:  # "ce lundi" on a Monday
            return pub.isoformat()
        if rel is None:
            if ahead == 0:
                # a bare weekday naming the publication day is that day: wire copy says
                # "a annoncé mercredi" in a story filed on Wednesday
                return pub.isoformat()
            if bias is not None:  # "depuis lundi" / "jusqu'à lundi"
                rel = bias
            elif ahead <= _WEEKDAY_AHEAD_DAYS and pub.weekday() + ahead < 7:
                rel = 1  # "mercredi" in Tuesday's paper (but Sunday's "lundi" looks back)
        if rel is not None and rel > 0:  # next one, strictly after publication
            return (pub + dt.timedelta(days=ahead or 7)).isoformat()
        delta = (pub.weekday() - wd) % 7 or 7  # most recent, strictly before
        return (pub - dt.timedelta(days=delta)).isoformat()

    @staticmethod
    def _night(slots: dict, pub: Date | None) -> str | None:
        if pub is None:
            return None
        a, b = slots["a"], slots["b"]
        # the morning after (b) is the most recent such day up to publication
        back = (pub.weekday() - b) % 7
        morning = pub - dt.timedelta(days=back)
        gap = (b - a) % 7 or 7
        return (morning - dt.timedelta(days=gap)).isoformat()

    @staticmethod
    def _date(slots: dict, pub: Date | None, bias: int | None = None) -> str | None:
        day = slots.get("day")
        month = slots.get("month") or slots.get("monthnum")
        if not day or not month:
            raise _Drop
        if "yy" in slots:
            slots["year"] = _expand_yy(slots["yy"], pub)
        if "year" in slots:
            d = _safe_date(slots["year"], month, day)
            if d is None:
                raise _Drop
            return d.isoformat()
        if not any(_safe_date(y, month, day) for y in (2015, 2016)):  # 29/02 ok
            raise _Drop
        if pub is None:
            return None
        cands = [d for y in (pub.year - 1, pub.year, pub.year + 1)
                 if (d := _safe_date(y, month, day))]
        if "weekday" in slots:
            same = [d for d in cands if d.weekday() == slots["weekday"]]
            cands = same or cands
        rel = slots.get("rel", bias or 0)
        if rel < 0:
            past = [d for d in cands if d <= pub]
            return max(past).isoformat() if past else min(cands).isoformat()
        if rel > 0:
            fut = [d for d in cands if d >= pub]
            return min(fut).isoformat() if fut else max(cands).isoformat()
        ok = [d for d in cands if (d - pub).days <= _MAX_FUTURE_DAYS] or cands
        return min(ok, key=lambda d: (abs((d - pub).days), d > pub)).isoformat()

    @staticmethod
    def _month(slots: dict, pub: Date | None, bias: int | None = None) -> str | None:
        month = slots["month"]
        if "yy" in slots:
            slots["year"] = _expand_yy(slots["yy"], pub)
        if "year" in slots:
            return f"{slots['year']:04d}-{month:02d}"
        if pub is None:
            return None
        here = pub.year * 12 + pub.month - 1
        cands = [y * 12 + month - 1 for y in (pub.year - 1, pub.year, pub.year + 1)]
        rel = slots.get("rel", 0)
        if rel < 0:
            k = max(c for c in cands if c < here)
        elif rel > 0:
            k = min(c for c in cands if c > here)
        elif bias is not None and bias < 0:  # "depuis mai": this May at the latest
            k = max(c for c in cands if c <= here)
        elif bias is not None and bias > 0:  # "jusqu'en mai": this May at the earliest
            k = min(c for c in cands if c >= here)
        else:
            ok = [c for c in cands if c - here <= _MAX_FUTURE_MONTHS]
            k = min(ok, key=lambda c: (abs(c - here), c > here))
        return f"{k // 12:04d}-{k % 12 + 1:02d}"


def _shift(d: Date, unit: str, n: int) -> Date:
    """``d`` moved by ``n`` units (day, week, weekend, month, year, hour)."""
    if unit == "day":
        return d + dt.timedelta(days=n)
    if unit == "hour":
        return d + dt.timedelta(days=int(n / 24))
    if unit == "week":
        return d + dt.timedelta(weeks=n)
    if unit == "weekend":
        if n == 0:
            # the weekend nearest to d (from a Monday or Tuesday: the one just past)
            sat = d + dt.timedelta(days=5 - d.weekday())
            prev = sat - dt.timedelta(days=7)
            return prev if (d - prev) < (sat - d) else sat
        return d + dt.timedelta(weeks=n)
    if unit == "month":
        y, mo = _shift_month(d.year, d.month, n)
        return Date(y, mo, min(d.day, calendar.monthrange(y, mo)[1]))
    if unit == "year":
        y = d.year + n
        return _safe_date(y, d.month, d.day) or Date(y, d.month, 28)
    raise ValueError(f"unknown unit {unit!r}")
