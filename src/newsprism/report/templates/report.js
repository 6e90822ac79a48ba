// newsprism report: citations, search and toggles. Builds DOM with textContent only, never innerHTML.
(function () {
  "use strict";
  var dataEl = document.getElementById("newsprism-data");
  var data = dataEl ? JSON.parse(dataEl.textContent) : { articles: {} };
  var articles = data.articles || {};
  var codePoints = {};  // article id -> array of code points (offsets count code points, as in Python)

  function citedText(articleId, start, end) {
    var a = articles[articleId];
    if (!a) { return ""; }
    if (!codePoints[articleId]) { codePoints[articleId] = Array.from(a.text); }
    return codePoints[articleId].slice(start, end).join("");
  }

  function storyOf(el) { return el.closest(".story") || document; }

  function articleBody(scope, articleId) {
    var bodies = scope.querySelectorAll(".atext");
    for (var i = 0; i < bodies.length; i++) {
      if (bodies[i].dataset.article === articleId) { return bodies[i]; }
    }
    return null;
  }

  function clearMarks(scope) {
    scope.querySelectorAll("mark.cited").forEach(function (mark) {
      var parent = mark.parentNode;
      while (mark.firstChild) { parent.insertBefore(mark.firstChild, mark); }
      parent.removeChild(mark);
    });
    scope.querySelectorAll(".cite.active").forEach(function (b) { b.classList.remove("active"); });
  }

  // Wrap the runs covering [start, end) in one <mark>; the renderer cut the text at every cited offset.
  function highlight(scope, articleId, start, end) {
    var body = articleBody(scope, articleId);
    if (!body) { return null; }
    clearMarks(scope);
    var runs = [];
    body.querySelectorAll("span[data-s]").forEach(function (run) {
      var s = Number(run.dataset.s), e = Number(run.dataset.e);
      if (s >= start && e <= end) { runs.push(run); }
    });
    if (!runs.length || Number(runs[0].dataset.s) !== start || Number(runs[runs.length - 1].dataset.e) !== end) { return null; }
    var mark = document.createElement("mark");
    mark.className = "cited";
    mark.dataset.article = articleId;
    mark.dataset.start = String(start);
    mark.dataset.end = String(end);
    mark.tabIndex = -1;
    runs[0].parentNode.insertBefore(mark, runs[0]);
    runs.forEach(function (run) { mark.appendChild(run); });
    return mark;
  }

  function citeArgs(button) {
    return { article: button.dataset.article, start: Number(button.dataset.start), end: Number(button.dataset.end) };
  }

  var tip = document.getElementById("cite-tip");
  function showTip(button) {
    if (!tip) { return; }
    var c = citeArgs(button);
    var a = articles[c.article];
    tip.textContent = "";
    var who = document.createElement("span");
    who.className = "who";
    who.textContent = a ? a.label : c.article;
    var said = document.createElement("span");
    said.textContent = "\u201c" + citedText(c.article, c.start, c.end) + "\u201d";
    tip.appendChild(who);
    tip.appendChild(said);
    // measure at the left edge: an absolutely placed box shrinks near the right edge, and a width
    // measured there, once the box moves left, let it grow past the viewport (page scrolled sideways)
    var viewport = document.documentElement.clientWidth;
    tip.style.maxWidth = Math.max(120, Math.min(448, viewport - 16)) + "px";
    tip.style.left = "0px";
    tip.style.top = "0px";
    tip.hidden = false;
    var r = button.getBoundingClientRect();
    var left = Math.max(8, Math.min(r.left + window.scrollX, window.scrollX + viewport - tip.offsetWidth - 8));
    tip.style.left = left + "px";
    tip.style.top = (r.bottom + window.scrollY + 6) + "px";
  }
  function hideTip() { if (tip) { tip.hidden = true; } }

  function preview(button) {
    var c = citeArgs(button);
    highlight(storyOf(button), c.article, c.start, c.end);
    showTip(button);
  }

  function activate(button) {
    var c = citeArgs(button);
    var mark = highlight(storyOf(button), c.article, c.start, c.end);
    button.classList.add("active");
    var live = document.getElementById("live");
    var a = articles[c.article];
    if (live) { live.textContent = (a ? a.label : c.article) + ": " + citedText(c.article, c.start, c.end); }
    if (mark) { mark.scrollIntoView({ block: "center", inline: "nearest" }); }
    showTip(button);
  }

  document.addEventListener("click", function (ev) {
    var button = ev.target.closest ? ev.target.closest("button.cite") : null;
    if (button) { activate(button); }
  });
  document.addEventListener("mouseover", function (ev) {
    var button = ev.target.closest ? ev.target.closest("button.cite") : null;
    if (button) { preview(button); }
  });
  document.addEventListener("mouseout", function (ev) {
    var button = ev.target.closest ? ev.target.closest("button.cite") : null;
    // moving between the button's own children is not leaving it
    if (button && !(ev.relatedTarget && button.contains(ev.relatedTarget))) { hideTip(); }
  });
  document.addEventListener("focusin", function (ev) {
    if (ev.target.matches && ev.target.matches("button.cite")) { preview(ev.target); } else { hideTip(); }
  });
  document.addEventListener("keydown", function (ev) { if (ev.key === "Escape") { hideTip(); } });

  // live search, filters and sort over the story list (report.html; the web app filters on the server)
  document.querySelectorAll("input[data-filter]").forEach(function (input) {
    var table = document.getElementById(input.dataset.filter);
    var count = document.getElementById("story-count");
    var bar = input.closest("[data-list-filters]");
    if (!table) { return; }
    function field(name) { return bar ? bar.querySelector("[data-f='" + name + "']") : null; }
    function value(name) { var f = field(name); return f ? (f.type === "checkbox" ? f.checked : f.value) : ""; }
    function apply() {
      var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
      var outlet = value("outlet"), since = value("since"), until = value("until"), disputes = value("disputes");
      var shown = 0;
      var body = table.querySelector("tbody");
      var rows = Array.prototype.slice.call(body.querySelectorAll("tr"));
      rows.forEach(function (row) {
        var d = row.dataset;
        var hay = d.search || "";
        var ok = words.every(function (w) { return hay.indexOf(w) !== -1; });
        if (ok && outlet) { ok = (d.outlets || "").split("\n").indexOf(outlet) !== -1; }
        if (ok && since) { ok = Boolean(d.last) && d.last.slice(0, 10) >= since; }
        if (ok && until) { ok = Boolean(d.first) && d.first.slice(0, 10) <= until; }
        if (ok && disputes) { ok = Number(d.disputes) > 0; }
        row.hidden = !ok;
        if (ok) { shown += 1; }
      });
      var sort = value("sort");
      if (sort) {
        var key = function (row) {
          var d = row.dataset;
          if (sort === "size") { return [Number(d.size), d.last || ""]; }
          if (sort === "disputes") { return [Number(d.disputes), Number(d.size)]; }
          return [d.last || "", Number(d.size)];
        };
        rows.sort(function (x, y) {
          var a = key(x), b = key(y);
          if (a[0] !== b[0]) { return a[0] < b[0] ? 1 : -1; }
          return a[1] < b[1] ? 1 : a[1] > b[1] ? -1 : 0;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      }
      var filtered = words.length || outlet || since || until || disputes;
      if (count) { count.textContent = shown + (shown === 1 ? " story" : " stories") + (filtered ? " matching" : ""); }
    }
    input.addEventListener("input", apply);
    if (bar) { bar.querySelectorAll("[data-f]").forEach(function (f) { f.addEventListener("change", apply); }); }
  });

  // highlight toggles in the article texts
  document.querySelectorAll("input[data-toggle]").forEach(function (box) {
    box.addEventListener("change", function () {
      storyOf(box).classList.toggle("hide-" + box.dataset.toggle, !box.checked);
    });
  });

  // claims filter by status: matrix rows and the one-outlet lists
  document.querySelectorAll("select[data-claim-filter]").forEach(function (select) {
    select.addEventListener("change", function () {
      var section = select.closest("section");
      section.querySelectorAll("[data-status]").forEach(function (row) {
        row.hidden = Boolean(select.value) && row.dataset.status !== select.value;
      });
      section.querySelectorAll("details[data-status-group]").forEach(function (group) {
        var match = !select.value || group.dataset.statusGroup === select.value;
        group.hidden = !match;
        if (select.value && match) { group.open = true; }
      });
      section.querySelectorAll("details.more").forEach(function (more) {
        if (select.value) { more.open = true; }
      });
    });
  });

  // compare two outlets: report.html holds every pair and shows the one chosen; the web app asks the server
  document.querySelectorAll("form[data-compare]").forEach(function (form) {
    function show(ev) {
      if (!form.hasAttribute("data-static")) { return; }
      if (ev) { ev.preventDefault(); }
      var a = form.elements.a.value, b = form.elements.b.value;
      var section = form.closest("section");
      var found = false;
      section.querySelectorAll(".compare-pair").forEach(function (pair) {
        var key = pair.dataset.pair;
        var match = key === a + "|" + b || key === b + "|" + a;
        pair.hidden = !match;
        if (match) { found = true; }
      });
      var same = section.querySelector(".compare-same");
      if (same) { same.hidden = a !== b; }
      return found;
    }
    form.addEventListener("submit", show);
    form.querySelectorAll("select").forEach(function (s) { s.addEventListener("change", function () { show(null); }); });
  });

  // corrections (web app over a store): every correction form carries the token typed once
  var tokenSource = document.querySelector("[data-token-source]");
  if (tokenSource) {
    try { tokenSource.value = window.sessionStorage.getItem("newsprism-token") || ""; } catch (e) { /* storage off */ }
    document.querySelectorAll("form").forEach(function (form) {
      var hidden = form.querySelector("input[data-token]");
      if (!hidden) { return; }
      form.addEventListener("submit", function () {
        hidden.value = tokenSource.value;
        try { window.sessionStorage.setItem("newsprism-token", tokenSource.value); } catch (e) { /* storage off */ }
      });
    });
  }

  // which outlets stand side by side: hides that outlet's column in the texts and every table
  document.querySelectorAll("input[data-show-col]").forEach(function (box) {
    box.addEventListener("change", function () {
      storyOf(box).querySelectorAll("[data-col='" + box.dataset.showCol + "']").forEach(function (el) {
        el.classList.toggle("col-hidden", !box.checked);
      });
    });
  });
})();
