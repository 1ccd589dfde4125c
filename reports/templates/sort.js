(function () {
  "use strict";
  var table = document.getElementById("articles");
  if (!table) { return; }
  var body = table.tBodies[0];
  var heads = table.tHead.rows[0].cells;
  function key(row, i, num) {
    var cell = row.cells[i];
    var v = cell.getAttribute("data-v");
    if (v === null) { v = cell.textContent.trim(); }
    if (!num) { return v.toLowerCase(); }
    var n = parseFloat(v);
    return isNaN(n) ? null : n;
  }
  function sortBy(col, dir) {
    var idx = -1, num = false;
    for (var i = 0; i < heads.length; i++) {
      var h = heads[i];
      if (h.getAttribute("data-key") === col) {
        idx = i;
        num = h.getAttribute("data-type") === "num";
        h.setAttribute("aria-sort", dir === "asc" ? "ascending" : "descending");
      } else {
        h.removeAttribute("aria-sort");
      }
    }
    if (idx < 0) { return; }
    var rows = Array.prototype.map.call(body.rows, function (r, j) {
      return [key(r, idx, num), j, r];
    });
    rows.sort(function (a, b) {
      if (a[0] === b[0]) { return a[1] - b[1]; }
      if (a[0] === null) { return 1; }
      if (b[0] === null) { return -1; }
      var c = a[0] < b[0] ? -1 : 1;
      return dir === "asc" ? c : -c;
    });
    var frag = document.createDocumentFragment();
    rows.forEach(function (x) { frag.appendChild(x[2]); });
    body.appendChild(frag);
    table.setAttribute("data-sorted", col + ":" + dir);
  }
  function fromHash() {
    var m = /sort=([\w-]+)(?::(asc|desc))?/.exec(location.hash);
    if (m) { sortBy(m[1], m[2] || "asc"); }
  }
  Array.prototype.forEach.call(heads, function (h) {
    var b = h.querySelector("button");
    if (!b) { return; }
    b.addEventListener("click", function () {
      var col = h.getAttribute("data-key");
      var cur = h.getAttribute("aria-sort");
      var dir = cur === "ascending" ? "desc" : "asc";
      location.hash = "sort=" + col + ":" + dir;
    });
  });
  var filter = document.getElementById("filter");
  if (filter) {
    filter.hidden = false;
    filter.addEventListener("input", function () {
      var q = filter.value.toLowerCase();
      Array.prototype.forEach.call(body.rows, function (r) {
        r.hidden = q !== "" && r.cells[0].textContent.toLowerCase().indexOf(q) < 0;
      });
    });
  }
  window.addEventListener("hashchange", fromHash);
  fromHash();
})();
