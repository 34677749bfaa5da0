"""แฟ้ม → สำรองและกู้คืนข้อมูล, ประวัติการแก้ไข, ชุดข้อมูลหน่วยงาน: the dialogs on real services."""

from __future__ import annotations

from dataclasses import replace

import pytest
from openpyxl import load_workbook

from ita_desktop.services import audit, backups, offices, package
from ita_desktop.ui.dialogs.audit_dialog import AuditDialog
from ita_desktop.ui.dialogs.backup_dialog import BackupDialog
from ita_desktop.ui.dialogs.package_dialog import PackageImportDialog, export_package
from ita_desktop.ui.main_window import MainWindow


@pytest.fixture
def quiet(told):
    return told


def test_menu_has_the_data_safety_entries(qtbot, ctx):
    w = MainWindow(ctx)
    qtbot.addWidget(w)
    texts = [a.text() for a in w.file_menu.actions()]
    for text in ("สำรองและกู้คืนข้อมูล...", "ประวัติการแก้ไข...", "ส่งออกชุดข้อมูลหน่วยงาน...",
                 "นำเข้าชุดข้อมูลหน่วยงาน..."):
        assert text in texts


def test_backup_dialog_lists_backs_up_and_restores(qtbot, demo_ctx, quiet):
    ctx = demo_ctx
    dialog = BackupDialog(ctx, confirm=lambda text: True)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 0
    dialog.backup_button.click()
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 1).text() == "สำรองด้วยตนเอง"
    assert "/25" in dialog.table.item(0, 0).text()  # Buddhist-era year
    names = [o.name for o in offices.list_offices(ctx)]
    offices.delete_office(ctx, offices.list_offices(ctx)[0].id)
    dialog.reload()
    row = next(r for r, b in enumerate(dialog.items) if b.reason == "manual")
    dialog.table.selectRow(row)
    assert dialog.restore_button.isEnabled()
    dialog.restore_button.click()
    assert dialog.restored is not None and dialog.restored.reason == "manual"
    assert [o.name for o in offices.list_offices(ctx)] == names
    assert "before-restore" in [b.reason for b in dialog.items]
    assert "ก่อนกู้คืนข้อมูล" in [dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())]
    assert any("กู้คืนข้อมูลแล้ว" in text for text in quiet)


def test_backup_dialog_restore_declined_changes_nothing(qtbot, demo_ctx, quiet):
    backups.create_backup(demo_ctx, "manual")
    dialog = BackupDialog(demo_ctx, confirm=lambda text: False)
    qtbot.addWidget(dialog)
    dialog.table.selectRow(0)
    dialog.restore_button.click()
    assert dialog.restored is None
    assert [b.reason for b in backups.list_backups(demo_ctx.backups_dir)] == ["manual"]


def test_audit_dialog_filters_and_exports(qtbot, demo_ctx, quiet, tmp_path):
    ctx = demo_ctx
    office = offices.find_office(ctx, "อบต.ตะโกทอง")
    audit.save_person(ctx, "นายทดสอบ ระบบ")
    offices.save_office(ctx, replace(office, phone="044-111111"))
    audit.save_person(ctx, "")
    dialog = AuditDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() >= 2
    dialog.person_combo.setCurrentIndex(dialog.person_combo.findText("นายทดสอบ ระบบ"))
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 1).text() == "นายทดสอบ ระบบ"
    assert dialog.table.item(0, 7).text() == '{"phone": "044-111111"}'
    assert dialog.table.item(0, 6).text() == '{"phone": "%s"}' % office.phone
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("score"))
    assert dialog.table.rowCount() == 0
    dialog.kind_combo.setCurrentIndex(0)
    dialog.office_combo.setCurrentIndex(dialog.office_combo.findData(office.id))
    assert dialog.table.rowCount() == 1
    out = tmp_path / "audit.xlsx"
    dialog.export(out)
    assert load_workbook(out).active.max_row == 2
    dialog.since.setDate(dialog.until.date().addDays(1))
    assert dialog.table.rowCount() == 0
    dialog.person_edit.setText("นางสมศรี")
    dialog.person_button.click()
    assert audit.person() == "นางสมศรี"
    audit.save_person(ctx, "")


