"""SQL helpers for grouping by time on SQLite and PostgreSQL alike."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Integer
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement

from ..analytics import BUCKET_SECONDS

__all__ = ["epoch_bucket"]


class epoch_bucket(FunctionElement[int]):  # noqa: N801 (SQL function style, like func.*)
    """``epoch_bucket(column)``: whole `BUCKET_SECONDS` since the Unix epoch of a UTC datetime.

    Grouping by it lets the database sum answers per quarter hour, which the pure analytics
    then fold into the user's local days.
    """

    type = Integer()
    name = "epoch_bucket"
    inherit_cache = True


@compiles(epoch_bucket, "sqlite")
def _epoch_bucket_sqlite(element: epoch_bucket, compiler: SQLCompiler, **kw: Any) -> str:
    # UTCDateTime stores naive UTC text on SQLite; strftime('%s') reads it as UTC.
    (column,) = element.clauses
    return f"(CAST(strftime('%s', {compiler.process(column, **kw)}) AS INTEGER) / {BUCKET_SECONDS})"


@compiles(epoch_bucket)
def _epoch_bucket_default(element: epoch_bucket, compiler: SQLCompiler, **kw: Any) -> str:
    (column,) = element.clauses
    return (
        f"CAST(FLOOR(EXTRACT(EPOCH FROM {compiler.process(column, **kw)}) / {BUCKET_SECONDS})"
        " AS INTEGER)"
    )
