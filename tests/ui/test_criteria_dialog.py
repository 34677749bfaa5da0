"""ตั้งค่า → เกณฑ์การประเมิน: copy a year, refused weights save nothing, renames are saved, Excel."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from ita_desktop.services import criteria as criteria_service
from ita_desktop.ui.dialogs.criteria_dialog import CriteriaDialog
from ita_desktop.ui.models import catalog_models as cm


@pytest.fixture
def shown(monkeypatch):
    messages = {"warning": [], "information": []}
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: messages["warning"].append(text))
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text, *a: messages["information"].append(text))
    return messages


@pytest.fixture
def dialog(qtbot, ctx, shown):
    widget = CriteriaDialog(ctx, 2566)
    qtbot.addWidget(widget)
    return widget


def _set(model, row, column, value):
    return model.setData(model.index(row, column), value, Qt.EditRole)


def _row(model, key):
    return next(n for n, r in enumerate(model.rows) if getattr(r, "code", getattr(r, "number", None)) == key)


def test_opens_on_the_chosen_year_with_weights_and_items(dialog):
    assert dialog.current_year() == 2566
    assert [r.code for r in dialog.weights.rows] == ["IIT", "EIT", "EIT1", "EIT2", "OIT"]
    assert dialog.weights.index(_row(dialog.weights, "OIT"), 2).data() == "40"
    assert dialog.indicators.rowCount() == 10 and dialog.items.rowCount() == 88
    assert dialog.pass_line.value() == 85.0
    assert not dialog.weights.flags(dialog.weights.index(0, 0)) & Qt.ItemIsEditable


def test_copy_the_latest_year_into_the_next(ctx, dialog, shown):
    # 2569 is bundled (issue 14), so the next year is 2570.
    assert dialog.add_next_year() == 2570
    assert 2570 in criteria_service.list_years(ctx)
    assert dialog.current_year() == 2570
    assert criteria_service.get_criteria(ctx, 2570).items == criteria_service.get_criteria(ctx, 2569).items
    assert "2570" in shown["information"][-1]


def test_weights_not_adding_up_show_a_thai_error_and_save_nothing(ctx, dialog, shown):
    before = criteria_service.get_criteria(ctx, 2566)
    assert _set(dialog.weights, _row(dialog.weights, "OIT"), 2, "50")
    assert not dialog.save()
    assert "น้ำหนัก" in shown["warning"][-1] and "100" in shown["warning"][-1]
    assert criteria_service.get_criteria(ctx, 2566) == before


def test_bad_weight_entry_is_refused_in_the_cell(qtbot, dialog, shown):
    row = _row(dialog.weights, "IIT")
    assert not _set(dialog.weights, row, 2, "สามสิบ")
    assert "เครื่องมือ IIT" in shown["warning"][-1] and "สามสิบ" in shown["warning"][-1]
    assert dialog.weights.rows[row].weight == 30.0


def test_rename_an_item_and_an_indicator_and_change_pass_line(ctx, dialog):
    assert _set(dialog.items, _row(dialog.items, "i5"), 3, "ท่านเคยรับของขวัญเกินกว่าปกติประเพณีหรือไม่")
    assert _set(dialog.indicators, _row(dialog.indicators, 8), 2, "การปรับปรุงระบบการทำงาน")
    dialog.pass_line.setValue(90)
    assert dialog.save()
    saved = criteria_service.get_criteria(ctx, 2566)
    assert saved.item("i5").text == "ท่านเคยรับของขวัญเกินกว่าปกติประเพณีหรือไม่"
    assert saved.item("i5").text_known
    assert saved.indicator(8).name == "การปรับปรุงระบบการทำงาน"
    assert saved.pass_line == 90


def test_empty_item_text_is_refused(dialog, shown):
    assert not _set(dialog.items, 0, 3, "   ")
    assert "ข้อคำถาม i1" in shown["warning"][-1]


def test_moving_weight_between_parts_keeps_the_sum(ctx, dialog):
    assert _set(dialog.weights, _row(dialog.weights, "EIT1"), 2, "๒๐")  # Thai digits
    assert _set(dialog.weights, _row(dialog.weights, "EIT2"), 2, "10")
    assert dialog.save()
    eit = criteria_service.get_criteria(ctx, 2566).tool("EIT")
    assert [p.weight for p in eit.parts] == [20.0, 10.0]


def test_export_then_import_as_next_year(ctx, dialog, tmp_path, monkeypatch):
    from openpyxl import load_workbook

    path = dialog.export_to(tmp_path / "criteria.xlsx")
    wb = load_workbook(path)
    wb["ข้อมูลทั่วไป"]["B1"] = 2570
    wb.save(path)
    assert dialog.import_from(path) == 2570
    assert dialog.current_year() == 2570
    assert criteria_service.get_criteria(ctx, 2570).items == criteria_service.get_criteria(ctx, 2566).items
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.No)
    assert dialog.import_from(path) is None  # the year exists and the clerk keeps it


def test_bad_workbook_shows_where(dialog, tmp_path, shown):
    from openpyxl import load_workbook

    path = dialog.export_to(tmp_path / "criteria.xlsx")
    wb = load_workbook(path)
    wb["ข้อคำถาม"]["A3"] = "q7"
    wb.save(path)
    assert dialog.import_from(path) is None
    assert "แผ่นงาน 'ข้อคำถาม' แถว 3 คอลัมน์ A" in shown["warning"][-1]


def test_weight_rows_round_trip():
    from ita_desktop.core.criteria import load_criteria_year

    catalog = load_criteria_year(2566)
    assert cm.tools_from_rows(cm.weight_rows(catalog)) == catalog.tools


def test_menu_opens_the_dialog(qtbot, ctx, monkeypatch):
    from ita_desktop.ui.main_window import MainWindow

    opened = []
    monkeypatch.setattr(CriteriaDialog, "exec", lambda self: opened.append(self.current_year()) or 0)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    assert [a.text() for a in window.menuBar().actions()][-2:] == ["ตั้งค่า", "ช่วยเหลือ"]
    window.actions["criteria"].trigger()
    assert opened and opened[0] in criteria_service.list_years(ctx)


# -- unsaved edits: asked about before the shown year is left ------------------------------------

@pytest.fixture
def answer(monkeypatch):
    """Stand in for the unsaved-edits question: ``answer.value`` is the clerk's reply, ``answer.asked`` the years."""

    class Answer:
        value = QMessageBox.Cancel
        asked: list[int] = []

    reply = Answer()
    reply.asked = []

    def ask(self, year):
        reply.asked.append(year)
        return reply.value

    monkeypatch.setattr(CriteriaDialog, "_ask_unsaved", ask)
    return reply


