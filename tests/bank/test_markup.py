"""Prompts and explanations: a small Markdown subset, never raw HTML."""

from __future__ import annotations

import pytest

from quizapp.bank.markup import render_markdown


@pytest.mark.parametrize(
    ("text", "html"),
    [
        ("Plain text", "<p>Plain text</p>"),
        ("*Mistral* and **Le Chat**", "<p><em>Mistral</em> and <strong>Le Chat</strong></p>"),
        ("Call `mistral-large`", "<p>Call <code>mistral-large</code></p>"),
        (
            "[the deal](https://example.org/deal)",
            '<p><a href="https://example.org/deal" rel="noopener noreferrer nofollow">the deal</a>'
            "</p>",
        ),
        ("\\*not emphasis\\*", "<p>*not emphasis*</p>"),
        ("# Not a heading\n\n- not a list", "<p># Not a heading</p>\n<p>- not a list</p>"),
        (
            "![img](https://example.org/x.png)",
            '<p>!<a href="https://example.org/x.png" '
            'rel="noopener noreferrer nofollow">img</a></p>',
        ),
    ],
)
def test_the_subset(text: str, html: str) -> None:
    assert render_markdown(text) == html


def test_a_script_comes_out_escaped() -> None:
    html = render_markdown("Who? <script>alert(1)</script> <b onclick='x()'>bold</b>")
    assert "<script" not in html and "<b" not in html
    assert html == (
        "<p>Who? &lt;script&gt;alert(1)&lt;/script&gt; &lt;b onclick='x()'&gt;bold&lt;/b&gt;</p>"
    )


@pytest.mark.parametrize(
    "link",
    [
        "[click](javascript:alert(1))",
        "[click](JAVASCRIPT:alert(1))",
        "[click](vbscript:msgbox)",
        "[click](data:text/html;base64,PHNjcmlwdD4=)",
    ],
)
def test_dangerous_links_are_dropped(link: str) -> None:
    html = render_markdown(link)
    assert "href" not in html and "<a" not in html


def test_code_keeps_angle_brackets_as_text() -> None:
    assert render_markdown("`<script>`") == "<p><code>&lt;script&gt;</code></p>"


def test_inline_rendering_has_no_paragraph() -> None:
    assert render_markdown("*Paris*", inline=True) == "<em>Paris</em>"
