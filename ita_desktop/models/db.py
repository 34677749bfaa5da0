"""One entry point to the database: engine, SQLite pragmas, safe upgrades, sessions.

Upgrades are all-or-nothing: on SQLite every migration runs inside one explicit transaction
(pysqlite would otherwise commit each CREATE/ALTER on its own, so a power cut left a half
upgraded file); on PostgreSQL a transaction-scoped advisory lock lets one PC migrate while the
others wait and then find the schema already at head.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from ita_desktop.dbschema import HEAD_REVISION

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
BUSY_TIMEOUT_MS = 5000  # a database locked longer than this gets a Thai message, not a hang
PG_MIGRATION_LOCK = 0x17A_DE5C  # pg_advisory_xact_lock key: one PC migrates, the others wait


class SchemaTooNewError(Exception):
    """The database was made by a newer program version (unknown revision)."""

    def __init__(self, revision: str):
        super().__init__(revision)
        self.revision = revision


class NotOurDatabaseError(Exception):
    """Tables with rows but no schema version: not a database of this program (or damaged)."""


def _set_sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.close()


def make_engine(url: str) -> Engine:
    """An engine with the SQLite pragmas set on every connection."""
    kwargs = {}
    if url.startswith("postgresql"):
        kwargs["connect_args"] = {"connect_timeout": 5}
    engine = create_engine(url, future=True, **kwargs)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _set_sqlite_pragmas)
    return engine


def _migration_engine(url: str) -> Engine:
    """An engine for schema changes only.

    SQLite: the driver's implicit transaction handling is switched off and every transaction
    starts with an explicit BEGIN IMMEDIATE, so DDL is inside it and a kill leaves the old schema;
    foreign keys are off while batch mode copies tables (SQLite's own procedure for rebuilding a
    table; the pragma cannot change inside a transaction) and checked with foreign_key_check
    before the commit.
    """
    engine = create_engine(url, future=True)
    if engine.dialect.name == "sqlite":
        @event.listens_for(engine, "connect")
        def _connect(dbapi_connection, _record):
            dbapi_connection.isolation_level = None
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA foreign_keys=OFF")
            cursor.execute("PRAGMA synchronous=FULL")
            cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            cursor.close()

        @event.listens_for(engine, "begin")
        def _begin(conn):
            conn.exec_driver_sql("BEGIN IMMEDIATE")
    return engine


def alembic_config(engine: Engine | None, connection=None):
    from alembic.config import Config  # Alembic is only needed when the schema changes

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["engine"] = engine
    cfg.attributes["connection"] = connection
    return cfg


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {s.revision for s in ScriptDirectory.from_config(alembic_config(None)).walk_revisions()}


def head_revision() -> str:
    """The head according to the migration scripts themselves."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config(None)).get_current_head()


def _revision(conn) -> str | None:
    if not inspect(conn).has_table("alembic_version"):
        return None
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return _revision(conn)


def _user_tables(conn) -> list[str]:
    return [t for t in inspect(conn).get_table_names() if t != "alembic_version" and not t.startswith("sqlite_")]


