"""The HTTP API over the sample store (seed + development articles), with FastAPI's test client."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from quiquoi.api.app import create_app
from quiquoi.api.coding import RateLimiter
from quiquoi.api.demo import build_sample_store

from conftest import SEED


def sample_db(tmp_path_factory, coder):
    """The `quiquoi demo` store, built once per test session (shared with the browser tests)."""
    db = tmp_path_factory.getbasetemp() / "sample.duckdb"
    if not db.exists():
        report = build_sample_store(db, coder=coder)
        assert report.new >= 2 and not report.failed, report
    return db


@pytest.fixture(scope="module")
def db(tmp_path_factory, coder):
    return sample_db(tmp_path_factory, coder)


@pytest.fixture(scope="module")
def client(db, coder):
    # no answer cache here: each test must see the store's own answer
    with TestClient(create_app(db, coder=coder, code_per_minute=600, code_burst=50, cache_entries=0)) as c:
        yield c


def get(client, url, status=200, **params):
    r = client.get(url, params=params)
    assert r.status_code == status, (url, params, r.status_code, r.text[:500])
    return r.json()


def all_events(client, **filters):
    out, offset = [], 0
    while True:
        page = get(client, "/api/events", limit=1000, offset=offset, **filters)
        out += page["items"]
        offset += len(page["items"])
        if not page["items"] or offset >= page["total"]:
            return out, page["total"]


# -- events -------------------------------------------------------------------------------

def test_events_page_and_total(client):
    first = get(client, "/api/events", limit=5)
    assert first["total"] > 20 and len(first["items"]) == 5
    second = get(client, "/api/events", limit=5, offset=5)
    ids1 = {e["event_id"] for e in first["items"]}
    ids2 = {e["event_id"] for e in second["items"]}
    assert not ids1 & ids2
    everything, total = all_events(client)
    assert len(everything) == total == len({e["event_id"] for e in everything})
    assert get(client, "/api/events", limit=0)["items"] == []


def test_events_page_is_the_stores_page(client):
    # the API's own page query (without the sentence join) orders and filters as Store.events
    with client.app.state.pool.store() as st:
        expected = [int(i) for i in st.events(actor="RUS", limit=7, offset=2)["event_id"]]
    assert [e["event_id"] for e in get(client, "/api/events", actor="RUS", limit=7, offset=2)["items"]] == expected
    with_text = get(client, "/api/events", actor="RUS", limit=7, offset=2, with_text="true")["items"]
    assert [e["event_id"] for e in with_text] == expected and all(e["text"] for e in with_text)


def test_exact_actor_match(client):
    # IGOUNO (the UN) is a prefix of IGOUNOIAE (its atomic agency): exact keeps them apart
    prefix, n_prefix = all_events(client, actor="IGOUNO")
    exact, n_exact = all_events(client, actor="IGOUNO", exact="true")
    assert {"IGOUNOIAE"} & ({e["source_code"] for e in prefix} | {e["target_code"] for e in prefix})
    assert 0 < n_exact < n_prefix
    assert all("IGOUNO" in (e["source_code"], e["target_code"]) for e in exact)
    pair, _ = all_events(client, source="IGOUNO", target="IGOUNOIAE", exact="true")
    assert all(e["source_code"] == "IGOUNO" and e["target_code"] == "IGOUNOIAE" for e in pair)
    texts = get(client, "/api/events", actor="IGOUNO", exact="true", with_text="true")["items"]
    assert [e["event_id"] for e in texts] == [e["event_id"] for e in exact[:50]] and all(e["text"] for e in texts)


def test_event_filters_narrow_to_what_they_say(client):
    usa, total = all_events(client, actor="USAGOV")
    assert total and all("USAGOV" in (e["source_code"], e["target_code"]) for e in usa)
    # a prefix takes every actor of the country
    rus, _ = all_events(client, actor="RUS")
    assert {e["source_code"] for e in rus} | {e["target_code"] for e in rus} >= {"RUSGOV"}
    assert all(str(e["source_code"]).startswith("RUS") or str(e["target_code"]).startswith("RUS") for e in rus)
    pair, n = all_events(client, source="USAGOV", target="RUSGOV")
    assert n >= 2 and all(e["source_code"] == "USAGOV" and e["target_code"] == "RUSGOV" for e in pair)
    assaults, _ = all_events(client, type="ASSAULT")
    assert assaults and all(e["type"] == "ASSAULT" for e in assaults)
    quad4, _ = all_events(client, quad_class=4)
    assert quad4 and all(e["quad_class"] == 4 for e in quad4)
    root02, _ = all_events(client, cameo_root="02")
    assert root02 and all(e["cameo"].startswith("02") for e in root02)
    syr, _ = all_events(client, country="SYR")
    assert syr and all("SYR" in (e["source_country"], e["target_country"], e["place_country"]) for e in syr)
    since, _ = all_events(client, since="2016-05-24")
    assert since and all(e["day"] >= "2016-05-24" for e in since)
    until, _ = all_events(client, until="2016-05-23")
    assert all(e["day"] <= "2016-05-23" for e in until)
    assert len(since) + len(until) <= get(client, "/api/events", limit=0)["total"]
    words, _ = all_events(client, q="exhorté")
    # the words may be in any mention's sentence, not only the best mention's
    assert words and all(any("exhorté" in (m.get("text") or "") for m in get(client, f"/api/events/{e['event_id']}")["mentions"])
                         for e in words)
    aleppo, _ = all_events(client, place="Aleppo")
    assert aleppo and all(e["place_name"] == "Aleppo" for e in aleppo)


@pytest.mark.parametrize("params, names", [
    ({"since": "2016-13-01"}, "since"),
    ({"until": "yesterday"}, "until"),
    ({"until": "-2.89e-88"}, "until"),          # a number is no day (pydantic reads it as Unix time)
    ({"since": "0"}, "since"),
    ({"since": "2016-06-01", "until": "2016-01-01"}, "until"),
    ({"actor": "XYZZY"}, "XYZZY"),
    ({"source": "QQQGOV"}, "QQQGOV"),
    ({"offset": -1}, "offset"),
    ({"limit": -5}, "limit"),
    ({"limit": 100000}, "limit"),
    ({"type": "BOMB"}, "type"),
    ({"quad_class": 7}, "quad_class"),
    ({"cameo_root": "99"}, "cameo_root"),
    ({"country": "syria"}, "country"),
])
def test_bad_inputs_get_422_naming_them(client, params, names):
    body = get(client, "/api/events", 422, **params)
    assert names in body["detail"], body


def test_unknown_actor_message_suggests_codes(client):
    body = get(client, "/api/events", 422, actor="XYZZY")
    assert "unknown actor" in body["detail"]


def test_event_detail_spans_point_into_the_article(client):
    ev = get(client, "/api/events", source="USAGOV", target="RUSGOV", q="exhorté")["items"][0]
    detail = get(client, f"/api/events/{ev['event_id']}")
    assert detail["event_id"] == ev["event_id"] and detail["mentions"]
    m = detail["mentions"][0]
    text = get(client, f"/api/articles/{m['article_id']}")["text"]
    assert text[m["trigger_start"]:m["trigger_end"]] == m["trigger_text"] == "exhorté"
    assert text[m["source_start"]:m["source_end"]] == m["source_text"]


def test_missing_ids_are_404(client):
    assert "12345678" in get(client, "/api/events/12345678", 404)["detail"]
    assert "nope" in get(client, "/api/articles/nope", 404)["detail"]
    assert get(client, "/api/actors/ZZZZZZ", 404)["detail"]
    get(client, "/api/events/not-a-number", 422)


# -- dyads, actors, network, map ----------------------------------------------------------

def test_dyad_counts_match_the_events(client):
    dy = get(client, "/api/dyads/USAGOV/RUSGOV", by="day")
    assert dy["a"] == "USAGOV" and dy["by"] == "day" and dy["items"]
    ab = sum(p["events"] for p in dy["items"] if p["direction"] == "a->b")
    ba = sum(p["events"] for p in dy["items"] if p["direction"] == "b->a")
    dated = [e for e in all_events(client, source="USAGOV", target="RUSGOV")[0] if e["day"]]
    assert ab == len(dated)
    assert ba == len([e for e in all_events(client, source="RUSGOV", target="USAGOV")[0] if e["day"]])
    for p in dy["items"]:
        assert -10 <= p["goldstein_mean"] <= 10
    week = get(client, "/api/dyads/USAGOV/RUSGOV", by="week")
    assert sum(p["events"] for p in week["items"]) == ab + ba
    get(client, "/api/dyads/USAGOV/RUSGOV", 422, by="fortnight")
    assert "NOPE" in get(client, "/api/dyads/USAGOV/NOPE", 422)["detail"]


def test_actors(client):
    top = get(client, "/api/actors", top=10)["items"]
    assert 0 < len(top) <= 10 and all("mentions" in a for a in top)
    usa = get(client, "/api/actors/USAGOV")
    assert usa["code"] == "USAGOV" and usa["as_source"] >= 3
    get(client, "/api/actors", 422, top=0)


def test_network_is_consistent_with_events(client):
    net = get(client, "/api/network")
    codes = {n["code"] for n in net["nodes"]}
    assert {"USAGOV", "RUSGOV", "SYRGOV", "SYRREB"} <= codes
    edge = next(e for e in net["edges"] if (e["source"], e["target"]) == ("USAGOV", "RUSGOV"))
    events, total = all_events(client, source="USAGOV", target="RUSGOV")
    assert edge["events"] == total
    assert edge["goldstein_mean"] == pytest.approx(sum(e["goldstein"] for e in events) / total)
    for n in net["nodes"]:
        assert n["events"] == sum(e["events"] for e in net["edges"] if n["code"] in (e["source"], e["target"]) and e["source"] != e["target"]) \
            + sum(2 * e["events"] for e in net["edges"] if e["source"] == e["target"] == n["code"])
    heavy = get(client, "/api/network", min_events=2)
    assert heavy["edges"] and all(e["events"] >= 2 for e in heavy["edges"])
    one = get(client, "/api/network", max_edges=1)
    assert len(one["edges"]) == 1 and one["truncated"]
    assaults = get(client, "/api/network", type="ASSAULT")
    assert sum(e["events"] for e in assaults["edges"]) <= get(client, "/api/events", type="ASSAULT", limit=0)["total"]


def test_map_places_are_geocoded_events(client):
    places = get(client, "/api/map")["items"]
    assert places
    for p in places:
        assert -90 <= p["lat"] <= 90 and -180 <= p["lon"] <= 180 and p["quad_class"] in (1, 2, 3, 4)
    aleppo = [p for p in places if p["place_name"] == "Aleppo"]
    assert sum(p["events"] for p in aleppo) == get(client, "/api/events", place="Aleppo", limit=0)["total"]


# -- quotes, articles, stats --------------------------------------------------------------

def test_quotes_search(client):
    every = get(client, "/api/quotes", limit=1000)
    assert every["total"] == len(every["items"]) > 5
    toner = get(client, "/api/quotes", speaker="Toner")
    assert toner["total"] >= 1
    assert all("Toner" in ((q.get("speaker_name") or "") + (q.get("speaker_text") or "")) for q in toner["items"])
    usa = get(client, "/api/quotes", actor="USAGOV", limit=1000)
    assert usa["total"] >= 5 and usa["total"] < every["total"]
    assert all(q["speaker_code"] == "USAGOV" or "USAGOV" in (q.get("about_codes") or []) for q in usa["items"])
    words = get(client, "/api/quotes", q="cessation")
    assert words["total"] and all("cessation" in q["text"].lower() for q in words["items"])
    get(client, "/api/quotes", 422, actor="NOBODYX")


def test_articles(client):
    page = get(client, "/api/articles", limit=100)
    assert page["total"] == len(page["items"]) >= 2
    ids = {a["article_id"] for a in page["items"]}
    assert "kerry-lavrov-treve" in ids
    art = get(client, "/api/articles/kerry-lavrov-treve")
    assert art["text"] == SEED.read_text(encoding="utf-8").strip() or SEED.read_text(encoding="utf-8").startswith(art["text"][:200])
    for e in art["events"]:
        assert art["text"][e["trigger_start"]:e["trigger_end"]] == e["trigger_text"]
    for q in art["quotes"]:
        assert q["text"] and q["text"][:20] in art["text"][q["start"]:q["end"]]


def test_stats_and_vocabulary(client):
    stats = get(client, "/api/stats")
    assert stats["events"] == get(client, "/api/events", limit=0)["total"]
    vocab = get(client, "/api/vocabulary")
    assert len(vocab["types"]) == 16 and "ASSAULT" in vocab["types"]
    assert vocab["quad_classes"]["4"] == "material conflict"


# -- read-only, page, docs ----------------------------------------------------------------

def test_read_only(client, db):
    for method in ("post", "put", "delete", "patch"):
        assert getattr(client, method)("/api/events").status_code == 405
    with client.app.state.pool.store() as st:
        assert st.read_only
        with pytest.raises(Exception):
            st.con.execute("DELETE FROM events")


def test_page_and_docs_are_local(client):
    page = client.get("/")
    assert page.status_code == 200 and "/static/app.js" in page.text
    assert "default-src 'self'" in page.headers["content-security-policy"]
    for url in ("/static/app.js", "/static/app.css", "/static/countries-110m.json", "/static/docs/swagger-ui-bundle.js"):
        assert client.get(url).status_code == 200, url
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/static/docs/swagger-ui-bundle.js" in docs.text
    for text in (page.text, docs.text):
        assert "https://" not in text and "http://" not in text and "cdn" not in text.lower()
    spec = client.get("/openapi.json").json()
    assert {"/api/events", "/api/events/{event_id}", "/api/dyads/{a}/{b}", "/api/actors", "/api/actors/{code}",
            "/api/quotes", "/api/articles/{article_id}", "/api/stats", "/api/code"} <= set(spec["paths"])


# -- POST /api/code -----------------------------------------------------------------------

def test_code_posted_article_without_storing(client):
    before = get(client, "/api/stats")
    r = client.post("/api/code", json={"text": SEED.read_text(encoding="utf-8"), "published": "2016-05-24", "id": "posted"})
    assert r.status_code == 200, r.text
    rec = r.json()
    assert rec["id"] == "posted"
    pairs = {((e["source"] or {}).get("code"), (e["target"] or {}).get("code")) for e in rec["events"]}
    assert ("USAGOV", "RUSGOV") in pairs
    assert get(client, "/api/stats") == before


@pytest.mark.parametrize("body, where", [
    ({"text": ""}, "text"),
    ({"text": "   "}, "text"),
    ({"text": "Le président a parlé.", "published": "24 mai"}, "published"),
    ({"text": "Le président a parlé.", "extra": 1}, "extra"),
    ({}, "text"),
])
def test_code_bad_bodies_get_422(client, body, where):
    r = client.post("/api/code", json=body)
    assert r.status_code == 422 and where in r.json()["detail"], r.text


def test_code_body_that_is_not_json(client):
    r = client.post("/api/code", content=b"\xff\x0f}not json", headers={"content-type": "application/json"})
    assert r.status_code == 400 and "JSON" in r.json()["detail"]


def test_code_size_limit(db, coder):
    with TestClient(create_app(db, coder=coder, pool_size=1, code_max_chars=50)) as c:
        r = c.post("/api/code", json={"text": "Le ministre a rejeté la proposition. " * 5})
        assert r.status_code == 413 and "50" in r.json()["detail"]
        big = c.post("/api/code", content=b'{"text": "' + b"a" * 20_000 + b'"}', headers={"content-type": "application/json"})
        assert big.status_code == 413 and "bytes" in big.json()["detail"]


def test_code_rate_limit(db, coder):
    with TestClient(create_app(db, coder=coder, pool_size=1, code_per_minute=1, code_burst=2)) as c:
        codes = [c.post("/api/code", json={"text": "Le ministre russe a rejeté la proposition américaine."}).status_code
                 for _ in range(3)]
        assert codes[:2] == [200, 200] and codes[2] == 429
        r = c.post("/api/code", json={"text": "Le ministre a parlé."})
        assert r.status_code == 429 and int(r.headers["retry-after"]) >= 1 and "rate limit" in r.json()["detail"]


def test_answer_cache_repeats_the_same_bytes(db):
    with TestClient(create_app(db, pool_size=1, cache_entries=2)) as c:
        first = c.get("/api/events", params={"actor": "USAGOV", "limit": 3})
        again = c.get("/api/events", params={"limit": 3, "actor": "USAGOV"})    # same question, other order
        assert first.headers["x-cache"] == "miss" and again.headers["x-cache"] == "hit"
        assert again.content == first.content and again.headers["content-security-policy"]
        c.get("/api/events", params={"actor": "NOPE"})
        assert c.get("/api/events", params={"actor": "NOPE"}).headers["x-cache"] == "miss"   # errors are not kept
        c.get("/api/stats"), c.get("/api/actors")                                # evicts the oldest
        assert c.get("/api/events", params={"actor": "USAGOV", "limit": 3}).headers["x-cache"] == "miss"


def test_rate_limiter_refills():
    lim = RateLimiter(per_minute=60, burst=1)
    assert lim.take("a", now=0.0) == 0
    assert lim.take("a", now=0.1) > 0
    assert lim.take("b", now=0.1) == 0          # per client
    assert lim.take("a", now=1.2) == 0          # one token a second


def test_sample_articles_keep_their_own_publication_dates():
    from quiquoi.api.demo import SAMPLE_PUBLISHED, published_of, sample_files
    dates = {f.name: published_of(f) for f in sample_files()}
    assert dates["kerry-lavrov-treve.fr.txt"] == SAMPLE_PUBLISHED == "2016-05-24"
    assert dates["civic-halles-retraites.fr.txt"] == "2023-03-19"
    assert len(set(dates.values())) > 10          # not one date for all
