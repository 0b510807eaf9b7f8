// Network of actors: nodes sized by activity, edges coloured by mean Goldstein and as thick
// as their event count. The layout is computed to rest before drawing, so what the user (or a
// test) clicks does not move.
import * as d3 from "d3";
import { getJSON } from "../api.js";
import { el, goldsteinColor, fmtGoldstein } from "../util.js";
import { showActor, showEdge } from "../panel.js";
import { showError } from "../state.js";

const WIDTH = 960;
const HEIGHT = 640;

export async function renderNetwork(view, { filters, isCurrent }) {
  const controls = el("div", { class: "view-controls" },
    el("label", {}, "min. events per edge ", el("input", { type: "number", name: "min_events", min: 1, value: sessionStorage.getItem("min_events") || 1, style: "width:4em" })),
    el("label", {}, "edges shown ", el("input", { type: "number", name: "max_edges", min: 1, max: 2000, value: sessionStorage.getItem("max_edges") || 80, style: "width:4.5em" })),
    el("span", { class: "legend" }, legendGoldstein()),
  );
  const stage = el("div", { class: "network-stage" });
  view.append(el("h2", { text: "Network of actors" }), controls, stage);
  const minInput = controls.querySelector("input[name=min_events]");
  const maxInput = controls.querySelector("input[name=max_edges]");
  for (const input of [minInput, maxInput]) {
    input.addEventListener("change", () => {
      sessionStorage.setItem(input.name, input.value);
      draw().catch(showError);
    });
  }
  const note = el("p", { class: "muted" });

  async function draw() {
    // the heaviest edges only: a big store has thousands of pairs, unreadable at once
    const net = await getJSON("/api/network", { ...filters, min_events: minInput.value, max_edges: maxInput.value });
    if (!isCurrent()) return;
    stage.replaceChildren();
    note.textContent = net.truncated ? `The ${net.edges.length} heaviest edges; raise “edges shown” or “min. events” to change.` : "";
    if (!net.edges.length) {
      stage.append(el("p", { class: "muted", text: "No event between two actors for these filters." }));
      return;
    }
    stage.append(drawGraph(net), note);
  }
  await draw();
}

function legendGoldstein() {
  const stops = [-10, -5, 0, 5, 10];
  return el("span", {}, "conflict ",
    ...stops.map((g) => el("span", { class: "swatch", style: `background:${goldsteinColor(g)}`, title: fmtGoldstein(g) })),
    " cooperation");
}

