"""The schema as `create_all` made it before migrations existed.

Revision ID: 0001
Revises:
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "teacher",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(80), nullable=False, unique=True),
        sa.Column("password_hash", sa.String(255), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "quiz_session",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("code", sa.String(12), nullable=False, unique=True),
        sa.Column("bank_id", sa.String(80), nullable=False),
        sa.Column("teacher_id", sa.Integer, sa.ForeignKey("teacher.id"), nullable=False),
        sa.Column("question_ids", sa.Text, nullable=False),
        sa.Column("feedback", sa.String(10), nullable=False),
        sa.Column("time_limit", sa.Integer),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("opened_at", sa.DateTime),
        sa.Column("closed_at", sa.DateTime),
    )
    op.create_index("ix_quiz_session_bank_status", "quiz_session", ["bank_id", "status"])
    op.create_index("ix_quiz_session_teacher", "quiz_session", ["teacher_id"])
    op.create_table(
        "attempt",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("token", sa.String(64), nullable=False, unique=True),
        sa.Column("bank_id", sa.String(80), nullable=False),
        sa.Column("question_ids", sa.Text, nullable=False),
        sa.Column("session_id", sa.Integer, sa.ForeignKey("quiz_session.id")),
        sa.Column("nickname", sa.String(40)),
        sa.Column("nickname_key", sa.String(40)),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.UniqueConstraint("session_id", "nickname_key", name="uq_attempt_session_nickname"),
    )
    op.create_table(
        "answer",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("attempt_id", sa.Integer, sa.ForeignKey("attempt.id"), nullable=False),
        sa.Column("question_id", sa.String(80), nullable=False),
        sa.Column("response", sa.Text, nullable=False),
        sa.Column("label", sa.Text, nullable=False),
        sa.Column("score", sa.Float, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.UniqueConstraint("attempt_id", "question_id", name="uq_answer_attempt_question"),
    )


def downgrade() -> None:
    for table in ("answer", "attempt", "quiz_session", "teacher"):
        op.drop_table(table)