def _edit_oit_and_iit(dialog):
    """A valid edit (weights still add up to 100) that the database does not have."""
    assert _set(dialog.weights, _row(dialog.weights, "OIT"), 2, "35")
    assert _set(dialog.weights, _row(dialog.weights, "IIT"), 2, "35")


def _choose_year(dialog, year):
    dialog.year_combo.setCurrentIndex(dialog.year_combo.findData(year))


def _oit_weight_on_screen(dialog):
    return dialog.weights.rows[_row(dialog.weights, "OIT")].weight


def test_no_question_while_nothing_is_edited(ctx, dialog, answer):
    assert not dialog.has_unsaved_edits()
    _choose_year(dialog, 2567)
    assert dialog.current_year() == 2567 and dialog.loaded.year == 2567
    dialog.pass_line.setValue(dialog.pass_line.value())  # touching without changing is not an edit
    assert dialog.add_next_year() == 2570
    assert answer.asked == []


def test_switching_year_answered_cancel_stays_on_the_edits(ctx, dialog, answer, shown):
    before = criteria_service.get_criteria(ctx, 2566)
    dialog.pass_line.setValue(90)
    assert dialog.has_unsaved_edits()
    answer.value = QMessageBox.Cancel
    _choose_year(dialog, 2567)
    assert answer.asked == [2566]
    assert dialog.current_year() == 2566 and dialog.year_combo.currentText() == "พ.ศ. 2566"
    assert dialog.loaded.year == 2566 and dialog.pass_line.value() == 90
    assert criteria_service.get_criteria(ctx, 2566) == before
    assert shown["information"] == []


def test_switching_year_answered_discard_shows_the_other_year(ctx, dialog, answer):
    before = criteria_service.get_criteria(ctx, 2566)
    _edit_oit_and_iit(dialog)
    answer.value = QMessageBox.Discard
    _choose_year(dialog, 2567)
    assert answer.asked == [2566]
    assert dialog.current_year() == 2567 and dialog.loaded.year == 2567
    assert dialog.weights.rows == cm.weight_rows(criteria_service.get_criteria(ctx, 2567))
    assert criteria_service.get_criteria(ctx, 2566) == before
    _choose_year(dialog, 2566)  # the discarded edit is gone
    assert _oit_weight_on_screen(dialog) == 40.0 and answer.asked == [2566]


def test_switching_year_answered_save_stores_then_switches(ctx, dialog, answer, shown):
    _edit_oit_and_iit(dialog)
    dialog.pass_line.setValue(90)
    answer.value = QMessageBox.Save
    _choose_year(dialog, 2567)
    saved = criteria_service.get_criteria(ctx, 2566)
    assert saved.tool("OIT").weight == 35.0 and saved.tool("IIT").weight == 35.0 and saved.pass_line == 90
    assert dialog.current_year() == 2567 and dialog.loaded.year == 2567
    assert "2566" in shown["information"][-1]


