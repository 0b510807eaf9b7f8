"""Load check of the HTTP API: a steady request rate on /api/events, latency percentiles.

    python tools/load_api.py --db /tmp/synth.duckdb            # starts `quiquoi serve` itself
    python tools/load_api.py --url http://127.0.0.1:8000       # or hits a running server
    python tools/load_api.py --db X --rate 100 --seconds 60 --json

Open loop: request i is sent at start + i/rate whatever the earlier ones are doing (a closed
loop would slow down with the server and hide its latency). Each request is a realistic
/api/events query: a first page, an actor, an actor with a date range, a dyad, an event type,
a deep page. Reports p50/p95/p99/max latency, errors, and the rate actually achieved.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import time

import httpx
from urllib.parse import urlencode, urlsplit


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: str, connections: int, cache: int) -> tuple[subprocess.Popen, str]:
    port = _free_port()
    cmd = [sys.executable, "-m", "quiquoi", "serve", "--db", db, "--port", str(port), "--quiet",
           "--connections", str(connections), "--cache", str(cache)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"load_api: the server exited: {proc.stderr.read()}")
        try:
            if httpx.get(url + "/api/stats", timeout=5).status_code == 200:
                return proc, url
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    proc.terminate()
    raise SystemExit("load_api: the server did not answer within 120 s")


def query_mix(url: str, rng: random.Random, distinct: int) -> list[dict]:
    """Realistic /api/events parameters, built from what the store holds."""
    actors = [a["code"] for a in httpx.get(url + "/api/actors", params={"top": 200}, timeout=60).json()["items"]
              if a.get("code") and len(a["code"]) >= 6]
    actors = list(dict.fromkeys(actors))[:40] or [None]
    types = httpx.get(url + "/api/vocabulary", timeout=30).json()["types"]
    newest = httpx.get(url + "/api/events", params={"limit": 1}, timeout=60).json()["items"]
    last = (newest[0].get("day") if newest else None) or "2016-05-24"
    year = int(last[:4])
    mix = []
    for _ in range(distinct):
        a, b = rng.choice(actors), rng.choice(actors)
        since = f"{rng.randint(max(1990, year - 5), year)}-{rng.randint(1, 12):02d}-01"
        kind = rng.choice(["page", "actor", "actor_since", "dyad", "type", "deep"])
        p = {"limit": 50}
        if kind == "actor" and a:
            p["actor"] = a
        elif kind == "actor_since" and a:
            p.update(actor=a, since=since)
        elif kind == "dyad" and a and b:
            p.update(source=a, target=b)
        elif kind == "type":
            p.update(type=rng.choice(types), since=since)
        elif kind == "deep":
            p["offset"] = rng.randint(0, 5000)
        mix.append({k: v for k, v in p.items() if v is not None})
    return mix


class LightClient:
    """A minimal HTTP/1.1 keep-alive client over asyncio streams: httpx costs the load generator
    ~4 ms of CPU a request, which on a small machine steals the server's CPU and skews latency."""

    def __init__(self, url: str, connections: int):
        u = urlsplit(url)
        self.host, self.port = u.hostname, u.port or 80
        self.size = connections
        self.free: asyncio.Queue = asyncio.Queue()
        self.opened = 0

    async def _conn(self):
        if self.free.empty() and self.opened < self.size:
            self.opened += 1
            return await asyncio.open_connection(self.host, self.port)
        return await self.free.get()

    async def get(self, target: str) -> tuple[int, dict[str, str]]:
        reader, writer = await self._conn()
        try:
            writer.write(f"GET {target} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\n\r\n".encode("latin-1"))
            head = await reader.readuntil(b"\r\n\r\n")
            lines = head.decode("latin-1").split("\r\n")
            status = int(lines[0].split()[1])
            headers = {k.strip().lower(): v.strip() for k, _, v in (ln.partition(":") for ln in lines[1:] if ln)}
            await reader.readexactly(int(headers.get("content-length", "0")))
        except Exception:
            writer.close()
            self.opened -= 1
            raise
        self.free.put_nowait((reader, writer))
        return status, headers


