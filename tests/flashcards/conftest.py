"""The spaced-repetition tests' frozen clock applies here too."""

from tests.review.conftest import app_config

__all__ = ["app_config"]
