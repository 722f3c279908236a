"""The benchmark's own parts: the floor pages, the cost split, the request profiler.

The gunicorn server, the simulated students and the consistency checks ``bench/load.py`` uses
are shared with the load tests and live in ``tests/support/``.
"""
