"""One page state checked the way a phone user and a screen-reader user meet it.

``audit(page)`` runs axe-core (the copy shipped inside the ``axe-playwright-python`` package,
nothing from a CDN) with the WCAG 2.2 A and AA rules, and measures whether the page is wider
than its viewport. The browser tests visit every page state at the desktop and phone widths.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

WIDTHS = {"desktop": (1280, 900), "phone": (375, 740)}
"""The two viewports every state is checked at (375 px: an iPhone SE / mini's CSS width)."""

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"]
"""WCAG 2.2 A and AA, and axe's best practices (one h1 per page, landmarks, ...) as well."""


@dataclass
class Finding:
    """What one state at one width got wrong."""

    state: str
    width: str
    violations: list[str] = field(default_factory=list)
    overflow: int = 0

    def __bool__(self) -> bool:
        return bool(self.violations or self.overflow)

    def __str__(self) -> str:
        parts = [f"{self.state} @ {self.width}:"]
        if self.overflow:
            parts.append(f"page {self.overflow} px wider than the viewport")
        parts += self.violations
        return "\n    ".join(parts)


def _axe() -> Any:
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


def audit(page: Any, state: str, width: str) -> Finding:
    """axe-core's WCAG 2.2 AA violations and the horizontal overflow of the current page."""
    results = _axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    found = Finding(state, width)
    for violation in results.response["violations"]:
        targets = [" ".join(node["target"]) for node in violation["nodes"][:3]]
        found.violations.append(f"{violation['id']} ({violation['impact']}): {targets}")
    found.overflow = page.evaluate(
        "Math.max(0, document.documentElement.scrollWidth - window.innerWidth)"
    )
    return found


class Auditor:
    """Checks each state it is shown at both widths and keeps what failed."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.findings: list[Finding] = []
        self.states: list[str] = []

    def check(self, state: str) -> None:
        """Audit the page as it is now, at both widths (ending at the desktop width)."""
        self.states.append(state)
        for width in ("phone", "desktop"):
            wide, high = WIDTHS[width]
            self.page.set_viewport_size({"width": wide, "height": high})
            found = audit(self.page, state, width)
            if found:
                self.findings.append(found)

    def visit(self, url: str, state: str | None = None) -> None:
        """Open ``url`` and check it."""
        self.page.goto(url)
        self.check(state or url)

    def report(self) -> str:
        """Every finding, one block per state and width."""
        return "\n".join(str(finding) for finding in self.findings)
