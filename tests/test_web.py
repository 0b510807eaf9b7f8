"""The page, in Debian's chromium driven by Playwright, over a live server on the sample store.

Screenshots go to tests/artifacts/ (or $QUIQUOI_ARTIFACTS). Skipped only when chromium is not
installed (.ci/run installs it)."""
from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from pathlib import Path

import httpx
import pytest

CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (/usr/bin/chromium); "
                                                         ".ci/run installs it with apt-get")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
ARTIFACTS = Path(os.environ.get("QUIQUOI_ARTIFACTS", Path(__file__).parent / "artifacts"))
SEED_ACTORS = ("USAGOV", "RUSGOV", "SYRGOV", "SYRREB")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory, coder):
    import uvicorn

    from quiquoi.api.app import create_app
    from test_api import sample_db

    app = create_app(sample_db(tmp_path_factory, coder), coder=coder)
    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(10)
    app.state.pool.close()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


class Watched:
    """A page whose console errors, page errors, failed requests and off-site requests are kept."""

    def __init__(self, browser, base):
        self.base = base
        self.page = browser.new_page(viewport={"width": 1400, "height": 950})
        self.problems: list[str] = []
        self.page.on("console", lambda m: m.type == "error" and self.problems.append(f"console: {m.text}"))
        self.page.on("pageerror", lambda e: self.problems.append(f"page error: {e}"))
        self.page.on("requestfailed", lambda r: self.problems.append(f"failed: {r.url} {r.failure}"))
        self.page.on("request", lambda r: r.url.startswith((base, "data:")) or self.problems.append(f"off-site: {r.url}"))

    def open(self, hash_: str):
        self.page.goto(f"{self.base}/{hash_}")
        self.page.wait_for_selector('#view[data-ready="true"]', timeout=20_000)
        return self.page

    def shot(self, name):
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(ARTIFACTS / f"web-{name}.png"), full_page=True)


@pytest.fixture
def web(browser, server):
    w = Watched(browser, server)
    yield w
    w.page.close()
    assert not w.problems, w.problems


def api(server, path, **params):
    r = httpx.get(server + path, params=params, timeout=30)
    r.raise_for_status()
    return r.json()


def test_network_shows_the_seed_actors(web):
    page = web.open("#/network")
    for code in SEED_ACTORS:
        assert page.locator(f'g.node[data-code="{code}"]').is_visible(), code
    # node size follows activity: RUSGOV (most events in the seed) is drawn bigger than SYRREB
    r = {c: float(page.locator(f'g.node[data-code="{c}"] circle').get_attribute("r")) for c in ("RUSGOV", "SYRREB")}
    assert r["RUSGOV"] > r["SYRREB"]
    # edge colour follows mean Goldstein: a conflict edge is red, a cooperation edge green
    edges = api(web.base, "/api/network")["edges"]
    worst = min(edges, key=lambda e: e["goldstein_mean"])
    best = max(edges, key=lambda e: e["goldstein_mean"])
    assert worst["goldstein_mean"] < 0 < best["goldstein_mean"]

    def rgb(edge):
        css = page.locator(f'g.edge[data-edge="{edge["source"]}→{edge["target"]}"] line.edge-line').first.get_attribute("stroke")
        return [int(v) for v in css.strip("rgb()").split(",")]
    (r1, g1, _), (r2, g2, _) = rgb(worst), rgb(best)
    assert r1 > g1 and g2 > r2
    # and thickness follows the number of events
    width = {k: float(page.locator(f'g.edge[data-edge="{k}"] line.edge-line').get_attribute("stroke-width"))
             for k in ("USAGOV→RUSGOV", "USAGOV→SYRREB")}
    assert width["USAGOV→RUSGOV"] > width["USAGOV→SYRREB"]
    web.shot("network")


def click_edge(page, key: str) -> None:
    """Click an edge where a user can: on a point of its line that no other edge or node
    covers (the middle of a line may lie under a crossing edge's hit area)."""
    point = page.evaluate("""(key) => {
        const g = [...document.querySelectorAll('g.edge')].find((e) => e.dataset.edge === key);
        const line = g.querySelector('line.edge-line');
        const m = line.getScreenCTM();
        const at = (x, y) => ({x: m.a * x + m.c * y + m.e, y: m.b * x + m.d * y + m.f});
        const a = at(+line.getAttribute('x1'), +line.getAttribute('y1'));
        const b = at(+line.getAttribute('x2'), +line.getAttribute('y2'));
        // from the middle outwards, short of the nodes at both ends
        const ts = [0.5];
        for (let d = 0.04; d <= 0.4; d += 0.04) ts.push(0.5 - d, 0.5 + d);
        for (const t of ts) {
            const x = a.x + t * (b.x - a.x), y = a.y + t * (b.y - a.y);
            if (g.contains(document.elementFromPoint(x, y))) return [x, y];
        }
        return null;
    }""", key)
    assert point is not None, f"no point of edge {key} can be clicked"
    page.mouse.click(*point)


