// Calls the JSON API with the page's session cookie. The X-Forma-Page header is what makes the API believe the
// cookie (another site cannot add it), so every page script goes through here.
export async function api(path, options = {}) {
  const response = await fetch(path, {
    ...options,
    credentials: "same-origin",
    headers: { "X-Forma-Page": "1", Accept: "application/json", ...(options.body && !(options.body instanceof FormData) ? { "Content-Type": "application/json" } : {}), ...options.headers },
  });
  const isJson = (response.headers.get("content-type") || "").includes("json");
  const body = isJson ? await response.json() : null;
  if (!response.ok) {
    const error = new Error(body?.detail ? `${body.title} ${body.detail}` : body?.title || `Request failed (${response.status}).`);
    error.problem = body;
    error.status = response.status;
    throw error;
  }
  return body;
}

// The JSON data a page rendered into <script type="application/json" id="...">.
export function pageData(id) {
  const element = document.getElementById(id);
  return element ? JSON.parse(element.textContent) : null;
}

export function cssVar(name) {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
}
