"""Background work: a Qt-free function run on the thread pool, reporting through signals."""

from __future__ import annotations

import logging
import threading
import weakref
from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

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
        fn, self.fn = self.fn, None  # what the work holds on to is freed with the work, not with the task
        try:
            result = fn(self._progress)
        except Exception as exc:  # delivered to the GUI thread, which shows a Thai message
            if not isinstance(exc, Cancelled):
                log.exception("background task failed")
            self._deliver(self.signals.error, exc)
        else:
            self._deliver(self.signals.done, result)

    @staticmethod
    def _deliver(signal, value) -> None:
        try:
            signal.emit(value)
        except RuntimeError:  # the program is ending: nobody is left to hear it
            log.info("a background task ended after the program had closed")


# Tasks started and not yet released. A task (and the QObject that carries its signals) must not
# be freed on its worker thread, nor while its last signals wait in the GUI thread's queue: that
# crashed the program now and then (a segmentation fault in a Qt worker thread). This set holds
# every task until some time after its result reached the GUI thread, where it is then let go.
# (With setAutoDelete(False) PySide would keep every task, and what its signals reach, forever.)
_running: set[Task] = set()
RELEASE_AFTER_MS = 2000


def _release_later(ref: weakref.ref) -> None:
    def release() -> None:
        task = ref()
        if task is not None:
            _running.discard(task)
    QTimer.singleShot(RELEASE_AFTER_MS, release)


def start(fn: Callable, on_done: Callable | None = None, on_error: Callable | None = None,
          on_progress: Callable | None = None) -> Task:
    task = Task(fn)  # Qt deletes its C++ part after running it; the Python object is let go below
    if on_done:
        task.signals.done.connect(on_done)
    if on_error:
        task.signals.error.connect(on_error)
    if on_progress:
        task.signals.progress.connect(on_progress)
    ref = weakref.ref(task)  # no cycle through the task: it is freed when let go, on the GUI thread
    task.signals.done.connect(lambda _result: _release_later(ref))
    task.signals.error.connect(lambda _exc: _release_later(ref))
    _running.add(task)
    QThreadPool.globalInstance().start(task)
    return task
