"""Scale-out benchmark: the same N corpus articles coded on 1 and on 2 (or more) Dask worker
processes, then merged into a fresh store.

    python tools/bench_scale.py --articles 400 --workers 1 2 [--json out.json]

Reports, per worker count: coding wall time (workers already started and their model
loaded), articles/s and tokens/s, speed-up against 1 worker, peak memory per worker; then
the merge rate into the store, the per-core throughput, and the cores that 1 million
articles a day would need. The machine's load (uptime) is printed with the figures: on a
shared machine it explains what the numbers cannot.
"""
from __future__ import annotations

import argparse
import gzip
import itertools
import json
import os
import platform
import shutil
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

import psutil

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "orangesum" / "orangesum_articles.jsonl.gz"
ARTICLES_PER_DAY = 1_000_000


def sample(corpus: Path, n: int, out: Path) -> list[str]:
    """The first n corpus lines, as a plain JSON Lines file; returns their texts."""
    opener = gzip.open if corpus.name.endswith(".gz") else open
    with opener(corpus, "rt", encoding="utf-8") as fh:
        lines = list(itertools.islice(fh, n))
    out.write_text("".join(lines), encoding="utf-8")
    return [json.loads(line).get("article") or "" for line in lines]


def count_tokens(texts: list[str]) -> int:
    """Tokens as the coder's model splits them (tokenizer only: no parse needed to count)."""
    import spacy

    from quiquoi.lang import load_language

    model = load_language("fr").config["spacy_model"]
    nlp = spacy.load(model, exclude=["tok2vec", "morphologizer", "parser", "attribute_ruler", "lemmatizer",
                                     "ner", "senter"])
    return sum(len(doc) for doc in nlp.tokenizer.pipe(texts))


def profile(src: Path, n: int, work: Path) -> dict:
    """Where one worker's time goes, in this process: parsing (spaCy, as the coder calls it),
    language identification, quiquoi's own coding, writing the part, and the merge."""
    import pyarrow.parquet as pq

    import quiquoi
    import quiquoi.coder as coder_module
    from quiquoi.scale import parts
    from quiquoi.scale.chunks import plan_chunks
    from quiquoi.scale.merge import merge_parts

    lines = src.read_text(encoding="utf-8").splitlines(keepends=True)[:n]
    sub = work / "profile.jsonl"
    sub.write_text("".join(lines), encoding="utf-8")
    texts = [json.loads(line).get("article") or "" for line in lines]
    coder = parts.get_coder(None)
    coder.code("Le ministre a parlé à Paris.", id="warm-up")
    spent = {"identify": 0.0, "code_doc": 0.0, "write": 0.0}

    def timed(name, fn):
        def wrapper(*a, **k):
            t = time.perf_counter()
            try:
                return fn(*a, **k)
            finally:
                spent[name] += time.perf_counter() - t
        return wrapper

    # parsing happens lazily inside nlp.pipe's generator, which also pulls the inputs (and so
    # runs the language check): time spent in it, less the language check, is parsing
    real_pipe = coder.nlp.pipe

    def timed_pipe(*a, **k):
        gen = real_pipe(*a, **k)
        while True:
            t = time.perf_counter()
            try:
                doc = next(gen)
            except StopIteration:
                spent["pipe"] += time.perf_counter() - t
                return
            spent["pipe"] += time.perf_counter() - t
            yield doc

    spent["pipe"] = 0.0
    coder.nlp.pipe = timed_pipe
    coder_module.identify = timed("identify", coder_module.identify)
    coder.code_doc = timed("code_doc", coder.code_doc)

    class TimedWriter(pq.ParquetWriter):
        write_table = timed("write", pq.ParquetWriter.write_table)

    parts.pq.ParquetWriter, real_writer = TimedWriter, pq.ParquetWriter
    plan = plan_chunks([str(sub)], 1000)
    out = work / "profile.parts"
    out.mkdir()
    try:
        t = time.perf_counter()
        parts.code_chunk(plan.chunks[0], str(out), None)
        total_s = time.perf_counter() - t
    finally:
        parts.pq.ParquetWriter = real_writer
    store = quiquoi.open(str(work / "profile.duckdb"))
    t = time.perf_counter()
    merge_parts(store, plan.chunks, out)
    merge_s = time.perf_counter() - t
    store.close()
    del coder.nlp.pipe
    parse_s = spent["pipe"] - spent["identify"]
    other = total_s - spent["pipe"] - spent["code_doc"] - spent["write"]
    res = {"articles": len(texts), "task_s": round(total_s, 2), "parse_s": round(parse_s, 2),
           "identify_s": round(spent["identify"], 2), "code_doc_s": round(spent["code_doc"], 2),
           "write_part_s": round(spent["write"], 3), "other_s": round(other, 2), "merge_s": round(merge_s, 2)}
    res["shares_of_task"] = {k[:-2]: round(v / total_s, 3) for k, v in res.items()
                             if k.endswith("_s") and k not in ("task_s", "merge_s")}
    return res


