// Faultline page behaviour: small, dependency-free, works without a build step.

// Words the scripts write, in the page's language: the data-* attributes of #ui-text (layout.html, from the
// message bundle), "%1", "%2".. replaced by the arguments after the English fallback.
window.uiText = function (key, fallback) {
  var el = document.getElementById("ui-text");
  var text = (el && el.dataset[key]) || fallback;
  for (var i = 2; i < arguments.length; i++) text = text.split("%" + (i - 1)).join(String(arguments[i]));
  return text;
};

// A short note in place of a chart or list (as text: the words come from the page, never as markup).
window.uiNote = function (el, text, cls) {
  var p = document.createElement("p");
  p.className = cls || "muted small";
  p.textContent = text;
  el.innerHTML = "";
  el.appendChild(p);
};

(function () {
  "use strict";
  var t = window.uiText;

  // the language switch goes as soon as a language is picked (its button is for pages without scripts)
  document.querySelectorAll("form[data-auto-submit] select").forEach(function (select) {
    select.addEventListener("change", function () { select.form.submit(); });
    var button = select.form.querySelector("button[type=submit]");
    if (button) { button.hidden = true; }
  });

  // Asset picker: type-ahead from /api/v1/assets?q=
  document.querySelectorAll("input[data-asset-picker]").forEach(function (input) {
    var list = document.getElementById(input.getAttribute("list"));
    var timer;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      var q = input.value.trim();
      if (q.length < 1) return;
      timer = setTimeout(function () {
        fetch("/api/v1/assets?limit=10&q=" + encodeURIComponent(q), { credentials: "same-origin" })
          .then(function (r) { return r.ok ? r.json() : { items: [] }; })
          .then(function (page) {
            list.innerHTML = "";
            page.items.forEach(function (a) {
              var o = document.createElement("option");
              o.value = a.id;
              o.label = (a.name || a.id) + (a.site ? " · " + a.site : "");
              list.appendChild(o);
            });
          });
      }, 150);
    });
  });

  // "When" defaults to now (local time of the device)
  document.querySelectorAll("input[data-default-now]").forEach(function (input) {
    if (!input.value) {
      var d = new Date();
      d.setMinutes(d.getMinutes() - d.getTimezoneOffset());
      input.value = d.toISOString().slice(0, 16);
    }
  });

  // Live progress of imports that are still queued or running
  function poll(row) {
    fetch("/api/v1/imports/" + row.dataset.import, { credentials: "same-origin" })
      .then(function (r) { return r.json(); })
      .then(function (job) {
        var bar = row.querySelector(".bar");
        bar.style.width = job.percent + "%";
        bar.className = "bar state-" + job.state;
        row.querySelector(".progress").setAttribute("aria-valuenow", job.percent);
        row.querySelector(".pct").textContent = Math.round(job.percent) + "%";
        row.querySelector(".state").textContent =
          t("state" + job.state.charAt(0).toUpperCase() + job.state.slice(1), job.state);
        row.querySelector(".done").textContent = job.rowsDone;
        row.querySelector(".counts").textContent =
          t("counts", "%1 new, %2 updated, %3 unchanged", job.created, job.updated, job.unchanged);
        showFailures(row.querySelector(".failures"), job);
        row.dataset.state = job.state;
        if (job.state === "queued" || job.state === "running") setTimeout(function () { poll(row); }, 500);
        else refreshResult(row);
      });
  }
  // parts of a page that are slow to make (a summary not made yet) are fetched after the page has shown
  document.querySelectorAll("[data-fragment]").forEach(function (part) {
    fetch(part.dataset.fragment, { credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.text() : Promise.reject(r.status); })
      .then(function (html) { part.innerHTML = html; part.removeAttribute("aria-busy"); })
      .catch(function () {
        part.querySelector("p").textContent = t("summaryFailed", "The summary could not be made just now; reload the page to try again.");
        part.removeAttribute("aria-busy");
      });
  });

  // once a job has ended, its result cell as the page writes it: the API's reasons and message are English, the
  // page's are in the page's language (the server escapes them; same origin)
  function refreshResult(row) {
    fetch("/imports", { credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.text() : Promise.reject(r.status); })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, "text/html");
        var fresh = doc.querySelector('tr[data-import="' + row.dataset.import + '"] .result');
        if (fresh) row.querySelector(".result").innerHTML = fresh.innerHTML;
      })
      .catch(function () { /* the API's words stay */ });
  }

  // the first failed rows of an import (line, field, reason) and the link to all of them as CSV
  function showFailures(box, job) {
    if (!job.errors || !job.errors.length) return;
    box.innerHTML = "";
    var list = document.createElement("ul");
    list.className = "row-errors";
    job.errors.slice(0, 5).forEach(function (e) {
      var li = document.createElement("li");
      li.textContent = t("line", "line %1", e.line) + ", " + e.field + ": " + e.reason;
      list.appendChild(li);
    });
    box.appendChild(list);
    var a = document.createElement("a");
    a.className = "download";
    a.href = "/api/v1/imports/" + job.id + "/errors.csv";
    a.setAttribute("download", "");
    a.textContent = t("failedRows", "Failed rows as CSV (%1)", job.rowsFailed);
    box.appendChild(a);
  }

  // indexing progress: refreshed every 2 s until every record is embedded
  document.querySelectorAll("[data-index-progress]").forEach(function (box) {
    function refresh() {
      fetch("/api/v1/index/status", { credentials: "same-origin" })
        .then(function (r) { return r.json(); })
        .then(function (s) {
          var total = s.pending + s.indexed;
          if (s.pending === 0) {
            box.querySelector(".index-text").textContent = t("indexingDone", "Indexing done: every record is embedded.");
            box.querySelector("progress").value = box.querySelector("progress").max;
            return;
          }
          var bar = box.querySelector("progress");
          bar.max = total;
          bar.value = s.indexed;
          var left = s.secondsLeft == null ? "" : " · " + (s.secondsLeft < 60
            ? t("leftUnderMinute", "under a minute left")
            : t("leftMinutes", "about %1 min left", Math.round(s.secondsLeft / 60)));
          box.querySelector(".index-text").textContent =
            t("indexing", "Indexing: %1 records embedded, %2 waiting (%3%)", s.indexed, s.pending,
              Math.floor(s.indexed * 100 / total)) +
            (s.recordsPerSecond ? " · " + t("rate", "%1 records/s", s.recordsPerSecond) + left : "") + " " +
            t("indexingCover", "Search by meaning and similar records cover the embedded ones; keyword search covers all.");
          setTimeout(refresh, 2000);
        });
    }
    setTimeout(refresh, 2000);
  });

  // bar widths come from data-percent (the Content-Security-Policy allows no inline styles)
  document.querySelectorAll(".bar[data-percent]").forEach(function (bar) {
    bar.style.width = bar.dataset.percent + "%";
  });
  document.querySelectorAll("tr[data-import]").forEach(function (row) {
    if (row.dataset.state === "queued" || row.dataset.state === "running") poll(row);
  });
  // Ask: stream the answer (server-sent events); the plain form still works without this
  document.querySelectorAll("form[data-ask-stream]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (!window.EventSource) return;
      var question = form.querySelector("input[name=question]").value.trim();
      if (!question) return;
      event.preventDefault();
      var params = new URLSearchParams(new FormData(form));
      history.replaceState(null, "", "/ask?" + params.toString());
      var text = document.querySelector(".answer-text");
      var notice = document.querySelector(".answer .notice");
      var citations = document.querySelector(".citations");
      var retrieved = document.querySelector(".retrieved");
      var by = document.querySelector(".answer-by");
      text.textContent = "";
      citations.innerHTML = "";
      retrieved.innerHTML = "";
      notice.hidden = true;
      by.textContent = t("working", "working…");
      var source = new EventSource("/api/v1/ask/stream?" + params.toString());
      function item(list, n, href, label, extra) {
        var li = document.createElement("li");
        li.value = n;
        var a = document.createElement("a");
        a.href = href;
        a.textContent = label;
        li.appendChild(a);
        if (extra) { var s = document.createElement("span"); s.className = "muted"; s.textContent = " " + extra; li.appendChild(s); }
        list.appendChild(li);
      }
      source.addEventListener("retrieved", function (e) {
        var r = JSON.parse(e.data);
        item(retrieved, r.n, "/records/" + r.recordId, r.title || r.text.slice(0, 80),
          (r.occurredAt ? r.occurredAt.slice(0, 10) : "") + (r.asset ? " · " + r.asset : ""));
      });
      // each sentence arrives only after its citations were checked; a sentence that failed is never sent
      source.addEventListener("sentence", function (e) {
        var p = document.createElement("p");
        p.textContent = JSON.parse(e.data).text;
        text.appendChild(p);
      });
      source.addEventListener("dropped", function (e) {
        notice.textContent = t("sentenceLeftOut", "A sentence was left out: %1.", JSON.parse(e.data).reason);
        notice.hidden = false;
      });
      source.addEventListener("done", function (e) {
        var a = JSON.parse(e.data);
        text.innerHTML = "";
        a.answer.split("\n").forEach(function (line) {
          var p = document.createElement("p");
          p.textContent = line;
          text.appendChild(p);
        });
        if (a.notice) { notice.textContent = a.notice; notice.hidden = false; }
        by.textContent = t("by", "by %1", a.generator);
        a.citations.forEach(function (c) { item(citations, c.n, "/records/" + c.recordId, "[" + c.n + "] " + c.snippet); });
        // sensor-model predictions: beside the answer, never in it
        var evidence = document.querySelector(".model-evidence");
        var plist = evidence.querySelector(".predictions-list");
        plist.innerHTML = "";
        (a.predictions || []).forEach(function (p) {
          var li = document.createElement("li");
          var link = document.createElement("a");
          link.href = "/assets/" + encodeURIComponent(p.asset);
          link.textContent = p.asset;
          li.appendChild(link);
          li.appendChild(document.createTextNode(": " + p.text + (p.atRisk ? " (" + t("atRisk", "at risk") + ")" : "")));
          plist.appendChild(li);
        });
        evidence.hidden = !a.predictions || a.predictions.length === 0;
        source.close();
      });
      source.addEventListener("problem", function (e) {
        var p = JSON.parse(e.data);
        notice.textContent = p.errors && p.errors.length ? p.errors[0].field + " " + p.errors[0].reason : p.detail;
        notice.hidden = false;
        by.textContent = "";
        source.close();
      });
      source.onerror = function () {
        if (source.readyState === EventSource.CLOSED) return;
        source.close();
        form.submit(); // fall back to the plain page
      };
    });
  });
})();
