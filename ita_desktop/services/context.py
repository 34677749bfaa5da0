"""Opening the application's data: paths, database, bundled catalogs, logging."""

from __future__ import annotations

import logging
import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass, field
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
    backup_on_close: bool = False  # the GUI: a backup at close when something was changed
    warnings: list[str] = field(default_factory=list)  # Thai sentences for the clerk after start

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

    def backup(self, reason: str = "manual") -> Path | None:
        """A verified backup (services.backups); None on a server database."""
        return self.db.backup(reason)

    def close(self) -> None:
        if self.backup_on_close and self.db.changed:
            try:
                self.db.backup("close")
            except Exception:  # closing never fails; the reason is in the log
                log.exception("backup at close failed")
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

    Before an upgrade a verified backup is made (no backup, no upgrade). The GUI
    (``backup_on_start``) also backs up at start when the last backup is older than a day and
    at close when something changed; ``ita-cli`` backs up before commands that write.
    Every failure is a Thai UserError and leaves the data as it was.
    """
    from sqlalchemy.exc import ArgumentError, DatabaseError, NoSuchModuleError, OperationalError

    from ita_desktop.models.db import NotOurDatabaseError, SchemaTooNewError, init_db, sqlite_path
    from ita_desktop.services import backups, criteria

    from .errors import UserError

    folder = _data_folder(data_dir)
    try:
        setup_logging(folder / LOG_FILE_NAME)
    except OSError:
        pass  # a read-only folder: check_writable below says so
    url = paths.db_url(folder, db_url)
    local = sqlite_file(url) is not None
    if local:
        check_writable(folder)
    existed = local and sqlite_file(url).is_file() and sqlite_file(url).stat().st_size > 0

    def before_upgrade(path: Path) -> None:
        backups.make_backup(path, folder, "before-upgrade")

    try:
        db = init_db(url, before_upgrade=before_upgrade)
    except (ArgumentError, NoSuchModuleError, ImportError) as exc:  # a URL this program cannot use
        raise UserError(f"ที่อยู่ฐานข้อมูล '{_where(url)}' ใช้ไม่ได้ ใช้ SQLite ในโฟลเดอร์ข้อมูล (ไม่ต้องระบุ) หรือ "
                        "postgresql+psycopg2://ผู้ใช้:รหัสผ่าน@เครื่อง/ชื่อฐานข้อมูล") from exc
    except SchemaTooNewError as exc:
        raise UserError(f"เปิดฐานข้อมูลไม่ได้: '{_where(url)}' สร้างด้วย ITA Desktop รุ่นที่ใหม่กว่า "
                        f"(รุ่นฐานข้อมูล {exc.revision}) กรุณาปรับปรุงโปรแกรมเป็นรุ่นล่าสุดก่อน ข้อมูลไม่ถูกเปลี่ยนแปลง") from None
    except NotOurDatabaseError as exc:
        raise UserError(f"เปิดฐานข้อมูลไม่ได้: '{_where(url)}' ไม่ใช่ฐานข้อมูลของ ITA Desktop "
                        "(มีตารางข้อมูลแต่ไม่มีรุ่นฐานข้อมูล) ข้อมูลไม่ถูกเปลี่ยนแปลง") from exc
    except OperationalError as exc:
        log.exception("cannot open the database %s", _where(url))
        raise database_error(exc, url, folder) from None
    except DatabaseError as exc:  # a damaged file
        log.exception("cannot open the database %s", _where(url))
        raise UserError(f"เปิดฐานข้อมูลไม่ได้: '{_where(url)}' ไฟล์อาจเสียหายหรือเชื่อมต่อเซิร์ฟเวอร์ไม่ได้ "
                        f"(สำเนาสำรองอยู่ในโฟลเดอร์ {folder / 'backups'} กู้คืนด้วย ita-cli restore ไฟล์สำรอง; "
                        f"รายละเอียดใน {folder / LOG_FILE_NAME})") from exc
    except OSError as exc:
        from .backups import os_error

        raise os_error(exc, folder) from exc
    ctx = AppContext(db=db, data_dir=folder, backup_on_close=backup_on_start)
    from . import audit

    audit.load_person(folder)
    db.backup_hook = lambda reason: backups.create_backup(ctx, reason)
    db.error_hook = lambda exc: database_error(exc, url, folder)
    try:
        ctx.attachments_dir.mkdir(exist_ok=True)
        if backup_on_start and existed and sqlite_path(db.engine) is not None and backups.backup_due(ctx.backups_dir):
            try:
                backups.create_backup(ctx, "start")
            except UserError as exc:  # the program still opens (to restore, for one); the clerk is told
                log.warning("backup at start failed: %s", exc)
                ctx.warnings.append(str(exc))
        criteria.sync_bundled_criteria(ctx)
        db.changed = False
    except BaseException:
        db.dispose()
        raise
    return ctx


def _data_folder(data_dir) -> Path:
    from .errors import UserError

    try:
        return paths.data_dir(data_dir)
    except OSError as exc:
        chosen = data_dir or "โฟลเดอร์ข้อมูล"
        raise UserError(f"สร้างโฟลเดอร์ข้อมูล '{chosen}' ไม่ได้ ({exc.strerror or exc}) "
                        "กรุณาตรวจสิทธิ์ หรือเลือกโฟลเดอร์อื่นด้วย --data-dir") from exc


def check_writable(folder: Path) -> None:
    """UserError when the data folder (or its database file) cannot be written."""
    import os
    import tempfile

    from .backups import os_error
    from .errors import UserError

    try:
        fd, name = tempfile.mkstemp(prefix=".write-test-", dir=folder)
        os.close(fd)
        os.unlink(name)
    except OSError as exc:
        raise os_error(exc, folder) from exc
    db_file = folder / "ita.sqlite3"
    if db_file.exists() and not os.access(db_file, os.W_OK):
        raise UserError(f"ไฟล์ฐานข้อมูล {db_file} เขียนไม่ได้ (อ่านได้อย่างเดียว) กรุณาตรวจสิทธิ์ของไฟล์ "
                        "ข้อมูลไม่ถูกเปลี่ยนแปลง")


def database_error(exc, url: str, folder: Path | None = None):
    """A Thai UserError for an OperationalError (locked, disk full, server down, wrong password)."""
    from .errors import UserError

    message = str(getattr(exc, "orig", exc)).lower()
    where = _where(url)
    if "locked" in message or "busy" in message:
        return UserError(f"ฐานข้อมูล '{where}' ถูกโปรแกรมอื่นใช้งานอยู่นานเกิน 5 วินาที กรุณาลองใหม่อีกครั้ง "
                         "ข้อมูลไม่ถูกเปลี่ยนแปลง")
    if "disk is full" in message or "no space" in message:
        from .backups import space_error

        target = folder or Path(where).parent
        return space_error(target, 16 << 20)
    if "readonly" in message or "read-only" in message:
        return UserError(f"ฐานข้อมูล '{where}' เขียนไม่ได้ (อ่านได้อย่างเดียว) ข้อมูลไม่ถูกเปลี่ยนแปลง")
    if "password" in message or "authentication" in message:
        return UserError(f"เปิดฐานข้อมูลไม่ได้: เซิร์ฟเวอร์ '{where}' ไม่รับชื่อผู้ใช้หรือรหัสผ่าน "
                         "กรุณาตรวจ --db-url (หรือ ITA_DESKTOP_DB_URL)")
    if sqlite_file(url) is None:
        return UserError(f"เปิดฐานข้อมูลไม่ได้: เชื่อมต่อเซิร์ฟเวอร์ฐานข้อมูล '{where}' ไม่ได้ "
                         "กรุณาตรวจว่าเครื่องเซิร์ฟเวอร์เปิดอยู่และเชื่อมต่อเครือข่ายได้")
    return UserError(f"เปิดฐานข้อมูลไม่ได้: '{where}' ไฟล์อาจเสียหายหรือเชื่อมต่อเซิร์ฟเวอร์ไม่ได้")


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
