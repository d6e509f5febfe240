"""Alembic's environment for the quiz site's database.

quizgen runs migrations itself (`quizgen db upgrade`, or `quizgen serve` at
start): web/migrate.py hands the connection over in `config.attributes`.
"""

from __future__ import annotations

from alembic import context

from web.db import metadata

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=metadata,
    # SQLite cannot ALTER most things: batch mode copies the table instead.
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
