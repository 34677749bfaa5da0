"""Opening the application's data: paths, database, bundled catalogs, logging."""

from __future__ import annotations

import logging
import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

from ita_desktop import paths
from ita_desktop.dbschema import HEAD_REVISION

from .reader import Reader, SqliteReader, connect_read_only, sqlite_file

if TYPE_CHECKING:
    from ita_desktop.models.db import Database

log = logging.getLogger(__name__)
LOG_FILE_NAME = "ita-desktop.log"  # in the data folder; tracebacks go there, never to the user


@dataclass
class AppContext:
    """What every service call needs: the open database and the data folder."""

    db: Database
    data_dir: Path

    def reader(self):
        """Plain-SQL reads (services.queries) in one session of the database."""
        return self.db.reader()

    @property
    def backups_dir(self) -> Path:
        return self.data_dir / "backups"

    @property
    def attachments_dir(self) -> Path:
        return self.data_dir / "attachments"

    @property
    def log_file(self) -> Path:
        return self.data_dir / LOG_FILE_NAME

    def close(self) -> None:
        self.db.dispose()


def setup_logging(log_file: Path) -> None:
    """Log to a file in the data folder; tracebacks go there, never to the user."""
    root = logging.getLogger()
    if any(getattr(h, "ita_file", None) == str(log_file) for h in root.handlers):
        return
    handler = logging.FileHandler(log_file, encoding="utf-8")
    handler.ita_file = str(log_file)  # type: ignore[attr-defined]
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.INFO)


def open_app(data_dir: str | Path | None = None, db_url: str | None = None,
             backup_on_start: bool = True) -> AppContext:
    """Resolve the data folder and database, back up and upgrade it, load bundled catalogs.

    The GUI backs the database up at every start; ``ita-cli`` (``backup_on_start=False``) only
    before an upgrade and before commands that write.
    """
    from sqlalchemy.exc import ArgumentError, DatabaseError, NoSuchModuleError

    from ita_desktop.models.db import init_db  # local: read-only commands never import SQLAlchemy
    from ita_desktop.services import criteria

    from .errors import UserError

    folder = paths.data_dir(data_dir)
    setup_logging(folder / LOG_FILE_NAME)
    url = paths.db_url(folder, db_url)
    try:
        db = init_db(url, backup_dir=folder / "backups", backup_on_start=backup_on_start)
    except (ArgumentError, NoSuchModuleError, ImportError) as exc:  # a URL this program cannot use
        raise UserError(f"ที่อยู่ฐานข้อมูล '{_where(url)}' ใช้ไม่ได้ ใช้ SQLite ในโฟลเดอร์ข้อมูล (ไม่ต้องระบุ) หรือ "
                        "postgresql+psycopg2://ผู้ใช้:รหัสผ่าน@เครื่อง/ชื่อฐานข้อมูล") from exc
    except DatabaseError as exc:  # a damaged file, or a server that cannot be reached
        log.exception("cannot open the database %s", _where(url))
        raise UserError(f"เปิดฐานข้อมูลไม่ได้: '{_where(url)}' ไฟล์อาจเสียหายหรือเชื่อมต่อเซิร์ฟเวอร์ไม่ได้ "
                        f"(สำเนาสำรองอยู่ในโฟลเดอร์ {folder / 'backups'}; รายละเอียดใน {folder / LOG_FILE_NAME})") from exc
    ctx = AppContext(db=db, data_dir=folder)
    ctx.attachments_dir.mkdir(exist_ok=True)
    criteria.sync_bundled_criteria(ctx)
    return ctx


def _where(url: str) -> str:
    """The database for a message: the SQLite file, else the URL without its password."""
    path = sqlite_file(url)
    if path is not None:
        return str(path)
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url.split("@")[-1]  # not a URL at all: keep any password out of the message


@dataclass
class ReadOnlyContext:
    """The context of a command that only reads the local SQLite file: stdlib sqlite3, no ORM.

    It has ``reader()`` but no ``db``, so only the read side (services.queries) works on it.
    """

    connection: sqlite3.Connection
    data_dir: Path

    @contextmanager
    def reader(self) -> Iterator[Reader]:
        yield SqliteReader(self.connection)

    @property
    def log_file(self) -> Path:
        return self.data_dir / LOG_FILE_NAME

    def close(self) -> None:
        self.connection.close()


def open_read_only(data_dir: str | Path | None = None, db_url: str | None = None) -> ReadOnlyContext | None:
    """A :class:`ReadOnlyContext` when the database is a SQLite file that needs nothing done.

    None (open it with :func:`open_app`) for another engine, a missing or empty file, a schema
    that is not at the head revision, or bundled catalogs not stored yet, since those need writing.
    """
    folder = paths.data_dir(data_dir)
    path = sqlite_file(paths.db_url(folder, db_url))
    if path is None or not path.is_file() or path.stat().st_size == 0:
        return None
    setup_logging(folder / LOG_FILE_NAME)
    try:
        connection = connect_read_only(path)
    except sqlite3.Error:
        return None
    try:
        reader = SqliteReader(connection)
        revision = reader.rows("SELECT version_num FROM alembic_version")
        stored = {row["year"] for row in reader.rows("SELECT year FROM fiscal_year")}
        ready = [row["version_num"] for row in revision] == [HEAD_REVISION] and paths.bundled_criteria_years() <= stored
    except sqlite3.Error:
        ready = False
    if not ready:
        connection.close()
        return None
    return ReadOnlyContext(connection, folder)
