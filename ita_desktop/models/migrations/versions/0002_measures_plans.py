"""Measures, result reports, anti-corruption plans, attachments, memo drafts

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-21
"""
from alembic import op
import sqlalchemy as sa

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('attachment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('office_id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=True),
    sa.Column('entity', sa.String(length=40), nullable=False),
    sa.Column('entity_id', sa.Integer(), nullable=True),
    sa.Column('file_name', sa.String(length=500), nullable=False),
    sa.Column('stored_name', sa.String(length=500), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('added_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['office_id'], ['office.id'], name=op.f('fk_attachment_office_id_office'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_attachment'))
    )
    with op.batch_alter_table('attachment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_attachment_office_id'), ['office_id'], unique=False)
    op.create_table('measure_set',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('office_id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('based_on_year', sa.Integer(), nullable=True),
    sa.Column('pass_line', sa.Float(), nullable=False),
    sa.Column('intro', sa.Text(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['office_id'], ['office.id'], name=op.f('fk_measure_set_office_id_office'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_measure_set')),
    sa.UniqueConstraint('office_id', 'year', name=op.f('uq_measure_set_office_id_year'))
    )
    with op.batch_alter_table('measure_set', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_measure_set_office_id'), ['office_id'], unique=False)
    op.create_table('memo_draft',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('office_id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('number', sa.String(length=100), nullable=False),
    sa.Column('date', sa.String(length=20), nullable=False),
    sa.Column('content_json', sa.Text(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['office_id'], ['office.id'], name=op.f('fk_memo_draft_office_id_office'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_memo_draft')),
    sa.UniqueConstraint('office_id', 'year', 'kind', name=op.f('uq_memo_draft_office_id_year_kind'))
    )
    with op.batch_alter_table('memo_draft', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_memo_draft_office_id'), ['office_id'], unique=False)
    op.create_table('plan',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('office_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('start_year', sa.Integer(), nullable=False),
    sa.Column('end_year', sa.Integer(), nullable=False),
    sa.Column('intro_json', sa.Text(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('end_year >= start_year', name=op.f('ck_plan_year_order')),
    sa.ForeignKeyConstraint(['office_id'], ['office.id'], name=op.f('fk_plan_office_id_office'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_plan'))
    )
    with op.batch_alter_table('plan', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_plan_office_id'), ['office_id'], unique=False)
    op.create_table('result_report',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('office_id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('intro', sa.Text(), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['office_id'], ['office.id'], name=op.f('fk_result_report_office_id_office'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_result_report')),
    sa.UniqueConstraint('office_id', 'year', name=op.f('uq_result_report_office_id_year'))
    )
    with op.batch_alter_table('result_report', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_result_report_office_id'), ['office_id'], unique=False)
    op.create_table('dimension',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['plan_id'], ['plan.id'], name=op.f('fk_dimension_plan_id_plan'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_dimension')),
    sa.UniqueConstraint('plan_id', 'number', name=op.f('uq_dimension_plan_id_number'))
    )
    with op.batch_alter_table('dimension', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_dimension_plan_id'), ['plan_id'], unique=False)
    op.create_table('measure',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('measure_set_id', sa.Integer(), nullable=False),
    sa.Column('tool', sa.String(length=10), nullable=False),
    sa.Column('indicator', sa.Integer(), nullable=True),
    sa.Column('item_code', sa.String(length=10), nullable=True),
    sa.Column('category', sa.String(length=20), nullable=False),
    sa.Column('issue', sa.Text(), nullable=False),
    sa.Column('responsible', sa.Text(), nullable=False),
    sa.Column('steps', sa.Text(), nullable=False),
    sa.Column('reporting', sa.Text(), nullable=False),
    sa.Column('period', sa.Text(), nullable=False),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['measure_set_id'], ['measure_set.id'], name=op.f('fk_measure_measure_set_id_measure_set'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_measure'))
    )
    with op.batch_alter_table('measure', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_measure_measure_set_id'), ['measure_set_id'], unique=False)
    op.create_table('monitoring_round',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('months', sa.Integer(), nullable=False),
    sa.CheckConstraint('months IN (6, 12)', name=op.f('ck_monitoring_round_months_6_or_12')),
    sa.ForeignKeyConstraint(['plan_id'], ['plan.id'], name=op.f('fk_monitoring_round_plan_id_plan'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_monitoring_round')),
    sa.UniqueConstraint('plan_id', 'year', 'months', name=op.f('uq_monitoring_round_plan_id_year_months'))
    )
    with op.batch_alter_table('monitoring_round', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_monitoring_round_plan_id'), ['plan_id'], unique=False)
    op.create_table('plan_target',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('ita_target', sa.Float(), nullable=True),
    sa.Column('other', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['plan_id'], ['plan.id'], name=op.f('fk_plan_target_plan_id_plan'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_plan_target')),
    sa.UniqueConstraint('plan_id', 'year', name=op.f('uq_plan_target_plan_id_year'))
    )
    with op.batch_alter_table('plan_target', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_plan_target_plan_id'), ['plan_id'], unique=False)
    op.create_table('risk',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('process', sa.Text(), nullable=False),
    sa.Column('risk', sa.Text(), nullable=False),
    sa.Column('level', sa.String(length=40), nullable=False),
    sa.Column('controls', sa.Text(), nullable=False),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['plan_id'], ['plan.id'], name=op.f('fk_risk_plan_id_plan'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_risk'))
    )
    with op.batch_alter_table('risk', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_risk_plan_id'), ['plan_id'], unique=False)
    op.create_table('project',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('dimension_id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=20), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('remark', sa.Text(), nullable=False),
    sa.Column('rationale', sa.Text(), nullable=False),
    sa.Column('objectives', sa.Text(), nullable=False),
    sa.Column('target_group', sa.Text(), nullable=False),
    sa.Column('method', sa.Text(), nullable=False),
    sa.Column('period', sa.Text(), nullable=False),
    sa.Column('budget_text', sa.Text(), nullable=False),
    sa.Column('responsible', sa.Text(), nullable=False),
    sa.Column('outputs_outcomes', sa.Text(), nullable=False),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['dimension_id'], ['dimension.id'], name=op.f('fk_project_dimension_id_dimension'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_project'))
    )
    with op.batch_alter_table('project', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_project_dimension_id'), ['dimension_id'], unique=False)
    op.create_table('result_row',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('report_id', sa.Integer(), nullable=False),
    sa.Column('measure_id', sa.Integer(), nullable=True),
    sa.Column('measure', sa.Text(), nullable=False),
    sa.Column('steps', sa.Text(), nullable=False),
    sa.Column('period', sa.Text(), nullable=False),
    sa.Column('responsible', sa.Text(), nullable=False),
    sa.Column('output', sa.Text(), nullable=False),
    sa.Column('outcome', sa.Text(), nullable=False),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['measure_id'], ['measure.id'], name=op.f('fk_result_row_measure_id_measure'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['report_id'], ['result_report.id'], name=op.f('fk_result_row_report_id_result_report'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_result_row'))
    )
    with op.batch_alter_table('result_row', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_result_row_report_id'), ['report_id'], unique=False)
    op.create_table('project_budget',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('project_id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('amount', sa.Float(), nullable=False),
    sa.CheckConstraint('amount >= 0', name=op.f('ck_project_budget_amount_positive')),
    sa.ForeignKeyConstraint(['project_id'], ['project.id'], name=op.f('fk_project_budget_project_id_project'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_project_budget')),
    sa.UniqueConstraint('project_id', 'year', name=op.f('uq_project_budget_project_id_year'))
    )
    with op.batch_alter_table('project_budget', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_project_budget_project_id'), ['project_id'], unique=False)
    op.create_table('project_report',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('round_id', sa.Integer(), nullable=False),
    sa.Column('project_id', sa.Integer(), nullable=False),
    sa.Column('budget_in_plan', sa.Float(), nullable=True),
    sa.Column('budget_in_act', sa.Float(), nullable=True),
    sa.Column('disbursed', sa.Float(), nullable=True),
    sa.Column('no_budget', sa.Boolean(), nullable=False),
    sa.Column('status', sa.String(length=60), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('remark', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['project_id'], ['project.id'], name=op.f('fk_project_report_project_id_project'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['round_id'], ['monitoring_round.id'], name=op.f('fk_project_report_round_id_monitoring_round'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_project_report')),
    sa.UniqueConstraint('round_id', 'project_id', name=op.f('uq_project_report_round_id_project_id'))
    )
    with op.batch_alter_table('project_report', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_project_report_project_id'), ['project_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_project_report_round_id'), ['round_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('project_report', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_project_report_round_id'))
        batch_op.drop_index(batch_op.f('ix_project_report_project_id'))
    op.drop_table('project_report')
    with op.batch_alter_table('project_budget', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_project_budget_project_id'))
    op.drop_table('project_budget')
    with op.batch_alter_table('result_row', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_result_row_report_id'))
    op.drop_table('result_row')
    with op.batch_alter_table('project', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_project_dimension_id'))
    op.drop_table('project')
    with op.batch_alter_table('risk', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_risk_plan_id'))
    op.drop_table('risk')
    with op.batch_alter_table('plan_target', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_plan_target_plan_id'))
    op.drop_table('plan_target')
    with op.batch_alter_table('monitoring_round', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_monitoring_round_plan_id'))
    op.drop_table('monitoring_round')
    with op.batch_alter_table('measure', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_measure_measure_set_id'))
    op.drop_table('measure')
    with op.batch_alter_table('dimension', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_dimension_plan_id'))
    op.drop_table('dimension')
    with op.batch_alter_table('result_report', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_result_report_office_id'))
    op.drop_table('result_report')
    with op.batch_alter_table('plan', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_plan_office_id'))
    op.drop_table('plan')
    with op.batch_alter_table('memo_draft', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_memo_draft_office_id'))
    op.drop_table('memo_draft')
    with op.batch_alter_table('measure_set', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_measure_set_office_id'))
    op.drop_table('measure_set')
    with op.batch_alter_table('attachment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_attachment_office_id'))
    op.drop_table('attachment')
