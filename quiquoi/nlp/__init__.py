"""Parsing: the language's spaCy model, loaded once per process, and the article's sentences.

Articles are parsed paragraph by paragraph and the pieces joined back into one Doc whose
text is the article's exact text (so every offset points into the original). Why: the
French parser joins a paragraph's last words to the next paragraph, while wire copy never
continues a sentence across a blank line; parsing paragraphs apart also keeps each
dependency tree inside its paragraph.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Iterator

import spacy
from spacy.language import Language
import numpy
from spacy.attrs import (DEP, ENT_IOB, ENT_KB_ID, ENT_TYPE, HEAD, IDX, IS_SPACE, LEMMA, LOWER, MORPH, NORM, ORTH,
                         POS, SENT_START, SPACY, TAG)
from spacy.tokens import Doc

from quiquoi.lang import load_language

# a paragraph and the blank line(s) after it; the pieces concatenate to the text again
_PARAGRAPH = re.compile(r".*?(?:\n[ \t\r\f\v\u00a0]*\n\s*|\Z)", re.S)
# a "sentence" the parser cut off a quote's speech incise or at a stray mark
_CONTINUATION = re.compile(r"^[\s,;:)\]»”’.!?…]|^[a-zà-ÿ]")


@lru_cache(maxsize=None)
def load_pipeline(lang: str = "fr") -> Language:
    """The language's spaCy model (named in its config.yaml), loaded once per process."""
    data = load_language(lang)
    model = data.config["spacy_model"]
    try:
        nlp = spacy.load(model, disable=data.config.get("disable") or [])
    except OSError as exc:  # the model is a PyPI package; say which one is missing
        raise RuntimeError(
            f"spaCy model {model!r} for language {lang!r} is not installed: pip install {model.replace('_', '-')}"
        ) from exc
    if data.config.get("time_object_words") and "parser" in nlp.pipe_names:
        from quiquoi.nlp import repairs  # noqa: F401  (registers the component)
        nlp.add_pipe("quiquoi_partitive_after_time", last=True, config={
            "time_words": list(data.config["time_object_words"]),
            "partitives": list(data.config.get("partitive_articles") or [])})
    return nlp


def split_paragraphs(text: str) -> list[str]:
    return [p for p in _PARAGRAPH.findall(text) if p]


# what the coder reads of a parse; joining copies these and nothing else
_JOINED = [ORTH, SPACY, LEMMA, POS, TAG, DEP, HEAD, SENT_START, ENT_IOB, ENT_TYPE, ENT_KB_ID, MORPH, NORM]


def join_docs(parts: list[Doc]) -> Doc:
    """One Doc from the parsed paragraphs of an article, text unchanged (they concatenate to
    it). Doc.from_docs does the same and more (tensors, spans, user data, whitespace
    repair) that the coder does not read, at about twice the cost: arrays are enough."""
    arr = numpy.concatenate([d.to_array(_JOINED) for d in parts])
    strings = parts[0].vocab.strings
    words = [strings[h] for h in arr[:, 0].tolist()]
    doc = Doc(parts[0].vocab, words=words, spaces=arr[:, 1].astype(bool).tolist())
    doc.from_array(_JOINED[2:], arr[:, 2:])   # HEAD is relative: the parts' trees stay apart
    return doc


def parse_many(nlp: Language, texts: Iterable[str], batch_size: int = 128) -> Iterator[Doc]:
    """Parse articles (in order) with one nlp.pipe stream over all their paragraphs.
    `batch_size` counts paragraphs (short docs batch well: ~4 per article)."""
    counts: list[int] = []

    def pieces() -> Iterator[str]:
        for text in texts:
            paras = split_paragraphs(text) or [text]
            counts.append(len(paras))
            yield from paras

    buffer: list[Doc] = []
    article = 0
    for doc in nlp.pipe(pieces(), batch_size=batch_size):
        buffer.append(doc)
        # counts grows as the generator is consumed, always ahead of the parsed docs
        while article < len(counts) and len(buffer) >= counts[article]:
            n = counts[article]
            parts, buffer = buffer[:n], buffer[n:]
            yield parts[0] if n == 1 else join_docs(parts)
            article += 1


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


def lowers_of(doc: Doc) -> list[str]:
    """Each token's lower-cased text, read once from an array (no Token objects)."""
    return _strings_of(doc, LOWER, "quiquoi.lower")


def lemmas_of(doc: Doc) -> list[str]:
    """Each token's lemma, read once from an array (no Token objects)."""
    return _strings_of(doc, LEMMA, "quiquoi.lemma")


def texts_of(doc: Doc) -> list[str]:
    """Each token's text, read once from an array (no Token objects)."""
    return _strings_of(doc, ORTH, "quiquoi.orth")


def pos_of(doc: Doc) -> list[str]:
    """Each token's coarse part of speech ("VERB"), read once from an array."""
    return _strings_of(doc, POS, "quiquoi.pos")


def deps_of(doc: Doc) -> list[str]:
    """Each token's dependency label ("nsubj"), read once from an array."""
    return _strings_of(doc, DEP, "quiquoi.dep")


def _strings_of(doc: Doc, attr: int, key: str) -> list[str]:
    found = doc.user_data.get(key)
    if found is None:
        strings = doc.vocab.strings
        found = doc.user_data[key] = [strings[h] for h in doc.to_array(attr).tolist()]
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
    tok_end = [idx[i + 1] for i in range(n - 1)] + [len(text)]          # start of next token
    bounds = [i for i in range(n) if i == 0 or starts_at[i] == 1] + [n]
    spans: list[list[int]] = []
    for s, e in zip(bounds, bounds[1:]):
        first = next((i for i in range(s, e) if not space[i]), None)
        if first is None or not text[idx[s]:tok_end[e - 1]].strip():
            continue
        if spans and _CONTINUATION.match(text[idx[first]:idx[first] + 1]) and "\n" not in doc[spans[-1][1] - 1].text:
            spans[-1][1] = e
        else:
            spans.append([s, e])
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
