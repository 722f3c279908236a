"""Figures over many students' answers, computed once and kept in ``statistics_cache``.

`cached(name, compute, key)` returns the stored figures when no answer came in since they
were computed (exact), and otherwise decides by how long they took to compute:

* under ``STATISTICS_INLINE_SECONDS`` (0.05 s: a class, a small school): computed again now,
  so small schools always see exact figures;
* else, once they are ``STATISTICS_MAX_AGE`` seconds old (60): computed again in a
  background thread of this worker, the request getting the stored ones with their age;
* younger: the stored ones, with their age.

With nothing stored, or stored for another ``key`` (the bank's served versions changed),
they are computed now. The page shows when they were computed and whether answers came in
since (`Cached.behind`).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from flask import current_app
from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError

from ..clock import now
from ..database import write_transaction
from ..extensions import db
from ..models import Attempt, StatisticsCache

__all__ = ["Cached", "cached", "refresh", "running_refreshes"]

MAX_AGE = 60.0
INLINE_SECONDS = 0.05

_running: dict[str, threading.Thread] = {}
_guard = threading.Lock()


@dataclass(frozen=True)
class Cached:
    """Figures and when they were computed (None: just now, for this request); ``behind``:
    answers came in since."""

    value: Any
    computed_at: datetime | None = None
    behind: bool = False


def newest_attempt() -> int:
    """The newest attempt's id, 0 without any (one step down the primary key)."""
    return int(db.session.execute(select(func.max(Attempt.id))).scalar_one() or 0)


def refresh(name: str, compute: Callable[[], Any], key: str = "") -> Cached:
    """Compute the figures now and store them (own write transaction); what was stored."""
    mark = newest_attempt()
    started = time.perf_counter()
    value = {"key": key, "figures": compute()}
    seconds = time.perf_counter() - started
    moment = now()
    try:
        with write_transaction():
            db.session.execute(delete(StatisticsCache).where(StatisticsCache.name == name))
            db.session.add(StatisticsCache(
                name=name, computed_at=moment, last_attempt_id=mark, seconds=seconds, value=value
            ))  # fmt: skip
    except IntegrityError:
        pass  # another worker stored the same figures meanwhile
    return Cached(value["figures"], moment)


def _in_background(name: str, compute: Callable[[], Any], key: str) -> None:
    """`refresh` in a thread of this worker, unless one for ``name`` is running already."""
    app = current_app._get_current_object()  # type: ignore[attr-defined]

    def run() -> None:
        try:
            with app.app_context():
                refresh(name, compute, key)
                db.session.remove()
        finally:
            with _guard:
                _running.pop(name, None)

    with _guard:
        if name in _running:
            return
        thread = _running[name] = threading.Thread(target=run, name=f"refresh {name}")
    thread.daemon = True
    thread.start()


def running_refreshes() -> list[threading.Thread]:
    """The background refreshes running in this process (tests wait for them)."""
    with _guard:
        return list(_running.values())


def cached(name: str, compute: Callable[[], Any], key: str = "") -> Cached:
    """The figures ``name`` as the module docstring says: exact, recomputed, or with their age."""
    row = db.session.get(StatisticsCache, name)
    if row is None or row.value.get("key") != key:
        return refresh(name, compute, key)
    stored = Cached(row.value["figures"], row.computed_at)
    if row.last_attempt_id == newest_attempt():
        return stored
    config = current_app.config
    if row.seconds < config.get("STATISTICS_INLINE_SECONDS", INLINE_SECONDS):
        return refresh(name, compute, key)
    if (now() - row.computed_at).total_seconds() >= config.get("STATISTICS_MAX_AGE", MAX_AGE):
        _in_background(name, compute, key)
    return Cached(stored.value, stored.computed_at, behind=True)
