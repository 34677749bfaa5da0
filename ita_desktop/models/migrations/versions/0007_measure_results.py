"""measures: text, targets, dates, carry-over link, versions; results: status, reason, dates

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-30
"""
from alembic import op
import sqlalchemy as sa


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('measure_set', schema=None) as batch_op:
        batch_op.add_column(sa.Column('version', sa.Integer(), server_default='1', nullable=False))

    with op.batch_alter_table('measure', schema=None) as batch_op:
        batch_op.add_column(sa.Column('measure', sa.Text(), server_default='', nullable=False))
        batch_op.add_column(sa.Column('items', sa.Text(), server_default='', nullable=False))
        batch_op.add_column(sa.Column('indicators', sa.Text(), server_default='', nullable=False))
        batch_op.add_column(sa.Column('period_start', sa.String(length=10), nullable=True))
        batch_op.add_column(sa.Column('period_end', sa.String(length=10), nullable=True))
        batch_op.add_column(sa.Column('deadline', sa.String(length=10), nullable=True))
        batch_op.add_column(sa.Column('source_measure_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('carried_from_year', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('version', sa.Integer(), server_default='1', nullable=False))
        batch_op.create_foreign_key(batch_op.f('fk_measure_source_measure_id_measure'), 'measure',
                                    ['source_measure_id'], ['id'], ondelete='SET NULL')

    with op.batch_alter_table('result_report', schema=None) as batch_op:
        batch_op.add_column(sa.Column('version', sa.Integer(), server_default='1', nullable=False))

    with op.batch_alter_table('result_row', schema=None) as batch_op:
        batch_op.add_column(sa.Column('status', sa.String(length=20), server_default='not_started', nullable=False))
        batch_op.add_column(sa.Column('reason', sa.Text(), server_default='', nullable=False))
        batch_op.add_column(sa.Column('start_date', sa.String(length=10), nullable=True))
        batch_op.add_column(sa.Column('end_date', sa.String(length=10), nullable=True))
        batch_op.add_column(sa.Column('version', sa.Integer(), server_default='1', nullable=False))


def downgrade() -> None:
    with op.batch_alter_table('result_row', schema=None) as batch_op:
        for name in ('version', 'end_date', 'start_date', 'reason', 'status'):
            batch_op.drop_column(name)
    with op.batch_alter_table('result_report', schema=None) as batch_op:
        batch_op.drop_column('version')
    with op.batch_alter_table('measure', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_measure_source_measure_id_measure'), type_='foreignkey')
        for name in ('version', 'carried_from_year', 'source_measure_id', 'deadline', 'period_end',
                     'period_start', 'indicators', 'items', 'measure'):
            batch_op.drop_column(name)
    with op.batch_alter_table('measure_set', schema=None) as batch_op:
        batch_op.drop_column('version')
