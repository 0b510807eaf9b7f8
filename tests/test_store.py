"""The event store: ingest, idempotence, replacement, cross-article dedup, queries."""
import json
from datetime import date

import pytest

import quiquoi
from quiquoi.ingest.readers import InputArticle, read_inputs
from quiquoi.store import IngestReport, StoreError

from conftest import DATA, SEED

PUB = date(2016, 5, 24)
DEV = DATA / "dev"


@pytest.fixture(scope="module")
def filled(tmp_path_factory, coder):
    """A store holding the seed and the development articles, ingested once for the module."""
    path = tmp_path_factory.mktemp("store") / "q.duckdb"
    with quiquoi.open(path) as st:
        report = st.ingest(read_inputs([str(SEED), str(DEV)], PUB), coder=coder)
    return path, report


def consistent(st):
    """Invariants of a store: every event's counts match its mentions, nothing orphaned."""
    bad = st.sql("""SELECT e.event_id FROM events e LEFT JOIN
                    (SELECT event_id, count(*) n, count(DISTINCT article_id) a FROM mentions GROUP BY event_id) m
                    USING (event_id) WHERE m.n IS NULL OR m.n <> e.n_mentions OR m.a <> e.n_articles""")
    assert bad.empty, f"events whose counts disagree with their mentions: {bad.event_id.tolist()}"
    orphans = st.sql("SELECT count(*) n FROM mentions WHERE event_id NOT IN (SELECT event_id FROM events) "
                     "OR article_id NOT IN (SELECT article_id FROM articles)").n[0]
    assert orphans == 0
    per_article = st.sql("""SELECT a.article_id FROM articles a LEFT JOIN
                            (SELECT article_id, count(*) n FROM mentions GROUP BY article_id) m USING (article_id)
                            WHERE coalesce(m.n, 0) <> a.n_events""")
    assert per_article.empty, "an article with fewer stored mentions than coded events (half-stored)"
    dups = st.sql("SELECT count(*) - count(DISTINCT article_id) d FROM articles").d[0]
    assert dups == 0


def test_ingest_counts_and_rerun_is_idempotent(filled, coder):
    path, report = filled
    assert report.new == 17 and report.unchanged == 0 and not report.failed
    with quiquoi.open(path) as st:
        before = st.stats()
        again = st.ingest(read_inputs([str(SEED), str(DEV)], PUB), coder=coder)
        assert (again.new, again.unchanged, again.replaced) == (0, 17, 0)
        assert st.stats() == before
        consistent(st)
    assert before["articles"] == 17 and before["mentions"] >= before["events"] > 50


def test_article_fields_and_spans(filled):
    path, _ = filled
    with quiquoi.open(path, read_only=True) as st:
        art = st.article("kerry-lavrov-treve")
        text = art["text"]
        assert art["published"] == "2016-05-24" and art["input"].endswith("kerry-lavrov-treve.fr.txt")
        assert art["events"] and art["quotes"] and art["actors"]
        for e in art["events"]:
            assert text[e["trigger_start"]:e["trigger_end"]] == e["trigger_text"]
            assert e["trigger_start"] >= e["sentence_start"] and e["trigger_end"] <= e["sentence_end"]
            if e["source_start"] is not None:
                assert text[e["source_start"]:e["source_end"]] == e["source_text"]
        kerry = [e for e in art["events"] if e["source_code"] == "USAGOV" and e["target_code"] == "RUSGOV"]
        assert kerry and kerry[0]["type"] == "REQUEST" and kerry[0]["date"] == "2016-05-23"
        assert any(q["speaker_name"] == "Mark Toner" for q in art["quotes"])
        assert st.article("no-such-article") is None


