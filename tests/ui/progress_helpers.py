"""Watching the percent dialog of a long piece of work, and pressing its ยกเลิก midway.

``Watch(ops)`` keeps every ProgressRun the Operations helper starts. ``pause_at(monkeypatch,
percent)`` makes a background task wait, once it has reported ``percent`` or more, until the
test pressed ยกเลิก: the cancel then falls midway in the work on any machine, however fast.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QPushButton

from ita_desktop.ui import tasks


class Watch:
    """The ProgressRuns started by ``ops``; ``cancel_at`` presses ยกเลิก once paused there."""

    def __init__(self, ops):
        self.runs = []
        ops.progress_started.connect(self.runs.append)

    @property
    def shown(self) -> list[int]:
        return self.runs[-1].shown if self.runs else []


def pause_at(monkeypatch, percent: int) -> tuple[threading.Event, threading.Event]:
    """Background tasks stop after a report of ``percent`` or more until ``go_on`` is set (once)."""
    reached, go_on = threading.Event(), threading.Event()
    real = tasks.Task._progress

    def progress(self, value, text=""):
        real(self, value, text)
        if value >= percent and not reached.is_set():
            reached.set()
            go_on.wait(20)

    monkeypatch.setattr(tasks.Task, "_progress", progress)
    return reached, go_on


def cancel_when_paused(watch: Watch, reached: threading.Event, go_on: threading.Event) -> list[int]:
    """Press ยกเลิก on the running dialog once the task paused; returns the percents seen then."""
    seen: list[int] = []

    def press():
        if not reached.is_set() or not watch.runs:
            QTimer.singleShot(10, press)
            return
        run = watch.runs[-1]

        def click():
            seen.extend(run.shown)  # the reports queued before the pause have arrived by now
            run.dialog.findChild(QPushButton).click()  # ยกเลิก
            go_on.set()

        QTimer.singleShot(50, click)

    QTimer.singleShot(10, press)
    return seen


def rising_to_100(shown: list[int], at_least: int = 4) -> bool:
    """Strictly increasing, several steps, starting low and ending at 100."""
    return (len(shown) >= at_least and shown == sorted(set(shown)) and shown[-1] == 100
            and shown[0] < 50)
