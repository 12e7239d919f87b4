// Trends page charts (uPlot, bundled from the webjar): records per bucket stacked by failure mode, and Pareto
// charts (bars by count, line of the cumulative share on a 0-100 % axis). The numbers come from /api/v1/trends,
// the same JSON the tables under each chart were rendered from.
(function () {
  "use strict";
  var t = window.uiText, note = window.uiNote;
  if (typeof uPlot === "undefined") return;

  var COLOURS = ["#0b5cad", "#c2410c", "#15803d", "#7c3aed", "#b91c1c", "#0e7490", "#a16207", "#be185d", "#6b7280"];

  function width(el) { return Math.max(280, el.clientWidth || 600); }

  function resizeWith(el, plot) {
    if (typeof ResizeObserver === "undefined") return;
    new ResizeObserver(function () { plot.setSize({ width: width(el), height: plot.height }); }).observe(el);
  }

  function day(s) { return Date.parse(s + "T00:00:00Z") / 1000; }

  // a failure mode's name as the page's tables write it (in the page's language: the API's keys are English)
  var names = {};
  document.querySelectorAll("[data-key]").forEach(function (e) { names[e.dataset.key] = e.textContent.trim(); });
  function name(key) { return names[key] || key; }

  // Stacked bars: each series is drawn at its running total, tallest first, so the lower ones paint over it;
  // the legend shows each series' own count.
  function series(el, view) {
    if (!view.series.length || view.total === 0) { note(el, t("noRecords", "No records in this period."), "muted"); return; }
    var xs = view.series.map(function (p) { return day(p.start); });
    var running = view.series.map(function () { return 0; });
    var stacked = view.keys.map(function (k) {
      return view.series.map(function (p, i) { running[i] += p.counts[k]; return running[i]; });
    });
    var bars = uPlot.paths.bars({ size: [0.8, 60] });
    var order = view.keys.map(function (k, i) { return i; }).reverse();
    var opts = {
      width: width(el), height: 280,
      series: [{ value: function (u, v) { return v == null ? "" : new Date(v * 1000).toISOString().slice(0, 10); } }]
        .concat(order.map(function (i) {
          return {
            label: name(view.keys[i]), fill: COLOURS[i % COLOURS.length], stroke: COLOURS[i % COLOURS.length],
            paths: bars, points: { show: false },
            value: function (u, v, si, idx) { return idx == null ? "" : view.series[idx].counts[view.keys[i]]; },
          };
        })),
      axes: [{}, { label: t("records", "records"), size: 50 }],
    };
    var plot = new uPlot(opts, [xs].concat(order.map(function (i) { return stacked[i]; })), el);
    resizeWith(el, plot);
  }

  function pareto(el, view) {
    var rows = view.pareto.slice(0, Number(el.dataset.max || 15));
    if (!rows.length) { note(el, t("noRecords", "No records in this period."), "muted"); return; }
    var xs = rows.map(function (r, i) { return i; });
    var opts = {
      width: width(el), height: 280,
      scales: { x: { time: false }, pct: { range: [0, 100] } },
      series: [
        { value: function (u, v) { return v == null ? "" : name(rows[v].key); } },
        { label: t("records", "records"), fill: "#0b5cad", stroke: "#0b5cad", paths: uPlot.paths.bars({ size: [0.7, 80] }), points: { show: false } },
        { label: t("cumulative", "cumulative %"), stroke: "#c2410c", width: 2, scale: "pct" },
      ],
      axes: [
        { values: function (u, splits) { return splits.map(function (i) { var r = rows[i]; return r ? name(r.key).slice(0, 14) : ""; }); },
          rotate: -30, size: 70, space: 20, incrs: [1] },
        { label: t("records", "records"), size: 50 },
        { side: 1, scale: "pct", label: t("cumulative", "cumulative %"), grid: { show: false }, size: 50 },
      ],
    };
    var plot = new uPlot(opts, [xs, rows.map(function (r) { return r.count; }), rows.map(function (r) { return r.cumulative; })], el);
    resizeWith(el, plot);
  }

  document.querySelectorAll("[data-trend-chart]").forEach(function (el) {
    fetch(el.dataset.src, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
      .then(function (view) { (el.dataset.trendChart === "series" ? series : pareto)(el, view); el.dataset.drawn = "true"; })
      .catch(function () { note(el, t("chartFailed", "The chart could not be loaded; the table below has the numbers."), "muted small"); });
  });
})();
