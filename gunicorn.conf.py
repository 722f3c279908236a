"""Gunicorn settings for quizapp (``gunicorn -c gunicorn.conf.py wsgi:app``; ``make run`` uses it).

gthread workers: the main thread of each keeps the idle keep-alive connections, the worker's
threads run requests. Every setting comes from the environment, with defaults for a small
machine:

* ``HOST`` / ``PORT``: where to listen (127.0.0.1:5000).
* ``WEB_CONCURRENCY``: worker processes; default ``min(2 * cores + 1, 4)``. More processes
  than that mostly queue on SQLite's single write lock and cost memory.
* ``THREADS``: threads per worker (1). Requests are CPU-bound Python and SQLite's write lock is
  held for a few statements only, so more threads mostly queue on the GIL: on 2 cores, 4
  threads per worker gave 20-30 % fewer answers per second than 1 and twice the p99
  (``bench/load.py --threads``). Raise it when requests wait on something slow.
* ``ACCESS_LOG``: ``-`` logs every request to stdout, a path logs to that file; unset or
  ``off`` logs none (the fastest).
* ``TIMEOUT``: seconds a worker may spend silent on a request before it is restarted (30).
"""

from __future__ import annotations

import multiprocessing
import os


def _int(name: str, default: int) -> int:
    """A positive whole number from the environment; the default when unset or empty."""
    value = os.environ.get(name, "").strip()
    return max(1, int(value)) if value else default


def default_workers() -> int:
    """Two per core plus one, at most four."""
    return min(2 * multiprocessing.cpu_count() + 1, 4)


bind = f"{os.environ.get('HOST') or '127.0.0.1'}:{_int('PORT', 5000)}"
worker_class = "gthread"
workers = _int("WEB_CONCURRENCY", default_workers())
threads = _int("THREADS", 1)
timeout = _int("TIMEOUT", 30)
graceful_timeout = 10
keepalive = 5
_access = os.environ.get("ACCESS_LOG", "").strip()
accesslog = None if _access.lower() in {"", "off", "0", "false", "no"} else _access
errorlog = "-"
loglevel = "info"
