from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
SEED = DATA / "seed" / "kerry-lavrov-treve.fr.txt"
SEED_GOLD = DATA / "seed" / "kerry-lavrov-treve.expected.yaml"


@pytest.fixture(scope="session")
def coder():
    """One Coder (and one spaCy model) for the whole test session."""
    from quiquoi.coder import Coder

    return Coder("fr")


@pytest.fixture(scope="session")
def code(coder):
    """Code one short text written for a test (published on a fixed day)."""
    def run(text, published="2023-03-14"):
        return coder.code(text, published=published)
    return run


@pytest.fixture(scope="session")
def seed_record(coder):
    return coder.code(SEED.read_text(encoding="utf-8"), published="2016-05-24", id="kerry-lavrov-treve")


@pytest.fixture(scope="session")
def resolve(coder):
    """Parse a text and resolve its actors alone (no events): (doc, ArticleActors)."""
    from datetime import date

    from quiquoi.actors.resolver import ArticleActors
    from quiquoi.nlp import parse_many

    def run(text, published=date(2021, 3, 10)):
        doc = next(parse_many(coder.nlp, [text]))
        return doc, ArticleActors(doc, coder.dictionary, coder.data.config, published)
    return run


def actors_at(doc, aa, word, nth=0):
    """The actors the nth token spelt `word` names."""
    tok = [t for t in doc if t.text == word][nth]
    return aa.actors(tok)


def actor_code(actor):
    """An event's source or target as its CAMEO-style code (None for no actor)."""
    return actor.code if actor else None


def only_event(code, text, etype, trigger=None, published="2024-04-12"):
    """The one event of PLOVER type `etype` (and trigger word, if given) coded in `text`;
    fails, listing what was coded, when there is not exactly one."""
    evs = code(text, published=published).events
    found = [e for e in evs if e.type == etype and trigger in (None, e.trigger.text)]
    assert len(found) == 1, [(e.type, e.trigger.text) for e in evs]
    return found[0]


def events_of(code, text, type_=None):
    """The events the `code` fixture finds in `text`, of one PLOVER type if given."""
    evs = code(text).events
    return [e for e in evs if type_ is None or e.type == type_]


@pytest.fixture
def code_asked(coder):
    """Code with the act asked of another kept as an event of its own, marked "requested"
    (the coder folds it into the request: events/extractor.py _drop_requested). For tests
    of how the "requested" modality itself is read."""
    saved = coder.extractor.requesting_types
    coder.extractor.requesting_types = set()
    try:
        yield lambda text, published="2023-03-14": coder.code(text, published=published)
    finally:
        coder.extractor.requesting_types = saved
