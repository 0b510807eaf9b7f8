"""Store results (pandas frames, dicts with numpy/datetime values) -> plain JSON values."""
from __future__ import annotations

import datetime as dt
import math
from typing import Any

import numpy as np
import pandas as pd


def plain(value: Any) -> Any:
    """One value as JSON knows it: None for NaN/NaT, ISO strings for dates, lists for arrays."""
    if value is None:
        return None
    if isinstance(value, (str, bool, int)):
        return value
    if isinstance(value, float):
        return None if math.isnan(value) or math.isinf(value) else value
    if isinstance(value, pd.Timestamp):
        if pd.isna(value):
            return None
        # DuckDB DATE columns come back as midnight timestamps: show them as dates
        return value.date().isoformat() if value == value.normalize() and value.tzinfo is None else value.isoformat()
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()
    if isinstance(value, np.generic):
        return plain(value.item())
    if isinstance(value, (list, tuple, np.ndarray)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if value is pd.NaT or (not isinstance(value, (list, dict)) and pd.isna(value) is True):
        return None
    return value


def rows(frame: pd.DataFrame | None) -> list[dict[str, Any]]:
    if frame is None or len(frame) == 0:
        return []
    columns = list(frame.columns)
    return [{c: plain(v) for c, v in zip(columns, values)} for values in frame.itertuples(index=False, name=None)]
