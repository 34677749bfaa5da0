"""One way to change data: screens follow it, no lost update, one undo history, deletions undone,
changes made outside the window (ita-cli, another window) shown without a restart."""

from __future__ import annotations

import subprocess
import sys
import time

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from ita_desktop.services import offices, scores
from ita_desktop.services.changes import SCORES, Changes
from ita_desktop.services.context import open_app
from ita_desktop.ui.models import analysis_models as am

TAKOTHONG = "อบต.ตะโกทอง"


def _type_score(window, number, text):
    """Type into the score cell of indicator ``number`` in คะแนน, as the delegate would."""
    window.tabs.setCurrentIndex(0)
    model = window.tab_pages[0].indicators.model
    assert model.setData(model.index(model.row_of(number), model.SCORE_COLUMN), text)


def _analysis_texts(window):
    tab = window.tab_pages[1]
    model = tab.model
    return [[model.data(model.index(r, c)) or "" for c in range(model.columnCount())] for r in range(model.rowCount())]


def test_a_typed_score_reaches_the_analysis_without_switching_office(qtbot, demo_ctx, answers, open_window):
    office = offices.find_office(demo_ctx, TAKOTHONG).id
    window = open_window(demo_ctx, office)
    window.tabs.setCurrentIndex(1)
    assert any("90.63" in cell for row in _analysis_texts(window) for cell in row)
    _type_score(window, 1, "50")
    qtbot.waitUntil(lambda: scores.load_scores(demo_ctx, office, 2566).indicators[1] == 50.0)
    window.tabs.setCurrentIndex(1)
    rows = _analysis_texts(window)
    assert not any("90.63" in cell for row in rows for cell in row)
    indicator_1 = next(r for r in rows if r[am.COL_CODE] == "ตัวชี้วัดที่ 1")
    assert indicator_1[am.COL_SCORE] == "50.00"
    tab = window.tab_pages[1]
    urgent = next(c for c in am.CATEGORY_STYLES if "เร่งด่วน" in c.value)
    assert 1 in [i.number for i in tab.current.indicators_in(urgent)]


def test_hidden_tabs_redraw_only_when_shown(qtbot, demo_ctx, answers, open_window):
    office = offices.find_office(demo_ctx, TAKOTHONG).id
    window = open_window(demo_ctx, office)
    analysis, plan = window.tab_pages[1], window.tab_pages[3]
    before = analysis.refresh_count, plan.refresh_count
    window.select(year=2567)
    window.select(year=2566)
    assert (analysis.refresh_count, plan.refresh_count) == before  # not on screen: only marked stale
    assert analysis.stale
    window.tabs.setCurrentWidget(analysis)
    assert analysis.refresh_count == before[0] + 1 and not analysis.stale


def test_undo_and_redo_across_tabs_name_what_they_undo(qtbot, demo_ctx, answers, open_window):
    office = offices.find_office(demo_ctx, TAKOTHONG).id
    window = open_window(demo_ctx, office)
    _type_score(window, 1, "50")
    qtbot.waitUntil(lambda: window.actions["undo"].isEnabled())
    assert window.actions["undo"].text() == "เลิกทำ: แก้คะแนนตัวชี้วัดที่ 1"
    window.tabs.setCurrentIndex(1)  # undo from another tab: the history is the window's
    window.actions["undo"].trigger()
    assert scores.load_scores(demo_ctx, office, 2566).indicators[1] == 90.63
    assert any("90.63" in cell for row in _analysis_texts(window) for cell in row)
    assert window.actions["redo"].text() == "ทำซ้ำ: แก้คะแนนตัวชี้วัดที่ 1"
    qtbot.keyClick(window, Qt.Key_Y, Qt.ControlModifier)
    assert scores.load_scores(demo_ctx, office, 2566).indicators[1] == 50.0
    assert not any("90.63" in cell for row in _analysis_texts(window) for cell in row)


