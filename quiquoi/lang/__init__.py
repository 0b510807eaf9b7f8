"""Per-language data: one folder per language (``lang/fr/``), one interface.

Adding a language means adding a folder with the same files (config.yaml, verbs.yaml,
nouns.yaml, modality.yaml, speech.yaml, time.yaml, countries.tsv, metonyms.tsv,
organisations.tsv, roles.tsv, persons.tsv); no code path changes.
"""
from __future__ import annotations

from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

import yaml

LANG_DIR = Path(__file__).parent
DATA_DIR = LANG_DIR.parent / "data"


def read_tsv(path: Path) -> list[dict[str, str]]:
    """Rows of a TSV file whose first non-comment line is the header; '#' lines are comments."""
    rows: list[dict[str, str]] = []
    header: list[str] | None = None
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n\r")
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.split("\t")
            if header is None:
                header = [c.strip() for c in cells]
                continue
            cells += [""] * (len(header) - len(cells))
            rows.append({h: c.strip() for h, c in zip(header, cells)})
    return rows


def split_multi(value: str | None) -> list[str]:
    """A multi-valued TSV cell ("a|b|c") as a list without blanks."""
    return [v.strip() for v in (value or "").split("|") if v.strip()]


def available_languages() -> list[str]:
    return sorted(p.name for p in LANG_DIR.iterdir() if (p / "config.yaml").exists())


class LanguageData:
    """Lazily loaded data files of one language folder."""

    def __init__(self, code: str):
        self.code = code
        self.path = LANG_DIR / code
        if not (self.path / "config.yaml").exists():
            raise ValueError(f"no language data for {code!r} (have: {', '.join(available_languages())})")

    def _yaml(self, name: str) -> dict[str, Any]:
        p = self.path / name
        return (yaml.safe_load(p.read_text(encoding="utf-8")) or {}) if p.exists() else {}

    def _tsv(self, name: str) -> list[dict[str, str]]:
        p = self.path / name
        return read_tsv(p) if p.exists() else []

    @cached_property
    def config(self) -> dict[str, Any]:
        return self._yaml("config.yaml")

    @cached_property
    def verbs(self) -> list[dict[str, Any]]:
        return self._yaml("verbs.yaml").get("verbs", [])

    @cached_property
    def nouns(self) -> list[dict[str, Any]]:
        return self._yaml("nouns.yaml").get("nouns", [])

    @cached_property
    def modality(self) -> dict[str, Any]:
        return self._yaml("modality.yaml")

    @cached_property
    def places(self) -> dict[str, Any]:
        return self._yaml("places.yaml")

    @cached_property
    def countries(self) -> list[dict[str, str]]:
        return self._tsv("countries.tsv")

    @cached_property
    def metonyms(self) -> list[dict[str, str]]:
        return self._tsv("metonyms.tsv")

    @cached_property
    def organisations(self) -> list[dict[str, str]]:
        return self._tsv("organisations.tsv")

    @cached_property
    def roles(self) -> list[dict[str, str]]:
        return self._tsv("roles.tsv")

    @cached_property
    def own_persons(self) -> list[dict[str, str]]:
        """The language's own persons (dated offices, checked and closed)."""
        return self._tsv("persons.tsv")

    @cached_property
    def persons(self) -> list[dict[str, str]]:
        """Language-specific persons first (their spellings win), then the shared list."""
        rows = list(self.own_persons)
        shared = DATA_DIR / "persons.tsv"
        if shared.exists():
            rows += read_tsv(shared)
        return rows


@lru_cache(maxsize=None)
def load_language(code: str) -> LanguageData:
    return LanguageData(code)


@lru_cache(maxsize=1)
def cameo_table() -> dict[str, dict[str, Any]]:
    """CAMEO code -> {label, goldstein, plover_type, plover_mode} (quiquoi/data/cameo.tsv)."""
    table = {}
    for row in read_tsv(DATA_DIR / "cameo.tsv"):
        table[row["code"]] = {
            "label": row["label"],
            "goldstein": float(row["goldstein"]) if row["goldstein"] else 0.0,
            "plover_type": row["plover_type"] or None,
            "plover_mode": row["plover_mode"] or None,
        }
    return table
