// Refreshes the live part of a session dashboard every few seconds.
// Without JavaScript, a link (in <noscript>) reloads the page by hand: it never reloads by itself.
(function () {
  "use strict";
  var live = document.getElementById("live");
  if (!live || !window.fetch) { return; }
  var src = live.getAttribute("data-src");
  var busy = false;
  // The page is never cached (no-store), so the script keeps the fragment's
  // ETag itself: the server answers 304, without the fragment, when nothing changed.
  var etag = null;
  function refresh() {
    if (busy || document.hidden) { return; }
    busy = true;
    var headers = { "Accept": "text/html" };
    if (etag) { headers["If-None-Match"] = etag; }
    fetch(src, { credentials: "same-origin", headers: headers, cache: "no-store" })
      .then(function (r) {
        if (!r.ok) { return null; }  // 304 is not "ok": the page already shows it
        etag = r.headers.get("ETag");
        return r.text();
      })
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