def test_second_window_cannot_save_over_a_row_the_first_changed(qtbot, demo_ctx, answers, open_window):
    office = offices.find_office(demo_ctx, TAKOTHONG).id
    other_ctx = open_app(demo_ctx.data_dir)  # another copy of the program on the same data folder
    try:
        first = open_window(demo_ctx, office)
        second = open_window(other_ctx, office)
        _type_score(first, 1, "70")
        qtbot.waitUntil(lambda: scores.load_scores(demo_ctx, office, 2566).indicators[1] == 70.0)
        second.ops.watch(False)  # as if the change happened between two looks at the database
        _type_score(second, 1, "80")  # second still shows 90.63 and its version
        qtbot.waitUntil(lambda: any("ผู้ใช้อื่น" in text for _, text in answers))
        assert scores.load_scores(demo_ctx, office, 2566).indicators[1] == 70.0
        title, text = next(a for a in answers if "ผู้ใช้อื่น" in a[1])
        assert "โหลดข้อมูลล่าสุด" in text  # and the answer Yes reloaded the screen:
        model = second.tab_pages[0].indicators.model
        assert model.data(model.index(model.row_of(1), model.SCORE_COLUMN)) == "70.00"
        # an undo in the first window over a value the second window changed is refused too
        scores.set_indicator_score(other_ctx, office, 2566, 1, 80.0)
        first.ops.undo()
        assert scores.load_scores(demo_ctx, office, 2566).indicators[1] == 80.0
    finally:
        other_ctx.close()


def test_office_saved_in_two_windows_is_not_blanked(qtbot, demo_ctx, answers, open_window):
    office = offices.find_office(demo_ctx, TAKOTHONG)
    saved = offices.save_office(demo_ctx, office.__class__(**{**office.__dict__, "phone": "044-000000"}))
    with pytest.raises(Exception, match="ผู้ใช้อื่น"):
        offices.save_office(demo_ctx, office.__class__(**{**office.__dict__, "website": "x.go.th"}))
    assert offices.get_office(demo_ctx, office.id).phone == "044-000000" and saved.version == office.version + 1


