"""Load-testing kit for quizapp: gunicorn on loopback, simulated students, consistency checks.

Used by ``bench/load.py`` and by the slow tests in ``tests/load/``.
"""
