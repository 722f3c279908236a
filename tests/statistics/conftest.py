"""Statistics fixtures (from history): a frozen clock, the synced tiny bank, a data inserter."""

from tests.history.records import _push_request_context, app_config, questions, records

__all__ = ["_push_request_context", "app_config", "questions", "records"]
