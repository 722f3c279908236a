"""The small Markdown subset of prompts and explanations, rendered to safe HTML.

Only emphasis, inline code, links and backslash escapes are recognised (markdown-it-py's
"zero" preset with raw HTML off), so any HTML a teacher types shows as text. The result is
then cleaned by nh3 with a small allow-list: links keep http(s) and mailto targets only and
get ``rel="noopener noreferrer nofollow"``. The web layer wraps the result in ``Markup``.
"""

from __future__ import annotations

from functools import lru_cache

import nh3
from markdown_it import MarkdownIt

_MARKDOWN = MarkdownIt("zero", {"html": False}).enable(["emphasis", "backticks", "link", "escape"])
_TAGS = {"p", "em", "strong", "code", "a"}
_ATTRIBUTES = {"a": {"href", "title"}}
_SCHEMES = {"http", "https", "mailto"}


def clean_html(html: str) -> str:
    """Keep only the allowed tags, attributes and link schemes."""
    return nh3.clean(
        html,
        tags=_TAGS,
        attributes=_ATTRIBUTES,
        url_schemes=_SCHEMES,
        link_rel="noopener noreferrer nofollow",
    )


@lru_cache(maxsize=4096)
def render_markdown(text: str, *, inline: bool = False) -> str:
    """Render ``text`` to safe HTML: paragraphs, or with ``inline`` no block wrapper.

    Cached: the same prompts and explanations are rendered on every page that shows them.
    """
    html = _MARKDOWN.renderInline(text) if inline else _MARKDOWN.render(text)
    return clean_html(html).strip()
