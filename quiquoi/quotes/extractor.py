"""Quotation extraction for French news (spaCy Doc -> RawQuote list).

Pipeline (cheap next to parsing: one scan of doc.text plus token look-ups):

1. ``MarkScanner`` finds the top-level quotations in the raw text.
2. The text is cut into *quote-aware sentences* (segments): sentence ends
   inside quotation marks do not count and a multi-paragraph quotation stays
   in one segment.  spaCy's own sentences are only used for the ``sentence``
   field, because its splitter cuts around guillemets.
3. Each quotation gets an attribution, tried in this order:
   speech incise after it (``», a affirmé X`` / ``», a-t-il ajouté``),
   incise inside it (``«…, a-t-il dit, …»``), verb of saying before it that
   governs it (``X a demandé de «…»``, ``X a déclaré : «…»``), attribution
   preposition (``selon X``, ``d'après X``, sentence-initial ``pour X,``),
   a colon ending the previous sentence, and finally inheritance from the
   quotation just before it (a speaker's statement going on).
4. Kind: direct / partial / scare (dropped), from the position of the
   quotation in its sentence, its attribution, length and verbs.
5. Indirect speech: verb of saying + que-clause outside quotation marks.
6. Pronoun speakers get a best-effort antecedent.
"""
from __future__ import annotations

import bisect
import re
from itertools import accumulate, compress
from operator import add

from spacy.attrs import ENT_IOB, ENT_TYPE, IS_PUNCT, IS_SPACE, POS, SENT_START
from spacy.symbols import (ADJ, ADP, ADV, AUX, CCONJ, DET, NOUN, NUM, PRON, PROPN, PUNCT, SCONJ, SPACE,
                           VERB, X)

_VERB_POS = {VERB, AUX}
_NEVER_VERB = {DET, ADP, CCONJ, SCONJ, PRON, NUM, PUNCT, SPACE}
_CHANNEL_POS = {NOUN, PROPN, X, ADJ, VERB}
_IOB_B, _IOB_I = 3, 1   # Token.ent_iob values of "B" and "I"
_MEMO_MAX = 200_000     # bound on the per-extractor string memos (a long run meets many forms)
from dataclasses import dataclass, asdict
from pathlib import Path
from typing import Iterable

from .lexicon import SpeechLexicon, norm
from .marks import MarkScanner, MarkSpan, paragraph_spans
from quiquoi.nlp import (children, ents_of, heads_of, lemmas_of, morph, morph_at, offsets_of, texts_of,
                         tokens_of)

_SENT_END = set(".!?…")
_SENT_END_RE = re.compile("[" + re.escape("".join(sorted(_SENT_END))) + "]")
_TERMINATORS = {".", ";", "!", "?", "…", ":", "«", "»", "“", "”", '"', "(", ")", "[", "]", "—", "–"}


@dataclass
class RawQuote:
    text: str
    start: int
    end: int
    kind: str                       # "direct" | "partial" | "indirect"
    sentence: int                   # 1-based doc sentence of the quote start
    verb: str | None = None
    verb_start: int | None = None
    verb_end: int | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_head: int | None = None
    speaker_is_pronoun: bool = False
    source_channel: str | None = None
    antecedent_start: int | None = None
    antecedent_end: int | None = None
    # extras (not part of the frozen interface, safe to ignore)
    speaker_text: str | None = None
    antecedent_text: str | None = None
    attribution: str | None = None  # incise|inner_incise|verb|preposition|colon|inherited|indirect
    closed: bool = True

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class _Attr:
    how: str
    verb: str | None = None
    verb_span: tuple[int, int] | None = None       # char offsets
    verb_tok: int | None = None
    speaker: tuple[int, int, int, bool] | None = None  # tok start, tok end (excl), head, pronoun
    channel: str | None = None
    clean: bool = True          # incise: nothing but a few words between quote and incise
    gap: range | list | None = None   # verb before: indices of the tokens between verb and quotation
    governs: bool = False       # verb before: the quotation depends on the verb
    direct_gov: bool = False    # ... directly
    where: str | None = None    # preposition: "before" / "after" the quotation


class _NormMemo(dict):
    """word -> norm(word), remembered: read with map() over a Doc's words at C speed."""

    def __missing__(self, word: str) -> str:
        value = self[word] = norm(word)
        return value


class QuoteExtractor:
    def __init__(self, lexicon: SpeechLexicon):
        self.lex = lexicon
        # the two verb vocabularies, built once, and what each token form matched in them
        self.default_vocab = lexicon.verbs | set(lexicon.multiword)
        self.indirect_vocab = self.default_vocab | lexicon.indirect_only
        self.lemma_memo: dict[tuple, str | None] = {}
        # token strings by hash (hashes are the same in every Vocab): text, normalised text, lemma
        self.string_memo: dict[int, str] = {}
        self.norm_memo: dict[str, str] = _NormMemo()
        # lexicon look-ups indexed once (same order as the lexicon's own lists)
        self.connectors_longest = sorted(lexicon.connectors, key=len, reverse=True)
        self.preps_by_first: dict[str, list] = {}
        for p in lexicon.preps:
            self.preps_by_first.setdefault(p["words"][0], []).append(p)
        self.fillers_by_last: dict[str, list] = {}
        for ph in lexicon.filler_phrases:
            if ph:
                self.fillers_by_last.setdefault(ph[-1], []).append(ph)
        self.channels_by_first = lexicon.channels_by_first()
        self.clitic_subjects = lexicon.third_person | lexicon.unresolvable
        self.scanner = MarkScanner(lexicon.pairs, lexicon.symmetric, lexicon.strip_chars,
                                   lexicon.inner_symmetric)

    @classmethod
    def from_language(cls, lang: str = "fr") -> "QuoteExtractor":
        path = Path(__file__).parents[1] / "lang" / lang / "speech.yaml"
        return cls(SpeechLexicon.load(path))

    # =====================================================================
    def extract(self, doc, text: str | None = None) -> list[RawQuote]:
        """Quotes of a parsed article; pass `text` (== doc.text) if you have it: Doc.text
        is rebuilt from every token on each access."""
        return _Run(self, doc, text).run()


