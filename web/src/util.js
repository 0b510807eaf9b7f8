// Shared helpers: colour scales (one meaning everywhere on the page) and small DOM builders.
import { scaleDiverging, interpolateRdYlGn } from "d3";

// Goldstein runs from -10 (conflict) to +10 (cooperation): red -> yellow -> green.
export const goldsteinColor = scaleDiverging([-10, 0, 10], interpolateRdYlGn).clamp(true);

// CAMEO quad classes; the colours follow the conflict/cooperation axis above.
export const QUAD = {
  1: { label: "verbal cooperation", color: "#66bd63" },
  2: { label: "material cooperation", color: "#1a9850" },
  3: { label: "verbal conflict", color: "#fdae61" },
  4: { label: "material conflict", color: "#d73027" },
};

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "class") node.className = v;
    else if (k === "text") node.textContent = v;
    else if (k.startsWith("on") && typeof v === "function") node.addEventListener(k.slice(2), v);
    else if (k === "dataset") Object.assign(node.dataset, v);
    else node.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat()) {
    if (c === undefined || c === null || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

export function fmtGoldstein(g) {
  return g === null || g === undefined || Number.isNaN(g) ? "–" : (g > 0 ? "+" : "") + Number(g).toFixed(1);
}

export function actorLabel(code, name) {
  if (!code && !name) return "—";
  return name && name !== code ? `${code} (${name})` : code;
}

export function setBusy(node, message = "loading…") {
  node.replaceChildren(el("p", { class: "muted busy", text: message }));
}
