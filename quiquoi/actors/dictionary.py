"""Actor dictionaries of one language, compiled for look-up.

Names of countries, capitals, institutions, organisations and role titles are matched in
the parsed text with spaCy's PhraseMatcher (many multi-word names, one pass per article);
persons are looked up by the exact name the parser groups (a name and its flat:name parts),
which keeps tens of thousands of person variants out of the matcher.
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache
from dataclasses import dataclass
from datetime import date, timedelta

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from quiquoi.lang import LanguageData, split_multi
from quiquoi.nlp import offsets_of, text_of, texts_of


@lru_cache(maxsize=1 << 18)
def fold(text: str) -> str:
    """Case, accent and apostrophe-insensitive key ("État" == "etat", "l’ONU" == "l'onu")."""
    text = unicodedata.normalize("NFKD", text.replace("’", "'").replace("\u00a0", " "))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.lower().split())


@dataclass(frozen=True)
class Entry:
    """What a dictionary name means."""
    category: str            # country | capital | metonym | organisation | role | person
    name: str                # canonical name
    country: str | None
    role: str | None
    code: str | None
    kind: str | None = None  # for roles: title | body | group; for organisations: igo, armed_group...


@dataclass(frozen=True)
class PersonPeriod:
    name: str
    code: str | None
    country: str | None
    role: str | None
    start: str | None
    end: str | None
    own: bool = False        # from the language's own list, whose periods are checked and closed
    lapsed: bool = False     # made up: every office of the person ended before the day asked


class ActorDictionary:
    # matcher label order: when two names cover the same words, the earlier category wins
    PRIORITY = ("person", "organisation", "metonym", "country", "capital", "role")

    def __init__(self, data: LanguageData, tokenizer):
        vocab = tokenizer.vocab
        self.by_key: dict[tuple[str, str], Entry] = {}
        self.demonyms: dict[str, str] = {}     # folded adjective -> ISO3
        self.prefixes: dict[str, str] = {}     # folded prefix ("americano") -> ISO3
        self.country_names: dict[str, str] = {}  # ISO3 -> French name
        self.capitals: dict[str, str] = {}     # ISO3 -> capital name
        self.persons: dict[str, list[PersonPeriod]] = {}
        self.role_lemmas: dict[str, Entry] = {}
        # short all-capital names ("EAU", "UE"): matched case-blind, they would also find
        # the common words they spell ("des jets d'eau")
        self.acronyms: set[str] = set()
        # how long after a person's last office ends the press still writes of them in it
        # ("Le président du Niger, Mohamed Bazoum, a été destitué" the day after)
        self.former_after = timedelta(days=int((data.config or {}).get("former_after_days", 0) or 0))
        self.matcher = PhraseMatcher(vocab, attr="LOWER")
        self._patterns: dict[str, list[str]] = {c: [] for c in self.PRIORITY}
        self._load(data)
        # patterns are cut by the language's own tokenizer, so "al-Assad" or "d'État"
        # are split exactly as they will be in the articles
        for category, names in self._patterns.items():
            docs = [d for d in tokenizer.pipe(sorted(set(names))) if len(d)]
            if docs:
                self.matcher.add(category, docs)

    def _add(self, category: str, surface: str, entry: Entry) -> None:
        if surface.isupper() and len(surface) <= 6:
            self.acronyms.add(fold(surface))
        # the press writes both apostrophes and drops capital accents ("chef de l’Etat")
        folded = fold(surface)
        for variant in {surface, surface.replace("’", "'"), surface.replace("'", "’"), folded, folded.replace("'", "’")}:
            self._patterns[category].append(variant)
        self.by_key.setdefault((category, fold(surface)), entry)

    def _load(self, data: LanguageData) -> None:
        for row in data.countries:
            iso = row["iso3"]
            entry = Entry("country", row["name"], iso, "GOV", iso + "GOV", "country")
            self.country_names[iso] = row["name"]
            for n in [row["name"], *split_multi(row.get("aliases"))]:
                self._add("country", n, entry)
            for d in split_multi(row.get("demonyms")):
                self.demonyms.setdefault(fold(d), iso)
            for p in split_multi(row.get("prefixes")):
                self.prefixes.setdefault(fold(p.rstrip("-")), iso)
            cap = row.get("capital")
            if cap:
                self.capitals[iso] = cap
                self._add("capital", cap, Entry("capital", cap, iso, "GOV", iso + "GOV", "capital"))
            for seat in split_multi(row.get("adm_seats")):
                self._add("capital", seat, Entry("capital", seat, iso, "GOV", iso + "GOV", "capital"))
        for row in data.metonyms:
            self._add("metonym", row["text"], Entry("metonym", row["text"], row.get("country") or None,
                                                    row.get("role") or None, row.get("code") or None, "metonym"))
        for row in data.organisations:
            entry = Entry("organisation", row["name"], row.get("country") or None, row.get("role") or None,
                          row.get("code") or None, row.get("kind") or None)
            for n in [row["name"], *split_multi(row.get("aliases"))]:
                self._add("organisation", n, entry)
        for row in data.roles:
            entry = Entry("role", row["text"], None, row["role"], None, row.get("kind") or None)
            self._add("role", row["text"], entry)
            self.role_lemmas.setdefault(fold(row["text"]), entry)
        # (country, office) -> the periods its holders held it ("ministre de la Défense", ISR)
        self.offices: dict[tuple[str, str], list[PersonPeriod]] = {}
        # (the language's own rows come first in data.persons)
        own_rows = len(data.own_persons)
        for n, row in enumerate(data.persons):
            code = row.get("code") or None
            # an international body's official (IGOUNOIAE): the files leave the role empty,
            # the code says it is an international body's
            role = row.get("role") or ("IGO" if code and code.startswith("IGO") else None)
            period = PersonPeriod(row["name"], code, row.get("country") or None,
                                  role, row.get("start") or None, row.get("end") or None,
                                  n < own_rows)
            for n in [row["name"], *split_multi(row.get("aliases"))]:
                self.persons.setdefault(fold(n), []).append(period)
            for office in split_multi(row.get("office")):
                if period.country and period.start:
                    self.offices.setdefault((period.country, fold(office)), []).append(period)

    # -- look-ups -------------------------------------------------------------------
    def lookup(self, category: str, text: str) -> Entry | None:
        return self.by_key.get((category, fold(text)))

    def role(self, text: str) -> Entry | None:
        return self.role_lemmas.get(fold(text))

    def demonym(self, word: str) -> str | None:
        return self.demonyms.get(fold(word))

    def prefixed_countries(self, word: str) -> list[str]:
        """ISO3 codes of a compound adjective: "américano-russes" -> [USA, RUS]."""
        parts = fold(word).split("-")
        if len(parts) < 2:
            return []
        isos = [self.prefixes.get(p) for p in parts[:-1]] + [self.demonyms.get(parts[-1])]
        return [i for i in isos if i] if all(isos) else []

    def person(self, name: str, when: date | None) -> PersonPeriod | None:
        """The person's coding valid at `when` (the article's date), else their latest one
        (ELI, a former official, when all of them ended before that day).
        (The first row that covers the day: the language's own dated rows, then the shared
        list, whose undated default comes before its dated rows, many of them left open long
        after the office ended.)"""
        periods = self.persons.get(fold(name))
        if not periods:
            return None
        latest = max(periods, key=lambda p: p.end or "9999")
        if when is not None:
            day = when.isoformat()
            for p in periods:
                if (not p.start or p.start <= day) and (not p.end or day <= p.end):
                    return p
            if latest.own and latest.end and latest.end < (when - self.former_after).isoformat() \
                    and latest.country and latest.role:
                # every office over by that day: a former official, an elite (CAMEO ELI, as
                # the shared list's own undated defaults code them). Only for the language's
                # own rows: the shared list's last rows are often left open or stop years
                # before a person's next office
                return PersonPeriod(latest.name, latest.country + "ELI", latest.country, "ELI", latest.end, None,
                                    True, True)
        return latest

    def office_holder(self, country: str, office: str, when: date | None) -> PersonPeriod | None:
        """Who held `office` in `country` on `when`; None without a date or a known holder
        (an office row needs a start: an open-ended guess would name the wrong person)."""
        if when is None:
            return None
        day = when.isoformat()
        for p in self.offices.get((country, fold(office)), ()):
            if p.start <= day and (not p.end or day <= p.end):
                return p
        return None

    def _plain_name(self, category: str, text: str) -> bool:
        """Whether a lowercase text is also a name written in lowercase in the dictionaries
        (a role noun, say), not only an acronym."""
        return category == "role"

    def matches(self, doc: Doc) -> dict[int, tuple[Entry, int, int]]:
        """token index -> (entry, span start, span end) for every dictionary name in the doc.
        Longest span wins; on equal spans the category order of PRIORITY decides."""
        found: dict[int, tuple[Entry, int, int]] = {}
        spans = []
        # the span's text from the Doc's arrays (a Span object per match costs more)
        full, starts, words = text_of(doc), offsets_of(doc), texts_of(doc)
        for match_id, start, end in self.matcher(doc):
            category = doc.vocab.strings[match_id]
            text = full[starts[start]:starts[end - 1] + len(words[end - 1])]
            if text.islower() and fold(text) in self.acronyms and not self._plain_name(category, text):
                continue
            entry = self.lookup(category, text)
            if entry is not None:
                spans.append((end - start, -self.PRIORITY.index(category), start, end, entry))
        for length, _prio, start, end, entry in sorted(spans, key=lambda s: (s[0], s[1]), reverse=True):
            if any(i in found for i in range(start, end)):
                continue
            for i in range(start, end):
                found[i] = (entry, start, end)
        return found
