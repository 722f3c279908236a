"""The articles in the app: the list of sources and a reader with a question's evidence marked."""

from .views import bp

__all__ = ["bp"]
