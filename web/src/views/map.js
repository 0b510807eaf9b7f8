// Map of events: offline Natural Earth boundaries (world-atlas, shipped in the package) and one
// circle per place and quad class, sized by the number of events there.
import * as d3 from "d3";
import { feature, mesh } from "topojson-client";
import { getJSON } from "../api.js";
import { el, QUAD } from "../util.js";
import { showEvent } from "../panel.js";
import { showError } from "../state.js";

const W = 960;
const H = 500;
let world = null; // boundaries are loaded once per page

export async function renderMap(view, { filters, isCurrent }) {
  const legend = el("p", { class: "legend" }, Object.entries(QUAD).map(([k, q]) => el("span", { class: "key" },
    el("span", { class: "swatch round", style: `background:${q.color}` }), ` ${k} ${q.label} `)));
  const stage = el("div", { class: "map-stage" });
  const list = el("div", { class: "map-events" });
  view.append(el("h2", { text: "Map of events" }), legend, stage, list);
  if (!world) world = await d3.json("/static/countries-110m.json");
  const places = await getJSON("/api/map", filters);
  if (!isCurrent()) return;

  const countries = feature(world, world.objects.countries);
  const projection = d3.geoNaturalEarth1().fitSize([W, H], { type: "Sphere" });
  const path = d3.geoPath(projection);
  const svg = d3.create("svg").attr("viewBox", `0 0 ${W} ${H}`).attr("class", "map");
  const g = svg.append("g");
  g.append("path").attr("class", "sphere").attr("d", path({ type: "Sphere" }));
  g.append("g").selectAll("path").data(countries.features).join("path").attr("class", "country").attr("d", path)
    .append("title").text((d) => d.properties.name);
  g.append("path").attr("class", "borders").attr("d", path(mesh(world, world.objects.countries, (a, b) => a !== b)));

  const r = d3.scaleSqrt().domain([0, d3.max(places.items, (p) => p.events) || 1]).range([0, 18]);
  g.append("g").selectAll("circle").data(places.items).join("circle")
    .attr("class", "place").attr("data-place", (p) => p.place_name).attr("data-quad", (p) => p.quad_class)
    .attr("transform", (p) => `translate(${projection([p.lon, p.lat])})`)
    .attr("r", (p) => Math.max(3, r(p.events))).attr("fill", (p) => (QUAD[p.quad_class] || {}).color || "#888")
    .on("click", (ev, p) => listPlace(list, p, filters).catch(showError))
    .append("title").text((p) => `${p.place_name} (${p.place_country || "?"}): ${p.events} ${(QUAD[p.quad_class] || {}).label || ""} events`);
  svg.call(d3.zoom().scaleExtent([1, 12]).on("zoom", (ev) => {
    g.attr("transform", ev.transform);
    g.selectAll("circle.place").attr("stroke-width", 1 / ev.transform.k);
  }));
  stage.append(svg.node());
  if (!places.items.length) list.append(el("p", { class: "muted", text: "No geocoded event for these filters." }));
  else list.append(el("p", { class: "muted", text: `${places.items.length} places; click one for its events.` }));
}

async function listPlace(list, p, filters) {
  const res = await getJSON("/api/events", { ...filters, place: p.place_name, quad_class: p.quad_class, limit: 50 });
  list.replaceChildren(el("h3", { text: `${p.place_name}: ${QUAD[p.quad_class].label}` }),
    el("ul", { class: "event-list" }, res.items.map((e) => el("li", { class: "event-item", onclick: () => showEvent(e.event_id) },
      `${e.date || ""} ${e.source_code || "?"} → ${e.target_code || "—"} ${e.type} ${e.cameo}`))));
}
