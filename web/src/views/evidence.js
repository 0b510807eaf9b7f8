// Evidence view: an article's own text with every event (trigger, source, target) and quote
// highlighted on its exact character span; each highlight opens its coded record.
import { getJSON } from "../api.js";
import { el } from "../util.js";
import { showEvent, showQuote } from "../panel.js";

export async function renderEvidence(view, { args, isCurrent }) {
  const [articleId, focus] = args;
  const list = await getJSON("/api/articles", { limit: 500 });
  const select = el("select", { name: "article", id: "article-select" },
    el("option", { value: "", text: `choose an article (${list.total})` }),
    list.items.map((a) => el("option", { value: a.article_id, selected: a.article_id === articleId, text: `${a.published || ""} ${a.title || a.article_id} (${a.n_events ?? 0} events)` })));
  select.addEventListener("change", () => { location.hash = `#/evidence/${encodeURIComponent(select.value)}`; });
  const body = el("div", { class: "evidence" });
  view.append(el("h2", { text: "Evidence" }), el("div", { class: "view-controls" }, select, legend()), body);
  const id = articleId || (list.items[0] && list.items[0].article_id);
  if (!id) { body.append(el("p", { class: "muted", text: "The store holds no article." })); return; }
  if (!articleId) select.value = id;
  const article = await getJSON(`/api/articles/${encodeURIComponent(id)}`);
  if (!isCurrent()) return;
  body.append(
    el("h3", { class: "article-title", text: article.title || article.article_id }),
    el("p", { class: "muted", text: [article.published, article.source, article.url, `${(article.events || []).length} event mentions`, `${(article.quotes || []).length} quotes`].filter(Boolean).join(" · ") }),
    highlighted(article),
  );
  const target = focus && body.querySelector(focus.startsWith("q") ? `[data-quote-ids~="${CSS.escape(focus.slice(1))}"]` : `mark.trigger[data-event-ids~="${CSS.escape(focus)}"]`);
  if (target) {
    target.classList.add("focus");
    target.scrollIntoView({ block: "center" });
  }
}

function legend() {
  return el("span", { class: "legend" },
    el("mark", { class: "trigger", text: "event" }), " ", el("mark", { class: "actor source", text: "source" }), " ",
    el("mark", { class: "actor target", text: "target" }), " ", el("mark", { class: "quote", text: "quote" }), " ",
    el("mark", { class: "actor speaker", text: "speaker" }));
}

// Every span as {start, end, kind, record}; the text is cut at every span boundary, and each
// piece carries the kinds of all spans covering it, so nested spans (a trigger inside a quote)
// both show.
function spansOf(article) {
  const spans = [];
  const add = (start, end, kind, record) => {
    if (Number.isInteger(start) && Number.isInteger(end) && end > start) spans.push({ start, end, kind, record });
  };
  for (const e of article.events || []) {
    const rec = { type: "event", id: e.event_id, quad: e.quad_class, label: `${e.type} ${e.cameo} ${e.source_code || "?"} → ${e.target_code || "—"}` };
    add(e.trigger_start, e.trigger_end, "trigger", rec);
    add(e.source_start, e.source_end, "source", rec);
    add(e.target_start, e.target_end, "target", rec);
  }
  for (const q of article.quotes || []) {
    const rec = { type: "quote", id: q.quote_id, quote: q, label: `quote (${q.kind}) by ${q.speaker_code || q.speaker_text || "?"}` };
    add(q.start, q.end, "quote", rec);
    add(q.speaker_start, q.speaker_end, "speaker", rec);
  }
  return spans;
}

function highlighted(article) {
  const text = article.text || "";
  const spans = spansOf(article).filter((s) => s.end <= text.length);
  const cuts = Array.from(new Set([0, text.length, ...spans.flatMap((s) => [s.start, s.end])])).sort((a, b) => a - b);
  const container = el("div", { class: "article-text", lang: article.language || "fr" });
  for (let i = 0; i + 1 < cuts.length; i += 1) {
    const [a, b] = [cuts[i], cuts[i + 1]];
    const piece = text.slice(a, b);
    const covering = spans.filter((s) => s.start <= a && s.end >= b);
    if (!covering.length) { container.append(piece); continue; }
    // the innermost span decides what a click opens (a trigger inside a quote opens the event)
    covering.sort((p, q) => (p.end - p.start) - (q.end - q.start));
    const kinds = new Set(covering.map((s) => (s.kind === "source" || s.kind === "target" || s.kind === "speaker" ? `actor ${s.kind}` : s.kind)));
    const events = covering.filter((s) => s.record.type === "event").map((s) => s.record.id);
    const quotes = covering.filter((s) => s.record.type === "quote").map((s) => s.record.id);
    const inner = covering[0];
    const mark = el("mark", {
      class: Array.from(kinds).join(" "),
      title: covering.map((s) => `${s.kind}: ${s.record.label}`).filter((v, j, all) => all.indexOf(v) === j).join("\n"),
      tabindex: 0, role: "button",
      dataset: { start: a, end: b, eventIds: Array.from(new Set(events)).join(" "), quoteIds: Array.from(new Set(quotes)).join(" "), quad: inner.record.quad || "" },
    }, piece);
    const open = () => (inner.record.type === "event" ? showEvent(inner.record.id) : showQuote(inner.record.quote));
    mark.addEventListener("click", open);
    mark.addEventListener("keydown", (k) => { if (k.key === "Enter") open(); });
    container.append(mark);
  }
  return container;
}
