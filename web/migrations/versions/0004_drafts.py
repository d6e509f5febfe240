"""Banks drafted in the teacher area, kept until published.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "bank_draft",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("teacher_id", sa.Integer, sa.ForeignKey("teacher.id"), nullable=False),
        sa.Column("bank_id", sa.String(80), nullable=False),
        sa.Column("article", sa.Text, nullable=False),
        sa.Column("data", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.Column("published_at", sa.DateTime),
    )
    op.create_index("ix_bank_draft_teacher", "bank_draft", ["teacher_id"])


def downgrade() -> None:
    op.drop_index("ix_bank_draft_teacher", table_name="bank_draft")
    op.drop_table("bank_draft")
