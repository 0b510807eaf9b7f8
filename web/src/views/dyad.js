// Dyad timeline: events per period in each direction between two actors, and their mean
// Goldstein score ("is the truce holding?").
import * as d3 from "d3";
import { getJSON } from "../api.js";
import { el, goldsteinColor, fmtGoldstein } from "../util.js";

const W = 960;
const H1 = 260; // counts
const H2 = 200; // mean Goldstein
const M = { top: 20, right: 30, bottom: 30, left: 50 };
const DIR_COLORS = { "a->b": "#3366cc", "b->a": "#ff9900" };

export async function renderDyad(view, { args, filters, isCurrent }) {
  const actors = await getJSON("/api/actors", { top: 200 });
  const [a = "", b = ""] = args;
  const form = el("form", { class: "view-controls", id: "dyad-form" },
    el("label", {}, "actor A ", el("input", { name: "a", list: "actor-codes", value: a, required: true, size: 10 })),
    el("label", {}, "actor B ", el("input", { name: "b", list: "actor-codes", value: b, required: true, size: 10 })),
    el("label", {}, "by ", el("select", { name: "by" }, ["day", "week", "month"].map((p) => el("option", { value: p, text: p, selected: p === (args[2] || "week") })))),
    el("button", { type: "submit", text: "show" }),
    el("datalist", { id: "actor-codes" }, actors.items.map((x) => el("option", { value: x.code, text: x.name || "" }))),
  );
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const d = new FormData(form);
    location.hash = `#/dyad/${encodeURIComponent(d.get("a").trim())}/${encodeURIComponent(d.get("b").trim())}/${d.get("by")}`;
  });
  const chart = el("div", { class: "dyad-chart" });
  view.append(el("h2", { text: "Dyad timeline" }), form, chart);
  if (!a || !b) {
    // start from the busiest pair of the store rather than an empty chart
    const top = await getJSON("/api/network", { max_edges: 1 });
    const edge = top.edges[0];
    chart.append(el("p", { class: "muted" }, "Choose two actors (codes such as SYRGOV and SYRREB; a prefix like SYR takes every Syrian actor)",
      edge ? [". The busiest pair here: ", el("a", { href: `#/dyad/${encodeURIComponent(edge.source)}/${encodeURIComponent(edge.target)}/week`, text: `${edge.source} ↔ ${edge.target}` })] : "."));
    return;
  }
  const res = await getJSON(`/api/dyads/${encodeURIComponent(a)}/${encodeURIComponent(b)}`, { by: args[2] || "week", since: filters.since, until: filters.until });
  if (!isCurrent()) return;
  if (!res.items.length) {
    chart.append(el("p", { class: "muted", text: `No event between ${a} and ${b}.` }));
    return;
  }
  chart.append(drawDyad(res, a, b));
}

// Up to DENSE periods, bars and dots per period; beyond (years by day), lines over a time axis.
const DENSE = 120;

