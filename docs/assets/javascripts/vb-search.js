/* Kho văn bản — tìm kiếm tiếng Việt (Vietnamese search), no network, works from file://.
 *
 * The index is built by hooks/vanban/render/search.py as small script files under search/:
 * meta.js, t/<shard>.js (postings by term) and d/<bucket>.js (result details). A query loads
 * the shards of its terms and the buckets of its best hits only. fold(), tokens() and
 * shardOf() must agree with the Python side.
 */
(function () {
  "use strict";

  /* The site root comes from an attribute the theme template writes, never from
     document.currentScript or other named globals a page element could clobber. */
  var ROOT = siteRoot();
  function siteRoot() {
    var holder = document.querySelector("header [data-vb-root]");
    var base = holder ? holder.getAttribute("data-vb-root") || "." : ".";
    if (base.charAt(base.length - 1) !== "/") base += "/";
    return new URL(base, window.location.href).href;
  }
  var TONES = /[\u0300\u0301\u0303\u0309\u0323]/;
  var TONE_DIGIT = { "\u0300": "2", "\u0301": "1", "\u0303": "4", "\u0309": "3", "\u0323": "5" };
  var MAX_RESULTS = 20;
  var RERANK = 60;

  var state = { meta: null, shards: {}, buckets: {}, waiting: {} };

  /* -- text ------------------------------------------------------------------------------ */
  /* As vanban.text.fold: typographic dashes and quotes become spaces, then marks and every
     other non-ASCII character are dropped ("A×B" → "ab"), then lower case. */
  var PUNCTUATION = /[\u201c\u201d\u2018\u2019\u2013\u2014\u2026\u00ab\u00bb\u00a0\u2010\u2011\u2012\u2212]/g;
  function fold(text) {
    return text.replace(/đ/g, "d").replace(/Đ/g, "D").replace(PUNCTUATION, " ")
      .normalize("NFD").replace(/[^\x00-\x7f]/g, "").toLowerCase();
  }
  function tokens(text) {
    return fold(text).match(/[a-z0-9]+/g) || [];
  }
  /* Tone-placement-insensitive key that keeps diacritics: "uỷ" and "ủy" → "uy3". */
  function toneKey(text) {
    return (text.normalize("NFC").toLowerCase().match(/[\p{L}\p{N}]+/gu) || []).map(function (word) {
      var tone = "";
      var letters = Array.from(word.normalize("NFD")).filter(function (ch) {
        if (TONES.test(ch)) { tone = TONE_DIGIT[ch]; return false; }
        return true;
      }).join("");
      return letters.normalize("NFC") + tone;
    }).join(" ");
  }
  function numberKey(text) {
    var normal = text.normalize("NFC").replace(/[\u2010-\u2015\u2212]/g, "-").replace(/\s+/g, "");
    return fold(normal).replace(/^0+(?=\d)/, "");
  }
  function shardOf(term, shards) {
    var bytes = new TextEncoder().encode(term);
    var value = 0x811c9dc5;
    for (var i = 0; i < bytes.length; i++) {
      value ^= bytes[i];
      value = Math.imul(value, 0x01000193) >>> 0;
    }
    return value % shards;
  }

  /* -- loading (script tags: allowed on file:// where fetch is not) --------------------- */
  function load(path, key) {
    if (state.waiting[key]) return state.waiting[key];
    state.waiting[key] = new Promise(function (resolve, reject) {
      var tag = document.createElement("script");
      tag.src = ROOT + path;
      tag.async = true;
      tag.onload = function () { resolve(); };
      tag.onerror = function () { delete state.waiting[key]; reject(new Error("không tải được " + path)); };
      document.head.appendChild(tag);
    });
    return state.waiting[key];
  }
  window.__vbSearch = {
    meta: function (meta) { state.meta = meta; },
    shard: function (n, terms) { state.shards[n] = terms; },
    docs: function (n, rows) { state.buckets[n] = rows; }
  };
  function ready() { return load("search/meta.js", "meta"); }
  function postings(term) {
    var n = shardOf(term, state.meta.shards);
    return load("search/t/" + n + ".js", "t" + n).then(function () {
      var entry = state.shards[n][term];  /* [gaps between document numbers, scores] */
      var map = new Map();
      if (!entry) return map;
      var gaps = entry[0], scores = entry[1], doc = 0;
      for (var i = 0; i < gaps.length; i++) { doc += gaps[i]; map.set(doc, scores[i]); }
      return map;
    });
  }
  function details(docs) {
    var size = state.meta.bucket;
    var needed = Array.from(new Set(docs.map(function (d) { return Math.floor(d / size); })));
    return Promise.all(needed.map(function (b) { return load("search/d/" + b + ".js", "d" + b); }))
      .then(function () {
        return docs.map(function (d) { return state.buckets[Math.floor(d / size)][d % size]; });
      });
  }

  /* -- ranking ---------------------------------------------------------------------------- */
  function parseQuery(query) {
    var words = tokens(query);
    var pairs = [];
    for (var i = 0; i + 1 < words.length; i++) pairs.push(words[i] + "_" + words[i + 1]);
    var number = query.match(/\d+\s*[-\u2010-\u2015]?\s*[^\s\d]*\s*\/\s*[^\s,;]+/);
    return {
      words: Array.from(new Set(words)), pairs: pairs, title: "t:" + words.join("_"),
      number: number ? "n:" + numberKey(number[0]) : null,
      accented: fold(query) !== query.toLowerCase().normalize("NFC"),
      key: toneKey(query), folded: words.join(" ")
    };
  }
  function idf(list) { return Math.log(1 + state.meta.docs / (1 + list.size)); }

  function search(query) {
    var q = parseQuery(query);
    if (!q.words.length) return Promise.resolve({ total: 0, rows: [] });
    var terms = q.words.concat(q.pairs, [q.title], q.number ? [q.number] : []);
    return Promise.all(terms.map(postings)).then(function (lists) {
      var byTerm = {};
      terms.forEach(function (t, i) { byTerm[t] = lists[i]; });
      var scores = new Map();
      var matched = new Map();
      q.words.forEach(function (word) {
        var list = byTerm[word], weight = idf(list);
        list.forEach(function (score, doc) {
          scores.set(doc, (scores.get(doc) || 0) + score * weight);
          matched.set(doc, (matched.get(doc) || 0) + 1);
        });
      });
      q.pairs.forEach(function (pair) {
        var list = byTerm[pair], weight = idf(list);
        list.forEach(function (score, doc) {
          if (scores.has(doc)) scores.set(doc, scores.get(doc) + 3 * score * weight);
        });
      });
      byTerm[q.title].forEach(function (score, doc) {  /* a page whose title is the query */
        scores.set(doc, (scores.get(doc) || 0) + 5e5 + score);
        matched.set(doc, q.words.length);
      });
      if (q.number) {
        byTerm[q.number].forEach(function (score, doc) {
          scores.set(doc, (scores.get(doc) || 0) + 1e6 + score);
          matched.set(doc, q.words.length);
        });
      }
      var all = Array.from(scores.keys());
      var full = all.filter(function (d) { return matched.get(d) === q.words.length; });
      var pool = full.length ? full : all;
      pool.sort(function (a, b) {
        return (matched.get(b) - matched.get(a)) || (scores.get(b) - scores.get(a)) || (a - b);
      });
      var head = pool.slice(0, RERANK);
      return details(head).then(function (rows) {
        var ranked = head.map(function (doc, i) {
          var row = rows[i];
          var text = [row[1], row[4], row[6], row[7]].join(" ");
          var bonus = 0;
          if (fold(row[1]).match(/[a-z0-9]+/g) && tokens(row[1]).join(" ") === q.folded) bonus += 4;
          if (tokens(text).join(" ").indexOf(q.folded) >= 0) bonus += 1;
          if (q.accented && toneKey(text).indexOf(q.key) >= 0) bonus += 2;
          return { doc: doc, row: row, score: scores.get(doc) * (1 + bonus), number: scores.get(doc) >= 5e5 };
        });
        ranked.sort(function (a, b) {
          return (b.number - a.number) || (b.score - a.score) || (a.doc - b.doc);
        });
        return { total: pool.length, rows: ranked.slice(0, MAX_RESULTS) };
      });
    });
  }

  /* -- user interface (Material's markup and classes) ------------------------------------ */
  var KIND = { record: "", issuer: "Cơ quan ban hành", unit: "Đơn vị", directive: "Văn bản được dẫn chiếu",
               page: "Trang hướng dẫn" };
  /* Results are built with DOM APIs and textContent: index data is never parsed as HTML. */
  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }
  function safeHref(path) {
    var url = new URL(path, ROOT);
    return url.href.indexOf(ROOT) === 0 ? url.href : ROOT;
  }
  function resultItem(r) {
    var facts = r[2] === "record" ? [r[3], r[4], r[5], r[6]] : [KIND[r[2]], r[4], r[5], r[6]];
    var item = element("li", "md-search-result__item");
    var link = element("a", "md-search-result__link");
    link.href = safeHref(r[0]);
    var article = element("article", "md-search-result__article md-typeset");
    article.appendChild(element("h1", "", r[1]));
    var line = element("p", "vb-search-facts", facts.filter(Boolean).join(" · "));
    if (r[8]) {  /* the status of a record not plainly in force, as on the site's lists */
      line.appendChild(document.createTextNode(" "));
      line.appendChild(element("span", "vb-status-badge", r[8]));
    }
    article.appendChild(line);
    if (r[7]) article.appendChild(element("p", "md-search-result__teaser", r[7]));
    link.appendChild(article);
    item.appendChild(link);
    return item;
  }
  function render(result, list, meta, query) {
    list.replaceChildren();
    if (!query.trim()) {
      meta.textContent = "Gõ từ cần tìm, có dấu hay không dấu, hoặc số, ký hiệu văn bản";
      return;
    }
    meta.textContent = result.total === 0 ? "Không tìm thấy kết quả phù hợp"
      : result.total === 1 ? "1 kết quả phù hợp" : result.total.toLocaleString("vi-VN") + " kết quả phù hợp";
    result.rows.forEach(function (item) { list.appendChild(resultItem(item.row)); });
  }

  /* Tables the theme wraps for scrolling (hand-written ones) must be reachable by keyboard. */
  function focusableScrollAreas() {
    document.querySelectorAll(".md-typeset__scrollwrap:not([tabindex])").forEach(function (area) {
      area.tabIndex = 0;
    });
  }
  window.addEventListener("load", focusableScrollAreas);

  function setup() {
    var input = document.querySelector(".vb-search .md-search__input");
    var toggle = document.getElementById("__search");
    if (!input || !toggle) return;
    var list = document.querySelector(".vb-search .md-search-result__list");
    var meta = document.querySelector(".vb-search .md-search-result__meta");
    var form = input.form;
    var timer = null;
    var latest = 0;
    var shown = null;  /* the query whose results are on screen */
    function run() {
      var query = input.value;
      /* keyup fires for arrow keys too: re-rendering the same results would take the focus
         off the result the arrow keys just moved to */
      if (query === shown) return;
      shown = query;
      var ticket = ++latest;
      ready().then(function () { return search(query); }).then(function (result) {
        if (ticket === latest) render(result, list, meta, query);
      }).catch(function (error) {
        if (ticket === latest) { meta.textContent = "Lỗi tìm kiếm: " + error.message; shown = null; }
      });
    }
    function schedule() { clearTimeout(timer); timer = setTimeout(run, 60); }
    input.addEventListener("focus", function () { toggle.checked = true; });
    input.addEventListener("input", schedule);
    input.addEventListener("keyup", schedule);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var first = list.querySelector(".md-search-result__link");
      if (first) first.click();
    });
    form.addEventListener("reset", function () { setTimeout(run, 0); });
    toggle.addEventListener("change", function () {
      if (toggle.checked) { input.focus(); input.select(); }
    });
    document.addEventListener("keydown", function (event) {
      var typing = /input|textarea|select/i.test(document.activeElement.tagName);
      if (!typing && (event.key === "/" || event.key === "s" || event.key === "S")) {
        event.preventDefault();
        toggle.checked = true;
        input.focus();
      } else if (event.key === "Escape" && toggle.checked) {
        toggle.checked = false;
        input.blur();
      } else if ((event.key === "ArrowDown" || event.key === "ArrowUp") && toggle.checked) {
        /* Arrow keys move through the results (and back up to the box); Enter opens the one
           that has the focus, Tab reaches each of them too. */
        var links = Array.from(list.querySelectorAll(".md-search-result__link"));
        if (!links.length) return;
        var at = links.indexOf(document.activeElement);
        var next = event.key === "ArrowDown" ? Math.min(at + 1, links.length - 1) : at - 1;
        event.preventDefault();
        if (next < 0) input.focus(); else links[next].focus();
      }
    });
    var params = new URLSearchParams(window.location.search);
    var q = params.get("q");
    if (q) {
      input.value = q;
      toggle.checked = true;
      input.focus();
      run();
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
})();
