"""Backups: verified, rotated by the time stored inside, never counting failed or broken copies."""

from __future__ import annotations

import errno
import os
import sqlite3
import zipfile
from datetime import datetime, timedelta

import pytest

from ita_desktop.services import backups
from ita_desktop.services.backups import BackupInfo, list_backups, make_backup, rotate, to_keep
from ita_desktop.services.errors import UserError


def _db_file(ctx):
    return ctx.data_dir / "ita.sqlite3"


def test_backup_is_a_verified_zip_with_database_and_attachments(ctx):
    (ctx.attachments_dir / "evidence.pdf").write_bytes(b"%PDF-1.4 evidence")
    path = backups.create_backup(ctx, "manual")
    assert path.suffix == ".itabak" and path.parent == ctx.backups_dir
    with zipfile.ZipFile(path) as z:
        names = set(z.namelist())
        assert {"backup.json", "ita.sqlite3", "attachments/evidence.pdf"} <= names
        copy = ctx.data_dir / "copy.sqlite3"
        copy.write_bytes(z.read("ita.sqlite3"))
    con = sqlite3.connect(copy)
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    con.close()
    info = backups.read_info(path)
    assert info.reason == "manual" and info.attachments == 1 and info.size == path.stat().st_size
    assert not list(ctx.backups_dir.glob(".tmp-*"))


def test_a_damaged_database_is_never_backed_up(ctx, tmp_path):
    backups.create_backup(ctx, "manual")
    before = sorted(p.name for p in ctx.backups_dir.iterdir())
    bad = tmp_path / "bad" / "ita.sqlite3"
    bad.parent.mkdir()
    bad.write_bytes(b"SQLite format 3\x00" + b"\x07" * 5000)
    with pytest.raises(UserError, match="สำรองข้อมูลไม่ได้"):
        make_backup(bad, ctx.data_dir, "start")
    assert sorted(p.name for p in ctx.backups_dir.iterdir()) == before


def _info(tmp_path, made_at, name):
    path = tmp_path / f"{name}.itabak"
    path.write_bytes(b"x")
    return BackupInfo(path, made_at, "start", 1, "0005", 0)


def test_rotation_keeps_last_two_days_then_daily_then_monthly(tmp_path):
    now = datetime(2026, 11, 30, 12, 0)
    made = [now - timedelta(hours=h) for h in range(0, 24 * 500, 5)]  # one every 5 hours for 500 days
    infos = [_info(tmp_path, m, f"b{i}") for i, m in enumerate(made)]
    kept = {b.made_at for b in infos if b.path in to_keep(infos, now)}
    recent = {m for m in made if now - m < timedelta(days=2)}
    assert recent <= kept
    daily = {m.date() for m in kept if timedelta(days=2) <= now - m < timedelta(days=14)}
    assert len(daily) == len({m.date() for m in kept if timedelta(days=2) <= now - m < timedelta(days=14)})
    assert sum(1 for m in kept if timedelta(days=2) <= now - m < timedelta(days=14)) <= 13
    old = [m for m in kept if now - m >= timedelta(days=14)]
    assert len({(m.year, m.month) for m in old}) == len(old)  # one per month
    assert all(now - m < timedelta(days=366) for m in kept)
    assert len(kept) < len(recent) + 13 + 13


def test_clock_ahead_keeps_the_new_backup_and_the_good_ones(ctx, monkeypatch):
    """Backups named and dated by a clock that ran a year ahead do not push out today's copies."""
    ahead = backups.utcnow() + timedelta(days=365)
    for i in range(25):
        make_backup(_db_file(ctx), ctx.data_dir, "manual", now=ahead + timedelta(minutes=i))
    path = backups.create_backup(ctx, "manual")  # the clock is right again
    assert path.exists()
    assert path in [b.path for b in list_backups(ctx.backups_dir)]
    rotate(ctx.backups_dir)
    assert path.exists()


def test_kill_during_backup_leaves_no_counted_file(ctx):
    stale = ctx.backups_dir / ".tmp-deadbeef.itabak"
    ctx.backups_dir.mkdir(exist_ok=True)
    stale.write_bytes(b"PK\x03\x04 half")
    os.utime(stale, (0, 0))
    empty = ctx.backups_dir / "ita-20260101-000000-00000000-manual.itabak"
    empty.write_bytes(b"")
    assert list_backups(ctx.backups_dir) == []
    backups.create_backup(ctx, "manual")
    assert not stale.exists()
    assert [b.reason for b in list_backups(ctx.backups_dir)] == ["manual"]


def test_full_disk_says_how_much_space_and_keeps_nothing(ctx, monkeypatch):
    backups.create_backup(ctx, "manual")
    before = sorted(p.name for p in ctx.backups_dir.iterdir())
    real_write = zipfile._ZipWriteFile.write

    def full(self, data):  # the disk fills while the database is written into the zip
        real_write(self, data[:100])
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(zipfile._ZipWriteFile, "write", full)
    with pytest.raises(UserError, match="พื้นที่ดิสก์ไม่พอ: ต้องการประมาณ .* MB"):
        backups.create_backup(ctx, "manual")
    monkeypatch.setattr(zipfile._ZipWriteFile, "write", real_write)
    assert sorted(p.name for p in ctx.backups_dir.iterdir()) == before