def _spin(n: int) -> float:
    t = time.perf_counter()
    x = 0
    for i in range(n):
        x += i * i % 7
    return time.perf_counter() - t


def machine_ceiling(n: int = 20_000_000) -> dict:
    """How much faster 2 processes run than 1 on this machine *now*, on pure Python CPU
    work: the physical limit any 1 -> 2 worker scaling is bounded by (shared or
    hyper-threaded cores, other jobs)."""
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(2) as pool:
        list(pool.map(_spin, [n // 10] * 2))                       # start both processes
        t = time.perf_counter()
        pool.submit(_spin, n).result()
        one = time.perf_counter() - t
        t = time.perf_counter()
        list(pool.map(_spin, [n, n]))
        two = time.perf_counter() - t
    return {"one_process_s": round(one, 2), "two_processes_s": round(two, 2),
            "speedup_ceiling": round(2 * one / two, 2)}


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f}, {five:.2f}, {fifteen:.2f} on {psutil.cpu_count()} cores"


def main(argv=None) -> int:
    from quiquoi.scale.runner import execute

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=400)
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--chunk-mb", type=float, default=0.05,
                    help="chunk size (default 0.05 MB, ~20 articles: enough chunks to keep every worker busy)")
    ap.add_argument("--json", type=Path, help="also write the figures to this file")
    ap.add_argument("--profile", type=int, default=0, metavar="N",
                    help="also time the stages of one task on N articles, in this process")
    args = ap.parse_args(argv)
    if not args.corpus.exists():
        print(f"bench_scale: no corpus at {args.corpus} (give --corpus)", file=sys.stderr)
        return 2

    work = Path(tempfile.mkdtemp(prefix="quiquoi-bench-scale-"))
    try:
        src = work / "sample.jsonl"
        texts = sample(args.corpus, args.articles, src)
        tokens = count_tokens(texts)
        runs = []
        ceiling = machine_ceiling()
        print(f"machine: 2 processes of pure Python work run {ceiling['speedup_ceiling']:.2f}x one ({load()})",
              file=sys.stderr)
        for n in args.workers:
            before = load()
            db = work / f"w{n}-{len(runs)}.duckdb"
            _, stats = execute([str(src)], str(db), workers=n, chunk_mb=args.chunk_mb, progress=False, merge=False)
            coded = sum(t["articles"] + t["failures"] for t in stats.tasks)
            cpu = sum(t["cpu_seconds"] for t in stats.tasks)
            runs.append({
                "workers": n, "chunks": stats.chunks, "articles": coded,
                "startup_s": round(stats.startup_s, 1), "coding_s": round(stats.coding_s, 2),
                "articles_per_s": round(coded / stats.coding_s, 2),
                "tokens_per_s": round(tokens / stats.coding_s, 1),
                "worker_peak_rss_mb": round(max(t["peak_rss_mb"] for t in stats.tasks)),
                # CPU time the workers spent coding: what the articles cost, whatever else runs
                "worker_cpu_s": round(cpu, 1), "articles_per_cpu_s": round(coded / cpu, 2),
                "cpu_utilisation": round(cpu / (n * stats.coding_s), 2),
                "processes": len({t["pid"] for t in stats.tasks}),
                "load_before": before, "load_after": load(),
            })
            print(f"{n} worker(s): {coded} articles in {stats.coding_s:.1f} s = {runs[-1]['articles_per_s']:.2f} "
                  f"articles/s, {runs[-1]['tokens_per_s']:.0f} tokens/s; peak RSS per worker "
                  f"{runs[-1]['worker_peak_rss_mb']} MB; {runs[-1]['articles_per_cpu_s']:.2f} articles per CPU-second "
                  f"({runs[-1]['load_after']})", file=sys.stderr)
        base = next((r for r in runs if r["workers"] == 1), runs[0])
        # --workers 1 2 1 2: the best of each count (the machine is shared: less disturbed runs)
        best = {}
        for r in runs:
            if r["workers"] not in best or r["articles_per_s"] > best[r["workers"]]["articles_per_s"]:
                best[r["workers"]] = r
        base = best.get(1, base)
        for r in runs:
            r["speedup"] = round(r["articles_per_s"] / base["articles_per_s"], 2)
        speedups = {n: round(r["articles_per_s"] / base["articles_per_s"], 2) for n, r in best.items()}
        # the merge: parts of the last run into a fresh store (single writer, no model)
        m0 = time.perf_counter()
        report, mstats = execute([str(src)], str(work / "merged.duckdb"), workers=1, chunk_mb=args.chunk_mb,
                                 parts_dir=str(db) + ".parts", progress=False)
        merge_s = mstats.merge_s
        per_core = base["articles_per_s"] / base["workers"]
        per_cpu_s = sum(r["articles"] for r in runs) / sum(r["worker_cpu_s"] for r in runs)
        need = ARTICLES_PER_DAY / 86400
        res = {
            "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
            "machine": f"{platform.machine()}, {psutil.cpu_count()} cores "
                       f"({psutil.cpu_count(logical=False)} physical), "
                       f"{round(psutil.virtual_memory().total / 2**30)} GiB, Python {platform.python_version()}",
            "corpus": str(args.corpus), "articles": args.articles, "tokens": tokens,
            "tokens_per_article": round(tokens / max(1, len(texts))), "chunk_mb": args.chunk_mb,
            "machine_ceiling_before": ceiling, "machine_ceiling_after": machine_ceiling(),
            "runs": runs,
            "merge": {"articles": report.new + report.unchanged, "seconds": round(merge_s, 2),
                      "articles_per_s": round((report.new + report.unchanged) / merge_s, 1) if merge_s else None,
                      "total_with_plan_s": round(time.perf_counter() - m0, 2)},
            "best_speedup_by_workers": speedups,
            "per_core_articles_per_s": round(per_core, 2),
            "articles_per_cpu_second": round(per_cpu_s, 2),
            "projection": {"articles_per_day": ARTICLES_PER_DAY, "articles_per_s_needed": round(need, 2),
                           # wall-clock rate of one worker as measured (on a loaded machine: pessimistic)
                           "cores_at_measured_wall_rate": round(need / per_core, 1),
                           # a core fully given to one worker codes articles_per_cpu_second a second
                           "cores_at_cpu_rate": round(need / per_cpu_s, 1)},
        }
        if args.profile:
            res["profile"] = profile(src, args.profile, work)
            res["profile"]["load"] = load()
        print(json.dumps(res, indent=2))
        if args.json:
            args.json.write_text(json.dumps(res, indent=2) + "\n", encoding="utf-8")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
