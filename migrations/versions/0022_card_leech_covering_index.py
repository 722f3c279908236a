"""Leech counts from the index alone: ix_card_leech becomes (question_id, user_id, leech)

Still partial (leeches only). With the student in the index, counting the leeches of a
teacher's students on one question (or on each) reads no card rows: the question page no
longer grows with the school (docs/performance.md, the scale section).

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-04 22:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0022'
down_revision = "0021"
branch_labels = None
depends_on = None

WHERE = {
    "sqlite_where": sa.text("leech IS 1"),
    "postgresql_where": sa.text("leech IS true"),
}


def upgrade():
    op.drop_index('ix_card_leech', table_name='card')
    op.create_index('ix_card_leech', 'card', ['question_id', 'user_id', 'leech'], **WHERE)


def downgrade():
    op.drop_index('ix_card_leech', table_name='card')
    op.create_index('ix_card_leech', 'card', ['question_id'], **WHERE)
