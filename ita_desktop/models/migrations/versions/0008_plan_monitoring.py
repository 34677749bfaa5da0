"""plan: objectives, project years/quarters/target groups/no budget, target percent,
monitoring round lock and entry tick, version columns on plan tables

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-30 02:20:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None

_VERSIONED = ('plan', 'dimension', 'project', 'plan_target', 'risk', 'monitoring_round', 'project_report')


def _version():
    return sa.Column('version', sa.Integer(), server_default='1', nullable=False)


def upgrade() -> None:
    for table in _VERSIONED:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(_version())
    with op.batch_alter_table('plan', schema=None) as batch_op:
        batch_op.add_column(sa.Column('objectives', sa.Text(), server_default='', nullable=False))
    with op.batch_alter_table('project', schema=None) as batch_op:
        batch_op.add_column(sa.Column('no_budget', sa.Boolean(), server_default=sa.false(), nullable=False))
        batch_op.add_column(sa.Column('run_years', sa.Text(), server_default='', nullable=False))
        batch_op.add_column(sa.Column('quarters', sa.Text(), server_default='', nullable=False))
        batch_op.add_column(sa.Column('target_groups', sa.Text(), server_default='', nullable=False))
    with op.batch_alter_table('plan_target', schema=None) as batch_op:
        batch_op.add_column(sa.Column('fewer_cases_percent', sa.Float(), nullable=True))
    with op.batch_alter_table('monitoring_round', schema=None) as batch_op:
        batch_op.add_column(sa.Column('finished', sa.Boolean(), server_default=sa.false(), nullable=False))
        batch_op.add_column(sa.Column('finished_at', sa.DateTime(), nullable=True))
    with op.batch_alter_table('project_report', schema=None) as batch_op:
        batch_op.add_column(sa.Column('in_act_plan', sa.Boolean(), server_default=sa.false(), nullable=False))
        batch_op.add_column(sa.Column('reason_text', sa.Text(), server_default='', nullable=False))


def downgrade() -> None:
    with op.batch_alter_table('project_report', schema=None) as batch_op:
        batch_op.drop_column('reason_text')
        batch_op.drop_column('in_act_plan')
    with op.batch_alter_table('monitoring_round', schema=None) as batch_op:
        batch_op.drop_column('finished_at')
        batch_op.drop_column('finished')
    with op.batch_alter_table('plan_target', schema=None) as batch_op:
        batch_op.drop_column('fewer_cases_percent')
    with op.batch_alter_table('project', schema=None) as batch_op:
        for column in ('target_groups', 'quarters', 'run_years', 'no_budget'):
            batch_op.drop_column(column)
    with op.batch_alter_table('plan', schema=None) as batch_op:
        batch_op.drop_column('objectives')
    for table in reversed(_VERSIONED):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column('version')
