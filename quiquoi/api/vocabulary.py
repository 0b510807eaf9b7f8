"""What the filters accept, read from the coder's data files (never a hand-kept list here)."""
from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

from quiquoi.lang import cameo_table

QUAD_LABELS = Path(__file__).with_name("quad_labels.tsv")


@lru_cache(maxsize=1)
def plover_types() -> tuple[str, ...]:
    return tuple(sorted({row["plover_type"] for row in cameo_table().values() if row["plover_type"]}))


@lru_cache(maxsize=1)
def cameo_roots() -> dict[str, str]:
    return {code: " ".join(row["label"].split()).capitalize() for code, row in sorted(cameo_table().items()) if len(code) == 2}


@lru_cache(maxsize=1)
def quad_classes() -> dict[str, str]:
    with QUAD_LABELS.open(encoding="utf-8") as fh:
        rows = csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t")
        return {r["quad_class"]: r["label"] for r in rows}