def test_package_export_and_import_dialog(qtbot, demo_ctx, quiet, tmp_path):
    from ita_desktop.services.context import open_app

    office = offices.find_office(demo_ctx, "อบต.ตะโกทอง")
    path = export_package(None, demo_ctx, office.id, office.name, path=tmp_path / "t.itapkg")
    assert path.exists()
    other = open_app(tmp_path / "other", backup_on_start=False)
    try:
        dialog = PackageImportDialog(other, path)
        qtbot.addWidget(dialog)
        assert "ยังไม่มีในฐานข้อมูลนี้" in dialog.summary.text()
        assert dialog.table.rowCount() == len(dialog.preview.units)
        assert {dialog.table.item(r, 2).text() for r in range(dialog.table.rowCount())} == {"เพิ่มใหม่"}
        dialog.import_button.click()
        assert dialog.result_preview is not None
        assert [o.name for o in offices.list_offices(other)] == [office.name]
        again = PackageImportDialog(other, path)
        qtbot.addWidget(again)
        assert "มีอยู่แล้ว" in again.summary.text()
        again.group.button(1).setChecked(True)  # replace
        assert {again.table.item(r, 2).text() for r in range(again.table.rowCount())} == {"แทนของเดิม"}
        again.group.button(2).setChecked(True)  # skip
        assert {again.table.item(r, 2).text() for r in range(again.table.rowCount())} == {"ข้าม"}
    finally:
        other.close()
    bad = tmp_path / "bad.itapkg"
    bad.write_bytes(b"nope")
    with pytest.raises(Exception, match="ไม่ใช่ไฟล์ชุดข้อมูล"):
        PackageImportDialog(demo_ctx, bad)
    assert package.read_package(path).office == office.name


def test_audit_dates_are_buddhist_era(qtbot, ctx):
    from PySide6.QtCore import QDate

    from ita_desktop.ui.dialogs.audit_dialog import BuddhistDateEdit, changed_only

    edit = BuddhistDateEdit(QDate(2026, 11, 30))
    qtbot.addWidget(edit)
    assert edit.text() == "30/11/2569"
    edit.lineEdit().setText("01/10/2569")
    edit.interpretText()
    assert edit.date() == QDate(2025 + 1, 10, 1)
    assert changed_only({"a": 1, "b": 2}, {"a": 1, "b": 3}) == ({"b": 2}, {"b": 3})
    assert changed_only({"a": 1}, {"a": 1}) == ("", "ไม่มีการเปลี่ยนแปลง")


def test_window_follows_a_change_made_by_ita_cli(qtbot, ctx, data_dir):
    from ita_desktop.cli.main import run
    from ita_desktop.services.changes import OFFICES, Changes

    w = MainWindow(ctx)
    qtbot.addWidget(w)
    w.ops.watch(False)  # the test drives it
    assert w.office_combo.count() == 0
    assert w.ops.check_outside_changes() is False
    assert run(["demo"]) == 0  # another connection (the command line) commits
    assert w.ops.check_outside_changes() is True
    assert w.office_combo.count() >= 5
    assert "โปรแกรมอื่น" in w.statusBar().currentMessage()
    assert w.ops.check_outside_changes() is False
    profile = offices.OfficeProfile(name="องค์การบริหารส่วนตำบลทดสอบ", kind="องค์การบริหารส่วนตำบล")
    w.ops.change(lambda c: offices.save_office(c, profile), changes=Changes.of(OFFICES), label="เพิ่มหน่วยงาน")
    assert w.ops.check_outside_changes() is False  # the window's own change is not an outside change


def test_a_second_start_reaches_the_first_window(qtbot, ctx, tmp_path):
    from ita_desktop.ui.single_instance import ask_to_raise, listen

    w = MainWindow(ctx)
    qtbot.addWidget(w)
    assert ask_to_raise(tmp_path, 200) is False  # no window has this folder
    server = listen(tmp_path, w)
    reached = []
    server.newConnection.connect(lambda: reached.append(True))
    assert ask_to_raise(tmp_path)
    qtbot.waitUntil(lambda: bool(reached), timeout=3000)
    assert w.isVisible()
    server.close()
