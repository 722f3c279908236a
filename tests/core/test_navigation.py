"""The layout's links (navigation, style sheet, account) are built once per role and root."""

from __future__ import annotations

import re


def links(client, path: str = "/study", root: str = "") -> str:  # type: ignore[no-untyped-def]
    response = client.get(path, base_url=f"http://localhost{root}")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_links_follow_the_application_root(client, auth, student) -> None:
    auth.login()
    plain = links(client)
    mounted = links(client, root="/quizapp")
    assert re.search(r'href="/assets/[0-9a-f]{12}/style.css"', plain)
    assert 'href="/study" aria-current="page"' in plain
    assert re.search(r'href="/quizapp/assets/[0-9a-f]{12}/style.css"', mounted)
    assert 'href="/quizapp/study" aria-current="page"' in mounted
    assert 'action="/quizapp/auth/logout"' in mounted and 'href="/flashcards' not in mounted
    assert 'href="/quizapp/study"' not in links(client)  # the first root's links stay its own


def test_the_current_section_is_marked_on_each_page(client, auth, student) -> None:
    auth.login()
    assert 'href="/history/" aria-current="page"' in links(client, "/history/")
    history = links(client, "/history/")
    assert 'href="/study" aria-current' not in history and 'href="/study">Study' in history


def test_visitors_get_the_account_links_only(client) -> None:
    page = links(client, "/auth/login")
    assert 'href="/auth/login">Log in' in page and 'href="/auth/register">Register' in page
    assert 'href="/study"' not in page and "Log out" not in page


def test_each_role_gets_its_links_and_class_pages_count_as_teacher(
    client, auth, student, teacher, make_user
) -> None:
    auth.login()
    page = links(client)
    assert 'href="/classes">Classes' in page and 'href="/teacher/"' not in page
    auth.logout()
    auth.login("teacher1")
    page = links(client, "/teacher/classes")
    assert 'href="/teacher/" aria-current="page">Teacher' in page
    assert 'href="/classes"' not in page and 'href="/admin/"' not in page
    auth.logout()
    make_user("head", admin=True)
    auth.login("head")
    page = links(client, "/admin/")
    assert 'href="/admin/" aria-current="page">Admin' in page and 'href="/teacher/">' in page
    assert "head (admin)" in page
