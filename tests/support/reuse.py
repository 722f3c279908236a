"""What the suite compiles once and keeps from one test's app to the next.

Every test makes its own app (its own database, settings and bank), so every test would
compile the same Python code again:

* werkzeug's URL builders: two functions per route, made with ``compile()`` (about 0.12 s an
  app, a fifth of the whole suite). They depend only on the rule's text, its parsed parts, its
  defaults and the converters' classes, never on the app. What they do is werkzeug's own; a
  werkzeug without this internal method is left alone.
* Jinja's templates: each app has its own environment; `SHARED_TEMPLATES` is a bytecode cache
  in memory that they share (Jinja checks each template's source against its checksum).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

from jinja2.bccache import Bucket, BytecodeCache
from werkzeug.routing.rules import Rule

__all__ = ["SHARED_TEMPLATES", "reuse_url_builders"]


def _key(rule: Any, append_unknown: bool) -> Hashable:
    converters = tuple((name, type(c).__qualname__) for name, c in rule._converters.items())
    defaults = tuple(sorted((rule.defaults or {}).items()))
    key = (rule.rule, tuple(rule._trace), defaults, converters, append_unknown)
    hash(key)
    return key


def reuse_url_builders() -> None:
    """Make ``Rule._compile_builder`` compile each distinct builder once per test session."""
    original: Callable[..., Any] | None = getattr(Rule, "_compile_builder", None)
    if original is None or getattr(original, "reused", False):
        return
    compiled: dict[Hashable, Any] = {}

    def compile_builder(self: Rule, append_unknown: bool = True) -> Any:
        try:
            key = _key(self, append_unknown)
        except (AttributeError, TypeError):  # unhashable defaults, another werkzeug
            return original(self, append_unknown)
        if key not in compiled:
            compiled[key] = original(self, append_unknown)
        return compiled[key]

    compile_builder.reused = True  # type: ignore[attr-defined]
    Rule._compile_builder = compile_builder  # type: ignore[method-assign]


class _MemoryBytecodeCache(BytecodeCache):
    """Compiled templates in a dict, for the length of the test session."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


SHARED_TEMPLATES = _MemoryBytecodeCache()
