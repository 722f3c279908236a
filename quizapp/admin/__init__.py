"""The admin's page: who are the teachers and admins, make or unmake teachers."""

from .views import bp

__all__ = ["bp"]
