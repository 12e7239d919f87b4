// Faultline page behaviour: small, dependency-free, works without a build step.
(function () {
  "use strict";

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
        row.querySelector(".pct").textContent = job.percent + "%";
        row.querySelector(".state").textContent = job.state;
        row.querySelector(".done").textContent = job.rowsDone;
        row.querySelector(".result").textContent =
          job.created + " new, " + job.updated + " updated, " + job.unchanged + " unchanged" +
          (job.rowsFailed ? ", " + job.rowsFailed + " failed" : "");
        row.dataset.state = job.state;
        if (job.state === "queued" || job.state === "running") setTimeout(function () { poll(row); }, 500);
      });
  }
  document.querySelectorAll("tr[data-import]").forEach(function (row) {
    if (row.dataset.state === "queued" || row.dataset.state === "running") poll(row);
  });
})();
