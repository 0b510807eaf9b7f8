"""The sample store behind `quiquoi demo`: the reference article and the development articles,
coded once into a DuckDB file, each with the publication date its gold file records."""
from __future__ import annotations

from pathlib import Path

import quiquoi

SAMPLE_PUBLISHED = "2016-05-24"   # the seed article's publication date (see tests/data/seed)
SAMPLE_FOLDERS = ("seed", "dev")


def default_data_dir() -> Path | None:
    """tests/data of a source checkout (an editable install), else of the current folder."""
    for base in (Path(quiquoi.__file__).resolve().parents[1], Path.cwd()):
        d = base / "tests" / "data"
        if (d / "seed").is_dir():
            return d
    return None


def sample_files(data_dir: Path | None = None, limit: int | None = None) -> list[Path]:
    data_dir = data_dir or default_data_dir()
    if data_dir is None or not (data_dir / "seed").is_dir():
        raise FileNotFoundError("sample articles not found: run from a quiquoi source checkout (tests/data/seed), "
                                "or give --data FOLDER holding seed/ and dev/")
    files: list[Path] = []
    for folder in SAMPLE_FOLDERS:
        files += sorted((data_dir / folder).glob("*.txt"))
    files = [f for f in files if f.name.endswith(".fr.txt")] or files
    return files[:limit] if limit else files


def build_sample_store(db: str | Path, data_dir: Path | None = None, coder=None, limit: int | None = None,
                       progress=None):
    """Code the sample articles into `db` (created if missing; re-running stores nothing new)."""
    from itertools import chain

    from quiquoi.ingest.readers import parse_date, read_inputs

    files = sample_files(data_dir, limit)
    inputs = chain.from_iterable(read_inputs([str(f)], parse_date(published_of(f))) for f in files)
    with quiquoi.open(db, read_only=False) as st:
        return st.ingest(inputs, coder=coder, progress=progress)


def published_of(text_file: Path) -> str:
    """The article's publication date from its gold file (`article: published:`), else the
    reference article's: the sample articles span 2015-2024 and "lundi" needs the right week."""
    import yaml

    gold = text_file.with_name(text_file.name.replace(".fr.txt", ".expected.yaml"))
    if gold.exists():
        article = (yaml.safe_load(gold.read_text(encoding="utf-8")) or {}).get("article") or {}
        if article.get("published"):
            return str(article["published"])
    return SAMPLE_PUBLISHED
