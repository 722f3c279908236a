"""Slugs: ids and file names made from free text (question and source ids, topic files).

Pure; used wherever the app suggests or makes an id: the schema's "did you mean" for a bad id,
GIFT import, drafted questions, article sources and draft file names.
"""

from __future__ import annotations

import re

from quizapp.grading.text import strip_marks

_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def slugify(text: str, limit: int | None = None) -> str:
    """Lowercase ASCII words joined by single hyphens: ``"Élysée Palace!"`` -> ``"elysee-palace"``.

    Letters are folded the way answers are (``grading.text.strip_marks``: accents dropped, "ß" ->
    "ss", "Œ" -> "oe"); anything else separates words. With ``limit``, the slug is cut at the
    last word boundary within ``limit`` characters (mid-word only when its first word is longer).
    The result may be empty (nothing alphanumeric): callers supply their own fallback.
    """
    slug = _NOT_SLUG.sub("-", strip_marks(text)).strip("-")
    if limit is not None and len(slug) > limit:
        slug = slug[: limit + 1].rsplit("-", 1)[0] if "-" in slug[:limit] else slug[:limit]
    return slug.strip("-")
