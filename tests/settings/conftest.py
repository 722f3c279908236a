"""The spaced-repetition fixtures (frozen clock, one app context per request) apply here too."""

from tests.review.conftest import _push_request_context, app_config, clock

__all__ = ["_push_request_context", "app_config", "clock"]
