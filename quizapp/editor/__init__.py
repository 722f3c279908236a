"""The bank in the browser: teachers list, edit, check, preview, create and import topic files,
and see every save as a revision they can diff and revert (``/teacher/bank/...``)."""

from . import history, imports, views  # noqa: F401  (their routes register on bp)
from .blueprint import bp

__all__ = ["bp"]
