"""Teacher pages: the class dashboard, question statistics, the bank status and its editor."""

from .. import editor
from . import exports, imports, questions, regrades, students  # noqa: F401  (routes on bp)
from .views import bp

bp.register_blueprint(editor.bp)

__all__ = ["bp"]
