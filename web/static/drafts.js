// Keyboard shortcuts and passage selection on the draft review page.
// Everything here is also a link or a form: the page works without it.
(function () {
  "use strict";
  var review = document.getElementById("review");
  if (!review) { return; }
  function typing(el) {
    var tag = el && el.tagName;
    return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || (el && el.isContentEditable);
  }
  function current() { return document.getElementById("current"); }
  function submit(selector) {
    var card = current();
    var form = card && card.querySelector(selector);
    if (form) { form.submit(); }
  }
  function follow(id) {
    var link = document.getElementById(id);
    if (link) { window.location.href = link.href; }
  }
  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) { return; }
    var actions = {
      a: function () { submit("form.js-accept"); },
      d: function () { submit("form.js-drop"); },
      j: function () { follow("next-question"); },
      k: function () { follow("prev-question"); },
      e: function () {
        var field = current() && current().querySelector("#edit-form textarea, #edit-form input[type=text]");
        if (field) { field.focus(); }
      }
    };
    var act = actions[event.key];
    if (act) { event.preventDefault(); act(); }
  });
  // A passage selected in the article becomes the evidence of a new question.
  var article = document.getElementById("article");
  var evidence = document.getElementById("new-evidence");
  if (article && evidence) {
    article.addEventListener("mouseup", function () {
      var text = String(window.getSelection ? window.getSelection() : "").trim();
      if (text) { evidence.value = text; }
    });
  }
  var mark = document.getElementById("evidence");
  var pane = article && article.parentNode;
  if (mark && pane && pane.scrollTo) {
    pane.scrollTop = Math.max(0, mark.offsetTop - pane.offsetTop - 80);
  }
})();
