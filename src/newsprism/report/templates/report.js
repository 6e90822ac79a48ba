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
    tip.style.left = "0px";
    tip.style.top = "0px";
    tip.hidden = false;
    var r = button.getBoundingClientRect();
    var left = Math.max(8, Math.min(r.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - tip.offsetWidth - 8));
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

  // live search over the story list
  document.querySelectorAll("input[data-filter]").forEach(function (input) {
    var table = document.getElementById(input.dataset.filter);
    var count = document.getElementById("story-count");
    if (!table) { return; }
    input.addEventListener("input", function () {
      var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
      var shown = 0;
      table.querySelectorAll("tbody tr").forEach(function (row) {
        var hay = row.dataset.search || "";
        var ok = words.every(function (w) { return hay.indexOf(w) !== -1; });
        row.hidden = !ok;
        if (ok) { shown += 1; }
      });
      if (count) { count.textContent = shown + (shown === 1 ? " story" : " stories") + (words.length ? " matching" : ""); }
    });
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

  // which outlets stand side by side: hides that outlet's column in the texts and every table
  document.querySelectorAll("input[data-show-col]").forEach(function (box) {
    box.addEventListener("change", function () {
      storyOf(box).querySelectorAll("[data-col='" + box.dataset.showCol + "']").forEach(function (el) {
        el.classList.toggle("col-hidden", !box.checked);
      });
    });
  });
})();
