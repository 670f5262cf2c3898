/* Kho văn bản — lists that sort and filter in the browser, served or opened from a folder.
 *
 * 1. "Tất cả văn bản": the controls (rendered hidden by the library) filter and sort every
 *    document of the collection, from window.vbAllRecords (du-lieu/tat-ca-van-ban.js, added as a
 *    plain <script src> at the first choice, since browsers refuse fetch() from file:// and the
 *    file grows with the collection). The matches replace the static, paginated list; "Bỏ lọc"
 *    brings it back.
 * 2. A filter box above a table (the unit list), made here from its placeholder: rows whose
 *    text does not match are hidden, tones and đ ignored, and so are headings left with no row.
 * 3. Printing: an "In văn bản" button, made here where the page leaves its place, opens the print
 *    dialog, and the print-only source line gets the address opened and the day of printing.
 * Buttons and inputs are made here, not in the pages, whose content holds document markup only.
 * Rows are built with DOM calls and textContent only: record text is never parsed as HTML.
 * Without JavaScript both controls stay hidden and the static lists are the page.
 */
(function () {
  "use strict";

  var PAGE_SIZE = 200;

  function fold(text) {
    return String(text).replace(/đ/g, "d").replace(/Đ/g, "D").normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/\s+/g, " ").trim();
  }

  function countText(n) {
    return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function link(href, text) {
    if (!href) return document.createTextNode(text);
    var a = el("a", null, text);
    a.href = href;
    return a;
  }

  /* -- "Tất cả văn bản" ------------------------------------------------------------------ */
  function allRecords(box) {
    var data = null;
    var loading = false;
    var root = box.getAttribute("data-root") || "";
    var results = box.querySelector(".vb-filtered");
    var headers = (results.getAttribute("data-headers") || "").split("|");
    var count = box.querySelector(".vb-filters__count");
    var selects = box.querySelectorAll("select[data-filter]");
    var sort = box.querySelector("select[data-sort]");
    var shown = PAGE_SIZE;
    var statics = [];
    var article = box.closest("article") || document;
    article.querySelectorAll(".vb-all-records, .vb-pager").forEach(function (node) {
      if (!box.contains(node)) statics.push(node);
    });

    function matches() {
      var wanted = [];
      selects.forEach(function (s) { if (s.value !== "") wanted.push([s.getAttribute("data-filter"), s.value]); });
      var found = data.records.filter(function (r) {
        return wanted.every(function (w) { return String(r[w[0]]) === w[1]; });
      });
      var order = sort.value;
      var byDate = function (a, b) { return a.k < b.k ? 1 : a.k > b.k ? -1 : 0; };
      var sorters = {
        newest: byDate,
        oldest: function (a, b) { return -byDate(a, b); },
        issuer: function (a, b) { return a.i - b.i || byDate(a, b); },
        type: function (a, b) { return a.t - b.t || byDate(a, b); }
      };
      found.sort(sorters[order] || byDate);  /* Array.prototype.sort is stable */
      return {records: found, active: wanted.length > 0 || order !== "newest"};
    }

    function row(r) {
      var tr = document.createElement("tr");
      var issuer = data.issuers[r.i] || ["", ""];
      var cells = [link(root + r.u, r.l), document.createTextNode(r.d),
                   link(issuer[1] ? root + issuer[1] : "", issuer[0]), document.createTextNode(r.s),
                   document.createTextNode(data.statuses[r.st] || "")];
      cells.forEach(function (content, i) {
        var td = document.createElement("td");
        td.setAttribute("data-label", headers[i] || "");
        td.appendChild(content);
        tr.appendChild(td);
      });
      return tr;
    }

    function table(records) {
      var wrap = el("div", "md-typeset__scrollwrap vb-table vb-all-records");
      wrap.tabIndex = 0;
      var inner = el("div", "md-typeset__table");
      var t = document.createElement("table");
      var head = document.createElement("thead");
      var tr = document.createElement("tr");
      headers.forEach(function (h) { tr.appendChild(el("th", null, h)); });
      head.appendChild(tr);
      var body = document.createElement("tbody");
      records.forEach(function (r) { body.appendChild(row(r)); });
      t.appendChild(head);
      t.appendChild(body);
      inner.appendChild(t);
      wrap.appendChild(inner);
      return wrap;
    }

    function choicesMade() {
      var any = sort.value !== "newest";
      selects.forEach(function (s) { if (s.value !== "") any = true; });
      return any;
    }

    /* The data arrives once, as a script element: allowed by the page's policy (same origin) and
       by file://, where fetch() is refused. */
    function withData(then) {
      if (data || window.vbAllRecords) {
        data = data || window.vbAllRecords;
        then();
        return;
      }
      if (loading) return;
      loading = true;
      count.textContent = "Đang tải danh sách văn bản…";
      var script = document.createElement("script");
      script.src = box.getAttribute("data-src");
      script.onload = function () { data = window.vbAllRecords || {records: []}; update(); };
      script.onerror = function () { loading = false; count.textContent = "Không tải được danh sách để lọc."; };
      document.body.appendChild(script);
    }

    function update() {
      if (!data) {
        if (choicesMade()) withData(update);
        else count.textContent = "";
        return;
      }
      var m = matches();
      statics.forEach(function (node) { node.hidden = m.active; });
      results.hidden = !m.active;
      results.textContent = "";
      if (!m.active) {
        count.textContent = "";
        return;
      }
      count.textContent = "Có " + countText(m.records.length) + " văn bản phù hợp.";
      if (m.records.length === 0) {
        results.appendChild(el("p", "vb-empty", "Không có văn bản nào phù hợp."));
        return;
      }
      results.appendChild(table(m.records.slice(0, shown)));
      if (m.records.length > shown) {
        var more = el("button", "md-button", "Hiện thêm " + countText(Math.min(PAGE_SIZE, m.records.length - shown)) +
                      " văn bản");
        more.type = "button";
        more.addEventListener("click", function () { shown += PAGE_SIZE; update(); });
        results.appendChild(more);
      }
    }

    selects.forEach(function (s) { s.addEventListener("change", function () { shown = PAGE_SIZE; update(); }); });
    sort.addEventListener("change", function () { shown = PAGE_SIZE; update(); });
    var actions = box.querySelector("[data-reset-label]");
    var reset = el("button", "md-button", actions.getAttribute("data-reset-label"));
    reset.type = "button";
    reset.setAttribute("data-reset", "");
    actions.insertBefore(reset, actions.firstChild);
    reset.addEventListener("click", function () {
      selects.forEach(function (s) { s.value = ""; });
      sort.value = "newest";
      shown = PAGE_SIZE;
      update();
    });
    box.hidden = false;
    update();  /* a reload keeps the browser's remembered choices */
  }

  /* -- filter box over a table ----------------------------------------------------------- */
  function filterBox(box, index) {
    var input = el("input");
    input.type = "search";
    input.id = "vb-loc-" + (index + 1);
    input.autocomplete = "off";
    input.spellcheck = false;
    var label = el("label", null, box.getAttribute("data-label"));
    label.htmlFor = input.id;
    var count = el("span", "vb-filters__count");
    count.setAttribute("role", "status");
    count.setAttribute("aria-live", "polite");
    box.appendChild(label);
    box.appendChild(input);
    box.appendChild(document.createTextNode(" "));
    box.appendChild(count);
    var article = box.closest("article") || document;
    var rows = Array.prototype.slice.call(article.querySelectorAll(".vb-table tbody tr"));
    var keys = rows.map(function (tr) { return fold(tr.textContent); });

    function update() {
      var wanted = fold(input.value);
      var visible = 0;
      rows.forEach(function (tr, i) {
        tr.hidden = wanted !== "" && keys[i].indexOf(wanted) < 0;
        if (!tr.hidden) visible += 1;
      });
      article.querySelectorAll(".vb-table").forEach(function (wrap) {
        var any = wrap.querySelector("tbody tr:not([hidden])") !== null;
        wrap.hidden = !any;
        var heading = wrap.previousElementSibling;
        if (heading && /^H[2-6]$/.test(heading.tagName)) heading.hidden = !any;
      });
      count.textContent = wanted === "" ? "" : "Có " + countText(visible) + " kết quả.";
    }

    input.addEventListener("input", update);
    box.hidden = false;
    update();
  }

  function pad(n) {
    return (n < 10 ? "0" : "") + n;
  }

  function printing() {
    document.querySelectorAll("[data-vb-print]").forEach(function (place) {
      var button = el("button", "md-button vb-print", "In văn bản");
      button.type = "button";
      button.addEventListener("click", function () { window.print(); });
      place.replaceWith(button);
    });
    window.addEventListener("beforeprint", function () {
      var now = new Date();
      var day = pad(now.getDate()) + "/" + pad(now.getMonth() + 1) + "/" + now.getFullYear();
      document.querySelectorAll("[data-vb-print-url]").forEach(function (node) {
        node.textContent = location.href.split("#")[0];
      });
      document.querySelectorAll("[data-vb-print-date]").forEach(function (node) {
        node.textContent = " — in ngày " + day;
      });
    });
  }

  function start() {
    printing();
    var box = document.querySelector("[data-vb-all-records]");
    if (box) allRecords(box);
    document.querySelectorAll("[data-vb-filter-box]").forEach(filterBox);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
