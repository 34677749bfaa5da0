"""Reading the database with plain SQL, the same text on every engine.

The read side of the services (ita_desktop.services.queries) asks a ``Reader`` for rows as
dicts. On the full application context the reader runs on a SQLAlchemy session
(``models.db.SessionReader``), so SQLite and PostgreSQL share one query text. Read-only
commands on the local SQLite file use :class:`SqliteReader` on the standard library's sqlite3
and never import SQLAlchemy, which is most of a cold command's start-up time.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Protocol


class Reader(Protocol):
    def rows(self, sql: str, **params: object) -> list[dict]:
        """The result rows of ``sql`` (named ``:params``) as dicts keyed by column name."""

    def tuples(self, sql: str, **params: object) -> list[tuple]:
        """The result rows as plain tuples in the columns' order (for reads of tens of thousands of rows)."""


class SqliteReader:
    """A Reader on a sqlite3 connection."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._connection = connection

    def rows(self, sql: str, **params: object) -> list[dict]:
        cursor = self._connection.execute(sql, params)
        names = [column[0] for column in cursor.description]
        return [dict(zip(names, row)) for row in cursor.fetchall()]

    def tuples(self, sql: str, **params: object) -> list[tuple]:
        return self._connection.execute(sql, params).fetchall()


def sqlite_file(url: str) -> Path | None:
    """The file of a plain ``sqlite:///path`` URL; None for other engines, memory or URL options."""
    prefix = "sqlite:///"
    if not url.startswith(prefix):
        return None
    rest = url[len(prefix):]
    if not rest or rest == ":memory:" or "?" in rest:
        return None
    return Path(rest)


def connect_read_only(path: Path) -> sqlite3.Connection:
    """A connection that can only read (``PRAGMA query_only``), waiting for a writer like the engine does."""
    connection = sqlite3.connect(str(path), timeout=5)
    connection.execute("PRAGMA query_only=ON")
    return connection
