"""One way to change data from the GUI (Anki's CollectionOp / QueryOp).

Every change a clerk makes runs through :meth:`Operations.change` (or, when it can take long,
:meth:`Operations.change_in_background`): a backup first where the change is risky, the service
call (one transaction, audited by the service), a Thai message for a refused change
(``UserError``) or for anything unexpected (then logged), an undo step in the one history of the
application, and a :class:`~ita_desktop.services.changes.Changes` announcement that screens
listen to. Reads that may fail go through :meth:`Operations.query`. No other ``except`` around a
service call is needed in ui/.
"""

from __future__ import annotations

import logging
from typing import Any, Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from ita_desktop.services.changes import Changes, change_counter
from ita_desktop.services.errors import ConflictError, UserError
from ita_desktop.services.undo import Step, UndoHistory
from ita_desktop.ui import tasks

log = logging.getLogger(__name__)

INTERNAL_ERROR_TEXT = ("เกิดข้อผิดพลาดภายในโปรแกรม ข้อมูลที่บันทึกไว้แล้วไม่สูญหาย "
                       "รายละเอียดถูกบันทึกในไฟล์บันทึกของโปรแกรม")
RELOAD_QUESTION = "\n\nโหลดข้อมูลล่าสุดมาแสดงใหม่หรือไม่?"
WATCH_INTERVAL_MS = 2000


