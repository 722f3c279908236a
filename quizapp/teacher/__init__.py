"""Teacher pages: the class dashboard, question statistics, the bank status and its editor."""

from .. import editor
from . import exports, imports, questions, students  # noqa: F401  (their routes register on bp)
from .views import bp

bp.register_blueprint(editor.bp)

__all__ = ["bp"]