def test_events_filters(filled):
    path, _ = filled
    with quiquoi.open(path, read_only=True) as st:
        rus = st.events(actor="RUS", limit=1000)
        assert len(rus) == st.count_events(actor="RUS") > 0
        assert all(str(s).startswith("RUS") or str(t).startswith("RUS") or n == "RUS"
                   for s, t, n in zip(rus.source_code, rus.target_code, rus.source_name))
        usa_rus = st.events(source="USA", target="RUS")
        assert len(usa_rus) >= 1 and set(usa_rus.source_code.str[:3]) == {"USA"}
        by_name = st.events(source="John Kerry")
        assert len(by_name) >= 1 and set(by_name.source_name) == {"John Kerry"}
        req = st.events(type="REQUEST", limit=1000)
        assert len(req) > 0 and set(req.type) == {"REQUEST"}
        late = st.events(since="2020-01-01", limit=1000)
        assert len(late) > 0 and (late.day.dt.date >= date(2020, 1, 1)).all()
        assert st.count_events(since="2020-01-01") + st.count_events(until="2019-12-31") <= st.count_events()
        page1, page2 = st.events(limit=5), st.events(limit=5, offset=5)
        assert not set(page1.event_id) & set(page2.event_id)
        assert page1.text.notna().all()
        hit = st.events(text="exhorté")
        assert len(hit) >= 1
        for eid in hit.event_id:       # some mention of each event says it (not always the shown one)
            assert any("exhorté" in m["text"] for m in st.event(int(eid))["mentions"])
        assert (st.events(quad_class=4, limit=1000).quad_class == 4).all()
        with pytest.raises(ValueError, match="since"):
            st.events(since="yesterday")


def test_dyad_network_actors_quotes(filled):
    path, _ = filled
    with quiquoi.open(path, read_only=True) as st:
        dy = st.dyad("USA", "RUS", by="week")
        assert list(dy.columns) == ["period", "direction", "events", "goldstein_mean"]
        direct = st.count_events(source="USA", target="RUS")
        reverse = st.count_events(source="RUS", target="USA")
        assert dy[dy.direction == "a->b"].events.sum() == direct
        assert dy[dy.direction == "b->a"].events.sum() == reverse
        assert (st.dyad("RUS", "USA", by="month").query("direction == 'a->b'").events.sum()) == reverse
        with pytest.raises(ValueError):
            st.dyad("USA", "RUS", by="fortnight")
        net = st.network()
        assert {"source", "target", "events", "goldstein_mean", "source_name", "target_name"} <= set(net.columns)
        assert net.events.sum() == st.sql("SELECT count(*) n FROM events WHERE source_code IS NOT NULL "
                                          "AND target_code IS NOT NULL").n[0]
        top = st.actors(top=5)
        assert list(top.columns) == ["code", "name", "country", "role", "as_source", "as_target", "mentions"]
        assert len(top) == 5 and top.mentions.is_monotonic_decreasing
        kerry = st.actor("John Kerry")
        assert kerry["code"] == "USAGOV" and kerry["as_source"] >= 1
        assert st.actor("ZZZ") is None
        toner = st.quotes(speaker="Mark Toner")
        assert len(toner) >= 3 and set(toner.speaker_name) == {"Mark Toner"}
        assert st.quotes(text="responsabilité particulière").shape[0] == 1


def test_event_detail(filled):
    path, _ = filled
    with quiquoi.open(path, read_only=True) as st:
        eid = int(st.events(source="John Kerry", type="REQUEST").event_id[0])
        ev = st.event(eid)
        assert ev["event_id"] == eid and len(ev["mentions"]) == ev["n_mentions"]
        m = ev["mentions"][0]
        assert m["article_id"] == "kerry-lavrov-treve" and m["trigger_text"] in m["text"]
        assert st.event(10**12) is None
        json.dumps(ev)      # JSON-ready for the API


def test_sql_is_read_only(filled):
    path, _ = filled
    with quiquoi.open(path) as st:                  # even on a read-write handle
        n = st.sql("SELECT count(*) AS n FROM articles").n[0]
        assert st.sql("WITH x AS (SELECT 1 AS a) SELECT a FROM x").a[0] == 1
        for bad in ("DELETE FROM events", "INSERT INTO failures VALUES ('x', 'y', now())",
                    "UPDATE articles SET title = 'x'", "DROP TABLE events", "CREATE TABLE t (a INT)",
                    "COPY articles TO '/tmp/quiquoi-copy.csv'", "SELECT 1; DELETE FROM events",
                    "ATTACH '/tmp/other.duckdb'"):
            with pytest.raises(ValueError):
                st.sql(bad)
        with pytest.raises(ValueError, match="SQL error"):
            st.sql("SELECT nope FROM nowhere")
        assert st.sql("SELECT count(*) AS n FROM articles").n[0] == n


