"""Editor fixtures: the app on a private copy of the bank, a frozen clock, a logged-in teacher."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest
from flask.testing import FlaskClient

from tests.support.clock import FrozenClock

GOOD = "    answer: Google DeepMind"
BAD = "    answer: Google Deepmind Labs"


@pytest.fixture
def app_config(bank_dir: Path, clock: FrozenClock) -> dict[str, object]:
    """The bank copy, and a reload interval long enough that only a save reloads it."""
    return {"QUESTIONS_DIR": str(bank_dir), "BANK_RELOAD_SECONDS": 3600, "CLOCK": clock}


@pytest.fixture
def as_teacher(client: FlaskClient, auth, teacher: int) -> FlaskClient:
    """The client, logged in as a teacher."""
    auth.login("teacher1")
    return client


def hidden(html: str, name: str) -> str:
    """The value of the hidden input ``name`` on a page."""
    match = re.search(rf'name="{name}" type="hidden" value="([^"]*)"', html) or re.search(
        rf'id="{name}" name="{name}" type="hidden" value="([^"]*)"', html
    )
    assert match, f"no hidden {name}"
    return match.group(1)


def textarea(html: str) -> str:
    """The text of the editor's text area, unescaped."""
    match = re.search(r'<textarea id="text"[^>]*>(.*?)</textarea>', html, re.S)
    assert match
    return unescape(match.group(1)).removeprefix("\n")


def open_file(client: FlaskClient, name: str) -> tuple[str, str]:
    """(text, base hash) of a file as the editor opens it."""
    html = client.get(f"/teacher/bank/files/{name}").get_data(as_text=True)
    return textarea(html), hidden(html, "base_hash")


def multipart(fields: dict[str, str | bytes]) -> dict[str, object]:
    """``client.post`` arguments sending ``fields`` as the editor's form does (multipart), from
    bytes exactly as given (the test client's own encoder spools big bodies to a temp file)."""
    boundary = "quizapp-test-boundary"
    body = b""
    for name, value in fields.items():
        data = value.encode() if isinstance(value, str) else value
        head = f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
        body += head.encode() + data + b"\r\n"
    body += f"--{boundary}--\r\n".encode()
    return {"data": body, "content_type": f"multipart/form-data; boundary={boundary}"}
