"""Confidence-based marking: a per-student setting and each attempt's confidence

The setting is off for everyone at first; an attempt's confidence is NULL when not asked.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-03 10:40:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0009'
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('user_settings', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                'confidence_marking', sa.Boolean(), server_default=sa.false(), nullable=False
            )
        )
    with op.batch_alter_table('attempt', schema=None) as batch_op:
        batch_op.add_column(sa.Column('confidence', sa.SmallInteger(), nullable=True))


def downgrade():
    with op.batch_alter_table('attempt', schema=None) as batch_op:
        batch_op.drop_column('confidence')
    with op.batch_alter_table('user_settings', schema=None) as batch_op:
        batch_op.drop_column('confidence_marking')
