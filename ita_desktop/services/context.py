"""Opening the application's data: paths, database, bundled catalogs, logging."""

from __future__ import annotations

import _imp
import importlib
import logging
import os
import shutil
import sqlite3
import sys
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator

from ita_desktop import paths
from ita_desktop.dbschema import HEAD_REVISION

from .reader import Reader, SqliteReader, connect_read_only, sqlite_file

if TYPE_CHECKING:
    from ita_desktop.models.db import Database

log = logging.getLogger(__name__)
STEP_ASIDE_SECONDS = 0.3  # the opening thread imports nothing this long after the clerk chose a tab (Opening.step_aside)
MAX_ASIDE_SECONDS = 1.5  # and not longer than this in all, however often the clerk clicks
LOG_FILE_NAME = "ita-desktop.log"  # in the data folder; tracebacks go there, never to the user


class AppContext:
    """What every service call needs: the open database and the data folder.

    ``opening`` (the GUI's quick start, see :func:`open_app` ``defer``) is the part of opening
    that runs after the window is shown; until it is done, reads go through stdlib sqlite3 on a
    read-only connection and ``db`` waits for it.
    """

    def __init__(self, db: Database | None, data_dir: Path, backup_on_close: bool = False,
                 warnings: list[str] | None = None, opening: Opening | None = None) -> None:
        self._db = db
        self.data_dir = data_dir
        self.backup_on_close = backup_on_close  # the GUI: a backup at close when something was changed
        self.warnings = list(warnings or [])  # Thai sentences for the clerk after start
        self.opening = opening

    @property
    def db(self) -> Database:
        """The open database (SQLAlchemy); during a quick start it waits for :attr:`opening`."""
        if self._db is None:
            if self.opening is None:
                raise RuntimeError("no database")
            self._db = self.opening.wait()
        return self._db

    @property
    def loading(self) -> bool:
        """True while the database is still being opened on the opening thread (a quick start)."""
        return self._db is None and self.opening is not None and not self.opening.done.is_set()

    def reader(self):
        """Plain-SQL reads (services.queries) in one session of the database."""
        opening = self.opening
        if self._db is None and opening is not None and opening.reads_here():
            return opening.plain_reader()
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
        if self.opening is not None:
            self.opening.finish()  # a thread still opening is waited for, then its reads end
            if self._db is None and self.opening.db is not None:
                self._db = self.opening.db
        if self._db is None:
            return
        try:
            self._db.wait_backup()  # a backup still running (ita-cli import) is never cut off
        except (Exception, KeyboardInterrupt):  # reported to whoever wrote (or Ctrl+C): closing never fails
            log.exception("backup before a command failed or was interrupted")
        if self.backup_on_close and self._db.changed:
            try:
                self._db.backup("close")
            except Exception:  # closing never fails; the reason is in the log
                log.exception("backup at close failed")
        self._db.dispose()


