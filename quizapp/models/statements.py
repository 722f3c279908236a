"""Writes that check what was read: insert unless taken, and the conflict they report.

A request plans its writes from what it read and then runs a few statements that hold only
if nothing they depend on changed meanwhile (``UPDATE ... WHERE reps = :seen``, ``INSERT ...
ON CONFLICT DO NOTHING``). When one finds its row changed it raises :class:`Changed`: the
caller rolls back, then plans again or tells the user.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Column, Connection, Table
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.sql.dml import Insert


class Changed(Exception):
    """A row a plan read was changed (or created) by another request before the plan was written."""


class InsertUnlessTaken:
    """``INSERT ... ON CONFLICT (columns) DO NOTHING RETURNING ...`` for SQLite and PostgreSQL.

    Executed with one row of values, it returns the ``returning`` columns of the new row, or
    no row when a row with the same ``columns`` (a unique constraint) exists already. Unlike an
    IntegrityError, that leaves the transaction usable on both databases.
    """

    def __init__(self, table: Table, columns: list[str], returning: Column) -> None:
        self._by_dialect: dict[str, Insert] = {
            module.dialect.name: module.insert(table)
            .on_conflict_do_nothing(index_elements=columns)
            .returning(returning)
            for module in (sqlite, postgresql)
        }

    def run(self, conn: Connection, values: dict[str, Any]) -> Any | None:
        """Insert ``values`` on ``conn``: the new row's ``returning`` value, or None if taken."""
        return conn.execute(self._by_dialect[conn.dialect.name], values).scalar()
