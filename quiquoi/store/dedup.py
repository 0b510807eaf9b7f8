"""Cross-article deduplication: when two mentions are one event, and which coding wins.

Two mentions are the same event (GDELT's events/mentions split) when they agree on the
PLOVER type and CAMEO root, the source and target codes, the modality and negation (all
folded into `match_key`), their dates agree within their precision, and their places agree
when both are known. The rules' numbers live in dedup.yaml.
"""
from __future__ import annotations

import hashlib
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

import yaml

POINT_PRECISIONS = ("day", "reported")


@lru_cache(maxsize=1)
def rules() -> dict:
    with open(Path(__file__).with_name("dedup.yaml"), encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def quad_class(cameo: str | None) -> int | None:
    if not cameo:
        return None
    return rules()["quad_class"].get(cameo[:2])


def period_start(value: str | None, precision: str | None) -> date | None:
    """The first day of an event's date: 2016-W20 -> the Monday, 2016-02 -> the 1st."""
    if not value:
        return None
    try:
        if precision == "week" or "-W" in value:
            year, week = value.split("-W")
            return date.fromisocalendar(int(year), int(week[:2]), 1)
        if len(value) == 4:
            return date(int(value), 1, 1)
        if len(value) == 7:
            return date(int(value[:4]), int(value[5:7]), 1)
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def match_key(m: dict) -> int:
    """A signed 64-bit hash of the fields that must be equal for two mentions to merge."""
    parts = (m["type"] or "", m["cameo_root"] or "", m["source_code"] or "", m["target_code"] or "",
             m["modality"] or "", "1" if m["negated"] else "0")
    digest = hashlib.blake2b("\x1f".join(parts).encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def date_distance(a: dict, b: dict) -> int | None:
    """Days between two mentions' dates if they are compatible, else None."""
    pa, pb = a["date_precision"], b["date_precision"]
    if a["day"] is None or b["day"] is None:
        return None          # undated mentions cannot be shown to be the same event
    if pa in POINT_PRECISIONS and pb in POINT_PRECISIONS:
        pair = "-".join(sorted((pa, pb)))
        tolerance = rules()["day_tolerance"][pair]
        gap = abs((a["day"] - b["day"]).days)
        return gap if gap <= tolerance else None
    if pa == pb and a["date"] == b["date"]:
        return 0
    return None


def places_agree(a: dict, b: dict) -> bool:
    if a["place_name"] is None or b["place_name"] is None:
        return True
    return (a["place_name"], a["place_country"]) == (b["place_name"], b["place_country"])


def best_match(mention: dict, candidates: list[dict]) -> dict | None:
    """The stored event this mention belongs to: the closest date, then a known shared
    place, then the oldest event."""
    best, best_rank = None, None
    for c in candidates:
        if c["match_key"] != mention["match_key"] or not places_agree(mention, c):
            continue
        gap = date_distance(mention, c)
        if gap is None:
            continue
        same_place = mention["place_name"] is not None and c["place_name"] is not None
        rank = (gap, not same_place, c["event_id"])
        if best_rank is None or rank < best_rank:
            best, best_rank = c, rank
    return best


def confidence(m: dict) -> int:
    w = rules()["confidence"]
    score = 0
    if m["source_code"]:
        score += w["source_coded"]
    if m["target_code"]:
        score += w["target_coded"]
    if m["source_country"]:
        score += w["source_country"]
    score += w["date_precision"].get(m["date_precision"] or "", 0)
    if m["place_name"]:
        score += w["place"]
    if m["modality"] == "asserted":
        score += w["asserted"]
    return score


def candidate_days(mentions: list[dict]) -> tuple[date, date] | None:
    """The range of stored `day`s an article's mentions can merge with (for the lookup)."""
    days = [m["day"] for m in mentions if m["day"] is not None]
    if not days:
        return None
    slack = max(rules()["day_tolerance"].values())
    return min(days) - timedelta(days=slack), max(days) + timedelta(days=slack)
