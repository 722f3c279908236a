"""``flask users create|promote|demote|list``."""

from __future__ import annotations

import sys

import click

from ..auth.operations import AccountError, create_user, find_user
from ..database import write_intent
from ..extensions import db
from ..models import User
from . import AppContextGroup


@click.group(cls=AppContextGroup)
def users() -> None:
    """Manage accounts."""


def _read_password() -> str:
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\r\n")
    return click.prompt("Password", hide_input=True, confirmation_prompt=True)


@users.command("create")
@click.argument("name")
@click.option("--teacher", is_flag=True, help="Give the account the teacher role.")
@click.option("--admin", is_flag=True, help="Give the account the admin role (manages teachers).")
def create(name: str, teacher: bool, admin: bool) -> None:
    """Create an account; the password comes from a prompt or from stdin."""
    password = _read_password()
    role = "admin" if admin else "teacher" if teacher else "student"
    with write_intent():
        try:
            user = create_user(name, password, role)
        except AccountError as err:
            raise click.ClickException(str(err)) from err
        db.session.commit()
    click.echo(f"Created {user.role} {user.username}.")


def _give_role(name: str, role: str) -> None:
    with write_intent():
        user = find_user(name)
        if user is None:
            raise click.ClickException(f"No user named {name!r}.")
        user.role = role
        db.session.commit()
    click.echo(f"{user.username} is now a{'n' if role == 'admin' else ''} {role}.")


@users.command("promote")
@click.argument("name")
@click.option("--admin", is_flag=True, help="Make the account an admin instead.")
def promote(name: str, admin: bool) -> None:
    """Make an existing account a teacher (or an admin)."""
    _give_role(name, "admin" if admin else "teacher")


@users.command("demote")
@click.argument("name")
def demote(name: str) -> None:
    """Make a teacher or an admin a student again (their classes stay theirs)."""
    _give_role(name, "student")


@users.command("list")
def list_users() -> None:
    """Print every account with its role."""
    rows = db.session.execute(db.select(User).order_by(User.username)).scalars()
    for user in rows:
        click.echo(f"{user.username}\t{user.role}\t{user.created_at:%Y-%m-%d}")
