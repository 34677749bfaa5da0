"""Background work: a Qt-free function run on the thread pool, reporting through signals."""

from __future__ import annotations

import logging
import threading
from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)


class Cancelled(Exception):
    """Raised inside a task body by ``progress`` once the task was cancelled."""


class TaskSignals(QObject):
    done = Signal(object)
    error = Signal(object)  # the exception
    progress = Signal(int, str)  # percent, Thai text


class Task(QRunnable):
    """Runs ``fn(progress)``; ``progress(percent, text)`` raises Cancelled after ``cancel()``."""

    def __init__(self, fn: Callable[[Callable[[int, str], None]], Any]):
        super().__init__()
        self.fn = fn
        self.signals = TaskSignals()
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def _progress(self, percent: int, text: str = "") -> None:
        if self._cancel.is_set():
            raise Cancelled()
        self.signals.progress.emit(int(percent), text)

    def run(self) -> None:
        try:
            result = self.fn(self._progress)
        except Exception as exc:  # delivered to the GUI thread, which shows a Thai message
            if not isinstance(exc, Cancelled):
                log.exception("background task failed")
            self.signals.error.emit(exc)
        else:
            self.signals.done.emit(result)


def start(fn: Callable, on_done: Callable | None = None, on_error: Callable | None = None,
          on_progress: Callable | None = None) -> Task:
    task = Task(fn)
    if on_done:
        task.signals.done.connect(on_done)
    if on_error:
        task.signals.error.connect(on_error)
    if on_progress:
        task.signals.progress.connect(on_progress)
    QThreadPool.globalInstance().start(task)
    return task
