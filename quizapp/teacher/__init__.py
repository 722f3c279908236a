"""Teacher pages: the class dashboard, question statistics, the bank status."""

from .views import bp

__all__ = ["bp"]
