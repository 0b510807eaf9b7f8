// Quotes, searchable by speaker (code or name) and by an actor mentioned inside them.
import { getJSON } from "../api.js";
import { el, actorLabel } from "../util.js";
import { showQuote } from "../panel.js";
import { showError } from "../state.js";

const PAGE = 50;

export async function renderQuotes(view, { args, isCurrent }) {
  const form = el("form", { class: "view-controls", id: "quotes-form" },
    el("label", {}, "speaker ", el("input", { name: "speaker", value: args[0] || "", placeholder: "USAGOV, Kerry…", size: 14 })),
    el("label", {}, "actor mentioned ", el("input", { name: "actor", value: args[1] || "", placeholder: "RUS…", size: 10 })),
    el("label", {}, "words ", el("input", { name: "q", value: args[2] || "", size: 16 })),
    el("button", { type: "submit", text: "search" }));
  const results = el("div", { class: "quotes" });
  view.append(el("h2", { text: "Quotes" }), form, results);
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const d = new FormData(form);
    location.hash = `#/quotes/${["speaker", "actor", "q"].map((k) => encodeURIComponent(d.get(k).trim())).join("/")}`;
  });
  const params = { speaker: form.elements.speaker.value, actor: form.elements.actor.value, q: form.elements.q.value, limit: PAGE, offset: 0 };
  let items = [];
  async function page() {
    const res = await getJSON("/api/quotes", params);
    if (!isCurrent()) return;
    items = items.concat(res.items);
    params.offset += res.items.length;
    results.replaceChildren(
      el("p", { class: "muted", text: `${res.total} quote${res.total === 1 ? "" : "s"}` }),
      el("ol", { class: "quote-list" }, items.map((q) => el("li", { class: "quote-item", dataset: { quoteId: q.quote_id } },
        el("blockquote", { text: `« ${q.text} »`, onclick: () => showQuote(q) }),
        el("p", { class: "muted" }, "— ", el("b", { text: actorLabel(q.speaker_code, q.speaker_name || q.speaker_text) }),
          q.verb ? ` (${q.verb})` : "", q.channel ? `, ${q.channel}` : "", " · ",
          el("a", { href: `#/evidence/${encodeURIComponent(q.article_id)}/q${encodeURIComponent(q.quote_id)}`, text: q.article_id }),
          (q.about_codes || []).length ? ` · about ${q.about_codes.join(", ")}` : "")))),
      items.length < res.total ? el("button", { type: "button", text: "more", onclick: () => page().catch(showError) }) : null,
    );
  }
  await page();
}
