"""Which language is an article written in? (py3langid: a small model shipped in its package)."""
from __future__ import annotations

import re
from functools import lru_cache

# enough text to decide; identification cost grows with length
SAMPLE_CHARS = 600
# a first, shorter look that settles the common case: an article in the expected language
QUICK_CHARS = 200
QUICK_SURE = 0.99


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


_WORD = re.compile(r"\w+")


def identify(text: str, expected: str | None = None, own_words: frozenset[str] = frozenset(),
             own_min: int = 3) -> tuple[str, float]:
    """(ISO 639-1 code, probability) of the text's language. With `expected`, a short
    sample that is surely in that language is enough (a third of the cost); anything else
    is decided on the full sample.

    `own_words`: function words found in the expected language and in no other likely one
    (the language's data says which); `own_min` distinct ones in the first QUICK_CHARS
    characters settle it without the model (probability 1.0). Why: run between two parses,
    the model's tables have left the CPU caches and a look costs ≈ 1.7 ms an article."""
    if expected is not None and own_words:
        seen = {w for w in _WORD.findall(text[:QUICK_CHARS].lower()) if w in own_words}
        if len(seen) >= own_min:
            return expected, 1.0
    if expected is not None and len(text) > QUICK_CHARS:
        lang, prob = _identifier().classify(text[:QUICK_CHARS])
        if lang == expected and prob >= QUICK_SURE:
            return lang, float(prob)
    lang, prob = _identifier().classify(text[:SAMPLE_CHARS])
    return lang, float(prob)
