// Keeps the guides a person has opened, so they can read them again without data.
// Only guide and self-help pages and our own static files are kept; nothing else passes
// through here, and nothing is fetched that the person did not open.
var CACHE = "everydoor-guides-v1";
var KEPT_PAGE = /^\/[a-z-]+\/(guides|self-help)\/[a-z0-9-]+\/$/;

self.addEventListener("install", function () { self.skipWaiting(); });
self.addEventListener("activate", function (event) { event.waitUntil(self.clients.claim()); });

self.addEventListener("fetch", function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (url.pathname.indexOf("/static/") === 0) {
    // Static files have their content's hash in their name: a kept copy is never stale.
    event.respondWith(caches.open(CACHE).then(function (cache) {
      return cache.match(request, { ignoreVary: true }).then(function (kept) {
        return kept || fetch(request).then(function (response) {
          if (response.ok) cache.put(request, response.clone());
          return response;
        });
      });
    }));
  } else if (KEPT_PAGE.test(url.pathname)) {
    // Pages: the newest copy when online, the kept copy when not. Our pages vary by cookie
    // and language header; a kept page is for this phone alone, so that does not matter here.
    event.respondWith(fetch(request).then(function (response) {
      if (response.ok) {
        var copy = response.clone();
        caches.open(CACHE).then(function (cache) { cache.put(url.pathname, copy); });
      }
      return response;
    }).catch(function () {
      return caches.match(url.pathname, { ignoreVary: true }).then(function (kept) { return kept || Response.error(); });
    }));
  }
});