class Operations(QObject):
    """The window's change runner, undo history and change announcer."""

    changed = Signal(object)  # Changes
    history_changed = Signal()
    progress_started = Signal(object)  # the ProgressRun of a long piece of work, as it starts

    def __init__(self, ctx, parent_widget: QWidget | None = None):
        super().__init__(parent_widget)
        self.ctx = ctx
        self.widget = parent_widget
        self.history = UndoHistory()
        self.busy = False
        self.last_cancelled = False  # the last long_work was stopped with ยกเลิก
        self._running: set = set()  # tasks in flight, kept alive until they report
        self._seen_counter = self._counter()
        self._timer = QTimer(self)
        self._timer.setInterval(WATCH_INTERVAL_MS)
        self._timer.timeout.connect(self.check_outside_changes)

    # -- errors ------------------------------------------------------------------------------
    def report(self, exc: BaseException, title: str, parent: QWidget | None = None,
               reload: Changes | None = None) -> None:
        """The one place an error reaches the clerk: Thai text, technical details in the log."""
        parent = parent or self.widget
        if isinstance(exc, ConflictError) and reload is not None:
            answer = QMessageBox.question(parent, title, str(exc) + RELOAD_QUESTION,
                                          QMessageBox.Yes | QMessageBox.No, QMessageBox.Yes)
            if answer == QMessageBox.Yes:
                self.announce(Changes(reload.kinds, reload.office_id, reload.year, external=True))
            return
        if isinstance(exc, UserError):
            text = str(exc)
        elif isinstance(exc, OSError):
            log.error("file error", exc_info=(type(exc), exc, exc.__traceback__))
            text = f"อ่านหรือเขียนไฟล์ไม่ได้: {exc.strerror or exc}" + (f" ({exc.filename})" if exc.filename else "")
        else:
            log.error("unexpected error in %s", title, exc_info=(type(exc), exc, exc.__traceback__))
            text = INTERNAL_ERROR_TEXT
        QMessageBox.warning(parent, title, text)

    # -- changes -----------------------------------------------------------------------------
    def change(self, do: Callable[[Any], Any], *, changes: Changes, label: str,
               step: Callable[[Any], Step | None] | None = None, backup: str | None = None,
               parent: QWidget | None = None) -> tuple[bool, Any]:
        """Run ``do(ctx)`` now; returns (done, its result).

        ``step(result)`` makes the undo step (None: the change cannot be undone). ``backup``
        names the reason of a backup taken first (risky changes); no backup, no change.
        """
        try:
            if backup:
                self.ctx.db.ensure_backup(backup)
            result = do(self.ctx)
        except Exception as exc:
            self.report(exc, f"{label}ไม่ได้", parent, reload=changes)
            return False, None
        if step is not None:
            made = step(result)
            if made is not None:
                self.history.push(made)
                self.history_changed.emit()
        self.announce(changes)
        return True, result

    def change_in_background(self, do: Callable[[Any, Callable[[int, str], None]], Any], *, changes: Changes,
                             label: str, backup: str | None = None, parent: QWidget | None = None,
                             on_done: Callable[[Any], None] | None = None) -> tasks.Task:
        """Run ``do(ctx, progress)`` on a worker thread with a progress dialog and ยกเลิก."""
        parent = parent or self.widget
        dialog = QProgressDialog(label, "ยกเลิก", 0, 100, parent)
        dialog.setWindowTitle(label)
        dialog.setWindowModality(Qt.WindowModal)
        dialog.setMinimumDuration(300)
        self.busy = True

        def body(progress):
            if backup:
                progress(0, "สำรองข้อมูลก่อน")
                self.ctx.db.ensure_backup(backup)
            return do(self.ctx, progress)

        def finished(result) -> None:
            self._running.discard(task)
            self.busy = False
            dialog.reset()
            self.announce(changes)
            if on_done:
                on_done(result)

        def failed(exc) -> None:
            self._running.discard(task)
            self.busy = False
            dialog.reset()
            if not isinstance(exc, tasks.Cancelled):
                self.report(exc, f"{label}ไม่ได้", parent)
            self.announce(changes)  # a cancelled change rolled back; redraw all the same

        def progressed(percent: int, text: str) -> None:
            dialog.setValue(percent)
            if text:
                dialog.setLabelText(text)

        task = tasks.start(body, finished, failed, progressed)
        self._running.add(task)
        dialog.canceled.connect(task.cancel)
        return task

    def change_with_progress(self, do: Callable[[Any, Callable[[int, str], None]], Any], *, changes: Changes,
                             label: str, backup: str | None = None,
                             parent: QWidget | None = None) -> tuple[bool, Any]:
        """Run ``do(ctx, progress)`` on a worker while a modal dialog shows the percent and ยกเลิก.

        Returns (done, result) like :meth:`change`; after ยกเลิก it is (True, None) and the
        service's transaction has rolled back. No undo step: such changes are imports and loads.
        """
        from ita_desktop.ui.widgets.progress_dialog import ProgressRun

        parent = parent or self.widget
        self.busy = True
        try:
            if backup:
                self.ctx.db.ensure_backup(backup)
            run = ProgressRun(parent, label, lambda progress: do(self.ctx, progress))
            self.progress_started.emit(run)
            result = run.run()
        except Exception as exc:
            self.report(exc, f"{label}ไม่ได้", parent)
            return False, None
        finally:
            self.busy = False
        self.announce(changes)
        return True, (None if run.cancelled else result)

    def long_work(self, do: Callable[[Callable[[int, str], None]], Any], *, label: str, title: str | None = None,
                  parent: QWidget | None = None) -> tuple[bool, Any]:
        """Run ``do(progress)`` off the GUI thread while a modal dialog shows the percent and ยกเลิก.

        For work that writes files, not data (saving a document, a backup, reading a workbook):
        nothing is announced. ``progress(percent, text)`` raises once ยกเลิก was pressed; the work
        removes what it half wrote. Returns (True, result); (False, None) after ยกเลิก (then
        ``last_cancelled`` is True) or after an error, told to the clerk in Thai under ``title``.
        """
        from ita_desktop.ui.widgets.progress_dialog import ProgressRun

        parent = parent or self.widget
        self.last_cancelled = False
        run = ProgressRun(parent, label, do)
        self.progress_started.emit(run)
        try:
            result = run.run()
        except Exception as exc:
            self.report(exc, title or f"{label}ไม่ได้", parent)
            return False, None
        if run.cancelled:
            self.last_cancelled = True
            return False, None
        return True, result

    def save_with_progress(self, write: Callable[[Any], Any], path, *, title: str, label: str = "บันทึกไฟล์",
                           parent: QWidget | None = None):
        """Run ``write(temporary path)`` as :meth:`long_work`, renamed to ``path`` when complete.

        The document engines report to the progress set for the worker thread, so ``write`` need
        not pass it on. Returns ``path``; None after an error (told in Thai) or ยกเลิก (no new
        file, and an earlier file of that name as it was)."""
        from pathlib import Path

        from ita_desktop.core import progress as progress_of

        path = Path(path)

        def work(report):
            progress_of.write_atomically(write, path, progress_of.in_percent(report, f"กำลังบันทึก {path.name}"))
            return path

        done, saved = self.long_work(work, label=label, title=title, parent=parent)
        return saved if done else None

    def query(self, fn: Callable[[Any], Any], *, title: str, default: Any = None,
              parent: QWidget | None = None) -> Any:
        """A read that may be refused (``UserError``): the clerk is told, ``default`` is returned."""
        try:
            return fn(self.ctx)
        except Exception as exc:
            self.report(exc, title, parent)
            return default

    def read(self, fn: Callable[[Any], Any]) -> tuple[Any, str | None]:
        """(result, None), or (None, a Thai message) for a screen to show in place of its data."""
        try:
            return fn(self.ctx), None
        except UserError as exc:
            return None, str(exc)
        except Exception as exc:
            log.error("read failed", exc_info=(type(exc), exc, exc.__traceback__))
            return None, INTERNAL_ERROR_TEXT

    def announce(self, changes: Changes) -> None:
        if not changes.external:
            self._note_own_write()
        self.changed.emit(changes)

    # -- undo --------------------------------------------------------------------------------
    def undo(self) -> None:
        self._walk(self.history.undo, "เลิกทำ", self.history.status().undo_label)

    def redo(self) -> None:
        self._walk(self.history.redo, "ทำซ้ำ", self.history.status().redo_label)

    def _walk(self, move, verb: str, label: str | None) -> None:
        if label is None:
            return
        try:
            step = move(self.ctx)
        except Exception as exc:
            self.report(exc, f"{verb}ไม่ได้: {label}")
            return
        self.history_changed.emit()
        self.announce(step.changes)

    # -- changes made outside this window ----------------------------------------------------
    def watch(self, enabled: bool = True) -> None:
        """Poll the database's change counter (other windows, ita-cli, other PCs)."""
        self._seen_counter = self._counter()
        self._timer.start() if enabled else self._timer.stop()

    def check_outside_changes(self) -> bool:
        """Announce a change made elsewhere since the last look; True when there was one."""
        if self.busy:
            return False
        now = self._counter()
        if now is None or now == self._seen_counter:
            return False
        self._seen_counter = now
        self.announce(Changes.everything(external=True))
        return True

    def _note_own_write(self) -> None:
        now = self._counter()
        if now is not None and self._seen_counter is not None and now == self._seen_counter + 1:
            self._seen_counter = now  # exactly our own write: nothing else to redraw for

    def _counter(self) -> int | None:
        try:
            return change_counter(self.ctx)
        except Exception:  # a database being restored or a server away: try again later
            log.debug("change counter not readable", exc_info=True)
            return None
