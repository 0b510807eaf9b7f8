"""Read queries the page needs beyond the Store's Python API (article list, map, actor index).

Parameterised SQL over the store's documented tables (quiquoi/store/schema.sql); they run on
the Store's own read-only connection.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field

import pandas as pd

from quiquoi.store.queries import EVENT_COLUMNS, event_filters


def articles(con, limit: int, offset: int) -> tuple[pd.DataFrame, int]:
    total = con.execute("SELECT count(*) FROM articles").fetchall()[0][0]
    frame = con.execute(
        """SELECT article_id, title, published, source, url, n_events, n_quotes
           FROM articles ORDER BY published DESC NULLS LAST, article_id LIMIT ? OFFSET ?""",
        [int(limit), int(offset)]).df()
    return frame, int(total)


def _exact(where: str, params: list, actor=None, source=None, target=None) -> tuple[str, list]:
    """Narrows the store's prefix match (RUS: RUSGOV, RUSMIL…) to the code itself (or the name):
    the page's edge IGOUNO → X must not list the events of IGOUNOIAE → X."""
    extra, params = [], list(params)
    if actor:
        extra.append("(source_code = ? OR target_code = ? OR source_name = ? OR target_name = ?)")
        params += [actor.upper(), actor.upper(), actor, actor]
    for side, value in (("source", source), ("target", target)):
        if value:
            extra.append(f"({side}_code = ? OR {side}_name = ?)")
            params += [value.upper(), value]
    if not extra:
        return where, params
    return (where + " AND " if where else " WHERE ") + " AND ".join(extra), params


def events_where(exact: bool = False, **filters) -> tuple[str, list]:
    where, params = event_filters(**filters)
    if exact:
        where, params = _exact(where, params, filters.get("actor"), filters.get("source"), filters.get("target"))
    return where, params


def events_page(con, limit: int, offset: int, exact: bool = False, **filters) -> pd.DataFrame:
    """A page of events as Store.events orders and filters them, without the best mention's
    sentence: joining mentions and articles for it costs more than the page itself on a big
    store (≈150 of ≈250 ms at 1 M events); /api/events/{id} and ?with_text=true carry it."""
    where, params = events_where(exact, **filters)
    sql = f"""SELECT {', '.join(EVENT_COLUMNS)} FROM events{where}
              ORDER BY day DESC NULLS LAST, event_id DESC LIMIT ? OFFSET ?"""
    return con.execute(sql, params + [int(limit), int(offset)]).df()


def count_events(con, exact: bool = False, **filters) -> int:
    where, params = events_where(exact, **filters)
    return int(con.execute(f"SELECT count(*) FROM events{where}", params).fetchall()[0][0])


def count_quotes(con, speaker=None, actor=None, text=None) -> int:
    from quiquoi.store import queries as store_queries

    return store_queries.count_quotes(con, speaker, actor, text)


def map_places(con, **filters) -> pd.DataFrame:
    """Geocoded events grouped by place and quad class (one circle each on the map)."""
    where, params = event_filters(**filters)
    glue = " AND " if where else " WHERE "
    sql = f"""SELECT place_name, mode(place_country) AS place_country, avg(place_lat) AS lat, avg(place_lon) AS lon,
                     quad_class, count(*)::BIGINT AS events
              FROM events{where}{glue}place_lat IS NOT NULL AND place_lon IS NOT NULL AND place_name IS NOT NULL
              GROUP BY place_name, quad_class ORDER BY events DESC LIMIT 2000"""
    return con.execute(sql, params).df()


@dataclass
class ActorIndex:
    """Every actor code and canonical name in the store, to tell an unknown actor (422) from an
    actor with no event in the filters (empty answer)."""
    codes: list[str] = field(default_factory=list)   # sorted, for prefix search
    names: set[str] = field(default_factory=set)

    @classmethod
    def load(cls, con) -> "ActorIndex":
        rows = con.execute(
            """SELECT code, name FROM article_actors
               UNION SELECT source_code, source_name FROM events
               UNION SELECT target_code, target_name FROM events
               UNION SELECT speaker_code, speaker_name FROM quotes""").fetchall()
        codes = sorted({c for c, _ in rows if c})
        names = {n for _, n in rows if n}
        return cls(codes, names)

    def knows(self, value: str) -> bool:
        """True when `value` is a canonical name or the prefix of a code (as the Store matches)."""
        if value in self.names:
            return True
        prefix = value.upper()
        i = bisect.bisect_left(self.codes, prefix)
        return i < len(self.codes) and self.codes[i].startswith(prefix)

    def suggest(self, value: str, n: int = 5) -> list[str]:
        head = value.upper()[:3]
        i = bisect.bisect_left(self.codes, head)
        out = [c for c in self.codes[i:i + 50] if c.startswith(head)][:n]
        return out or self.codes[:n]
