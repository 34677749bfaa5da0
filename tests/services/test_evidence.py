"""Evidence files: copied with their checksum, listed, opened through an injected opener, renamed, removed."""

import hashlib
import os

import pytest

from ita_desktop.services import evidence as ev
from ita_desktop.services import measure_results as mr
from ita_desktop.services import measures as ms
from ita_desktop.services import offices
from ita_desktop.services.errors import UserError


@pytest.fixture
def row_id(demo_ctx):
    office = offices.find_office(demo_ctx, "อบต.ตะโกทอง").id
    m = ms.measure_set_of_year(demo_ctx, office, 2567).measures[0]
    return mr.record_result(demo_ctx, m.id, mr.ResultInput(status=mr.DONE)).id


@pytest.fixture
def photo(tmp_path):
    path = tmp_path / "ภาพกิจกรรม.jpg"
    path.write_bytes(b"\xff\xd8" + os.urandom(5000))
    return path


def test_add_list_open_rename_remove_restore(demo_ctx, row_id, photo):
    added = ev.add_evidence(demo_ctx, row_id, photo)
    assert added.sha256 == hashlib.sha256(photo.read_bytes()).hexdigest()
    stored = demo_ctx.attachments_dir / added.stored_name
    assert stored.read_bytes() == photo.read_bytes() and added.file_name == "ภาพกิจกรรม.jpg"
    assert ev.list_evidence(demo_ctx, row_id) == (added,)
    opened = []
    assert ev.open_evidence(demo_ctx, added.id, opened.append) == stored
    assert opened == [stored]
    renamed = ev.rename_evidence(demo_ctx, added.id, "ภาพอบรม ๑.jpg")
    assert renamed.file_name == "ภาพอบรม ๑.jpg" and renamed.stored_name == added.stored_name
    with pytest.raises(UserError, match="อักขระที่ใช้ไม่ได้"):
        ev.rename_evidence(demo_ctx, added.id, "a/b.jpg")
    snap = ev.remove_evidence(demo_ctx, added.id)
    assert ev.list_evidence(demo_ctx, row_id) == () and not stored.exists()
    assert ev.restore_evidence(demo_ctx, snap) == added.id
    assert [e.file_name for e in ev.list_evidence(demo_ctx, row_id)] == ["ภาพอบรม ๑.jpg"] and stored.exists()


def test_opener_failure_and_changed_file(demo_ctx, row_id, photo):
    added = ev.add_evidence(demo_ctx, row_id, photo)
    with pytest.raises(UserError, match="เปิดไฟล์"):
        ev.open_evidence(demo_ctx, added.id, lambda path: False)
    (demo_ctx.attachments_dir / added.stored_name).write_bytes(b"changed")
    with pytest.raises(UserError, match="checksum"):
        ev.open_evidence(demo_ctx, added.id, lambda path: True)


def _files(ctx):
    return sorted(p.name for p in ctx.attachments_dir.rglob("*") if p.is_file())


def test_too_large_file_is_refused_and_nothing_copied(demo_ctx, row_id, tmp_path):
    big = tmp_path / "วีดิโอ.mp4"
    with open(big, "wb") as f:
        f.truncate(ev.MAX_BYTES + 1)
    before = _files(demo_ctx)
    with pytest.raises(UserError, match="เกิน 50 MB"):
        ev.add_evidence(demo_ctx, row_id, big)
    assert _files(demo_ctx) == before and ev.list_evidence(demo_ctx, row_id) == ()


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads every file")
def test_unreadable_file_is_refused(demo_ctx, row_id, photo):
    photo.chmod(0)
    try:
        with pytest.raises(UserError, match="อ่านไฟล์ 'ภาพกิจกรรม.jpg' ไม่ได้"):
            ev.add_evidence(demo_ctx, row_id, photo)
    finally:
        photo.chmod(0o644)
    assert ev.list_evidence(demo_ctx, row_id) == ()


def test_missing_file_and_directory(demo_ctx, row_id, tmp_path):
    with pytest.raises(UserError, match="ไม่พบไฟล์"):
        ev.add_evidence(demo_ctx, row_id, tmp_path / "nothing.pdf")
    with pytest.raises(UserError, match="ไม่ใช่ไฟล์"):
        ev.add_evidence(demo_ctx, row_id, tmp_path)


def test_unknown_row(demo_ctx, photo):
    with pytest.raises(UserError, match="ไม่พบผลการดำเนินการ"):
        ev.add_evidence(demo_ctx, 999999, photo)
    assert [p for p in demo_ctx.attachments_dir.iterdir() if p.is_file()] == []


def test_read_error_is_refused_and_nothing_copied(demo_ctx, row_id, photo, monkeypatch):
    def refuse(*args, **kwargs):
        raise PermissionError("denied")

    monkeypatch.setattr(ev, "open", refuse, raising=False)  # what an unreadable file does
    before = _files(demo_ctx)
    with pytest.raises(UserError, match="อ่านไฟล์ 'ภาพกิจกรรม.jpg' ไม่ได้"):
        ev.add_evidence(demo_ctx, row_id, photo)
    assert _files(demo_ctx) == before and ev.list_evidence(demo_ctx, row_id) == ()
