"""Alembic environment: runs on the connection (and its open transaction) of ita_desktop.models.db.

models.db.upgrade opens the transaction (BEGIN IMMEDIATE on SQLite, an advisory lock on
PostgreSQL) and hands the connection over, so every migration of one upgrade commits together.
"""

from alembic import context

from ita_desktop.models import Base

target_metadata = Base.metadata


def _configure(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite cannot ALTER most things; batch mode copies tables
        compare_type=True,
        transactional_ddl=True,
    )


def run_migrations() -> None:
    connection = context.config.attributes.get("connection")
    if connection is not None:
        _configure(connection)
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = context.config.attributes["engine"]
    with engine.begin() as connection:
        _configure(connection)
        with context.begin_transaction():
            context.run_migrations()


run_migrations()
