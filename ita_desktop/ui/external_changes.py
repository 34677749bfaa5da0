"""The window follows changes made beside it (ita-cli, another PC on the same SQLite file).

Every commit writes to the database file or its write-ahead log, so their size and modification
time change; a timer looks every few seconds and, when no dialog is open and the change was not
the window's own, reloads the window. No connection is held open (it would keep the -wal file).
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)
INTERVAL_MS = 3000


class ExternalChangeWatcher(QObject):
    def __init__(self, db_file, on_change, parent: QObject | None = None, interval_ms: int = INTERVAL_MS,
                 own_writes=lambda: 0):
        super().__init__(parent)
        self.on_change = on_change
        self.own_writes = own_writes  # the window's own commits: not a reason to reload
        self._own = own_writes()
        self.pending = False
        self.files = (Path(db_file), Path(str(db_file) + "-wal"))
        self._version = self._read()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        self.timer.start(interval_ms)

    def _read(self) -> tuple:
        stamp = []
        for f in self.files:
            try:
                st = f.stat()
                stamp.append((st.st_mtime_ns, st.st_size))
            except OSError:
                stamp.append(None)
        return tuple(stamp)

    def check(self) -> bool:
        """Reload when another connection committed; True when the window was reloaded."""
        version = self._read()
        own = self.own_writes()
        if version != self._version:
            self._version = version
            self.pending = self.pending or own == self._own
        self._own = own
        if self.pending and QApplication.activeModalWidget() is None:
            self.pending = False
            try:
                self.on_change()
            except Exception:  # a reload that fails must not take the window down
                log.exception("reload after an outside change failed")
                return False
            self._version = self._read()  # our own reload's reads do not count
            return True
        return False

    def stop(self) -> None:
        self.timer.stop()


def watch(ctx, window) -> ExternalChangeWatcher | None:
    """Follow outside changes of a local SQLite database; None on a server database."""
    from ita_desktop.services.backups import sqlite_db

    db_file = sqlite_db(ctx)
    if db_file is None:
        return None

    def reload() -> None:
        window.reload_offices()
        window.statusBar().showMessage("โหลดข้อมูลใหม่แล้ว: มีการแก้ไขจากโปรแกรมอื่น (เช่น ita-cli)", 8000)

    return ExternalChangeWatcher(db_file, reload, parent=window, own_writes=lambda: ctx.db.write_count)
