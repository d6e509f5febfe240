"""Answers a teacher accepts after the fact (regrade), per session and question.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "accepted_answer",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("session_id", sa.Integer, sa.ForeignKey("quiz_session.id"), nullable=False),
        sa.Column("question_id", sa.String(80), nullable=False),
        sa.Column("part", sa.Integer, nullable=False),
        sa.Column("value", sa.Text, nullable=False),
        sa.Column("teacher_id", sa.Integer, sa.ForeignKey("teacher.id"), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.UniqueConstraint("session_id", "question_id", "part", "value", name="uq_accepted_answer"),
    )


def downgrade() -> None:
    op.drop_table("accepted_answer")
