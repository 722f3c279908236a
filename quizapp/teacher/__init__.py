"""Teacher pages: the class dashboard, question statistics, the bank status."""

from . import exports, imports, questions, students  # noqa: F401  (their routes register on bp)
from .views import bp

__all__ = ["bp"]
