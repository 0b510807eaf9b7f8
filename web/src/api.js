// Thin client for the quiquoi HTTP API: every view goes through getJSON so errors surface once.

export class ApiError extends Error {
  constructor(status, detail, url) {
    super(`${status} on ${url}: ${detail}`);
    this.status = status;
    this.detail = detail;
  }
}

// Builds "/api/x?k=v" leaving out empty values, so optional filters stay optional.
export function apiUrl(path, params = {}) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== "") qs.set(k, v);
  }
  const s = qs.toString();
  return s ? `${path}?${s}` : path;
}

export async function getJSON(path, params) {
  const url = apiUrl(path, params);
  const res = await fetch(url, { headers: { Accept: "application/json" } });
  if (!res.ok) {
    let detail = res.statusText;
    try {
      const body = await res.json();
      detail = typeof body.detail === "string" ? body.detail : JSON.stringify(body.detail);
    } catch (_) { /* not JSON: keep the status text */ }
    throw new ApiError(res.status, detail, url);
  }
  return res.json();
}
