"""fiscal_year.soft: a catalog not confirmed (bundled as soft, or copied from an earlier year)

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-30 02:30:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('fiscal_year', schema=None) as batch_op:
        batch_op.add_column(sa.Column('soft', sa.Boolean(), server_default='0', nullable=False))


def downgrade() -> None:
    with op.batch_alter_table('fiscal_year', schema=None) as batch_op:
        batch_op.drop_column('soft')
