"""The import dialog: preview, problems, replacement confirmation, background reading, main window."""

import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from ita_desktop.services import imports, offices, scores
from ita_desktop.ui.dialogs import import_dialog
from ita_desktop.ui.dialogs.import_dialog import ImportDialog
from ita_desktop.ui.main_window import MainWindow
from ita_desktop.ui.tasks import Cancelled
from ita_desktop.ui.widgets import file_dialogs

CORPUS = Path(__file__).resolve().parents[1] / "importers" / "corpus"
TAKOTONG = "องค์การบริหารส่วนตำบลตะโกทอง"


@pytest.fixture
def infos(monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text, *a: shown.append(text))
    return shown


@pytest.fixture
def dialog(qtbot, ctx):
    d = ImportDialog(ctx)
    qtbot.addWidget(d)
    d.show()
    return d


def _load(qtbot, d: ImportDialog, name: str) -> None:
    with qtbot.waitSignal(d.preview_ready, timeout=20000):
        d.load_file(str(CORPUS / name))
    assert not d.is_busy()


def _import(qtbot, d: ImportDialog) -> None:
    assert d.import_button.isEnabled()
    with qtbot.waitSignal(d.accepted, timeout=20000):
        d.import_button.click()


def _table(model) -> list[list[str]]:
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


def _stored(ctx, name: str = TAKOTONG, year: int = 2566):
    return scores.load_scores(ctx, offices.find_office(ctx, name).id, year)


def test_nothing_to_import_before_a_file_is_chosen(dialog):
    assert not dialog.import_button.isEnabled()
    assert dialog.office_model.rowCount() == 0
    assert dialog.problems_box.isHidden() and dialog.replace_box.isHidden()


def test_choose_file_uses_an_excel_filter(qtbot, dialog, monkeypatch):
    asked = []

    def fake_open(parent, title, folder, filter_):
        asked.append(filter_)
        return str(CORPUS / "template_filled.xlsx")

    monkeypatch.setattr(file_dialogs, "get_open_file", fake_open)
    with qtbot.waitSignal(dialog.preview_ready, timeout=20000):
        dialog.choose_button.click()
    assert asked == ["Excel (*.xlsx *.xls)"]
    assert dialog.path_edit.text().endswith("template_filled.xlsx")


def test_template_file_is_previewed_then_imported(qtbot, ctx, dialog, infos):
    _load(qtbot, dialog, "template_filled.xlsx")
    assert "2566" in dialog.summary_label.text()
    rows = _table(dialog.office_model)
    assert rows == [[TAKOTONG, "ซับใหญ่", "ชัยภูมิ", "หน่วยงานใหม่", "10", "7", "", "0"]]
    assert dialog.replace_box.isHidden() and dialog.problems_box.isHidden()
    assert offices.list_offices(ctx) == []  # nothing written by reading
    _import(qtbot, dialog)
    stored = _stored(ctx)
    assert len(stored.indicators) == 10 and len(stored.items) == 7
    assert infos and "นำเข้าคะแนนเรียบร้อยแล้ว" in infos[0] and "template_filled.xlsx" in infos[0]
    assert dialog.result_plan.year == 2566


def test_file_with_problems_lists_them_and_writes_nothing(qtbot, ctx, dialog):
    _load(qtbot, dialog, "bad_score_105.xlsx")
    problems = dialog.problems()
    assert problems and any("105" in p and "แถว" in p for p in problems)
    assert dialog.problems_box.isVisibleTo(dialog)
    assert not dialog.import_button.isEnabled()
    assert "Traceback" not in "\n".join(problems)
    dialog.start_import()  # even when forced, there is nothing to store
    assert not dialog.is_busy()
    assert offices.list_offices(ctx) == []


def test_every_problem_is_a_line_of_its_own(qtbot, dialog):
    _load(qtbot, dialog, "bad_many_problems.xlsx")
    problems = dialog.problems()
    assert len(problems) >= 5
    assert all(p.startswith("ไฟล์ bad_many_problems.xlsx") for p in problems)


@pytest.mark.parametrize("name, words", [
    ("encrypted.xlsx", "รหัสผ่าน"), ("old_format.xls", ".xls"), ("zip_bomb.xlsx", "ไม่เปิด"),
    ("not_xlsx.xlsx", "ไฟล์"), ("truncated.xlsx", "ไฟล์"),
])
def test_unreadable_files_give_thai_problems(qtbot, ctx, dialog, name, words):
    _load(qtbot, dialog, name)
    problems = dialog.problems()
    assert problems and words in "\n".join(problems)
    assert not dialog.import_button.isEnabled()
    assert offices.list_offices(ctx) == []


