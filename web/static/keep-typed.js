// Half-typed answers survive a refresh: what is typed in the answer form is
// kept in this tab's sessionStorage (never sent anywhere) and put back when
// the page is shown again, until the form is sent. Without JavaScript or
// storage the form simply starts empty, as before.
(function () {
  "use strict";
  var form = document.getElementById("answer-form");
  if (!form) { return; }
  var store;
  try { store = window.sessionStorage; } catch (e) { return; }
  if (!store) { return; }
  var key = "quizgen:typed:" + window.location.pathname;
  function fields() {
    return form.querySelectorAll("input[type=text], select");
  }
  var saved = null;
  try { saved = JSON.parse(store.getItem(key) || "null"); } catch (e) { saved = null; }
  // What the server put back with a refused answer's message wins over the copy here.
  var fromServer = document.getElementById("answer-error") !== null;
  if (saved && typeof saved === "object" && !fromServer) {
    Array.prototype.forEach.call(fields(), function (el) {
      if (Object.prototype.hasOwnProperty.call(saved, el.name) && typeof saved[el.name] === "string") {
        el.value = saved[el.name];
      }
    });
  }
  function save() {
    var data = {};
    Array.prototype.forEach.call(fields(), function (el) { data[el.name] = el.value; });
    try { store.setItem(key, JSON.stringify(data)); } catch (e) { /* full or refused: nothing kept */ }
  }
  form.addEventListener("input", save);
  form.addEventListener("change", save);
  form.addEventListener("submit", function () { store.removeItem(key); });
})();
