"""Test support shared by the test suite and by ``bench/``: servers, database resets, helpers.

Nothing in ``quizapp/`` imports this package; ``tests/`` never imports ``bench/``.
"""
