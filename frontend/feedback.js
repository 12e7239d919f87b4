// Thumbs up / down on search results and answers: posted to /api/v1/feedback with the session's CSRF token (from
// the layout's meta tag); the pressed button stays marked and a short thanks replaces nothing else on the page.
(function () {
  "use strict";
  var meta = document.querySelector('meta[name="csrf-token"]');
  // a streamed answer: the buttons appear with its first words, and reset for each new question
  var text = document.querySelector(".answer .answer-text");
  var box = document.querySelector(".answer .feedback");
  if (text && box && typeof MutationObserver !== "undefined") {
    new MutationObserver(function () {
      var shown = text.textContent.trim() !== "";
      if (shown && box.hidden) {
        box.querySelectorAll("[data-feedback]").forEach(function (x) { x.setAttribute("aria-pressed", "false"); });
        var said = box.querySelector(".feedback-said");
        if (said) said.textContent = "";
      }
      box.hidden = !shown;
    }).observe(text, { childList: true, subtree: true, characterData: true });
  }
  document.addEventListener("click", function (ev) {
    var b = ev.target.closest("[data-feedback]");
    if (!b) return;
    var box = b.closest(".feedback");
    var query = b.dataset.query || (document.querySelector('input[name="question"]') || {}).value || "";
    var body = { kind: b.dataset.feedback, query: query, useful: b.dataset.useful === "true" };
    if (b.dataset.record) body.recordId = Number(b.dataset.record);
    fetch("/api/v1/feedback", {
      method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": meta ? meta.content : "" },
      body: JSON.stringify(body),
    }).then(function (r) {
      if (!r.ok) throw new Error(r.status);
      box.querySelectorAll("[data-feedback]").forEach(function (x) { x.setAttribute("aria-pressed", String(x === b)); });
      var said = box.querySelector(".feedback-said");
      if (said) said.textContent = window.uiText("thanks", "Thanks: noted.");
    }).catch(function () {
      var said = box.querySelector(".feedback-said");
      if (said) said.textContent = window.uiText("saveFailed", "Could not save that; try again.");
    });
  });
})();
