"""Which language is an article written in? (py3langid: a small model shipped in its package)."""
from __future__ import annotations

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


def identify(text: str, expected: str | None = None) -> tuple[str, float]:
    """(ISO 639-1 code, probability) of the text's language. With `expected`, a short
    sample that is surely in that language is enough (a third of the cost); anything else
    is decided on the full sample."""
    if expected is not None and len(text) > QUICK_CHARS:
        lang, prob = _identifier().classify(text[:QUICK_CHARS])
        if lang == expected and prob >= QUICK_SURE:
            return lang, float(prob)
    lang, prob = _identifier().classify(text[:SAMPLE_CHARS])
    return lang, float(prob)
