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
  var PAGE = 20;  /* results per page: "Xem thêm" shows the next ones */
  var RERANK = 60;
  var SNIPPET_WORDS = 28;

  var state = { meta: null, facets: null, shards: {}, buckets: {}, passages: {}, waiting: {} };

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
  /* As serial_term in Python, for one word of a query: "05" → "s:5"; not a number → "". */
  function serialTerm(word) {
    return /^\d+$/.test(word) ? "s:" + (word.replace(/^0+/, "") || "0") : "";
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
    docs: function (n, rows) { state.buckets[n] = rows; },
    facets: function (facets) { state.facets = facets; },
    passages: function (n, texts) { state.passages[n] = texts; }
  };
  function ready() { return Promise.all([load("search/meta.js", "meta"), load("search/f.js", "facets")]); }
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
  /* The start of the body (and the signer) of the results shown, for their snippets. */
  function passages(docs) {
    var size = state.meta.passages;
    var wanted = docs.filter(function (d) { return kindOf(d) === "record" || kindOf(d) === "page"; });
    var needed = Array.from(new Set(wanted.map(function (d) { return Math.floor(d / size); })));
    return Promise.all(needed.map(function (n) { return load("search/p/" + n + ".js", "p" + n); }))
      .then(function () {
        return docs.map(function (d) { var file = state.passages[Math.floor(d / size)]; return file ? file[d % size] : ""; });
      });
  }

  /* -- ranking ---------------------------------------------------------------------------- */
  function parseQuery(query) {
    var words = tokens(query);
    var pairs = [];
    for (var i = 0; i + 1 < words.length; i++) pairs.push(words[i] + "_" + words[i + 1]);
    var number = query.match(/\d+\s*[-\u2010-\u2015]?\s*[^\s\d]*\s*\/\s*[^\s,;]+/);
    var serials = Array.from(new Set(words.map(serialTerm).filter(Boolean)));
    return {
      words: Array.from(new Set(words)), pairs: pairs, title: "t:" + words.join("_"),
      number: number ? "n:" + numberKey(number[0]) : null, serials: serials,
      digits: /\d/.test(query),
      accented: fold(query) !== query.toLowerCase().normalize("NFC"),
      key: toneKey(query), folded: words.join(" ")
    };
  }
  function idf(list) { return Math.log(1 + state.meta.docs / (1 + list.size)); }
  function facet(doc, field) { return state.facets.rows[doc * FACETS.length + FACETS.indexOf(field)]; }
  function kindOf(doc) { return state.facets.kind[facet(doc, "kind")]; }

  /* Every document that matches, in a first order (before the re-ranking of the best by
     spelling). Tiers: the number typed, a page whose title is the query, a number's own
     serial ("kết luận 21" → 21-KL/TW, not a kết luận citing it); hand-written guide pages
     come after records when the query has digits. */
  function search(query) {
    var q = parseQuery(query);
    if (!q.words.length) return Promise.resolve({ q: q, pool: [], tier: new Map(), scores: new Map() });
    var terms = q.words.concat(q.pairs, [q.title], q.number ? [q.number] : [], q.serials);
    return Promise.all(terms.map(postings)).then(function (lists) {
      var byTerm = {};
      terms.forEach(function (t, i) { byTerm[t] = lists[i]; });
      var scores = new Map(), matched = new Map(), tier = new Map();
      function add(doc, value) { scores.set(doc, (scores.get(doc) || 0) + value); }
      function raise(doc, level) { tier.set(doc, Math.max(tier.get(doc) || 0, level)); }
      q.words.forEach(function (word) {
        var list = byTerm[word], weight = idf(list);
        list.forEach(function (score, doc) { add(doc, score * weight); matched.set(doc, (matched.get(doc) || 0) + 1); });
      });
      q.pairs.forEach(function (pair) {
        var list = byTerm[pair], weight = idf(list);
        list.forEach(function (score, doc) { if (scores.has(doc)) add(doc, 3 * score * weight); });
      });
      byTerm[q.title].forEach(function (score, doc) { add(doc, score); raise(doc, 2); matched.set(doc, q.words.length); });
      if (q.number) byTerm[q.number].forEach(function (score, doc) { add(doc, score); raise(doc, 3); matched.set(doc, q.words.length); });
      q.serials.forEach(function (serial) { byTerm[serial].forEach(function (score, doc) { if (scores.has(doc)) raise(doc, 1); }); });
      if (q.digits) scores.forEach(function (score, doc) { if (kindOf(doc) === "page") tier.set(doc, -1); });
      var all = Array.from(scores.keys());
      var full = all.filter(function (d) { return matched.get(d) === q.words.length; });
      var pool = full.length ? full : all;
      pool.sort(function (a, b) {
        return (matched.get(b) - matched.get(a)) || ((tier.get(b) || 0) - (tier.get(a) || 0)) ||
          (scores.get(b) - scores.get(a)) || (a - b);
      });
      return { q: q, pool: pool, tier: tier, scores: scores };
    });
  }
  /* The best hits re-ranked by their shown text: the exact title, the words in a row, the
     spelling typed with its diacritics. */
  function rerank(found, head, rows) {
    var q = found.q;
    var ranked = head.map(function (doc, i) {
      var row = rows[i];
      var text = [row[1], row[4], row[6], row[7]].join(" ");
      var bonus = 0;
      if (tokens(row[1]).join(" ") === q.folded) bonus += 4;
      if (tokens(text).join(" ").indexOf(q.folded) >= 0) bonus += 1;
      if (q.accented && toneKey(text).indexOf(q.key) >= 0) bonus += 2;
      return { doc: doc, tier: found.tier.get(doc) || 0, score: found.scores.get(doc) * (1 + bonus) };
    });
    ranked.sort(function (a, b) { return (b.tier - a.tier) || (b.score - a.score) || (a.doc - b.doc); });
    return ranked.map(function (r) { return r.doc; });
  }

  /* -- filters: kind (document / issuer / unit / guide), type, issuer, year, status ------- */
  var FACETS = ["kind", "type", "issuer", "year", "status"];
  var KIND_GROUP = { record: "doc", directive: "doc", issuer: "issuer", unit: "unit", page: "page" };
  function valueOf(doc, field) {
    return field === "kind" ? KIND_GROUP[kindOf(doc)] : facet(doc, field);
  }
  function passes(doc, filters, except) {
    return FACETS.every(function (field) {
      return field === except || !filters[field] || String(valueOf(doc, field)) === filters[field];
    });
  }
  /* For each facet, how many hits each value has when the other filters apply. */
  function facetCounts(pool, filters) {
    var counts = {};
    FACETS.forEach(function (field) {
      var count = new Map();
      pool.forEach(function (doc) {
        if (!passes(doc, filters, field)) return;
        var value = String(valueOf(doc, field));
        if (value !== "0") count.set(value, (count.get(value) || 0) + 1);
      });
      counts[field] = count;
    });
    return counts;
  }
  /* The first ``count`` results of ``found`` under ``filters``, with their rows and passages. */
  function view(found, filters, count) {
    var filtered = found.pool.filter(function (doc) { return passes(doc, filters); });
    var head = filtered.slice(0, RERANK);
    return details(head).then(function (rows) {
      var order = rerank(found, head, rows).concat(filtered.slice(RERANK)).slice(0, count);
      return Promise.all([details(order), passages(order)]).then(function (loaded) {
        return {
          total: filtered.length, all: found.pool.length, q: found.q, counts: facetCounts(found.pool, filters),
          rows: order.map(function (doc, i) { return { doc: doc, row: loaded[0][i], passage: loaded[1][i] }; })
        };
      });
    });
  }

  /* -- user interface (Material's markup and classes) ------------------------------------ */
  var KIND = { record: "", issuer: "Cơ quan ban hành", unit: "Đơn vị", directive: "Văn bản được dẫn chiếu",
               page: "Trang hướng dẫn" };
  var GROUP_LABEL = { doc: "Văn bản", issuer: "Cơ quan ban hành", unit: "Đơn vị", page: "Trang hướng dẫn" };
  var FILTER_LABEL = { kind: "Loại kết quả", type: "Loại văn bản", issuer: "Cơ quan ban hành", year: "Năm",
                       status: "Hiệu lực" };
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
  var WORD = /[\p{L}\p{N}]+/gu;
  function isHit(word, words) {
    return tokens(word).some(function (t) { return words.has(t); });
  }
  /* ``text`` as text nodes, with each word of the query in a <mark> (never as HTML). */
  function highlighted(node, text, words) {
    var at = 0;
    text.replace(WORD, function (word, index) {
      if (!isHit(word, words)) return word;
      if (index > at) node.appendChild(document.createTextNode(text.slice(at, index)));
      node.appendChild(element("mark", "", word));
      at = index + word.length;
      return word;
    });
    if (at < text.length) node.appendChild(document.createTextNode(text.slice(at)));
    return node;
  }
  /* The stretch of ``text`` (about SNIPPET_WORDS words) with the most distinct query words. */
  function snippet(text, words) {
    var found = Array.from(text.matchAll(WORD));
    var best = null;
    found.forEach(function (match, i) {
      if (!isHit(match[0], words)) return;
      var start = Math.max(0, i - 4), seen = new Set();
      found.slice(start, start + SNIPPET_WORDS).forEach(function (m) {
        if (isHit(m[0], words)) tokens(m[0]).forEach(function (t) { if (words.has(t)) seen.add(t); });
      });
      if (!best || seen.size > best.hits) best = { start: start, hits: seen.size };
    });
    if (!best) return null;
    var last = found[Math.min(found.length, best.start + SNIPPET_WORDS) - 1];
    var from = found[best.start].index, to = last.index + last[0].length;
    return { hits: best.hits, text: (from > 0 ? "…" : "") + text.slice(from, to) + (to < text.length ? "…" : "") };
  }
  function hitCount(text, words) {
    var seen = new Set();
    tokens(text).forEach(function (t) { if (words.has(t)) seen.add(t); });
    return seen.size;
  }
  function resultItem(hit, words) {
    var r = hit.row, kind = r[2];
    var facts = kind === "record" ? [r[3], r[4], r[5], r[6]]
      : kind === "issuer" || kind === "unit" ? [r[7]]  /* "Cơ quan ban hành · 3 văn bản": the kind once */
      : [KIND[kind], r[5], r[6]];
    var item = element("li", "md-search-result__item");
    var link = element("a", "md-search-result__link");
    link.href = safeHref(r[0]);
    var article = element("article", "md-search-result__article md-typeset");
    article.appendChild(highlighted(element("h1"), r[1], words));
    var line = element("p", "vb-search-facts", facts.filter(Boolean).join(" · "));
    if (r[8]) {  /* the status of a record not plainly in force, as on the site's lists */
      line.appendChild(document.createTextNode(" "));
      line.appendChild(element("span", "vb-status-badge", r[8]));
    }
    article.appendChild(line);
    var subject = kind === "issuer" || kind === "unit" ? "" : r[7];
    if (subject) article.appendChild(highlighted(element("p", "md-search-result__teaser"), subject, words));
    var part = hit.passage ? snippet(hit.passage, words) : null;
    if (part && part.hits > hitCount(subject + " " + r[1], words)) {
      article.appendChild(highlighted(element("p", "md-search-result__teaser vb-search-snippet"), part.text, words));
    }
    link.appendChild(article);
    item.appendChild(link);
    return item;
  }
  /* The filters fold away under "Lọc kết quả" on phones (a <details>: no script needed to
     open it), and are open on wide screens. */
  function filterBar() {
    var bar = element("details", "vb-search-filters");
    bar.hidden = true;
    bar.open = window.matchMedia("(min-width: 60em)").matches;
    var summary = element("summary", "vb-search-filters__summary", "Lọc kết quả");
    var body = element("div", "vb-search-filters__body");
    body.setAttribute("role", "group");
    body.setAttribute("aria-label", "Lọc kết quả");
    bar.appendChild(summary);
    bar.appendChild(body);
    var selects = {};
    FACETS.forEach(function (field) {
      var label = element("label", "vb-search-filter");
      label.appendChild(element("span", "", FILTER_LABEL[field]));
      var select = element("select");
      select.name = "vb-" + field;
      label.appendChild(select);
      body.appendChild(label);
      selects[field] = select;
    });
    return { bar: bar, summary: summary, selects: selects };
  }
  function valueLabel(field, value) {
    return field === "kind" ? GROUP_LABEL[value] : state.facets[field][Number(value)];
  }
  /* Options rebuilt in place (the focused select keeps the focus), counts in brackets. */
  function updateFilters(filters, counts, chosen) {
    var any = false;
    FACETS.forEach(function (field) {
      var select = filters.selects[field], count = counts[field];
      var values = Array.from(count.keys());
      values.sort(field === "year" ? function (a, b) { return valueLabel(field, b).localeCompare(valueLabel(field, a)); }
        : function (a, b) { return (count.get(b) - count.get(a)) || valueLabel(field, a).localeCompare(valueLabel(field, b), "vi"); });
      var total = 0;
      count.forEach(function (n) { total += n; });
      var options = [new Option("Tất cả (" + total + ")", "")].concat(values.map(function (v) {
        return new Option(valueLabel(field, v) + " (" + count.get(v) + ")", v);
      }));
      select.replaceChildren.apply(select, options);
      select.value = chosen[field] || "";
      select.parentNode.hidden = values.length < 2 && !chosen[field];
      any = any || !select.parentNode.hidden;
    });
    var active = FACETS.filter(function (field) { return chosen[field]; }).length;
    filters.summary.textContent = active ? "Lọc kết quả (đang lọc theo " + active + " mục)" : "Lọc kết quả";
    filters.bar.hidden = !any;
  }
  function summary(result) {
    if (result.total === 0) return "Không tìm thấy kết quả phù hợp";
    var text = result.total === 1 ? "1 kết quả phù hợp" : result.total.toLocaleString("vi-VN") + " kết quả phù hợp";
    return result.total < result.all ? text + " (đã lọc từ " + result.all.toLocaleString("vi-VN") + ")" : text;
  }
  function render(result, ui, query, chosen) {
    ui.list.replaceChildren();
    if (!query.trim()) {
      ui.meta.textContent = "Gõ từ cần tìm, có dấu hay không dấu, hoặc số, ký hiệu văn bản";
      ui.filters.bar.hidden = true;
      ui.more.hidden = true;
      return;
    }
    ui.meta.textContent = summary(result);
    var words = new Set(result.q.words);
    result.rows.forEach(function (hit) { ui.list.appendChild(resultItem(hit, words)); });
    updateFilters(ui.filters, result.counts, chosen);
    var left = result.total - result.rows.length;
    ui.more.hidden = left <= 0;
    ui.more.textContent = "Xem thêm " + Math.min(PAGE, left) + " kết quả (còn " + left.toLocaleString("vi-VN") + ")";
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
    var ui = {
      list: document.querySelector(".vb-search .md-search-result__list"),
      meta: document.querySelector(".vb-search .md-search-result__meta"),
      filters: filterBar(), more: element("button", "vb-search-more md-button")
    };
    ui.more.type = "button";
    ui.more.hidden = true;
    ui.list.parentNode.insertBefore(ui.filters.bar, ui.list);
    ui.list.parentNode.appendChild(ui.more);
    var form = input.form;
    var timer = null, latest = 0;
    var shown = null;  /* the query whose results are on screen */
    var found = null, chosen = {}, count = PAGE;
    /* Shows the current results under the chosen filters; ``then`` runs once they are on screen. */
    function show(query, then) {
      var ticket = ++latest;
      var pending = found ? view(found, chosen, count) : Promise.resolve(null);
      return pending.then(function (result) {
        if (ticket !== latest) return;
        render(result, ui, query, chosen);
        if (then) then();
      }).catch(function (error) {
        if (ticket === latest) { ui.meta.textContent = "Lỗi tìm kiếm: " + error.message; shown = null; }
      });
    }
    function run() {
      var query = input.value;
      /* keyup fires for arrow keys too: re-rendering the same results would take the focus
         off the result the arrow keys just moved to */
      if (query === shown) return;
      shown = query;
      var ticket = ++latest;
      ready().then(function () { return search(query); }).then(function (result) {
        if (ticket !== latest) return;
        found = query.trim() ? result : null;
        count = PAGE;
        show(query);
      }).catch(function (error) {
        if (ticket === latest) { ui.meta.textContent = "Lỗi tìm kiếm: " + error.message; shown = null; }
      });
    }
    function schedule() { clearTimeout(timer); timer = setTimeout(run, 60); }
    input.addEventListener("focus", function () { toggle.checked = true; });
    input.addEventListener("input", schedule);
    input.addEventListener("keyup", schedule);
    ui.filters.bar.addEventListener("change", function (event) {
      chosen[event.target.name.slice(3)] = event.target.value;
      count = PAGE;
      show(input.value);
    });
    ui.more.addEventListener("click", function () {
      var first = count;
      count += PAGE;
      show(input.value, function () {  /* the focus goes to the first of the new results */
        var links = ui.list.querySelectorAll(".md-search-result__link");
        if (links[first]) links[first].focus();
      });
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var first = ui.list.querySelector(".md-search-result__link");
      if (first) first.click();
    });
    form.addEventListener("reset", function () { setTimeout(run, 0); });
    toggle.addEventListener("change", function () {
      if (toggle.checked) { input.focus(); input.select(); }
    });
    document.addEventListener("keydown", function (event) { onKey(event, input, toggle, ui); });
    var q = new URLSearchParams(window.location.search).get("q");
    if (q) {
      input.value = q;
      toggle.checked = true;
      input.focus();
      run();
    }
  }
  /* "/" or "s" opens the search, Esc closes it; the arrow keys move through the results and
     "Xem thêm" (and back up to the box), Enter opens the result that has the focus, Tab
     reaches each of them too — as Material's own search. A select keeps its arrow keys. */
  function onKey(event, input, toggle, ui) {
    var active = document.activeElement;
    var typing = /input|textarea|select/i.test(active.tagName);
    if (!typing && (event.key === "/" || event.key === "s" || event.key === "S")) {
      event.preventDefault();
      toggle.checked = true;
      input.focus();
    } else if (event.key === "Escape" && toggle.checked) {
      toggle.checked = false;
      input.blur();
    } else if ((event.key === "ArrowDown" || event.key === "ArrowUp") && toggle.checked &&
               !/select/i.test(active.tagName)) {
      var links = Array.from(ui.list.querySelectorAll(".md-search-result__link"));
      if (!links.length) return;
      if (!ui.more.hidden) links.push(ui.more);
      var at = links.indexOf(active);
      var next = event.key === "ArrowDown" ? Math.min(at + 1, links.length - 1) : at - 1;
      event.preventDefault();
      if (next < 0) input.focus(); else links[next].focus();
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
})();
