"""One entry point to the database: engine, SQLite pragmas, backup, migrations, sessions."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Iterator

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.orm import Session, sessionmaker

from ita_desktop.dbschema import HEAD_REVISION

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
KEEP_BACKUPS = 20


def _set_sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def make_engine(url: str) -> Engine:
    """An engine with the SQLite pragmas set on every connection."""
    engine = create_engine(url, future=True)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _set_sqlite_pragmas)
    return engine


def alembic_config(engine: Engine | None):
    from alembic.config import Config  # Alembic is only needed when the schema changes

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["engine"] = engine
    return cfg


def head_revision() -> str:
    """The head according to the migration scripts themselves."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config(None)).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade(engine: Engine, revision: str = "head") -> None:
    from alembic import command

    command.upgrade(alembic_config(engine), revision)


def sqlite_path(engine: Engine) -> Path | None:
    if engine.dialect.name != "sqlite":
        return None
    database = engine.url.database
    if not database or database == ":memory:":
        return None
    return Path(database)


def backup_sqlite(db_file: Path, backup_dir: Path, reason: str) -> Path:
    """Copy a live SQLite database consistently (sqlite3 backup API) and prune old copies."""
    backup_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = backup_dir / f"ita-{stamp}-{reason}.sqlite3"
    src = sqlite3.connect(str(db_file))
    try:
        dst = sqlite3.connect(str(target))
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    _prune(backup_dir)
    return target


def _prune(backup_dir: Path) -> None:
    copies = sorted(backup_dir.glob("ita-*.sqlite3"))
    for old in copies[:-KEEP_BACKUPS]:
        old.unlink(missing_ok=True)


class SessionReader:
    """The ``Reader`` of ita_desktop.services.reader on a SQLAlchemy session (any engine)."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def rows(self, sql: str, **params: object) -> list[dict]:
        return [dict(row) for row in self._session.execute(text(sql), params).mappings()]


@dataclass
class Database:
    """An open database: the engine and a session factory."""

    engine: Engine
    sessions: sessionmaker[Session]
    backup_dir: Path | None = None

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A transactional session: committed on success, rolled back on any error."""
        session = self.sessions()
        try:
            yield session
            session.commit()
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
        path = sqlite_path(self.engine)
        if path is None or self.backup_dir is None or not path.exists():
            return None
        return backup_sqlite(path, self.backup_dir, reason)

    def dispose(self) -> None:
        self.engine.dispose()


def init_db(url: str, backup_dir: Path | None = None, backup_on_start: bool = True) -> Database:
    """Open the database at ``url``; back up an existing SQLite file, then upgrade it to head.

    The copy is made before every upgrade, and at every start when ``backup_on_start``.
    """
    engine = make_engine(url)
    path = sqlite_path(engine)
    outdated = True
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists() and path.stat().st_size > 0:
            outdated = current_revision(engine) != HEAD_REVISION
            if backup_dir is not None and (outdated or backup_on_start):
                # Vorta's habit: a copy before the schema changes, so an upgrade can be undone.
                backup_sqlite(path, backup_dir, "before-upgrade" if outdated else "start")
    else:
        outdated = current_revision(engine) != HEAD_REVISION
    if outdated:
        upgrade(engine)
    return Database(engine, sessionmaker(engine, expire_on_commit=False), backup_dir)