def _clear_half_made(conn) -> None:
    """A database with tables but no schema version: made again when every table is empty.

    An older program version could be killed half way through the first start; such a file
    holds no data (the first start writes nothing before the schema is complete).
    """
    tables = _user_tables(conn)
    if not tables:
        return
    for table in tables:
        if conn.execute(text(f'SELECT 1 FROM "{table}" LIMIT 1')).first() is not None:
            raise NotOurDatabaseError(table)
    log.warning("half-made empty database (tables %s, no version): made again", tables)
    for table in tables:
        conn.execute(text(f'DROP TABLE IF EXISTS "{table}"'))


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to ``revision`` in one transaction (see the module docstring)."""
    from alembic import command

    url = engine.url.render_as_string(hide_password=False)
    migrator = _migration_engine(url)
    try:
        with migrator.begin() as conn:
            if conn.dialect.name == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": PG_MIGRATION_LOCK})
            current = _revision(conn)
            if current is not None and current not in known_revisions():
                raise SchemaTooNewError(current)
            if current is None:
                _clear_half_made(conn)
            command.upgrade(alembic_config(migrator, conn), revision)
            if conn.dialect.name == "sqlite":
                problems = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if problems:
                    raise RuntimeError(f"foreign key check failed after the upgrade: {problems[:5]}")
    finally:
        migrator.dispose()


def sqlite_path(engine: Engine) -> Path | None:
    if engine.dialect.name != "sqlite":
        return None
    database = engine.url.database
    if not database or database == ":memory:":
        return None
    return Path(database)


def sqlite_integrity(path: Path) -> str:
    """'ok' when the SQLite file opens and passes PRAGMA integrity_check, else what is wrong."""
    try:
        con = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error as exc:
        return str(exc)
    try:
        rows = con.execute("PRAGMA integrity_check").fetchall()
        result = "; ".join(str(r[0]) for r in rows[:5])
        return result
    except sqlite3.Error as exc:
        return str(exc)
    finally:
        con.close()


class SessionReader:
    """The ``Reader`` of ita_desktop.services.reader on a SQLAlchemy session (any engine)."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def rows(self, sql: str, **params: object) -> list[dict]:
        connection = self._session.connection()
        if connection.dialect.name == "sqlite":
            cursor = self._driver_execute(connection, sql, params)
            names = [column[0] for column in cursor.description]
            return [dict(zip(names, row)) for row in cursor.fetchall()]
        result = connection.execute(text(sql), params)
        names = tuple(result.keys())  # plain tuples zipped: a national year is tens of thousands of rows
        return [dict(zip(names, row)) for row in result.fetchall()]

    def tuples(self, sql: str, **params: object) -> list[tuple]:
        connection = self._session.connection()
        if connection.dialect.name == "sqlite":  # the driver's own tuples: a third of the time for 78,500 rows
            return self._driver_execute(connection, sql, params).fetchall()
        return [tuple(row) for row in connection.execute(text(sql), params).fetchall()]

    def _driver_execute(self, connection, sql: str, params: dict):
        """The query on SQLite's own connection (the session's): SQLAlchemy's statement handling
        costs more than a screen's small queries themselves (the คะแนน tab makes ~150 of them).
        Pending ORM changes are flushed first and errors come as SQLAlchemy's, as through
        ``session.execute`` (the Thai messages depend on it)."""
        from sqlalchemy.exc import DBAPIError

        session = self._session
        if session.new or session.dirty or session.deleted:
            session.flush()
        try:
            return connection.connection.driver_connection.execute(sql, params)
        except sqlite3.Error as exc:
            raise DBAPIError.instance(sql, params, exc, sqlite3.Error) from exc


