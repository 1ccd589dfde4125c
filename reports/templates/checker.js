/* checker report pages: the shared script of index.html and of every article page.
 * Article pages: the page carries its articles.jsonl line (deflated, base64), inflated and
 * drawn below, synchronously, before the page has finished loading (articlePage). index.html: a paged table over
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


  /* ---- article pages: the page carries its articles.jsonl record, deflated and in base64,
   * in <script id="checker-article">; it is drawn here into the same markup the report has
   * always had. Every value from the record becomes a text node or an attribute value. */
  var REGION_LABELS = { heading: "heading", byline: "byline", caption: "caption",
    boilerplate: "boilerplate", references: "source list", unsegmented: "not segmented" };
  var HEDGE_LABELS = { epistemic: ["uncertain", "may, probably, could"],
    reportative: ["hearsay", "reportedly, allegedly"], weasel: ["weasel", "some say, experts believe"],
    approximator: ["vague amount", "about, roughly, many"], booster: ["overconfident", "clearly, undoubtedly"] };
  var UNRATED = "unrated";

  function h(tag, attrs, kids) {  // an element; kids: strings (as text), nodes, arrays, null
    var e = document.createElement(tag);
    if (attrs) { for (var k in attrs) { if (attrs[k] !== null && attrs[k] !== undefined && attrs[k] !== "") { e.setAttribute(k, String(attrs[k])); } } }
    add(e, kids);
    return e;
  }
  function add(e, kids) {
    if (kids === null || kids === undefined || kids === false) { return e; }
    if (Array.isArray(kids)) { kids.forEach(function (k) { add(e, k); }); return e; }
    e.appendChild(typeof kids === "object" ? kids : document.createTextNode(String(kids)));
    return e;
  }
  function own(o, k) { return o && Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined; }
  function cssClass(v) { return String(v).replace(/[^A-Za-z0-9_-]+/g, "-").replace(/^-+|-+$/g, "") || "x"; }
  function safeUrl(u) {
    var t = String(u === null || u === undefined ? "" : u).trim();
    return /^https?:\/\//i.test(t) && !/["'<> ]/.test(t) ? t : "";
  }
  function isInt(v) { return typeof v === "number" && Math.floor(v) === v && isFinite(v); }
  function num(v) { return typeof v === "number" && isFinite(v) ? v : null; }
  function fixed(v, d) {  // as Python formats a float: an exact tie rounds to even
    var s = Math.abs(v).toFixed(d + 40), head = s.slice(0, s.length - 40);
    if (/^50*$/.test(s.slice(s.length - 40)) && +head.replace(".", "").slice(-1) % 2 === 0) {
      return (v < 0 ? "-" : "") + head.replace(/\.$/, "");
    }
    return v.toFixed(d);
  }
  function fmtScore(v) { v = num(v); return v === null ? "\u2014" : v === Math.round(v) ? String(v) : fixed(v, 1); }
  function fmtMetric(value, kind) {
    var v = num(value);
    if (v === null) { return value === null || value === undefined || value === "" ? "\u2014" : String(value); }
    if (kind === "pct") { return fixed(v <= 1 ? 100 * v : v, 0) + "%"; }
    if (kind === "int" || ((kind || "auto") === "auto" && v === Math.trunc(v))) { return Math.trunc(v).toLocaleString("en"); }
    if (kind === "f1") { return fixed(v, 1); }
    return fixed(v, 2);
  }
  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }
  function natural(a, b) {
    var na = /^[0-9]{1,18}$/.test(a), nb = /^[0-9]{1,18}$/.test(b);
    if (na && nb) { return Number(a) - Number(b); }
    if (na !== nb) { return na ? -1 : 1; }
    return a < b ? -1 : a > b ? 1 : 0;
  }

  /* Offsets in a record count code points (Python's str); JavaScript's count UTF-16 units:
   * `at` maps one to the other (the identity for text with no character beyond U+FFFF). */
  function offsetMap(text) {
    if (!/[\uD800-\uDFFF]/.test(text)) { return function (i) { return i; }; }
    var map = [], i = 0;
    while (i < text.length) {
      map.push(i);
      var c = text.charCodeAt(i);
      i += c >= 0xD800 && c <= 0xDBFF && i + 1 < text.length ? 2 : 1;
    }
    map.push(text.length);
    return function (k) { return k >= map.length ? text.length : map[k]; };
  }

  function Doc(rec) {  // the record with its spans in UTF-16 offsets
    this.rec = rec;
    this.text = typeof rec.text === "string" ? rec.text : "";
    this.at = offsetMap(this.text);
  }
  Doc.prototype.span = function (o) {
    if (!o || typeof o !== "object" || !isInt(o.start) || !isInt(o.end) || o.start < 0 || o.start >= o.end) { return null; }
    return [this.at(o.start), this.at(o.end)];
  };
  Doc.prototype.list = function (k) { var v = this.rec[k]; return Array.isArray(v) ? v : []; };
  Doc.prototype.line = function (o) {  // a finding's line: its own, else that of its start
    if (isInt(o.line)) { return o.line; }
    if (!isInt(o.start)) { return null; }
    var t = this.text.slice(0, this.at(o.start)), n = 1;
    for (var i = t.indexOf("\n"); i >= 0; i = t.indexOf("\n", i + 1)) { n++; }
    return n;
  };
  Doc.prototype.slice = function (o) {
    if (typeof o.text === "string") { return o.text; }
    var sp = this.span(o);
    return sp ? this.text.slice(sp[0], sp[1]) : "";
  };

  function mark(sp, classes, o) {
    o = o || {};
    return { s: sp[0], e: sp[1], classes: classes, title: o.title || "", anchor: o.anchor || "",
      href: o.href || "", paint: o.paint || "", boxed: !!o.boxed };
  }

  var MD_HEADING = /^(#{1,6})[ \t]+/gm;
  var MD_BULLET = /^[ \t]*([-*+])[ \t]+(?=\S)/gm;
  /* Links, bold (** or __) and italic (* or _) are found without regex lookbehind, which
   * Safari before 16.4 cannot parse (it would refuse the whole script): the character before
   * a match is tested in code. Bold and italic are each one left-to-right pass, linear in the
   * text (a regex with a lazy (.+?) is quadratic on a long line). A run: a delimiter D not
   * after a letter, digit, "*" or "_"; one line of text that starts and ends with a character
   * F; then D again, not before a letter, digit, "*" or "_"; the shortest such run, from the
   * left (F: not a space for bold; not a space, "*" or "_" for italic). */
  var MD_LINK = /\[([^[\]\n]{1,300})\]\(([^()\s]{1,2000})\)/g;  // not after "!" (an image)
  var MD_WORD = /[*\p{L}\p{N}_]/u;  // tested on one character (a class before "$" can miss
  // a character beyond U+FFFF in some V8 builds)
  var MD_SPACE = /\s/, MD_DELIM = /[*_]/g, MD_LINE_END = /[\n\r\u2028\u2029]/g;

  function each(rx, text, fn) { rx.lastIndex = 0; var m; while ((m = rx.exec(text)) !== null) { fn(m); if (m[0] === "") { rx.lastIndex++; } } }

  /* [start, end] of each emphasis run of delimiters d chars long ("**"/"__" or "*"/"_"), in
   * order; edge(c): may c be the first or last character inside the delimiters. Openings are
   * tried left to right; the next closing delimiter and the next line end are each searched
   * forward from where the last search ended, so that no character is looked at twice. */
  function emphasisRuns(text, d, edge) {
    var n = text.length, runs = [], found = { "*": -1, "_": -1 }, lineEnd = -1;
    function delim(i) {
      var c = text.charAt(i);
      return (c === "*" || c === "_") && (d === 1 || text.charAt(i + 1) === c) ? c : "";
    }
    function pair(i) {  // do the UTF-16 units at i and i + 1 make one character?
      var a = text.charCodeAt(i), b = text.charCodeAt(i + 1);
      return a >= 0xD800 && a <= 0xDBFF && b >= 0xDC00 && b <= 0xDFFF;
    }
    function wordAt(i) { return i < n && MD_WORD.test(text.slice(i, pair(i) ? i + 2 : i + 1)); }
    function wordBefore(i) { return i > 0 && MD_WORD.test(text.slice(i > 1 && pair(i - 2) ? i - 2 : i - 1, i)); }
    function closing(c, k) {  // the first closing delimiter c at k or after (n if none); k grows
      if (found[c] >= k) { return found[c]; }
      for (var j = text.indexOf(c, k); ; j = text.indexOf(c, j + 1)) {
        if (j < 0) { return (found[c] = n); }
        if (delim(j) === c && edge(text.charAt(j - 1)) && !wordAt(j + d)) { return (found[c] = j); }
      }
    }
    function lineEndFrom(k) {  // the first line end at k or after (n if none); k grows
      if (lineEnd < k) {
        MD_LINE_END.lastIndex = k;
        var m = MD_LINE_END.exec(text);
        lineEnd = m ? m.index : n;
      }
      return lineEnd;
    }
    for (var i = 0; i + d < n; i++) {
      MD_DELIM.lastIndex = i;
      var m = MD_DELIM.exec(text);
      if (!m) { break; }
      i = m.index;
      var o = delim(i);
      if (!o || i + d >= n || !edge(text.charAt(i + d)) || wordBefore(i)) { continue; }
      var j = closing(o, i + d + 1);
      if (j < n && j < lineEndFrom(i + d)) {
        runs.push([i, j + d]);
        i = j + d - 1;
      }
    }
    return runs;
  }

  function markdownMarks(text) {
    var marks = [];
    [MD_HEADING, MD_BULLET].forEach(function (rx) {
      each(rx, text, function (m) { marks.push(mark([m.index, m.index + m[0].length], ["md"])); });
    });
    each(MD_LINK, text, function (m) {
      if (text.charAt(m.index - 1) === "!") { MD_LINK.lastIndex = m.index + 1; return; }
      var url = safeUrl(m[2]), s = m.index + 1, e = s + m[1].length;
      marks.push(mark([s, e], ["md-a"], { title: url, href: url }));
      marks.push(mark([m.index, s], ["md"]));
      marks.push(mark([e, m.index + m[0].length], ["md"]));
    });
    function emphasis(runs, d, cls) {
      runs.forEach(function (r) {
        marks.push(mark([r[0] + d, r[1] - d], [cls]));
        marks.push(mark([r[0], r[0] + d], ["md"]));
        marks.push(mark([r[1] - d, r[1]], ["md"]));
      });
    }
    var bold = emphasisRuns(text, 2, function (c) { return c !== "" && !MD_SPACE.test(c); });
    var italic = emphasisRuns(text, 1, function (c) { return c !== "" && c !== "*" && c !== "_" && !MD_SPACE.test(c); });
    var b = 0;  // italic inside or across bold is left as it is (both lists are in order)
    italic = italic.filter(function (r) {
      while (b < bold.length && bold[b][1] <= r[0]) { b++; }
      return !(b < bold.length && bold[b][0] < r[1]);
    });
    emphasis(bold, 2, "md-b");
    emphasis(italic, 1, "md-i");
    return marks;
  }

  function articleMarks(doc, rules, number) {
    var marks = doc.rec.format === "markdown" ? markdownMarks(doc.text) : [];
    doc.list("quotes").forEach(function (q) { var sp = doc.span(q); if (sp) { marks.push(mark(sp, ["q"])); } });
    doc.list("attributions").forEach(function (a) {
      if (!a || typeof a !== "object") { return; }
      var name = String(a.source_name || ""), kind = String(a.source_kind || "");
      var sp = doc.span(a.source);
      if (sp) { marks.push(mark(sp, ["a-src"], { title: name + (kind ? " (" + kind + ")" : "") })); }
      sp = doc.span(a.cue);
      if (sp) { marks.push(mark(sp, ["a-cue"])); }
      (Array.isArray(a.content) ? a.content : []).forEach(function (c) {
        var cs = doc.span(c);
        if (cs) { marks.push(mark(cs, ["a-con"])); }
      });
    });
    doc.list("hedges").forEach(function (hd) {
      var sp = doc.span(hd);
      if (!sp) { return; }
      var cat = String(hd.category || "other"), speaker = String(hd.speaker || "");
      var own = !!hd.flagged && !speaker;  // a missing key is false (the compact form)
      var classes = ["h", "h-" + cssClass(cat)].concat(own ? [] : ["h-spk"]);
      var who = own ? "author's hedge" : "speaker's hedge (" + (speaker || "quoted") + ")";
      marks.push(mark(sp, classes, { title: "Hedge: " + cat + ", " + who, boxed: true }));
    });
    doc.list("findings").forEach(function (f, k) {
      var sp = doc.span(f);
      if (!sp) { return; }
      var rid = String(f.id || ""), rule = own(rules, rid) || {};
      var sev = String(f.severity || rule.severity || "warning");
      var n = number[k];
      marks.push(mark(sp, ["f", "r-" + cssClass(rid)].concat(sev === "error" ? ["sev-error"] : []), {
        title: n ? "" : rid + " " + String(f.rule || rule.name || ""),
        anchor: isInt(f.sentence) ? "" : "f-" + k, paint: "bg-" + cssClass(rid) }));
    });
    var fn = doc.rec.footnotes || {}, defs = fn.definitions || {}, seen = Object.create(null);
    (Array.isArray(fn.markers) ? fn.markers : []).forEach(function (m) {
      var sp = doc.span(m);
      if (!sp) { return; }
      var numb = String(m.number);
      seen[numb] = (seen[numb] || 0) + 1;
      var anchor = "fnref-" + cssClass(numb) + "-" + seen[numb];
      if (Object.prototype.hasOwnProperty.call(defs, numb)) {
        marks.push(mark(sp, ["fn"], { title: "Footnote " + numb + ": " + ((defs[numb] || {}).text || ""),
          anchor: anchor, href: "#fn-" + cssClass(numb) }));
      } else {
        marks.push(mark(sp, ["fn", "fn-dangling"], { title: "Footnote " + numb + ": no source listed for this marker",
          anchor: anchor, href: "#footnotes" }));
      }
    });
    Object.keys(defs).forEach(function (numb) {
      var sp = doc.span(defs[numb]);
      if (sp) { marks.push(mark(sp, ["fn-def"], { anchor: "fndef-" + cssClass(numb) })); }
    });
    return marks;
  }

  /* The text cut at every span boundary; each segment lists the spans covering it. */
  function splitSegments(n, spans) {
    var opens = {}, closes = {}, bounds = [0, n];
    spans.forEach(function (sp, i) {
      var s = Math.max(sp[0], 0), e = Math.min(sp[1], n);
      if (s >= e) { return; }
      (opens[s] = opens[s] || []).push(i);
      (closes[e] = closes[e] || []).push(i);
      bounds.push(s, e);
    });
    bounds.sort(function (a, b) { return a - b; });
    var points = [];
    bounds.forEach(function (b) { if (points[points.length - 1] !== b) { points.push(b); } });
    var active = {}, covers = [], segs = [];
    for (var i = 0; i + 1 < points.length; i++) {
      var a = points[i], cl = closes[a], op = opens[a];
      if (cl || op) {
        if (cl) { cl.forEach(function (k) { delete active[k]; }); }
        if (op) { op.forEach(function (k) { active[k] = true; }); }
        covers = Object.keys(active).map(Number).sort(function (x, y) { return x - y; });
      }
      segs.push({ s: a, e: points[i + 1], covers: covers });
    }
    return segs;
  }

  function piece(text, seg, covering) {
    var p = { text: text.slice(seg.s, seg.e), classes: "", title: "", href: "", anchors: [] };
    if (!covering.length) { return p; }
    var classes = [];
    function push(c) { if (classes.indexOf(c) < 0) { classes.push(c); } }
    covering.forEach(function (m) {
      if (m.anchor && m.s === seg.s) { p.anchors.push(m.anchor); }
      m.classes.forEach(push);
      if (m.boxed) { if (seg.s > m.s) { push("cl"); } if (seg.e < m.e) { push("cr"); } }
    });
    var painted = covering.filter(function (m) { return m.paint; });
    if (painted.length) {
      var best = painted[0];
      painted.forEach(function (m) { if (m.e - m.s < best.e - best.s) { best = m; } });
      if (painted.some(function (m) { return m.paint !== best.paint; })) { classes.push(best.paint, "f-multi"); }
      else if (classes.indexOf("r-" + best.paint.slice(3)) < 0) { classes.push(best.paint); }
    }
    var titles = [];
    covering.forEach(function (m) { if (m.title && m.s === seg.s && titles.indexOf(m.title) < 0) { titles.push(m.title); } });
    p.classes = classes.join(" ");
    p.title = titles.join("\n");
    covering.some(function (m) { if (m.href) { p.href = m.href; return true; } return false; });
    return p;
  }

  function blocksWithGaps(doc) {
    var text = doc.text, n = text.length, blocks = [], full = [];
    doc.list("blocks").forEach(function (b) { var sp = doc.span(b); if (sp) { blocks.push({ b: b, s: sp[0], e: sp[1] }); } });
    blocks.sort(function (x, y) { return x.s - y.s || x.e - y.e; });
    if (!blocks.length && text.trim()) { blocks = [{ b: { region: "body" }, s: 0, e: n }]; }
    function gap(a, z) {
      var chunk = text.slice(a, z);
      if (!chunk.trim()) { return; }
      a += chunk.length - chunk.replace(/^\s+/, "").length;
      z -= chunk.length - chunk.replace(/\s+$/, "").length;
      full.push({ b: { region: "unsegmented" }, s: a, e: z });
    }
    var pos = 0;
    blocks.forEach(function (x) {
      var s = Math.min(Math.max(x.s, pos), n), e = Math.min(x.e, n);
      if (s > pos) { gap(pos, s); pos = s; }
      if (e > s) { full.push({ b: x.b, s: s, e: e }); pos = e; }
    });
    gap(pos, n);
    return full;
  }

  function buildParagraphs(doc, marks) {
    var text = doc.text, full = blocksWithGaps(doc), windows = [], paragraphs = [], emitted = {};
    var sentences = [];
    doc.list("sentences").forEach(function (s, i) {
      var sp = doc.span(s);
      if (sp) { sentences.push({ s: sp[0], e: sp[1], index: isInt(s.index) ? s.index : i, claim: !!s.is_claim }); }
    });
    sentences.sort(function (x, y) { return x.s - y.s; });
    var md = doc.rec.format === "markdown", si = 0;
    full.forEach(function (blk) {
      var bs = blk.s, be = blk.e, runs = [], pos = bs;
      function run(sentence, a, z) { var r = { sentence: sentence, pieces: [], refs: [] }; windows.push([r, a, z]); runs.push(r); }
      while (si < sentences.length && sentences[si].e <= bs) { si++; }
      while (si < sentences.length && sentences[si].s < be) {
        var st = sentences[si], ss = Math.max(st.s, pos), se = Math.min(st.e, be);
        if (ss > pos) { run(null, pos, ss); }
        if (se > ss) { run(emitted[st.index] ? null : st.index, ss, se); emitted[st.index] = true; pos = se; }
        if (st.e > be) { break; }
        si++;
      }
      if (pos < be) { run(null, pos, be); }
      var hm = md ? /^(#{1,6})[ \t]+/.exec(text.slice(bs, be)) : null;
      paragraphs.push({ region: String(blk.b.region || "body"), reason: String(blk.b.reason || ""),
        runs: runs, bullet: !!blk.b.bullet, level: hm ? hm[1].length : 0 });
    });
    var spans = marks.map(function (m) { return [m.s, m.e]; });
    windows.forEach(function (w) { spans.push([w[1], w[2]]); });
    var segs = splitSegments(text.length, spans), nm = marks.length, i = 0;
    windows.sort(function (x, y) { return x[1] - y[1]; });
    windows.forEach(function (w) {
      while (i < segs.length && segs[i].s < w[1]) { i++; }
      for (var j = i; j < segs.length && segs[j].s < w[2]; j++) {
        var cov = [];
        segs[j].covers.forEach(function (k) { if (k < nm) { cov.push(marks[k]); } });
        w[0].pieces.push(piece(text, segs[j], cov));
      }
    });
    return paragraphs;
  }

  function runsInto(div, runs) {
    runs.forEach(function (r) {
      var box = div;
      if (r.sentence !== null) { box = h("span", { id: "s-" + r.sentence }); div.appendChild(box); }
      r.pieces.forEach(function (p) {
        p.anchors.forEach(function (an) { box.appendChild(h("a", { "class": "anc", id: an })); });
        if (p.href) { box.appendChild(h("a", { href: p.href, "class": p.classes, title: p.title }, p.text)); }
        else if (p.classes) { box.appendChild(h("span", { "class": p.classes, title: p.title }, p.text)); }
        else { box.appendChild(document.createTextNode(p.text)); }
      });
      if (r.sentence !== null) {
        r.refs.forEach(function (n) { box.appendChild(h("a", { "class": "fl", href: "#fi-" + n }, String(n))); });
      }
    });
  }

  function shorten(text, limit) {
    text = text.split(/\s+/).filter(Boolean).join(" ");
    return text.length <= limit ? text : text.slice(0, limit - 1).replace(/\s+$/, "") + "\u2026";
  }

  function findingsPanel(doc, rules) {
    var out = doc.list("findings").map(function (f, k) {
      var rid = String(f.id || ""), sent = isInt(f.sentence) ? f.sentence : null;
      return { id: rid, cls: cssClass(rid), rule: f.rule || (own(rules, rid) || {}).name || "",
        severity: String(f.severity || "warning"), message: f.message || "",
        text: shorten(doc.slice(f), 70), line: doc.line(f),
        href: sent !== null ? "#s-" + sent : doc.span(f) ? "#f-" + k : "",
        order: isInt(f.start) ? f.start : 1e15, k: k, sentence: sent };
    });
    out.sort(function (a, b) { return a.order - b.order || a.k - b.k; });
    out.forEach(function (f, i) { f.n = i + 1; });
    return out;
  }

  function sourcesPanel(doc) {
    var groups = Object.create(null), list = [];
    doc.list("sources").forEach(function (src) {
      var name = String(src.name || "(unnamed)"), kind = String(src.kind || "");
      var key = name.toLowerCase() + "\u0000" + kind, g = groups[key];
      if (!g) {
        g = groups[key] = { name: name, kind: kind, count: 0, roles: [], cues: [], footnotes: [],
          domain: "", url: "", rating: null, rating_source: "", rating_label: "", percentile: null,
          unrated: false, sentences: [] };
        list.push(g);
      }
      g.count++;
      [["roles", src.role], ["cues", src.cue]].forEach(function (kv) {
        if (kv[1] && g[kv[0]].indexOf(String(kv[1])) < 0) { g[kv[0]].push(String(kv[1])); }
      });
      var fn = src.footnote;
      if (fn !== null && fn !== undefined && fn !== "" && g.footnotes.indexOf(String(fn)) < 0) { g.footnotes.push(String(fn)); }
      g.domain = g.domain || String(src.domain || "");
      g.url = g.url || safeUrl(src.url);
      ["rating", "percentile"].forEach(function (k) { if (g[k] === null && num(src[k]) !== null) { g[k] = src[k]; } });
      ["rating_source", "rating_label"].forEach(function (k) { g[k] = g[k] || String(src[k] || ""); });
      if (g.rating_label === UNRATED) { g.rating_label = ""; g.unrated = true; }
      if (isInt(src.sentence) && g.sentences.indexOf(src.sentence) < 0) { g.sentences.push(src.sentence); }
    });
    list.forEach(function (g) { g.unrated = g.unrated && g.rating === null && !g.rating_label; });
    list.sort(function (a, b) {
      var x = a.name.toLowerCase(), y = b.name.toLowerCase();
      return b.count - a.count || (x < y ? -1 : x > y ? 1 : 0);
    });
    return list;
  }

  function sourceCounts(sources) {
    var c = { distinct: 0, anon: 0, mentions: 0, anonMentions: 0 };
    sources.forEach(function (g) {
      var anon = g.kind === "anonymous";
      c.distinct++; c.mentions += g.count;
      if (anon) { c.anon++; c.anonMentions += g.count; }
    });
    return c;
  }

  function footnotesPanel(doc) {
    var fn = doc.rec.footnotes || {}, defs = fn.definitions || {}, refs = Object.create(null);
    (Array.isArray(fn.markers) ? fn.markers : []).forEach(function (m) {
      var n = String(m.number), r = refs[n] = refs[n] || [];
      r.push({ anchor: "fnref-" + cssClass(n) + "-" + (r.length + 1), sentence: isInt(m.sentence) ? m.sentence : null });
    });
    var entries = Object.keys(defs).sort(natural).map(function (n) {
      var d = defs[n] || {};
      return { number: n, id: "fn-" + cssClass(n), text: d.text || "", url: safeUrl(d.url),
        raw: safeUrl(d.url) ? "" : String(d.url || ""), refs: refs[n] || [] };
    });
    var dangling = Object.create(null);
    (Array.isArray(fn.dangling) ? fn.dangling : []).forEach(function (d) { dangling[String(d)] = true; });
    Object.keys(refs).forEach(function (n) { if (!Object.prototype.hasOwnProperty.call(defs, n)) { dangling[n] = true; } });
    return { entries: entries, markers: Object.keys(refs).reduce(function (t, n) { return t + refs[n].length; }, 0),
      dangling: Object.keys(dangling).sort(natural).map(function (n) { return { number: n, refs: refs[n] || [] }; }) };
  }

  var KEY_METRICS = [["words", "Words", "int"], ["claims", "Claims", "int"],
    ["unsourced_claims", "Unsourced claims", "int"], ["attribution_rate", "Claims attributed", "pct"],
    ["hedges_per_100_words", "Hedges / 100 words", "f1"], ["quotes", "Quotations", "int"],
    ["footnote_markers", "Footnote markers", "int"], ["dangling_footnotes", "Dangling footnotes", "int"],
    ["flesch_reading_ease", "Reading ease", "f1"]];

  function keyMetrics(metrics, sources) {
    var out = [];
    KEY_METRICS.forEach(function (m) {
      if (Object.prototype.hasOwnProperty.call(metrics, m[0])) { out.push([fmtMetric(metrics[m[0]], m[2]), m[1], ""]); }
    });
    if (sources.length || Object.prototype.hasOwnProperty.call(metrics, "anonymous_sources")) {
      var c = sourceCounts(sources), at = Math.min(5, out.length);
      out.splice(at, 0, [fmtMetric(c.distinct, "int"), "Sources cited", (c.distinct - c.anon) + " named, " + c.anon + " anonymous"],
        [fmtMetric(c.mentions, "int"), "Source mentions", (c.mentions - c.anonMentions) + " named, " + c.anonMentions + " anonymous"]);
    }
    return out;
  }

  function gradeClass(g) { var c = String(g || "").toUpperCase().charAt(0); return /[A-F]/.test(c) && c ? c.toLowerCase() : "none"; }

  function header(a, m) {
    var genre = String(a.genre || m.genre || ""), conf = num(m.genre_confidence), fs = Array.isArray(a.findings) ? a.findings.length : 0;
    var sub = [h("span", { "class": "chip st-" + cssClass(a.status || "ok") }, String(a.status || "ok"))];
    if (a.format) { sub.push(" \u00b7 " + a.format); }
    if (genre) {
      sub.push(" \u00b7 ", h("span", { "class": "genre", title: "Genre" + (conf !== null ? ", confidence " + conf : "") },
        "genre: " + genre + (conf !== null && conf < 1 ? " (" + fixed(100 * conf, 0) + "%)" : "")));
    }
    if (m.words !== undefined && m.words !== null) { sub.push(" \u00b7 " + fmtMetric(m.words) + " words"); }
    if (fs) { sub.push(" \u00b7 " + plural(fs, "finding")); }
    (Array.isArray(a.warnings) ? a.warnings : []).forEach(function (w) { sub.push(" \u00b7 ", h("span", { title: "loader warning" }, "\u26a0 " + w)); });
    return h("header", { "class": "top" }, h("div", { "class": "wrap" }, [
      h("a", { href: "../index.html", title: "Back to the audit overview" }, "\u2190 All articles"),
      h("div", { "class": "grow" }, [h("h1", null, String(a.article || "")), h("div", { "class": "sub" }, sub)]),
      h("div", { "class": "scorebox", title: "Sourcing score out of 100 and letter grade" }, [
        h("span", { "class": "g g-" + gradeClass(a.grade) }, a.grade || "\u2014"),
        h("div", null, [h("div", { "class": "num" }, fmtScore(a.score)), h("div", { "class": "of" }, "score / 100")])])]));
  }

  function legend(doc, findings, rules, sources, footnotes, paragraphs) {
    var counts = Object.create(null), ids = [];
    findings.forEach(function (f) { if (!counts[f.id]) { counts[f.id] = 0; ids.push(f.id); } counts[f.id]++; });
    ids.sort();
    var out = [h("h2", null, "How to read this page")];
    if (ids.length) {
      out.push(h("h3", null, "Findings (background colour)"), h("ul", null, ids.map(function (rid) {
        var r = own(rules, rid) || {}, name = r.name;
        if (!name) { findings.some(function (f) { if (f.id === rid) { name = f.rule; return true; } return false; }); }
        return h("li", { title: r.summary || "" }, [h("span", { "class": "sw bg-" + cssClass(rid) }),
          h("span", null, [h("code", null, rid), " " + (name || "")]), h("span", { "class": "n" }, String(counts[rid]))]);
      })));
    }
    var hasAttr = doc.list("attributions").length > 0, hasQuotes = doc.list("quotes").length > 0;
    if (hasAttr || hasQuotes) {
      var chips = [];
      if (hasAttr) {
        [["a-src", "source"], ["a-cue", "cue"], ["a-con", "attributed words"]].forEach(function (x) {
          chips.push(h("li", null, h("span", { "class": "ex" }, h("span", { "class": x[0] }, x[1]))));
        });
      }
      if (hasQuotes) { chips.push(h("li", null, h("span", { "class": "ex q" }, "\u201cquotation\u201d"))); }
      out.push(h("h3", null, "Who said what"), h("ul", { "class": "chips" }, chips));
    }
    var hedges = doc.list("hedges"), cats = Object.create(null);
    hedges.forEach(function (x) { var c = String(x.category || "other"); cats[c] = (cats[c] || 0) + 1; });
    var catNames = Object.keys(cats).sort();
    if (catNames.length) {
      out.push(h("h3", null, "Hedges (box colour)"), h("ul", { "class": "grid2" }, catNames.map(function (c) {
        var lab = own(HEDGE_LABELS, c) || [c, ""];
        return h("li", { title: c + " hedge" }, [h("span", { "class": "ex" }, h("span", { "class": "h h-" + cssClass(c) }, lab[0])), h("small", null, lab[1])]);
      })));
      var note = h("p", { "class": "note" }, [h("span", { "class": "ex" }, h("span", { "class": "h" }, "solid")), " the author's hedge"]);
      if (hedges.some(function (x) { return x.speaker || !x.flagged; })) {
        add(note, [" \u00a0", h("span", { "class": "ex" }, h("span", { "class": "h h-spk" }, "dashed")), " a quoted speaker's (not flagged)"]);
      }
      out.push(note);
    }
    var other = [];
    if (footnotes.markers) { other.push(h("li", null, [h("span", { "class": "ex" }, h("a", { "class": "fn" }, "1")), "footnote \u2192 source"])); }
    if (footnotes.dangling.length) { other.push(h("li", null, [h("span", { "class": "ex" }, h("a", { "class": "fn fn-dangling" }, "9")), "no source listed"])); }
    if (paragraphs.some(function (p) { return p.region !== "body"; })) { other.push(h("li", null, [h("span", { "class": "ex skipped" }, "grey"), "not analysed"])); }
    if (findings.length) { other.push(h("li", null, [h("span", { "class": "ex" }, h("a", { "class": "fl" }, "3")), "finding 3 is on this sentence"])); }
    other.push(h("li", null, [h("span", { "class": "ex tgt" }, "outline"), "sentence you jumped to"]));
    out.push(h("h3", null, "Other marks"), h("ul", { "class": "chips" }, other));
    if (sources.some(function (s) { return s.unrated || s.rating_label || s.rating !== null; })) {
      out.push(h("h3", null, "Ratings"), h("p", { "class": "note" }, ["A rating comes from the installed rating sets. ",
        h("b", null, "unrated"), ": an outlet or website that no installed set lists. ", h("b", null, "\u2014"),
        ": not an outlet or website (people, organisations and anonymous sources are not rated)."]));
    }
    return h("section", { "class": "card legend", "aria-label": "Legend" }, out);
  }

  function findingsCard(findings) {
    var out = [h("h2", null, ["Findings ", h("small", null, "(" + findings.length + ")")])];
    if (!findings.length) { out.push(h("p", { "class": "muted" }, "No findings.")); }
    else {
      var sev = Object.create(null);
      findings.forEach(function (f) { sev[f.severity] = (sev[f.severity] || 0) + 1; });
      out.push(h("div", { "class": "counts" }, ["error", "warning", "suggestion"].filter(function (s) { return sev[s]; }).map(function (s) {
        return h("span", { "class": "sev sev-t-" + s }, plural(sev[s], s));
      })));
      out.push(h("ol", { "class": "flist", id: "flist" }, findings.map(function (f) {
        return h("li", { id: "fi-" + f.n }, h("a", { href: f.href }, [
          h("div", { "class": "hd" }, [h("b", null, String(f.n)), h("span", { "class": "sw bg-" + f.cls }), h("code", null, f.id), " " + f.rule + " ",
            h("span", { "class": "sev sev-t-" + cssClass(f.severity) }, f.severity), f.line ? h("span", { "class": "loc" }, "line " + f.line) : null]),
          h("div", { "class": "msg" }, String(f.message)), f.text ? h("div", { "class": "quote" }, "\u201c" + f.text + "\u201d") : null]));
      })));
    }
    return h("section", { "class": "card findings-card", "aria-label": "Findings" }, out);
  }

  function breakdownCard(a) {
    var comps = (Array.isArray(a.score_breakdown) ? a.score_breakdown : []).filter(function (c) { return c && typeof c === "object"; });
    var out = [h("h2", null, "Score breakdown")], score = num(a.score);
    if (comps.length) {
      var pts = comps.map(function (c) { return num(c.points); });
      var biggest = Math.max.apply(null, pts.map(function (p) { return Math.abs(p || 0); }).concat([0])) || 1;
      var rows = [];
      var total = pts.reduce(function (t, p) { return t + (p || 0); }, 0);
      if (score !== null && pts.every(function (p) { return p !== null; }) && Math.abs(100 + total - score) < 0.051) {
        rows.push(h("tr", null, [h("td", null, [h("b", null, "Starting score"), h("br"), h("small", null, "every article starts here; sourcing problems take points off")]),
          h("td"), h("td", { "class": "n" }, "100")]));
      }
      comps.forEach(function (c, i) {
        var p = pts[i] || 0;
        var bar = h("div", { "class": "bar " + (p < 0 ? "neg" : "pos") });
        bar.style.width = +fixed(100 * Math.abs(p) / biggest, 1) + "%";
        rows.push(h("tr", null, [h("td", null, [h("b", null, String(c.component || "")), h("br"), h("small", null, String(c.detail || ""))]),
          h("td", { "class": "barcell" }, bar), h("td", { "class": "n" }, (p >= 0 ? "+" : "") + fixed(p, 1))]));
      });
      rows.push(h("tr", { "class": "total" }, [h("td", null, "Score"), h("td"), h("td", { "class": "n" }, fmtScore(a.score))]));
      out.push(h("table", { "class": "bars" }, [h("thead", null, h("tr", null, [h("th", null, "Component"), h("th"), h("th", { "class": "n" }, "Points")])),
        h("tbody", null, rows)]));
    } else if (score === null && (a.warnings || []).indexOf("no article text") >= 0) {
      out.push(h("p", { "class": "muted" }, "No score and no grade: no article text (fewer than 5 words of body text once page boilerplate, headings and reference lists are set aside), so nothing to judge."));
    } else { out.push(h("p", { "class": "muted" }, "No score" + (a.status === "error" ? ": the file could not be analysed" : "") + ".")); }
    return h("section", { "class": "card", id: "score" }, out);
  }

  function sourcesCard(sources) {
    var c = sourceCounts(sources);
    var out = [h("h2", null, ["Who is cited ", h("small", null, "(" + plural(c.distinct, "source") + ", " + plural(c.mentions, "mention") + ")")])];
    if (!sources.length) { out.push(h("p", { "class": "muted" }, "No sources were found.")); }
    else {
      out.push(h("table", null, [h("thead", null, h("tr", null, [h("th", null, "Source"), h("th", null, "Kind"), h("th", { "class": "n" }, "Mentions"), h("th", null, "How"), h("th", null, "Rating")])),
        h("tbody", null, sources.map(function (s) {
          var who = [h("b", null, s.name)];
          if (s.roles.length) { who.push(h("br"), h("small", null, s.roles.join("; "))); }
          if (s.domain) { who.push(h("br"), h("small", { "class": "mono" }, s.url ? h("a", { href: s.url, rel: "noreferrer noopener" }, s.domain) : s.domain)); }
          var how = [s.cues.join(", ")];
          s.footnotes.forEach(function (n) { how.push(" ", h("a", { href: "#fn-" + cssClass(n) }, "[" + n + "]")); });
          if (s.sentences.length) {
            how.push(h("br"), s.sentences.length === 1 ? "sentence " : "sentences ");
            s.sentences.forEach(function (i, k) { how.push(h("a", { href: "#s-" + i }, String(i + 1)), k + 1 < s.sentences.length ? ", " : null); });
          }
          var rating = [];
          if (s.rating !== null || s.rating_label) {
            if (s.rating_label) { rating.push(h("b", null, s.rating_label)); }
            if (s.rating !== null) { rating.push(" " + fmtMetric(s.rating)); }
            if (s.percentile !== null) { rating.push(h("br"), h("small", null, fmtMetric(s.percentile, "int") + "th percentile")); }
            if (s.rating_source) { rating.push(h("br"), h("small", null, s.rating_source)); }
          } else if (s.unrated) { rating.push(h("small", null, "unrated")); }
          else { rating.push(h("small", { "class": "muted" }, "\u2014")); }
          return h("tr", null, [h("td", null, who), h("td", null, h("span", { "class": "kind" }, s.kind || "\u2014")),
            h("td", { "class": "n" }, String(s.count)), h("td", null, h("small", null, how)), h("td", { "class": "rating" }, rating)]);
        }))]));
    }
    return h("section", { "class": "card", id: "sources" }, out);
  }

  function footnotesCard(fn) {
    var out = [h("h2", null, "Footnotes and source list")];
    function back(r, title) {
      return h("a", { "class": "back", href: "#" + r.anchor, title: title }, "\u21a9" + (r.sentence !== null ? " sentence " + (r.sentence + 1) : ""));
    }
    if (!fn.entries.length && !fn.dangling.length) { out.push(h("p", { "class": "muted" }, "No footnotes.")); }
    else {
      var items = fn.entries.map(function (e) {
        var li = h("li", { id: e.id }, [h("span", { "class": "num" }, "[" + e.number + "]"), String(e.text)]);
        if (e.url) { add(li, [h("br"), h("small", null, h("a", { href: e.url, rel: "noreferrer noopener" }, e.url))]); }
        else if (e.raw) { add(li, [h("br"), h("small", { "class": "mono" }, e.raw)]); }
        add(li, [h("br"), h("small", null, e.refs.length ? ["cited " + e.refs.length + "\u00d7: ", e.refs.map(function (r) { return back(r, "Back to the marker in the text"); })]
          : h("span", { "class": "warn" }, "never cited in the text"))]);
        return li;
      });
      fn.dangling.forEach(function (d) {
        items.push(h("li", null, [h("span", { "class": "num warn" }, "[" + d.number + "]"), h("span", { "class": "warn" }, "cited in the text but no source is listed"),
          h("br"), h("small", null, d.refs.map(function (r) { return back(r, ""); }))]));
      });
      out.push(h("ol", { "class": "fnotes" }, items));
    }
    return h("section", { "class": "card", id: "footnotes" }, out);
  }

  function metricsCard(metrics, sources) {
    var km = keyMetrics(metrics, sources), out = [h("h2", null, "Metrics")];
    if (!km.length) { out.push(h("p", { "class": "muted" }, "No metrics.")); }
    else {
      out.push(h("div", { "class": "metrics" }, km.map(function (m) {
        return h("div", { "class": "metric" }, [h("b", null, m[0]), h("span", null, [m[1], m[2] ? [h("br"), h("small", null, m[2])] : null])]);
      })));
      out.push(h("p", { "class": "muted" }, h("small", null, ["Every metric of the article is a column of ", h("code", null, "summary.csv"), "."])));
    }
    return h("section", { "class": "card wide", id: "metrics" }, out);
  }

  /* The drawn page of an article record: its header and the rest (also for tests and for
   * tools that show a record: window.CheckerReport.articleNodes). */
  function articleNodes(a) {
    var rules = window.CHECKER_RULES || {}, doc = new Doc(a);
    var metrics = a.metrics && typeof a.metrics === "object" ? a.metrics : {};
    var findings = findingsPanel(doc, rules), number = {}, bySentence = {};
    findings.forEach(function (f) {
      number[f.k] = f.n;
      if (f.sentence !== null) { (bySentence[f.sentence] = bySentence[f.sentence] || []).push(f.n); }
    });
    var paragraphs = buildParagraphs(doc, articleMarks(doc, rules, number));
    var sources = sourcesPanel(doc), linked = {};
    Object.keys(bySentence).forEach(function (k) { linked[k] = true; });
    sources.forEach(function (s) { s.sentences.forEach(function (i) { linked[i] = true; }); });
    var fnm = (a.footnotes || {}).markers;
    (Array.isArray(fnm) ? fnm : []).forEach(function (m) { if (m && isInt(m.sentence)) { linked[m.sentence] = true; } });
    var footnotes = footnotesPanel(doc);
    var gen = document.querySelector("meta[name=generator]");
    var wrap = h("div", { "class": "wrap" });
    if (a.status === "error") {
      wrap.appendChild(h("div", { "class": "errorbox" }, [h("h2", null, "This file could not be analysed"), h("p", null, String(a.error || "Unknown error.")),
        a.path ? h("p", null, h("small", null, ["Path: ", h("code", null, String(a.path))])) : null]));
    }
    if (paragraphs.length || a.status !== "error") {
      var main = h("main", { "class": "text", "aria-label": "Article text with highlights" });
      paragraphs.forEach(function (p) {
        p.runs.forEach(function (r) {
          if (r.sentence !== null) { r.refs = bySentence[r.sentence] || []; if (!linked[r.sentence]) { r.sentence = null; } }
        });
        var skipped = p.region !== "body", label = own(REGION_LABELS, p.region) || p.region;
        var div = h("div", { "class": "blk" + (skipped ? " region-" + cssClass(p.region) + " skipped" : "") + (p.bullet ? " bullet" : "") + (p.level ? " md-h" + p.level : "") });
        if (skipped) {
          var why = p.reason.trim();
          if (why.toLowerCase() === p.region.toLowerCase() || why.toLowerCase() === label.toLowerCase()) { why = ""; }
          div.appendChild(h("span", { "class": "why" }, ["Not analysed \u00b7 " + label, why ? [" \u00b7 ", h("b", null, why)] : null]));
        }
        runsInto(div, p.runs);
        main.appendChild(div);
      });
      if (!paragraphs.length) { main.appendChild(h("p", { "class": "muted" }, "No text.")); }
      wrap.appendChild(h("div", { "class": "layout" }, [main, h("aside", null, [findingsCard(findings), legend(doc, findings, rules, sources, footnotes, paragraphs)])]));
    }
    if (a.status !== "error") {
      wrap.appendChild(h("div", { "class": "panels" }, [breakdownCard(a), sourcesCard(sources), footnotesCard(footnotes), metricsCard(metrics, sources)]));
    }
    wrap.appendChild(h("footer", null, "Generated by " + (gen ? gen.getAttribute("content") : "checker") + ". Hover a highlight to see why it is marked."));
    return [header(a, metrics), wrap];
  }

  /* A zlib stream (RFC 1950/1951) inflated synchronously, so that a page is drawn before it
   * finishes loading: printing, saving and screenshots see it drawn, and a link to a place
   * in the page finds it. Canonical Huffman decoding as in zlib's puff.c. */
  var LBASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83,
    99, 115, 131, 163, 195, 227, 258];
  var LEXT = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
  var DBASE = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025,
    1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577];
  var DEXT = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12,
    12, 13, 13];
  var CLORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

  function huffman(lengths) {
    var counts = new Uint16Array(16), offs = new Uint16Array(16), syms = new Uint16Array(lengths.length), i;
    for (i = 0; i < lengths.length; i++) { counts[lengths[i]]++; }
    counts[0] = 0;
    for (i = 1; i < 16; i++) { offs[i] = offs[i - 1] + counts[i - 1]; }
    for (i = 0; i < lengths.length; i++) { if (lengths[i]) { syms[offs[lengths[i]]++] = i; } }
    return { counts: counts, syms: syms };
  }
  var FIXED = null;

  function adler32(bytes) {
    var a = 1, b = 0;
    for (var i = 0; i < bytes.length; i++) { a = (a + bytes[i]) % 65521; b = (b + a) % 65521; }
    return ((b << 16) | a) >>> 0;
  }
  var ZDICT = null;  // the pages' preset dictionary (window.CHECKER_ZDICT), as bytes

  function inflate(src) {
    if (src.length < 2 || (src[0] & 15) !== 8 || ((src[0] << 8) | src[1]) % 31) { throw new Error("not zlib data"); }
    var pos = 2, bb = 0, bc = 0, n = 0, out = new Uint8Array(src.length * 4 + 64), skip = 0;
    if (src[1] & 32) {  // FDICT: deflated with the preset dictionary its Adler-32 names
      if (!ZDICT) { ZDICT = new TextEncoder().encode(String(window.CHECKER_ZDICT || "")); }
      if (src.length < 6) { throw new Error("data cut short"); }
      var id = ((src[2] << 24) | (src[3] << 16) | (src[4] << 8) | src[5]) >>> 0;
      if (id !== adler32(ZDICT)) { throw new Error("deflated with another dictionary than this script's (a page of another checker version)"); }
      pos = 6;
      out = new Uint8Array(ZDICT.length + src.length * 4 + 64);
      out.set(ZDICT);
      n = skip = ZDICT.length;  // the data refers back into the dictionary, then starts
    }
    function bits(k) {
      while (bc < k) {
        if (pos >= src.length) { throw new Error("data cut short"); }
        bb |= src[pos++] << bc;
        bc += 8;
      }
      var v = bb & ((1 << k) - 1);
      bb >>>= k;
      bc -= k;
      return v;
    }
    function room(k) {
      if (n + k > out.length) { var o = new Uint8Array(Math.max(out.length * 2, n + k)); o.set(out); out = o; }
    }
    function decode(h) {
      var code = 0, first = 0, index = 0;
      for (var len = 1; len < 16; len++) {
        code |= bits(1);
        var count = h.counts[len];
        if (code - count < first) { return h.syms[index + (code - first)]; }
        index += count;
        first = (first + count) << 1;
        code <<= 1;
      }
      throw new Error("bad code");
    }
    var last;
    do {
      last = bits(1);
      var type = bits(2), lit, dist;
      if (type === 0) {
        bb = 0;
        bc = 0;
        if (pos + 4 > src.length) { throw new Error("data cut short"); }
        var len = src[pos] | (src[pos + 1] << 8);
        pos += 4;
        if (pos + len > src.length) { throw new Error("data cut short"); }
        room(len);
        out.set(src.subarray(pos, pos + len), n);
        n += len;
        pos += len;
        continue;
      }
      if (type === 1) {
        if (!FIXED) {
          var l = [], i;
          for (i = 0; i < 288; i++) { l.push(i < 144 ? 8 : i < 256 ? 9 : i < 280 ? 7 : 8); }
          var d = [];
          for (i = 0; i < 30; i++) { d.push(5); }
          FIXED = [huffman(l), huffman(d)];
        }
        lit = FIXED[0];
        dist = FIXED[1];
      } else if (type === 2) {
        var nlen = bits(5) + 257, ndist = bits(5) + 1, ncode = bits(4) + 4, lengths = [], k;
        for (k = 0; k < 19; k++) { lengths[k] = 0; }
        for (k = 0; k < ncode; k++) { lengths[CLORDER[k]] = bits(3); }
        var clen = huffman(lengths);
        lengths = [];
        while (lengths.length < nlen + ndist) {
          var sym = decode(clen), rep = 0, val = 0;
          if (sym < 16) { lengths.push(sym); continue; }
          if (sym === 16) {
            if (!lengths.length) { throw new Error("bad lengths"); }
            val = lengths[lengths.length - 1];
            rep = 3 + bits(2);
          } else if (sym === 17) { rep = 3 + bits(3); } else { rep = 11 + bits(7); }
          while (rep--) { lengths.push(val); }
        }
        lit = huffman(lengths.slice(0, nlen));
        dist = huffman(lengths.slice(nlen, nlen + ndist));
      } else { throw new Error("bad block type"); }
      for (;;) {
        var s = decode(lit);
        if (s < 256) { room(1); out[n++] = s; continue; }
        if (s === 256) { break; }
        s -= 257;
        if (s >= 29) { throw new Error("bad length"); }
        var count = LBASE[s] + bits(LEXT[s]), ds = decode(dist);
        if (ds >= 30) { throw new Error("bad distance"); }
        var back = DBASE[ds] + bits(DEXT[ds]);
        if (back > n) { throw new Error("distance too far back"); }
        room(count);
        for (var j = 0; j < count; j++) { out[n] = out[n - back]; n++; }
      }
    } while (!last);
    return out.subarray(skip, n);
  }

  function articlePage() {
    var data = document.getElementById("checker-article");
    if (!data) { return; }
    var root = document.documentElement, rec;
    if (root.hasAttribute("data-drawn")) { return; }  // a page saved from the browser, drawn
    function failed(why, e) {  // a box that says so, rather than a blank page
      document.body.appendChild(h("p", { "class": "errorbox" }, "This page could not be drawn: " + why + " (" +
        String(e && e.message || e) + "). The article's record is its line in articles.jsonl."));
      root.setAttribute("data-drawn", "error");
    }
    try {  // the page's record: base64 of the zlib-deflated UTF-8 articles.jsonl line (with
      // the preset dictionary window.CHECKER_ZDICT)
      var bin = atob(data.textContent.trim()), bytes = new Uint8Array(bin.length);
      for (var i = 0; i < bin.length; i++) { bytes[i] = bin.charCodeAt(i); }
      rec = JSON.parse(new TextDecoder("utf-8").decode(inflate(bytes)));
    } catch (e) { failed("its data is damaged", e); return; }
    try {  // the nodes are all made before any is added: a failure leaves no half page
      add(document.body, articleNodes(rec));
    } catch (e) { failed("the script failed on its record", e); return; }
    root.setAttribute("data-drawn", "1");
    if (window.performance && performance.mark) { performance.mark("checker-page-drawn"); }
    if (location.hash.length > 1) {  // a link to a place in the page: it exists only now
      var target = null;
      try { target = document.getElementById(decodeURIComponent(location.hash.slice(1))); }
      catch (e) { target = null; }  // not a well-formed escape (#%E0): no place to go to
      if (target) { location.replace(location.hash); target.scrollIntoView(); }
    }
  }

  window.CheckerReport = { articleNodes: articleNodes, splitSegments: splitSegments, markdownMarks: markdownMarks };
  indexPage(window.CHECKER_INDEX);
  articlePage();
}());
