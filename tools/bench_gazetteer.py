"""Gazetteer timings: build, cache size, load from cache, resolves per second.

    python tools/bench_gazetteer.py [--lang fr] [--n 20000]

Builds into a temporary cache dir, so the user's cache is left alone.
"""
from __future__ import annotations

import argparse
import os
import random
import tempfile
import time

NAMES = ["Alep", "Damas", "Vienne", "Genève", "Tripoli", "Paris", "Saint-Louis", "Syrie",
         "États-Unis", "Moscou", "Washington", "Pékin", "Londres", "Kiev", "Bagdad",
         "La Nouvelle-Orléans", "Texas", "Bretagne", "Lyon", "Marseille", "Idlib", "Homs",
         "Beyrouth", "Le Caire", "Nations unies", "Xqzwvbn", "Ministère", "Kerry"]
CONTEXTS = [None, {"countries": {"SYR": 5, "USA": 3, "RUS": 3}, "domestic": "FRA"},
            {"countries": {"FRA": 2}, "domestic": "FRA"},
            {"countries": {"LBN": 1}, "dateline_country": "LBN"}]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--lang", default="fr")
    ap.add_argument("--n", type=int, default=20000)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["QUIQUOI_CACHE_DIR"] = tmp
        from quiquoi.places import gazetteer as gzmod

        t0 = time.perf_counter()
        gz = gzmod.Gazetteer.load(args.lang)          # nothing cached: builds and writes
        t1 = time.perf_counter()
        path = gzmod.cache_path(args.lang)
        size = path.stat().st_size if path.exists() else 0
        gzmod._load_cached.cache_clear()
        t2 = time.perf_counter()
        gz = gzmod.Gazetteer.load(args.lang)          # from the pickle
        t3 = time.perf_counter()
        rnd = random.Random(0)
        queries = [(rnd.choice(NAMES), rnd.choice(CONTEXTS)) for _ in range(args.n)]
        t4 = time.perf_counter()
        hits = sum(gz.resolve(n, c) is not None for n, c in queries)
        t5 = time.perf_counter()
    print(f"records            {len(gz):>10,}")
    print(f"index keys         {len(gz._index):>10,}")
    print(f"build + write      {t1 - t0:>10.2f} s")
    print(f"cache file         {size / 1e6:>10.1f} MB")
    print(f"load from cache    {t3 - t2:>10.3f} s   ({gz.source})")
    print(f"resolves           {args.n / (t5 - t4):>10,.0f} /s   ({hits} of {args.n} found)")


if __name__ == "__main__":
    main()
