"""Actor and place recognition scored against the Sequoia treebank's named entities.

Sequoia (LGPL-LR; not shipped with quiquoi: point :func:`evaluate_sequoia` at a local
copy of the ``sequoia-ud.parseme.frsemcor.*`` CoNLL-U files) marks persons, organisations
and places by hand in column 11 (PARSEME-FR), with a *final* type and, for metonymy, a
*primary* one: "Washington continue d'accuser l'Irak" has Washington and Irak as
``NE-ORG.final`` over ``NE-LOC.prim`` (places standing for their governments), which is
the distinction quiquoi draws between a capital as an actor and a capital as a place.

Each gold sentence is coded alone (no article memory), with the language check off.
quiquoi's output is read as entities:

  * actors of kind ``person`` → PERS;
  * actors that name a body (organisation, group, body, country, capital, metonym) → ORG,
    when a word of their text other than an article starts with a capital letter
    ("l'ONU", "Washington"; not "le gouvernement");
  * places → LOC.

Titles and role nouns ("le ministre", "les rebelles") are actors but not named entities,
and are left out. A found entity matches a gold one of the same type when their
characters overlap (one-to-one, largest overlap first): quiquoi's person spans carry the
title the name came with ("le président Jacques Chirac"), Sequoia's the name alone.
Exact boundaries are reported too. Figures are given for every sub-corpus (news,
parliament, encyclopaedia, medical leaflets), for each file (train, dev, test) and over all.
The spaCy model's parser was trained on Sequoia's syntax (its train part): the rules read
better parses there than on unseen text; the dev and test parts are the fairer figure.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from quiquoi.ingest.readers import InputArticle

TYPES = ("PERS", "ORG", "LOC")
_NE = re.compile(r"NE-([A-Z]+)\.(final|prim)")
# sentence id prefix -> what the sub-corpus is
SUBCORPORA = {"annodis.er": "news (L'Est Républicain)", "Europar.550": "parliament (Europarl)",
              "frwiki": "encyclopaedia (Wikipedia)", "emea-fr-dev": "medical (EMEA)",
              "emea-fr-test": "medical (EMEA)"}
# actor kinds that name a body with a proper name (an organisation in Sequoia's terms)
ORG_KINDS = ("organisation", "group", "body", "country", "capital", "metonym")
_ARTICLES = {"le", "la", "les", "l'", "l’", "un", "une", "des", "du", "de", "d'", "d’"}


@dataclass
class GoldEntity:
    type: str              # final type: PERS, ORG, LOC, PROD, EVE
    start: int
    end: int
    primary: str | None    # the type before metonymy ("LOC" for Washington the government)


@dataclass
class GoldSentence:
    id: str
    text: str
    entities: list[GoldEntity] = field(default_factory=list)
    split: str = ""        # train, dev or test: the spaCy model's parser was trained on Sequoia's train part

    @property
    def subcorpus(self) -> str:
        return SUBCORPORA.get(self.id.split("_", 1)[0], "other")


def read_conllu(path: Path) -> list[GoldSentence]:
    """The sentences of a Sequoia CoNLL-U file with their named entities as character spans."""
    out: list[GoldSentence] = []
    block: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if line.strip():
            block.append(line)
        elif block:
            sent = _sentence(block, path)
            if sent is not None:
                sent.split = path.name.rsplit(".", 1)[-1] if "." in path.name else ""
                out.append(sent)
            block = []
    return out


def _sentence(lines: list[str], path: Path) -> GoldSentence | None:
    sid = text = None
    rows = []
    for line in lines:
        if line.startswith("# sent_id"):
            sid = line.split("=", 1)[1].strip()
        elif line.startswith("# text"):
            text = line.split("=", 1)[1].strip()
        elif not line.startswith("#"):
            rows.append(line.split("\t"))
    if text is None:
        return None
    # character span of every word: a multiword token ("du" = "de le") gives its span to its words
    spans: dict[str, tuple[int, int]] = {}
    cursor, covered = 0, set()
    for cols in rows:
        wid, form = cols[0], cols[1]
        if "." in wid or wid in covered:
            continue
        at = text.find(form, cursor)
        if at < 0:                       # a form the text spells otherwise: keep the cursor
            continue
        span = (at, at + len(form))
        cursor = span[1]
        if "-" in wid:
            a, b = (int(x) for x in wid.split("-"))
            for k in range(a, b + 1):
                spans[str(k)] = span
                covered.add(str(k))
        else:
            spans[wid] = span
    # column 11: "N:CATEGORY" opens expression N on this word, "N" continues it
    members: dict[str, list[tuple[int, int]]] = {}
    kinds: dict[str, tuple[str, str]] = {}
    for cols in rows:
        if len(cols) < 11 or cols[10] in ("*", "_") or cols[0] not in spans:
            continue
        for part in cols[10].split(";"):
            n, _, cat = part.partition(":")
            members.setdefault(n, []).append(spans[cols[0]])
            m = _NE.search(cat)
            if m:
                kinds[n] = (m.group(1), m.group(2))
    finals: dict[tuple[int, int], GoldEntity] = {}
    primaries: dict[tuple[int, int], str] = {}
    for n, (typ, level) in kinds.items():
        span = (min(s for s, _ in members[n]), max(e for _, e in members[n]))
        if level == "final":
            finals[span] = GoldEntity(typ, span[0], span[1], None)
        else:
            primaries[span] = typ
    for span, ent in finals.items():
        ent.primary = primaries.get(span)
    return GoldSentence(sid or f"{path.name}:{len(lines)}", text, sorted(finals.values(), key=lambda e: e.start))


def sequoia_files(folder: str | Path) -> list[Path]:
    folder = Path(folder)
    if folder.is_file():
        return [folder]
    files = sorted(folder.glob("*.parseme.frsemcor.*")) or sorted(folder.glob("*.conllu"))
    if not files:
        raise FileNotFoundError(f"no Sequoia CoNLL-U files in {folder}")
    return files


@dataclass
class Found:
    type: str
    start: int
    end: int
    kind: str              # quiquoi's kind: person, capital, place...


def found_entities(record, text: str) -> list[Found]:
    """quiquoi's record read as named entities (see the module's notes)."""
    out = []
    for a in record.actors:
        if a.kind == "person":
            out.append(Found("PERS", a.start, a.end, a.kind))
        elif a.kind in ORG_KINDS and _proper(text[a.start:a.end]):
            out.append(Found("ORG", a.start, a.end, a.kind))
    for p in record.places:
        if p.get("start") is not None:
            out.append(Found("LOC", p["start"], p["end"], "place"))
    return out


def _proper(words: str) -> bool:
    return any(w[:1].isupper() for w in re.findall(r"[\w'’-]+", words) if w.lower() not in _ARTICLES)


def match(gold: list[GoldEntity], found: list[Found]) -> list[tuple[GoldEntity, Found]]:
    """One-to-one pairs of the same type whose characters overlap, largest overlap first."""
    pairs = sorted(((min(g.end, f.end) - max(g.start, f.start), gi, fi)
                    for gi, g in enumerate(gold) for fi, f in enumerate(found)
                    if g.type == f.type and min(g.end, f.end) > max(g.start, f.start)), reverse=True)
    used_g, used_f, out = set(), set(), []
    for _, gi, fi in pairs:
        if gi not in used_g and fi not in used_f:
            used_g.add(gi)
            used_f.add(fi)
            out.append((gold[gi], found[fi]))
    return out


class _Tally:
    def __init__(self):
        self.tp = {t: 0 for t in TYPES}
        self.exact = {t: 0 for t in TYPES}
        self.gold = {t: 0 for t in TYPES}
        self.found = {t: 0 for t in TYPES}
        # place names standing for a government (ORG over LOC): read as actors / as places
        self.metonyms = self.metonyms_as_actor = self.metonyms_as_place = 0
        self.sentences = 0

    def add(self, sent: GoldSentence, found: list[Found]) -> None:
        self.sentences += 1
        gold = [g for g in sent.entities if g.type in TYPES]
        for g in gold:
            self.gold[g.type] += 1
        for f in found:
            self.found[f.type] += 1
        for g, f in match(gold, found):
            self.tp[g.type] += 1
            self.exact[g.type] += (g.start, g.end) == (f.start, f.end)
        for g in gold:
            if g.type == "ORG" and g.primary == "LOC":
                self.metonyms += 1
                over = [f for f in found if min(g.end, f.end) > max(g.start, f.start)]
                self.metonyms_as_actor += any(f.type == "ORG" for f in over)
                self.metonyms_as_place += any(f.type == "LOC" for f in over)

    def scores(self) -> dict:
        out = {"sentences": self.sentences}
        for t in TYPES + ("all",):
            tp = sum(self.tp.values()) if t == "all" else self.tp[t]
            gold = sum(self.gold.values()) if t == "all" else self.gold[t]
            found = sum(self.found.values()) if t == "all" else self.found[t]
            exact = sum(self.exact.values()) if t == "all" else self.exact[t]
            p = tp / found if found else 0.0
            r = tp / gold if gold else 0.0
            out[t] = {"gold": gold, "found": found, "tp": tp, "precision": round(p, 3), "recall": round(r, 3),
                      "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0, "exact": exact}
        out["metonyms"] = {"gold": self.metonyms, "read_as_actor": self.metonyms_as_actor,
                           "read_as_place": self.metonyms_as_place}
        return out


def evaluate_sequoia(folder: str | Path, coder) -> dict:
    """Score quiquoi's persons, organisations and places on every Sequoia sentence."""
    sents = [s for f in sequoia_files(folder) for s in read_conllu(f)]
    items = [InputArticle(id=s.id, text=s.text, origin=s.id) for s in sents]
    tallies: dict[str, _Tally] = {}
    splits: dict[str, _Tally] = {}
    overall = _Tally()
    check, coder.check_language = coder.check_language, False     # the gold says it is French
    try:
        results = list(coder.code_many(items))
    finally:
        coder.check_language = check
    for sent, rec in zip(sents, results):
        found = found_entities(rec, sent.text) if hasattr(rec, "actors") else []
        tallies.setdefault(sent.subcorpus, _Tally()).add(sent, found)
        splits.setdefault(sent.split or "?", _Tally()).add(sent, found)
        overall.add(sent, found)
    return {"all": overall.scores(), "by_subcorpus": {k: t.scores() for k, t in sorted(tallies.items())},
            "by_split": {k: t.scores() for k, t in sorted(splits.items())}}


def format_report(res: dict) -> str:
    lines = ["Sequoia named entities (character overlap, same type; exact = same boundaries)"]

    def block(title: str, sc: dict) -> None:
        lines.append(f"  {title}: {sc['sentences']} sentences")
        for t in TYPES + ("all",):
            s = sc[t]
            lines.append(f"    {t:<4} P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}"
                         f"  (gold {s['gold']}, found {s['found']}, matched {s['tp']}, exact {s['exact']})")
        m = sc["metonyms"]
        if m["gold"]:
            lines.append(f"    place names standing for a government (ORG over LOC): {m['gold']}; "
                         f"read as actors {m['read_as_actor']}, as places {m['read_as_place']}")

    block("all", res["all"])
    for name, sc in res["by_subcorpus"].items():
        block(name, sc)
    for name, sc in res.get("by_split", {}).items():
        block(f"split {name}" + (" (the parser was trained on it)" if name == "train" else ""), sc)
    return "\n".join(lines)
