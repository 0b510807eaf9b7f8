"""Quotations with their speakers: direct, partial and indirect speech.

    from quiquoi.quotes import QuoteExtractor, RawQuote
    qx = QuoteExtractor.from_language("fr")
    quotes = qx.extract(doc)        # doc: spaCy Doc (fr_core_news_md)
"""
from .extractor import QuoteExtractor, RawQuote
from .lexicon import SpeechLexicon
from .marks import MarkScanner, MarkSpan

__all__ = ["QuoteExtractor", "RawQuote", "SpeechLexicon", "MarkScanner", "MarkSpan"]
