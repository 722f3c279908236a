"""Slugs: ids and file names made from free text (question and source ids, topic files).

Pure; used wherever the app suggests or makes an id: the schema's "did you mean" for a bad id,
GIFT import, drafted questions, article sources and draft file names.
"""

from __future__ import annotations

import re
import unicodedata

_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def slugify(text: str, limit: int | None = None) -> str:
    """Lowercase ASCII words joined by single hyphens: ``"Élysée Palace!"`` -> ``"elysee-palace"``.

    Accents are folded and other characters dropped. With ``limit``, the slug is cut at the
    last word boundary within ``limit`` characters (mid-word only when its first word is longer).
    The result may be empty (nothing alphanumeric): callers supply their own fallback.
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = _NOT_SLUG.sub("-", ascii_text.lower()).strip("-")
    if limit is not None and len(slug) > limit:
        slug = slug[: limit + 1].rsplit("-", 1)[0] if "-" in slug[:limit] else slug[:limit]
    return slug.strip("-")
