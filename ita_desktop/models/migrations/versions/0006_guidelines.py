"""guidelines an office wrote per year, indicator and item

Revision ID: 0006
Revises: 0005
"""
from alembic import op
import sqlalchemy as sa


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'guideline',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('office_id', sa.Integer(), nullable=False),
        sa.Column('year', sa.Integer(), nullable=False),
        sa.Column('kind', sa.String(length=10), nullable=False),
        sa.Column('key', sa.String(length=10), nullable=False),
        sa.Column('text', sa.Text(), nullable=False),
        sa.Column('version', sa.Integer(), server_default='1', nullable=False),
        sa.Column('updated_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['office_id'], ['office.id'], name=op.f('fk_guideline_office_id_office'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_guideline')),
        sa.UniqueConstraint('office_id', 'year', 'kind', 'key', name=op.f('uq_guideline_office_id_year_kind_key')),
    )
    with op.batch_alter_table('guideline', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_guideline_office_id'), ['office_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_guideline_year'), ['year'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('guideline', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_guideline_year'))
        batch_op.drop_index(batch_op.f('ix_guideline_office_id'))
    op.drop_table('guideline')
