"""Static files under content-hashed URLs with a year-long immutable cache; compressed pages."""

from __future__ import annotations

import gzip
import hashlib
import re
from pathlib import Path

from flask import Flask

STATIC = Path(__file__).resolve().parents[2] / "quizapp" / "static"


def linked(page: str, name: str) -> str:
    found = re.search(rf'"(/assets/[0-9a-f]{{12}}/{re.escape(name)})"', page)
    assert found, f"{name} is not linked by a hashed URL"
    return found[1]


def test_pages_link_the_style_and_script_by_their_content_hash(client) -> None:
    page = client.get("/").get_data(as_text=True)
    for name in ("style.css", "app.js"):
        url = linked(page, name)
        digest = hashlib.sha256((STATIC / name).read_bytes()).hexdigest()[:12]
        assert url == f"/assets/{digest}/{name}"


def test_a_hashed_file_is_cached_for_a_year_and_never_revalidated(client) -> None:
    url = linked(client.get("/").get_data(as_text=True), "style.css")
    response = client.get(url)
    assert response.status_code == 200
    assert response.data == (STATIC / "style.css").read_bytes()
    cache = response.headers["Cache-Control"]
    assert "max-age=31536000" in cache and "immutable" in cache and "public" in cache
    response.close()


def test_an_old_hash_redirects_to_the_current_file(client) -> None:
    response = client.get("/assets/000000000000/style.css")
    assert response.status_code == 302
    assert re.fullmatch(r"/assets/[0-9a-f]{12}/style\.css", response.headers["Location"])


def test_missing_files_and_paths_out_of_the_folder_are_not_found(client) -> None:
    for url in (
        "/assets/000000000000/nothing.css",
        "/assets/000000000000/../config.py",
        "/assets/000000000000/%2e%2e/__init__.py",
    ):
        assert client.get(url).status_code == 404, url


def test_assets_stay_cacheable_when_logged_in(client, auth, student) -> None:
    auth.login()
    url = linked(client.get("/").get_data(as_text=True), "app.js")
    response = client.get(url)
    assert "no-store" not in response.headers["Cache-Control"]
    response.close()


def test_pages_are_compressed_for_browsers_that_accept_it(app: Flask, client) -> None:
    plain = client.get("/auth/register")
    squeezed = client.get("/auth/register", headers={"Accept-Encoding": "gzip"})
    assert "Content-Encoding" not in plain.headers
    assert squeezed.headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(squeezed.data) == plain.data
    assert len(squeezed.data) < len(plain.data) / 2
    assert "Accept-Encoding" in squeezed.headers.get("Vary", "")
