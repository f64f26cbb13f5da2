"""catalogue version status: draft or published

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 16:50:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('catalogues', schema=None) as batch_op:
        batch_op.add_column(sa.Column('status', sa.String(length=10), nullable=False,
                                      server_default='published'))
        batch_op.add_column(sa.Column('published_at', sa.DateTime(timezone=True), nullable=True))
    # Every catalogue that existed before versions had a status was in force from its creation.
    op.execute("UPDATE catalogues SET published_at = created_at")


def downgrade() -> None:
    with op.batch_alter_table('catalogues', schema=None) as batch_op:
        batch_op.drop_column('published_at')
        batch_op.drop_column('status')
