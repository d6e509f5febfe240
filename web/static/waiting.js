// The class waiting room asks every few seconds whether the session has opened,
// and goes to the quiz when it has. Without JavaScript, a "check again" link
// (in <noscript>) does the same by hand: the page never reloads by itself.
(function () {
  "use strict";
  var box = document.getElementById("waiting");
  if (!box || !window.fetch) { return; }
  var src = box.getAttribute("data-poll");
  var busy = false;
  function check() {
    if (busy || document.hidden) { return; }
    busy = true;
    // While the session waits, this address answers with this page; once open, with a redirect.
    fetch(src, { credentials: "same-origin", redirect: "manual", headers: { "Accept": "text/html" } })
      .then(function (r) {
        if (r.type === "opaqueredirect" || r.redirected) { window.location.assign(src); }
      })
      .catch(function () { /* offline for a moment: try again next time */ })
      .then(function () { busy = false; });
  }
  window.setInterval(check, 3000);
  document.addEventListener("visibilitychange", check);
})();
