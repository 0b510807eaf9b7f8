"""Parsing: the language's spaCy model, loaded once per process, and the article's sentences.

Articles are parsed whole, with a sentence start forced after every blank line (a pipeline
component placed before the parser, which keeps to sentence starts already set). Why: the
French parser joins a paragraph's last words to the next paragraph, while wire copy never
continues a sentence across a blank line; so every dependency tree stays inside its
paragraph. (Parsing paragraphs as separate Docs and joining them keeps trees apart too,
for about the same parsing CPU, plus the join; one Doc per article is simpler.)
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Iterator

import spacy
from spacy.attrs import DEP, HEAD, IDX, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Token

from quiquoi.lang import load_language

# a "sentence" the parser cut off a quote's speech incise or at a stray mark
_CONTINUATION = re.compile(r"^[\s,;:)\]»”’.!?…]|^[a-zà-ÿ]")
# a piece made only of opening marks
_OPENING_ONLY = re.compile(r"[«“‘\"(\[—–-]+")
# whitespace holding a blank line: the end of a paragraph
_BLANK_LINE = re.compile(r"\n[ \t\r\f\v\u00a0]*\n")
PARAGRAPH_COMPONENT = "quiquoi_paragraphs"
REPAIR_COMPONENT = "quiquoi_partitive_after_time"
# quiquoi's own pipeline components (the bench leaves them out of "bare spaCy")
OWN_COMPONENTS = (PARAGRAPH_COMPONENT, REPAIR_COMPONENT)


@Language.component(PARAGRAPH_COMPONENT)
def paragraph_starts(doc: Doc) -> Doc:
    """Start a sentence at the first word after a blank line (before the parser runs)."""
    space = doc.to_array(IS_SPACE).tolist()
    for i in range(1, len(doc)):
        if space[i - 1] and not space[i] and _BLANK_LINE.search(doc[i - 1].text):
            doc[i].is_sent_start = True
    return doc


@lru_cache(maxsize=None)
def load_pipeline(lang: str = "fr") -> Language:
    """The language's spaCy model (named in its config.yaml), loaded once per process, with
    the paragraph component before its parser."""
    data = load_language(lang)
    model = data.config["spacy_model"]
    try:
        nlp = spacy.load(model, disable=data.config.get("disable") or [])
    except OSError as exc:  # the model is a PyPI package; say which one is missing
        raise RuntimeError(
            f"spaCy model {model!r} for language {lang!r} is not installed: pip install {model.replace('_', '-')}"
        ) from exc
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPH_COMPONENT, before="parser")
    if data.config.get("time_object_words") and "parser" in nlp.pipe_names:
        from quiquoi.nlp import repairs  # noqa: F401  (registers the component)
        nlp.add_pipe(REPAIR_COMPONENT, last=True, config={
            "time_words": list(data.config["time_object_words"]),
            "partitives": list(data.config.get("partitive_articles") or []),
            "attribute_verbs": list(data.config.get("attribute_verbs") or []),
            "attribute_preps": list(data.config.get("attribute_prepositions") or []),
            "detached_clauses": list(data.config.get("detached_clause_deps") or []),
            "time_phrase_words": list(data.config.get("time_phrase_words") or []),
            "name_particles": list(data.config.get("name_particles") or []),
            "honorifics": list(data.config.get("honorifics") or []),
            "conditional_endings": list(data.config.get("conditional_endings") or []),
            "conditional_stems": dict(data.config.get("conditional_stems") or {}),
            "conditional_stem_endings": dict(data.config.get("conditional_stem_endings") or {})})
    return nlp


def parse_many(nlp: Language, texts: Iterable[str], batch_size: int = 32) -> Iterator[Doc]:
    """Parse articles, in order, in one nlp.pipe stream."""
    yield from nlp.pipe(texts, batch_size=batch_size)


def text_of(doc: Doc) -> str:
    """The Doc's text, joined once: Doc.text rebuilds it from every token on each access."""
    text = doc.user_data.get("quiquoi.text")
    if text is None:
        text = doc.user_data["quiquoi.text"] = doc.text
    return text


