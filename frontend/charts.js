// Asset page charts (uPlot, bundled from the webjar): each sensor's readings, down-sampled on the server, with the
// asset's records as markers on the same time axis (hover shows the record, click opens it), and the history of
// each model's predictions.
(function () {
  "use strict";
  var t = window.uiText, note = window.uiNote;
  if (typeof uPlot === "undefined") return;

  function getJson(url) {
    return fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (r) { if (!r.ok) throw new Error(url + ": " + r.status); return r.json(); });
  }

  function width(el) { return Math.max(280, el.clientWidth || 600); }

  function resizeWith(el, plot, after) {
    if (typeof ResizeObserver === "undefined") return;
    new ResizeObserver(function () {
      plot.setSize({ width: width(el), height: plot.height });
      if (after) after();
    }).observe(el);
  }

  // ---- predictions over time ----
  document.querySelectorAll("[data-history]").forEach(function (el) {
    getJson(el.dataset.history).then(function (items) {
      if (items.length < 2) {
        note(el, t("onePrediction", "One prediction so far; its history draws as new readings arrive."));
        return;
      }
      var risk = el.dataset.kind === "failure_risk";
      var xs = items.map(function (p) { return Date.parse(p.asOf) / 1000; });
      var ys = items.map(function (p) { return risk ? p.value * 100 : p.value; });
      var plot = new uPlot({
        width: width(el), height: 140,
        series: [{}, { label: risk ? t("risk", "failure risk %") : t("rul", "RUL (cycles)"), stroke: "#0b5cad", width: 2 }],
        axes: [{}, { size: 50 }], legend: { show: false },
      }, [xs, ys], el);
      resizeWith(el, plot);
    }).catch(function () { note(el, t("historyFailed", "The prediction history could not be loaded.")); });
  });

  // ---- sensor charts with record markers ----
  var section = document.querySelector("section.sensors[data-sensors]");
  if (!section) return;
  var base = section.dataset.sensors;
  var first = (section.dataset.first || "").split(" ").filter(Boolean);

  getJson(base + "/readings?points=300").then(function (view) {
    if (!view.series || view.series.length === 0) return;
    section.hidden = false;
    var params = "asset=" + encodeURIComponent(section.dataset.asset) + "&limit=500&from="
      + encodeURIComponent(view.from) + "&to=" + encodeURIComponent(view.to);
    return getJson("/api/v1/records?" + params).then(function (page) { draw(view, page.items || []); },
      function () { draw(view, []); });
  }).catch(function () {});

  function draw(view, records) {
    var series = view.series.slice().sort(function (a, b) {
      var ia = first.indexOf(a.sensor), ib = first.indexOf(b.sensor);
      return (ia < 0 ? 1e6 : ia) - (ib < 0 ? 1e6 : ib) || a.sensor.localeCompare(b.sensor);
    });
    var holder = section.querySelector(".sensor-charts");
    var shown = 4;
    series.forEach(function (s, i) {
      var box = document.createElement("figure");
      box.className = "sensor-chart";
      box.dataset.sensor = s.sensor;
      if (i >= shown) box.hidden = true;
      var cap = document.createElement("figcaption");
      cap.textContent = s.sensor + (s.unit ? " (" + s.unit + ")" : "") + " · " + t("readings", "%1 readings", s.readings)
        + (s.resolution !== "raw" ? " · " + t("rollups", "%1 rollups", s.resolution) : "");
      box.appendChild(cap);
      holder.appendChild(box);
      var render = function () { chart(box, s, records); };
      if (box.hidden) box.render = render; else render();
    });
    var more = section.querySelector(".more-sensors");
    if (series.length > shown) {
      more.hidden = false;
      more.textContent = t("showAllSensors", "Show all %1 sensors", series.length);
      more.addEventListener("click", function () {
        holder.querySelectorAll("figure[hidden]").forEach(function (f) { f.hidden = false; f.render(); });
        more.hidden = true;
      });
    }
  }

  function chart(box, s, records) {
    var plot = new uPlot({
      width: width(box), height: 170,
      series: [{},
        { label: t("mean", "mean"), stroke: "#0b5cad", width: 1.5 },
        { label: t("min", "min"), stroke: "#9db7d8", width: 1 },
        { label: t("max", "max"), stroke: "#9db7d8", width: 1 }],
      axes: [{}, { size: 60 }],
    }, [s.t, s.mean, s.min, s.max], box);
    var layer = document.createElement("div");
    layer.className = "markers";
    plot.over.appendChild(layer);
    var place = function () {
      layer.innerHTML = "";
      records.forEach(function (r) {
        if (!r.occurredAt) return;
        var x = plot.valToPos(Date.parse(r.occurredAt) / 1000, "x");
        if (x < 0 || x > plot.over.clientWidth) return;
        var a = document.createElement("a");
        a.className = "marker kind-" + r.kind;
        a.href = "/records/" + r.id;
        a.style.left = x + "px";
        if (x > plot.over.clientWidth - 220) a.classList.add("flip"); // the tip opens leftwards near the right edge
        var label = (r.title || r.text || "").slice(0, 140);
        a.setAttribute("aria-label", t("record", "Record %1", r.id) + ": " + label);
        var tip = document.createElement("span");
        tip.className = "tip";
        tip.textContent = r.occurredAt.slice(0, 16).replace("T", " ") + " · " + label;
        a.appendChild(tip);
        layer.appendChild(a);
      });
    };
    place();
    resizeWith(box, plot, place);
  }
})();
