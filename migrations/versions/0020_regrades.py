"""Teacher regrades: an answer accepted for a question, and the attempts it regraded

Revision ID: 0020
Revises: 0011
Create Date: 2026-12-03 14:30:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0020'
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'regrade',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('question_id', sa.String(length=80), nullable=False),
        sa.Column('answer', sa.Text(), nullable=False),
        sa.Column('score', sa.Float(), nullable=True),
        sa.Column('revision_id', sa.Integer(), nullable=True),
        sa.Column('user_id', sa.Integer(), nullable=True),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('undone_at', sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ['question_id'], ['question.id'], name=op.f('fk_regrade_question_id_question')
        ),
        sa.ForeignKeyConstraint(
            ['revision_id'], ['bank_revision.id'],
            name=op.f('fk_regrade_revision_id_bank_revision'), ondelete='SET NULL',
        ),
        sa.ForeignKeyConstraint(
            ['user_id'], ['user.id'], name=op.f('fk_regrade_user_id_user'), ondelete='SET NULL'
        ),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_regrade')),
    )
    op.create_index(
        'ix_regrade_question_created', 'regrade', ['question_id', 'created_at'], unique=False
    )
    op.create_table(
        'regraded_attempt',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('regrade_id', sa.Integer(), nullable=False),
        sa.Column('attempt_id', sa.Integer(), nullable=False),
        sa.Column('old_score', sa.Float(), nullable=False),
        sa.Column('old_correct', sa.Boolean(), nullable=False),
        sa.Column('old_note', sa.Text(), nullable=True),
        sa.Column('new_score', sa.Float(), nullable=False),
        sa.Column('card_id', sa.Integer(), nullable=True),
        sa.Column('card_before', sa.JSON(), nullable=True),
        sa.Column('rating_before', sa.SmallInteger(), nullable=True),
        sa.ForeignKeyConstraint(
            ['regrade_id'], ['regrade.id'], name=op.f('fk_regraded_attempt_regrade_id_regrade'),
            ondelete='CASCADE',
        ),
        sa.ForeignKeyConstraint(
            ['attempt_id'], ['attempt.id'], name=op.f('fk_regraded_attempt_attempt_id_attempt'),
            ondelete='CASCADE',
        ),
        sa.ForeignKeyConstraint(
            ['card_id'], ['card.id'], name=op.f('fk_regraded_attempt_card_id_card'),
            ondelete='SET NULL',
        ),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_regraded_attempt')),
    )
    op.create_index(
        op.f('ix_regraded_attempt_regrade_id'), 'regraded_attempt', ['regrade_id'], unique=False
    )
    op.create_index(
        op.f('ix_regraded_attempt_attempt_id'), 'regraded_attempt', ['attempt_id'], unique=False
    )


def downgrade():
    op.drop_index(op.f('ix_regraded_attempt_attempt_id'), table_name='regraded_attempt')
    op.drop_index(op.f('ix_regraded_attempt_regrade_id'), table_name='regraded_attempt')
    op.drop_table('regraded_attempt')
    op.drop_index('ix_regrade_question_created', table_name='regrade')
    op.drop_table('regrade')
