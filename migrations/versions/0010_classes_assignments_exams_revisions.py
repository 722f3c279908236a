"""Classes, memberships, assignments, exam dates and bank revisions; quizzes can be an assignment's

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-03 12:40:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0010'
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'classroom',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('name', sa.String(length=80), nullable=False),
        sa.Column('time_zone', sa.String(length=64), nullable=False),
        sa.Column('join_code', sa.String(length=16), nullable=False),
        sa.Column('teacher_id', sa.Integer(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ['teacher_id'], ['user.id'], name=op.f('fk_classroom_teacher_id_user'),
            ondelete='CASCADE',
        ),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_classroom')),
        sa.UniqueConstraint('join_code', name=op.f('uq_classroom_join_code')),
    )
    op.create_index(op.f('ix_classroom_teacher_id'), 'classroom', ['teacher_id'])
    op.create_table(
        'membership',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('classroom_id', sa.Integer(), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('joined_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ['classroom_id'], ['classroom.id'], name=op.f('fk_membership_classroom_id_classroom'),
            ondelete='CASCADE',
        ),
        sa.ForeignKeyConstraint(
            ['user_id'], ['user.id'], name=op.f('fk_membership_user_id_user'), ondelete='CASCADE'
        ),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_membership')),
        sa.UniqueConstraint('classroom_id', 'user_id', name='uq_membership_classroom_user'),
    )
    op.create_index('ix_membership_user', 'membership', ['user_id'])
    op.create_table(
        'exam_date',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('classroom_id', sa.Integer(), nullable=False),
        sa.Column('name', sa.String(length=80), nullable=False),
        sa.Column('topics', sa.JSON(), nullable=False),
        sa.Column('exam_on', sa.Date(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ['classroom_id'], ['classroom.id'], name=op.f('fk_exam_date_classroom_id_classroom'),
            ondelete='CASCADE',
        ),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_exam_date')),
    )
    op.create_index('ix_exam_date_classroom', 'exam_date', ['classroom_id', 'exam_on'])
    op.create_table(
        'assignment',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('classroom_id', sa.Integer(), nullable=False),
        sa.Column('title', sa.String(length=120), nullable=False),
        sa.Column('topics', sa.JSON(), nullable=False),
        sa.Column('question_ids', sa.JSON(), nullable=False),
        sa.Column('opens_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('due_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('attempts_allowed', sa.Integer(), nullable=False),
        sa.Column('reveal', sa.String(length=12), nullable=False),
        sa.Column(
            'confidence_marking', sa.Boolean(), server_default=sa.false(), nullable=False
        ),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ['classroom_id'], ['classroom.id'],
            name=op.f('fk_assignment_classroom_id_classroom'), ondelete='CASCADE',
        ),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_assignment')),
    )
    op.create_index('ix_assignment_classroom_due', 'assignment', ['classroom_id', 'due_at'])
    op.create_table(
        'bank_revision',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('path', sa.String(length=255), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=True),
        sa.Column('action', sa.String(length=16), nullable=False),
        sa.Column('before_text', sa.Text(), nullable=True),
        sa.Column('after_text', sa.Text(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ['user_id'], ['user.id'], name=op.f('fk_bank_revision_user_id_user'),
            ondelete='SET NULL',
        ),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_bank_revision')),
    )
    op.create_index('ix_bank_revision_path_created', 'bank_revision', ['path', 'created_at'])
    with op.batch_alter_table('quiz', schema=None) as batch_op:
        batch_op.add_column(sa.Column('assignment_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f('fk_quiz_assignment_id_assignment'), 'assignment', ['assignment_id'],
            ['id'], ondelete='SET NULL',
        )
        batch_op.create_index('ix_quiz_assignment_user', ['assignment_id', 'user_id'])


def downgrade():
    with op.batch_alter_table('quiz', schema=None) as batch_op:
        batch_op.drop_index('ix_quiz_assignment_user')
        batch_op.drop_constraint('fk_quiz_assignment_id_assignment', type_='foreignkey')
        batch_op.drop_column('assignment_id')
    op.drop_index('ix_bank_revision_path_created', table_name='bank_revision')
    op.drop_table('bank_revision')
    op.drop_index('ix_assignment_classroom_due', table_name='assignment')
    op.drop_table('assignment')
    op.drop_index('ix_exam_date_classroom', table_name='exam_date')
    op.drop_table('exam_date')
    op.drop_index('ix_membership_user', table_name='membership')
    op.drop_table('membership')
    op.drop_index(op.f('ix_classroom_teacher_id'), table_name='classroom')
    op.drop_table('classroom')