def ents_of(doc: Doc) -> tuple:
    """The Doc's entities, made once: Doc.ents builds new Span objects on each access."""
    ents = doc.user_data.get("quiquoi.ents")
    if ents is None:
        ents = doc.user_data["quiquoi.ents"] = tuple(doc.ents)
    return ents


# The per-Doc string arrays are asked for hundreds of times an article: each helper reads
# its memo itself (one call instead of two) and builds it through _strings_of when absent.
def lowers_of(doc: Doc) -> list[str]:
    """Each token's lower-cased text, read once from an array (no Token objects)."""
    found = doc.user_data.get("quiquoi.lower")
    return _strings_of(doc, LOWER, "quiquoi.lower") if found is None else found


def lemmas_of(doc: Doc) -> list[str]:
    """Each token's lemma, read once from an array (no Token objects)."""
    found = doc.user_data.get("quiquoi.lemma")
    return _strings_of(doc, LEMMA, "quiquoi.lemma") if found is None else found


def texts_of(doc: Doc) -> list[str]:
    """Each token's text, read once from an array (no Token objects)."""
    found = doc.user_data.get("quiquoi.orth")
    return _strings_of(doc, ORTH, "quiquoi.orth") if found is None else found


def pos_of(doc: Doc) -> list[str]:
    """Each token's coarse part of speech ("VERB"), read once from an array."""
    found = doc.user_data.get("quiquoi.pos")
    return _strings_of(doc, POS, "quiquoi.pos") if found is None else found


def deps_of(doc: Doc) -> list[str]:
    """Each token's dependency label ("nsubj"), read once from an array."""
    found = doc.user_data.get("quiquoi.dep")
    return _strings_of(doc, DEP, "quiquoi.dep") if found is None else found


def offsets_of(doc: Doc) -> list[int]:
    """Each token's character offset in the text, read once from an array."""
    found = doc.user_data.get("quiquoi.idx")
    if found is None:
        found = doc.user_data["quiquoi.idx"] = doc.to_array(IDX).tolist()
    return found


def heads_of(doc: Doc) -> list[int]:
    """Each token's head as an index in the Doc (a root is its own head), read once."""
    found = doc.user_data.get("quiquoi.head")
    if found is None:
        # HEAD holds offsets to the head; negative ones come back as wrapped uint64
        offsets = doc.to_array(HEAD).view("int64").tolist()
        found = doc.user_data["quiquoi.head"] = [i + o for i, o in enumerate(offsets)]
    return found


def folded_lemmas_of(doc: Doc) -> list[str]:
    """Each token's lemma folded (actors.dictionary.fold), once per Doc: several stages
    test every word's folded lemma against their word sets."""
    found = doc.user_data.get("quiquoi.flemma")
    return _strings_of(doc, LEMMA, "quiquoi.flemma", folded=True) if found is None else found


def folded_texts_of(doc: Doc) -> list[str]:
    """Each token's text folded (actors.dictionary.fold), once per Doc."""
    found = doc.user_data.get("quiquoi.ftext")
    return _strings_of(doc, ORTH, "quiquoi.ftext", folded=True) if found is None else found


def sent_starts_of(doc: Doc) -> list[int]:
    """The first token of each token's (spaCy) sentence, read once per Doc: what
    Token.sent.start gives, without walking the Doc on every call (~3 µs a time)."""
    found = doc.user_data.get("quiquoi.sent_start")
    if found is None:
        found = doc.user_data["quiquoi.sent_start"] = [0] * len(doc)
        first = 0
        for i, flag in enumerate(doc.to_array(SENT_START).tolist()):
            if flag == 1:
                first = i
            found[i] = first
    return found


def span_text(doc: Doc, start: int, end: int) -> str:
    """doc[start:end].text for 0 <= start <= end <= len(doc), sliced from the Doc's text
    (a Span and its text cost a few µs: the text is joined from every token)."""
    if start >= end:
        return ""
    offsets = offsets_of(doc)
    return text_of(doc)[offsets[start]:offsets[end - 1] + len(texts_of(doc)[end - 1])]


