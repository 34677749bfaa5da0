"""A long operation run in the background with its percentage and an ยกเลิก button."""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QEventLoop, Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from ita_desktop.ui import tasks


class ProgressRun:
    """Runs ``body(progress)`` on the thread pool while a modal dialog shows the percent done.

    ``run()`` returns the body's result; after ยกเลิก the body's next ``progress`` call raises,
    its transaction rolls back, ``run()`` returns None and ``cancelled`` is True (a body that had
    already finished keeps its result: ``cancelled`` stays False). An error is raised again.
    ``shown`` lists every percentage the dialog showed, in order (100 last when the body finished)."""

    def __init__(self, parent: QWidget | None, title: str, body: Callable[[Callable], Any]):
        self.body = body
        self.dialog = QProgressDialog(title, "ยกเลิก", 0, 100, parent)
        self.dialog.setObjectName("progressDialog")
        self.dialog.setWindowTitle(title)
        self.dialog.setWindowModality(Qt.WindowModal)
        self.dialog.setMinimumDuration(300)  # quick operations finish before it appears
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self._outcome: tuple[str, Any] | None = None
        self.shown: list[int] = []
        self._loop = QEventLoop()

    def run(self) -> Any:
        task = tasks.start(self.body, lambda result: self._end("done", result),
                           lambda exc: self._end("error", exc), self._progress)
        self.dialog.canceled.connect(lambda: self._cancel(task))
        if self._outcome is None:
            self._loop.exec()
        self.dialog.close()
        self.dialog.deleteLater()
        kind, value = self._outcome
        if kind == "error" and not isinstance(value, tasks.Cancelled):
            raise value
        return value if kind == "done" else None

    def _progress(self, percent: int, text: str) -> None:
        self._show(max(0, min(100, percent)))
        if text:
            self.dialog.setLabelText(text)

    @property
    def cancelled(self) -> bool:
        return self._outcome is not None and isinstance(self._outcome[1], tasks.Cancelled)

    def _cancel(self, task: tasks.Task) -> None:
        self.dialog.setLabelText("กำลังยกเลิก...")
        task.cancel()

    def _end(self, kind: str, value: Any) -> None:
        self._outcome = (kind, value)
        if kind == "done":
            self._show(100)
        self._loop.quit()

    def _show(self, percent: int) -> None:
        if self._outcome is not None and self._outcome[0] != "done":
            return  # a report queued before the end arrives late: the dialog is closing
        if not self.shown or self.shown[-1] != percent:
            self.shown.append(percent)
        self.dialog.setValue(percent)
