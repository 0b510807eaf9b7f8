"""The event store: ingest corpora once into DuckDB, deduplicate events, query, export.

    import quiquoi
    st = quiquoi.open("quiquoi.duckdb")
    st.ingest(read_inputs(["corpus.jsonl"]))
    st.events(actor="RUS", since="2016-01-01")
"""
from quiquoi.store.connection import StoreError
from quiquoi.store.rows import content_hash
from quiquoi.store.store import DEFAULT_DB, Store, open
from quiquoi.store.writer import IngestReport

__all__ = ["Store", "open", "IngestReport", "StoreError", "content_hash", "DEFAULT_DB"]
