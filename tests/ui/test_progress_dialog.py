"""Long operations show their percentage and can be cancelled without changing anything."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QPushButton

from ita_desktop.services import offices
from ita_desktop.services.demo import load_sample_data
from ita_desktop.ui.widgets.progress_dialog import ProgressRun


def test_percentages_are_shown_and_the_result_returned(qtbot):
    seen = []

    def body(progress):
        for percent in (0, 30, 60, 90):
            progress(percent, f"ขั้นที่ {percent}")
        return "เสร็จ"

    run = ProgressRun(None, "ทดสอบ", body)
    shown = run._progress
    run._progress = lambda percent, text: (shown(percent, text), seen.append((run.dialog.value(),
                                                                            run.dialog.labelText())))
    assert run.run() == "เสร็จ" and not run.cancelled
    assert seen == [(0, "ขั้นที่ 0"), (30, "ขั้นที่ 30"), (60, "ขั้นที่ 60"), (90, "ขั้นที่ 90")]


def test_an_error_in_the_body_reaches_the_caller(qtbot):
    from ita_desktop.services.errors import UserError

    def body(progress):
        raise UserError("ไฟล์เสีย")

    with pytest.raises(UserError, match="ไฟล์เสีย"):
        ProgressRun(None, "ทดสอบ", body).run()


def test_cancelling_the_sample_data_load_changes_nothing(qtbot, ctx):
    reached = threading.Event()
    go_on = threading.Event()

    def body(progress):
        def slow_progress(percent, text=""):
            progress(percent, text)
            if percent == 20:
                reached.set()
                go_on.wait(10)
        return load_sample_data(ctx, slow_progress)

    run = ProgressRun(None, "โหลดข้อมูลตัวอย่าง", body)

    def press_cancel():
        if not reached.is_set():
            QTimer.singleShot(20, press_cancel)
            return
        run.dialog.findChild(QPushButton).click()  # ยกเลิก
        go_on.set()

    QTimer.singleShot(20, press_cancel)
    assert run.run() is None and run.cancelled
    assert offices.list_offices(ctx) == []  # rolled back


def test_main_window_sample_data_through_the_progress_dialog(qtbot, ctx):
    from ita_desktop.ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.load_demo()
    assert window.office_combo.count() == len(offices.list_offices(ctx)) >= 5
    assert "โหลดข้อมูลตัวอย่างแล้ว" in window.statusBar().currentMessage()
