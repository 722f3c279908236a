"""The test suite's fixtures (``tests/conftest.py``: app, client, auth, users) for bench's tests."""

from tests.conftest import *  # noqa: F403
