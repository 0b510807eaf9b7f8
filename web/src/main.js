// quiquoi page: one document, several views chosen by the URL hash (#/network, #/dyad/A/B,
// #/map, #/evidence/ARTICLE, #/quotes). The filter bar (dates, event type) is shared.
import { getJSON } from "./api.js";
import { el } from "./util.js";
import { filters, showError, form } from "./state.js";
import { initPanel } from "./panel.js";
import { renderNetwork } from "./views/network.js";
import { renderDyad } from "./views/dyad.js";
import { renderMap } from "./views/map.js";
import { renderEvidence } from "./views/evidence.js";
import { renderQuotes } from "./views/quotes.js";

const VIEWS = {
  network: renderNetwork,
  dyad: renderDyad,
  map: renderMap,
  evidence: renderEvidence,
  quotes: renderQuotes,
};

const view = document.getElementById("view");

function parseHash() {
  const [name, ...args] = location.hash.replace(/^#\/?/, "").split("/").map(decodeURIComponent);
  // empty segments are kept: "#/quotes//RUS" means no speaker, actor RUS
  return { name: VIEWS[name] ? name : "network", args };
}

let renderToken = 0;
async function route() {
  const { name, args } = parseHash();
  for (const a of document.querySelectorAll("#tabs a[data-view]")) {
    a.classList.toggle("active", a.dataset.view === name);
  }
  document.body.dataset.view = name;
  const token = ++renderToken;
  view.replaceChildren();
  view.dataset.ready = "false";
  try {
    await VIEWS[name](view, { args, filters: filters(), isCurrent: () => token === renderToken });
    if (token === renderToken) view.dataset.ready = "true";
  } catch (err) {
    if (token === renderToken) showError(err);
  }
}

async function loadVocabulary() {
  const [vocab, stats] = await Promise.all([getJSON("/api/vocabulary"), getJSON("/api/stats")]);
  const select = form.elements.type;
  for (const t of vocab.types) select.append(el("option", { value: t, text: t }));
  const s = document.getElementById("store-stats");
  s.textContent = `${stats.events ?? "?"} events · ${stats.articles ?? "?"} articles · ${stats.quotes ?? "?"} quotes`;
  
}

form.addEventListener("change", route);
form.addEventListener("submit", (e) => { e.preventDefault(); route(); });
window.addEventListener("hashchange", route);
initPanel();
loadVocabulary().catch(showError).finally(route);
