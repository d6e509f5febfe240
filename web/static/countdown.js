// The time left before the deadline, counted down each second. The deadline
// itself stays written in the page: without JavaScript that is all there is.
// The server's clock decides, so the count starts from the server's "now".
(function () {
  "use strict";
  var box = document.getElementById("deadline");
  var wrap = document.getElementById("countdown");
  var out = document.getElementById("countdown-time");
  if (!box || !wrap || !out) { return; }
  var end = Date.parse(box.getAttribute("data-deadline"));
  var serverNow = Date.parse(box.getAttribute("data-now"));
  if (isNaN(end) || isNaN(serverNow)) { return; }
  var skew = serverNow - Date.now();
  var timer = null;
  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function tick() {
    var left = Math.max(0, Math.round((end - (Date.now() + skew)) / 1000));
    var h = Math.floor(left / 3600), m = Math.floor((left % 3600) / 60), s = left % 60;
    out.textContent = (h ? h + ":" + pad(m) : String(m)) + ":" + pad(s);
    if (left === 0) {
      wrap.className += " over";
      if (timer !== null) { window.clearInterval(timer); }
    }
  }
  tick();
  wrap.hidden = false;
  timer = window.setInterval(tick, 1000);
})();