def test_clicking_an_edge_lists_its_events(web, server):
    page = web.open("#/network")
    click_edge(page, "USAGOV→RUSGOV")
    page.wait_for_selector('#panel[data-ready="true"][data-kind="edge"]')
    items = page.locator("#panel .event-item")
    total = api(server, "/api/events", source="USAGOV", target="RUSGOV", exact="true", limit=0)["total"]
    assert total >= 2 and items.count() == total
    for text in items.all_inner_texts():
        assert "USAGOV → RUSGOV" in text
    web.shot("network-edge")
    # an event opens its record, whose mention links to the evidence view
    items.first.click()
    page.wait_for_selector('#panel[data-ready="true"][data-kind="event"]')
    assert "USAGOV" in page.locator("#panel").inner_text()
    page.locator("#panel .mentions a").first.click()
    page.wait_for_selector('#view[data-ready="true"] mark.trigger.focus')


def test_clicking_an_actor_opens_its_panel(web):
    page = web.open("#/network")
    page.locator('g.node[data-code="SYRGOV"]').click()
    page.wait_for_selector('#panel[data-ready="true"][data-kind="actor"]')
    assert page.locator("#panel .actor-code").inner_text() == "SYRGOV"
    assert page.locator("#panel .event-item").count() >= 1


def test_type_filter_redraws_the_network(web, server):
    page = web.open("#/network")
    page.select_option("#filters select[name=type]", "ASSAULT")
    page.wait_for_selector('#view[data-ready="true"] svg.network')
    edges = page.locator("g.edge")
    expected = api(server, "/api/network", type="ASSAULT")["edges"]
    assert edges.count() == len(expected)
    assert page.locator('g.edge[data-edge="USAGOV→RUSGOV"]').count() == 0   # no assault between them


def test_evidence_view_highlights_a_exhorte(web):
    page = web.open("#/evidence/kerry-lavrov-treve")
    text = page.locator(".article-text")
    assert "John Kerry a exhorté lundi" in text.inner_text()
    trigger = page.locator("mark.trigger", has_text="exhorté").first
    assert trigger.inner_text() == "exhorté"
    # the highlight sits on the exact span: the characters 44–51 of the article
    assert (trigger.get_attribute("data-start"), trigger.get_attribute("data-end")) == ("44", "51")
    # what precedes it in the page is "… John Kerry a ", so the reader sees "a exhorté"
    before = page.evaluate("(m) => m.previousSibling.textContent", trigger.element_handle())
    assert before.endswith(" a ")
    assert page.locator("mark.quote").count() >= 5 and page.locator("mark.actor.source").count() >= 5
    web.shot("evidence")
    trigger.click()
    page.wait_for_selector('#panel[data-ready="true"][data-kind="event"]')
    panel = page.locator("#panel").inner_text()
    assert "REQUEST" in panel and "USAGOV" in panel and "RUSGOV" in panel


def test_dyad_timeline(web, server):
    page = web.open("#/dyad/USAGOV/RUSGOV/day")
    bars = page.locator("rect.bar")
    expected = api(server, "/api/dyads/USAGOV/RUSGOV", by="day")["items"]
    assert bars.count() == len(expected) >= 1
    assert page.locator("circle.gpoint").count() == len([p for p in expected if p["goldstein_mean"] is not None])
    web.shot("dyad")


def test_map_draws_offline_boundaries_and_events(web, server):
    page = web.open("#/map")
    assert page.locator("path.country").count() > 150       # Natural Earth 110m countries, from /static
    assert page.locator("circle.place").count() == len(api(server, "/api/map")["items"]) > 0
    web.shot("map")


def test_quotes_search_by_speaker(web):
    page = web.open("#/quotes/Toner")
    items = page.locator(".quote-item")
    assert items.count() >= 1
    for text in items.all_inner_texts():
        assert "Toner" in text or "USAGOV" in text
    web.shot("quotes")


def test_api_docs_page_is_local(web):
    web.page.goto(f"{web.base}/docs")
    web.page.wait_for_selector(".swagger-ui .opblock", timeout=20_000)
    assert web.page.locator(".swagger-ui .opblock").count() >= 13
    web.shot("docs")
