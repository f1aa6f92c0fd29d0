// Lets guides be read again without data: registers the service worker (/sw.js) and keeps
// the page being read now, which loaded before the worker could see it.
(function () {
  if (!("serviceWorker" in navigator) || !window.caches) return;
  navigator.serviceWorker.register("/sw.js").then(function () {
    if (navigator.serviceWorker.controller) return;
    var kept = [location.pathname];
    document.querySelectorAll("link[rel=stylesheet], script[src]").forEach(function (el) {
      kept.push(el.href || el.src);
    });
    caches.open("everydoor-guides-v1").then(function (cache) { return cache.addAll(kept); });
  });
})();
