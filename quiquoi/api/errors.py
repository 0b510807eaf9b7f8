"""One shape for every error answer: {"detail": "<input>: <reason>", "errors": [...]}."""
from __future__ import annotations

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from quiquoi.store import StoreError


class InvalidInput(ValueError):
    """An input the schema accepts but the store cannot: answered 422 naming the parameter."""

    def __init__(self, param: str, message: str):
        super().__init__(f"{param}: {message}")
        self.param = param


def _where(loc) -> str:
    # ("query", "limit") -> "limit"; ("body", "text") -> "text"; ("path", "event_id") -> "event_id"
    parts = [str(p) for p in loc if p not in ("query", "path", "body")]
    return ".".join(parts) or "request"


def _shown(value) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


async def validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
    errors = []
    for err in exc.errors():
        where = _where(err.get("loc", ()))
        msg = err.get("msg", "invalid")
        got = f" (got {_shown(err['input'])})" if "input" in err and err.get("type") != "missing" else ""
        errors.append({"loc": [str(p) for p in err.get("loc", ())], "msg": f"{where}: {msg}{got}"})
    detail = "; ".join(e["msg"] for e in errors) or "invalid request"
    return JSONResponse({"detail": detail, "errors": errors}, status_code=422)


async def invalid_input(request: Request, exc: InvalidInput) -> JSONResponse:
    return JSONResponse({"detail": str(exc), "errors": [{"loc": [exc.param], "msg": str(exc)}]}, status_code=422)


async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
    detail = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
    if exc.status_code == 404 and detail == "Not Found":
        detail = f"no such resource: {request.url.path}"
    elif exc.status_code == 400 and "parsing the body" in detail:
        detail = "request body: not a JSON object in UTF-8 (send {\"text\": ..., \"published\": ...})"
    return JSONResponse({"detail": detail}, status_code=exc.status_code, headers=getattr(exc, "headers", None))


async def store_error(request: Request, exc: StoreError) -> JSONResponse:
    return JSONResponse({"detail": str(exc)}, status_code=503)


async def busy(request: Request, exc: TimeoutError) -> JSONResponse:
    return JSONResponse({"detail": str(exc)}, status_code=503, headers={"Retry-After": "1"})


def install(app) -> None:
    app.add_exception_handler(RequestValidationError, validation_error)
    app.add_exception_handler(InvalidInput, invalid_input)
    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(StoreError, store_error)
    app.add_exception_handler(TimeoutError, busy)
