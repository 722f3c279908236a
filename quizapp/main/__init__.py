"""The start page."""

from .views import bp

__all__ = ["bp"]