async def run(url: str, rate: float, seconds: float, max_in_flight: int, seed: int, distinct: int,
              warm: bool) -> dict:
    rng = random.Random(seed)
    mix = query_mix(url, rng, distinct)
    targets = ["/api/events?" + urlencode(m) for m in mix]
    warm_s = None
    if warm:
        # ask every distinct question once, one at a time: the per-query cost of the store
        # (what a cold cache pays), and a warm cache for the timed run
        t = time.perf_counter()
        with httpx.Client(base_url=url, timeout=120) as c:
            for target in dict.fromkeys(targets):
                c.get(target).raise_for_status()
        warm_s = time.perf_counter() - t
    latencies: list[float] = []
    statuses: dict[str, int] = {}
    caching: dict[str, int] = {}
    skipped = 0
    in_flight = 0
    client = LightClient(url, max_in_flight)

    async def one(target, scheduled):
        nonlocal in_flight
        try:
            status, headers = await asyncio.wait_for(client.get(target), 60)
            key = str(status)
            state = headers.get("x-cache", "none")
            caching[state] = caching.get(state, 0) + 1
        except (OSError, asyncio.TimeoutError, asyncio.IncompleteReadError, ValueError) as exc:
            key = type(exc).__name__
        # from the time the request was due, not sent: a late send is the server's delay too
        latencies.append(time.perf_counter() - scheduled)
        statuses[key] = statuses.get(key, 0) + 1
        in_flight -= 1

    tasks = []
    cpu0 = time.process_time()
    start = time.perf_counter()
    n = int(rate * seconds)
    for i in range(n):
        due = start + i / rate
        delay = due - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        if in_flight >= max_in_flight:   # the server is drowning: count it rather than pile on
            skipped += 1
            continue
        in_flight += 1
        tasks.append(asyncio.create_task(one(rng.choice(targets), due)))
    sent_for = time.perf_counter() - start
    await asyncio.gather(*tasks)
    elapsed = time.perf_counter() - start
    lat = sorted(latencies)

    def pct(p):
        return round(1000 * lat[min(len(lat) - 1, int(p / 100 * len(lat)))], 1) if lat else None

    errors = sum(v for k, v in statuses.items() if k != "200")
    distinct_n = len(set(targets))
    return {"url": url, "distinct_queries": distinct_n,
            "warm_up_s": round(warm_s, 1) if warm_s is not None else None,
            "cold_ms_per_query": round(1000 * warm_s / distinct_n, 1) if warm_s is not None else None,
            "target_rate": rate, "seconds": seconds, "requests": len(lat), "skipped": skipped,
            "achieved_rate": round(len(lat) / sent_for, 1) if sent_for else None, "elapsed_s": round(elapsed, 1),
            "p50_ms": pct(50), "p95_ms": pct(95), "p99_ms": pct(99), "max_ms": round(1000 * lat[-1], 1) if lat else None,
            "mean_ms": round(1000 * statistics.fmean(lat), 1) if lat else None, "errors": errors, "statuses": statuses,
            "cache_answers": caching, "client_cpu_s": round(time.process_time() - cpu0, 1)}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    where = ap.add_mutually_exclusive_group(required=True)
    where.add_argument("--db", help="store to serve (a `quiquoi serve` subprocess is started on a free port)")
    where.add_argument("--url", help="base URL of a running server")
    ap.add_argument("--rate", type=float, default=100.0, help="requests per second (default 100)")
    ap.add_argument("--seconds", type=float, default=60.0, help="duration (default 60)")
    ap.add_argument("--max-in-flight", type=int, default=200, help="requests open at once before skipping (default 200)")
    ap.add_argument("--connections", type=int, default=4, help="store connections of the started server (default 4)")
    ap.add_argument("--cache", type=int, default=4096, help="answers the started server caches (0: none, every request hits the store)")
    ap.add_argument("--distinct", type=int, default=200, help="distinct queries in the mix (default 200)")
    ap.add_argument("--warm", action="store_true", help="ask each distinct query once before the timed run")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    args = ap.parse_args(argv)
    if args.rate <= 0 or args.seconds <= 0:
        ap.error("--rate and --seconds must be positive")
    proc = None
    url = args.url
    if args.db:
        if not os.path.exists(args.db):
            ap.error(f"--db: no store at {args.db}")
        proc, url = start_server(args.db, args.connections, args.cache)
    try:
        res = asyncio.run(run(url.rstrip("/"), args.rate, args.seconds, args.max_in_flight, args.seed, args.distinct, args.warm))
    finally:
        if proc is not None:
            proc.terminate()
            proc.wait(10)
    if args.db:
        res.update(db=args.db, cache=args.cache, connections=args.connections)
    if args.json:
        print(json.dumps(res))
    else:
        print(f"/api/events at {res['target_rate']:g} req/s for {res['seconds']:g} s on {url}: "
              f"{res['requests']} requests ({res['achieved_rate']} req/s achieved, {res['skipped']} skipped)")
        print(f"latency p50 {res['p50_ms']} ms, p95 {res['p95_ms']} ms, p99 {res['p99_ms']} ms, max {res['max_ms']} ms")
        print(f"errors: {res['errors']} {res['statuses']}")
        if res["warm_up_s"] is not None:
            print(f"warm-up: {res['distinct_queries']} distinct queries in {res['warm_up_s']} s "
                  f"({res['cold_ms_per_query']} ms each, uncached, one at a time)")
    return 0 if res["errors"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