class _PendingBackup:
    """A backup running on its own thread; ``error`` holds what it raised."""

    def __init__(self, work: Callable[[], object]) -> None:
        self.error: BaseException | None = None
        self._work = work
        self._thread = threading.Thread(target=self._run, name="backup", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            self._work()
        except BaseException as exc:  # noqa: BLE001 - handed to the thread that waits
            self.error = exc

    def join(self) -> None:
        self._thread.join()


@dataclass
class Database:
    """An open database: the engine and a session factory.

    ``backup_hook(reason)`` (set by services.context) makes a verified backup of the data folder;
    ``changed`` turns True after the first committed write (a backup at close is made then).
    """

    engine: Engine
    sessions: sessionmaker[Session]
    backup_dir: Path | None = None
    backup_hook: Callable[[str], Path | None] | None = None
    error_hook: Callable[[Exception], Exception] | None = None  # OperationalError -> Thai UserError
    changed: bool = field(default=False)
    backed_up_clean: bool = field(default=False)  # a backup was made and nothing was written since
    write_count: int = field(default=0)  # commits that wrote, through this Database
    _pending: _PendingBackup | None = field(default=None, repr=False)  # see start_backup
    _guarded: bool = field(default=False, repr=False)

    def __post_init__(self) -> None:
        def flushed(session, _flush_context) -> None:
            session.info["wrote"] = True

        def executed(state) -> None:
            if state.is_insert or state.is_update or state.is_delete:
                state.session.info["wrote"] = True

        event.listen(self.sessions, "after_flush", flushed)
        event.listen(self.sessions, "do_orm_execute", executed)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A transactional session: committed on success, rolled back on any error."""
        session = self.sessions()
        try:
            yield session
            dirty = bool(session.new or session.dirty or session.deleted)
            session.commit()
            if dirty or session.info.pop("wrote", False):
                self.changed = True
                self.backed_up_clean = False
                self.write_count += 1
        except OperationalError as exc:  # locked too long, disk full, server gone: rolled back
            session.rollback()
            if self.error_hook is None:
                raise
            raise self.error_hook(exc) from exc
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    @contextmanager
    def reader(self) -> Iterator["SessionReader"]:
        """Plain-SQL reads (see ita_desktop.services.reader) inside one session."""
        with self.session() as session:
            yield SessionReader(session)

    def backup(self, reason: str = "manual") -> Path | None:
        """A verified backup of the data folder (services.backups); None on a server database."""
        if self.backup_hook is None or sqlite_path(self.engine) is None:
            return None
        target = self.backup_hook(reason)
        self.backed_up_clean = True
        return target

    def start_backup(self, reason: str) -> None:
        """:meth:`backup` on a thread while the caller goes on reading (a file to import, say).

        Every statement that is not a SELECT waits for it first, on any session of this
        database, and fails with its error when it failed: nothing is written before the backup
        exists. :meth:`wait_backup` waits explicitly. A server database has nothing to back up.
        """
        if self.backup_hook is None or sqlite_path(self.engine) is None:
            return
        self.wait_backup()
        if not self._guarded:
            event.listen(self.engine, "before_cursor_execute", self._before_execute)
            self._guarded = True
        self._pending = _PendingBackup(lambda: self.backup(reason))

    def wait_backup(self) -> None:
        """Wait for a backup begun by :meth:`start_backup`; raise its error if it failed (each time)."""
        pending = self._pending
        if pending is None:
            return
        pending.join()
        if pending.error is not None:
            raise pending.error
        self._pending = None

    def _before_execute(self, _conn, _cursor, statement: str, *_args) -> None:
        if self._pending is not None and statement.lstrip()[:6].upper() != "SELECT":
            self.wait_backup()

    def ensure_backup(self, reason: str) -> Path | None:
        """:meth:`backup` unless one was just made and nothing was written since (risky operations)."""
        self.wait_backup()  # one begun by start_backup counts
        if self.backed_up_clean:
            return None
        return self.backup(reason)

    def dispose(self) -> None:
        self.engine.dispose()


def init_db(url: str, backup_dir: Path | None = None, backup_on_start: bool = True,
            before_upgrade: Callable[[Path], None] | None = None) -> Database:
    """Open the database at ``url`` and upgrade it to head.

    ``before_upgrade(path)`` is called for an existing SQLite file that needs an upgrade (the
    caller backs it up there, and refuses to go on when the backup cannot be made). A database of
    a newer program version raises :class:`SchemaTooNewError` before anything is written.
    ``backup_dir``/``backup_on_start`` are kept for older callers and no longer used here.
    """
    engine = make_engine(url)
    path = sqlite_path(engine)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
    current = current_revision(engine) if (path is None or (path.exists() and path.stat().st_size > 0)) else None
    if current != HEAD_REVISION:
        if current is not None and current not in known_revisions():
            engine.dispose()
            raise SchemaTooNewError(current)
        if current is not None and path is not None and before_upgrade is not None:
            before_upgrade(path)
        try:
            upgrade(engine)
        except BaseException:
            engine.dispose()
            raise
    return Database(engine, sessionmaker(engine, expire_on_commit=False), backup_dir)
