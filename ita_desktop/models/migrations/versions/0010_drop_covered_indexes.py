"""Drop the single-column indexes that a unique constraint already covers

assessment(office_id) is the leading column of unique (office_id, year); indicator_score,
item_score and tool_score(assessment_id) lead their unique (assessment_id, ...). Each lookup by
that column uses the unique index, so the extra index only cost upkeep: a national import of
78,500 indicator scores spent a third of its insert time on it.

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-30 08:30:00
"""
from alembic import op


revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None

COVERED = (
    ('assessment', 'ix_assessment_office_id', 'office_id'),
    ('indicator_score', 'ix_indicator_score_assessment_id', 'assessment_id'),
    ('item_score', 'ix_item_score_assessment_id', 'assessment_id'),
    ('tool_score', 'ix_tool_score_assessment_id', 'assessment_id'),
)


def upgrade() -> None:
    for table, name, _column in COVERED:
        op.drop_index(name, table_name=table)


def downgrade() -> None:
    for table, name, column in COVERED:
        op.create_index(name, table, [column], unique=False)