class Opening:
    """The half of opening a local SQLite database that the window need not wait for.

    :func:`open_app` with ``defer`` checks with stdlib sqlite3 that the file is at the head
    revision with every bundled catalog stored, then leaves to this object, on a thread started
    with :meth:`start` (the GUI starts it once the window is shown): importing SQLAlchemy, the
    ORM and the ``preload`` modules (``imported`` is set then), opening the engine with the
    schema checked again, reading the audit person and the backup at start when one is due
    (``done`` is set then). Until then the context reads through :meth:`plain_reader`; anything
    that needs ``ctx.db`` waits (a change is never made before the backup at start).
    """

    def __init__(self, url: str, folder: Path, connection: sqlite3.Connection, backup_on_start: bool,
                 preload: tuple[str, ...] = ()) -> None:
        self.url = url
        self.folder = folder
        self.backup_on_start = backup_on_start
        self.preload = tuple(preload)
        self.imported = threading.Event()
        self._ready = {name: threading.Event() for name in self.preload}  # each preload module imported
        self.done = threading.Event()
        self.db: Database | None = None
        self.error: BaseException | None = None
        self.warnings: list[str] = []
        self.on_imported: Callable[[], None] | None = None  # called on the opening thread
        self.on_done: Callable[[], None] | None = None  # called on the opening thread
        self.ctx: AppContext | None = None
        self._connection: sqlite3.Connection | None = connection
        self._reading_thread = threading.get_ident()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self._aside_until = 0.0  # time.monotonic() until which the opening thread does not import
        self._aside_total = 0.0  # seconds it stepped aside so far (at most MAX_ASIDE_SECONDS)

    # -- reading before the database is open ------------------------------------------------
    def reads_here(self) -> bool:
        """Whether this thread reads through sqlite3 (the thread that opened it, before ``done``)."""
        if self._connection is None or threading.get_ident() != self._reading_thread:
            return False
        if self.done.is_set() and self.error is None and not self._connection.in_transaction:
            self._close_connection()  # from now on ctx.db reads (not inside a read still going on)
            return False
        return True

    @contextmanager
    def plain_reader(self) -> Iterator[Reader]:
        """One read transaction on the read-only sqlite3 connection (one snapshot, like a session)."""
        connection = self._connection
        outer = not connection.in_transaction  # a read inside another read shares its transaction
        if outer:
            connection.execute("BEGIN")
        try:
            yield SqliteReader(connection)
        finally:
            if outer and connection.in_transaction:
                connection.execute("COMMIT")

    def _close_connection(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    # -- the thread ----------------------------------------------------------------------------
    def start(self) -> None:
        with self._lock:
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="ita-open-database", daemon=True)
                self._thread.start()

    def wait(self) -> Database:
        """The open database, once the thread is done (started here when it was not yet)."""
        self.start()
        self._aside_until = 0.0  # waited for: no more stepping aside
        self.done.wait()
        if self.error is not None:
            raise self.error
        return self.db

    def wait_imported(self) -> None:
        self.start()
        self._aside_until = 0.0
        self.imported.wait()

    def wait_module(self, name: str) -> None:
        """Until ``name``, one of the ``preload`` modules, is imported (every one when it is not one):
        a tab whose module comes early in ``preload`` is made before SQLAlchemy is loaded."""
        self.start()
        event = self._ready.get(name, self.imported)
        if not event.is_set():
            self._aside_until = 0.0
            event.wait()

    def step_aside(self, seconds: float = STEP_ASIDE_SECONDS) -> None:
        """The window is busy with the clerk (a tab chosen, an office): the opening thread imports
        nothing for ``seconds``, so that the window's Python code does not wait for the interpreter
        behind it (a tab drawn beside the import of SQLAlchemy took five times as long).

        It stops at its next import (a module's code may be half run, and the modules being
        imported stay locked, but not Python's import lock: other modules import meanwhile), and
        never for more than MAX_ASIDE_SECONDS in all: a module the window needs that it was
        importing is only delayed, never waited for forever.
        """
        if self._thread is not None and not self.imported.is_set():  # (not before the window is shown)
            self._aside_until = max(self._aside_until, time.monotonic() + seconds)

    def _wait_aside(self) -> None:
        """On the opening thread, at an import: wait while the window asked it to step aside."""
        if min(self._aside_until - time.monotonic(), MAX_ASIDE_SECONDS - self._aside_total) <= 0:
            return
        # importlib asks finders while holding its global import lock: given back while waiting,
        # so that the window's thread can import other modules meanwhile.
        held = _imp.lock_held()
        if held:
            _imp.release_lock()
        try:
            while (left := min(self._aside_until - time.monotonic(), MAX_ASIDE_SECONDS - self._aside_total)) > 0:
                pause = min(left, 0.02)
                time.sleep(pause)
                self._aside_total += pause
        finally:
            if held:
                _imp.acquire_lock()

    def finish(self) -> None:
        """At close: wait for a started thread, then end the sqlite3 reads (on their thread)."""
        if self._thread is not None:
            self.done.wait()
        if self._connection is not None and threading.get_ident() == self._reading_thread:
            self._close_connection()

    def _run(self) -> None:
        aside = _StepAside(self)
        sys.meta_path = [aside, *sys.meta_path]  # new lists: an import running on another thread keeps its own
        try:
            for name in self.preload:
                importlib.import_module(name)
                self._ready[name].set()
        except BaseException:  # the module is imported again where it is used, and fails there
            log.exception("importing at start failed")
        finally:
            sys.meta_path = [finder for finder in sys.meta_path if finder is not aside]
            for event in self._ready.values():
                event.set()
            self.imported.set()
            _call(self.on_imported)
        try:
            self.db = self._open()
        except BaseException as exc:
            log.warning("opening the database after start failed: %s", exc)
            self.error = exc
        finally:
            self.done.set()
            _call(self.on_done)

    def _open(self) -> Database:
        from . import audit, backups
        from .errors import UserError

        db = open_database(self.url, self.folder)
        ctx = self.ctx
        audit.load_person(self.folder)
        if ctx is not None:
            db.backup_hook = lambda reason: backups.create_backup(ctx, reason)
        db.error_hook = lambda exc: database_error(exc, self.url, self.folder)
        path = sqlite_file(self.url)
        if self.backup_on_start and path is not None and backups.backup_due(self.folder / "backups"):
            try:
                backups.make_backup(path, self.folder, "start")
            except UserError as exc:  # the program still works (to restore, for one); the clerk is told
                log.warning("backup at start failed: %s", exc)
                self.warnings.append(str(exc))
                if ctx is not None:
                    ctx.warnings.append(str(exc))
        db.changed = False
        return db


