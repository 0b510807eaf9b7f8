"""`quiquoi bench`: quiquoi's throughput against bare spaCy parsing of the same texts.

Both runs use the same loaded model on the same texts in one process (the bare run with
quiquoi's own pipeline components switched off), so the ratio says what quiquoi's own work
(paragraph starts, parse repairs, actors, events, quotes, dates, places) costs on top of
parsing, whatever the machine.
"""
from __future__ import annotations

import gzip
import itertools
import json
import platform
import time
from datetime import date
from pathlib import Path

import psutil

from quiquoi.ingest.readers import InputArticle
from quiquoi.nlp import OWN_COMPONENTS


def load_texts(paths: list[str]) -> list[str]:
    texts: list[str] = []
    for p in map(Path, paths):
        files = sorted(p.rglob("*")) if p.is_dir() else [p]
        for f in files:
            name = f.name.lower()
            if name.endswith((".txt",)):
                texts.append(f.read_text(encoding="utf-8"))
            elif name.endswith((".jsonl", ".jsonl.gz")):
                opener = gzip.open if name.endswith(".gz") else open
                with opener(f, "rt", encoding="utf-8") as fh:
                    for line in fh:
                        try:
                            obj = json.loads(line)
                        except json.JSONDecodeError:
                            continue
                        text = obj.get("text") or obj.get("article")
                        if isinstance(text, str) and text.strip():
                            texts.append(text)
    return texts


def default_corpus() -> list[str]:
    here = Path.cwd() / "tests" / "data"
    return [str(p) for p in (here / "dev", here / "seed") if p.exists()]


def run_bench(coder, paths: list[str], articles: int = 2000, progress=None, rounds: int = 10) -> dict:
    base = load_texts(paths)
    if not base:
        raise ValueError(f"no texts found in {', '.join(paths) or '(nothing)'}")
    texts = list(itertools.islice(itertools.cycle(base), articles))
    proc = psutil.Process()
    nlp = coder.nlp
    list(nlp.pipe(texts[:8]))                                   # warm-up, both paths
    list(coder.code_many([InputArticle(id=str(i), text=t) for i, t in enumerate(texts[:8])]))

    # language identification is on: it is part of what quiquoi does to every article
    # time spent in quotation extraction, measured inside the same run
    quote_time = [0.0]
    extract = coder.quotes.extract

    def timed_extract(doc, text=None):
        q0 = time.perf_counter()
        try:
            return extract(doc, text)
        finally:
            quote_time[0] += time.perf_counter() - q0

    # The two are measured in alternating rounds over slices of the texts, so that a slow
    # spell of a shared machine falls on both; CPU time is summed too (it ignores the time
    # the process waited for a core).
    spacy_s = quiquoi_s = spacy_cpu = quiquoi_cpu = 0.0
    tokens = events = quotes = errors = 0
    step = max(1, -(-len(texts) // max(1, rounds)))
    coder.quotes.extract = timed_extract
    try:
        for lo in range(0, len(texts), step):
            part = texts[lo:lo + step]
            t0, c0 = time.perf_counter(), time.process_time()
            # bare spaCy: the model's own components only; quiquoi's (paragraph starts,
            # parse repairs) count as quiquoi's work
            with nlp.select_pipes(disable=[n for n in OWN_COMPONENTS if n in nlp.pipe_names]):
                for doc in nlp.pipe(part, batch_size=coder.batch_size):
                    tokens += len(doc)
            spacy_s += time.perf_counter() - t0
            spacy_cpu += time.process_time() - c0
            items = (InputArticle(id=str(lo + i), text=t, published=date(2016, 5, 24)) for i, t in enumerate(part))
            t0, c0 = time.perf_counter(), time.process_time()
            for rec in coder.code_many(items):
                if hasattr(rec, "events"):
                    events += len(rec.events)
                    quotes += len(rec.quotes)
                else:
                    errors += 1
                if progress:
                    progress()
            quiquoi_s += time.perf_counter() - t0
            quiquoi_cpu += time.process_time() - c0
    finally:
        coder.quotes.extract = extract
    n = len(texts)
    return {
        "articles": n,
        "distinct_texts": len(base),
        "tokens": tokens,
        "events": events,
        "quotes": quotes,
        "errors": errors,
        "articles_per_s": round(n / quiquoi_s, 2),
        "tokens_per_s": round(tokens / quiquoi_s, 1),
        "spacy_articles_per_s": round(n / spacy_s, 2),
        "spacy_tokens_per_s": round(tokens / spacy_s, 1),
        "ratio": round(spacy_s / quiquoi_s, 3),
        "cpu_ratio": round(spacy_cpu / quiquoi_cpu, 3),
        "rounds": -(-len(texts) // step),
        # what quotations cost: throughput without them would be higher by this share
        "quotes_share": round(quote_time[0] / quiquoi_s, 3),
        "peak_rss_mb": round(_peak_rss_mb(proc), 1),
        "machine": f"{platform.machine()}, {psutil.cpu_count()} cores, Python {platform.python_version()}",
        "date": date.today().isoformat(),
    }


def _peak_rss_mb(proc) -> float:
    try:
        import resource
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    except Exception:  # not on every platform
        return proc.memory_info().rss / 2**20
