"""One word per idea: quiz_session -> quiz, attempt.session_id -> quiz_id, review_log -> rating_log

A quiz (one sitting of questions) had four names and "review" meant five things. The tables,
the column, their constraints and indexes take the names the code uses, and the study mode
that draws questions from the chosen topics is stored as ``topics`` instead of ``quiz``.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03 10:00:00

"""

from alembic import op

# revision identifiers, used by Alembic.
revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade():
    _rename_tables({"quiz_session": "quiz", "review_log": "rating_log"})
    with op.batch_alter_table("quiz") as batch:
        batch.drop_index("ix_quiz_session_user_started")
        batch.create_index("ix_quiz_user_started", ["user_id", "started_at"])
        batch.drop_constraint("uq_quiz_session_start_token", type_="unique")
        batch.create_unique_constraint("uq_quiz_start_token", ["user_id", "start_token"])
        batch.drop_constraint("fk_quiz_session_user_id_user", type_="foreignkey")
        batch.create_foreign_key(
            "fk_quiz_user_id_user", "user", ["user_id"], ["id"], ondelete="CASCADE"
        )
    _rename_attempt_quiz("session_id", "quiz_id", "quiz_session", "quiz")
    _rename_log_indexes("review_log", "rating_log")
    _rename_pks(
        {"pk_quiz_session": ("quiz", "pk_quiz"), "pk_review_log": ("rating_log", "pk_rating_log")}
    )
    op.execute("UPDATE quiz SET mode = 'topics' WHERE mode = 'quiz'")


def downgrade():
    op.execute("UPDATE quiz SET mode = 'quiz' WHERE mode = 'topics'")
    _rename_pks(
        {"pk_quiz": ("quiz", "pk_quiz_session"), "pk_rating_log": ("rating_log", "pk_review_log")}
    )
    _rename_log_indexes("rating_log", "review_log")
    _rename_tables({"quiz": "quiz_session", "rating_log": "review_log"})
    with op.batch_alter_table("quiz_session") as batch:
        batch.drop_index("ix_quiz_user_started")
        batch.create_index("ix_quiz_session_user_started", ["user_id", "started_at"])
        batch.drop_constraint("uq_quiz_start_token", type_="unique")
        batch.create_unique_constraint("uq_quiz_session_start_token", ["user_id", "start_token"])
        batch.drop_constraint("fk_quiz_user_id_user", type_="foreignkey")
        batch.create_foreign_key(
            "fk_quiz_session_user_id_user", "user", ["user_id"], ["id"], ondelete="CASCADE"
        )
    _rename_attempt_quiz("quiz_id", "session_id", "quiz", "quiz_session")


def _postgres() -> bool:
    return op.get_bind().dialect.name == "postgresql"


SLOT_NAMES = {"session_id": "session_position", "quiz_id": "quiz_position"}
"""The attempt's quiz column -> the suffix of its one-attempt-per-slot constraint's name."""


def _rename_attempt_quiz(old: str, new: str, old_quizzes: str, quizzes: str) -> None:
    """Rename the attempt's quiz column with its unique slot and its foreign key (which
    pointed at ``old_quizzes`` when it was made, and points at ``quizzes`` after).

    Two batches: SQLite's batch mode leaves out constraints added in the same batch as the
    rename of a column they use.
    """
    with op.batch_alter_table("attempt") as batch:
        batch.drop_constraint(f"uq_attempt_{SLOT_NAMES[old]}", type_="unique")
        batch.drop_constraint(f"fk_attempt_{old}_{old_quizzes}", type_="foreignkey")
        batch.alter_column(old, new_column_name=new)
    with op.batch_alter_table("attempt") as batch:
        batch.create_unique_constraint(f"uq_attempt_{SLOT_NAMES[new]}", [new, "position"])
        batch.create_foreign_key(
            f"fk_attempt_{new}_{quizzes}", quizzes, [new], ["id"], ondelete="CASCADE"
        )


def _rename_tables(names: dict[str, str]) -> None:
    """Rename tables (SQLite rewrites the foreign keys that point at them; PostgreSQL
    follows them by identity), and PostgreSQL's id sequences with them."""
    for old, new in names.items():
        op.rename_table(old, new)
        if _postgres():
            op.execute(f"ALTER SEQUENCE IF EXISTS {old}_id_seq RENAME TO {new}_id_seq")


def _rename_log_indexes(old: str, new: str) -> None:
    """The rating log's indexes and foreign keys named after its table, renamed with it."""
    with op.batch_alter_table("rating_log") as batch:
        for suffix, columns in (
            ("attempt_id", ["attempt_id"]),
            ("card_id", ["card_id"]),
            ("user_reviewed", ["user_id", "reviewed_at"]),
        ):
            batch.drop_index(f"ix_{old}_{suffix}")
            batch.create_index(f"ix_{new}_{suffix}", columns)
        for column, referent, ondelete in (
            ("attempt_id", "attempt", "SET NULL"),
            ("card_id", "card", "CASCADE"),
            ("user_id", "user", "CASCADE"),
        ):
            batch.drop_constraint(f"fk_{old}_{column}_{referent}", type_="foreignkey")
            batch.create_foreign_key(
                f"fk_{new}_{column}_{referent}", referent, [column], ["id"], ondelete=ondelete
            )


def _rename_pks(names: dict[str, tuple[str, str]]) -> None:
    """Primary keys keep their names in SQLite's table text (cosmetic); PostgreSQL renames."""
    if _postgres():
        for old, (table, new) in names.items():
            op.execute(f'ALTER TABLE "{table}" RENAME CONSTRAINT {old} TO {new}')