class _StepAside:
    """An import hook that only waits: on the opening thread, each import first waits while the
    window asked the thread to step aside (:meth:`Opening.step_aside`), then is found as usual."""

    def __init__(self, opening: Opening):
        self.opening, self.thread = opening, threading.get_ident()

    def find_spec(self, name, path=None, target=None):
        if threading.get_ident() == self.thread:
            self.opening._wait_aside()
        return None  # the other finders find it


def _call(callback) -> None:
    if callback is not None:
        try:
            callback()
        except Exception:
            log.exception("start callback failed")


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
             backup_on_start: bool = True, defer: bool = False, preload: tuple[str, ...] = ()) -> AppContext:
    """Resolve the data folder and database, back up and upgrade it, load bundled catalogs.

    Before an upgrade a verified backup is made (no backup, no upgrade). The GUI
    (``backup_on_start``) also backs up at start when the last backup is older than a day and
    at close when something changed; ``ita-cli`` backs up before commands that write.
    Every failure is a Thai UserError and leaves the data as it was.

    ``defer`` (the GUI's quick start): when the database is a local SQLite file that needs
    nothing done (head revision, every bundled catalog stored), it is checked with stdlib
    sqlite3 only and the rest (SQLAlchemy, the backup at start) is left to ``ctx.opening``,
    which the caller starts once the window is shown; ``preload`` names modules it imports
    first. Any other database is opened here as without ``defer``.
    """
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
    fresh = local and not existed and _copy_template(sqlite_file(url))
    if fresh:
        existed = True  # a copy of the bundle's empty database: opened like any other, no backup due
        backup_on_start_now = False
    else:
        backup_on_start_now = backup_on_start
    if defer and existed:
        connection = _ready_connection(sqlite_file(url))
        if connection is not None:
            try:
                (folder / "attachments").mkdir(exist_ok=True)
            except OSError as exc:
                connection.close()
                from .backups import os_error

                raise os_error(exc, folder) from exc
            opening = Opening(url, folder, connection, backup_on_start_now, preload)
            ctx = AppContext(None, folder, backup_on_close=backup_on_start, opening=opening)
            opening.ctx = ctx
            return ctx
    from ita_desktop.models.db import sqlite_path
    from ita_desktop.services import backups, criteria

    db = open_database(url, folder)
    ctx = AppContext(db=db, data_dir=folder, backup_on_close=backup_on_start)
    from . import audit

    audit.load_person(folder)
    db.backup_hook = lambda reason: backups.create_backup(ctx, reason)
    db.error_hook = lambda exc: database_error(exc, url, folder)
    try:
        ctx.attachments_dir.mkdir(exist_ok=True)
        if backup_on_start_now and existed and sqlite_path(db.engine) is not None and backups.backup_due(ctx.backups_dir):
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


def open_database(url: str, folder: Path) -> Database:
    """The database at ``url`` opened with SQLAlchemy and upgraded to head (a backup first).

    Every failure is a Thai UserError: a URL this program cannot use, a schema of a newer
    program version, a file that is not ours, a locked, damaged or unreachable database.
    """
    from sqlalchemy.exc import ArgumentError, DatabaseError, NoSuchModuleError, OperationalError

    from ita_desktop.models.db import NotOurDatabaseError, SchemaTooNewError, init_db
    from ita_desktop.services import backups

    from .errors import UserError

    def before_upgrade(path: Path) -> None:
        backups.make_backup(path, folder, "before-upgrade")

    try:
        return init_db(url, before_upgrade=before_upgrade)
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


def _ready_connection(path: Path) -> sqlite3.Connection | None:
    """A read-only sqlite3 connection when the file needs nothing done before use, else None.

    Nothing to do: the schema at the head revision and every bundled catalog stored. Anything
    else (an upgrade, a newer program's schema, a damaged file, catalogs to store) is left to
    :func:`open_database`, which backs up, upgrades or refuses with a Thai message.
    """
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
    return connection


def _copy_template(target: Path) -> bool:
    """A first start of the bundle: the empty database it carries, copied in (temp name, then renamed).

    False (the schema is then made as from source) when there is no template or it cannot be copied.
    """
    template = paths.database_template()
    if template is None:
        return False
    temp = target.with_name(target.name + ".new")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(template, temp)
        with open(temp, "rb+") as f:
            os.fsync(f.fileno())
        os.replace(temp, target)
        return True
    except OSError:
        log.exception("copying the empty database %s failed; making the schema instead", template)
        temp.unlink(missing_ok=True)
        return False


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
    connection = _ready_connection(path)
    if connection is None:
        return None
    return ReadOnlyContext(connection, folder)
