"""Each rating keeps FSRS's predicted recall and the guess chance, for calibration

Both are NULL for earlier ratings: a student's calibration starts from their next reviews.

Revision ID: 0011
Revises: 0019 (numbered before 0019 was written; it runs after it)
Create Date: 2026-12-04 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0011'
down_revision = "0019"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('rating_log', schema=None) as batch_op:
        batch_op.add_column(sa.Column('predicted_recall', sa.Float(), nullable=True))
        batch_op.add_column(sa.Column('guess_chance', sa.Float(), nullable=True))


def downgrade():
    with op.batch_alter_table('rating_log', schema=None) as batch_op:
        batch_op.drop_column('guess_chance')
        batch_op.drop_column('predicted_recall')
