"""level rules per year and item topics

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-21 23:28:14.094939
"""
from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('criteria_item', schema=None) as batch_op:
        batch_op.add_column(sa.Column('topic', sa.Text(), server_default='', nullable=False))

    with op.batch_alter_table('fiscal_year', schema=None) as batch_op:
        batch_op.add_column(sa.Column('excellent_line', sa.Float(), server_default='95', nullable=False))
        batch_op.add_column(sa.Column('good_line', sa.Float(), server_default='85', nullable=False))
        batch_op.add_column(sa.Column('improve_line', sa.Float(), server_default='70', nullable=False))



def downgrade() -> None:
    with op.batch_alter_table('fiscal_year', schema=None) as batch_op:
        batch_op.drop_column('improve_line')
        batch_op.drop_column('good_line')
        batch_op.drop_column('excellent_line')

    with op.batch_alter_table('criteria_item', schema=None) as batch_op:
        batch_op.drop_column('topic')

