"""Browser-test fixtures: a real gunicorn server, Debian's Chromium, a page per test.

Every test here is marked ``e2e`` (and ``slow``). A failed test leaves a screenshot in
``test-results/e2e/<test name>.png``.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from quizapp.bank.spec import Bank
from quizapp.bank.validate import load_bank

from .server import ROOT, LiveServer, start_server
from .support import CHROMIUM_ARGS, chromium_or_skip, playwright_or_skip

BANK = ROOT / "tests" / "data" / "bank" / "tiny"
TEACHER = ("teacher", "correct horse battery")
SCREENSHOTS = ROOT / "test-results" / "e2e"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test of this folder ``e2e`` and ``slow``."""
    here = Path(__file__).parent
    for item in items:
        if here in item.path.parents:
            item.add_marker(pytest.mark.e2e)
            item.add_marker(pytest.mark.slow)


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]):
    """Keep each phase's report on the item (``rep_setup``, ``rep_call``) for the page fixture."""
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """quizapp under gunicorn on 127.0.0.1, on a fresh database and a copy of the tiny bank."""
    if os.environ.get("QUIZAPP_TEST_DATABASE_URL"):
        pytest.skip("browser tests run in the SQLite pass of `make test`, not the PostgreSQL one")
    server = start_server(tmp_path_factory.mktemp("e2e"), BANK, TEACHER)
    yield server
    server.stop()


@pytest.fixture(scope="session")
def bank(live_server: LiveServer) -> Bank:
    """The server's bank as it started, read in the test process to know the right answers."""
    loaded = load_bank(live_server.bank_dir).bank
    assert loaded is not None
    return loaded


@pytest.fixture
def people_yaml(live_server: LiveServer) -> Iterator[Path]:
    """The server's copy of people.yaml, which a test may edit; put back however it ends."""
    path = live_server.bank_dir / "people.yaml"
    original = path.read_text()
    yield path
    path.write_text(original)


@pytest.fixture
def clock(live_server: LiveServer) -> Iterator[LiveServer]:
    """The server, whose clock a test may move; it is set back to real time afterwards."""
    yield live_server
    live_server.move_clock(0)


@pytest.fixture(scope="session", autouse=True)
def browser() -> Iterator[Any]:
    """Headless Debian Chromium driven by Playwright's sync API (never a downloaded browser).

    Autouse, so that a missing browser skips (or, in CI, fails) before a server is started.
    """
    sync_api = playwright_or_skip()
    executable = chromium_or_skip()
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(executable), headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def new_page(
    request: pytest.FixtureRequest, browser: Any, live_server: LiveServer
) -> Iterator[Callable[[], Any]]:
    """Factory: each call opens a page in a fresh browser context (its own cookies).

    When the test fails, every page it opened is saved as a screenshot.
    """
    contexts = []

    def _new_page() -> Any:
        context = browser.new_context(base_url=live_server.url)
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context.new_page()

    yield _new_page
    report = getattr(request.node, "rep_call", None)
    for number, context in enumerate(contexts):
        if report is not None and report.failed:
            suffix = f"-{number + 1}" if number else ""
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            path = SCREENSHOTS / f"{safe_name(request.node.name)}{suffix}.png"
            context.pages[0].screenshot(path=path, full_page=True)
        context.close()


@pytest.fixture
def page(new_page: Callable[[], Any]) -> Any:
    """A page in a fresh browser context, on the server's base URL."""
    return new_page()


def safe_name(name: str) -> str:
    """A test name usable as a file name."""
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", name)