def test_refused_save_keeps_the_dialog_on_the_edited_year(ctx, dialog, answer, shown):
    before = criteria_service.get_criteria(ctx, 2566)
    assert _set(dialog.weights, _row(dialog.weights, "OIT"), 2, "50")  # adds up to 110
    answer.value = QMessageBox.Save
    _choose_year(dialog, 2567)
    assert "100" in shown["warning"][-1]
    assert dialog.current_year() == 2566 and dialog.loaded.year == 2566
    assert _oit_weight_on_screen(dialog) == 50.0
    assert criteria_service.get_criteria(ctx, 2566) == before


@pytest.mark.parametrize("how", ["button", "escape", "close box"])
def test_closing_with_edits_asks_and_cancel_keeps_it_open(qtbot, dialog, answer, how):
    from PySide6.QtWidgets import QPushButton

    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.pass_line.setValue(90)
    answer.value = QMessageBox.Cancel
    if how == "button":
        next(b for b in dialog.findChildren(QPushButton) if b.text() == "ปิด").click()
    elif how == "escape":
        qtbot.keyClick(dialog, Qt.Key_Escape)
    else:
        dialog.close()
    assert answer.asked == [2566]
    assert dialog.isVisible() and dialog.pass_line.value() == 90
    answer.value = QMessageBox.Discard
    dialog.close()
    assert answer.asked == [2566, 2566] and not dialog.isVisible()


def test_closing_with_edits_answered_save_stores_them(qtbot, ctx, dialog, answer):
    dialog.show()
    dialog.pass_line.setValue(90)
    answer.value = QMessageBox.Save
    dialog.reject()
    assert not dialog.isVisible() and dialog.result() == CriteriaDialog.Rejected
    assert criteria_service.get_criteria(ctx, 2566).pass_line == 90


def test_closing_without_edits_does_not_ask(qtbot, dialog, answer):
    dialog.show()
    dialog.close()
    assert answer.asked == [] and not dialog.isVisible()


def test_adding_a_year_asks_first(ctx, dialog, answer):
    dialog.pass_line.setValue(90)
    answer.value = QMessageBox.Cancel
    assert dialog.add_next_year() is None
    assert 2570 not in criteria_service.list_years(ctx)
    assert dialog.current_year() == 2566 and dialog.pass_line.value() == 90
    answer.value = QMessageBox.Discard
    assert dialog.add_next_year() == 2570
    assert answer.asked == [2566, 2566] and dialog.current_year() == 2570
    assert criteria_service.get_criteria(ctx, 2566).pass_line == 85.0


def test_importing_asks_before_replacing_the_edits(ctx, dialog, answer, tmp_path):
    from openpyxl import load_workbook

    path = dialog.export_to(tmp_path / "criteria.xlsx")
    wb = load_workbook(path)
    wb["ข้อมูลทั่วไป"]["B1"] = 2570
    wb.save(path)
    dialog.pass_line.setValue(90)
    answer.value = QMessageBox.Cancel
    assert dialog.import_from(path) is None
    assert 2570 not in criteria_service.list_years(ctx)
    assert dialog.current_year() == 2566 and dialog.pass_line.value() == 90
    answer.value = QMessageBox.Save
    assert dialog.import_from(path) == 2570
    assert answer.asked == [2566, 2566] and dialog.current_year() == 2570
    assert criteria_service.get_criteria(ctx, 2566).pass_line == 90


def test_the_question_is_in_thai_with_three_answers(qtbot, dialog):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    seen = {}

    def reply():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, reply)
            return
        seen["title"], seen["text"] = box.windowTitle(), box.text()
        seen["buttons"] = sorted(b.text() for b in box.buttons())
        box.button(QMessageBox.Cancel).click()

    dialog.pass_line.setValue(90)
    QTimer.singleShot(0, reply)
    assert not dialog._resolve_unsaved()
    assert seen["title"] == "เกณฑ์การประเมิน"
    assert seen["text"] == "เกณฑ์การประเมินปีงบประมาณ 2566 มีการแก้ไขที่ยังไม่ได้บันทึก ต้องการบันทึกก่อนหรือไม่"
    assert seen["buttons"] == sorted(["บันทึก", "ไม่บันทึก", "ยกเลิก"])
    assert dialog.pass_line.value() == 90


def test_a_pass_line_finer_than_the_box_is_not_an_edit(ctx, dialog, answer):
    from dataclasses import replace

    criteria_service.save_criteria(ctx, replace(criteria_service.get_criteria(ctx, 2567), pass_line=85.125))
    _choose_year(dialog, 2567)
    assert not dialog.has_unsaved_edits()
    assert dialog.edited_catalog().pass_line == 85.125
    _choose_year(dialog, 2566)
    assert answer.asked == [] and dialog.current_year() == 2566
