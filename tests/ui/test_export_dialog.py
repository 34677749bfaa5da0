"""The export dialog, the template save-as, and the main-window actions that open them."""

import openpyxl
import pytest
from PySide6.QtWidgets import QMessageBox

from ita_desktop.services import imports, offices, scores
from ita_desktop.ui.dialogs import export_dialog
from ita_desktop.ui.dialogs.export_dialog import ExportDialog, save_template
from ita_desktop.ui.dialogs.import_dialog import ImportDialog
from ita_desktop.ui.main_window import MainWindow
from ita_desktop.ui.widgets import file_dialogs


@pytest.fixture
def messages(monkeypatch):
    shown = {"info": [], "warning": []}
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text, *a: shown["info"].append(text))
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: shown["warning"].append(text))
    return shown


@pytest.fixture
def save_as(monkeypatch):
    """Answer every save-as dialog with the next queued path ('' = the clerk cancelled)."""
    answers, asked = [], []

    def fake(parent, title, suggested, filter_):
        asked.append((suggested, filter_))
        return str(answers.pop(0)) if answers else ""

    monkeypatch.setattr(file_dialogs, "get_save_file", fake)
    return answers, asked


@pytest.fixture
def takotong(demo_ctx):
    return offices.find_office(demo_ctx, "อบต.ตะโกทอง")


def _dialog(qtbot, ctx, office_id, year) -> ExportDialog:
    d = ExportDialog(ctx, office_id, year)
    qtbot.addWidget(d)
    return d


def test_office_year_export_reads_back(qtbot, demo_ctx, takotong, tmp_path, save_as, messages):
    answers, asked = save_as
    answers.append(tmp_path / "out")  # no suffix: .xlsx is added
    d = _dialog(qtbot, demo_ctx, takotong.id, 2566)
    assert d.office_radio.isChecked()
    d.export_button.click()
    assert asked[0][1] == "Excel (*.xlsx)" and "2566" in asked[0][0]
    assert d.saved_path == tmp_path / "out.xlsx" and d.result() == d.DialogCode.Accepted
    parsed = imports.read_file(demo_ctx, d.saved_path)
    assert [o.org_name for o in parsed.offices] == [offices.get_office(demo_ctx, takotong.id).name]
    assert len(parsed.offices[0].indicator_scores) == 10
    assert "บันทึกไฟล์คะแนนแล้ว" in messages["info"][0]


def test_year_export_holds_every_scored_office(qtbot, demo_ctx, takotong, tmp_path, save_as, messages):
    save_as[0].append(tmp_path / "all.xlsx")
    d = _dialog(qtbot, demo_ctx, takotong.id, 2566)
    d.year_radio.setChecked(True)
    d.export_button.click()
    parsed = imports.read_file(demo_ctx, tmp_path / "all.xlsx")
    assert len(parsed.offices) == len(scores.offices_with_scores(demo_ctx, 2566))
    assert not messages["warning"]


def test_year_without_scores_gives_a_thai_error(qtbot, ctx, tmp_path, save_as, messages):
    office = offices.save_office(ctx, offices.OfficeProfile(name="อบต.ตะโกทอง", kind="องค์การบริหารส่วนตำบล"))
    scores.set_indicator_score(ctx, office.id, 2566, 1, 90.0)
    save_as[0].append(tmp_path / "none.xlsx")
    d = _dialog(qtbot, ctx, office.id, 2566)
    d.year_combo.setCurrentIndex(d.year_combo.findData(2567))
    assert d.year_radio.isChecked()
    d.export_button.click()
    assert messages["warning"] and "ยังไม่มีหน่วยงานที่มีคะแนนในปีงบประมาณ 2567" in messages["warning"][0]
    assert not (tmp_path / "none.xlsx").exists() and d.saved_path is None


def test_unwritable_target_gives_a_thai_error(qtbot, demo_ctx, takotong, tmp_path, save_as, messages, monkeypatch):
    def locked(*args):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(export_dialog.exports, "export_office_year", locked)
    save_as[0].append(tmp_path / "locked.xlsx")
    _dialog(qtbot, demo_ctx, takotong.id, 2566).export_button.click()
    assert "Excel" in messages["warning"][0] and "Permission" not in messages["warning"][0]


def test_cancelled_save_as_writes_nothing(qtbot, demo_ctx, takotong, save_as, messages):
    d = _dialog(qtbot, demo_ctx, takotong.id, 2566)
    d.export_button.click()
    assert d.saved_path is None and not messages["info"] and not messages["warning"]


def test_without_an_office_only_the_year_export_is_offered(qtbot, ctx):
    d = _dialog(qtbot, ctx, None, None)
    assert not d.office_radio.isEnabled() and d.year_radio.isChecked()


def test_template_for_the_year_lists_its_items(ctx, tmp_path, save_as, messages):
    save_as[0].append(tmp_path / "form.xlsx")
    path = save_template(None, ctx, 2566)
    assert path == tmp_path / "form.xlsx"
    wb = openpyxl.load_workbook(path)
    assert len(wb.sheetnames) == 3
    assert wb.worksheets[1].max_row > 50  # the year's items are listed
    assert "2566" in messages["info"][0]


def test_template_without_a_year_is_the_generic_one(ctx, tmp_path, save_as, messages):
    save_as[0].append(tmp_path / "generic.xlsx")
    path = save_template(None, ctx, None)
    assert openpyxl.load_workbook(path).sheetnames
    assert "แบบทั่วไป" in messages["info"][0]


@pytest.fixture
def window(qtbot, demo_ctx):
    w = MainWindow(demo_ctx)
    qtbot.addWidget(w)
    return w


def test_file_menu_has_the_template_action_after_export(window):
    keys = {id(a): k for k, a in window.actions.items()}
    order = [keys.get(id(a)) for a in window.file_menu.actions()]
    assert order.index("template") == order.index("export") + 1
    assert window.actions["template"].text() == "บันทึกแบบฟอร์มคะแนน..."


@pytest.mark.parametrize("key, cls", [("import", ImportDialog), ("export", ExportDialog)])
def test_main_window_actions_open_the_dialogs(window, monkeypatch, key, cls):
    opened = []

    def fake_exec(self):
        opened.append(self)
        return 0

    monkeypatch.setattr(cls, "exec", fake_exec)
    window.actions[key].trigger()
    assert len(opened) == 1 and opened[0].parent() is window


def test_main_window_template_action_saves(window, tmp_path, save_as, messages):
    save_as[0].append(tmp_path / "t.xlsx")
    window.actions["template"].trigger()
    assert (tmp_path / "t.xlsx").exists() and messages["info"]


def test_office_without_scores_in_the_year_gives_a_thai_error(qtbot, ctx, tmp_path, save_as, messages):
    office = offices.save_office(ctx, offices.OfficeProfile(name="อบต.ตะโกทอง", kind="องค์การบริหารส่วนตำบล"))
    save_as[0].append(tmp_path / "empty.xlsx")
    _dialog(qtbot, ctx, office.id, 2566).export_button.click()
    assert "ยังไม่มีคะแนนในปีงบประมาณ พ.ศ. 2566" in messages["warning"][0]
    assert not (tmp_path / "empty.xlsx").exists()
