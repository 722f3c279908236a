"""One page state checked the way a phone user and a screen-reader user meet it.

``audit(page)`` runs axe-core (the copy shipped inside the ``axe-playwright-python`` package,
nothing from a CDN) with the WCAG 2.2 A and AA rules and axe's best practices, measures whether
the page is wider than its viewport, whether any target is smaller than 24 x 24 px (WCAG 2.5.8,
stricter than axe: no spacing exception, only inline text links are exempt) and the page's
weight. The browser tests visit every page state at the desktop and phone widths, in the light
theme and (at the phone width) the ``prefers-color-scheme: dark`` one.

With ``QUIZAPP_SCREENSHOTS=DIR`` every state is also saved as full-page PNGs in DIR, for the
visual pass (``<state>--<width>.png``); each run writes ``page-weights.txt`` beside the
failure screenshots.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

WIDTHS = {"desktop": (1280, 900), "phone": (375, 740)}
"""The two viewports every state is checked at (375 px: an iPhone SE / mini's CSS width)."""

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"]
"""WCAG 2.2 A and AA, and axe's best practices (one h1 per page, landmarks, ...) as well."""

MAX_WEIGHT = 40 * 1024
"""The most a page may weigh as sent: its HTML, stylesheet and script, compressed."""

MIN_TARGET = 24
"""WCAG 2.5.8: a pointer target is at least 24 x 24 CSS px."""

SMALL_TARGETS = """() => {
  const sel = "a[href], button, input:not([type=hidden]), select, textarea, summary, " +
    "[tabindex='0']";
  return [...document.querySelectorAll(sel)].filter(el => {
    const r = el.getBoundingClientRect(), style = getComputedStyle(el);
    if (!r.width || !r.height || r.right < 0 || style.visibility === "hidden") return false;
    if (el.matches("a") && style.display === "inline") return false;  // a link in a sentence
    return r.width < 24 - 0.5 || r.height < 24 - 0.5;
  }).map(el => `${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""} "${
    (el.textContent || el.value || el.name || "").trim().slice(0, 30)}" ${
    Math.round(el.getBoundingClientRect().width)}x${Math.round(el.getBoundingClientRect().height)}`);
}"""

SIZES = """() => {
  const entries = [...performance.getEntriesByType("navigation"),
                   ...performance.getEntriesByType("resource")];
  const files = [...document.querySelectorAll("link[rel=stylesheet], script[src], img[src]")]
    .map(el => el.href || el.src);
  return {entries: entries.map(e => [e.name.split("#")[0], e.encodedBodySize, e.decodedBodySize]),
          files: files, page: location.href.split("#")[0]};
}"""


@dataclass
class Finding:
    """What one state at one width got wrong."""

    state: str
    width: str
    violations: list[str] = field(default_factory=list)
    overflow: int = 0
    weight: int = 0

    def __bool__(self) -> bool:
        return bool(self.violations or self.overflow or self.weight > MAX_WEIGHT)

    def __str__(self) -> str:
        parts = [f"{self.state} @ {self.width}:"]
        if self.overflow:
            parts.append(f"page {self.overflow} px wider than the viewport")
        if self.weight > MAX_WEIGHT:
            parts.append(f"page weighs {self.weight} bytes (most: {MAX_WEIGHT})")
        parts += self.violations
        return "\n    ".join(parts)


def _axe() -> Any:
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


def audit(page: Any, state: str, width: str) -> Finding:
    """axe-core's WCAG 2.2 AA violations, small targets and the overflow of the current page."""
    results = _axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    found = Finding(state, width)
    for violation in results.response["violations"]:
        targets = [" ".join(node["target"]) for node in violation["nodes"][:3]]
        found.violations.append(f"{violation['id']} ({violation['impact']}): {targets}")
    found.violations += [f"target under 24x24 px: {t}" for t in page.evaluate(SMALL_TARGETS)]
    found.overflow = page.evaluate(
        "Math.max(0, document.documentElement.scrollWidth - window.innerWidth)"
    )
    return found


def file_name(state: str) -> str:
    """A state's name as part of a file name."""
    return re.sub(r"[^A-Za-z0-9]+", "-", state).strip("-").lower()


class Auditor:
    """Checks each state it is shown at both widths (and dark), keeps what failed, weighs it."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.findings: list[Finding] = []
        self.states: list[str] = []
        self.weights: dict[str, tuple[int, int]] = {}
        """State -> (bytes sent, bytes unpacked) of its HTML, stylesheet and script."""
        self._sizes: dict[str, tuple[int, int]] = {}
        folder = os.environ.get("QUIZAPP_SCREENSHOTS")
        self.screenshots = Path(folder) if folder else None

    def weigh(self) -> tuple[int, int]:
        """The page's weight: its HTML and the files it links, as sent (compressed) and unpacked.

        A file the browser has cached is counted with the size it had when first loaded.
        """
        sizes = self.page.evaluate(SIZES)
        for name, sent, unpacked in sizes["entries"]:
            if unpacked:
                self._sizes[name] = (sent, unpacked)
        parts = [self._sizes.get(url, (0, 0)) for url in [sizes["page"], *set(sizes["files"])]]
        return sum(p[0] for p in parts), sum(p[1] for p in parts)

    def check(self, state: str) -> None:
        """Audit the page as it is now: phone and desktop widths, then dark at the phone width
        (ending at the desktop width, light)."""
        self.states.append(state)
        self.weights[state] = self.weigh()
        for width, dark in (("phone", False), ("phone", True), ("desktop", False)):
            wide, high = WIDTHS[width]
            self.page.emulate_media(color_scheme="dark" if dark else "light")
            self.page.set_viewport_size({"width": wide, "height": high})
            found = audit(self.page, state, f"{width}{' (dark)' if dark else ''}")
            found.weight = self.weights[state][0]
            if found:
                self.findings.append(found)
            if self.screenshots is not None:
                self.screenshots.mkdir(parents=True, exist_ok=True)
                name = f"{file_name(state)}--{width}{'-dark' if dark else ''}.png"
                self.page.screenshot(path=self.screenshots / name, full_page=True)
        self.page.emulate_media(color_scheme="light")

    def visit(self, url: str, state: str | None = None) -> None:
        """Open ``url`` and check it."""
        self.page.goto(url)
        self.check(state or url)

    def report(self) -> str:
        """Every finding, one block per state and width."""
        return "\n".join(str(finding) for finding in self.findings)

    def weight_table(self) -> str:
        """Each state's weight, heaviest first: bytes sent and unpacked."""
        rows = sorted(self.weights.items(), key=lambda item: -item[1][0])
        return "\n".join(f"{sent:>7} {unpacked:>7}  {state}" for state, (sent, unpacked) in rows)
