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
        return spacy.load(model, disable=data.config.get("disable") or [])
    except OSError as exc:  # the model is a PyPI package; say which one is missing
        raise RuntimeError(
            f"spaCy model {model!r} for language {lang!r} is not installed: pip install {model.replace('_', '-')}"
        ) from exc


def split_paragraphs(text: str) -> list[str]:
    return [p for p in _PARAGRAPH.findall(text) if p]


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
            yield parts[0] if n == 1 else Doc.from_docs(parts, ensure_whitespace=False)
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
    spans: list[list[int]] = []
    text = text_of(doc)
    for sent in doc.sents:
        if not sent.text.strip():
            continue
        first = next(t for t in sent if not t.is_space)
        if spans and _CONTINUATION.match(text[first.idx:first.idx + 1]) and "\n" not in doc[spans[-1][1] - 1].text:
            spans[-1][1] = sent.end
        else:
            spans.append([sent.start, sent.end])
    out = []
    para = 1
    prev_end = 0
    for i, (s, e) in enumerate(spans, 1):
        para += text.count("\n\n", prev_end, doc[s].idx) if i > 1 else 0
        # trailing whitespace tokens belong to no sentence's text
        while e > s + 1 and doc[e - 1].is_space:
            e -= 1
        span = doc[s:e]
        out.append(Sentence(i, para, s, e, span.start_char, span.end_char, span.text))
        prev_end = span.end_char
    return out
