"""Alembic's entry point: migrate over the connection (and inside the transaction) the store hands in.

The store holds a lock while migrating (SQLite: a write transaction; PostgreSQL: an advisory lock), so
the migration must run in that same transaction rather than open its own connection.
"""

from alembic import context

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=None)
with context.begin_transaction():
    context.run_migrations()
