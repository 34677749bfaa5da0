"""Data packages (export and import) and the audit-log export show a rising percent with ยกเลิก:
a stopped export leaves no file and an earlier one as it was, a stopped import stores nothing."""

from __future__ import annotations

import pytest

from ita_desktop.services import offices
from ita_desktop.services.context import open_app
from ita_desktop.ui.dialogs.audit_dialog import AuditDialog
from ita_desktop.ui.dialogs.package_dialog import PackageImportDialog, export_package
from ita_desktop.ui import tasks
from ita_desktop.ui.operations import Operations
from tests.ui.progress_helpers import Watch, cancel_when_paused, pause_at, rising_to_100


def test_package_export_shows_its_percent_and_a_stopped_one_leaves_no_file(qtbot, demo_ctx, told, tmp_path,
                                                                          monkeypatch):
    office = offices.find_office(demo_ctx, "อบต.ตะโกทอง")
    ops = Operations(demo_ctx)
    watch = Watch(ops)
    (tmp_path / "out").mkdir()
    out = tmp_path / "out" / "ตะโกทอง.itapkg"
    assert export_package(None, demo_ctx, office.id, office.name, path=out, ops=ops) == out
    assert rising_to_100(watch.shown, at_least=3), watch.shown
    before = out.read_bytes()
    reached, go_on = pause_at(monkeypatch, 10)
    cancel_when_paused(watch, reached, go_on)
    assert export_package(None, demo_ctx, office.id, office.name, path=out, ops=ops) is None
    assert ops.last_cancelled and told[-1] == "ยกเลิกแล้ว ไม่ได้สร้างไฟล์"
    assert out.read_bytes() == before and [p.name for p in out.parent.iterdir()] == [out.name]


def test_a_stopped_package_import_stores_nothing(qtbot, demo_ctx, told, tmp_path, monkeypatch):
    office = offices.find_office(demo_ctx, "อบต.ตะโกทอง")
    path = export_package(None, demo_ctx, office.id, office.name, path=tmp_path / "t.itapkg")
    other = open_app(tmp_path / "other", backup_on_start=False)
    try:
        dialog = PackageImportDialog(other, path)
        qtbot.addWidget(dialog)
        watch = Watch(dialog.ops)
        plain_progress = tasks.Task._progress
        reached, go_on = pause_at(monkeypatch, 75)  # after the attachments, before the data is stored
        cancel_when_paused(watch, reached, go_on)
        dialog.import_button.click()
        assert dialog.result_preview is None and offices.list_offices(other) == []
        monkeypatch.setattr(tasks.Task, "_progress", plain_progress)  # no pause the second time
        dialog2 = PackageImportDialog(other, path)
        qtbot.addWidget(dialog2)
        watch2 = Watch(dialog2.ops)
        dialog2.import_button.click()
        assert rising_to_100(watch2.shown, at_least=3), watch2.shown
        assert [o.name for o in offices.list_offices(other)] == [office.name]
    finally:
        other.close()


def test_audit_export_shows_its_percent_and_a_stopped_one_leaves_no_file(qtbot, demo_ctx, told, tmp_path,
                                                                         monkeypatch):
    dialog = AuditDialog(demo_ctx)
    qtbot.addWidget(dialog)
    watch = Watch(dialog.ops)
    (tmp_path / "out").mkdir()
    out = tmp_path / "out" / "audit.xlsx"
    dialog.export(out)
    assert out.exists() and rising_to_100(watch.shown, at_least=2), watch.shown
    before = out.read_bytes()
    reached, go_on = pause_at(monkeypatch, 1)
    cancel_when_paused(watch, reached, go_on)
    dialog.export(out)
    assert out.read_bytes() == before and [p.name for p in out.parent.iterdir()] == [out.name]
