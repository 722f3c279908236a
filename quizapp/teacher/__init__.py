"""Teacher pages: the class dashboard, question statistics, the bank status."""

from . import exports  # noqa: F401  (registers the bank download routes on bp)
from .views import bp

__all__ = ["bp"]
