// Filters the list of the search page as the reader types. The list itself,
// made at build time, is the index: each item carries its folded text in
// data-k, so searching works from static files and offline.
(function () {
  "use strict";
  var input = document.getElementById("search-query");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  if (!input || !list) { return; }
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d")
      .toLowerCase().split(/\s+/).filter(Boolean);
  }
  var items = Array.prototype.slice.call(list.children);
  function run() {
    var words = fold(input.value);
    var phrase = words.join(" ");
    // The words as written, together, first ("ca mau" is a place, not "ca" and "mau" anywhere);
    // if nothing has them together, every word anywhere.
    var together = items.filter(function (item) { return item.getAttribute("data-k").indexOf(phrase) !== -1; });
    var matches = together.length > 0 ? together : items.filter(function (item) {
      var text = item.getAttribute("data-k");
      return words.every(function (w) { return text.indexOf(w) !== -1; });
    });
    var shown = 0;
    items.forEach(function (item) {
      var match = words.length === 0 || matches.indexOf(item) !== -1;
      item.hidden = !match;
      if (match) { shown += 1; }
    });
    status.textContent = words.length === 0 ? "" : (shown === 0 ? status.getAttribute("data-none") : String(shown));
  }
  var query = new URLSearchParams(location.search).get("q");
  if (query) { input.value = query; }
  input.addEventListener("input", run);
  input.form.addEventListener("submit", function (event) { event.preventDefault(); run(); });
  run();
})();