def test_unexpected_error_shows_a_thai_line_not_a_traceback(qtbot, dialog, monkeypatch):
    def broken(*args, **kwargs):
        raise KeyError("internal detail")

    monkeypatch.setattr(import_dialog.imports, "read_file", broken)
    _load(qtbot, dialog, "template_filled.xlsx")
    assert dialog.problems() == [import_dialog.INTERNAL_ERROR_TH]
    assert not dialog.import_button.isEnabled()


def test_replacement_needs_the_checkbox(qtbot, ctx, dialog, infos):
    imports.import_file(ctx, CORPUS / "template_filled.xlsx")
    office = offices.find_office(ctx, TAKOTONG)
    new_value = imports.preview(ctx, imports.read_file(ctx, CORPUS / "template_filled.xlsx")).offices[0].indicators[0]
    scores.set_indicator_score(ctx, office.id, 2566, 1, 12.5)
    _load(qtbot, dialog, "template_filled.xlsx")
    assert dialog.replace_box.isVisibleTo(dialog)
    assert _table(dialog.replacement_model) == [[TAKOTONG, "ตัวชี้วัดที่ 1", "12.50", f"{new_value.new:.2f}"]]
    assert "เคยนำเข้าแล้ว" in dialog.note_label.text()
    assert not dialog.import_button.isEnabled()
    dialog.replace_check.setChecked(True)
    assert dialog.import_button.isEnabled()
    _import(qtbot, dialog)
    assert _stored(ctx).indicators[1] == pytest.approx(new_value.new)
    assert "แทนคะแนนเดิม 1 รายการ" in infos[0]


def test_unticking_the_checkbox_disables_import_again(qtbot, ctx, dialog):
    imports.import_file(ctx, CORPUS / "template_filled.xlsx")
    scores.set_indicator_score(ctx, offices.find_office(ctx, TAKOTONG).id, 2566, 2, 1.0)
    _load(qtbot, dialog, "template_filled.xlsx")
    dialog.replace_check.setChecked(True)
    dialog.replace_check.setChecked(False)
    assert not dialog.import_button.isEnabled()
    assert _stored(ctx).indicators[2] == 1.0


def test_provincial_sheet_lists_twelve_offices(qtbot, ctx, dialog, infos):
    _load(qtbot, dialog, "provincial_12.xlsx")
    rows = _table(dialog.office_model)
    assert len(rows) == 12
    assert all(r[3] == "หน่วยงานใหม่" and r[4] == "10" for r in rows)
    _import(qtbot, dialog)
    assert len(offices.list_offices(ctx)) == 12


def test_warnings_are_listed(qtbot, dialog):
    _load(qtbot, dialog, "analysis_seed001.xlsx")
    assert dialog.warning_list.count() == 3
    assert "อ่านเป็น i7" in dialog.warning_list.item(0).text()
    assert dialog.import_button.isEnabled()


def test_year_and_office_fill_what_the_file_lacks(qtbot, ctx):
    d = ImportDialog(ctx, default_org="อบต.ตะโกทอง", default_year=2566)
    qtbot.addWidget(d)
    _load(qtbot, d, "bad_no_office_no_year.xlsx")
    assert d.problems() and "ปีงบประมาณ" in d.problems()[0]
    with qtbot.waitSignal(d.preview_ready, timeout=20000) as blocker:
        d.use_defaults()
    assert blocker.args[0] is not None and blocker.args[0].year == 2566
    assert _table(d.office_model)[0][0] == TAKOTONG


def test_cancelling_a_read_ignores_its_result(qtbot, dialog, monkeypatch):
    release = threading.Event()
    real = imports.read_file

    def slow(*args, **kwargs):
        release.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(import_dialog.imports, "read_file", slow)
    dialog.load_file(str(CORPUS / "template_filled.xlsx"))
    assert dialog.is_busy() and dialog.progress.isVisibleTo(dialog) and dialog.stop_button.isVisibleTo(dialog)
    ended = []
    dialog._task.signals.error.connect(ended.append)
    dialog.stop_button.click()
    assert not dialog.is_busy() and "หยุดอ่าน" in dialog.status_label.text()
    release.set()  # the body's next progress call raises Cancelled
    qtbot.waitUntil(lambda: bool(ended), timeout=20000)
    assert isinstance(ended[0], Cancelled)
    assert dialog.plan is None and not dialog.import_button.isEnabled() and not dialog.problems()


def test_main_window_import_selects_the_imported_office(qtbot, ctx, monkeypatch, infos):
    window = MainWindow(ctx)
    qtbot.addWidget(window)

    def run(self):
        _load(qtbot, self, "template_filled.xlsx")
        _import(qtbot, self)
        return self.result()

    monkeypatch.setattr(ImportDialog, "exec", run)
    window.actions["import"].trigger()
    assert window.office_combo.currentText() == TAKOTONG
    assert window.current_year() == 2566
