// Page-wide state: the shared filter bar and the error banner.
import { el } from "./util.js";

export const form = document.getElementById("filters");
const errorBox = document.getElementById("error");

// The filters every aggregate view honours (network, map, panel lists).
export function filters() {
  const data = new FormData(form);
  return { since: data.get("since") || "", until: data.get("until") || "", type: data.get("type") || "" };
}

export function showError(err) {
  errorBox.hidden = false;
  errorBox.replaceChildren(
    el("span", { text: err && err.message ? err.message : String(err) }),
    el("button", { type: "button", text: "×", "aria-label": "dismiss", onclick: () => { errorBox.hidden = true; } }),
  );
}
