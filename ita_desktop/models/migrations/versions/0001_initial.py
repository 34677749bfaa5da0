"""Offices, criteria catalog, scores, source files, audit log, settings

Revision ID: 0001
Revises: None
Create Date: 2026-11-21
"""
from alembic import op
import sqlalchemy as sa

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('audit_log',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('action', sa.String(length=60), nullable=False),
    sa.Column('entity', sa.String(length=60), nullable=False),
    sa.Column('entity_id', sa.Integer(), nullable=True),
    sa.Column('detail', sa.Text(), nullable=False),
    sa.Column('user', sa.String(length=100), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_log'))
    )
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_log_at'), ['at'], unique=False)
    op.create_table('fiscal_year',
    sa.Column('year', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('pass_line', sa.Float(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.CheckConstraint('pass_line >= 0 AND pass_line <= 100', name=op.f('ck_fiscal_year_pass_line_range')),
    sa.PrimaryKeyConstraint('year', name=op.f('pk_fiscal_year'))
    )
    op.create_table('office',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=50), nullable=False),
    sa.Column('district', sa.String(length=100), nullable=False),
    sa.Column('province', sa.String(length=100), nullable=False),
    sa.Column('website', sa.String(length=200), nullable=False),
    sa.Column('phone', sa.String(length=50), nullable=False),
    sa.Column('memo_unit', sa.String(length=300), nullable=False),
    sa.Column('memo_number_prefix', sa.String(length=100), nullable=False),
    sa.Column('garuda_path', sa.String(length=500), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_office')),
    sa.UniqueConstraint('name', name=op.f('uq_office_name'))
    )
    op.create_table('setting',
    sa.Column('key', sa.String(length=100), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_setting'))
    )
    op.create_table('source_file',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('file_name', sa.String(length=500), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('imported_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_source_file'))
    )
    with op.batch_alter_table('source_file', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_source_file_sha256'), ['sha256'], unique=False)
    op.create_table('assessment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('office_id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('official_total', sa.Float(), nullable=True),
    sa.Column('official_level', sa.String(length=50), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.CheckConstraint('official_total IS NULL OR (official_total >= 0 AND official_total <= 100)', name=op.f('ck_assessment_total_range')),
    sa.ForeignKeyConstraint(['office_id'], ['office.id'], name=op.f('fk_assessment_office_id_office'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['year'], ['fiscal_year.year'], name=op.f('fk_assessment_year_fiscal_year'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_assessment')),
    sa.UniqueConstraint('office_id', 'year', name=op.f('uq_assessment_office_id_year'))
    )
    with op.batch_alter_table('assessment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_assessment_office_id'), ['office_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_assessment_year'), ['year'], unique=False)
    op.create_table('criteria_indicator',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('tool', sa.String(length=10), nullable=False),
    sa.Column('aliases', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['year'], ['fiscal_year.year'], name=op.f('fk_criteria_indicator_year_fiscal_year'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_criteria_indicator')),
    sa.UniqueConstraint('year', 'number', name=op.f('uq_criteria_indicator_year_number'))
    )
    with op.batch_alter_table('criteria_indicator', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_criteria_indicator_year'), ['year'], unique=False)
    op.create_table('criteria_item',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=10), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('indicator', sa.Integer(), nullable=False),
    sa.Column('sub_indicator', sa.String(length=10), nullable=True),
    sa.Column('text_known', sa.Boolean(), nullable=False),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['year'], ['fiscal_year.year'], name=op.f('fk_criteria_item_year_fiscal_year'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_criteria_item')),
    sa.UniqueConstraint('year', 'code', name=op.f('uq_criteria_item_year_code'))
    )
    with op.batch_alter_table('criteria_item', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_criteria_item_year'), ['year'], unique=False)
    op.create_table('criteria_sub_indicator',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=10), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('indicator', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['year'], ['fiscal_year.year'], name=op.f('fk_criteria_sub_indicator_year_fiscal_year'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_criteria_sub_indicator')),
    sa.UniqueConstraint('year', 'code', name=op.f('uq_criteria_sub_indicator_year_code'))
    )
    with op.batch_alter_table('criteria_sub_indicator', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_criteria_sub_indicator_year'), ['year'], unique=False)
    op.create_table('criteria_tool',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=10), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('weight', sa.Float(), nullable=False),
    sa.Column('parent_code', sa.String(length=10), nullable=True),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.CheckConstraint('weight >= 0 AND weight <= 100', name=op.f('ck_criteria_tool_weight_range')),
    sa.ForeignKeyConstraint(['year'], ['fiscal_year.year'], name=op.f('fk_criteria_tool_year_fiscal_year'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_criteria_tool')),
    sa.UniqueConstraint('year', 'code', name=op.f('uq_criteria_tool_year_code'))
    )
    with op.batch_alter_table('criteria_tool', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_criteria_tool_year'), ['year'], unique=False)
    op.create_table('division',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('office_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['office_id'], ['office.id'], name=op.f('fk_division_office_id_office'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_division')),
    sa.UniqueConstraint('office_id', 'name', name=op.f('uq_division_office_id_name'))
    )
    with op.batch_alter_table('division', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_division_office_id'), ['office_id'], unique=False)
    op.create_table('signatory',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('office_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('position', sa.String(length=300), nullable=False),
    sa.Column('extra_positions', sa.Text(), nullable=False),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['office_id'], ['office.id'], name=op.f('fk_signatory_office_id_office'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_signatory')),
    sa.UniqueConstraint('office_id', 'role', name=op.f('uq_signatory_office_id_role'))
    )
    with op.batch_alter_table('signatory', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_signatory_office_id'), ['office_id'], unique=False)
    op.create_table('indicator_score',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('assessment_id', sa.Integer(), nullable=False),
    sa.Column('indicator_id', sa.Integer(), nullable=False),
    sa.Column('score', sa.Float(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('source_file_id', sa.Integer(), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('score >= 0 AND score <= 100', name=op.f('ck_indicator_score_score_range')),
    sa.ForeignKeyConstraint(['assessment_id'], ['assessment.id'], name=op.f('fk_indicator_score_assessment_id_assessment'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['indicator_id'], ['criteria_indicator.id'], name=op.f('fk_indicator_score_indicator_id_criteria_indicator'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['source_file_id'], ['source_file.id'], name=op.f('fk_indicator_score_source_file_id_source_file'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_indicator_score')),
    sa.UniqueConstraint('assessment_id', 'indicator_id', name=op.f('uq_indicator_score_assessment_id_indicator_id'))
    )
    with op.batch_alter_table('indicator_score', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_indicator_score_assessment_id'), ['assessment_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_indicator_score_indicator_id'), ['indicator_id'], unique=False)
    op.create_table('item_score',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('assessment_id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('score', sa.Float(), nullable=False),
    sa.Column('guideline', sa.Text(), nullable=False),
    sa.Column('source_file_id', sa.Integer(), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('score >= 0 AND score <= 100', name=op.f('ck_item_score_score_range')),
    sa.ForeignKeyConstraint(['assessment_id'], ['assessment.id'], name=op.f('fk_item_score_assessment_id_assessment'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['item_id'], ['criteria_item.id'], name=op.f('fk_item_score_item_id_criteria_item'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['source_file_id'], ['source_file.id'], name=op.f('fk_item_score_source_file_id_source_file'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_item_score')),
    sa.UniqueConstraint('assessment_id', 'item_id', name=op.f('uq_item_score_assessment_id_item_id'))
    )
    with op.batch_alter_table('item_score', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_item_score_assessment_id'), ['assessment_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_item_score_item_id'), ['item_id'], unique=False)
    op.create_table('tool_score',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('assessment_id', sa.Integer(), nullable=False),
    sa.Column('tool_code', sa.String(length=10), nullable=False),
    sa.Column('score', sa.Float(), nullable=False),
    sa.CheckConstraint('score >= 0 AND score <= 100', name=op.f('ck_tool_score_score_range')),
    sa.ForeignKeyConstraint(['assessment_id'], ['assessment.id'], name=op.f('fk_tool_score_assessment_id_assessment'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tool_score')),
    sa.UniqueConstraint('assessment_id', 'tool_code', name=op.f('uq_tool_score_assessment_id_tool_code'))
    )
    with op.batch_alter_table('tool_score', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_tool_score_assessment_id'), ['assessment_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('tool_score', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_tool_score_assessment_id'))
    op.drop_table('tool_score')
    with op.batch_alter_table('item_score', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_item_score_item_id'))
        batch_op.drop_index(batch_op.f('ix_item_score_assessment_id'))
    op.drop_table('item_score')
    with op.batch_alter_table('indicator_score', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_indicator_score_indicator_id'))
        batch_op.drop_index(batch_op.f('ix_indicator_score_assessment_id'))
    op.drop_table('indicator_score')
    with op.batch_alter_table('signatory', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_signatory_office_id'))
    op.drop_table('signatory')
    with op.batch_alter_table('division', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_division_office_id'))
    op.drop_table('division')
    with op.batch_alter_table('criteria_tool', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_criteria_tool_year'))
    op.drop_table('criteria_tool')
    with op.batch_alter_table('criteria_sub_indicator', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_criteria_sub_indicator_year'))
    op.drop_table('criteria_sub_indicator')
    with op.batch_alter_table('criteria_item', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_criteria_item_year'))
    op.drop_table('criteria_item')
    with op.batch_alter_table('criteria_indicator', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_criteria_indicator_year'))
    op.drop_table('criteria_indicator')
    with op.batch_alter_table('assessment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_assessment_year'))
        batch_op.drop_index(batch_op.f('ix_assessment_office_id'))
    op.drop_table('assessment')
    with op.batch_alter_table('source_file', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_source_file_sha256'))
    op.drop_table('source_file')
    op.drop_table('setting')
    op.drop_table('office')
    op.drop_table('fiscal_year')
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_log_at'))
    op.drop_table('audit_log')
