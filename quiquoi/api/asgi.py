"""Small pure-ASGI middlewares (cheaper per request than Starlette's @app.middleware("http"))."""
from __future__ import annotations

import json


class SecurityHeaders:
    """Adds fixed headers (CSP…) to every answer."""

    def __init__(self, app, headers: dict[str, str]):
        self.app = app
        self.headers = [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in headers.items()]

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                present = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [h for h in self.headers if h[0] not in present]
            await send(message)

        await self.app(scope, receive, send_with_headers)


class BodyLimit:
    """Refuses a POST to `path` whose Content-Length is over `max_bytes()` (413) before reading it."""

    def __init__(self, app, path: str, max_bytes):
        self.app = app
        self.path = path
        self.max_bytes = max_bytes

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http" and scope["method"] == "POST" and scope["path"] == self.path:
            length = dict(scope.get("headers", [])).get(b"content-length", b"")
            limit = self.max_bytes()
            if length.isdigit() and int(length) > limit:
                body = json.dumps({"detail": f"request body: {int(length):,} bytes, over the limit of {limit:,}"}).encode()
                await send({"type": "http.response.start", "status": 413,
                            "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
                await send({"type": "http.response.body", "body": body})
                return
        await self.app(scope, receive, send)
