"""Time expressions: finding and resolving them against a publication date."""
from .resolver import TimeExpr, TimeResolver

__all__ = ["TimeExpr", "TimeResolver"]
