// quizapp keyboard shortcuts. Every page works without this script; it only adds keys.
// The keys act on the focused control first: Enter and Space on a link, button, field or other
// interactive element do what the browser does there (→ too, on a radio button); the page-wide
// Enter and Space apply only when focus is on the page itself. A page opts in by marking a
// [data-keys] root, which it leaves out when the student switched shortcuts off in Settings.
(function () {
  "use strict";
  // What the browser (or the element's ARIA role) gives keys of its own; a container that is
  // only focusable from script (tabindex="-1", e.g. a skip link's target) is not a control.
  var INTERACTIVE = "a[href], area[href], button, input, select, textarea, summary, iframe, " +
    "audio[controls], video[controls], [tabindex]:not([tabindex^='-']), [role=button], " +
    "[role=link], [role=checkbox], [role=radio], [role=switch], [role=tab], [role=option], " +
    "[role=menuitem], [role=slider], [role=combobox], [role=textbox]";
  var ARROWS = "input[type=radio], [role=radio], [role=tab], [role=option], [role=menuitem], " +
    "[role=slider]";
  function typing(el) {
    return el && (el.tagName === "TEXTAREA" || el.tagName === "SELECT" || el.isContentEditable ||
      (el.tagName === "INPUT" && !["radio", "checkbox", "submit", "button"].includes(el.type)));
  }
  function interactive(el) {
    return !!el && el !== document.body && el.matches(INTERACTIVE);
  }
  function press(root, selector, ev) {
    var target = root.querySelector(selector);
    if (target) { target.click(); ev.preventDefault(); }
  }
  document.addEventListener("keydown", function (ev) {
    if (ev.ctrlKey || ev.metaKey || ev.altKey || ev.defaultPrevented) return;
    var root = document.querySelector("[data-keys]");
    if (!root) return;
    var focused = document.activeElement;
    if (typing(focused)) return;
    if (/^[1-9]$/.test(ev.key)) {
      var pick = root.querySelectorAll("[data-key-choice]")[Number(ev.key) - 1];
      if (pick && !pick.matches(":disabled")) { pick.click(); pick.focus(); ev.preventDefault(); }
      return;
    }
    if (ev.key === "n" || ev.key === "N") return press(root, "[data-key-next]", ev);
    if (ev.key === "ArrowRight") {  // a radio group's arrows move its choice
      if (!(focused && focused.matches(ARROWS))) press(root, "[data-key-next]", ev);
      return;
    }
    if (interactive(focused)) return;  // Enter and Space: the focused control's own keys
    if (ev.key === "Enter") return press(root, "[data-key-submit]", ev);
    if (ev.key === " ") return press(root, "[data-key-flip], [data-key-space]", ev);
  });
})();

// Bank editor: an error's "Line 12, column 5" link puts the text cursor there. Without the
// script the link goes to the text area, and the error shows the line itself.
(function () {
  "use strict";
  document.addEventListener("click", function (ev) {
    var link = ev.target.closest && ev.target.closest("a[data-line]");
    var area = document.getElementById("text");
    if (!link || !area) return;
    var lines = area.value.split("\n");
    var line = Math.min(Number(link.dataset.line), lines.length);
    var offset = 0;
    for (var i = 0; i < line - 1; i++) offset += lines[i].length + 1;
    offset += Math.min(Number(link.dataset.column || 1) - 1, lines[line - 1].length);
    ev.preventDefault();
    area.focus();
    area.setSelectionRange(offset, offset);
    var height = parseFloat(getComputedStyle(area).lineHeight) || 20;
    area.scrollTop = Math.max(0, (line - 3) * height);
  });
})();

// The browser's time zone, sent once per log-in while the page asks for it (data-zone-url): it
// becomes the student's zone unless they saved settings. Without the script the zone stays UTC
// and Settings asks the student to choose one.
(function () {
  "use strict";
  var url = document.body && document.body.getAttribute("data-zone-url");
  var token = document.querySelector("input[name=csrf_token]");
  var zone = window.Intl && Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (!url || !token || !zone || !window.fetch) return;
  fetch(url, { method: "POST", credentials: "same-origin",
    body: new URLSearchParams({ csrf_token: token.value, zone: zone }) });
})();
