// Refreshes the live part of a session dashboard every few seconds.
// Without JavaScript, a link (in <noscript>) reloads the page by hand: it never reloads by itself.
(function () {
  "use strict";
  var live = document.getElementById("live");
  if (!live || !window.fetch) { return; }
  var src = live.getAttribute("data-src");
  var busy = false;
  function refresh() {
    if (busy || document.hidden) { return; }
    busy = true;
    fetch(src, { credentials: "same-origin", headers: { "Accept": "text/html" } })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) {
        // Server-rendered, autoescaped HTML from this site.
        if (html !== null) { live.innerHTML = html; }
      })
      .catch(function () { /* offline for a moment: try again next time */ })
      .then(function () { busy = false; });
  }
  window.setInterval(refresh, 4000);
  document.addEventListener("visibilitychange", refresh);
})();
