"""Accounts: register, log in, log out, roles."""

from .views import bp

__all__ = ["bp"]
