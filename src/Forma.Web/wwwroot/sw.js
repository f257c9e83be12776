// Forma's service worker: keeps the application shell (styles, scripts, icons, the offline page) so the app opens
// without a network, and answers a page request that fails offline with the offline page. Data is never cached:
// pages and the API always come from the server, so nobody sees another session's or a stale business's data.
const SHELL = "forma-shell-v1";
const SHELL_FILES = ["/offline.html", "/css/site.css", "/js/app.js", "/js/api.js", "/js/theme.js", "/icons/icon.svg", "/icons/icon-192.png", "/manifest.webmanifest"];

self.addEventListener("install", event => {
  event.waitUntil(caches.open(SHELL).then(cache => cache.addAll(SHELL_FILES)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", event => {
  event.waitUntil(caches.keys()
    .then(keys => Promise.all(keys.filter(key => key !== SHELL).map(key => caches.delete(key))))
    .then(() => self.clients.claim()));
});

self.addEventListener("fetch", event => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    event.respondWith(fetch(request).catch(() => caches.match("/offline.html")));
    return;
  }
  const path = new URL(request.url).pathname;
  if (path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/lib/") || path.startsWith("/icons/")) {
    // Network first, so a deploy's new scripts win; the cached copy serves when offline.
    event.respondWith(fetch(request).then(response => {
      if (response.ok) {
        const copy = response.clone();
        caches.open(SHELL).then(cache => cache.put(request, copy));
      }
      return response;
    }).catch(() => caches.match(request)));
  }
});
