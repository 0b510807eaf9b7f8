"""tools/synth_store.py: a small synthetic store from real coded records is a valid, queryable store."""
import importlib.util
import sys
from pathlib import Path

import pytest

from quiquoi.store import Store
from quiquoi.store.dedup import match_key

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"


def _tool(name):
    spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / f"{name}.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def records(coder):
    out = []
    for name, published in (("kerry-lavrov-treve", "2016-05-24"),):
        text = (DATA / "seed" / f"{name}.fr.txt").read_text(encoding="utf-8")
        out.append((coder.code(text, published=published, id=name).to_dict(), text))
    for name in ("civic-russie-expulse-diplomates", "diplo-idleb-erdogan-menace"):
        text = (DATA / "dev" / f"{name}.fr.txt").read_text(encoding="utf-8")
        out.append((coder.code(text, published="2020-03-01", id=name).to_dict(), text))
    return out


@pytest.fixture(scope="module")
def built(records, tmp_path_factory):
    synth = _tool("synth_store")
    db = tmp_path_factory.mktemp("synth") / "synth.duckdb"
    res = synth.build(db, 3000, records, years=(2012, 2020), log=lambda *a: None)
    return db, res


def test_synthetic_store_has_about_n_events_and_whole_rows(built):
    db, res = built
    c = res["counts"]
    assert 0.6 * 3000 <= c["events"] <= 1.4 * 3000
    assert c["mentions"] > c["events"]            # some stories are reported by several articles
    assert c["articles"] > 0 and c["quotes"] > 0 and c["article_actors"] > 0
    with Store(db, read_only=True) as st:
        con = st.con
        # every mention's event exists, and the event's count is its mentions'
        bad = con.execute("""SELECT count(*) FROM events e JOIN (SELECT event_id, count(*) n FROM mentions GROUP BY 1) m
                             USING (event_id) WHERE m.n <> e.n_mentions""").fetchone()[0]
        assert bad == 0
        assert con.execute("SELECT count(*) FROM mentions WHERE event_id NOT IN (SELECT event_id FROM events)").fetchone()[0] == 0
        lo, hi = con.execute("SELECT min(first_seen), max(first_seen) FROM events").fetchone()
        assert lo.year >= 2012 and hi.year <= 2020


def test_spans_still_point_into_the_copied_texts(built, records):
    db, _ = built
    sentences = {e["text"] for rec, _ in records for e in rec["events"]}
    with Store(db, read_only=True) as st:
        rows = st.con.execute("""SELECT substring(a.text, m.sentence_start + 1, m.sentence_end - m.sentence_start)
                                 FROM mentions m JOIN articles a USING (article_id)
                                 WHERE m.sentence_start IS NOT NULL USING SAMPLE 200 ROWS""").fetchall()
    assert rows and all(r[0] in sentences for r in rows)


def test_actors_come_from_the_real_distribution_and_keys_match_ingest(built, records):
    db, _ = built
    real = {(side.get("code")) for rec, _ in records for e in rec["events"]
            for side in (e["source"] or {}, e["target"] or {}) if side.get("code")}
    with Store(db, read_only=True) as st:
        codes = {r[0] for r in st.con.execute(
            "SELECT source_code FROM events WHERE source_code IS NOT NULL UNION SELECT target_code FROM events "
            "WHERE target_code IS NOT NULL").fetchall()}
        assert codes <= real and len(codes) > 3
        cur = st.con.execute("SELECT type, cameo_root, source_code, target_code, modality, negated, match_key "
                             "FROM events USING SAMPLE 100 ROWS")
        names = [d[0] for d in cur.description]
        for row in cur.fetchall():
            m = dict(zip(names, row))
            assert m["match_key"] == match_key(m)


def test_synthetic_store_answers_the_store_queries(built):
    db, _ = built
    with Store(db, read_only=True) as st:
        df = st.events(actor="RUS", since="2016-01-01", limit=50)
        assert len(df) > 0
        assert all(str(d)[:10] >= "2016-01-01" for d in df["day"])
        dy = st.dyad("USA", "RUS", by="month")
        assert len(dy) > 0 and set(dy["direction"]) <= {"USA->RUS", "RUS->USA", "a->b", "b->a"}


def test_bench_size_figures_and_plans_on_the_synthetic_store(built):
    bench = _tool("bench_store")
    db, res = built
    size = bench.store_size(str(db), real_texts=300)
    assert size["articles"] == res["counts"]["articles"] and size["has_texts"]
    assert size["bytes_per_article"] == round(size["file_bytes"] / size["articles"])
    assert size["projected_1m_articles_gb"] == round(size["file_bytes"] / size["articles"] * 1e6 / 1e9, 2)
    assert all(size["table_mb"][t] > 0 for t in ("articles", "events", "mentions", "quotes"))
    if bench.CORPUS.exists():      # copies replaced by distinct real texts in the projection
        assert size["real_text_bytes_per_article"] > 0
        expected = (size["file_bytes"] - size["synthetic_text_bytes_per_article"] * size["articles"]) / size["articles"]
        assert size["projected_1m_articles_real_texts_gb"] == pytest.approx(
            (expected + size["real_text_bytes_per_article"]) * 1e6 / 1e9, abs=0.02)
    plans = bench.explain(str(db))
    assert set(plans) == {"events", "dyad"} and all("events" in p for p in plans.values())
