"""An LRU cache of GET /api/* answers.

The server opens its store read-only, and DuckDB lets no writer in while it is open, so an
answer cannot go stale while the server runs: the same question gets the same bytes. On a
store of millions of events, a page of /api/events costs a scan (hundreds of ms on two cores);
dashboards ask the same few questions again and again.
"""
from __future__ import annotations

import asyncio
import threading
from collections import OrderedDict

from urllib.parse import parse_qsl, urlencode


class ResponseCache:
    def __init__(self, max_entries: int = 4096, max_entry_bytes: int = 2_000_000):
        self.max_entries = max_entries
        self.max_entry_bytes = max_entry_bytes
        self._data: OrderedDict[str, tuple[bytes, str]] = OrderedDict()
        self._lock = threading.Lock()
        self._pending: dict[str, asyncio.Future] = {}
        self.hits = self.misses = 0

    @staticmethod
    def key(scope) -> str:
        query = parse_qsl(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True)
        return scope["path"] + "?" + urlencode(sorted(query))

    def get(self, key: str) -> tuple[bytes, str] | None:
        with self._lock:
            found = self._data.get(key)
            if found is None:
                self.misses += 1
                return None
            self._data.move_to_end(key)
            self.hits += 1
            return found

    def put(self, key: str, body: bytes, media_type: str) -> None:
        if len(body) > self.max_entry_bytes:
            return
        with self._lock:
            self._data[key] = (body, media_type)
            self._data.move_to_end(key)
            while len(self._data) > self.max_entries:
                self._data.popitem(last=False)

    def middleware(self, app):
        """The cache as a pure ASGI middleware around `app`."""
        cache = self

        async def cached(scope, receive, send):
            if scope["type"] != "http" or scope["method"] != "GET" or not scope["path"].startswith("/api/"):
                return await app(scope, receive, send)
            key = cache.key(scope)
            found = cache.get(key)
            if found is None and key in cache._pending:
                # the same question already on its way (a burst of identical requests): wait for
                # its answer instead of running the same scan again
                found = await asyncio.shield(cache._pending[key])
            if found is not None:
                return await _answer(send, *found)
            future = asyncio.get_running_loop().create_future()
            cache._pending[key] = future
            start: dict = {}
            chunks: list[bytes] = []

            async def capture(message):
                if message["type"] == "http.response.start":
                    start.update(message)
                    message = {**message, "headers": list(message.get("headers", [])) + [(b"x-cache", b"miss")]}
                elif message["type"] == "http.response.body":
                    chunks.append(message.get("body", b""))
                    if not message.get("more_body") and start.get("status") == 200:
                        media = dict(start.get("headers", [])).get(b"content-type", b"application/json")
                        body = b"".join(chunks)
                        cache.put(key, body, media.decode("latin-1"))
                        if not future.done():
                            future.set_result((body, media.decode("latin-1")))
                await send(message)

            try:
                await app(scope, receive, capture)
            finally:
                if not future.done():
                    future.set_result(None)
                cache._pending.pop(key, None)

        return cached


async def _answer(send, body: bytes, media_type: str) -> None:
    await send({"type": "http.response.start", "status": 200,
                "headers": [(b"content-type", media_type.encode("latin-1")), (b"content-length", str(len(body)).encode()),
                            (b"x-cache", b"hit")]})
    await send({"type": "http.response.body", "body": body})
