"""The student's study settings page: desired retention, daily limits, time zone."""

from .views import bp

__all__ = ["bp"]
