"""The FastAPI application: the read API over a store, POST /api/code, the page and its docs.

    from quiquoi.api import create_app
    app = create_app("quiquoi.duckdb")        # uvicorn.run(app, host="127.0.0.1")
"""
from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

from quiquoi import __version__
from quiquoi.api import coding, errors, models, routes
from quiquoi.api.asgi import BodyLimit, SecurityHeaders
from quiquoi.api.cache import ResponseCache
from quiquoi.api.pool import StorePool
from quiquoi.api.queries import ActorIndex
from quiquoi.web import STATIC_DIR

# Everything the page loads comes from this server: a CDN or any other origin is refused by
# the browser, so a stray remote asset shows up as an error instead of a silent dependency.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "connect-src 'self'; font-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'")

COMMON_ERRORS = {
    422: {"model": models.Problem, "description": "an invalid input, named in `detail`"},
    503: {"model": models.Problem, "description": "the store is busy or unreadable"},
}


class _Cached:
    """Starlette's add_middleware takes a class: this one wraps the app in a ResponseCache."""

    def __init__(self, app, cache: ResponseCache):
        self._call = cache.middleware(app)

    async def __call__(self, scope, receive, send):
        await self._call(scope, receive, send)


def create_app(db: str | Path, pool_size: int = 4, coder=None, code_max_chars: int = 100_000,
               code_per_minute: float = 30.0, code_burst: int = 5, cache_entries: int = 4096) -> FastAPI:
    """An app serving the store at `db`, opened read-only (`pool_size` connections).
    `coder`: a loaded quiquoi Coder for POST /api/code (else loaded on the first request).
    `cache_entries`: GET /api/* answers kept in memory (0: no cache; see cache.py).
    The connections stay open for the app's life (test clients start and stop it many times):
    `app.state.pool.close()` releases them."""
    if not (STATIC_DIR / "index.html").exists():
        raise RuntimeError(f"the web page's assets are missing from {STATIC_DIR}: build them with `npm run build` in web/")
    pool = StorePool(db, size=pool_size)
    with pool.store() as st:
        index = ActorIndex.load(st.con)

    app = FastAPI(
        title="quiquoi",
        version=__version__,
        description="Political events and quotations coded from French news (PLOVER + CAMEO), read-only. "
                    "The page at / is built on this API.",
        docs_url=None, redoc_url=None,  # FastAPI's own docs pages load from a CDN; ours are local
        openapi_url="/openapi.json",
    )
    app.state.pool = pool
    app.state.actor_index = index
    app.state.coding = coding.CodingService(coder=coder, max_chars=code_max_chars,
                                            limiter=coding.RateLimiter(per_minute=code_per_minute, burst=code_burst))
    errors.install(app)
    app.include_router(routes.router, responses=COMMON_ERRORS)
    app.include_router(coding.router, responses=COMMON_ERRORS)
    app.state.cache = ResponseCache(max_entries=cache_entries) if cache_entries > 0 else None
    if app.state.cache is not None:
        app.add_middleware(_Cached, cache=app.state.cache)
    app.add_middleware(BodyLimit, path="/api/code", max_bytes=lambda: app.state.coding.max_bytes)
    app.add_middleware(SecurityHeaders, headers={"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff",
                                                 "Referrer-Policy": "no-referrer"})

    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")

    @app.get("/", include_in_schema=False)
    def page():
        return FileResponse(STATIC_DIR / "index.html")

    @app.get("/docs", include_in_schema=False)
    def docs():
        return FileResponse(STATIC_DIR / "docs" / "index.html")

    return app
