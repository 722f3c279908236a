"""A person's own account: change the password, download every record, delete the account;
and one-time password-reset codes a teacher hands to a student who forgot theirs."""

from .views import bp

__all__ = ["bp"]
