"""What the browser tests need from the machine: Playwright and Debian's Chromium.

Locally a missing piece skips the browser tests with a message; with ``CI=true`` it fails
them, so CI can never pass without having driven a real browser.
"""

from __future__ import annotations

import importlib
import os
from pathlib import Path
from types import ModuleType

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def unavailable(reason: str) -> None:
    """Skip (locally) or fail (``CI=true``) because the browser tests cannot run."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} (CI=true: the browser tests may not be skipped)", pytrace=False)
    pytest.skip(f"browser tests skipped: {reason}", allow_module_level=True)


def playwright_or_skip() -> ModuleType:
    """``playwright.sync_api``, or skip/fail when Playwright is not installed."""
    try:
        return importlib.import_module("playwright.sync_api")
    except ImportError:
        unavailable("Playwright for Python is not installed (pip install -e '.[test]')")
        raise  # unreachable: unavailable() always raises


def chromium_or_skip() -> Path:
    """Debian's Chromium, or skip/fail when it is missing (never download a browser)."""
    if not os.access(CHROMIUM, os.X_OK):
        unavailable(f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    return CHROMIUM
