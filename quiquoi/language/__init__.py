"""Which language is an article written in? (py3langid: a small model shipped in its package)."""
from __future__ import annotations

from functools import lru_cache

# enough text to decide; identification cost grows with length
SAMPLE_CHARS = 600


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def identify(text: str) -> tuple[str, float]:
    """(ISO 639-1 code, probability) of the text's language."""
    lang, prob = _identifier().classify(text[:SAMPLE_CHARS])
    return lang, float(prob)
