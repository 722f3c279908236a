"""The spaced-repetition tests' frozen clock applies here too."""

from tests.srs.conftest import app_config

__all__ = ["app_config"]
