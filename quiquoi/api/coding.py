"""POST /api/code: code a posted article on the fly, store nothing.

Coding costs CPU (spaCy), so the body is size-limited (413) and each client gets a small
token bucket (429 with Retry-After); one article is coded at a time.
"""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field

from fastapi import APIRouter, HTTPException, Request

from quiquoi.api import models
from quiquoi.api.errors import InvalidInput
from quiquoi.ingest.readers import parse_date

router = APIRouter(prefix="/api", tags=["code"])


@dataclass
class RateLimiter:
    """Token bucket per client address: `burst` requests at once, refilled at `per_minute`."""
    per_minute: float = 30.0
    burst: int = 5
    _buckets: dict[str, tuple[float, float]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def take(self, client: str, now: float | None = None) -> float:
        """0 when the request may go on, else the seconds to wait before the next one."""
        now = time.monotonic() if now is None else now
        rate = self.per_minute / 60.0
        with self._lock:
            tokens, last = self._buckets.get(client, (float(self.burst), now))
            tokens = min(float(self.burst), tokens + (now - last) * rate)
            if tokens >= 1.0:
                self._buckets[client] = (tokens - 1.0, now)
                return 0.0
            self._buckets[client] = (tokens, now)
            if len(self._buckets) > 10_000:    # forget idle clients rather than grow forever
                self._buckets = {k: v for k, v in self._buckets.items() if now - v[1] < 600}
            return (1.0 - tokens) / rate if rate > 0 else float("inf")


@dataclass
class CodingService:
    """The Coder, loaded on first use (spaCy takes seconds), behind a lock."""
    coder: object | None = None
    max_chars: int = 100_000
    limiter: RateLimiter = field(default_factory=RateLimiter)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def max_bytes(self) -> int:
        # JSON-escaped UTF-8 text plus the other fields: generous, still bounded
        return self.max_chars * 6 + 4096

    def code(self, req: models.CodeRequest) -> dict:
        with self._lock:
            if self.coder is None:
                from quiquoi.coder import Coder

                self.coder = Coder()
            record = self.coder.code(req.text, published=req.published, id=req.id or "posted", title=req.title)
        return record.to_dict()


@router.post(
    "/code",
    summary="Code one posted article (nothing is stored)",
    description="Body: {text, published?, id?, title?}. Answers the coder's record (README output contract). "
                "Texts over the size limit get 413, clients over the rate limit 429 (see Retry-After), "
                "texts that cannot be coded (empty, another language) 422.",
    responses={400: {"model": models.Problem, "description": "the body is not JSON (or not UTF-8)"},
               413: {"model": models.Problem}, 429: {"model": models.Problem}},
)
def code_article(request: Request, body: models.CodeRequest) -> dict:
    service: CodingService = request.app.state.coding
    client = request.client.host if request.client else "unknown"
    wait = service.limiter.take(client)
    if wait:
        raise HTTPException(429, f"rate limit: at most {service.limiter.per_minute:g} articles per minute per client; "
                                 f"retry in {wait:.0f} s", headers={"Retry-After": str(max(1, round(wait)))})
    if len(body.text) > service.max_chars:
        raise HTTPException(413, f"text: {len(body.text):,} characters, over the limit of {service.max_chars:,}")
    if body.published is not None:
        try:
            parse_date(body.published)
        except ValueError as exc:
            raise InvalidInput("published", str(exc)) from None
    try:
        return service.code(body)
    except ValueError as exc:
        raise InvalidInput("text", str(exc)) from None