def test_full_disk_before_writing_is_refused(ctx, monkeypatch):
    class Usage:
        free = 1000

    monkeypatch.setattr(backups.shutil, "disk_usage", lambda _p: Usage())
    with pytest.raises(UserError, match="พื้นที่ดิสก์ไม่พอ"):
        backups.create_backup(ctx, "manual")
    assert list_backups(ctx.backups_dir) == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_read_only_backup_folder_is_a_thai_message(ctx):
    ctx.backups_dir.mkdir(exist_ok=True)
    os.chmod(ctx.backups_dir, 0o500)
    try:
        with pytest.raises(UserError, match="เขียนไม่ได้"):
            backups.create_backup(ctx, "manual")
    finally:
        os.chmod(ctx.backups_dir, 0o700)


def test_restore_round_trip_backs_up_the_present_state_first(demo_ctx):
    from ita_desktop.services import offices

    ctx = demo_ctx
    (ctx.attachments_dir / "a.txt").write_text("หลักฐาน", encoding="utf-8")
    saved = backups.create_backup(ctx, "manual")
    names = [o.name for o in offices.list_offices(ctx)]
    offices.delete_office(ctx, offices.list_offices(ctx)[0].id)
    (ctx.attachments_dir / "a.txt").unlink()
    assert len(offices.list_offices(ctx)) == len(names) - 1
    info = backups.restore_backup(ctx, saved)
    assert info.reason == "manual"
    assert [o.name for o in offices.list_offices(ctx)] == names
    assert (ctx.attachments_dir / "a.txt").read_text(encoding="utf-8") == "หลักฐาน"
    reasons = [b.reason for b in list_backups(ctx.backups_dir)]
    assert "before-restore" in reasons and "before-delete" in reasons


def test_restore_refuses_a_broken_or_foreign_file_and_changes_nothing(ctx, tmp_path):
    bad = tmp_path / "x.itabak"
    bad.write_bytes(b"not a zip")
    with pytest.raises(UserError, match="ไม่ใช่ไฟล์สำรองข้อมูล"):
        backups.restore_backup(ctx, bad)
    escape = tmp_path / "escape.itabak"
    good = backups.create_backup(ctx, "manual")
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(escape, "w") as dst:
        for item in src.infolist():
            dst.writestr(item, src.read(item))
        dst.writestr("attachments/../../evil.txt", "x")
    with pytest.raises(UserError, match="ชี้ออกนอกโฟลเดอร์"):
        backups.restore_backup(ctx, escape)
    assert not (ctx.data_dir.parent / "evil.txt").exists()
    assert [b.reason for b in list_backups(ctx.backups_dir)] == ["manual"]


def test_start_backup_only_when_the_last_is_older_than_a_day(data_dir):
    from ita_desktop.services.context import open_app

    open_app(data_dir).close()  # first start: a fresh database, nothing to keep
    assert list_backups(data_dir / "backups") == []
    open_app(data_dir).close()
    assert [b.reason for b in list_backups(data_dir / "backups")] == ["start"]
    open_app(data_dir).close()
    assert [b.reason for b in list_backups(data_dir / "backups")] == ["start"]
    assert backups.backup_due(data_dir / "backups", now=backups.utcnow() + timedelta(days=2))


def test_close_backs_up_when_something_changed(data_dir):
    from ita_desktop.services import offices
    from ita_desktop.services.context import open_app

    ctx = open_app(data_dir)
    ctx.close()
    assert list_backups(data_dir / "backups") == []
    ctx = open_app(data_dir)  # makes the day's start backup
    offices.save_office(ctx, offices.OfficeProfile(name="องค์การบริหารส่วนตำบลตะโกทอง",
                                                   kind="องค์การบริหารส่วนตำบล"))
    ctx.close()
    assert [b.reason for b in list_backups(data_dir / "backups")] == ["close", "start"]


def test_demo_over_data_and_import_replacing_take_a_backup_themselves(demo_ctx):
    from ita_desktop.services.demo import load_sample_data

    assert list_backups(demo_ctx.backups_dir) == []  # a fresh database: nothing to protect
    load_sample_data(demo_ctx)
    assert [b.reason for b in list_backups(demo_ctx.backups_dir)] == ["before-demo"]


def test_a_failed_start_backup_does_not_stop_the_start_and_is_reported(data_dir, monkeypatch):
    from ita_desktop.services.context import open_app

    open_app(data_dir).close()

    def fail(*a, **k):
        raise UserError("สำรองข้อมูลไม่ได้: ทดสอบ")

    monkeypatch.setattr(backups, "make_backup", fail)
    ctx = open_app(data_dir)
    try:
        assert ctx.warnings == ["สำรองข้อมูลไม่ได้: ทดสอบ"]
    finally:
        monkeypatch.undo()
        ctx.close()
