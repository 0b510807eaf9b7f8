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
def seed_record(coder):
    return coder.code(SEED.read_text(encoding="utf-8"), published="2016-05-24", id="kerry-lavrov-treve")