class _Run:
    """State of one extraction over one Doc."""

    def __init__(self, qx: QuoteExtractor, doc, text: str | None = None):
        self.lex = qx.lex
        self.scanner = qx.scanner
        self.doc = doc
        self.toks = tokens_of(doc)     # the Doc's tokens with their parse in slots (quiquoi.nlp.Tok)
        self.text = doc.text if text is None else text
        self.default_vocab = qx.default_vocab
        self.indirect_vocab = qx.indirect_vocab
        self.lemma_memo = qx.lemma_memo
        self._verb_memo: dict = {}
        self.marks: list[MarkSpan] = qx.scanner.scan(self.text)
        # token attributes from the Doc's arrays (no Token objects made): the
        # attribution scans look at them many times
        n = len(doc)
        self.n = n
        self.string_memo = qx.string_memo
        self.norm_memo = qx.norm_memo
        self.connectors_longest = qx.connectors_longest
        self.preps_by_first = qx.preps_by_first
        self.fillers_by_last = qx.fillers_by_last
        self.channels_by_first = qx.channels_by_first
        self.clitic_subjects = qx.clitic_subjects
        if n:
            arr = doc.to_array([POS, IS_PUNCT, IS_SPACE, SENT_START, ENT_IOB, ENT_TYPE])
            cols = arr.T.tolist()
        else:
            cols = [[]] * 6
        self.head = heads_of(doc)     # the per-Doc array the events stage reads too
        # punct, space: 0/1 flags (is_punct, is_space); ent_iob: Token.ent_iob (3 "B", 1 "I")
        (self.pos, self.punct, self.space, sent_start, self.ent_iob, ent_types) = cols
        # texts, lemmas and offsets: the per-Doc arrays the other stages read too
        self.ttext, self.lemma, self.tok_starts = texts_of(doc), lemmas_of(doc), offsets_of(doc)
        memo = self.string_memo          # entity label hash -> label, across articles
        if len(memo) > _MEMO_MAX:
            memo.clear()
        strings = doc.vocab.strings
        for h in set(ent_types).difference(memo):
            memo[h] = strings[h]
        self.ent_type = [memo[h] for h in ent_types]
        norms = self.norm_memo
        if len(norms) > _MEMO_MAX:
            norms.clear()
        # (norms and token ends with map at C speed: a Python loop over every token costs more)
        self.ntext = list(map(norms.__getitem__, self.ttext))
        # tokens that may start a verb of saying (speech_verb's first test, on the arrays)
        self.verb_cand_loose = [p not in _NEVER_VERB and not pu and not sp
                                for p, pu, sp in zip(self.pos, self.punct, self.space)]
        self.verb_cand = [c and p in _VERB_POS for c, p in zip(self.verb_cand_loose, self.pos)]
        self.tok_ends = list(map(add, self.tok_starts, map(len, self.ttext)))
        # tokens that may start a channel phrase / an attribution preposition (ascending)
        pos = self.pos
        self.chan_cands = [k for k in compress(range(n), map(self.channels_by_first.__contains__, self.ntext))
                           if pos[k] in _CHANNEL_POS]
        self.prep_cands = list(compress(range(n), map(self.preps_by_first.__contains__, self.ntext)))
        # quote id of each token (by its first character), -1 outside
        self.qid = [-1] * n
        for q, m in enumerate(self.marks):
            a = bisect.bisect_left(self.tok_starts, m.open_pos)
            # a token glued before the mark ("d»'opérations") belongs to the quote too
            if a > 0 and self.tok_ends[a - 1] > m.open_pos:
                a -= 1
            b = bisect.bisect_left(self.tok_starts, m.outer_end)
            if b > a:
                self.qid[a:b] = [q] * (b - a)
        # sentence of each token: what doc.sents gives (a sentence starts at token 0
        # and at every token whose sent_start is 1), without its Span objects
        # (a running count of the starts, made by accumulate: no Python loop over the tokens)
        starts = list(map((1).__eq__, sent_start))
        if starts:
            starts[0] = True
        self.sent_of = list(accumulate(starts, initial=0))[1:]
        self._content: dict[int, tuple[MarkSpan, list[int]]] = {}
        self.segments = self._segments()
        self.seg_starts = [s for s, _ in self.segments]
        self.scares: list[tuple[RawQuote, MarkSpan]] = []   # quoted terms, kept aside

    # ------------------------------------------------------------------ utils
    def morph(self, i: int, field: str) -> list[str]:
        """self.toks[i].morph.get(field), remembered by morphology (do not modify the list)."""
        return morph_at(self.doc, i, field)

    def finite_verb(self, i: int) -> bool:
        """self.toks[i].pos_ in ("VERB", "AUX") and "Fin" in its VerbForm."""
        return self.pos[i] in _VERB_POS and "Fin" in self.morph(i, "VerbForm")

    def tok_at(self, char: int) -> int:
        """Index of the token containing (or first after) a character."""
        i = bisect.bisect_right(self.tok_starts, char) - 1
        if i < 0:
            return 0
        if char >= self.tok_ends[i] and i + 1 < self.n:
            return i + 1
        return i

    def toks_in(self, a: int, b: int) -> range:
        return range(bisect.bisect_left(self.tok_starts, a), bisect.bisect_left(self.tok_starts, b))

    def seg_of(self, char: int) -> tuple[int, tuple[int, int]]:
        k = max(0, bisect.bisect_right(self.seg_starts, char) - 1)
        return k, self.segments[k]

    def _segments(self) -> list[tuple[int, int]]:
        """Quote-aware sentence segments (char ranges)."""
        text = self.text
        inside = []  # (open, outer_end) of top-level quotes
        for m in self.marks:
            inside.append((m.open_pos, m.outer_end))
        starts = [a for a, _ in inside]

        def in_quote(p: int) -> bool:
            k = bisect.bisect_right(starts, p) - 1
            return k >= 0 and inside[k][0] <= p < inside[k][1]

        cuts: set[int] = set()
        for ps, pe in paragraph_spans(text):
            if not in_quote(ps):
                cuts.add(ps)
        n = len(text)
        for found in _SENT_END_RE.finditer(text):      # (only these characters can end a sentence)
            i = found.start()
            ch = text[i]
            if not in_quote(i):
                j = i + 1
                while j < n and text[j] in _SENT_END:
                    j += 1
                if j < n and not text[j].isspace():
                    continue
                while j < n and text[j].isspace():
                    j += 1
                if j >= n:
                    continue
                nxt = text[j]
                if not (nxt.isupper() or nxt.isdigit() or nxt in "«“\"‹"):
                    continue
                # abbreviation "M. Toner", initials "J. Kerry"
                w = text[max(0, i - 4):i].split()
                last = w[-1] if w else ""
                if ch == "." and (norm(last) + "." in self.lex.honorifics or norm(last) in self.lex.honorifics
                                  or (len(last) == 1 and last.isupper())):
                    continue
                cuts.add(j)
        for m in self.marks:
            if m.close_pos is None:
                continue
            inner = text[m.start:m.end]
            if inner and inner[-1] in _SENT_END:
                j = m.close_pos + 1
                while j < n and text[j].isspace():
                    j += 1
                if j < n and (text[j].isupper() or text[j] in "«“\"‹"):
                    cuts.add(j)
        cuts.add(0)
        cs = sorted(cuts)
        return [(a, b) for a, b in zip(cs, cs[1:] + [n])]

    def is_pronoun(self, t) -> bool:
        w = norm(t.text).lstrip("-")
        return t.pos_ == "PRON" and (w in self.lex.third_person or w in self.lex.unresolvable)

    # --------------------------------------------------------------- verbs
    def speech_verb(self, i: int, loose: bool = False, vocab=None):
        """(lemma, last token index) if token i starts a verb of saying."""
        if not (self.verb_cand_loose[i] if loose else self.verb_cand[i]):
            return None         # (what _speech_verb would say first)
        # the two usual vocabularies, asked many times per token: remember the answer
        if vocab is None or vocab is self.default_vocab:
            key = (i, loose, False)
            vocab = self.default_vocab
        elif vocab is self.indirect_vocab:
            key = (i, loose, True)
        else:
            return self._speech_verb(i, loose, vocab)
        got = self._verb_memo.get(key, self)
        if got is self:
            got = self._verb_memo[key] = self._speech_verb(i, loose, vocab)
        return got

    def _speech_verb(self, i: int, loose: bool, vocab):
        doc, lex = self.doc, self.lex
        # cheap rejection on the POS array before a Token object is made
        pos = self.pos[i]
        # (_NEVER_VERB holds DET, ADP, CCONJ, SCONJ, PRON, NUM)
        if pos in _NEVER_VERB or (not loose and pos not in _VERB_POS):
            return None
        if self.punct[i] or self.space[i]:
            return None
        lemma, ttext = self.lemma[i], self.ttext[i]
        if vocab is self.default_vocab or vocab is self.indirect_vocab:
            key = (lemma, ttext, vocab is self.indirect_vocab)
            if key not in self.lemma_memo:
                if len(self.lemma_memo) > 200_000:   # bounded: a long run meets many forms
                    self.lemma_memo.clear()
                self.lemma_memo[key] = lex.verb_lemma(lemma, ttext, vocab)
            lem = self.lemma_memo[key]
        else:
            lem = lex.verb_lemma(lemma, ttext, vocab)
        if lem is None:
            return None
        if lem in lex.multiword:
            for rest in lex.multiword[lem]:
                j, ok = i + 1, True
                # skip hyphenated clitics: "a-t-il fait valoir", "met-il en garde"
                while j < self.n and self.ntext[j].startswith("-"):
                    j += 1
                for w in rest:
                    if j < self.n and self.ntext[j] == w:
                        j += 1
                    else:
                        ok = False
                        break
                if ok:
                    return f"{lem} {' '.join(rest)}", j - 1
            if lem not in lex.verbs:
                return None
        return lem, i

    def skip_fillers_left(self, b: int, lo: int) -> int:
        """Move left over incise fillers ("a en effet", "s'est-il", "a pour sa part")."""
        ntext, by_last = self.ntext, self.fillers_by_last
        while b >= lo:
            for ph in by_last.get(ntext[b], ()):
                n = len(ph)
                if b - n + 1 >= lo and tuple(ntext[b - n + 1:b + 1]) == ph:
                    b -= n
                    break
            else:
                if self.is_filler_at(b):
                    b -= 1
                else:
                    return b
        return b

    def is_filler(self, t) -> bool:
        return self.is_filler_at(t.i)

    def is_filler_at(self, i: int) -> bool:
        w = self.ntext[i]
        lex = self.lex
        if self.pos[i] in (AUX, X) and norm(self.lemma[i]) in lex.aux_fillers:
            return True       # (X: "a tweeté" when the tagger gives up on the participle)
        if w in lex.clitic_fillers or w.startswith("-"):
            return True
        if w in lex.adverb_fillers or (self.pos[i] == ADV and w not in (",",)):
            return True
        return False

    def clitic_subject(self, lo: int, hi: int):
        """A hyphenated subject clitic ("-il") among tokens lo..hi-1."""
        for k in range(lo, hi):
            w = self.ntext[k]
            if w.startswith("-") and w.lstrip("-") in self.clitic_subjects:
                return k
        return None

    # ------------------------------------------------------------ NP spans
    def starts_np(self, t) -> bool:
        return self.starts_np_at(t.i)

    def starts_np_at(self, i: int) -> bool:
        return (self.pos[i] in (DET, PROPN, NOUN, ADJ, NUM, X)
                or self.ntext[i] in self.lex.honorifics) and not self.punct[i]

    def np_after(self, i: int, limit: int, allow_io: bool = True):
        """Inverted subject / prepositional complement starting at token i.
        Returns (start, end_excl, head, is_pronoun) or None."""
        doc, lex = self.doc, self.lex
        ntext, pos, punct, space, qid = self.ntext, self.pos, self.punct, self.space, self.qid
        limit = min(limit, self.n)
        while i < limit and (ntext[i] in ("-t", "-t-") or space[i]
                             or (pos[i] == ADV and ntext[i] not in lex.honorifics)
                             or ntext[i] in lex.adverb_fillers):
            i += 1
        if i >= limit or qid[i] != -1:
            return None
        w = ntext[i].lstrip("-")
        if pos[i] == PRON or w in lex.third_person:
            if w in lex.third_person or w in lex.unresolvable:
                return i, i + 1, i, True
            return None
        if allow_io and ntext[i] in lex.io_preps:
            # ", a déclaré à l'AFP le ministre" / "explique à l'AFP Neo Simutanyi"
            j = i + 1
            while j < limit and self.toks[j].pos_ == "DET":
                j += 1
            j += 1     # the addressee's head word
            start = None
            while j < limit and not self.toks[j].is_punct and self.qid[j] == -1:
                d = self.toks[j]
                if d.pos_ == "DET" or norm(d.text) in lex.honorifics or d.ent_iob_ == "B" and d.ent_type_ in ("PER", "PERSON"):
                    start = j
                    break
                if d.text[:1].isupper() and self.toks[j - 1].text.isupper() and len(self.toks[j - 1].text) > 1:
                    start = j      # "explique à l'AFP Neo Simutanyi": a medium's acronym, then the speaker
                    break
                if d.pos_ not in ("PROPN", "NOUN", "ADJ"):
                    break
                j += 1
            if start is None:
                return None
            i = start
        if not self.starts_np_at(i):
            return None
        n_doc, ttext = self.n, self.ttext
        s, e = i, i
        appos_done = affiliated = False
        while e < limit:
            w = ntext[e]
            if qid[e] != -1 or space[e]:
                break
            if ttext[e] == ",":
                n = e + 1
                if appos_done or n >= limit or qid[n] != -1:
                    break
                names_only = all(pos[k] == PROPN or ntext[k] in lex.honorifics
                                 for k in range(s, e))
                if (pos[n] == PROPN or ntext[n] in lex.honorifics
                        or (pos[n] == NOUN and ntext[n] not in lex.np_stop)
                        or (names_only and pos[n] == DET)
                        or (pos[n] == DET and n + 2 < limit and pos[n + 1] == NOUN
                            and self.toks[n + 2].ent_type_ in ("PER", "PERSON"))):
                    appos_done = True
                    e = n
                    continue
                break
            if punct[e] and w not in ("-", "'"):
                break
            if e > s:
                if w in ("à", "au", "aux") and not affiliated and any(
                        norm(self.lemma[x]) in lex.affiliation_nouns or ntext[x] in lex.affiliation_nouns
                        for x in range(s, e)) and not any(
                        tuple(ntext[e + k] for k in range(len(p)) if e + k < n_doc) == p
                        for p in lex.np_stop_phrases):
                    affiliated = True      # "une source à la présidence française"
                elif w in lex.np_stop:
                    nxt = ntext[e + 1] if e + 1 < n_doc else ""
                    if (w, nxt) not in lex.np_inner:
                        break
                    if w in ("à", "au", "aux"):
                        k = e + 1
                        while k < limit and pos[k] == DET:
                            k += 1
                        cap = k < limit and ttext[k][:1].isupper() and not ttext[k].isupper()
                        if not cap:
                            break
                if any(tuple(ntext[e + k] for k in range(len(p)) if e + k < n_doc) == p
                       for p in lex.np_stop_phrases):
                    break
                if self.finite_verb(e):
                    break
                if pos[e] in (PRON, SCONJ):
                    break
                if pos[e] == CCONJ:
                    if not (e + 1 < limit and pos[e + 1] in (DET, PROPN)):
                        break
            e += 1
            if e - s > 25:
                break
        while e > s and (pos[e - 1] in (ADP, DET, CCONJ) or punct[e - 1] or space[e - 1]):
            e -= 1
        if e <= s:
            return None
        if appos_done:
            # "le porte-parole de l'armée, le général Nabil Abdallah": a person named after the
            # comma is the speaker the titles describe
            # (the comma may be the phrase's last word, cut off above: then no name follows it)
            comma = next((k for k in range(s, e) if ttext[k] == ","), e)
            for k in range(comma + 1, e):
                if self.toks[k].ent_iob == _IOB_B and self.toks[k].ent_type_ in ("PER", "PERSON") and pos[k] == PROPN:
                    return s, e, k, False
        return s, e, self.np_head(s, e), False

    def np_head(self, s: int, e: int) -> int:
        doc = self.doc
        best = None
        for k in range(s, e):
            h = self.toks[k].head.i
            if not (s <= h < e) or h == k:
                if self.toks[k].pos_ in ("NOUN", "PROPN", "PRON"):
                    return k
                if best is None:
                    best = k
        for k in range(s, e):
            if self.toks[k].pos_ in ("NOUN", "PROPN"):
                return k
        return best if best is not None else s

    def dep_np(self, h: int):
        """Span of the phrase headed by token h, without relative clauses."""
        doc = self.doc
        head = self.toks[h]
        if head.pos_ == "PRON" and ("Rel" in morph(head, "PronType") or norm(head.text) in self.lex.relatives):
            # "le ministre, qui a déclaré que..." -> the noun the clause modifies
            v = head.head
            if v.dep_.startswith("acl") and v.head.i != v.i:
                return self.dep_np(v.head.i)
        drop = set()
        for c in children(head):
            if c.dep_ in ("cc", "mark"):
                drop.update(x.i for x in c.subtree)
                continue
            if c.dep_ in ("acl:relcl", "acl", "advcl", "parataxis", "ccomp", "dep", "punct") and c.i > h:
                if c.dep_ == "punct" and c.text == ",":
                    continue
                drop.update(x.i for x in c.subtree)
        keep = [x.i for x in head.subtree if x.i not in drop and self.qid[x.i] == -1]
        if not keep:
            return h, h + 1, h, self.is_pronoun(head)
        s, e = min(keep), max(keep) + 1
        # keep contiguous part around the head
        ks = set(keep)
        a = h
        while a - 1 >= s and (a - 1) in ks:
            a -= 1
        b = h + 1
        while b < e and b in ks:
            b += 1
        s, e = a, b
        while e > s + 1 and (self.toks[e - 1].is_punct or self.toks[e - 1].pos_ in ("ADP", "CCONJ")):
            e -= 1
        while s < e - 1 and self.toks[s].is_punct:
            s += 1
        opened = sum(1 for k in range(s, e) if self.toks[k].text == "(") - sum(1 for k in range(s, e) if self.toks[k].text == ")")
        if opened > 0 and e < len(doc) and self.toks[e].text == ")":
            e += 1      # "Table de l'unité démocratique (MUD)"
        if e - s >= 5 and self.toks[e - 1].text == ")" and self.toks[e - 3].text == "(" and self.toks[e - 2].text.isupper() \
                and any(self.toks[k].pos_ == "CCONJ" for k in range(s, e - 3)):
            # "Londres, Paris et Berlin (E3)": the acronym names the group
            return e - 2, e - 1, e - 2, False
        return s, e, h, self.is_pronoun(head)

    def subject_of(self, v: int, depth: int = 0):
        """Subject phrase of verb v: its nsubj (the one nearest the verb), the
        subject of the verb it depends on when it is non-finite ("ajoutant
        que", "afin de dénoncer"), or an inverted subject in an incise."""
        doc = self.doc
        t = self.toks[v]
        subs = [c for c in children(t) if c.dep_ in ("nsubj", "nsubj:pass") and self.qid[c.i] == -1
                and norm(c.text) not in ("-t", "-t-")]
        if subs:
            real = [c for c in subs if norm(c.text) not in self.lex.relatives] or subs
            real = [c for c in real if c.pos_ in ("NOUN", "PROPN", "PRON")] or real
            c = min(real, key=lambda c: abs(c.i - v))
            # «…» est «terminé», a affirmé le Kremlin: a subject before a
            # quotation is the quotation's, the incise has its own after it
            if not (c.i < v and any(self.qid[x] != -1 for x in range(c.i + 1, v))):
                return self.dep_np(c.i)
            inv = self.inverted_subject(v)
            return inv if inv else self.dep_np(c.i)
        # inverted subject of an incise: ", a déclaré aux journalistes le porte-parole"
        inv = self.inverted_subject(v)
        if inv:
            return inv
        # "Londres, Paris et Berlin (E3) ont dénoncé": a parenthesised acronym
        # right before the verb names the group when the parse found no subject
        k = v - 1
        while k >= 0 and (self.toks[k].pos_ == "AUX" or self.is_filler(self.toks[k])) and self.qid[k] == -1:
            k -= 1
        if k >= 2 and self.toks[k].text == ")" and self.toks[k - 2].text == "(" and self.toks[k - 1].pos_ in ("PROPN", "NOUN", "X") \
                and self.toks[k - 1].text[:1].isupper():
            return k - 1, k, k - 1, False
        # "a de son côté appelé": a participle whose auxiliary the parser missed
        aux = self.aux_before(v)
        if aux is not None and depth < 4:
            r = self.subject_of(aux, depth + 1)
            if r:
                return r
        vf = morph(t, "VerbForm")
        nonfinite = not vf or vf[0] in ("Inf", "Part", "Ger")
        if depth < 4 and t.head.i != v:
            if t.dep_ == "conj" or (nonfinite and t.dep_ in ("xcomp", "advcl", "ccomp", "obj", "obl:arg", "obl:mod", "acl")):
                h = t.head
                if h.pos_ in ("ADV", "ADP", "SCONJ") and h.head.i != h.i:
                    h = h.head       # "afin de dénoncer": climb over "afin"
                if norm(t.text).endswith("ant") and v > 0 and self.toks[v - 1].text == ",":
                    # ", ajoutant que" / ", qualifiant X de": subject of the
                    # nearest finite clause before, outside quotations
                    seg = self.seg_of(t.idx)[1]
                    lo = self.toks_in(*seg).start
                    for k in range(v - 2, lo - 1, -1):
                        d = self.toks[k]
                        if self.qid[k] != -1 or d.pos_ != "VERB" or d.dep_ in (
                                "acl:relcl", "acl", "amod"):
                            continue
                        vf2 = morph(d, "VerbForm")
                        if (vf2 and vf2[0] == "Fin") or any(c.dep_.startswith("aux") for c in children(d)):
                            return self.subject_of(k, depth + 1)
                    return None
                if t.dep_ == "acl" and h.pos_ in ("NOUN", "PROPN"):
                    return None
                if t.dep_ != "acl":
                    r = self.subject_of(h.i, depth + 1)
                    if r:
                        return r
        return None

    def inverted_subject(self, v: int):
        """Subject after the verb of an incise (", a déclaré le ministre")."""
        doc, t = self.doc, self.toks[v]
        if t.pos_ in ("VERB", "AUX") and self.speech_verb(v, loose=True):
            b = self.skip_fillers_left(v - 1, 0)
            if b >= 0 and self.toks[b].text in (",",) + tuple(c for _, c in self.lex.pairs) + tuple(self.lex.symmetric) \
                    and self.finite_ok(v, b + 1):
                _, vend = self.speech_verb(v, loose=True)
                seg = self.seg_of(t.idx)[1]
                c = self.clitic_subject(b + 1, min(len(doc), vend + 3))
                if c is not None:
                    return c, c + 1, c, True
                return self.np_after(vend + 1, self.toks_in(*seg).stop)
        return None

    def aux_before(self, v: int):
        """The auxiliary of a participle, over incise fillers: "a de son côté appelé"."""
        doc, t = self.doc, self.toks[v]
        vf = morph(t, "VerbForm")
        if not vf or vf[0] != "Part" or any(c.dep_.startswith("aux") for c in children(t)):
            return None
        b = self.skip_fillers_left(v - 1, max(0, v - 6))
        # skip_fillers_left also steps over the auxiliary itself: look at the skipped run
        for k in range(v - 1, max(b - 1, -1), -1):
            if norm(self.toks[k].lemma_) in self.lex.aux_fillers and self.toks[k].pos_ in ("AUX", "VERB") \
                    and "Fin" in morph(self.toks[k], "VerbForm"):
                return k
        return None

    # ---------------------------------------------------------- attribution
    def finite_ok(self, k: int, lo: int) -> bool:
        """The verb of an incise is finite, or a participle after an
        auxiliary ("a déclaré"); not "qualifiant", not "dit de"."""
        vf = self.morph(k, "VerbForm")
        if vf and vf[0] in ("Inf", "Ger"):
            return False
        if self.ntext[k].endswith("ant") and (not vf or vf[0] != "Fin"):
            return False
        if vf and vf[0] == "Part":
            return any(self.pos[x] == AUX or norm(self.lemma[x]) in self.lex.aux_fillers
                       for x in range(max(lo, k - 5), k))
        return True

    def incise_after(self, m: MarkSpan):
        """«…», a affirmé X / «…» des hostilités, a mis en garde X /
        «A» à Rafah et «B», a déclaré X (other quotations are skipped)."""
        doc = self.doc
        if m.close_pos is None:
            return None
        _, (ss, se) = self.seg_of(m.close_pos)
        toks = self.toks_in(m.outer_end, se)
        if not toks:
            return None
        j0 = toks.start
        outside = 0
        crossed = False
        for k in range(j0, min(toks.stop, j0 + 90)):
            if self.qid[k] != -1:
                crossed = True
                continue
            outside += 1
            if outside > 16:
                break
            if self.ttext[k] in (".", ";", "!", "?", ":") and k > j0:
                break
            if not self.verb_cand_loose[k]:      # (speech_verb's first test, inlined)
                continue
            sv = self.speech_verb(k, loose=True)
            if not sv:
                continue
            # left context: fillers back to a comma (or the closing mark)
            b = self.skip_fillers_left(k - 1, j0)
            ok = b < j0 or self.ttext[b] in (",", "!", "?", "…", "—", "–", "-") or self.qid[b] != -1
            subj = None
            if not ok and self.ttext[j0] == ",":
                # non-inverted: «…», le ministre a déclaré.
                s = self.subject_of(k)
                if s and s[0] >= j0:
                    b2 = s[0] - 1
                    if b2 < j0 or self.ttext[b2] == ",":
                        ok, subj = True, s
            if not ok or not self.finite_ok(k, b + 1):
                continue
            between = [x for x in range(j0, max(j0, b)) if self.qid[x] == -1]
            if any(self.pos[x] == VERB and "Fin" in self.morph(x, "VerbForm") for x in between):
                continue
            lem, vend = sv
            if subj is None:
                c = self.clitic_subject(b + 1, k)
                if c is None:
                    c = self.clitic_subject(k + 1, min(self.n, vend + 3))
                    if c is not None and c > vend + 2:
                        c = None
                if c is not None:
                    subj = (c, c + 1, c, True)
                else:
                    subj = self.np_after(vend + 1, toks.stop)
            a = _Attr("incise", lem, self.char_span(k, vend), k, subj)
            words = [x for x in between if not self.punct[x] and not self.space[x]]
            a.clean = not crossed and len(words) <= 4
            self.channel_owner(a)
            return a
        return None

    def channel_owner(self, a: "_Attr") -> None:
        """«…», a précisé le communiqué de la diplomatie russe: the channel
        is not the speaker, its "de" complement is."""
        if not a.speaker or a.speaker[3]:
            return
        s, e, h, _ = a.speaker
        ch = self.channel_at(s, min(e, s + 4))
        if not ch:
            return
        a.channel = ch[0]
        doc = self.doc
        first = s
        while first < ch[1] and self.pos[first] == DET:
            first += 1
        if ch[1] > first:
            # "a écrit M. Pachinian sur Facebook": the speaker comes first, the channel after
            k = ch[1]
            while k > s + 1 and (self.pos[k - 1] in (ADP, DET) or self.punct[k - 1]):
                k -= 1
            a.speaker = (s, k, self.np_head(s, k), False)
            return
        for x in range(ch[2], e):
            w = self.ntext[x]
            if w in ("de", "d'", "des"):
                a.speaker = self.np_after(x + 1, e, allow_io=False)
                return
            if w == "du":
                r = self.np_after(x + 1, e, allow_io=False) if x + 1 < e else None
                a.speaker = r
                return
            break
        a.speaker = None

    def incise_inside(self, m: MarkSpan):
        """«…, a-t-il dit, …» / «…, estime le ministre. …»"""
        doc = self.doc
        toks = self.toks_in(m.start, m.end)
        for k in toks:
            if k == toks.start:
                continue
            if not self.verb_cand_loose[k]:      # (speech_verb's first test, inlined)
                continue
            sv = self.speech_verb(k, loose=True)
            if not sv:
                continue
            lem, vend = sv
            b = self.skip_fillers_left(k - 1, toks.start + 1)
            if self.toks[b].text != ",":
                continue
            c = self.clitic_subject(b + 1, k)
            if c is None:
                c2 = self.clitic_subject(k + 1, min(toks.stop, vend + 3))
                c = c2 if c2 is not None and c2 <= vend + 2 else None
            if c is not None:
                subj = (c, c + 1, c, True)
                after = c + 1 if c > vend else vend + 1
            else:
                subj = self.np_after(vend + 1, toks.stop, allow_io=True)
                if not subj or subj[3] or self.toks[subj[2]].pos_ not in ("NOUN", "PROPN"):
                    continue
                after = subj[1]
            # the incise must close: ", a-t-il dit," / "... dit-il."
            while after < toks.stop and self.toks[after].pos_ in ("ADV",):
                after += 1
            if after < toks.stop and self.toks[after].text not in (",", ".", "!", "?", "…", ";"):
                continue
            return _Attr("inner_incise", lem, self.char_span(k, vend), k, subj)
        return None

    def governs(self, v: int, first: int) -> bool:
        head = self.head
        x = first
        for _ in range(12):
            if x == v:
                return True
            h = head[x]
            if h == x:
                return False
            x = h
        return False

    def verb_before(self, m: MarkSpan, seg: tuple[int, int]):
        """X a demandé à Y de «…» / X a déclaré : «…» / X a déploré
        l'absence de réponses «…» (the verb governs the quotation)."""
        doc = self.doc
        ss, _ = seg
        toks = self.toks_in(ss, m.open_pos)
        if not toks:
            return None
        first = self.tok_at(m.start)
        vocab = self.indirect_vocab     # == verbs | multi-word verbs | indirect_only
        lex_so_called = self.lex.det_contexts
        crossed = False
        for k in range(toks.stop - 1, toks.start - 1, -1):
            if self.qid[k] != -1:
                if self.qid[k] == self.qid[first]:
                    break
                # «A» et des activités «B»: the verb before A may govern B too
                crossed = True
                continue
            if not self.verb_cand[k]:      # (speech_verb's first test, inlined)
                continue
            sv = self.speech_verb(k, loose=False, vocab=vocab)
            if not sv:
                continue
            t = self.toks[k]
            vf = morph(t, "VerbForm")
            # adjectival or passive participles: "dit de «transition»", "lancés par «HH»"
            if any(c.dep_ in ("aux:pass",) for c in children(t)) or "Pass" in morph(t, "Voice"):
                continue
            if (not vf or vf[0] != "Fin") and not any(c.dep_.startswith("aux") for c in children(t)) \
                    and norm(t.text) in lex_so_called:
                continue      # "le gouvernement dit de «transition»"
            if vf and vf[0] == "Part" and not any(c.dep_.startswith("aux") for c in children(t)) \
                    and t.dep_ in ("acl", "amod") and not norm(t.text).endswith("ant") \
                    and self.aux_before(k) is None:
                continue
            lem, vend = sv
            gap = range(vend + 1, toks.stop)      # token indices between verb and quotation
            gov = self.governs(k, first)
            if crossed and not gov:
                if len([x for x in gap if self.qid[x] == -1]) > 8:
                    return None
                continue
            short_gap = len(gap) <= 6 and not any(
                self.finite_verb(x) or self.ntext[x] == "par" for x in gap)
            if not (gov or short_gap):
                if len(gap) > 8:
                    return None
                continue
            subj = self.subject_of(k)
            a = _Attr("verb", lem, self.char_span(k, vend), k, subj)
            self.channel_owner(a)      # "le communiqué de la diplomatie russe" / "ce texte"
            a.gap = gap
            a.direct_gov = self.toks[first].head.i == k or self.governs(k, first) and all(
                self.toks[x].head.i == k or x == first for x in [self.toks[first].head.i])
            a.governs = gov
            return a
        return None

    def colon_subject(self, a: int, b: int):
        """Subject of the main clause of the text a..b (ending with a colon)."""
        doc = self.doc
        toks = [i for i in self.toks_in(a, b) if self.qid[i] == -1]
        for i in toks:
            t = self.toks[i]
            if t.dep_ in ("nsubj", "nsubj:pass") and t.head.i in toks and not self.is_pronoun(t) \
                    or (t.dep_ == "nsubj" and self.is_pronoun(t) and norm(t.text) in self.lex.third_person):
                sp = self.dep_np(i)
                att = _Attr("colon", None, None, None, sp)
                att.gap = []
                return att
        return None

    def prep_attr(self, lo: int, hi: int, m: MarkSpan, where: str):
        """selon X / d'après X / pour X, in tokens lo..hi-1 (outside quotes)."""
        doc, lex = self.doc, self.lex
        by_first, ntext, cands = self.preps_by_first, self.ntext, self.prep_cands
        for c in range(bisect.bisect_left(cands, lo), len(cands)):
            k = cands[c]      # (only tokens that are the first word of a preposition)
            if k >= hi:
                break
            if self.qid[k] != -1:
                continue
            for p in by_first[ntext[k]]:      # the preps whose first word is this one
                words = p["words"]
                if tuple(ntext[k:k + len(words)]) != words:
                    continue
                if p["strict"]:
                    # only sentence-initial (before) or right after the quote
                    prev = [x for x in range(lo, k) if not self.punct[x] and not self.space[x]]
                    if where == "before" and any(
                            (self.ntext[x],) not in lex.connectors for x in prev):
                        continue
                    if where == "after" and prev:
                        continue
                np = self.np_after(k + len(words), hi, allow_io=False)
                if not np:
                    continue
                if p["strict"]:
                    nxt = np[1]
                    while nxt < hi and self.space[nxt]:
                        nxt += 1
                    if nxt < hi and self.ttext[nxt] not in (",", ".", ";", "!", "?") and self.qid[nxt] == -1:
                        continue
                a = _Attr("preposition", p["lemma"], self.char_span(k, k + len(words) - 1), k, np)
                a.where = where
                # "selon le compte rendu du département d'État": the channel is
                # not the speaker; its "de" complement is
                ch = self.channel_at(np[0], np[1])
                if ch:
                    a.channel = ch[0]
                    owner = None
                    for x in range(ch[2], np[1]):
                        if self.ntext[x] in ("de", "du", "des", "d'"):
                            owner = self.np_after(x + 1, np[1] + 1, allow_io=False) or (
                                self.np_after(x, np[1], allow_io=False) if self.ntext[x] == "du" else None)
                            break
                    a.speaker = owner
                return a
        return None

    def channel_at(self, lo: int, hi: int):
        """First channel phrase in tokens lo..hi-1: (label, start, end_excl)."""
        by_first, ntext, qid, cands = self.channels_by_first, self.ntext, self.qid, self.chan_cands
        for c in range(bisect.bisect_left(cands, lo), len(cands)):
            k = cands[c]      # (only tokens that may start a channel phrase)
            if k >= hi:
                break
            if qid[k] != -1:
                continue
            best = None
            for words, label in by_first[ntext[k]]:
                if tuple(ntext[k:k + len(words)]) == words:
                    if best is None or len(words) > len(best[0]):
                        best = (words, label)
            if best:
                return best[1], k, k + len(best[0])
        return None

    def channel_near(self, lo: int, hi: int):
        doc, lex = self.doc, self.lex
        k = lo
        while k < hi:
            ch = self.channel_at(k, hi)
            if not ch:
                return None
            label, s, e = ch
            if any(self.ntext[x] in lex.channel_introducers for x in range(max(lo, s - 3), s)):
                return label
            k = e
        return None

    # ---------------------------------------------------------------- kinds
    def char_span(self, a: int, b: int) -> tuple[int, int]:
        return self.tok_starts[a], self.tok_ends[b]

    def content_tokens(self, m: MarkSpan) -> list[int]:
        """Indices of the quotation's tokens, punctuation and spaces left out (made once per mark)."""
        key = id(m)
        got = self._content.get(key)
        if got is None or got[0] is not m:
            punct, space = self.punct, self.space
            got = self._content[key] = (m, [i for i in self.toks_in(m.start, m.end)
                                            if not punct[i] and not space[i]])
        return got[1]

    def at_sentence_start(self, m: MarkSpan, seg: tuple[int, int]) -> bool:
        """Only connectors, punctuation or a 'selon X,' phrase before the mark."""
        lex = self.lex
        toks = [i for i in self.toks_in(seg[0], m.open_pos)
                if not self.space[i] and self.qid[i] == -1]
        if not toks:
            return True
        if self.ttext[toks[-1]] == ":":
            return True
        words = [self.ntext[i] for i in toks if not self.punct[i]]
        i = 0
        while i < len(words):
            for c in self.connectors_longest:
                if tuple(words[i:i + len(c)]) == c:
                    i += len(c)
                    break
            else:
                break
        if i == len(words):
            return True
        # "Selon le ministre, «…»"
        if self.ttext[toks[-1]] == ",":
            rest = tuple(words[i:])
            for p in lex.preps:
                if rest[: len(p["words"])] == p["words"]:
                    return True
        return False

    # ------------------------------------------------------------------ run
    def run(self) -> list[RawQuote]:
        doc, lex, text = self.doc, self.lex, self.text
        quotes: list[tuple[RawQuote, MarkSpan | None, int]] = []
        for q, m in enumerate(self.marks):
            seg_i, seg = self.seg_of(m.open_pos)
            cseg_i, cseg = self.seg_of(m.close_pos if m.close_pos is not None else m.end - 1)
            content = self.content_tokens(m)
            nwords = len(content)
            if nwords == 0:
                continue
            pos = self.pos
            has_verb = any(pos[i] in _VERB_POS and self.morph(i, "VerbForm") for i in content)
            has_fin = any(pos[i] in _VERB_POS and "Fin" in self.morph(i, "VerbForm") for i in content)
            start_tok = self.tok_at(m.start)
            before = [i for i in self.toks_in(seg[0], m.open_pos) if not self.space[i]]
            colon = bool(before) and self.ttext[before[-1]] == ":"
            at_start = self.at_sentence_start(m, seg)

            attr = self.incise_after(m)
            if attr is None and nwords > 3:
                attr = self.incise_inside(m)
            vb = self.verb_before(m, seg)
            if attr is not None and attr.how == "incise" and vb is not None and vb.governs \
                    and vb.speaker and not (at_start or colon):
                # "Macron a demandé de faire «un pas…», a ajouté cette source":
                # the governing verb's subject said the words
                attr = None
            if attr is not None:
                vb = None
            prep = None
            if attr is None:
                pre_toks = self.toks_in(seg[0], m.open_pos)
                post_toks = self.toks_in(m.outer_end, cseg[1])
                prep = (self.prep_attr(post_toks.start, post_toks.stop, m, "after")
                        or self.prep_attr(pre_toks.start, pre_toks.stop, m, "before"))
            # previous sentence ending with a colon: "Il a déclaré :\n\n«…»"
            colon_prev = None
            if attr is None and vb is None and at_start and not before and seg_i > 0:
                ps = self.segments[seg_i - 1]
                pt = [i for i in self.toks_in(*ps) if not self.space[i]]
                if pt and self.ttext[pt[-1]] == ":":
                    fake = MarkSpan(open_pos=ps[1], close_pos=None, start=ps[1], end=ps[1], opener="")
                    colon_prev = self.verb_before(fake, ps) or self.colon_subject(ps[0], ps[1])
                    if colon_prev:
                        colon_prev.how = "colon"
            if attr is None and vb is None and colon_prev is None and colon:
                # "La chancelière a été très claire : «…»"
                colon_prev = self.colon_subject(seg[0], m.open_pos)

            # ---- kind
            ctx = text[max(0, m.open_pos - 40):m.open_pos].replace("\u00a0", " ").replace("\u202f", " ").split()
            ctx_word = norm(ctx[-1]).strip("'") if ctx else ""
            np_ctx = ctx_word in lex.det_contexts or ctx_word in lex.prep_contexts
            rest = [i for i in self.toks_in(m.outer_end, cseg[1])
                    if not self.punct[i] and not self.space[i] and self.qid[i] == -1]
            whole = at_start and not rest
            short = nwords <= lex.scare_max_words and not has_verb
            starts_stmt = (at_start or colon) and ctx_word not in lex.partial_introducers
            kind = None
            if attr is not None:
                if attr.how == "inner_incise":
                    kind = "direct" if starts_stmt else "partial"
                else:
                    kind = "direct" if starts_stmt and attr.clean else "partial"
            elif colon_prev is not None or colon:
                if has_fin or nwords > lex.scare_max_words or (whole and text[m.end - 1] in _SENT_END):
                    kind = "direct"
            if kind is None and whole and (has_fin or nwords >= 3 or text[m.end - 1] in _SENT_END):
                kind = "direct"      # a statement standing as its own sentence
            if kind is None and short:
                # a term: partial only when a verb of saying takes it, or when
                # it is attributed and not used as a noun phrase
                if vb is not None and (vb.direct_gov or (len(vb.gap) <= lex.max_gap_after_verb and all(
                        self.pos[x] in (DET, ADP) or self.ttext[x] in (":", ",") for x in vb.gap))):
                    kind = "partial"
                elif vb is not None and vb.verb in lex.naming_verbs and ctx_word in ("de", "d", "comme") \
                        and (vb.governs or len(vb.gap) <= 12):
                    kind = "partial"    # "qualifiant la décision de «violation flagrante»"
                elif (vb is not None and vb.governs or prep is not None) and not np_ctx:
                    kind = "partial"
                else:
                    kind = "scare"
            if kind is None:
                if vb is not None:
                    gap_words = [x for x in vb.gap if not self.punct[x]]
                    kind = "direct" if (not gap_words and has_fin) else "partial"
                elif prep is not None:
                    # «…», selon X. / Selon X, «…».
                    kind = "direct" if whole or (starts_stmt and (prep.where == "after" or not rest)) \
                        else "partial"
                else:
                    kind = "scare"   # no one says it: quoted text of a document, a title...
            use = attr or colon_prev or vb or prep
            rq = RawQuote(
                text=self.quote_text(m), start=m.start, end=m.end, kind=kind,
                sentence=self.sent_of[start_tok], closed=m.closed)
            if use is not None:
                rq.attribution = use.how
                rq.verb = use.verb
                if use.verb_span:
                    rq.verb_start, rq.verb_end = use.verb_span
                if use.speaker is None and use is vb and prep is None:
                    # the verb has no subject we can find: try a preposition
                    pre_toks = self.toks_in(seg[0], m.open_pos)
                    post_toks = self.toks_in(m.outer_end, cseg[1])
                    prep = (self.prep_attr(post_toks.start, post_toks.stop, m, "after")
                            or self.prep_attr(pre_toks.start, pre_toks.stop, m, "before"))
                sp = use.speaker or (prep.speaker if prep is not None and prep is not use else None)
                if sp:
                    self.set_speaker(rq, sp)
            if kind == "partial" and nwords <= lex.scare_max_words and not has_fin and rq.speaker_start is None:
                kind = rq.kind = "scare"     # a term no one is said to have used
            # channel: around the attribution, in the sentence of the quote
            chan = getattr(use, "channel", None) if use is not None else None
            if chan is None and prep is not None:
                chan = getattr(prep, "channel", None)
            if chan is None:
                lo = self.toks_in(*seg).start
                hi = self.toks_in(*cseg).stop
                chan = self.channel_near(lo, hi)
            if chan is None and use is not None and use.verb:
                chan = lex.channel_verbs.get(use.verb.split()[0])
            rq.source_channel = chan
            if kind != "scare" and nwords <= lex.recall_max_words and not has_fin:
                # "ce que serait cette «réponse inédite»": words quoted before, recalled
                ntext = self.ntext
                key = " " + " ".join(ntext[i] for i in content) + " "
                if any(key in " " + " ".join(ntext[i] for i in self.content_tokens(pm)) + " "
                       for _, pm, _ in quotes):
                    kind = rq.kind = "scare"
            if kind == "scare":
                self.scares.append((rq, m))
                continue
            quotes.append((rq, m, seg_i if attr is None else cseg_i))

        # ---- inheritance: an unattributed direct quote continues the
        # statement of the quote just before it (same or next sentence)
        for n, (rq, m, si) in enumerate(quotes):
            if rq.speaker_start is not None or rq.kind != "direct" or n == 0:
                continue
            prev, pm, psi = quotes[n - 1]
            own_si = self.seg_of(m.open_pos)[0]
            if prev.speaker_start is None or own_si - psi > 1:
                continue
            rq.speaker_start, rq.speaker_end = prev.speaker_start, prev.speaker_end
            rq.speaker_head, rq.speaker_is_pronoun = prev.speaker_head, prev.speaker_is_pronoun
            rq.speaker_text = prev.speaker_text
            rq.attribution = "inherited"
            if rq.verb is None:
                rq.verb = prev.verb
            if rq.source_channel is None:
                rq.source_channel = prev.source_channel

        # ---- a statement standing alone, its speaker said in the next sentence:
        # «La retraite à 60 ans ...». Des centaines d'opposants ont fait entendre leur voix.
        for rq, m, si in quotes:
            if rq.speaker_start is None and rq.kind == "direct":
                nxt = self.next_sentence_speaker(m)
                if nxt is not None:
                    rq.attribution = "next_sentence"
                    rq.verb, rq.verb_start, rq.verb_end = nxt.verb, *nxt.verb_span
                    self.set_speaker(rq, nxt.speaker)

        # ---- a statement standing alone after a sentence about its speaker:
        # Yoav Gallant a parlé à la presse. «Nous irons jusqu'au bout.»
        for rq, m, si in quotes:
            if rq.speaker_start is None and rq.kind == "direct":
                prv = self.prev_sentence_speaker(m)
                if prv is not None:
                    rq.attribution = "previous_sentence"
                    if prv.verb is not None:
                        rq.verb, rq.verb_start, rq.verb_end = prv.verb, *prv.verb_span
                    self.set_speaker(rq, prv.speaker)

        out = [q for q, _, _ in quotes]
        for q, m in enumerate(self.marks):
            for na, nb in m.nested:
                rq = self.nested_quote(q, m, na, nb)
                if rq is not None:
                    out.append(rq)
        out.extend(self.indirect([q for q in out]))
        out.extend(self.unquoted_attributions(out))
        out.sort(key=lambda q: q.start)
        self.resolve_pronouns(out)
        return out

    def nested_quote(self, q: int, m: MarkSpan, na: int, nb: int) -> RawQuote | None:
        """A quotation inside a quotation, when a verb of saying inside the outer
        one takes it: «... la réaction du maréchal est de demander 'avec qui
        négocier ?'» -> the maréchal's words, quoted by the outer speaker."""
        doc, lex, text = self.doc, self.lex, self.text
        a, b = self.scanner._trim(text, na + 1, nb - 1)
        if b <= a:
            return None
        saved = self.qid
        self.qid = [-1 if x == q else x for x in saved]
        inner = self.toks_in(na, nb)
        for i in inner:
            self.qid[i] = len(self.marks)
        try:
            first = self.tok_at(a)
            lo = self.toks_in(m.start, na).start
            vocab = lex.verbs | set(lex.multiword)
            found = None
            for k in range(inner.start - 1, max(lo, inner.start - 6) - 1, -1):
                sv = self.speech_verb(k, loose=False, vocab=vocab)
                if not sv:
                    continue
                t = self.toks[k]
                if any(c.dep_ == "aux:pass" for c in children(t)) or "Pass" in morph(t, "Voice"):
                    return None     # "ont été déclarés 'personae non gratae'": a term
                gap = [self.toks[x] for x in range(sv[1] + 1, inner.start)]
                if self.governs(k, first) or all(x.is_punct or x.pos_ == "ADP" for x in gap):
                    found = (k, sv)
                break
            if found is None:
                return None
            k, (lem, vend) = found
            subj = self.subject_of(k)
            if subj is None:
                # a broken parse: the person named in the clause before the verb
                # ("la réaction du maréchal Haftar est de demander '...'")
                c0 = max([x for x in range(lo, k) if self.toks[x].text in (",", ";", ":")] + [lo - 1]) + 1
                pers = [e for e in ents_of(doc) if e.label_ in ("PER", "PERSON") and c0 <= e.start and e.end <= k]
                if pers:
                    e = pers[-1]
                    subj = (e.start, e.end, e.root.i, False)
            if subj is None or subj[3]:
                return None
            rq = RawQuote(text=text[a:b], start=a, end=b, kind="partial", sentence=self.sent_of[first],
                          verb=lem, attribution="nested")
            rq.verb_start, rq.verb_end = self.char_span(k, vend)
            self.set_speaker(rq, subj)
            return rq
        finally:
            self.qid = saved

    def next_sentence_speaker(self, m: MarkSpan):
        """A quotation that is a whole sentence, followed in its paragraph by a
        sentence whose main verb is a verb of saying: that verb's subject."""
        doc, text = self.doc, self.text
        si, seg = self.seg_of(m.open_pos)
        if m.close_pos is None or text[seg[0]:m.open_pos].strip() or si + 1 >= len(self.segments):
            return None
        after = [i for i in self.toks_in(m.outer_end, seg[1]) if not self.toks[i].is_punct and not self.toks[i].is_space]
        if after:
            return None
        nseg = self.segments[si + 1]
        if self.para_of(nseg[0]) != self.para_of(m.open_pos):
            return None
        for k in self.toks_in(*nseg):
            if self.qid[k] != -1:
                return None
            t = self.toks[k]
            sv = self.speech_verb(k)
            if not sv:
                continue
            # "ont fait entendre leur voix": the root may be the multi-word verb's last word
            r = next((x for x in range(k, sv[1] + 1) if self.toks[x].dep_ == "ROOT"), None)
            if r is None:
                continue
            t = self.toks[r]
            vf = morph(t, "VerbForm")
            if not (vf and vf[0] == "Fin" or any(c.dep_.startswith("aux") for c in children(t))):
                continue
            subj = self.subject_of(r)
            if subj is None or subj[3]:
                return None
            a = _Attr("next_sentence", sv[0], self.char_span(k, sv[1]), k, subj)
            return a
        return None

    def prev_sentence_speaker(self, m: MarkSpan):
        """A quotation that is a whole sentence, right after a sentence (of its paragraph, or
        the last of the paragraph before when the quotation opens its own) whose main verb is
        a verb of saying, or whose subject is a person ("Yoav Gallant a parlé à la presse.
        «…»"): that subject."""
        doc, text, lex = self.doc, self.text, self.lex
        si, seg = self.seg_of(m.open_pos)
        if m.close_pos is None or si == 0 or text[seg[0]:m.open_pos].strip():
            return None
        if any(not self.punct[i] and not self.space[i] and self.qid[i] == -1
               for i in self.toks_in(m.outer_end, seg[1])):
            return None
        pseg = self.segments[si - 1]
        if self.para_of(m.open_pos) - self.para_of(pseg[0]) > 1:
            return None
        toks = [k for k in self.toks_in(*pseg) if not self.space[k]]
        if not toks:
            return None
        root = next((k for k in toks if self.toks[k].dep_ == "ROOT"), None)
        if root is None or self.pos[root] not in _VERB_POS or self.qid[root] != -1:
            return None      # (a sentence that is a quotation has its own speaker)
        subj = self.subject_of(root)
        if subj is None or any(self.qid[k] != -1 for k in range(subj[0], subj[1])):
            return None
        sv = self.speech_verb(root)
        if not sv:
            head = self.toks[subj[2]]
            if subj[3]:
                if norm(head.text).lstrip("-") not in lex.third_person:
                    return None
            elif not (head.ent_type_ in ("PER", "PERSON") or norm(head.lemma_) in lex.person_nouns
                      or norm(head.text) in lex.person_nouns):
                return None
        a = _Attr("previous_sentence", sv[0] if sv else None,
                  self.char_span(root, sv[1]) if sv else None, root, subj)
        return a

    def quote_text(self, m: MarkSpan) -> str:
        if not m.continuations:
            return self.text[m.start:m.end]
        parts, pos = [], m.start
        for c in m.continuations:
            parts.append(self.text[pos:c])
            pos = c + 1
            while pos < m.end and self.text[pos] in " \u00a0\u202f":
                pos += 1
        parts.append(self.text[pos:m.end])
        return "".join(parts)

    def set_speaker(self, rq: RawQuote, sp) -> None:
        s, e, h, pron = sp
        doc = self.doc
        a, b = self.toks[s].idx, self.toks[e - 1].idx + len(self.toks[e - 1].text)
        if pron and self.toks[s].text.startswith("-"):
            a += 1
        rq.speaker_start, rq.speaker_end = a, b
        if not pron:
            h = self.name_head(s, e, h)
        rq.speaker_head, rq.speaker_is_pronoun = h, pron
        rq.speaker_text = self.text[a:b]

    def name_span(self, s: int, e: int):
        """The person's name in a speaker phrase ("le porte-parole du Kremlin,
        Dmitri Peskov" -> "Dmitri Peskov"), not one inside a "de" complement
        ("la sœur de Kim Jong-un"): (start, end_excl) or None."""
        iob, etype = self.ent_iob, self.ent_type
        best = None
        k = s
        while k < e:
            if etype[k] in ("PER", "PERSON") and (iob[k] == _IOB_B or k == s):
                j = k + 1
                while j < e and iob[j] == _IOB_I and etype[j] == etype[k]:
                    j += 1
                prev = self.ntext[k - 1] if k > s else ""
                if prev not in ("de", "d'", "du", "des"):
                    best = (k, j)
                k = j
            else:
                k += 1
        return best

    def name_head(self, s: int, e: int, h: int) -> int:
        """The head the actor resolver should try first: the person's name of
        the phrase when it has one, else the phrase's head."""
        ns = self.name_span(s, e)
        if not ns:
            return h
        propn = [k for k in range(*ns) if self.toks[k].pos_ == "PROPN"]
        return propn[-1] if propn else ns[0]

    # ------------------------------------------------------------- indirect
    def que_clause(self, t, vend: int):
        """(que token, clause head) of a que-clause governed by speech verb t."""
        doc, lex = self.doc, self.lex
        for c in children(t):
            if c.i <= vend or c.dep_ not in ("ccomp", "advcl", "obj", "xcomp", "conj", "acl"):
                continue
            marks = [x for x in children(c) if x.dep_ == "mark" and norm(x.text) in ("que", "qu'")
                     and x.i > vend]
            if marks and not (marks[0].i > 0 and norm(self.toks[marks[0].i - 1].text) in lex.que_blockers):
                return marks[0], c
        # "a annoncé que si celle-ci continuait ..., elle se verrait": the parser
        # hangs "que" on the verb; the clause is the verb's next clausal child
        k = vend + 1
        while k < len(doc) and self.qid[k] == -1 and (self.is_filler(self.toks[k]) and self.ntext[k] not in ("que", "qu'")):
            k += 1
        if k < len(doc) and self.ntext[k] in ("que", "qu'") and self.toks[k].head.i == t.i and self.qid[k] == -1:
            for c in children(t):
                if c.i > k and c.dep_ in ("ccomp", "advcl", "obj", "xcomp", "acl") and c.pos_ in ("VERB", "AUX", "ADJ"):
                    return self.toks[k], c
        return None

    def infinitive_clause(self, t, lem: str, vend: int):
        """"la Russie a annoncé, mercredi, expulser 34 diplomates": a bare infinitive."""
        doc = self.doc
        if lem not in self.lex.infinitive_verbs or t.dep_ in ("acl:relcl", "acl"):
            return None
        if any(x.i < t.i and (norm(x.text) in self.lex.relatives or "Rel" in morph(x, "PronType"))
               for x in children(t)):
            return None     # "Accord que Bamako a dit avoir l'intention de revoir": a relative
        for c in children(t):
            if c.i > vend and c.dep_ in ("xcomp", "ccomp", "advcl") and c.pos_ == "VERB" \
                    and "Inf" in morph(c, "VerbForm") \
                    and not any(x.dep_ in ("mark", "case") for x in children(c) if x.i < c.i):
                return c
        return None

    def core_quotes(self, c, a: int, b: int) -> list[MarkSpan]:
        """Quotations in a clause (chars a..b) of head c that hold its core."""
        doc, lex = self.doc, self.lex
        inside = [m for m in self.marks if a <= m.start < b and not m.malformed]
        for m in inside:
            toks = set(self.toks_in(m.start, m.end))
            for x in toks:
                tk = self.toks[x]
                if tk.is_punct or tk.head.i in toks and tk.head.i != x:
                    continue
                if x == c.i or (tk.head.i == c.i and tk.dep_ in lex.core_deps):
                    return inside
        return []

    def impersonal(self, t, subj) -> bool:
        """"il est précisé que": a passive of saying with an impersonal subject."""
        if subj is None or not subj[3]:
            return False
        w = norm(self.toks[subj[2]].text).lstrip("-")
        passive = any(c.dep_ == "aux:pass" for c in children(t)) or "Pass" in morph(t, "Voice")
        return w in self.lex.impersonal_subjects and (passive or self.toks[subj[2]].dep_.startswith("expl"))

    def indirect(self, quotes: list[RawQuote]) -> list[RawQuote]:
        doc, lex = self.doc, self.lex
        taken = [(q.start, q.end) for q in quotes]
        out = []
        vocab = self.indirect_vocab
        for i, pos in enumerate(self.pos):
            if pos != VERB or self.qid[i] != -1:
                continue       # (POS array: no Token object for the many non-verbs)
            sv = self.speech_verb(i, loose=False, vocab=vocab)
            if not sv:
                continue
            t = self.toks[i]
            lem, vend = sv
            clause = self.que_clause(t, vend)
            if clause is not None:
                que, c = clause
                s = que.i + 1
                sub = [x.i for x in c.subtree if x.i > que.i]
                for c2 in children(t):      # clause parts the parser hung on the verb
                    if c2.i > que.i and c2.dep_ in ("ccomp", "advcl", "xcomp") and c2 is not c:
                        sub += [x.i for x in c2.subtree if x.i > que.i]
            else:
                c = self.infinitive_clause(t, lem, vend)
                if c is None:
                    continue
                sub = [x.i for x in c.subtree if x.i >= c.i]
                s = c.i
            if not sub:
                continue
            e = max(sub) + 1
            # stop at the end of the sentence segment
            seg = self.seg_of(self.toks[s].idx)[1]
            while e > s and (self.toks[e - 1].idx >= seg[1] or self.toks[e - 1].is_punct or self.toks[e - 1].is_space):
                e -= 1
            if e <= s:
                continue
            a, b = self.toks[s].idx, self.toks[e - 1].idx + len(self.toks[e - 1].text)
            subj = self.subject_of(t.i)
            if subj is None:
                # "Avant d'ajouter que ...": the speaker of the previous report
                prev = [q for q in quotes + out if q.start < a and q.speaker_start is not None]
                vf = morph(t, "VerbForm")
                if prev and vf and vf[0] in ("Inf", "Ger", "Part") and not any(
                        c.dep_.startswith("aux") for c in children(t)):
                    p = max(prev, key=lambda q: q.start)
                    subj = (self.tok_at(p.speaker_start), self.tok_at(p.speaker_end - 1) + 1,
                            p.speaker_head, p.speaker_is_pronoun)
                else:
                    continue
            if self.impersonal(t, subj):
                # "il est également précisé que": the source of the report just before
                prev = [q for q in quotes + out if q.start < a and q.speaker_start is not None
                        and self.seg_of(a)[0] - self.seg_of(q.start)[0] <= 1]
                if not prev:
                    continue
                p = max(prev, key=lambda q: q.start)
                subj = (self.tok_at(p.speaker_start), self.tok_at(p.speaker_end - 1) + 1,
                        p.speaker_head, p.speaker_is_pronoun)
            if subj[3] and norm(self.toks[subj[2]].text).lstrip("-") in lex.unresolvable:
                continue
            core = self.core_quotes(c, a, b) if clause is not None else []
            if core:
                # the quoted words are the report: partial quotes, no indirect one
                for m in core:
                    for rq, sm in list(self.scares):
                        if sm is m:
                            self.scares.remove((rq, sm))
                            rq.kind = "partial"
                            out.append(rq)
                    for rq in quotes + out:
                        if rq.start == m.start and rq.kind != "indirect" and rq.speaker_start is None:
                            self.set_speaker(rq, subj)
                            rq.verb = rq.verb or lem
                            rq.verb_start, rq.verb_end = (rq.verb_start, rq.verb_end) if rq.verb_start \
                                else self.char_span(t.i, vend)
                            rq.attribution = rq.attribution or "indirect"
                taken.append((a, b))
                continue
            if any(qa < b and a < qb and (qa - a <= 2 or qb - qa > 0.8 * (b - a)) for qa, qb in taken):
                continue
            rq = RawQuote(text=self.text[a:b], start=a, end=b, kind="indirect",
                          sentence=self.sent_of[s], verb=lem, attribution="indirect")
            rq.verb_start, rq.verb_end = self.char_span(t.i, vend)
            self.set_speaker(rq, subj)
            seg_i = self.seg_of(t.idx)[1]
            rq.source_channel = self.channel_near(self.toks_in(*seg_i).start, self.toks_in(*seg_i).stop)
            out.append(rq)
            taken.append((a, b))
        return out

    def unquoted_attributions(self, quotes: list[RawQuote]) -> list[RawQuote]:
        """Reported speech without quotation marks or que:
        "Loukachenko doit être sanctionné, a déclaré le ministre." and
        "Selon le président Macron, le retrait devrait prendre six mois." """
        doc, text = self.doc, self.text
        out = []
        taken = [(q.start, q.end) for q in quotes]
        for a, b in self.segments:
            toks = self.toks_in(a, b)
            if not toks or any(self.qid[i] != -1 for i in toks):
                continue
            if any(qa < b and a < qb for qa, qb in taken):
                continue
            rq = None
            # -- clause, incise
            for k in toks:
                if not self.verb_cand[k]:      # (speech_verb's first test, inlined)
                    continue
                sv = self.speech_verb(k, loose=False)
                if not sv:
                    continue
                c = self.skip_fillers_left(k - 1, toks.start)
                if c <= toks.start or self.ttext[c] != "," or not self.finite_ok(k, c + 1):
                    continue
                lem, vend = sv
                cl = self.clitic_subject(c + 1, min(toks.stop, vend + 3))
                subj = (cl, cl + 1, cl, True) if cl is not None else self.np_after(vend + 1, toks.stop)
                if not subj:
                    continue
                body = [x for x in range(toks.start, c) if not self.space[x]]
                if not any(self.finite_verb(x) for x in body):
                    continue
                s0, e0 = self.tok_starts[body[0]], self.tok_ends[c - 1]
                rq = RawQuote(text=text[s0:e0], start=s0, end=e0, kind="indirect",
                              sentence=self.sent_of[body[0]], verb=lem, attribution="indirect_incise")
                rq.verb_start, rq.verb_end = self.char_span(k, vend)
                self.set_speaker(rq, subj)
                break
            # -- Selon X, clause.
            if rq is None:
                fake = MarkSpan(open_pos=b, close_pos=None, start=b, end=b, opener="")
                p = self.prep_attr(toks.start, min(toks.stop, toks.start + 6), fake, "before")
                if p and p.speaker and p.verb != "pour":
                    e = p.speaker[1]
                    while e < toks.stop and self.toks[e].text != ",":
                        e += 1
                    body = [x for x in range(e + 1, toks.stop)
                            if not self.toks[x].is_space and not (self.toks[x].is_punct and x == toks.stop - 1)]
                    while body and (self.toks[body[-1]].is_punct or self.toks[body[-1]].is_space):
                        body.pop()
                    if body and any(self.toks[x].pos_ in ("VERB", "AUX") and "Fin" in morph(self.toks[x], "VerbForm")
                                    for x in body):
                        s0, e0 = self.toks[body[0]].idx, self.toks[body[-1]].idx + len(self.toks[body[-1]].text)
                        rq = RawQuote(text=text[s0:e0], start=s0, end=e0, kind="indirect",
                                      sentence=self.sent_of[body[0]], verb=p.verb, attribution="indirect_preposition")
                        rq.verb_start, rq.verb_end = p.verb_span
                        self.set_speaker(rq, p.speaker)
                        rq.source_channel = p.channel
            # -- "Séoul, qui, selon elle, envenimait la situation": a parenthetical
            # "selon X" between a pronoun subject and its finite verb
            if rq is None:
                rq = self.parenthetical_selon(toks)
            if rq is not None and self.indefinite_speaker(rq):
                rq = None     # "..., ont rapporté des témoins": sourcing, not a quotation
            if rq is not None:
                self.strip_dateline(rq)
                if rq.source_channel is None:
                    rq.source_channel = self.channel_near(toks.start, toks.stop)
                out.append(rq)
        return out

    def parenthetical_selon(self, toks: range) -> RawQuote | None:
        doc, lex = self.doc, self.lex
        for k in toks:
            if k < toks.start + 2 or self.ttext[k - 1] != "," or self.pos[k - 2] != PRON:
                continue
            at = self.tok_starts[k]
            fake = MarkSpan(open_pos=at, close_pos=None, start=at, end=at, opener="")
            p = self.prep_attr(k, min(toks.stop, k + 8), fake, "after")
            if not p or not p.speaker or p.verb_tok != k or p.verb == "pour":
                continue
            e = p.speaker[1]
            if e >= toks.stop or self.toks[e].text != "," or e + 1 >= toks.stop:
                continue
            v = self.toks[e + 1]
            if v.pos_ not in ("VERB", "AUX") or "Fin" not in morph(v, "VerbForm"):
                continue
            # the clause: the verb and what follows it in its subtree
            end = max(x.i for x in v.subtree if x.i >= v.i)
            while end > v.i and (self.toks[end].is_punct or self.toks[end].is_space):
                end -= 1
            a, b = v.idx, self.toks[end].idx + len(self.toks[end].text)
            rq = RawQuote(text=self.text[a:b], start=a, end=b, kind="indirect",
                          sentence=self.sent_of[v.i], verb=p.verb, attribution="indirect_preposition")
            rq.verb_start, rq.verb_end = p.verb_span
            self.set_speaker(rq, p.speaker)
            return rq
        return None

    def indefinite_speaker(self, rq: RawQuote) -> bool:
        if rq.speaker_start is None or rq.speaker_is_pronoun:
            return False
        first = self.toks[self.tok_at(rq.speaker_start)]
        return norm(first.text) in self.lex.indefinite_dets

    def strip_dateline(self, rq: RawQuote) -> None:
        """"BERLIN, 12 octobre (Reuters) - Le président ...": the report starts after the dateline."""
        if self.lex.dateline is None:
            return
        m = self.lex.dateline.match(rq.text)
        if m and m.end() < len(rq.text):
            rq.start += m.end()
            rq.text = rq.text[m.end():]

    # ------------------------------------------------------------- pronouns
    def para_of(self, char: int) -> int:
        if not hasattr(self, "_para_starts"):
            self._para_starts = [a for a, _ in paragraph_spans(self.text)]
        return bisect.bisect_right(self._para_starts, char)

    def anaphoric_description(self, q: RawQuote) -> str | None:
        """"cette source", "le chef de l'État", "le responsable": a speaker
        described, not named, who was named before.  Returns the head noun."""
        doc, lex = self.doc, self.lex
        if q.speaker_start is None or q.speaker_is_pronoun or q.speaker_head is None:
            return None
        toks = list(self.toks_in(q.speaker_start, q.speaker_end))
        if not toks or len(toks) > 12:
            return None
        det = norm(self.toks[toks[0]].text)
        head = self.toks[q.speaker_head]
        hw = norm(head.lemma_)
        if head.pos_ != "NOUN" or self.name_span(toks[0], toks[-1] + 1):
            return None
        # a name of its own (outside a "de" complement) makes it no description
        for k in toks:
            if self.toks[k].pos_ == "PROPN" and not any(self.ntext[x] in ("de", "d'", "du", "des")
                                                  for x in range(toks[0], k)):
                return None
        if det in lex.demonstratives:
            return hw
        if det in lex.definite_dets and (hw in lex.person_nouns or norm(head.text) in lex.person_nouns):
            if any(c.dep_ == "amod" for c in children(head)):
                return None     # "le responsable américain": the actor resolver's business
            return hw
        return None

    def noun_subject_before(self, k: int):
        """The nearest main-clause subject outside quotations before token k, in its segment
        or the one before, when it is a name or a person or body noun of the lexicon ("Le
        ministre kényan des Affaires étrangères a reçu ... «…», a-t-il ajouté"):
        (start char, end char, head, number). None when that subject is anything else (a
        pronoun has an antecedent of its own; "la situation" speaks for no one)."""
        doc, lex = self.doc, self.lex
        si = bisect.bisect_right(self.seg_starts, self.tok_starts[k]) - 1
        lo = self.toks_in(*self.segments[max(0, si - 1)]).start
        for j in range(k - 1, lo - 1, -1):
            if self.qid[j] != -1 or self.space[j] or self.ntext[j].startswith("-"):
                continue      # ("a-t-elle": the incise's own clitics)
            t = self.toks[j]
            if t.dep_ not in ("nsubj", "nsubj:pass"):
                continue
            v = t.head
            if not (v.dep_ in ("ROOT", "parataxis") or v.dep_ == "conj" and v.head.dep_ == "ROOT"):
                continue      # "... que ce mouvement sera suivi": not the clause that speaks
            if self.pos[j] == PROPN:
                if t.ent_type_ in ("PER", "PERSON"):
                    return None      # a person: the named persons' business
            elif self.pos[j] == NOUN:
                lem, w = norm(t.lemma_), self.ntext[j]
                for p in lex.former_prefixes:
                    if w.startswith(p):      # "l'ex-chef de l'État"
                        lem = w = w[len(p):]
                if not (lem in lex.person_nouns or w in lex.person_nouns or lem in lex.body_nouns
                        or w in lex.body_nouns):
                    return None
            else:
                return None
            s, e, h, _ = self.dep_np(j)
            nb = morph(t, "Number")
            return self.tok_starts[s], self.tok_ends[e - 1], j, nb[0] if nb else "Sing"
        return None

    def resolve_pronouns(self, quotes: list[RawQuote]) -> None:
        doc, lex, text = self.doc, self.lex, self.text
        persons = [e for e in ents_of(doc) if e.label_ in ("PER", "PERSON")
                   and self.qid[e.start] == -1]
        drop = []
        # what each earlier speaker stands for: (start, end, head, gender, number, is_person, head lemma)
        last_named = None
        seen: list[tuple] = []

        def referent(q: RawQuote):
            """The span a resolved speaker stands for (its antecedent, or its name)."""
            if q.antecedent_start is not None:
                a, b = q.antecedent_start, q.antecedent_end
            else:
                a, b = q.speaker_start, q.speaker_end
            toks = list(self.toks_in(a, b))
            ns = self.name_span(toks[0], toks[-1] + 1) if toks else None
            if ns and q.antecedent_start is None:
                a, b = self.toks[ns[0]].idx, self.toks[ns[1] - 1].idx + len(self.toks[ns[1] - 1].text)
            h = q.speaker_head if q.antecedent_start is None else (ns[0] if ns else toks[0] if toks else None)
            ht = self.toks[q.speaker_head] if q.speaker_head is not None else None
            g = morph(ht, "Gender") if ht is not None else []
            nb = morph(ht, "Number") if ht is not None else []
            person = bool(ns) or (q.antecedent_start is not None and bool(seen) and any(
                r[0] == a and r[5] for r in seen))
            return (a, b, h, g[0] if g else None, nb[0] if nb else None, person,
                    norm(ht.lemma_) if ht is not None else "")

        for q in quotes:
            if q.speaker_start is None:
                continue
            if q.attribution == "inherited":
                prevq = [p for p in quotes if p.start < q.start and p.speaker_start == q.speaker_start
                         and p.antecedent_start is not None]
                if prevq:
                    q.speaker_is_pronoun = prevq[-1].speaker_is_pronoun
                    q.antecedent_start, q.antecedent_end = prevq[-1].antecedent_start, prevq[-1].antecedent_end
                    q.antecedent_text = prevq[-1].antecedent_text
                continue
            if not q.speaker_is_pronoun:
                hw = self.anaphoric_description(q)
                chosen = None
                if hw is not None:
                    para = self.para_of(q.speaker_start)
                    near = [r for r in seen if para - self.para_of(r[0]) <= lex.anaphora_max_paragraphs
                            and r[1] <= q.speaker_start]
                    same = [r for r in near if r[6] == hw and r[0] != q.speaker_start]
                    g = morph(self.toks[q.speaker_head], "Gender")
                    pers = [r for r in near if r[5] and (not g or r[3] is None or r[3] == g[0])]
                    if same:
                        chosen = same[-1]         # "une source à la présidence" ... "cette source"
                    elif pers:
                        chosen = pers[-1]         # "Sebastian Piñera" ... "le chef de l'État"
                if chosen is not None:
                    q.speaker_is_pronoun = True
                    q.antecedent_start, q.antecedent_end = chosen[0], chosen[1]
                    q.antecedent_text = text[chosen[0]:chosen[1]]
                r = referent(q)
                if chosen is not None:
                    r = (r[0], r[1], r[2], r[3], r[4], chosen[5], r[6])
                seen.append(r)
                last_named = r
                continue
            pw = norm(text[q.speaker_start:q.speaker_end]).lstrip("-")
            if pw in lex.unresolvable:
                if q.kind == "indirect":
                    drop.append(q)
                continue
            want = "Masc" if pw in lex.masculine else "Fem" if pw in lex.feminine else None
            plural = morph(self.toks[q.speaker_head], "Number") == ["Plur"] if q.speaker_head is not None else False
            pos = q.speaker_start
            cands = []
            if last_named and last_named[1] <= pos:
                cands.append(last_named[:3] + (last_named[4],))
            # a person named as a subject after the last speaker
            subj_pers = [e for e in persons if e.end_char <= pos and
                         any(x.dep_.startswith("nsubj") or x.dep_ in ("appos", "flat:name") and x.head.dep_.startswith("nsubj")
                             for x in e)]
            if subj_pers:
                e = subj_pers[-1]
                cands.append((e.start_char, e.end_char, e.root.i, "Sing"))
            if not cands and pw in lex.personal:
                # no person named before: a subject named by a person or body noun ("Le
                # ministre kényan des Affaires étrangères a reçu ... «…», a-t-il ajouté"), in
                # the sentences just before
                noun_subj = self.noun_subject_before(q.speaker_head if q.speaker_head is not None
                                                     else self.tok_at(pos))
                if noun_subj is not None:
                    cands.append(noun_subj)
            if not cands:
                before = [e for e in persons if e.end_char <= pos]
                if before:
                    e = before[-1]
                    cands.append((e.start_char, e.end_char, e.root.i, "Sing"))
            cands.sort(key=lambda c: c[0])
            chosen = None
            for c in reversed(cands):
                g = morph(self.toks[c[2]], "Gender") if c[2] is not None else []
                if want and g and want not in g:
                    continue
                if plural and c[3] == "Sing" and len(list(self.toks_in(c[0], c[1]))) == 1:
                    continue
                if not plural and c[3] == "Plur":
                    continue     # "a-t-il ajouté" is not "les manifestants"
                chosen = c
                break
            if chosen is None and cands:
                chosen = cands[-1]
            if chosen:
                q.antecedent_start, q.antecedent_end = chosen[0], chosen[1]
                q.antecedent_text = text[chosen[0]:chosen[1]]
                prior = [r for r in seen if r[0] == chosen[0]]
                seen.append((chosen[0], chosen[1], chosen[2], want, "Plur" if plural else "Sing",
                             prior[-1][5] if prior else True, pw))
            elif q.kind == "indirect":
                drop.append(q)
        for q in drop:
            quotes.remove(q)
