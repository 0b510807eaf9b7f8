"""A few read-only Store handles shared by the server's worker threads.

A DuckDB connection must not run two queries at once, so each request borrows one Store for
its duration; several handles on the same file let requests run in parallel.
"""
from __future__ import annotations

import queue
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from quiquoi.store import Store


class StorePool:
    def __init__(self, path: str | Path, size: int = 4):
        if size < 1:
            raise ValueError(f"pool size must be at least 1, not {size}")
        self.path = Path(path)
        self._free: queue.Queue[Store] = queue.Queue()
        self._all: list[Store] = []
        self._lock = threading.Lock()
        for _ in range(size):
            st = Store(self.path, read_only=True)
            self._all.append(st)
            self._free.put(st)

    @contextmanager
    def store(self, timeout: float = 30.0) -> Iterator[Store]:
        try:
            st = self._free.get(timeout=timeout)
        except queue.Empty:
            raise TimeoutError(f"the store {self.path} is busy: no free connection after {timeout:.0f} s") from None
        try:
            yield st
        finally:
            self._free.put(st)

    def close(self) -> None:
        with self._lock:
            for st in self._all:
                st.close()
            self._all.clear()
