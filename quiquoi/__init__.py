"""quiquoi: who did or said what to whom, where and when, from news articles.

    from quiquoi import Coder
    record = Coder().code(text, published="2016-05-24")
    record.to_dict()
"""
__version__ = "0.1.0"


def __getattr__(name):
    # the Coder pulls in spaCy: import it only when asked for
    if name == "Coder":
        from quiquoi.coder import Coder
        return Coder
    if name == "open":
        from quiquoi.store import open as open_store
        return open_store
    raise AttributeError(name)


__all__ = ["Coder", "open", "__version__"]