def _article(aid, text, pub="2016-05-24", url=None):
    return InputArticle(id=aid, text=text, published=date.fromisoformat(pub), origin=f"test:{aid}", url=url)


KERRY = SEED.read_text(encoding="utf-8")


def test_changed_article_replaces_its_records(tmp_path, coder):
    with quiquoi.open(tmp_path / "r.duckdb") as st:
        st.ingest([_article("a", KERRY)], coder=coder)
        first = st.stats()
        # the same id with the first paragraph only: fewer events, nothing of the old left
        short = KERRY.split("\n\n")[0]
        rep = st.ingest([_article("a", short)], coder=coder)
        assert (rep.new, rep.replaced) == (0, 1)
        after = st.stats()
        assert after["articles"] == 1 and 0 < after["mentions"] < first["mentions"]
        assert after["quotes"] < first["quotes"]
        assert st.article("a")["text"] == short
        consistent(st)


def test_same_event_in_two_articles_is_one_event(tmp_path, coder):
    """A wire story republished with another ending: its events merge, n_articles = 2."""
    first_para = KERRY.split("\n\n")[0]
    other = first_para + "\n\nLe ministère n'a pas souhaité commenter davantage."
    with quiquoi.open(tmp_path / "d.duckdb") as st:
        st.ingest([_article("wire-1", first_para)], coder=coder)
        alone = st.count_events()
        st.ingest([_article("wire-2", other, pub="2016-05-24")], coder=coder)
        assert st.count_events() == alone      # nothing new: the same events
        ev = st.events(source="USA", target="RUS", type="REQUEST")
        assert len(ev) == 1 and ev.n_articles[0] == 2 and ev.n_mentions[0] == 2
        detail = st.event(int(ev.event_id[0]))
        assert {m["article_id"] for m in detail["mentions"]} == {"wire-1", "wire-2"}
        consistent(st)
        # a later week is another event (day precision: "lundi" resolves to another Monday)
        st.ingest([_article("wire-3", first_para, pub="2016-06-14")], coder=coder)
        assert len(st.events(source="USA", target="RUS", type="REQUEST")) == 2
        # the second article rewritten without the event: the event keeps one article
        st.ingest([_article("wire-2", "Le ministère n'a pas souhaité commenter davantage ce lundi.")], coder=coder)
        ev = st.events(source="USA", target="RUS", type="REQUEST", until="2016-05-31")
        assert ev.n_articles[0] == 1 and ev.n_mentions[0] == 1
        consistent(st)


def test_same_text_under_another_id_is_not_stored_twice(tmp_path, coder):
    with quiquoi.open(tmp_path / "t.duckdb") as st:
        rep = st.ingest([_article("x1", KERRY), _article("x2", KERRY)], coder=coder)
        assert (rep.new, rep.unchanged) == (1, 1)
        assert rep.duplicates and "x1" in rep.duplicates[0][1]
        assert st.stats()["articles"] == 1


def test_same_url_is_the_same_article(tmp_path, coder):
    with quiquoi.open(tmp_path / "u.duckdb") as st:
        st.ingest([_article("p1", KERRY, url="https://example.org/a")], coder=coder)
        rep = st.ingest([_article("p2", KERRY.split("\n\n")[0], url="https://example.org/a")], coder=coder)
        assert rep.replaced == 1 and st.stats()["articles"] == 1
        consistent(st)


