"""HTTP API and web page over a quiquoi store (`quiquoi serve`, `quiquoi demo`)."""


def create_app(*args, **kwargs):
    from quiquoi.api.app import create_app as _create

    return _create(*args, **kwargs)


__all__ = ["create_app"]
