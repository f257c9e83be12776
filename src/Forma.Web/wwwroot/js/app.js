// Small enhancements every page gets: the theme switch, the browser's time zone for dates, the service worker,
// and the page-specific modules named by data-module attributes.
const root = document.documentElement;

function applyThemeLabel(button) {
  const theme = root.dataset.theme || "system";
  button.setAttribute("aria-label", `Colour theme: ${theme === "system" ? "follows the system" : theme}`);
}

for (const button of document.querySelectorAll("[data-theme-toggle]")) {
  applyThemeLabel(button);
  button.addEventListener("click", () => {
    const next = { system: "light", light: "dark", dark: "system" }[root.dataset.theme || "system"];
    if (next === "system") { delete root.dataset.theme; localStorage.removeItem("forma-theme"); }
    else { root.dataset.theme = next; localStorage.setItem("forma-theme", next); }
    applyThemeLabel(button);
    document.dispatchEvent(new CustomEvent("forma:theme"));
  });
}

// Dates are shown in the person's zone: tell the server the browser's zone once (a preference cookie).
if (!document.cookie.split("; ").some(c => c.startsWith("forma_tz="))) {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (zone) document.cookie = `forma_tz=${encodeURIComponent(zone)}; path=/; max-age=31536000; samesite=lax`;
}

if ("serviceWorker" in navigator) {
  navigator.serviceWorker.register("/sw.js").catch(() => { /* pages work without it */ });
}

for (const element of document.querySelectorAll("[data-module]")) {
  import(`/js/${element.dataset.module}.js`).then(m => m.default(element)).catch(error => {
    console.error(error);
    element.insertAdjacentHTML("beforeend", `<p class="alert error" role="alert">This part of the page could not load.</p>`);
  });
}
