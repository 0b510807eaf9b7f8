// The side panel: an actor's page, the events of a network edge, one event's record.
import { getJSON } from "./api.js";
import { el, fmtGoldstein, goldsteinColor, actorLabel, setBusy, QUAD } from "./util.js";
import { filters, showError } from "./state.js";

const panel = () => document.getElementById("panel");
const body = () => document.getElementById("panel-body");

export function initPanel() {
  document.getElementById("panel-close").addEventListener("click", closePanel);
  document.addEventListener("keydown", (e) => { if (e.key === "Escape") closePanel(); });
}

export function closePanel() {
  panel().hidden = true;
  body().replaceChildren();
}

function openPanel(kind) {
  panel().hidden = false;
  panel().dataset.kind = kind;
  panel().dataset.ready = "false";
  setBusy(body());
}

function done() { panel().dataset.ready = "true"; }

const goldBadge = (g) => el("span", { class: "badge", style: `background:${goldsteinColor(g ?? 0)}`, title: "Goldstein score", text: fmtGoldstein(g) });

// One line per event: date, source → target, type/CAMEO, Goldstein; click for the record.
export function eventList(items) {
  if (!items.length) return el("p", { class: "muted", text: "No event." });
  return el("ol", { class: "event-list" }, items.map((e) => el("li", {
    class: "event-item", dataset: { eventId: e.event_id }, tabindex: 0, role: "button",
    onclick: () => showEvent(e.event_id),
    onkeydown: (k) => { if (k.key === "Enter") showEvent(e.event_id); },
  },
  el("span", { class: "date", text: e.date || e.day || "" }), " ",
  el("b", { text: e.source_code || "?" }), " → ", el("b", { text: e.target_code || "—" }), " ",
  el("span", { class: "type", style: `border-color:${(QUAD[e.quad_class] || {}).color || "#999"}`, text: `${e.type || "?"} ${e.cameo || ""}` }), " ",
  goldBadge(e.goldstein),
  e.n_articles > 1 ? el("span", { class: "muted", text: ` ${e.n_articles} articles` }) : null,
  e.place_name ? el("span", { class: "muted", text: ` · ${e.place_name}` }) : null)));
}

function pager(total, shown, more) {
  if (total <= shown) return el("p", { class: "muted", text: `${total} event${total === 1 ? "" : "s"}` });
  return el("p", { class: "muted" }, `${shown} of ${total} events `, el("button", { type: "button", text: "more", onclick: more }));
}

async function listEvents(container, params) {
  const f = filters();
  const query = { since: f.since, until: f.until, type: f.type, ...params, limit: 50, offset: 0 };
  const list = el("div", { class: "events" });
  container.append(list);
  let items = [];
  async function page() {
    const res = await getJSON("/api/events", query);
    items = items.concat(res.items);
    query.offset += res.items.length;
    list.replaceChildren(eventList(items), pager(res.total, items.length, () => page().catch(showError)));
  }
  await page();
}

export async function showActor(code) {
  openPanel("actor");
  try {
    const a = await getJSON(`/api/actors/${encodeURIComponent(code)}`);
    const b = body();
    b.replaceChildren(
      el("h2", { class: "actor-code", text: a.code }),
      el("p", { text: [a.name, a.country, a.role].filter(Boolean).join(" · ") }),
      el("dl", { class: "facts" },
        Object.entries({ "as source": a.as_source, "as target": a.as_target, mentions: a.mentions, quotes: a.quotes })
          .filter(([, v]) => v !== undefined && v !== null)
          .flatMap(([k, v]) => [el("dt", { text: k }), el("dd", { text: v })])),
      el("p", {}, el("a", { href: `#/quotes/${encodeURIComponent(a.code)}`, text: "quotes by this actor" }),
        " · ", el("a", { href: `#/dyad/${encodeURIComponent(a.code)}`, text: "dyad timeline" })),
      el("h3", { text: "Events" }),
    );
    // exact: the node is this code, not every code starting with it
    await listEvents(b, { actor: a.code, exact: true });
    done();
  } catch (err) { closePanel(); showError(err); }
}

export async function showEdge(source, target) {
  openPanel("edge");
  try {
    const b = body();
    b.replaceChildren(
      el("h2", { class: "edge-title" }, el("span", { text: source }), " → ", el("span", { text: target })),
      el("p", {}, el("a", { href: `#/dyad/${encodeURIComponent(source)}/${encodeURIComponent(target)}`, text: "timeline of this dyad" })),
    );
    await listEvents(b, { source, target, exact: true });
    done();
  } catch (err) { closePanel(); showError(err); }
}

function spanText(text, start, end) {
  return start === null || start === undefined ? "" : `[${start}–${end}]`;
}

export async function showEvent(id) {
  openPanel("event");
  try {
    const e = await getJSON(`/api/events/${encodeURIComponent(id)}`);
    const mentions = e.mentions || [];
    body().replaceChildren(
      el("h2", { text: `${e.type || "event"} ${e.cameo || ""}` }),
      el("p", {}, el("b", { text: actorLabel(e.source_code, e.source_name) }), " → ", el("b", { text: actorLabel(e.target_code, e.target_name) })),
      el("dl", { class: "facts" }, Object.entries({
        date: e.date && `${e.date} (${e.date_precision})`, Goldstein: fmtGoldstein(e.goldstein),
        "quad class": QUAD[e.quad_class] && QUAD[e.quad_class].label, mode: e.mode, modality: e.modality,
        negated: e.negated ? "yes" : null, place: e.place_name && `${e.place_name} ${e.place_country || ""}`,
        articles: e.n_articles, "event id": e.event_id,
      }).filter(([, v]) => v !== undefined && v !== null && v !== "").flatMap(([k, v]) => [el("dt", { text: k }), el("dd", { text: v })])),
      el("h3", { text: `Mentions (${mentions.length})` }),
      el("ul", { class: "mentions" }, mentions.map((m) => el("li", {},
        el("a", { href: `#/evidence/${encodeURIComponent(m.article_id)}/${encodeURIComponent(e.event_id)}`, text: m.title || m.article_id }),
        el("span", { class: "muted", text: ` sentence ${m.sentence ?? "?"} · trigger “${m.trigger_text || ""}” ${spanText(m.trigger_text, m.trigger_start, m.trigger_end)}` }),
        m.sentence_text || m.text ? el("blockquote", { text: m.sentence_text || m.text }) : null))),
      el("details", {}, el("summary", { text: "JSON record" }), el("pre", { text: JSON.stringify(e, null, 2) })),
    );
    done();
  } catch (err) { closePanel(); showError(err); }
}

export async function showQuote(q) {
  openPanel("quote");
  body().replaceChildren(
    el("h2", { text: `Quote (${q.kind || "?"})` }),
    el("blockquote", { text: q.text }),
    el("p", {}, "speaker: ", el("b", { text: actorLabel(q.speaker_code, q.speaker_name || q.speaker_text) })),
    el("p", {}, el("a", { href: `#/evidence/${encodeURIComponent(q.article_id)}/q${encodeURIComponent(q.quote_id)}`, text: "see in the article" })),
    el("details", {}, el("summary", { text: "JSON record" }), el("pre", { text: JSON.stringify(q, null, 2) })),
  );
  done();
}
