"""names of org units and people (from the directory's events) for leaderboards

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 16:30:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('names',
    sa.Column('subject_id', sa.String(length=64), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('org_id', sa.String(length=32), nullable=False),
    sa.Column('seen_at', sa.String(length=100), nullable=False),
    sa.PrimaryKeyConstraint('subject_id', name=op.f('pk_names'))
    )


def downgrade() -> None:
    op.drop_table('names')