def test_an_import_by_ita_cli_shows_up_in_the_open_window(qtbot, demo_ctx, answers, open_window, tmp_path):
    office = offices.find_office(demo_ctx, TAKOTHONG).id
    window = open_window(demo_ctx, office)
    sheet = tmp_path / "scores.xlsx"
    cli = [sys.executable, "-m", "ita_desktop.cli.main", "--data-dir", str(demo_ctx.data_dir)]
    subprocess.run(cli + ["export", "--year", "2566", "--org", TAKOTHONG, "--out", str(sheet)], check=True)
    book = openpyxl.load_workbook(sheet)
    cell = next(c for row in book.active.iter_rows() for c in row if c.value == 90.63)
    cell.value = 66
    book.save(sheet)
    done = subprocess.run(cli + ["import", str(sheet), "--replace"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    model = window.tab_pages[0].indicators.model
    qtbot.waitUntil(lambda: model.data(model.index(model.row_of(1), model.SCORE_COLUMN)) == "66.00", timeout=5000)


def test_delete_office_backs_up_first_and_undo_brings_everything_back(qtbot, demo_ctx, answers, open_window):
    office = offices.find_office(demo_ctx, TAKOTHONG).id
    before = offices.office_contents(demo_ctx, office)
    backups = set(demo_ctx.backups_dir.glob("*"))
    window = open_window(demo_ctx, office)
    window.actions["office_delete"].trigger()
    title, question = answers[0]
    assert "ตะโกทอง" in question and "2566" in question and "เลิกทำ" in question
    assert [o.id for o in offices.list_offices(demo_ctx)].count(office) == 0
    assert set(demo_ctx.backups_dir.glob("*")) - backups  # a backup was made before
    assert window.office_combo.findData(office) == -1
    assert window.actions["undo"].text() == "เลิกทำ: ลบหน่วยงาน องค์การบริหารส่วนตำบลตะโกทอง"
    window.actions["undo"].trigger()
    assert offices.office_contents(demo_ctx, office) == before
    assert window.office_combo.findData(office) >= 0
    window.actions["redo"].trigger()
    assert [o.id for o in offices.list_offices(demo_ctx)].count(office) == 0


def test_delete_one_year_of_scores_and_undo(qtbot, demo_ctx, answers, open_window):
    office = offices.find_office(demo_ctx, TAKOTHONG).id
    stored = scores.load_scores(demo_ctx, office, 2566)
    window = open_window(demo_ctx, office)
    window.actions["scores_delete"].trigger()
    assert "2566" in answers[0][1]
    assert scores.years_with_scores(demo_ctx, office) == []
    assert window.current_year() == 2566  # the clerk stays on the year, now empty
    model = window.tab_pages[0].indicators.model
    assert model.data(model.index(model.row_of(1), model.SCORE_COLUMN)) == "–"
    window.actions["undo"].trigger()
    assert scores.load_scores(demo_ctx, office, 2566) == stored
    assert model.data(model.index(model.row_of(1), model.SCORE_COLUMN)) == "90.63"


def test_refused_delete_changes_nothing(qtbot, demo_ctx, monkeypatch, open_window):
    office = offices.find_office(demo_ctx, TAKOTHONG).id
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.No)
    window = open_window(demo_ctx, office)
    window.actions["office_delete"].trigger()
    assert offices.get_office(demo_ctx, office).name.endswith("ตะโกทอง")
    assert not window.actions["undo"].isEnabled()


def test_an_unexpected_error_is_logged_and_shown_in_thai(qtbot, demo_ctx, answers, open_window, caplog):
    window = open_window(demo_ctx)

    def broken(ctx):
        raise RuntimeError("disk on fire")

    done, _ = window.ops.change(broken, changes=Changes.of(SCORES), label="บันทึกคะแนน")
    assert not done
    title, text = answers[-1]
    assert title == "บันทึกคะแนนไม่ได้" and "ข้อผิดพลาดภายในโปรแกรม" in text and "disk" not in text
    assert "disk on fire" in caplog.text


def test_settings_dialog_sets_the_office_year_pass_line_and_undo_restores_it(qtbot, demo_ctx, answers, open_window):
    from ita_desktop.services import settings
    from ita_desktop.ui.dialogs.settings_dialog import SettingsDialog

    office = offices.find_office(demo_ctx, TAKOTHONG).id
    window = open_window(demo_ctx, office)
    window.tabs.setCurrentIndex(1)
    dialog = SettingsDialog(demo_ctx, window.ops, office, 2566, parent=window)
    qtbot.addWidget(dialog)
    assert "ตามเกณฑ์ปีงบประมาณ พ.ศ.\u00a02566" in dialog.source.text()
    dialog.line.setValue(95)
    dialog.digits["memo"].setCurrentIndex(dialog.digits["memo"].findData(settings.ARABIC))
    dialog.accept()
    assert settings.pass_line(demo_ctx, office, 2566) == settings.PassLine(95.0, "office_year")
    assert "95" in window.tab_pages[1].pass_line.text()  # the visible tab redrew
    assert window.actions["undo"].text() == "เลิกทำ: แก้การตั้งค่า"
    window.actions["undo"].trigger()
    assert settings.pass_line(demo_ctx, office, 2566).source == "catalog"
    assert settings.digits(demo_ctx, "memo") == settings.THAI


def test_work_in_the_background_reports_progress_and_announces(qtbot, demo_ctx, answers, open_window):
    window = open_window(demo_ctx)
    heard = []
    window.ops.changed.connect(heard.append)

    def slow(ctx, progress):
        for n in range(0, 101, 25):
            progress(n, f"ขั้นที่ {n}")
        return 42

    results = []
    window.ops.change_in_background(slow, changes=Changes.of(SCORES), label="นำเข้า", on_done=results.append)
    qtbot.waitUntil(lambda: results == [42])
    assert any(SCORES in c.kinds for c in heard)


def test_cancelled_background_work_stops_early_and_shows_no_error(qtbot, demo_ctx, answers, open_window):
    window = open_window(demo_ctx)
    started = []

    def long(ctx, progress):
        started.append(True)
        for n in range(1000):
            progress(n // 10, "")  # raises Cancelled once ยกเลิก was pressed
            time.sleep(0.005)
        return "finished"

    results = []
    task = window.ops.change_in_background(long, changes=Changes.of(SCORES), label="นำเข้า", on_done=results.append)
    qtbot.waitUntil(lambda: bool(started))
    task.cancel()
    qtbot.waitUntil(lambda: not window.ops.busy)
    assert results == [] and not [a for a in answers if "ไม่ได้" in a[0]]
