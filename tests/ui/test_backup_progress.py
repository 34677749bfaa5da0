"""Backing up and restoring from the backup dialog show a rising percent ending at 100; ยกเลิก
midway leaves no backup file, or (restore) the database and the attachments exactly as they were."""

from __future__ import annotations

from pathlib import Path

import pytest

from ita_desktop.services import backups, offices
from ita_desktop.ui.dialogs.backup_dialog import BackupDialog
from tests.ui.progress_helpers import Watch, cancel_when_paused, pause_at, rising_to_100


@pytest.fixture
def attachments(demo_ctx) -> Path:
    """Thirty attachments of 200 KB: the backup copies them file by file."""
    folder = demo_ctx.data_dir / "attachments" / "หลักฐาน"
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(30):
        (folder / f"เอกสารประกอบ-{n:02d}.pdf").write_bytes(f"ไฟล์แนบที่ {n} ".encode() * 12000)
    return folder


@pytest.fixture
def dialog(qtbot, demo_ctx, attachments, told):
    dialog = BackupDialog(demo_ctx, confirm=lambda text: True)
    qtbot.addWidget(dialog)
    return dialog


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_backup_shows_percentages_rising_to_100(dialog, demo_ctx, told):
    watch = Watch(dialog.ops)
    path = dialog.backup_now()
    assert path is not None and backups.read_info(path).attachments == 30
    assert rising_to_100(watch.shown, at_least=10), watch.shown
    assert [p.name for p in demo_ctx.backups_dir.iterdir()] == [path.name]
    assert told[-1] == f"สำรองข้อมูลแล้วที่\n{path}"


def test_cancelled_backup_leaves_no_file(dialog, demo_ctx, monkeypatch, told):
    earlier = backups.create_backup(demo_ctx, "start")
    watch = Watch(dialog.ops)
    reached, go_on = pause_at(monkeypatch, 50)  # among the attachments
    seen = cancel_when_paused(watch, reached, go_on)
    assert dialog.backup_now() is None
    assert 50 <= seen[-1] < 100 and 100 not in watch.shown
    assert [p.name for p in demo_ctx.backups_dir.iterdir()] == [earlier.name]  # no new or temporary file
    assert told[-1] == "ยกเลิกการสำรองข้อมูลแล้ว ไม่ได้สร้างไฟล์สำรอง"


@pytest.fixture
def changed_after_backup(demo_ctx, attachments):
    """A backup, then changes to restore over: an office deleted, an attachment edited, one added."""
    saved = backups.create_backup(demo_ctx, "manual")
    offices.delete_office(demo_ctx, offices.find_office(demo_ctx, "อบต.ตะโกทอง").id)
    (attachments / "เอกสารประกอบ-00.pdf").write_bytes("แก้ไขหลังสำรอง".encode())
    (attachments / "เอกสารใหม่.pdf").write_bytes("เพิ่มหลังสำรอง".encode())
    return saved


def test_restore_shows_percentages_rising_to_100(dialog, demo_ctx, changed_after_backup, attachments, monkeypatch):
    monkeypatch.setattr(backups, "STEP_PAGES", 8)  # the small sample database copied in several steps
    watch = Watch(dialog.ops)
    assert dialog.restore(changed_after_backup, "สำเนาทดสอบ")
    assert rising_to_100(watch.shown, at_least=10), watch.shown
    assert offices.find_office(demo_ctx, "อบต.ตะโกทอง") is not None
    assert (attachments / "เอกสารประกอบ-00.pdf").read_bytes() == "ไฟล์แนบที่ 0 ".encode() * 12000


@pytest.mark.parametrize("percent", [25, 50, 85])  # unpacking attachments, backing up first, replacing the database
def test_cancelled_restore_changes_nothing(dialog, demo_ctx, changed_after_backup, monkeypatch, told, percent):
    monkeypatch.setattr(backups, "STEP_PAGES", 8)
    names = sorted(o.name for o in offices.list_offices(demo_ctx))
    files = _files(demo_ctx.data_dir / "attachments")
    watch = Watch(dialog.ops)
    reached, go_on = pause_at(monkeypatch, percent)
    seen = cancel_when_paused(watch, reached, go_on)
    assert not dialog.restore(changed_after_backup, "สำเนาทดสอบ")
    assert percent <= seen[-1] < 100 and 100 not in watch.shown
    assert dialog.restored is None
    assert sorted(o.name for o in offices.list_offices(demo_ctx)) == names  # the deleted office stays deleted
    assert "อบต.ตะโกทอง" not in names
    assert _files(demo_ctx.data_dir / "attachments") == files
    assert not list(demo_ctx.data_dir.glob(".tmp-*")) and not list(demo_ctx.backups_dir.glob(".tmp-*"))
    assert told[-1] == "ยกเลิกการกู้คืนแล้ว ข้อมูลปัจจุบันไม่ถูกเปลี่ยนแปลง"
