// Data Roadmap's service worker: the app works offline once loaded.
// `scripts/post-build.mjs` (a Trunk post-build hook, release builds only) writes dist/sw.js as
// `const VERSION = "…"; const PRECACHE = […];` followed by this file. Nothing here touches
// localStorage: the user's data is never part of an update.

const CACHE = `data-roadmap-${VERSION}`;

self.addEventListener("install", (event) => {
  // Files whose names Trunk hashed never change, so the copy the page just downloaded (in the
  // HTTP cache) will do; the others are checked with the server, so that a new version is
  // never mixed with stale files: a host that sends validators (nginx does) answers 304 for
  // the modules the page has already downloaded, instead of sending them a second time.
  const hashed = /-[0-9a-f]{8,16}(_bg)?\.\w+$/;
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      cache.addAll(
        PRECACHE.map((url) => new Request(url, { cache: hashed.test(url) ? "default" : "no-cache" })),
      ),
    ),
  );
  // No skipWaiting here: a new version waits until the user accepts "reload to update".
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys
            .filter((key) => key.startsWith("data-roadmap-") && key !== CACHE)
            .map((key) => caches.delete(key)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    // Every page of the app is index.html: deep links work offline.
    event.respondWith(
      caches.match("/index.html", { cacheName: CACHE }).then((cached) => cached ?? fetch(request)),
    );
    return;
  }
  event.respondWith(
    caches.match(request, { cacheName: CACHE }).then((cached) => cached ?? fetch(request)),
  );
});
