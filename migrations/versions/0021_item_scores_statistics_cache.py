"""Teacher pages at scale: item_score kept by triggers on attempt, statistics_cache, indexes

``item_score`` is filled from the answers already there (the same recount as
``flask stats rebuild``). ``ix_attempt_question`` becomes ``(question_id, user_id)``: it still
serves lookups by question, and now the triggers' recount of one student's answers to one
question. ``ix_card_leech`` (partial, leeches only) keeps counting leeches per question cheap.

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-04 14:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

from quizapp.statistics.scores import COLUMNS, create_triggers, drop_triggers, recount


# revision identifiers, used by Alembic.
revision = '0021'
down_revision = "0020"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'item_score',
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('question_id', sa.String(length=80), nullable=False),
        sa.Column('version', sa.String(length=16), nullable=False),
        sa.Column('answers', sa.Integer(), nullable=False),
        sa.Column('score_sum', sa.Float(), nullable=False),
        sa.Column('misconceptions', sa.Integer(), nullable=False),
        sa.Column('first_attempt_id', sa.Integer(), nullable=True),
        sa.Column('first_score', sa.Float(), nullable=True),
        sa.Column('first_correct', sa.Boolean(), nullable=True),
        sa.Column('first_normalised', sa.Text(), nullable=True),
        sa.Column('first_confidence', sa.SmallInteger(), nullable=True),
        sa.PrimaryKeyConstraint('user_id', 'question_id', 'version', name=op.f('pk_item_score')),
    )
    op.create_index('ix_item_score_question', 'item_score', ['question_id', 'version'])
    op.create_table(
        'statistics_cache',
        sa.Column('name', sa.String(length=120), nullable=False),
        sa.Column('computed_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('last_attempt_id', sa.Integer(), nullable=False),
        sa.Column('seconds', sa.Float(), nullable=False),
        sa.Column('value', sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint('name', name=op.f('pk_statistics_cache')),
    )
    op.drop_index('ix_attempt_question', table_name='attempt')
    op.create_index('ix_attempt_question_user', 'attempt', ['question_id', 'user_id'])
    op.create_index(
        'ix_card_leech', 'card', ['question_id'],
        sqlite_where=sa.text('leech IS 1'), postgresql_where=sa.text('leech IS true'),
    )
    conn = op.get_bind()
    conn.execute(sa.text(f"INSERT INTO item_score ({', '.join(COLUMNS)}) {recount()}"))
    create_triggers(conn)


def downgrade():
    drop_triggers(op.get_bind())
    op.drop_index('ix_card_leech', table_name='card')
    op.drop_index('ix_attempt_question_user', table_name='attempt')
    op.create_index('ix_attempt_question', 'attempt', ['question_id'])
    op.drop_table('statistics_cache')
    op.drop_index('ix_item_score_question', table_name='item_score')
    op.drop_table('item_score')
