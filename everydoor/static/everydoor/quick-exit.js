// Quick exit: leave for a neutral site without leaving this page in the back history.
// Works as a plain link without JavaScript; with it, location.replace() drops this page
// from history and the page is blanked at once in case the next site is slow.
(function () {
  var link = document.querySelector("[data-quick-exit]");
  if (!link) return;
  var lastEscape = 0;
  function leave(event) {
    if (event) event.preventDefault();
    document.title = "";
    document.body.textContent = "";
    window.location.replace(link.href);
  }
  link.addEventListener("click", leave);
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    var now = Date.now();
    if (now - lastEscape < 1000) leave(event);
    lastEscape = now;
  });
})();
