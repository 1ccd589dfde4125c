/* checker report pages: the shared script (article pages need none; they link every
 * finding and sentence with plain anchors). index.html: a paged table over
 * window.CHECKER_INDEX (index-data.js), sorted worst first, filtered by grade, status, rule,
 * genre, metadata columns and name, its state in the URL hash (#sort=score:desc&grade=F&p=2).
 * Every value from the audit is written with textContent, never parsed as markup. */
(function () {
  "use strict";
  var PAGE = 50;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }
  function fmt(v, kind) {
    if (v === null || v === undefined || v === "") { return "\u2014"; }
    if (kind === "pct") { return Math.round(100 * v) + "%"; }
    if (kind === "f1") { return (Math.round(v * 10) / 10).toFixed(1); }
    if (kind === "score") { return v === Math.round(v) ? String(v) : v.toFixed(1); }
    return Math.round(v).toLocaleString("en");
  }
  var GRADE = /^[A-F]$/;
  var STEM_OK = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

  function indexPage(D) {
    var table = document.getElementById("articles");
    if (!table || !D || !D.rows) { return; }
    var C = {};
    D.columns.forEach(function (c, i) { C[c] = i; });
    var rows = D.rows, rules = D.rules, body = table.tBodies[0];
    rows.forEach(function (r) {  // metadata: a list in D.meta's order -> an object by name
      var m = {}, v = r[C.meta];
      for (var i = 0; i < v.length; i++) { if (v[i] !== "") { m[D.meta[i]] = v[i]; } }
      r[C.meta] = m;
      if (r[C.id] === null) { r[C.id] = r[C.name]; }
    });
    var state = {};
    var count = document.getElementById("count");
    var pager = document.getElementById("pager");

    function parseHash() {
      var s = { sort: "score", dir: "asc", p: 1, f: Object.create(null) };
      location.hash.replace(/^#/, "").split("&").forEach(function (part) {
        var kv = part.split("="), k, v;
        if (kv.length < 2) { return; }
        try { k = decodeURIComponent(kv[0]); v = decodeURIComponent(kv.slice(1).join("=")); }
        catch (e) { return; }
        if (k === "sort") {
          var m = /^([\w.-]+)(?::(asc|desc))?$/.exec(v);
          if (m) { s.sort = m[1]; s.dir = m[2] || "asc"; }
        } else if (k === "p") { s.p = Math.max(1, parseInt(v, 10) || 1); }
        else if (v !== "") { s.f[k] = v; }
      });
      return s;
    }
    function toHash(s) {
      var parts = [];
      if (s.sort !== "score" || s.dir !== "asc") { parts.push("sort=" + s.sort + ":" + s.dir); }
      Object.keys(s.f).sort().forEach(function (k) {
        if (s.f[k] !== "") { parts.push(encodeURIComponent(k) + "=" + encodeURIComponent(s.f[k])); }
      });
      if (s.p > 1) { parts.push("p=" + s.p); }
      return parts.join("&");
    }
    function go(s) {
      var h = toHash(s);
      if (h === location.hash.replace(/^#/, "")) { render(); }
      else if (h === "" && history.replaceState) { history.replaceState(null, "", location.pathname + location.search); render(); }
      else { location.hash = h; }
    }

    function ruleCount(r, ri) {
      var a = r[C.rules];
      for (var i = 0; i < a.length; i += 2) { if (a[i] === ri) { return a[i + 1]; } }
      return 0;
    }
    function ruleIndex(id) {
      for (var i = 0; i < rules.length; i++) { if (rules[i].id === id) { return i; } }
      return -1;
    }
    function matches(r, f, ri) {
      for (var k in f) {
        var v = f[k];
        if (k === "grade") { if ((r[C.grade] || "none") !== v) { return false; } }
        else if (k === "status") { if (r[C.status] !== v) { return false; } }
        else if (k === "genre") { if (r[C.genre] !== v) { return false; } }
        else if (k === "rule") { if (ri < 0 || !ruleCount(r, ri)) { return false; } }
        else if (k === "q") {
          var q = v.toLowerCase();
          if (r[C.name].toLowerCase().indexOf(q) < 0 && String(r[C.id]).toLowerCase().indexOf(q) < 0) { return false; }
        } else if (k.indexOf("mc.") === 0) {
          if ((r[C.meta][k.slice(3)] || "").toLowerCase().indexOf(v.toLowerCase()) < 0) { return false; }
        } else if (k.indexOf("m.") === 0) {
          var mv = r[C.meta][k.slice(2)] || "";
          if (k.slice(2) === "month") { mv = monthOf(r[C.meta]); }
          if (mv !== v && !(v === "(none)" && mv === "")) { return false; }
        }
      }
      return true;
    }
    function monthOf(meta) {
      var keys = ["date", "published", "published_at", "pub_date", "publication_date", "datetime"];
      for (var i = 0; i < keys.length; i++) {
        var m = /^\s*(\d{4})[-/.](\d{1,2})(?:\D|$)/.exec(meta[keys[i]] || "");
        if (m && +m[2] >= 1 && +m[2] <= 12) { return m[1] + "-" + (m[2].length < 2 ? "0" : "") + m[2]; }
      }
      return "";
    }
    function keyOf(col) {
      if (col === "top") { return function (r) { return r[C.top] === null ? null : r[C.top_n]; }; }
      if (col.indexOf("m.") === 0) {
        var mk = col.slice(2);
        return function (r) { var v = r[C.meta][mk]; return v === undefined ? null : v.toLowerCase(); };
      }
      var i = C[col];
      if (i === undefined) { return null; }
      return function (r) {
        var v = r[i];
        if (v === "" || v === undefined) { return null; }
        return typeof v === "string" ? v.toLowerCase() : v;
      };
    }

    function cell(tr, text, cls) { var td = el("td", cls, text); tr.appendChild(td); return td; }
    function rowEl(r) {
      var tr = el("tr"), td = el("td", "name"), stem = r[C.page], ok = STEM_OK.test(stem);
      var a = el(ok ? "a" : "span", "", r[C.name]);
      if (ok) { a.setAttribute("href", "articles/" + stem + ".html"); }
      a.setAttribute("title", r[C.name]);
      td.appendChild(a);
      if (r[C.error]) { td.appendChild(el("div", "err", r[C.error])); }
      tr.appendChild(td);
      var st = el("span", "chip st-" + (/^(ok|warning|error)$/.test(r[C.status]) ? r[C.status] : "x"), r[C.status]);
      cell(tr, "").appendChild(st);
      cell(tr, fmt(r[C.score], "score"), "n");
      var g = r[C.grade], gtd = cell(tr, g ? "" : "\u2014");
      if (g) { gtd.appendChild(el("span", "g g-" + (GRADE.test(g) ? g.toLowerCase() : "none"), g)); }
      var top = cell(tr, "", "main-pb");
      if (r[C.top] !== null && rules[r[C.top]]) {
        var rule = rules[r[C.top]];
        var b = el("button", "rulelink", rule.id);
        b.type = "button";
        b.setAttribute("data-rule", rule.id);
        b.title = "Show only articles with " + rule.id + " " + rule.name;
        top.appendChild(b);
        top.appendChild(document.createTextNode(" " + rule.name + " \u00d7" + r[C.top_n]));
      } else { top.textContent = "\u2014"; }
      cell(tr, fmt(r[C.words]), "n");
      cell(tr, fmt(r[C.claims]), "n");
      cell(tr, fmt(r[C.unsourced]), "n");
      cell(tr, fmt(r[C.rate], "pct"), "n");
      cell(tr, fmt(r[C.hedges], "f1"), "n");
      cell(tr, fmt(r[C.mentions]), "n");
      cell(tr, fmt(r[C.anonymous]), "n");
      cell(tr, fmt(r[C.footnotes]), "n");
      cell(tr, fmt(r[C.findings]), "n");
      D.meta.forEach(function (k) { cell(tr, r[C.meta][k] || "", "meta"); });
      if (D.hasGenre) { cell(tr, r[C.genre] || ""); }
      return tr;
    }

    var order = null, orderKey = "";
    function render() {
      state = parseHash();
      var ri = state.f.rule ? ruleIndex(state.f.rule) : -1;
      var sk = state.sort + ":" + state.dir;
      if (orderKey !== sk) {
        var key = keyOf(state.sort) || keyOf("score");
        var keys = rows.map(function (r) { return key(r); });
        order = rows.map(function (_, i) { return i; });
        var sign = state.dir === "desc" ? -1 : 1;
        order.sort(function (a, b) {
          var x = keys[a], y = keys[b];
          if (x === y) { return a - b; }
          if (x === null) { return 1; }
          if (y === null) { return -1; }
          return (x < y ? -1 : 1) * sign;
        });
        orderKey = sk;
      }
      var hasF = Object.keys(state.f).length > 0, picked = order;
      if (hasF) { picked = order.filter(function (i) { return matches(rows[i], state.f, ri); }); }
      var pages = Math.max(1, Math.ceil(picked.length / PAGE));
      var p = Math.min(state.p, pages), start = (p - 1) * PAGE;
      var frag = document.createDocumentFragment();
      picked.slice(start, start + PAGE).forEach(function (i) { frag.appendChild(rowEl(rows[i])); });
      body.textContent = "";
      body.appendChild(frag);
      table.setAttribute("data-sorted", sk);
      table.setAttribute("data-shown", String(picked.length));
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (h) {
        if (h.getAttribute("data-key") === state.sort) {
          h.setAttribute("aria-sort", state.dir === "asc" ? "ascending" : "descending");
        } else { h.removeAttribute("aria-sort"); }
      });
      count.textContent = picked.length ? (start + 1).toLocaleString("en") + "\u2013" +
        Math.min(start + PAGE, picked.length).toLocaleString("en") + " of " +
        picked.length.toLocaleString("en") + (hasF ? " matching (of " + rows.length.toLocaleString("en") + ")" : "")
        : "No article matches these filters.";
      pager.querySelector("[data-go=prev]").disabled = p <= 1;
      pager.querySelector("[data-go=next]").disabled = p >= pages;
      pager.setAttribute("data-page", String(p));
      Array.prototype.forEach.call(document.querySelectorAll("[data-filter]"), function (s) {
        var v = state.f[s.getAttribute("data-filter")] || "";
        if (s.value !== v) { s.value = v; }
      });
      Array.prototype.forEach.call(document.querySelectorAll("[data-rule-bar]"), function (b) {
        b.classList.toggle("picked", b.getAttribute("data-rule-bar") === state.f.rule);
      });
      var clear = document.getElementById("clear");
      clear.hidden = !hasF;
      if (window.performance && performance.mark && !render.done) {
        render.done = true;
        performance.mark("checker-rows-shown");
      }
    }

    function setFilter(k, v) {
      var s = parseHash();
      if (v) { s.f[k] = v; } else { delete s.f[k]; }
      s.p = 1;
      go(s);
    }
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (h) {
      var b = h.querySelector("button");
      if (!b) { return; }
      b.addEventListener("click", function () {
        var s = parseHash(), col = h.getAttribute("data-key");
        s.dir = s.sort === col && s.dir === "asc" ? "desc" : "asc";
        if (s.sort !== col && h.getAttribute("data-first") === "desc") { s.dir = "desc"; }
        s.sort = col;
        s.p = 1;
        go(s);
      });
    });
    Array.prototype.forEach.call(document.querySelectorAll("[data-filter]"), function (s) {
      s.addEventListener(s.tagName === "INPUT" ? "input" : "change", function () {
        setFilter(s.getAttribute("data-filter"), s.value);
      });
    });
    document.addEventListener("click", function (ev) {
      var t = ev.target;
      while (t && t !== document) {
        if (t.getAttribute) {
          var rule = t.getAttribute("data-rule-bar") || t.getAttribute("data-rule");
          if (rule) {
            ev.preventDefault();
            setFilter("rule", parseHash().f.rule === rule && t.hasAttribute("data-rule-bar") ? "" : rule);
            document.getElementById("articles").scrollIntoView();
            return;
          }
          if (t.hasAttribute("data-group")) {
            ev.preventDefault();
            setFilter(t.getAttribute("data-group"), t.getAttribute("data-value"));
            document.getElementById("articles").scrollIntoView();
            return;
          }
        }
        t = t.parentNode;
      }
    });
    document.addEventListener("keydown", function (ev) {  // rule bars are buttons too
      var t = ev.target;
      if ((ev.key === "Enter" || ev.key === " ") && t.getAttribute && t.getAttribute("data-rule-bar")) {
        ev.preventDefault();
        t.dispatchEvent(new MouseEvent("click", { bubbles: true }));
      }
    });
    pager.addEventListener("click", function (ev) {
      var dir = ev.target.getAttribute && ev.target.getAttribute("data-go");
      if (!dir) { return; }
      var s = parseHash();
      s.p = Math.max(1, Number(pager.getAttribute("data-page")) + (dir === "next" ? 1 : -1));
      go(s);
    });
    document.getElementById("clear").addEventListener("click", function () {
      var s = parseHash();
      s.f = Object.create(null);
      s.p = 1;
      go(s);
    });
    window.addEventListener("hashchange", render);
    document.documentElement.classList.add("js");
    render();
  }

  indexPage(window.CHECKER_INDEX);
}());