class Tok(Token):
    """A spaCy Token whose most-read attributes are plain slots, filled from the Doc's arrays
    when the article's table is made (`tokens_of`): reading `dep_`, `pos_`, `text`, `lemma_`
    or `head` from a Token decodes a string or builds an object on every access (60-110 ns),
    a slot costs about 10 ns, and the stages read them tens of thousands of times an
    article. It is a Token (same equality, hash and every other attribute), so code given one
    or the other behaves alike. The slots are the parse as coding starts: the parse repairs
    (pipeline components) run before, and nothing changes the parse after."""
    __slots__ = ("text", "dep_", "pos_", "lemma_", "head", "kids")


def tokens_of(doc: Doc) -> list[Tok]:
    """The Doc's tokens as Toks, made once per Doc (`forget` drops them)."""
    found = doc.user_data.get("quiquoi.tokens")
    if found is None:
        vocab = doc.vocab
        n = len(doc)
        found = doc.user_data["quiquoi.tokens"] = [Tok(vocab, doc, i) for i in range(n)]
        heads = heads_of(doc)
        kids: list[list[Tok]] = [[] for _ in range(n)]
        for t, text, dep, pos, lemma, h in zip(found, texts_of(doc), deps_of(doc), pos_of(doc), lemmas_of(doc), heads):
            t.text, t.dep_, t.pos_, t.lemma_, t.head = text, dep, pos, lemma, found[h]
        for i, h in enumerate(heads):
            if h != i:
                kids[h].append(found[i])
        for t, k in zip(found, kids):
            t.kids = tuple(k)
    return found


def children(tok) -> tuple:
    """tok.children as Toks, from the Doc's table: the same verb's or noun's children are
    asked for by many rules, and Token.children makes new Token objects on every walk.
    (The table holds the Doc in a reference cycle: `forget` ends it.)"""
    if type(tok) is Tok:
        return tok.kids
    return tokens_of(tok.doc)[tok.i].kids


def forget(doc: Doc) -> None:
    """Drop what the stages remembered on the Doc (its text excepted). Several memos hold
    Tokens or Spans, which hold the Doc: left there, every coded Doc waits in a reference
    cycle for the garbage collector, and a long run's memory grows with the Docs that wait."""
    for t in doc.user_data.get("quiquoi.tokens", ()):
        del t.head, t.kids       # Toks point at each other: a cycle apart from the Doc's memos
    for key in [k for k in doc.user_data if isinstance(k, str) and k.startswith("quiquoi.")
                and k != "quiquoi.text"]:
        del doc.user_data[key]


# (morphology hash, feature) -> values: Token.morph.get parses the feature string anew on
# every call (~2 µs, a few hundred calls an article); a doc's morphologies are few and repeat
_MORPH_VALUES: dict[tuple[int, str], list[str]] = {}


def morph(tok, field: str) -> list[str]:
    """tok.morph.get(field), remembered by morphology (shared: do not modify the list)."""
    return morph_at(tok.doc, tok.i, field)


def morph_at(doc: Doc, i: int, field: str) -> list[str]:
    """doc[i].morph.get(field), read from the Doc's MORPH array: no Token is made unless the
    morphology is new (shared: do not modify the list)."""
    keys = doc.user_data.get("quiquoi.morph")
    if keys is None:
        keys = doc.user_data["quiquoi.morph"] = doc.to_array(MORPH).tolist()
    key = (keys[i], field)
    found = _MORPH_VALUES.get(key)
    if found is None:
        if len(_MORPH_VALUES) > 100_000:      # a long run meets ever new morphologies: stay bounded
            _MORPH_VALUES.clear()
        found = _MORPH_VALUES[key] = doc[i].morph.get(field)
    return found


class _StringMemo(dict):
    """hash -> string of one vocabulary (or its fold), remembered: a dict look-up is several
    times cheaper than asking the StringStore, which decodes a new str every time, and than
    fold's own cache (keyed by strings, and shared by every caller)."""

    def __init__(self, strings, transform=None):
        super().__init__()
        self.strings = strings
        self.transform = transform

    def __missing__(self, key: int) -> str:
        if len(self) > 500_000:          # a long run meets ever new words: stay bounded
            self.clear()
        value = self.strings[key]
        if self.transform is not None:
            value = self.transform(value)
        self[key] = value
        return value