function drawDyad(res, a, b) {
  const labels = { "a->b": `${a} → ${b}`, "b->a": `${b} → ${a}` };
  const day = (p) => new Date(`${p}T00:00:00Z`);
  const periods = Array.from(new Set(res.items.map((r) => r.period))).sort();
  const dense = periods.length > DENSE;
  const [first, last] = [day(periods[0]), day(periods[periods.length - 1])];
  const x = d3.scaleUtc().domain([first, new Date(last.getTime() + 86400000)]).range([M.left + 10, W - M.right - 10]);
  const slot = Math.max(1, (W - M.left - M.right - 20) / Math.max(1, periods.length) / 2 - 1);
  const cx = (r) => x(day(r.period)) + (dense ? 0 : slot);
  const y = d3.scaleLinear().domain([0, d3.max(res.items, (r) => r.events) || 1]).nice().range([H1 - M.bottom, M.top]);
  const yg = d3.scaleLinear().domain([-10, 10]).range([H2 - M.bottom, M.top]);
  const xAxis = d3.axisBottom(x).ticks(8);
  const byDir = (dir) => res.items.filter((r) => r.direction === dir).sort((p, q) => d3.ascending(p.period, q.period));

  const wrap = el("div", {});
  wrap.append(el("p", { class: "legend" }, Object.entries(labels).map(([k, v]) => el("span", { class: "key" },
    el("span", { class: "swatch", style: `background:${DIR_COLORS[k]}` }), ` ${v} `)),
  el("span", { class: "muted", text: `${periods.length} ${res.by}s with events` })));

  const svg1 = d3.create("svg").attr("viewBox", `0 0 ${W} ${H1}`).attr("class", "dyad-counts");
  svg1.append("g").attr("transform", `translate(0,${H1 - M.bottom})`).call(xAxis);
  svg1.append("g").attr("transform", `translate(${M.left},0)`).call(d3.axisLeft(y).ticks(Math.min(5, y.domain()[1]), "d"));
  svg1.append("text").attr("x", M.left).attr("y", 12).attr("class", "axis-title").text(`events per ${res.by}`);
  if (!dense) {
    svg1.append("g").selectAll("rect").data(res.items).join("rect")
      .attr("class", "bar").attr("data-direction", (r) => r.direction).attr("data-period", (r) => r.period)
      .attr("x", (r) => x(day(r.period)) + (r.direction === "a->b" ? 0 : slot)).attr("width", slot)
      .attr("y", (r) => y(r.events)).attr("height", (r) => y(0) - y(r.events)).attr("fill", (r) => DIR_COLORS[r.direction])
      .append("title").text((r) => `${labels[r.direction]}, ${r.period}: ${r.events} events, mean Goldstein ${fmtGoldstein(r.goldstein_mean)}`);
  } else {
    for (const dir of ["a->b", "b->a"]) {
      svg1.append("path").datum(byDir(dir)).attr("class", "count-line").attr("fill", "none")
        .attr("stroke", DIR_COLORS[dir]).attr("stroke-width", 1).attr("stroke-opacity", 0.8)
        .attr("d", d3.line().x(cx).y((r) => y(r.events)));
    }
  }

  const svg2 = d3.create("svg").attr("viewBox", `0 0 ${W} ${H2}`).attr("class", "dyad-goldstein");
  svg2.append("g").attr("transform", `translate(0,${H2 - M.bottom})`).call(xAxis);
  svg2.append("g").attr("transform", `translate(${M.left},0)`).call(d3.axisLeft(yg).ticks(5));
  svg2.append("line").attr("x1", M.left).attr("x2", W - M.right).attr("y1", yg(0)).attr("y2", yg(0)).attr("class", "zero");
  svg2.append("text").attr("x", M.left).attr("y", 12).attr("class", "axis-title").text("mean Goldstein (−10 conflict … +10 cooperation)");
  for (const dir of ["a->b", "b->a"]) {
    const rows = byDir(dir).filter((r) => r.goldstein_mean !== null);
    svg2.append("path").datum(rows).attr("fill", "none").attr("stroke", DIR_COLORS[dir]).attr("stroke-width", dense ? 1 : 1.5)
      .attr("stroke-opacity", dense ? 0.7 : 1).attr("d", d3.line().x(cx).y((r) => yg(r.goldstein_mean)));
    if (dense) continue;
    svg2.append("g").selectAll("circle").data(rows).join("circle").attr("class", "gpoint")
      .attr("cx", cx).attr("cy", (r) => yg(r.goldstein_mean)).attr("r", 5)
      .attr("fill", (r) => goldsteinColor(r.goldstein_mean)).attr("stroke", DIR_COLORS[dir]).attr("stroke-width", 2)
      .append("title").text((r) => `${labels[dir]}, ${r.period}: mean Goldstein ${fmtGoldstein(r.goldstein_mean)}`);
  }
  wrap.append(svg1.node(), svg2.node());
  return wrap;
}
