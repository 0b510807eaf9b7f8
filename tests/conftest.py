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