_STRING_MEMOS: dict[tuple[int, bool], tuple[object, _StringMemo]] = {}


def _string_memo(doc: Doc, folded: bool = False) -> _StringMemo:
    strings = doc.vocab.strings
    found = _STRING_MEMOS.get((id(strings), folded))
    if found is None or found[0] is not strings:
        from quiquoi.actors.dictionary import fold
        found = _STRING_MEMOS[(id(strings), folded)] = (strings, _StringMemo(strings, fold if folded else None))
    return found[1]


def preposition_of(tok) -> str:
    """The preposition or subordinator that introduces `tok` (its first case or mark word
    before it), folded, an elided form without its apostrophe ("d'" -> "d"); "" if none."""
    from quiquoi.actors.dictionary import fold
    # (the parse repairs ask it of plain Tokens while they change the parse: no Tok table then)
    for c in (tok.kids if type(tok) is Tok else tok.children):
        if c.dep_ in ("case", "mark") and c.i < tok.i:
            return fold(c.text).rstrip("'")
    return ""


def remembered(tok, key: str, compute):
    """compute(tok), a pure function of the token's parse asked many times per article,
    computed once per Doc and token (kept in the Doc's user_data under `key`)."""
    i = tok.i
    try:
        return tok.doc.user_data[key][i]
    except KeyError:
        memo = tok.doc.user_data.setdefault(key, {})
        found = memo[i] = compute(tok)
        return found


def _strings_of(doc: Doc, attr: int, key: str, folded: bool = False) -> list[str]:
    found = doc.user_data.get(key)
    if found is None:
        memo = _string_memo(doc, folded)
        found = doc.user_data[key] = list(map(memo.__getitem__, doc.to_array(attr).tolist()))
    return found


@dataclass(frozen=True)
class Sentence:
    index: int        # 1-based in the article
    paragraph: int    # 1-based
    start: int        # token indices [start, end)
    end: int
    start_char: int
    end_char: int
    text: str


def sentences(doc: Doc) -> list[Sentence]:
    """The article's sentences: the parser's, without blank ones, with cut-off pieces
    (", a plaidé X" after a closing quote) put back onto the sentence they continue."""
    # read from arrays: Span and Token objects made for every token cost more than the rest
    text = text_of(doc)
    if not len(doc):
        return []
    arr = doc.to_array([SENT_START, IS_SPACE, IDX])
    starts_at, space, idx = arr[:, 0].tolist(), arr[:, 1].tolist(), arr[:, 2].tolist()
    n = len(doc)
    tok_end = idx[1:] + [len(text)]          # start of next token
    bounds = [i for i in range(n) if i == 0 or starts_at[i] == 1] + [n]
    spans: list[list[int]] = []
    opening = None       # a "sentence" that is only an opening mark ("“") starts the next one
    for s, e in zip(bounds, bounds[1:]):
        first = next((i for i in range(s, e) if not space[i]), None)
        if first is None or not text[idx[s]:tok_end[e - 1]].strip():
            continue
        if opening is not None:
            s, opening = opening, None
        elif spans and _CONTINUATION.match(text[idx[first]:idx[first] + 1]) and "\n" not in doc[spans[-1][1] - 1].text:
            spans[-1][1] = e
            continue
        if _OPENING_ONLY.fullmatch(text[idx[first]:tok_end[e - 1]].strip()):
            opening = s
            continue
        spans.append([s, e])
    if opening is not None:
        spans.append([opening, n])
    out = []
    para = 1
    prev_end = 0
    for i, (s, e) in enumerate(spans, 1):
        para += text.count("\n\n", prev_end, idx[s]) if i > 1 else 0
        # trailing whitespace tokens belong to no sentence's text
        while e > s + 1 and space[e - 1]:
            e -= 1
        last = doc[e - 1]
        start_char, end_char = idx[s], last.idx + len(last.text)
        out.append(Sentence(i, para, s, e, start_char, end_char, text[start_char:end_char]))
        prev_end = end_char
    return out
