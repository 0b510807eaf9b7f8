"""Scale-out on Dask: chunks of the input coded disk-to-disk into Parquet parts by worker
processes (one spaCy model each), then merged into the store.

    import quiquoi.scale
    report = quiquoi.scale.run(["corpus/"], "quiquoi.duckdb", workers=4)

Modules: chunks (splitting the inputs), parts (coding one chunk into one part, on a
worker), merge (parts into the store), runner (the cluster and the whole run).
"""
from __future__ import annotations


def run(paths, db_path, workers: int = 2, scheduler: str | None = None, chunk_mb: float = 32,
        parts_dir: str | None = None, progress: bool = True, coder_options: dict | None = None):
    """Code `paths` on Dask (`workers` local processes, or the cluster at `scheduler`) into
    Parquet parts, then merge them into the store at `db_path`. Returns an IngestReport."""
    # distributed is imported only when a run starts, not with the package
    from quiquoi.scale.runner import run as _run

    return _run(paths, db_path, workers=workers, scheduler=scheduler, chunk_mb=chunk_mb,
                parts_dir=parts_dir, progress=progress, coder_options=coder_options)


__all__ = ["run"]
