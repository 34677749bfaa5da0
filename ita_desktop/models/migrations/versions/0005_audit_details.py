"""audit log: person, office, year, old and new values

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30 02:30:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.add_column(sa.Column('person', sa.String(length=100), server_default='', nullable=False))
        batch_op.add_column(sa.Column('office_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('year', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('old', sa.Text(), server_default='', nullable=False))
        batch_op.add_column(sa.Column('new', sa.Text(), server_default='', nullable=False))
        batch_op.create_index(batch_op.f('ix_audit_log_office_id'), ['office_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_log_office_id'))
        batch_op.drop_column('new')
        batch_op.drop_column('old')
        batch_op.drop_column('year')
        batch_op.drop_column('office_id')
        batch_op.drop_column('person')
