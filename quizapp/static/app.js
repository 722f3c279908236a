// quizapp keyboard shortcuts. Every page works without this script; it only adds keys.
(function () {
  "use strict";
  function typing(el) {
    return el && (el.tagName === "TEXTAREA" || el.tagName === "SELECT" ||
      (el.tagName === "INPUT" && !["radio", "checkbox", "submit", "button"].includes(el.type)));
  }
  document.addEventListener("keydown", function (ev) {
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    var root = document.querySelector("[data-keys]");
    if (!root) return;
    var inField = typing(document.activeElement);
    if (!inField && /^[1-9]$/.test(ev.key)) {
      var pick = root.querySelectorAll("[data-key-choice]")[Number(ev.key) - 1];
      if (pick) { pick.click(); pick.focus(); ev.preventDefault(); }
      return;
    }
    if (ev.key === "Enter" && !inField) {
      var submit = root.querySelector("[data-key-submit]");
      if (submit) { submit.click(); ev.preventDefault(); }
      return;
    }
    if (!inField && (ev.key === "n" || ev.key === "N" || ev.key === "ArrowRight")) {
      var next = root.querySelector("[data-key-next]");
      if (next) { next.click(); ev.preventDefault(); }
      return;
    }
    if (!inField && ev.key === " ") {
      var flip = root.querySelector("[data-key-flip]") || root.querySelector("[data-key-space]");
      if (flip) { flip.click(); ev.preventDefault(); }
    }
  });
})();
