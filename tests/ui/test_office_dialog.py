"""The office profile dialog saves valid input and refuses an empty name without saving."""

from ita_desktop.services import offices
from ita_desktop.ui.dialogs.office_dialog import OfficeDialog


def test_empty_name_is_refused_with_a_thai_message(qtbot, ctx, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    dialog = OfficeDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.accept()
    assert shown and "ชื่อหน่วยงาน" in shown[0]
    assert dialog.saved is None
    assert offices.list_offices(ctx) == []


def test_profile_with_signatories_is_saved_and_reloaded(qtbot, ctx):
    dialog = OfficeDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.name.setText("อบต.ตะโกทอง")
    dialog.district.setText("ซับใหญ่")
    dialog.province.setText("ชัยภูมิ")
    dialog.divisions.setPlainText("สำนักปลัด\nกองคลัง\n")
    dialog.sig_edits["mayor"][0].setText("นายปรีชา เพชรประไพ")
    dialog.sig_edits["mayor"][1].setText("นายกองค์การบริหารส่วนตำบลตะโกทอง")
    dialog.accept()
    saved = offices.get_office(ctx, dialog.saved.id)
    assert saved.name == "องค์การบริหารส่วนตำบลตะโกทอง"
    assert saved.divisions == ("สำนักปลัด", "กองคลัง")
    assert saved.signatory("mayor").name == "นายปรีชา เพชรประไพ"

    again = OfficeDialog(ctx, saved)
    qtbot.addWidget(again)
    assert again.sig_edits["mayor"][1].text() == "นายกองค์การบริหารส่วนตำบลตะโกทอง"
