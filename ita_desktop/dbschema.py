"""Facts about the database schema that must be known without importing SQLAlchemy."""

# The newest migration. Kept here so that opening an up-to-date database needs neither Alembic
# nor, for read-only commands, SQLAlchemy (a test checks it against the migration scripts).
HEAD_REVISION = "0011"