function drawGraph(net) {
  const nodes = net.nodes.map((n) => ({ ...n }));
  const byCode = new Map(nodes.map((n) => [n.code, n]));
  const links = net.edges.map((e) => ({ ...e, source: byCode.get(e.source), target: byCode.get(e.target), key: `${e.source}→${e.target}` }));
  const pairs = new Set(links.map((l) => l.key));

  const radius = d3.scaleSqrt().domain([0, d3.max(nodes, (n) => n.events) || 1]).range([5, 28]);
  const width = d3.scaleSqrt().domain([1, d3.max(links, (l) => l.events) || 1]).range([1.5, 10]);

  const sim = d3.forceSimulation(nodes)
    // a link is long enough between the circles' rims to be seen and clicked, big nodes or not
    .force("link", d3.forceLink(links).distance((l) => radius(l.source.events) + radius(l.target.events) + 110).strength(0.4))
    .force("charge", d3.forceManyBody().strength(-500))
    .force("collide", d3.forceCollide((n) => radius(n.events) + 16))
    .force("x", d3.forceX(WIDTH / 2).strength(0.05))
    .force("y", d3.forceY(HEIGHT / 2).strength(0.07))
    .stop();
  // deterministic start: d3 places nodes on a phyllotaxis spiral, then we let it settle
  for (let i = 0; i < 300; i += 1) sim.tick();
  const pad = 40;
  const [x0, x1] = d3.extent(nodes, (n) => n.x);
  const [y0, y1] = d3.extent(nodes, (n) => n.y);
  const sx = d3.scaleLinear().domain([x0, x1 === x0 ? x0 + 1 : x1]).range([pad + 60, WIDTH - pad - 60]);
  const sy = d3.scaleLinear().domain([y0, y1 === y0 ? y0 + 1 : y1]).range([pad, HEIGHT - pad]);
  for (const n of nodes) { n.px = sx(n.x); n.py = sy(n.y); }

  const svg = d3.create("svg").attr("viewBox", `0 0 ${WIDTH} ${HEIGHT}`).attr("class", "network").attr("role", "img")
    .attr("aria-label", "network of actors");
  const zoomLayer = svg.append("g");
  svg.call(d3.zoom().scaleExtent([0.3, 6]).on("zoom", (ev) => zoomLayer.attr("transform", ev.transform)));

  // A→B and B→A are drawn side by side, shifted across the line, so both stay clickable.
  function ends(l) {
    const dx = l.target.px - l.source.px;
    const dy = l.target.py - l.source.py;
    const len = Math.hypot(dx, dy) || 1;
    const shift = pairs.has(`${l.target.code}→${l.source.code}`) ? 5 : 0;
    const ox = (-dy / len) * shift;
    const oy = (dx / len) * shift;
    const rs = radius(l.source.events) + 2;
    const rt = radius(l.target.events) + 6;
    return [l.source.px + (dx / len) * rs + ox, l.source.py + (dy / len) * rs + oy,
      l.target.px - (dx / len) * rt + ox, l.target.py - (dy / len) * rt + oy];
  }

  const defs = svg.append("defs");
  defs.append("marker").attr("id", "arrow").attr("viewBox", "0 -5 10 10").attr("refX", 8).attr("refY", 0)
    // fixed size in pixels: with the default (stroke-width units) thick edges get huge heads
    .attr("markerUnits", "userSpaceOnUse").attr("markerWidth", 10).attr("markerHeight", 10).attr("orient", "auto")
    .append("path").attr("d", "M0,-5L10,0L0,5").attr("fill", "#555");

  const edge = zoomLayer.append("g").attr("class", "edges").selectAll("g").data(links).join("g")
    .attr("class", "edge").attr("data-edge", (l) => l.key).attr("data-source", (l) => l.source.code)
    .attr("data-target", (l) => l.target.code).attr("tabindex", 0).attr("role", "button")
    .on("click", (ev, l) => showEdge(l.source.code, l.target.code))
    .on("keydown", (ev, l) => { if (ev.key === "Enter") showEdge(l.source.code, l.target.code); });
  edge.append("line").attr("class", "edge-line")
    .attr("stroke", (l) => goldsteinColor(l.goldstein_mean)).attr("stroke-width", (l) => width(l.events))
    .attr("marker-end", "url(#arrow)");
  // a wide transparent twin makes thin edges easy to hit
  edge.append("line").attr("class", "edge-hit").attr("stroke", "transparent").attr("stroke-width", 14);
  edge.selectAll("line").each(function (l) {
    const [ax, ay, bx, by] = ends(l);
    d3.select(this).attr("x1", ax).attr("y1", ay).attr("x2", bx).attr("y2", by);
  });
  edge.append("title").text((l) => `${l.key}: ${l.events} event${l.events === 1 ? "" : "s"}, mean Goldstein ${fmtGoldstein(l.goldstein_mean)}`);

  const node = zoomLayer.append("g").attr("class", "nodes").selectAll("g").data(nodes).join("g")
    .attr("class", "node").attr("data-code", (n) => n.code).attr("transform", (n) => `translate(${n.px},${n.py})`)
    .attr("tabindex", 0).attr("role", "button")
    .on("click", (ev, n) => showActor(n.code))
    .on("keydown", (ev, n) => { if (ev.key === "Enter") showActor(n.code); });
  node.append("circle").attr("r", (n) => radius(n.events));
  node.append("text").attr("class", "label").attr("dy", (n) => -radius(n.events) - 4).text((n) => n.code);
  node.append("title").text((n) => `${n.code}${n.name && n.name !== n.code ? ` — ${n.name}` : ""}: ${n.events} events`);
  return svg.node();
}