def test_add_coded_matches_ingest(tmp_path, coder):
    texts = {p.name: p.read_text(encoding="utf-8") for p in sorted(DEV.glob("*.fr.txt"))[:4]}
    items = [{"record": coder.code(t, published=PUB, id=n).to_dict(), "text": t, "input": n,
              "published": "2016-05-24"} for n, t in texts.items()]
    with quiquoi.open(tmp_path / "a.duckdb") as a, quiquoi.open(tmp_path / "b.duckdb") as b:
        ra = a.add_coded(items)
        rb = b.ingest([_article(n, t) for n, t in texts.items()], coder=coder)
        assert ra.new == rb.new == 4
        assert a.stats() == b.stats()
        again = a.add_coded(items)
        assert (again.new, again.unchanged) == (0, 4)
        # the same article coded by the store and by a worker is recognised as unchanged
        assert b.add_coded(items).unchanged == 4
        bad = a.add_coded([{"record": {"language": "fr"}, "text": "x", "input": "broken.jsonl:3"}, {"text": "y"}])
        assert len(bad.failed) == 2 and bad.failed[0][0] == "broken.jsonl:3"
        assert set(a.failures().input) >= {"broken.jsonl:3"}
        # an input another process could not code is kept as a failure; again: still one row
        for _ in range(2):
            r = a.add_coded([{"input": "feed.jsonl:9", "error": "malformed JSON; truncated line?"}])
            assert r.failed == [("feed.jsonl:9", "malformed JSON; truncated line?")] and r.new == 0
        assert list(a.failures().input).count("feed.jsonl:9") == 1
        consistent(a)


def test_recode(tmp_path, coder):
    with quiquoi.open(tmp_path / "c.duckdb") as st:
        st.ingest([_article("k", KERRY)], coder=coder)
        before = st.stats()
        assert st.recode(coder=coder).recoded == 0          # already coded by this version
        st.con.execute("UPDATE articles SET coder_version = 'old'")
        rep = st.recode(coder=coder)
        assert rep.recoded == 1
        assert st.stats() == before
        assert st.sql("SELECT DISTINCT coder_version v FROM articles").v[0] != "old"
        assert st.recode(coder=coder, everything=True).recoded == 1
        consistent(st)


def test_read_only_handle_refuses_writes(filled, coder):
    path, _ = filled
    with quiquoi.open(path, read_only=True) as st:
        with pytest.raises(StoreError, match="read-only"):
            st.ingest([], coder=coder)


def test_report_to_dict():
    r = IngestReport(new=2, failed=[("f.txt", "empty input")])
    d = r.to_dict()
    assert d["new"] == 2 and d["failed"] == [{"input": "f.txt", "reason": "empty input"}]
    json.dumps(d)


def test_open_missing_store_read_only(tmp_path):
    with pytest.raises(StoreError, match="no store"):
        quiquoi.open(tmp_path / "nope.duckdb", read_only=True)


def test_optimize_keeps_every_event(tmp_path, coder):
    with quiquoi.open(tmp_path / "o.duckdb") as st:
        st.ingest(read_inputs([str(SEED), str(DEV / "civic-halles-retraites.fr.txt")], PUB), coder=coder)
        before = st.sql("SELECT * FROM events ORDER BY event_id")
        st.optimize()
        after = st.sql("SELECT * FROM events ORDER BY event_id")
        assert before.equals(after)
        days = st.sql("SELECT day FROM events").day
        assert days.is_monotonic_increasing       # stored in date order now
        consistent(st)


def test_count_quotes_agrees_with_the_quote_search(filled):
    path, _ = filled
    with quiquoi.open(path, read_only=True) as st:
        for kw in ({}, {"speaker": "Toner"}, {"actor": "USA"}, {"text": "Russie"}, {"speaker": "nobody at all"}):
            assert st.count_quotes(**kw) == len(st.quotes(limit=10_000, **kw)), kw
        assert st.count_quotes(speaker="Toner") > 0


def test_actor_by_full_code_is_that_actor_only(filled):
    path, _ = filled
    with quiquoi.open(path, read_only=True) as st:
        codes = set(st.sql("SELECT DISTINCT code FROM article_actors WHERE code IS NOT NULL").code)
        # a code that is the prefix of another stored code (USAGOV / USA..., RUSGOV / RUSGOV...)
        pairs = [(a, b) for a in codes for b in codes if a != b and b.startswith(a)]
        assert pairs, "the sample store should hold nested codes"
        short, longer = sorted(pairs)[0]
        one = st.actor(short)
        assert one["code"] == short
        assert all(n["code"] == short for n in one["names"]), one["names"]
        # a mere prefix (no actor's own code) still gathers every code under it
        prefix = next(p for p in sorted({c[:3] for c in codes}) if p not in codes
                      and sum(c.startswith(p) for c in codes) >= 2)
        assert len({n["code"] for n in st.actor(prefix)["names"]}) >= 2
